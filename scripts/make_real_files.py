"""Write tests/data/real/: files saved by LibreOffice Calc itself, for the hostile corpus.

Generated inputs show what qcity does with what openpyxl writes; these show what it does with
what a real spreadsheet program saves (its own styles, shared strings, cached formula results,
error cells, and the formats it refuses), and one encrypted as Excel encrypts a workbook with an
open password (ECMA-376 agile encryption). Needs `soffice` (LibreOffice) and
`pip install msoffcrypto-tool`; run it again only to change the files — the tests use the
committed copies.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import all_met  # noqa: E402

OUT = ROOT / "tests" / "data" / "real"


def convert(source: Path, target: str, folder: Path) -> Path:
    """Convert *source* with LibreOffice to the format *target* (xlsx, xls, ods)."""
    profile = Path(tempfile.mkdtemp(prefix="lo-qcity-"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--infilter=CSV:44,34,76,1",  # comma, double quote, UTF-8, from line 1
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return folder / f"{source.stem}.{target.split(':')[0]}"


def main() -> None:
    """Write the LibreOffice files."""
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="qcity-real-"))
    table = work / "submission.csv"
    with table.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["指标代码", "实际值", "分子", "分母", "备注"])
        for code, value in all_met().items():
            writer.writerow([code, "2.4∶1" if code == "ECO-04" else value, "", "", ""])
    for fmt in ("xlsx", "xls", "ods"):
        shutil.copy(convert(table, fmt, work), OUT / f"libreoffice-submission.{fmt}")

    # Formulas without cached results (as openpyxl writes them); LibreOffice computes and
    # saves the results, including an error value.
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "数据"
    ws.append(["指标代码", "实际值", "分子", "分母", "备注"])
    ws.append(["PRD-01", "=A10*0+95.5", None, None, "公式"])
    ws.append(["PRD-02", "=C3/D3*100", 1140, 1200, "由分子分母计算"])
    ws.append(["ECO-04", 2.47, None, None, None])
    ws.append(["ENV-03", "=1>0", None, None, "逻辑值"])
    ws.append(["PRD-03", "=1/0", None, None, "错误值"])
    formulas = work / "formulas.xlsx"
    wb.save(formulas)
    saved = work / "saved"
    saved.mkdir()
    shutil.copy(
        convert(formulas, "xlsx:Calc MS Excel 2007 XML", saved), OUT / "libreoffice-formulas.xlsx"
    )
    shutil.rmtree(work, ignore_errors=True)
    encrypt(OUT / "libreoffice-submission.xlsx", OUT / "encrypted-agile.xlsx", "qcity")


def encrypt(source: Path, target: Path, password: str) -> None:
    """Encrypt *source* with an open password, into the OLE container Excel writes."""
    from msoffcrypto.format.ooxml import (  # type: ignore[import-not-found,import-untyped,unused-ignore]
        OOXMLFile,
    )

    with source.open("rb") as plain, target.open("wb") as locked:
        OOXMLFile(plain).encrypt(password, locked)


if __name__ == "__main__":
    main()
