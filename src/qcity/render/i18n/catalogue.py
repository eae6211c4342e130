"""Wording of the catalogue view (`qcity catalogue`): the heading and the counts under the tables."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "catalogue.document": {"zh": "{document}，{issued}", "en": "{document}, {issued}"},
    "catalogue.indicators": {"zh": "共 {n} 项指标", "en": "{n} indicators"},
    "catalogue.tasks": {"zh": "共 {n} 项工作任务", "en": "{n} tasks"},
}
