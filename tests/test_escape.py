"""Escaping user text for each format: exact results for hostile input."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from qcity.render.escape import (
    github_data,
    github_property,
    html_text,
    markdown_code,
    markdown_text,
    spreadsheet_text,
    xml_text,
)
from qcity.render.github_commands import command


def test_github_command_escaping_follows_the_toolkit() -> None:
    assert github_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command("error", "50%\n::error::x", file="d,ir/a:b.xlsx", title="PRD-02: 未达标")
    assert line == "::error file=d%2Cir/a%3Ab.xlsx,title=PRD-02%3A 未达标::50%25%0A::error::x"
    assert command("notice", "ok") == "::notice::ok"


def test_markdown_text_escapes_inline_markup_and_keeps_one_line() -> None:
    assert markdown_text("a|b `c` *d* _e_ [f](g) <h> &i; ~j~ $k$ \\") == (
        r"a\|b \`c\` \*d\* \_e\_ \[f\](g) \<h\> \&i; \~j\~ \$k\$ \\"
    )
    assert markdown_text("one\ntwo\r\nthree") == "one two three"
    assert markdown_text("93.5% +1 (±1) 数据!E5") == "93.5% +1 (±1) 数据!E5"  # plain text stays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("data/x.xlsx", "`data/x.xlsx`"),
        ("a`b", "``a`b``"),
        ("``x``", "``` ``x`` ```"),
        ("a|b", "`a\\|b`"),
        ("two\nlines", "`two lines`"),
    ],
)
def test_markdown_code_span_cannot_be_closed_from_inside(text: str, expected: str) -> None:
    assert markdown_code(text) == expected


def test_xml_text_replaces_what_xml_cannot_carry() -> None:
    assert xml_text("a\x00b\x1bc\td\ne\uffff") == "a\\x00b\\x1bc\td\ne\\xffff"
    element = ET.Element("x", {"v": xml_text('\x07<&>"')})
    element.text = xml_text("\x1b[31mred")
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert parsed.get("v") == '\\x07<&>"'
    assert parsed.text == "\\x1b[31mred"


def test_html_text() -> None:
    assert html_text("<script>alert('x')</script> & \"q\"") == (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 29", "'+86 29"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("−0.58 个百分点", "−0.58 个百分点"),  # a true minus sign is not a formula
        ("数据!E5", "数据!E5"),
    ],
)
def test_spreadsheet_cells_are_neutralised(text: str, expected: str) -> None:
    assert spreadsheet_text(text) == expected
