"""Problems as data: issue types, located issues, and the QcityError family for fatal cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qcity.issue_types import ISSUE_TYPES, IssueType, ParamValue, Severity
from qcity.lang import Lang
from qcity.render.i18n import pair, words

if TYPE_CHECKING:  # the JSON shape of a location is described with the other documents' shapes
    from qcity.render.schemas.common import Location as LocationShape

__all__ = [
    "ISSUE_TYPES",
    "CatalogueError",
    "InputError",
    "Issue",
    "IssueType",
    "Lang",
    "Location",
    "ParamValue",
    "QcityError",
    "Severity",
    "UsageError",
    "did_you_mean",
    "printable",
    "resolve_params",
]


_INVISIBLE_CONTROLS = {
    # bidirectional overrides and isolates: they can make a message read differently
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
}


def printable(text: str) -> str:
    """*text* safe to show: undecodable bytes, control and bidi characters written as escapes.

    File names may hold bytes that are not UTF-8 (Python keeps them as lone surrogates) and
    names or cells may hold terminal control characters; neither must reach a terminal raw.
    """
    # Every character escaped below (lone surrogates, C0/C1 controls, bidi controls) is in a
    # Unicode category str.isprintable() rejects, so printable text (Chinese included) is as is.
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: an undecodable byte of a file name
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or code in _INVISIBLE_CONTROLS:
            out.append(f"\\u{code:04x}")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and inside it a sheet and cell or a catalogue path."""

    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        head = self.file or ""
        if self.line is not None:
            head = f"{head}:{self.line}"
        if head:
            parts.append(head)
        if self.sheet is not None and self.cell is not None:
            parts.append(f"{_quote_sheet(self.sheet)}!{self.cell}")
        elif self.sheet is not None:
            parts.append(_quote_sheet(self.sheet))
        if self.path:
            parts.append(self.path)
        return ": ".join(parts)

    def shown(self, lang: Lang) -> str:
        """The location as a reader of *lang* reads it: `a.xlsx：数据!B2` in zh (full-width colon
        between the file and the cell), `a.xlsx: 数据!B2` in en."""
        text = str(self)
        if lang == "zh" and self.file and (self.sheet is not None or self.path):
            head = self.file if self.line is None else f"{self.file}:{self.line}"
            return head + "：" + text[len(head) + 2 :]
        return text

    def as_dict(self) -> LocationShape:
        """The location as the public JSON shape (keys always present)."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "path": self.path,
            "line": self.line,
        }


def _quote_sheet(name: str) -> str:
    # Excel's own notation: a sheet name with spaces or punctuation is quoted.
    if name and all(ch.isalnum() or ch == "_" for ch in name):
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True)
class Issue:
    """One located problem. Language-neutral: reporters render message and hint."""

    code: str
    location: Location
    params: dict[str, ParamValue] = field(default_factory=dict)
    indicator: str | None = None
    severity: Severity | None = None
    district: str | None = None  # the district (区县) of the row, for a district's figure

    def __post_init__(self) -> None:
        if self.code not in ISSUE_TYPES:
            raise KeyError(f"unregistered issue code {self.code!r}")
        if self.severity is None:
            object.__setattr__(self, "severity", ISSUE_TYPES[self.code].severity)

    @property
    def type(self) -> IssueType:
        """The registered type of this issue."""
        return ISSUE_TYPES[self.code]

    @property
    def level(self) -> Severity:
        """The severity, never None after construction."""
        assert self.severity is not None
        return self.severity

    def title(self, lang: Lang = "zh") -> str:
        """The title of its type in *lang* (from the wording catalogue)."""
        return words(f"{self.code}.title")[lang]

    def message(self, lang: Lang = "zh") -> str:
        """The message in *lang* (from the wording catalogue), parameters filled in."""
        return _fill(words(f"{self.code}.message")[lang], self.params, lang)

    def hint(self, lang: Lang = "zh") -> str:
        """How to fix it, in *lang* (from the wording catalogue), parameters filled in."""
        return _fill(words(f"{self.code}.hint")[lang], self.params, lang)


class _Missing(dict[str, str | int | float]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def resolve_params(params: dict[str, ParamValue], lang: Lang) -> dict[str, str | int | float]:
    """The parameters with bilingual ones resolved to *lang*."""
    return {k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()}


def _fill(template: str, params: dict[str, ParamValue], lang: Lang) -> str:
    return template.format_map(_Missing(resolve_params(params, lang)))


def did_you_mean(close: list[str]) -> dict[Lang, str]:
    """The `suggestion` parameter of an unknown name: the closest known one, if any."""
    return pair("is-it", close=close[0]) if close else pair("nothing")


class QcityError(Exception):
    """A problem after which nothing can continue; carries the issue(s) that say why."""

    def __init__(self, issue: Issue, *more: Issue) -> None:
        self.issues: tuple[Issue, ...] = (issue, *more)
        super().__init__(issue.message("en"))


class InputError(QcityError):
    """The workbook cannot be read or trusted."""


class CatalogueError(QcityError):
    """The catalogue cannot be loaded."""


class UsageError(QcityError):
    """The command line asks for something impossible."""
