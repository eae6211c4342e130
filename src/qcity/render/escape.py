"""Escaping user text (notes, cell text, file names) for each output format."""

from __future__ import annotations

import html
import re

# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters with a meaning inside a line of GitHub/GitLab-flavoured Markdown (emphasis, code,
# links, HTML, entities, table cells, strike-through, math). Block markers (#, -, +, >) only
# matter at the start of a line, and user text never starts one here.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _visible(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"


def xml_text(text: str) -> str:
    """*text* with the characters XML 1.0 cannot carry shown as \\xNN (ElementTree escapes the rest)."""
    return _XML_ILLEGAL.sub(lambda m: _visible(m.group()), text)


def html_text(text: str) -> str:
    """*text* escaped for HTML element content and quoted attributes."""
    return html.escape(xml_text(text), quote=True)


def markdown_text(text: str) -> str:
    """*text* safe inside a Markdown paragraph or table cell: markup escaped, one line."""
    one_line = " ".join(xml_text(text).splitlines())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)


def markdown_code(text: str) -> str:
    """*text* as an inline code span that no backtick inside can close (safe in a table cell)."""
    one_line = " ".join(xml_text(text).splitlines())
    longest = max((len(run) for run in re.findall(r"`+", one_line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if one_line.startswith("`") or one_line.endswith("`") or not one_line else ""
    # GFM splits table cells on | before it parses code spans, so | is escaped even here.
    return f"{fence}{pad}{one_line.replace('|', chr(92) + '|')}{pad}{fence}"


def github_data(text: str) -> str:
    """The message of a GitHub workflow command (`::error …::message`), escaped as GitHub does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a GitHub workflow command (file=…, title=…), escaped as GitHub does."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def spreadsheet_text(text: str) -> str:
    """A text cell that no spreadsheet will run as a formula: a leading =, +, -, @ is quoted with '."""
    return "'" + text if text.startswith(_FORMULA_START) else text
