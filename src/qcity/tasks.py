"""The plan's tasks in a submission: status, evidence and completion date read, overdue judged; pure."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass

from qcity.errors import Issue, Lang, Location, did_you_mean
from qcity.model import Catalogue, Task
from qcity.results import Cell, TaskReport, TaskResult, TaskStatus
from qcity.values import clean_text, normalize_code, raw_text
from qcity.workbook import Submission, TaskRow

# The words a status cell may hold, compared after NFKC, trimming, case folding and with runs
# of spaces, hyphens and underscores read as one space. The first of each is what the
# template's drop-down offers.
STATUS_WORDS: dict[TaskStatus, dict[Lang, tuple[str, ...]]] = {
    TaskStatus.NOT_STARTED: {
        "zh": ("未开始", "尚未开始", "未启动"),
        "en": ("not started", "not yet started", "to do", "todo"),
    },
    TaskStatus.IN_PROGRESS: {
        "zh": ("进行中", "推进中", "正在进行", "正在推进"),
        "en": ("in progress", "ongoing", "under way", "underway", "started"),
    },
    TaskStatus.DONE: {
        "zh": ("已完成", "完成", "已办结"),
        "en": ("done", "completed", "complete", "finished"),
    },
}
_STATUS_LOOKUP: dict[str, TaskStatus] = {
    word: status
    for status, words in STATUS_WORDS.items()
    for names in words.values()
    for word in names
}
_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def choices(lang: Lang) -> list[str]:
    """The statuses the template's drop-down offers, in the order work goes."""
    return [STATUS_WORDS[s][lang][0] for s in STATUS_WORDS]


def _words(text: str) -> str:
    words = re.sub(r"[\s_\-]+", " ", clean_text(text).casefold())
    return re.sub(r"[\s。.!]+$", "", words).strip()


def parse_status(cell: Cell | None) -> tuple[TaskStatus, str | None, bool]:
    """The status a cell states, its text, and whether the text is no status at all
    (then the task counts as not reported)."""
    if (
        cell is None
        or cell.value is None
        or (isinstance(cell.value, str) and not clean_text(cell.value))
    ):
        return TaskStatus.UNREPORTED, None, False
    raw = raw_text(cell.value)
    if isinstance(cell.value, str):
        status = _STATUS_LOOKUP.get(_words(cell.value))
        if status is not None:
            return status, raw, False
    return TaskStatus.UNREPORTED, raw, True


