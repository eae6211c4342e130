"""The HTML report in a real headless Chromium: every row and status rendered, and it paginates on A4.

.ci/run installs Debian's chromium when it is missing and sets QCITY_REQUIRE_PROGRAMS=1, under
which these tests fail without it; elsewhere they skip, saying so.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from .conftest import EXAMPLE, N, Run, all_met, data_rows, require_program, write_workbook

Make = Callable[..., Path]
Cli = Callable[..., Run]

STATUS_TEXT = {"met": "✔ 达标", "unmet": "✘ 未达标", "missing": "○ 未填报", "invalid": "! 数据有误"}


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium with a fresh profile and no network services."""
    binary = require_program("chromium", "chromium-browser")
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            *args,
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )


class Rows(HTMLParser):
    """Each indicator row of the rendered DOM: its code, its status attribute and its cell texts."""

    def __init__(self, kind: str = "indicator") -> None:
        super().__init__()
        self.kind = kind
        self.rows: list[tuple[str, str, list[str]]] = []
        self._cells: list[str] | None = None
        self._tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tags.append(tag)
        a = dict(attrs)
        if tag == "tr" and self.kind in (a.get("class") or "").split():
            self.rows.append((a.get("data-code") or "", a.get("data-status") or "", []))
            self._cells = self.rows[-1][2]
        elif tag == "td" and self._cells is not None:
            self._cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._cells = None

    def handle_data(self, data: str) -> None:
        if self._cells and self._tags and self._tags[-1] != "title":
            self._cells[-1] += data


def rendered(tmp_path: Path, html: Path) -> str:
    return chromium(tmp_path, "--dump-dom", html.as_uri()).stdout.decode("utf-8")


def test_every_indicator_row_and_status_is_rendered(
    cli: Cli, make_submission: Make, tmp_path: Path
) -> None:
    values = all_met() | {"PRD-02": 93, "ENV-05": "n/a", "ENV-06": None}
    del values["ENV-07"]
    out = tmp_path / "report.html"
    run = cli(
        "check", make_submission(values), "--format", "html", "-o", out, "--today", "2015-06-01"
    )
    assert run.exit_code == 3, run.output
    parser = Rows()
    parser.feed(rendered(tmp_path, out))
    codes = [code for code, _, _ in parser.rows]
    assert len(codes) == N and len(set(codes)) == N
    statuses = {code: status for code, status, _ in parser.rows}
    assert statuses["PRD-02"] == "unmet"
    assert statuses["ENV-05"] == "invalid"
    assert statuses["ENV-06"] == statuses["ENV-07"] == "missing"
    assert sum(s == "met" for s in statuses.values()) == N - 4
    for code, status, cells in parser.rows:
        assert cells[0] == code
        assert cells[-1] == STATUS_TEXT[status], (code, cells)
    prd02 = next(cells for code, _, cells in parser.rows if code == "PRD-02")
    assert prd02[2:5] == ["≥ 94%", "93%", "−1 个百分点"]


def test_hostile_text_stays_text_in_the_browser(
    cli: Cli, make_submission: Make, tmp_path: Path
) -> None:
    note = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
    values = all_met() | {"PRD-02": (93, None, None, note)}
    out = tmp_path / "report.html"
    cli("check", make_submission(values, name="<b>x.xlsx"), "--format", "html", "-o", out)
    dom = rendered(tmp_path, out)
    assert "pwned" not in dom.split("</title>", 1)[0]
    assert "<img" not in dom and "<script" not in dom
    assert '&lt;script&gt;document.title="pwned"&lt;/script&gt;' in dom
    assert "&lt;b&gt;x.xlsx" in dom


def test_the_example_prints_on_several_a4_pages(cli: Cli, tmp_path: Path) -> None:
    html = tmp_path / "example.html"
    pdf = tmp_path / "example.pdf"
    run = cli("check", EXAMPLE, "--format", "html", "-o", html, "--today", "2015-06-01")
    assert run.exit_code == 1, run.output
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)
    assert len(pages) >= 2, len(pages)
    boxes = {
        tuple(round(float(v)) for v in box.split())
        for box in re.findall(rb"/MediaBox\s*\[([\d.\s]+)\]", data)
    }
    assert boxes == {(0, 0, 595, 842)}  # A4 in points, from the page's @page rule


def test_the_tasks_are_rendered_and_their_text_stays_text(cli: Cli, tmp_path: Path) -> None:
    evidence = '<img src=x onerror="document.title=1">市政发〔2014〕45号'
    book = write_workbook(
        tmp_path / "tasks.xlsx",
        {
            "数据": data_rows(all_met()),
            "任务": [
                ["任务代码", "状态", "证明材料", "完成日期"],
                ["T01", "已完成", evidence, "2014-12-01"],
                ["T02", "进行中"],
            ],
        },
    )
    out = tmp_path / "report.html"
    run = cli("check", book, "--format", "html", "-o", out, "--today", "2015-07-10")
    assert run.exit_code == 0, run.output
    dom = rendered(tmp_path, out)
    parser = Rows("task")
    parser.feed(dom)
    assert [code for code, _, _ in parser.rows] == [f"T{n:02d}" for n in range(1, 12)]
    rows = {code: (status, cells) for code, status, cells in parser.rows}
    assert rows["T01"][0] == "done"
    assert rows["T01"][1][4:] == ["✔ 已完成", "完成于 2014-12-01", evidence]
    assert rows["T02"][1][4:] == ["◐ 进行中", "逾期 10 天", ""]
    assert rows["T11"][1][2:6] == ["市商务局", "2015-06-30", "— 未填报", "逾期 10 天"]
    assert "<img" not in dom
    assert (
        "任务：1/11 项已完成；进行中 1，未开始 0，未填报 9；逾期 10（判定日期 2015-07-10，按 --today）。"
        in dom
    )
