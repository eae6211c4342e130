"""Draft a catalogue from a plan's text: every target and bottom line, quoted verbatim and located
(rendered as a catalogue file by qcity.render.draft)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from qcity.draft_patterns import DOUBLINGS, Patterns, patterns

OPS = ("at_least", "at_most", "greater", "less", "equal", "about", "yes_no", "increase")
DraftOp = Literal["at_least", "at_most", "greater", "less", "equal", "about", "yes_no", "increase"]


@dataclass(frozen=True)
class DraftTarget:
    """One target or bottom line found in a plan, with what a catalogue entry needs from it."""

    clause: str  # the plan's words, verbatim
    section: str  # the plan's own numbering, e.g. 二(一)3
    line: int  # 1-based line of the plan text
    name: str
    op: DraftOp
    value: str | None  # a decimal written as text; None for yes/no and 逐年提高
    unit: str  # as the plan writes it ("%", "个百分点", "∶1", "万元/人"); "" for an index
    year: int | None  # the horizon: 到2025年 → 2025
    base_year: int | None  # 较2020年下降 → 2020
    notes: str = ""
    lead: str | None = None  # the department the plan names as lead, e.g. 市市场监管局
    area: str = ""  # the section whose heading names the group the target falls under
    area_title: str = ""

    def as_json(self) -> dict[str, Any]:
        """The fixed JSON shape of a drafted target (`qcity schema draft`)."""
        return {
            "clause": self.clause,
            "location": {"section": self.section, "line": self.line},
            "name": self.name,
            "op": self.op,
            "value": self.value,
            "unit": self.unit,
            "year": self.year,
            "base_year": self.base_year,
            "notes": "；".join(
                x for x in (self.notes, f"牵头 lead: {self.lead}" if self.lead else "") if x
            ),
        }


@dataclass(frozen=True)
class Draft:
    """What `qcity catalogue draft` found in a plan."""

    plan: str  # the plan's title
    document: str | None  # its document number, e.g. 示政办发〔2024〕12号
    targets: list[DraftTarget] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The fixed JSON shape of a draft (`qcity schema draft`)."""
        return {"plan": self.plan, "targets": [t.as_json() for t in self.targets]}


# --- patterns, compiled on first use -------------------------------------------------------------


@dataclass
class _State:
    sec1: str = ""
    sec2: str = ""
    sec3: str = ""
    titles: dict[int, str] = field(default_factory=dict)  # level → the heading's short title
    horizon: int | None = None
    heading_lead: str | None = None

    @property
    def section(self) -> str:
        return self.sec1 + (f"({self.sec2})" if self.sec2 else "") + self.sec3

    def area_of(self) -> tuple[str, str]:
        parts = [self.sec1, f"({self.sec2})" if self.sec2 else "", self.sec3]
        for level in (3, 2, 1):
            if level in self.titles and parts[level - 1]:
                return "".join(parts[:level]), self.titles[level]
        return self.section, ""


def _heading_title(rest: str) -> str:
    """The heading's short title (产品质量显著提升) when the line opens with one, else ''."""
    m = re.match(r"([^。：:，,；;]{1,24})[。：:]", rest)
    if m and not re.search(r"\d", m.group(1)):
        return m.group(1).strip()
    if len(rest.strip()) <= 24 and not re.search(r"\d", rest):
        return rest.strip().rstrip("。")
    return ""


def _horizon_year(m: re.Match[str]) -> int:
    if m.group("plan"):
        # 十四五末 is 2025, 十五五末 2030, 十六五末 2035
        return {"四": 2025, "五": 2030, "六": 2035}[m.group("plan")]
    return int(m.group("y") or m.group("z"))


def _lead_of(who: str) -> str | None:
    first = re.split(r"[、，,；;和]", who.strip())[0].strip()
    first = re.sub(r"^(?:由|牵头单位[：:]?)", "", first)
    return first or None


def draft_plan(text: str) -> Draft:
    """Find every quantitative target and yes/no bottom line in a plan's *text*."""
    p = patterns()
    lines = text.splitlines()
    horizons = [_horizon_year(m) for m in p.horizon.finditer(text)]
    first_horizon = min(horizons) if horizons else None
    plan = _title(p, lines, text)
    doc = p.document.search(text)
    state = _State()
    targets: list[DraftTarget] = []
    for number, line in enumerate(lines, start=1):
        body_start = _enter_heading(p, state, line)
        _read_line(p, state, line, body_start, number, first_horizon, targets)
    return Draft(plan=plan, document=doc.group(0) if doc else None, targets=targets)


def _title(p: Patterns, lines: list[str], text: str) -> str:
    """The plan's title: its own title line (…实施方案（2023—2027年）), else the first 《…》."""
    for line in lines[:40]:
        bare = re.sub(r"[（(][^（）()]*[)）]$", "", line.strip())
        if len(bare) <= 60 and re.search(r"(?:方案|计划|规划|纲要|意见)$", bare):
            return line.strip()
    m = p.title.search(text)
    return m.group("t") if m else next((ln.strip() for ln in lines if ln.strip()), "")