def parse_date(cell: Cell | None) -> tuple[dt.date | None, str | None, bool]:
    """The date a cell holds (a date cell, 2015-06-30, 2015/6/30, 2015.6.30, 2015年6月30日,
    20150630), its text, and whether something is there that is not a full date."""
    if cell is None or cell.value is None:
        return None, None, False
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date(), value.date().isoformat(), False
    if isinstance(value, dt.date):
        return value, value.isoformat(), False
    raw = raw_text(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, raw, True
    # 20150630 typed into a number cell reads as the date it spells; any other bare number
    # (a day count in a cell not formatted as a date, a year) is no date.
    text = clean_text(str(value))
    if not text:
        return None, None, False
    match = _FULL_DATE.match(text) or _COMPACT_DATE.match(text)
    if match is None:
        return None, raw, True
    try:
        return dt.date(*(int(g) for g in match.groups())), raw, False
    except ValueError:  # 2015-02-30
        return None, raw, True


def date_from_text(text: str) -> dt.date | None:
    """The date *text* spells as the tasks sheet accepts it (2015-06-30, 2015/6/30, 2015.6.30,
    2015年6月30日, 20150630), or None."""
    match = _FULL_DATE.match(clean_text(text)) or _COMPACT_DATE.match(clean_text(text))
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _text(cell: Cell | None) -> str | None:
    if cell is None or cell.value is None:
        return None
    if isinstance(cell.value, (dt.datetime, dt.date)):
        return raw_text(cell.value)
    text = clean_text(raw_text(cell.value) if not isinstance(cell.value, str) else cell.value)
    return text or None


def task_codes(tasks: list[Task]) -> dict[str, str]:
    """Every way a task code may be written (`T01`, `t1`, `Ｔ０１`) -> the catalogue's code."""
    codes: dict[str, str] = {}
    for task in tasks:
        codes[task.code] = task.code
        match = re.fullmatch(r"(.*?)(\d+)", task.code)
        if match is not None:
            codes.setdefault(f"{match.group(1)}{int(match.group(2))}", task.code)
    return codes


def judge_task(
    task: Task,
    catalogue: Catalogue,
    today: dt.date,
    status: TaskStatus,
    completed: dt.date | None = None,
) -> tuple[bool, int | None, bool]:
    """Overdue (not done once its phase has ended), days overdue, and late (done after the deadline)."""
    due = catalogue.phase(task.due).last_day
    overdue = status is not TaskStatus.DONE and today > due
    late = status is TaskStatus.DONE and completed is not None and completed > due
    return overdue, (today - due).days if overdue else None, late


def assess_tasks(
    submission: Submission,
    catalogue: Catalogue,
    today: dt.date | ReportDay,
    leads: Collection[str] | None = None,
) -> tuple[TaskReport, list[Issue]]:
    """Every catalogue task as the tasks sheet reports it (not reported without a row), judged
    on *today* (the report's day, see report_day), and the warnings about the sheet. With
    *leads*, only the tasks those departments lead: the others are not this return's."""
    day = today if isinstance(today, ReportDay) else ReportDay(today, "option")
    today = day.day
    sheet = submission.tasks
    issues: list[Issue] = []
    rows: dict[str, TaskRow] = {}
    if sheet is not None:
        known = task_codes(catalogue.tasks)
        for row in sheet.rows:
            raw = str(row.code_cell.value).strip()
            where = Location(
                file=submission.shown, sheet=sheet.sheet, cell=row.code_cell.coordinate
            )
            code = known.get(normalize_code(raw))
            if code is None:
                issues.append(_unknown(raw, catalogue, where))
                continue
            if code in rows:
                first = rows[code].code_cell.coordinate
                issues.append(
                    Issue(
                        "duplicate-task",
                        where,
                        {
                            "task": code,
                            "first": f"{sheet.sheet}!{first}",
                            "second": f"{sheet.sheet}!{row.code_cell.coordinate}",
                        },
                    )
                )
                continue
            rows[code] = row
    results = [
        _assess(task, rows.get(task.code), submission, catalogue, today, issues)
        for task in catalogue.tasks
        if leads is None or task.lead in leads
    ]
    report = TaskReport(
        sheet=sheet.sheet if sheet else None,
        today=today,
        results=tuple(results),
        today_source=day.source,
        today_at=day.location,
        today_raw=day.raw,
    )
    return report, issues


def _unknown(raw: str, catalogue: Catalogue, where: Location) -> Issue:
    codes = [t.code for t in catalogue.tasks]
    close = difflib.get_close_matches(normalize_code(raw), codes, n=1, cutoff=0.5)
    suggestion: dict[Lang, str] = did_you_mean(close)
    return Issue(
        "unknown-task",
        where,
        {"raw": raw, "suggestion": suggestion, "choices": "、".join(codes) or "—"},
    )


def _assess(
    task: Task,
    row: TaskRow | None,
    submission: Submission,
    catalogue: Catalogue,
    today: dt.date,
    issues: list[Issue],
) -> TaskResult:
    phase = catalogue.phase(task.due)
    if row is None:
        overdue, days, _ = judge_task(task, catalogue, today, TaskStatus.UNREPORTED)
        return TaskResult(task, phase, TaskStatus.UNREPORTED, overdue, days)

    def at(key: str) -> Location | None:
        return submission.task_location(row.number, key)

    assert submission.tasks is not None
    code_at = Location(
        file=submission.shown, sheet=submission.tasks.sheet, cell=row.code_cell.coordinate
    )
    status, raw, unreadable = parse_status(row.cells.get("status"))
    if unreadable:
        issues.append(Issue("task-status-unreadable", at("status") or code_at, {"raw": raw or ""}))
    completed, date_raw, bad_date = parse_date(row.cells.get("completed"))
    if bad_date:
        issues.append(
            Issue("task-date-unreadable", at("completed") or code_at, {"raw": date_raw or ""})
        )
    elif completed is not None and completed > today:
        issues.append(
            Issue(
                "task-date-in-future",
                at("completed") or code_at,
                {"task": task.code, "date": completed.isoformat(), "today": today.isoformat()},
            )
        )
    evidence = _text(row.cells.get("evidence"))
    if status is TaskStatus.DONE and evidence is None:
        issues.append(
            Issue(
                "task-done-without-evidence",
                at("evidence") or at("status") or code_at,
                {"task": task.code},
            )
        )
    overdue, days, late = judge_task(task, catalogue, today, status, completed)
    return TaskResult(
        task,
        phase,
        status,
        overdue,
        days,
        late=late,
        raw=raw,
        evidence=evidence,
        completed=completed,
        note=_text(row.cells.get("note")),
        location=at("status") or code_at,
        evidence_at=at("evidence"),
    )


# A year and a month, "2015年6月", "2015-06", "2015/6", "2015.6": the period ends with the month.
_YEAR_MONTH = re.compile(r"^((?:19|20)\d\d)\s*(?:年|[-/.])\s*(\d{1,2})\s*月?(?:份)?$")
# A half-year or a quarter: 2015年上半年, 2015年第二季度, 2015 Q2, 2015 H1.
_HALF = re.compile(r"上半年|(?<![a-z])h1(?![a-z0-9])", re.IGNORECASE)
_QUARTER = re.compile(r"第?\s*([一二三四1-4])\s*季度|(?<![a-z])q([1-4])(?![0-9])", re.IGNORECASE)
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4}


