"""Draft a catalogue from a plan's text: every target and bottom line, quoted verbatim and located."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

OPS = ("at_least", "at_most", "greater", "less", "equal", "about", "yes_no", "increase")
DraftOp = Literal["at_least", "at_most", "greater", "less", "equal", "about", "yes_no", "increase"]

CN_DIGITS = "一二三四五六七八九十"
# The units a target's figure may carry, longest first so that 万元/人 wins over 万元.
UNITS = (
    "个百分点",
    "微克/立方米",
    "毫克/立方米",
    "万元/人",
    "元/人",
    "万元",
    "亿元",
    "万件",
    "万人",
    "万吨",
    "万家",
    "万个",
    "万户",
    "%",
    "％",
    "分",
    "家",
    "个",
    "项",
    "天",
    "倍",
    "件",
    "张",
    "人",
    "所",
    "座",
    "条",
    "处",
    "台",
    "户",
    "公里",
    "小时",
)
# Doubling words: 翻一番 is twice the base, 翻两番 four times.
DOUBLINGS = {"一": "2", "两": "4", "二": "4"}


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


@dataclass(frozen=True)
class _Patterns:
    h1: re.Pattern[str]
    h2: re.Pattern[str]
    h3: re.Pattern[str]
    horizon: re.Pattern[str]
    retro: re.Pattern[str]
    segment: re.Pattern[str]
    lead: re.Pattern[str]
    document: re.Pattern[str]
    title: re.Pattern[str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    number_unit: re.Pattern[str]
    subject_head: re.Pattern[str]
    subject_tail: re.Pattern[str]
    splitter: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    num = r"(?P<num>\d+(?:\.\d+)?)"
    unit = "(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + ")"
    ratio = r"(?P<ratio>[∶:：]\s*1)"
    qual = r"(?P<qual>以上|以下|以内|左右)?"
    figure = rf"\s*{num}\s*(?:{ratio}|{unit})?{qual}(?![\d.年月日号])"
    stop = r"[^，,；;。]"
    rules: list[tuple[str, str]] = [
        # yes/no bottom lines
        ("never", rf"确保不发生{stop}*?(?:事故|事件)"),
        (
            "assigned",
            rf"(?:控制在|完成|实现)(?:省|市|国家|上级)(?:政府)?下达的{stop}*?(?:目标|任务|指标)(?:以内)?",
        ),
        ("reduction_goal", rf"实现{stop}{{0,6}}减排目标"),
        # changes against a base year
        (
            "base_change",
            rf"(?:较|比)(?:(?P<base>\d{{4}})年|上年|上一年)(?P<both>均)?(?P<dir>下降|降低|减少|提高|提升|增长|上升|增加){figure}",
        ),
        ("doubling", r"(?:(?:较|比)(?P<base>\d{4})年)?(?:实现)?翻(?P<times>[一两二])番"),
        ("average_growth", rf"年均(?P<dir>增长|增速|提高){figure}"),
        (
            "cumulative",
            rf"累计(?:建成|培育|创建|新增|完成|达到|认定|获得|打造|制定|修订|主导制定|制修订|推广)?{figure}",
        ),
        ("per_year", rf"(?:每年|年均)(?:新增|增加|培育|创建|建成|打造|认定){figure}"),
        ("increase", r"逐年(?:提高|提升|增长|增加)"),
        ("batch", r"建成一批"),
        ("change", rf"(?P<dir>提高|提升|下降|降低|减少){figure}"),
        (
            "compare",
            r"(?P<verb>稳定在|保持在|提高到|提高至|提升到|提升至|增长到|增加到|增至|达到|不低于|不少于"
            r"|突破|新增|高于|超过|控制在|不超过|不高于|缩小到|缩小至|降低到|降低至|降至|下降到|下降至|降到"
            r"|低于|达)" + figure,
        ),
    ]
    return _Patterns(
        h1=re.compile(rf"^\s*(?P<n>[{CN_DIGITS}]+)、"),
        h2=re.compile(rf"^\s*[（(](?P<n>[{CN_DIGITS}]+)[)）]"),
        h3=re.compile(r"^\s*(?:(?P<a>\d{1,2})[.．、](?!\d)|[（(](?P<b>\d{1,2})[)）])"),
        horizon=re.compile(
            r"(?:到|至|力争到|力争)\s*(?P<y>\d{4})\s*年|(?P<z>\d{4})\s*年(?:底|末)前"
            r"|[“\"]?十(?P<plan>[四五六])五[”\"]?(?:时期)?末"
        ),
        retro=re.compile(
            r"^\s*(?:(?:截至|截止|截止到)\s*(?P<cy>\d{4})\s*年|(?P<y>\d{4})\s*年(?!\s*(?:底|末)前))"
            r"|^\s*(?:近年来|目前|当前|现有|[“\"]?十[二三四]五[”\"]?(?:期间|以来))"
        ),
        segment=re.compile(r"[^，,；;：:。]+|[：:](?=\s*1)"),
        lead=re.compile(r"[（(](?P<who>[^（）()]{1,80}?)(?:牵头|负责)[^（）()]*[)）]"),
        document=re.compile(r"[\u4e00-\u9fff]{1,12}〔\d{4}〕\d+号"),
        title=re.compile(r"《(?P<t>[^《》]{2,80}?(?:方案|规划|计划|意见|纲要))》"),
        rules=tuple((kind, re.compile(p)) for kind, p in rules),
        number_unit=re.compile(rf"{num}\s*(?:{ratio}|{unit})?{qual}"),
        subject_head=re.compile(
            r"^\s*(?:(?:到|至|力争到|力争)\s*\d{4}\s*年(?:底|末)?|\d{4}\s*年(?:底|末)前|其中|同时|并|且|使|确保|力争)+\s*"
        ),
        subject_tail=re.compile(r"(?:均|分别|要|将|的|实现|总体|继续|进一步|稳步)+$"),
        splitter=re.compile(r"[、和与及]"),
    )


# --- reading the plan ---------------------------------------------------------------------------


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
    p = _patterns()
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


def _title(p: _Patterns, lines: list[str], text: str) -> str:
    """The plan's title: its own title line (…实施方案（2023—2027年）), else the first 《…》."""
    for line in lines[:40]:
        bare = re.sub(r"[（(][^（）()]*[)）]$", "", line.strip())
        if len(bare) <= 60 and re.search(r"(?:方案|计划|规划|纲要|意见)$", bare):
            return line.strip()
    m = p.title.search(text)
    return m.group("t") if m else next((ln.strip() for ln in lines if ln.strip()), "")


