"""A drafted catalogue as YAML: a catalogue file a person completes, every blank marked."""

from __future__ import annotations

import json

from qcity.draft import Draft, DraftTarget
from qcity.render import Renderer, ReportOptions


class DraftYamlRenderer(Renderer[Draft]):
    """The draft as a catalogue file to complete."""

    suffix = ".yaml"

    def render(self, draft: Draft, options: ReportOptions) -> str:
        return draft_yaml(draft)


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