def period_end(value: object) -> dt.date | None:
    """The last day of the period a 报告期 value names: a date is itself; 2015 (or 2015年, or a
    span 2011—2015年) ends on 2015-12-31; 2015年6月 on 2015-06-30; 2015年上半年 on 2015-06-30;
    2015年第二季度 on 2015-06-30. None when it names no year."""
    from calendar import monthrange

    from qcity.series import year_of

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = clean_text(value)
        day = date_from_text(text)
        if day is not None:
            return day
        match = _YEAR_MONTH.match(text)
        if match is not None and 1 <= int(match.group(2)) <= 12:
            y, m = int(match.group(1)), int(match.group(2))
            return dt.date(y, m, monthrange(y, m)[1])
    year = year_of(value)
    if year is None:
        return None
    if isinstance(value, str):
        if _HALF.search(value):
            return dt.date(year, 6, 30)
        quarter = _QUARTER.search(value)
        if quarter is not None:
            q = quarter.group(1) or quarter.group(2)
            month = 3 * (_QUARTER_NUMBER.get(q) or int(q))
            return dt.date(year, month, monthrange(year, month)[1])
    return dt.date(year, 12, 31)


@dataclass(frozen=True)
class ReportDay:
    """The day tasks are judged on, and where it came from (see TaskReport.today_source)."""

    day: dt.date
    source: str  # "option", "year", "period" or "clock"
    location: Location | None = None
    raw: str | None = None


def report_day(
    submission: Submission, today: dt.date | None, year: int | None, clock: dt.date
) -> ReportDay:
    """The report's day: --today, else the last day of --year, else the end of the workbook's
    报告期 (its cell, then its document property), else *clock* (the day of the check)."""
    from qcity.workbook import PERIOD_NAMES

    if today is not None:
        return ReportDay(today, "option")
    if year is not None:
        return ReportDay(dt.date(year, 12, 31), "year")
    for mark in submission.periods:
        end = period_end(mark.value)
        if end is not None:
            return ReportDay(end, "period", mark.location, raw_text(mark.value))
    for name, value in submission.properties.items():
        if clean_text(name).casefold() in PERIOD_NAMES:
            end = period_end(value)
            if end is not None:
                return ReportDay(end, "period", Location(file=submission.shown), value)
    return ReportDay(clock, "clock")
