"""The options commands share, as typer declares and parses them (values checked while the
command line is parsed, so that a bad one is a usage error naming the option)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qcity.lang import Lang

if TYPE_CHECKING:
    from qcity.check import Settings
    from qcity.model import Catalogue
    from qcity.zipguard import Limits


class LangChoice(str, enum.Enum):
    zh = "zh"
    en = "en"


def parse_lang(value: str | LangChoice) -> LangChoice:
    """zh or en from what people write: zh, zh-CN, zh_CN, zh-Hans, ZH; en, en-US, en_GB …"""
    if isinstance(value, LangChoice):
        return value
    primary = value.strip().replace("_", "-").split("-")[0].split(".")[0].lower()
    try:
        return LangChoice(primary)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a language qcity speaks: zh (zh-CN, zh_CN …) or en (en-US …)"
        ) from None


LangOpt = Annotated[
    LangChoice,
    typer.Option(
        "--lang",
        envvar="QCITY_LANG",
        parser=parse_lang,
        metavar="zh|en",
        help="Report language 报告语言: zh (default; also zh-CN, zh_CN) or en (en-US …).",
    ),
]
CatalogueOpt = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        "-c",
        envvar="QCITY_CATALOGUE",
        help="Indicator catalogue YAML 指标目录 (default: the bundled Xi'an 2014 plan).",
        dir_okay=False,
    ),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", envvar="QCITY_DEBUG", help="Show tracebacks for internal errors.")
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color", help="Colour the text report (default: when writing to a terminal)."
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option(
        "--year",
        min=1900,
        max=2100,
        help="Report year 报告年份 for figures derived from the 序列 (series) sheet "
        "(default: the workbook's 报告期, else the latest year holding figures).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file (atomically) instead of stdout.",
        dir_okay=False,
    ),
]

LeadOpt = Annotated[
    str | None,
    typer.Option("--lead", help="Only this lead department 牵头部门 (code or name, e.g. 市建委)."),
]
LeadsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--lead",
        metavar="DEPT",
        help="Judge only the indicators and tasks these lead departments 牵头部门 lead (code or "
        "name; repeatable or comma-separated, e.g. 市质监局). Default: the departments the "
        "template was made for (qcity template --lead), else every one.",
    ),
]


def parse_leads(catalogue: Catalogue, lead: list[str] | None) -> tuple[str, ...] | None:
    """The department codes --lead names (repeated, or separated by commas or 、), or None when
    it is not given; a usage error (unknown-department, exit 2) for a name that leads nothing."""
    if not lead:
        return None
    import re

    from qcity.catalogue import resolve_leads

    names = [n for raw in lead for n in re.split(r"[,，、;；]", raw) if n.strip()]
    return tuple(resolve_leads(catalogue, names)) or None


WorkbookArg = Annotated[
    Path, typer.Argument(help="The submission workbook (.xlsx / .xlsm) 填报工作簿.")
]
WorkbooksArg = Annotated[
    list[Path],
    typer.Argument(
        help="Workbooks (.xlsx / .xlsm) or folders of them 填报工作簿或文件夹; several files or a "
        "folder make a batch, each file checked on its own.",
        show_default=False,
        metavar="FILE_OR_DIR",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Batches: check this many files at once, in worker processes (default: the CPU count).",
    ),
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Batches: no progress bar on the terminal.")
]


def parse_today(value: str | dt.datetime) -> dt.datetime:
    """--today as the tasks sheet writes dates: 2015-06-01, 2015/6/1, 2015.6.1, 2015年6月1日."""
    if isinstance(value, dt.datetime):
        return value
    from qcity.tasks import date_from_text

    day = date_from_text(value)
    if day is None:
        raise typer.BadParameter(
            f"{value!r} is not a date: write 2015-06-01, 2015/6/1, 2015.6.1 or 2015年6月1日"
        )
    return dt.datetime(day.year, day.month, day.day)


TodayOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        envvar="QCITY_TODAY",
        parser=parse_today,
        metavar="DATE",
        help="The date to report as today: 2015-06-01, 2015/6/1, 2015.6.1 or 2015年6月1日 "
        "(pins dates so outputs are reproducible).",
    ),
]


def pin_today(today: dt.datetime | None) -> tuple[dt.date | None, dt.datetime | None]:
    """The report date and the check time that --today pins (midnight UTC), or None and None."""
    if today is None:
        return None, None
    return today.date(), today.replace(tzinfo=dt.timezone.utc)


def _size(text: str) -> str:
    """Validate a size option while parsing, so a bad one is a usage error naming the option."""
    from qcity.zipguard import parse_size

    try:
        parse_size(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    return text


# The defaults of Limits (qcity.zipguard), as a person writes them (a test keeps them equal).
DEFAULT_MAX_SIZE = "20MiB"
DEFAULT_MAX_INFLATED = "4MiB"
DEFAULT_MAX_ROWS = 2_000

MaxSizeOpt = Annotated[
    str,
    typer.Option(
        "--max-size",
        envvar="QCITY_MAX_SIZE",
        callback=_size,
        metavar="SIZE",
        help="Largest workbook file accepted, e.g. 20MB, 50MiB (see README: Security).",
    ),
]
MaxInflatedOpt = Annotated[
    str,
    typer.Option(
        "--max-inflated",
        envvar="QCITY_MAX_INFLATED",
        callback=_size,
        metavar="SIZE",
        help="Most uncompressed XML read from the workbook, e.g. 4MiB (see README: Security).",
    ),
]
MaxRowsOpt = Annotated[
    int,
    typer.Option(
        "--max-rows",
        envvar="QCITY_MAX_ROWS",
        min=1,
        help="Most rows read from the data sheet (see README: Security).",
    ),
]


def parse_limits(max_size: str, max_inflated: str, max_rows: int) -> Limits:
    """The reading limits from --max-size, --max-inflated and --max-rows (UsageError if bad)."""
    from qcity.zipguard import Limits, parse_size

    return Limits(
        max_file_bytes=parse_size(max_size),
        max_inflated_bytes=parse_size(max_inflated),
        max_rows=max_rows,
    )


@dataclass(frozen=True, kw_only=True)
class Common:
    """The options most commands share, as given: the plumbing every command does the same way
    (language, catalogue, output, colour, date, report year, reading limits)."""

    lang: Lang = "zh"
    debug: bool = False
    catalogue: Path | None = None  # --catalogue (None: the bundled one)
    output: Path | None = None  # -o (None: stdout)
    color: bool | None = None  # --color/--no-color (None: when writing to a terminal)
    today: dt.datetime | None = None  # --today, at midnight
    year: int | None = None  # --year
    limits: tuple[str, str, int] = (DEFAULT_MAX_SIZE, DEFAULT_MAX_INFLATED, DEFAULT_MAX_ROWS)

    @property
    def day(self) -> dt.date | None:
        """The report's date --today pins, if given."""
        return pin_today(self.today)[0]

    def load(self) -> Catalogue:
        """The catalogue --catalogue names, else the bundled one."""
        from qcity.catalogue import load_catalogue

        return load_catalogue(self.catalogue)

    def settings(self, catalogue: Catalogue, lead: list[str] | None = None) -> Settings:
        """What the core's checks are given: the check time and day --today pins, --year, the
        reading limits, the departments --lead names (UsageError, exit 2, for a bad one)."""
        from qcity.check import Settings

        day, now = pin_today(self.today)
        limits = parse_limits(*self.limits)
        return Settings(self.catalogue, now, self.year, limits, parse_leads(catalogue, lead), day)
