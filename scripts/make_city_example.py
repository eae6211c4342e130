"""Write data/example-city/: a fictional city's plan taken through qcity from text to report.

data/example-city/plan.txt (《示例市质量强市建设实施方案（2024—2027年）》, invented for qcity) and
catalogue.yaml (completed by hand from the draft) are written by people; this script writes the
rest: draft.yaml (`qcity catalogue draft plan.txt`), template.xlsx (`qcity template -c
catalogue.yaml`), submission.xlsx (the template filled with invented 2025 figures) and report.txt
(`qcity check submission.xlsx -c catalogue.yaml --today 2026-01-15`). Run
`python scripts/make_city_example.py` after changing the catalogue, the plan or qcity's output;
tests/test_city_example.py fails while the committed files differ from what this writes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "example-city"
TODAY = "2026-01-15"
FIXED = dt.datetime(2026, 1, 10, 9, 0, 0)

# The city's figures for 2025, all invented: some met, some not; the 2027-only targets are
# judged against their horizon, still ahead in 2025.
FIGURES: dict[str, Any] = {
    "PRD-01": 94.8, "PRD-02": 98.2, "PRD-03": 99.3, "PRD-04": 1.85,
    "CON-01": "99.2%", "CON-02": 72.5,
    "SRV-01": 82, "SRV-02": 80.6,
    "ENV-01": 34, "ENV-02": 76.1, "ENV-03": 73.8, "ENV-04": "是", "ENV-05": 296,
    "ECO-01": 0.7, "ECO-02": 6.4, "ECO-03": 22.6, "ECO-04": 2.18, "ECO-05": 915,
    "BRD-01": 4, "BRD-02": 9,
    "SAF-01": "是",
}  # fmt: skip
UNIT = "示例市质量强市办（虚构）"
PERIOD = "2025年"


def draft_text() -> str:
    """What `qcity catalogue draft plan.txt` writes."""
    from qcity.draft import draft_plan
    from qcity.render.draft.yaml import draft_yaml

    return draft_yaml(draft_plan((EXAMPLE / "plan.txt").read_text(encoding="utf-8")))


def template_bytes() -> bytes:
    """What `qcity template -c catalogue.yaml` writes."""
    from qcity.catalogue import load_catalogue
    from qcity.render.xlsx.template import write_template

    return write_template(load_catalogue(EXAMPLE / "catalogue.yaml", use_cache=False))


def fill(template: bytes, out: Path) -> None:
    """The template with FIGURES in its value column and the 填报单位 and 报告期 cells filled."""
    wb = load_workbook(io.BytesIO(template))
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 21) if ws.cell(r, 1).value == "指标代码")
    value_column = next(c.column for c in ws[header] if c.value == "实际值")
    seen = set()
    for row in range(header + 1, ws.max_row + 1):
        code = str(ws.cell(row, 1).value)
        if code in FIGURES:
            ws.cell(row, value_column).value = FIGURES[code]
            seen.add(code)
    assert seen == set(FIGURES), set(FIGURES) ^ seen
    ws["B2"] = UNIT
    ws["D2"] = PERIOD
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(out)


def report_text(submission: Path) -> str:
    """What `qcity check submission.xlsx -c catalogue.yaml --today …` prints (width 100)."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    for var in ("QCITY_LANG", "QCITY_CATALOGUE", "QCITY_TODAY"):
        env.pop(var, None)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "qcity",
            "check",
            submission.name,
            "-c",
            str(EXAMPLE / "catalogue.yaml"),
            "--today",
            TODAY,
        ],
        cwd=submission.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    return "\n".join(line.rstrip() for line in proc.stdout.splitlines()) + "\n"


def build(out: Path) -> None:
    """Write draft.yaml, template.xlsx, submission.xlsx and report.txt into *out*."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "draft.yaml").write_text(draft_text(), encoding="utf-8")
    template = template_bytes()
    (out / "template.xlsx").write_bytes(template)
    fill(template, out / "submission.xlsx")
    (out / "report.txt").write_text(report_text(out / "submission.xlsx"), encoding="utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else EXAMPLE)
