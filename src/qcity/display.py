"""How figures, targets, gaps and statuses are written for people, in Chinese or English."""

from __future__ import annotations

from decimal import Decimal

from qcity.errors import Lang
from qcity.model import Indicator, IndicatorResult, Op, Scalar, Status, Unit
from qcity.values import format_decimal, quantize

STATUS_LABEL: dict[Status, dict[Lang, str]] = {
    Status.MET: {"zh": "达标", "en": "met"},
    Status.UNMET: {"zh": "未达标", "en": "unmet"},
    Status.MISSING: {"zh": "未填报", "en": "missing"},
    Status.INVALID: {"zh": "数据有误", "en": "invalid"},
}
STATUS_MARK: dict[Status, str] = {
    Status.MET: "✔",
    Status.UNMET: "✘",
    Status.MISSING: "○",
    Status.INVALID: "!",
}
UNIT_LABEL: dict[Unit, dict[Lang, str]] = {
    Unit.PERCENT: {"zh": "%", "en": "%"},
    Unit.RATIO: {"zh": "比值(X∶1)", "en": "ratio (X∶1)"},
    Unit.BOOLEAN: {"zh": "是/否", "en": "yes/no"},
    Unit.COUNT: {"zh": "个", "en": "count"},
}

LABELS: dict[str, dict[Lang, str]] = {
    "code": {"zh": "代码", "en": "Code"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "target": {"zh": "目标", "en": "Target"},
    "value": {"zh": "填报值", "en": "Reported"},
    "gap": {"zh": "差距", "en": "Gap"},
    "status": {"zh": "状态", "en": "Status"},
    "lead": {"zh": "牵头部门", "en": "Lead"},
    "file": {"zh": "文件", "en": "File"},
    "sheet": {"zh": "工作表", "en": "Sheet"},
    "catalogue": {"zh": "指标目录", "en": "Catalogue"},
    "checked": {"zh": "检查时间", "en": "Checked"},
    "issues": {"zh": "数据问题", "en": "Data issues"},
    "location": {"zh": "位置", "en": "Location"},
    "problem": {"zh": "问题", "en": "Problem"},
    "fix": {"zh": "改正方法", "en": "Fix"},
    "severity": {"zh": "级别", "en": "Level"},
    "title": {"zh": "质量强市指标检查", "en": "Quality-city indicator check"},
    "source": {"zh": "依据", "en": "Source"},
    "note": {"zh": "备注", "en": "Note"},
    "date": {"zh": "日期", "en": "Date"},
    "area": {"zh": "领域", "en": "Area"},
    "total": {"zh": "合计", "en": "Total"},
    "compare": {"zh": "对比", "en": "Compared"},
}
SEVERITY_LABEL: dict[str, dict[Lang, str]] = {
    "error": {"zh": "错误", "en": "error"},
    "warning": {"zh": "警告", "en": "warning"},
    "info": {"zh": "提示", "en": "info"},
}


def label(key: str, lang: Lang) -> str:
    """A fixed label in *lang*."""
    return LABELS[key][lang]


def yes_no(value: bool, lang: Lang) -> str:
    """是/否 or yes/no."""
    if lang == "zh":
        return "是" if value else "否"
    return "yes" if value else "no"


def number(value: Decimal, unit: Unit, lang: Lang, decimals: int | None = None) -> str:
    """A figure in its unit: 95.3%, 2.47∶1, 3 (个)."""
    shown = format_decimal(quantize(value, decimals) if decimals is not None else value)
    if unit is Unit.PERCENT:
        return f"{shown}%"
    if unit is Unit.RATIO:
        return f"{shown}∶1"
    if unit is Unit.COUNT and lang == "zh":
        return f"{shown}个"
    return shown


def scalar(value: Scalar, indicator: Indicator, lang: Lang) -> str:
    """A reported value for display, rounded to at most the judged decimals."""
    if isinstance(value, bool):
        return yes_no(value, lang)
    return number(value, indicator.unit, lang, indicator.decimals)


def target(indicator: Indicator, lang: Lang) -> str:
    """The target as a person reads it: ≥ 94%, ≤ 2.6∶1, ≈ 53% (±1), = 100%, 是."""
    t = indicator.target
    if t.op is Op.IS:
        assert isinstance(t.value, bool)
        return yes_no(t.value, lang)
    figure = number(t.number, indicator.unit, lang)
    if t.op is Op.AT_MOST:
        return f"≤ {figure}"
    if t.op is Op.ABOUT:
        assert t.tolerance is not None
        return f"≈ {figure} (±{format_decimal(t.tolerance)})"
    if indicator.range.max is not None and t.number == indicator.range.max:
        return f"= {figure}"
    return f"≥ {figure}"


def signed(value: Decimal) -> str:
    """+1.5, −0.1 (a true minus sign), 0."""
    text = format_decimal(abs(value))
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return text


def gap(result: IndicatorResult, lang: Lang, short: bool = False) -> str:
    """The signed gap in the indicator's own terms, or an empty string where there is none."""
    if result.gap is None:
        return ""
    indicator = result.indicator
    g = result.gap
    if indicator.unit is Unit.PERCENT:
        if short:
            return f"{signed(g)} pp" if lang == "en" else f"{signed(g)} 个百分点"
        return f"{signed(g)} 个百分点" if lang == "zh" else f"{signed(g)} percentage points"
    if indicator.unit is Unit.RATIO:
        ceiling = format_decimal(indicator.target.number)
        if indicator.target.op is Op.AT_MOST:
            if lang == "zh":
                return (
                    f"{signed(g)}(上限 {ceiling})"
                    if short
                    else f"{signed(g)}(相对上限 {ceiling}∶1)"
                )
            if g > 0:
                return f"+{format_decimal(g)} over the {ceiling} ceiling"
            return (
                f"{format_decimal(-g)} under the {ceiling} ceiling"
                if g
                else f"at the {ceiling} ceiling"
            )
        return signed(g)
    if indicator.unit is Unit.COUNT:
        return f"{signed(g)} 个" if lang == "zh" else signed(g)
    return signed(g)
