"""Wording of the explain view (`qcity explain`): the lines that show one indicator's arithmetic."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "explain.target": {
        "zh": "目标 {target} · 依据 {clause}“{quote}”",
        "en": "Target {target} · {clause} “{quote}”",
    },
    "explain.file": {"zh": "文件 {file}", "en": "File {file}"},
    "explain.year": {"zh": " · 报告年份 {year}", "en": " · report year {year}"},
    "explain.fraction": {
        "zh": "由分子/分母计算：分子 / 分母{times}",
        "en": "From the numerator and denominator: numerator / denominator{times}",
    },
    "explain.series": {
        "zh": "由序列计算（{kind}）：{formula}",
        "en": "From the series ({kind}): {formula}",
    },
    "explain.no-sheet": {
        "zh": "可由序列计算（{kind}），但工作簿没有“序列”工作表",
        "en": "Derivable from the series ({kind}), but the workbook has no 序列 (series) sheet",
    },
    "explain.missing": {"zh": "  缺少 {what}", "en": "  missing {what}"},
    "explain.unreadable": {
        "zh": "  无法读取 {what}，见下方数据问题",
        "en": "  unreadable {what}; see the data issues below",
    },
    "explain.cannot": {"zh": "  无法计算", "en": "  cannot be derived"},
    "explain.basis": {"zh": "    口径：{basis}", "en": "    basis: {basis}"},
    "explain.absent": {"zh": "表中无此数据", "en": "not in the sheet"},
    "explain.intensity": {
        "zh": "  I = {a} / {b}，不先舍入",
        "en": "  I = {a} / {b}, not rounded first",
    },
    "explain.rounded": {
        "zh": "  未舍入 {exact} → 四舍五入到 {decimals} 位小数（唯一一次舍入）= {judged}",
        "en": "  unrounded {exact} → rounded half up to {decimals} decimals (the one rounding) = {judged}",
    },
    "explain.unrounded": {
        "zh": "  未舍入 {exact}，按原值判定（目标只能恰好达到）",
        "en": "  unrounded {exact}, judged as it is (the target is met only exactly)",
    },
    "explain.levels": {
        "zh": "  无逐年增速，改由 {series}（不变价）计算",
        "en": "  no yearly rates: computed from {series} (constant prices)",
    },
    "explain.reported": {
        "zh": "填报值 {raw}（{where}）{agreement}",
        "en": "Reported {raw} ({where}){agreement}",
    },
    "explain.not-reported": {"zh": "填报值 未填报{where}", "en": "Reported: nothing{where}"},
    "explain.invalid": {
        "zh": "填报值 有误{where}，见下方数据问题",
        "en": "Reported: invalid{where}; see the data issues below",
    },
    "explain.agrees": {"zh": "，与计算值一致", "en": ", agrees with the derived value"},
    "explain.agrees-fraction": {"zh": "，与分子/分母一致", "en": ", agrees with its fraction"},
    "explain.disagrees": {
        "zh": "，与计算值 {value} 不一致",
        "en": ", disagrees with the derived {value}",
    },
    "explain.verdict": {"zh": "判定 ", "en": "Verdict "},
    "explain.on-reported": {"zh": " · 按填报值 {value}", "en": " · on the reported {value}"},
    "explain.on-derived": {"zh": " · 按计算值 {value}", "en": " · on the derived {value}"},
    "explain.on-fraction": {"zh": " · 按分子/分母 {value}", "en": " · on the fraction {value}"},
    "explain.gap": {"zh": " · 差距 {gap}", "en": " · gap {gap}"},
    "explain.issues": {"zh": "数据问题（{n}）", "en": "Data issues ({n})"},
    "explain.at": {"zh": "（{cell}）", "en": " ({cell})"},
}