def _enter_heading(p: _Patterns, state: _State, line: str) -> int:
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
    p: _Patterns,
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
    p: _Patterns,
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


def _subject(p: _Patterns, text: str) -> str:
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


def _names(p: _Patterns, subject: str, count: int) -> list[str]:
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
    p: _Patterns, kind: str, m: re.Match[str], subject: str, seg: str, end: int
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

BLANK = "~  # 待填 to fill"
MODEL_UNITS = {
    "%": "percent",
    "个百分点": "percent",
    "∶1": "ratio",
    "倍": "multiple",
    "分": "score",
    "天": "days",
    "微克/立方米": "concentration",
    "毫克/立方米": "concentration",
}
COUNT_UNITS = ("个", "家", "项", "件", "张", "所", "座", "条", "处", "台", "户", "人")
AMOUNT_UNITS = ("万元/人", "元/人", "万元", "亿元", "万件", "万人", "万吨", "万家", "万个", "万户")
LABELLED = ("amount", "concentration")


def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def model_unit(t: DraftTarget) -> str | None:
    """The catalogue unit a drafted target takes, or None where a person must choose."""
    if t.op == "yes_no":
        return "boolean"
    if t.op == "increase":
        return None
    if t.unit in MODEL_UNITS:
        return MODEL_UNITS[t.unit]
    if t.unit in COUNT_UNITS:
        return "count"
    if t.unit in AMOUNT_UNITS:
        return "amount"
    return "index" if t.unit == "" else None