def _enter_heading(p: Patterns, state: _State, line: str) -> int:
    """Update the section state from a heading at the start of *line*; return where its body starts."""
    m1, m2, m3 = p.h1.match(line), p.h2.match(line), p.h3.match(line)
    level, m = (1, m1) if m1 else (2, m2) if m2 else (3, m3) if m3 else (0, None)
    if m is None:
        return 0
    if level == 1:
        state.sec1, state.sec2, state.sec3 = m.group("n"), "", ""
        state.horizon = None
        state.titles = {}
    elif level == 2:
        state.sec2, state.sec3 = m.group("n"), ""
        state.titles = {k: v for k, v in state.titles.items() if k < 2}
    else:
        state.sec3 = m.group("a") or m.group("b")
        state.titles = {k: v for k, v in state.titles.items() if k < 3}
    rest = line[m.end() :]
    title = _heading_title(rest)
    if title:
        state.titles[level] = title
    if level <= 2 or state.heading_lead is None or level == 3:
        lead = p.lead.search(rest[: len(title) + 40]) if title else None
        if level < 3 or lead:
            state.heading_lead = _lead_of(lead.group("who")) if lead else None
    return m.end()


def _sentences(line: str, start: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    begin = start
    for n in range(start, len(line)):
        if line[n] == "。":
            out.append((begin, n))
            begin = n + 1
    if begin < len(line):
        out.append((begin, len(line)))
    return out


def _read_line(
    p: Patterns,
    state: _State,
    line: str,
    body_start: int,
    number: int,
    first_horizon: int | None,
    targets: list[DraftTarget],
) -> None:
    marks = [(m.start(), _horizon_year(m)) for m in p.horizon.finditer(line)]
    leads = [(m.start(), _lead_of(m.group("who"))) for m in p.lead.finditer(line)]
    for s_start, s_end in _sentences(line, body_start):
        sentence = line[s_start:s_end]
        retro = p.retro.match(sentence)
        if retro:
            year = retro.group("y") or retro.group("cy")
            if year is None or first_horizon is None or int(year) < first_horizon:
                continue
            # a sentence opening with a horizon year (2025年，…) sets the horizon
            marks.append((s_start, int(year)))
            marks.sort()
        for seg in p.segment.finditer(sentence):
            if not seg.group(0).strip() or seg.group(0)[0] in "：:":
                continue
            _read_segment(
                p, state, line, s_start + seg.start(), seg.group(0), number, marks, leads, targets
            )
    for pos, year in marks:
        if pos >= body_start or pos == 0:
            state.horizon = year


def _read_segment(
    p: Patterns,
    state: _State,
    line: str,
    offset: int,
    seg: str,
    number: int,
    marks: list[tuple[int, int]],
    leads: list[tuple[int, str | None]],
    targets: list[DraftTarget],
) -> None:
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, rule in p.rules:
        for m in rule.finditer(seg):
            if any(m.start() < e and s < m.end() for s, e, _, _ in found):
                continue
            if kind == "compare" and _is_not_a_target(m):
                continue
            found.append((m.start(), m.end(), kind, m))
    if not found:
        return
    found.sort(key=lambda f: f[0])
    clause = seg.strip()
    area, area_title = state.area_of()
    previous_end = 0
    for start, end, kind, m in found:
        absolute = offset + start
        year = state.horizon
        for pos, y in marks:
            if pos <= absolute:
                year = y
        lead = next((who for pos, who in leads if pos >= offset + end), None) or state.heading_lead
        subject = _subject(p, seg[previous_end:start])
        previous_end = end
        quote = (
            clause
            if len(found) == 1
            else seg[_quote_start(seg, start, previous_end, found) : end].strip()
        )
        for name, op, value, unit, base, notes in _targets_of(p, kind, m, subject, seg, end):
            targets.append(
                DraftTarget(
                    clause=quote,
                    section=state.section,
                    line=number,
                    name=name,
                    op=op,
                    value=value,
                    unit=unit,
                    year=year,
                    base_year=base,
                    notes=notes,
                    lead=lead,
                    area=area,
                    area_title=area_title,
                )
            )


def _quote_start(
    seg: str, start: int, _end: int, found: list[tuple[int, int, str, re.Match[str]]]
) -> int:
    before = [e for s, e, _, _ in found if e <= start]
    begin = max(before) if before else 0
    while begin < start and seg[begin] in "、和与及 ":
        begin += 1
    return begin


def _is_not_a_target(m: re.Match[str]) -> bool:
    # 达 also begins words (达标, 下达); a count of days, months or years is a deadline, not a figure
    return m.group("verb") == "达" and m.start() > 0 and m.string[m.start() - 1] in "下到送抵"


def _subject(p: Patterns, text: str) -> str:
    text = text.strip().lstrip("、和与及")
    previous = None
    while previous != text:
        previous = text
        text = p.subject_head.sub("", text)
        text = p.subject_tail.sub("", text).strip()
    return text


def _figure(m: re.Match[str]) -> tuple[str, str, str]:
    unit = "∶1" if m.group("ratio") else (m.group("unit") or "")
    unit = "%" if unit == "％" else unit
    return m.group("num"), unit, m.group("qual") or ""


def _names(p: Patterns, subject: str, count: int) -> list[str]:
    parts = [x.strip() for x in p.splitter.split(subject) if x.strip()]
    if len(parts) < count:
        return [subject] * count
    if count == 1:
        return [subject]
    parts = parts[-count:]
    last = parts[-1]
    # 城区和县城生活污水处理率: a short first part shares the last part's noun (城区生活污水处理率)
    return [
        part + last[len(part) :] if len(part) <= 3 and len(last) > len(part) + 1 else part
        for part in parts[:-1]
    ] + [last]


_Found = tuple[str, DraftOp, str | None, str, int | None, str]


def _targets_of(
    p: Patterns, kind: str, m: re.Match[str], subject: str, seg: str, end: int
) -> list[_Found]:
    if kind in ("never", "assigned", "reduction_goal"):
        name = subject or m.group(0)
        notes = "底线要求（是/否）· a yes/no bottom line"
        return [(name, "yes_no", None, "", None, notes)]
    if kind == "increase":
        return [
            (
                subject or m.group(0),
                "increase",
                None,
                "",
                None,
                "逐年提高：本年高于上年 · above last year's figure",
            )
        ]
    if kind == "batch":
        name = seg[end:].strip() or subject
        return [(name, "at_least", "1", "个", None, "一批：至少一个 · 'a batch': at least one")]
    if kind == "doubling":
        since = int(m.group("base")) if m.group("base") else None
        value = DOUBLINGS[m.group("times")]
        return [
            (
                subject,
                "at_least",
                value,
                "倍",
                since,
                f"翻番：至少为基年的{value}倍 · at least {value}× the base year",
            )
        ]
    num, unit, qual = _figure(m)
    op: DraftOp = "at_least"
    base: int | None = None
    notes = ""
    if kind == "base_change":
        base = int(m.group("base")) if m.group("base") else None
        falling = m.group("dir") in ("下降", "降低", "减少")
        op = "about" if qual == "左右" else "at_most" if qual in ("以内", "以下") else "at_least"
        notes = (
            f"较{base or '上'}年{m.group('dir')}{num}{unit} · "
            + ("a fall" if falling else "a rise")
            + (f" against {base}" if base else " against the previous year")
        )
        if m.group("both"):
            names = _names(p, subject, len(p.splitter.split(subject)))
            return [(n, op, num, unit, base, notes) for n in names]
    elif kind == "average_growth":
        op = "about" if qual == "左右" else "at_most" if qual in ("以内", "以下") else "at_least"
        notes = "年均增长 · average yearly growth"
        subject = subject + "年均增长" if subject else subject
    elif kind == "cumulative":
        op = "about" if qual == "左右" else "at_least"
        notes = "累计 · cumulative count"
    elif kind == "per_year":
        op = "about" if qual == "左右" else "at_least"
        notes = "每年新增 · added each year"
    elif kind == "change":
        op = "about" if qual == "左右" else "at_least"
        falling = m.group("dir") in ("下降", "降低", "减少")
        notes = f"{m.group('dir')}{num}{unit} · " + ("a fall" if falling else "a rise")
    else:
        verb = m.group("verb")
        if verb in ("高于", "超过"):
            op = "greater"
        elif verb == "低于":
            op = "less"
        elif verb in (
            "控制在",
            "不超过",
            "不高于",
            "缩小到",
            "缩小至",
            "降低到",
            "降低至",
            "降至",
            "下降到",
            "下降至",
            "降到",
        ):
            op = "about" if qual == "左右" else "at_most"
        elif qual == "左右":
            op = "about"
        elif qual in ("以内", "以下"):
            op = "at_most"
        if verb == "新增":
            notes = "新增 · added"
        if not unit:
            notes = notes or "指数或无单位数值 · an index or a figure without unit"
    # 分别达到X%和Y%: one target per figure; A和B均达到X%: one per subject
    if "分别" in seg[: m.start() + 1] or seg[max(0, m.start() - 2) : m.start()].endswith("分别"):
        figures = [_figure(f) for f in p.number_unit.finditer(seg, m.start())]
        names = _names(p, subject, len(figures))
        if len(figures) > 1 and len(names) == len(figures):
            return [
                (n, op, fn, fu or unit, base, notes)
                for n, (fn, fu, _) in zip(names, figures, strict=True)
            ]
    if seg[: m.start()].rstrip().endswith("均"):
        names = _names(p, subject, len(p.splitter.split(subject)))
        return [(n, op, num, unit, base, notes) for n in names]
    return [(subject or m.group(0), op, num, unit, base, notes)]


# --- rendering ----------------------------------------------------------------------------------
