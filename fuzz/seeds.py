"""Write seed inputs for the fuzzers: small valid submissions and a few hostile ones."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import corpus  # noqa: E402
from tests.conftest import Sheet, data_rows, write_workbook  # noqa: E402

PARTS = {
    1: "xl/worksheets/sheet1.xml",
    2: "xl/sharedStrings.xml",
    3: "xl/workbook.xml",
    4: "xl/styles.xml",
}


def main() -> None:
    """Fill fuzz/corpus-workbook (prefixed as fuzz_workbook.py reads them) and corpus-values."""
    books = ROOT / "fuzz" / "corpus-workbook"
    books.mkdir(parents=True, exist_ok=True)
    _write_books(books)
    for book in list(books.glob("*.xlsx")):
        data = book.read_bytes()
        (books / f"{book.stem}.0").write_bytes(b"\x00" + data)
        with zipfile.ZipFile(book) as z:
            for mode, name in PARTS.items():
                if name in z.namelist():
                    (books / f"{book.stem}.{mode}").write_bytes(bytes([mode]) + z.read(name))
        book.unlink()
    _write_values(ROOT / "fuzz" / "corpus-values")


def _write_books(books: Path) -> None:
    write_workbook(books / "small.xlsx", {"数据": data_rows({"PRD-01": 95, "ECO-04": "2.47∶1"})})
    write_workbook(
        books / "formats.xlsx",
        {
            "说明": [["x"]],
            "数据": Sheet(
                rows=[["标题"], *data_rows({"PRD-02": 0.953, "ENV-03": "是", "SRV-01": "3个"})],
                formats={"B3": "0.0%"},
                hidden_rows=[4],
                merged=["A1:E1"],
            ),
        },
    )
    parts = corpus.workbook_parts({"数据": data_rows({"PRD-01": 95})})
    corpus.shared_string_sheet(parts, "95.5%")
    corpus.pack(books / "shared-strings.xlsx", parts)
    parts = corpus.workbook_parts({"数据": data_rows({"PRD-01": 95})})
    parts[corpus.SHEET] = corpus.data_sheet(
        ("PRD-01", "&a;"), prolog='<!DOCTYPE x [<!ENTITY a "1">]>'
    )
    corpus.pack(books / "entity.xlsx", parts)


def _write_values(values: Path) -> None:
    values.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(["95.3%", "２.４７∶１", "约95%", "1,200", "是", "3个", "−2.5"]):
        (values / f"seed{n}").write_bytes(b"\x00\x00" + text.encode())


if __name__ == "__main__":
    main()