def _measure(t: DraftTarget) -> str:
    if t.unit == "个百分点" and t.base_year is not None:
        return "change"
    if "每年新增" in t.notes:
        return "per_year"
    if "累计" in t.notes:
        return "cumulative"
    return "level"


def _target_fields(t: DraftTarget) -> str | None:
    """`op: at_least, value: 95` and what the target measures, or None where a person must say."""
    if t.op == "yes_no":
        return "op: is, value: true"
    if t.op == "increase":
        return "op: greater, value: 0"  # the change over last year (derive: change)
    if t.value is None or t.op not in ("at_least", "at_most", "greater", "less", "about"):
        return None
    fields = f"op: {t.op}, value: {t.value}"
    if t.op == "about":
        fields += ", tolerance: ~"
    measure = _measure(t)
    if measure != "level":
        fields += f", measure: {measure}"
    if t.base_year is not None and (measure == "change" or model_unit(t) == "multiple"):
        fields += f", base_year: {t.base_year}"
    return fields


def _decimals(t: DraftTarget) -> int:
    unit = model_unit(t)
    if t.value is None or unit in ("count", "boolean", "days"):
        return 0
    places = len(t.value.partition(".")[2])
    return max(places, 1) if unit in ("percent", "score", "index") else max(places, 2)


def _groups(targets: list[DraftTarget]) -> list[list[DraftTarget]]:
    """Targets of one indicator: the same name and unit under successive horizons."""
    groups: dict[tuple[str, str, str], list[DraftTarget]] = {}
    for t in targets:
        kind: str = t.op if t.op in ("yes_no", "increase") else "figure"
        key = (t.name, t.unit, kind)
        group = groups.setdefault(key, [])
        if t.year is not None and any(g.year == t.year for g in group):
            key = (*key[:2], f"{key[2]}@{len(groups)}")  # the same name twice in one horizon
            group = groups.setdefault(key, [])
        group.append(t)
    return list(groups.values())


def _indicator_yaml(group: list[DraftTarget]) -> list[str]:
    t = group[0]
    out: list[str] = []
    for g in group:
        when = f"到{g.year}年" if g.year else "no horizon year in the plan"
        base = f", 基年 base year {g.base_year}" if g.base_year else ""
        out.append(
            f"  # {g.section}, line {g.line}: {when}{base}" + (f"; {g.notes}" if g.notes else "")
        )
    out.append(f"  - code: {BLANK}")
    out.append(f"    area: {BLANK}: the area of {t.area} {t.area_title}".rstrip())
    out.append(f"    name: {{zh: {_q(t.name)}, en: ~}}  # 待填 to fill: en")
    unit = model_unit(t)
    said = _q(t.unit) if t.unit else "no unit"
    out.append(f"    unit: {unit}" if unit else f"    unit: {BLANK}: the plan writes {said}")
    if unit in LABELLED:
        out.append(f"    unit_label: {{zh: {_q(t.unit)}, en: ~}}  # 待填 to fill: en")
    dated = [g for g in group if g.year is not None]
    if len(dated) == len(group):
        out.append("    targets:")
        for g in group:
            fields = _target_fields(g)
            if fields is None:
                out.append(f"      - {{year: {g.year}}}  # 待填 to fill: the plan says {g.op}")
            else:
                hint = "  # 待填 to fill: the tolerance of 左右" if g.op == "about" else ""
                out.append(f"      - {{year: {g.year}, {fields}}}{hint}")
    else:
        fields = _target_fields(t)
        out.append(
            f"    target: {{{fields}}}"
            if fields
            else f"    target: {BLANK}: the plan says {t.op} {t.value or ''}{t.unit}".rstrip()
        )
    if t.op == "increase":
        out.append(
            f"    derive: {{kind: change, series: ~}}  # 待填 to fill: the series of {_q(t.name)}"
        )
    out.append(f"    decimals: {_decimals(t)}")
    if unit == "percent" and t.unit == "%" and t.base_year is None and "增长" not in t.notes:
        out.append("    range: {min: 0, max: 100}")
    elif unit not in (None, "boolean", "percent", "ratio") or t.unit == "%":
        out.append("    range: {min: 0}")
    out.append(f"    lead: {_q(t.lead)}" if t.lead else f"    lead: {BLANK}")
    out.append(f"    source: {{clause: {_q(t.section)}, quote: {_q(t.clause)}}}")
    return out


