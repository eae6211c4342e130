"""Wording of what a command says when it is done (on stderr or stdout, beside its report)."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "progress-checking": {"zh": "检查", "en": "checking"},
    "annotated-written": {
        "zh": "✔ 标注副本已写入 {path}",
        "en": "✔ wrote the annotated copy {path}",
    },
    "annotated-lost": {
        "zh": "⚠ 标注副本未能保留原工作簿中的：{lost}",
        "en": "⚠ the annotated copy could not keep: {lost}",
    },
    "annotated-lost-separator": {"zh": "、", "en": "; "},
    "template-written": {
        "zh": "✔ 已写入模板 {path}（{n} 项指标，指标目录 {id} v{version}）",
        "en": "✔ wrote the template {path} ({n} indicators, catalogue {id} v{version})",
    },
    "catalogue-valid": {
        "zh": "✔ {path}：指标目录有效（{id} v{version}，{n} 项指标）",
        "en": "✔ {path}: valid catalogue ({id} v{version}, {n} indicators)",
    },
    "catalogue-quotes-match": {
        "zh": "；引文均与方案原文一致",
        "en": "; every quote matches the plan",
    },
}