def draft_yaml(draft: Draft) -> str:
    """A catalogue file a person completes: what the plan says filled in, every blank marked."""
    out: list[str] = [
        f"# qcity catalogue drafted from {draft.plan}",
        "# Written by `qcity catalogue draft`: fill every blank marked 待填 / to fill, check each",
        "# proposal against the plan, then run `qcity catalogue validate FILE --plan PLAN.txt`.",
        "",
        "catalogue:",
        f"  id: {BLANK}",
        f"  title: {{zh: {_q(draft.plan)}, en: ~}}  # 待填 to fill: en",
        f"  document: {_q(draft.document) if draft.document else BLANK}",
        "  issuer: {zh: ~, en: ~}  # 待填 to fill",
        f"  issued: {BLANK}",
        '  version: "0.1.0"',
        "",
        "departments:",
    ]
    leads = list(dict.fromkeys(t.lead for t in draft.targets if t.lead))
    for lead in leads:
        out.append(f"  - code: {_q(lead)}")
        out.append(f"    name: {{zh: {_q(lead)}, en: ~}}  # 待填 to fill: full names")
    if any(t.lead is None for t in draft.targets):
        out.append(
            f"  - code: {BLANK}: a department for the targets whose lead the plan does not name"
        )
        out.append("    name: {zh: ~, en: ~}")
    out += ["", "areas:"]
    # one area per heading title (产品质量 under both horizons is one area), at its first section
    areas: dict[str, tuple[str, str]] = {}
    for t in draft.targets:
        areas.setdefault(t.area_title or t.area, (t.area, t.area_title))
    for section, title in areas.values():
        out.append(f"  - code: {BLANK}")
        out.append(f"    name: {{zh: {_q(title) if title else '~'}, en: ~}}  # 待填 to fill")
        out.append(f"    lead: {BLANK}")
        quote = _q(title) if title else "~"
        out.append(f"    source: {{clause: {_q(section)}, quote: {quote}}}")
    out += ["", "indicators:"]
    for group in _groups(draft.targets):
        out += _indicator_yaml(group)
    return "\n".join(out) + "\n"


def draft_json(draft: Draft) -> str:
    """The draft as JSON, in the shape `qcity schema draft` describes."""
    return json.dumps(draft.as_json(), ensure_ascii=False, indent=2) + "\n"


def draft_json_schema() -> dict[str, Any]:
    """The JSON Schema of `qcity catalogue draft --format json`."""
    nullable_int: dict[str, Any] = {"type": ["integer", "null"]}
    target = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "clause",
            "location",
            "name",
            "op",
            "value",
            "unit",
            "year",
            "base_year",
            "notes",
        ],
        "properties": {
            "clause": {"type": "string", "description": "the plan's words, verbatim"},
            "location": {
                "type": "object",
                "additionalProperties": False,
                "required": ["section", "line"],
                "properties": {
                    "section": {
                        "type": "string",
                        "description": "the plan's numbering, e.g. 二(一)3",
                    },
                    "line": {"type": "integer", "minimum": 1},
                },
            },
            "name": {"type": "string"},
            "op": {"enum": list(OPS)},
            "value": {
                "type": ["string", "null"],
                "pattern": r"^\d+(\.\d+)?$",
                "description": "a decimal written as text; null for yes_no and increase",
            },
            "unit": {"type": "string", "description": "as the plan writes it; empty for an index"},
            "year": nullable_int | {"description": "the horizon year (到2025年)"},
            "base_year": nullable_int | {"description": "the base year of a change (较2020年)"},
            "notes": {"type": "string"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "qcity catalogue draft",
        "type": "object",
        "additionalProperties": False,
        "required": ["plan", "targets"],
        "properties": {
            "plan": {"type": "string"},
            "targets": {"type": "array", "items": target},
        },
    }
