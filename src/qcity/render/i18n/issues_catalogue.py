"""Issue wording: templates and the catalogue.

Each issue code has three keys: `<code>.title`, `<code>.message` (a str.format template with the
parameters issue_types.py names) and `<code>.hint` (how to fix it).
"""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- templates ---------------------------------------------------------------------------
    "template-drift.title": {
        "zh": "模板与指标目录版本不同",
        "en": "Template from another catalogue version",
    },
    "template-drift.message": {
        "zh": "工作簿由指标目录 {template} 的模板填写，现按 {current} 检查；变化：{changes}",
        "en": "the workbook was filled in from a template of catalogue {template} and is checked against {current}; changes: {changes}",
    },
    "template-drift.hint": {
        "zh": "用 qcity template 生成新模板，把数据转填过去后再提交",
        "en": "write a new template with `qcity template` and move the figures into it",
    },
    "unknown-department.title": {"zh": "不是牵头部门", "en": "Not a lead department"},
    "unknown-department.message": {
        "zh": "“{raw}”不是指标目录中任何指标的牵头部门{suggestion}",
        "en": "{raw!r} leads no indicator of the catalogue{suggestion}",
    },
    "unknown-department.hint": {
        "zh": "可选的牵头部门：{choices}",
        "en": "lead departments: {choices}",
    },
    "lead-mismatch.title": {
        "zh": "与模板的牵头部门不符",
        "en": "Not the template's lead departments",
    },
    "lead-mismatch.message": {
        "zh": "工作簿是为 {stamped} 生成的模板，不能按 --lead {given} 检查",
        "en": "the workbook was made from a template for {stamped} and cannot be checked with --lead {given}",
    },
    "lead-mismatch.hint": {
        "zh": "去掉 --lead（按模板的牵头部门检查），或改为 --lead {stamped}",
        "en": "leave out --lead (the template's departments are judged) or give --lead {stamped}",
    },
    "indicator-out-of-scope.title": {"zh": "指标不在检查范围内", "en": "Indicator out of scope"},
    "indicator-out-of-scope.message": {
        "zh": "指标 {indicator} 由 {lead} 牵头，不在本次检查范围（{scope}）内",
        "en": "indicator {indicator} is led by {lead}, outside the scope checked ({scope})",
    },
    "indicator-out-of-scope.hint": {
        "zh": "选择 {scope} 牵头的指标：{codes}",
        "en": "choose an indicator {scope} leads: {codes}",
    },
    # --- catalogue ---------------------------------------------------------------------------
    "catalogue-not-found.title": {"zh": "找不到指标目录", "en": "Catalogue not found"},
    "catalogue-not-found.message": {"zh": "找不到指标目录文件", "en": "no catalogue file there"},
    "catalogue-not-found.hint": {
        "zh": "检查 --catalogue 给出的路径",
        "en": "check the path given to --catalogue",
    },
    "catalogue-yaml.title": {"zh": "目录不是有效的 YAML", "en": "Catalogue is not valid YAML"},
    "catalogue-yaml.message": {
        "zh": "YAML 语法错误：{reason}",
        "en": "YAML syntax error: {reason}",
    },
    "catalogue-yaml.hint": {
        "zh": "按提示的行列修正 YAML 语法",
        "en": "fix the YAML syntax at the line and column given",
    },
    "catalogue-invalid.title": {"zh": "目录内容不符合要求", "en": "Catalogue entry is invalid"},
    "catalogue-invalid.message": {"zh": "{reason}", "en": "{reason}"},
    "catalogue-invalid.hint": {
        "zh": "对照 qcity catalogue schema 修正该项",
        "en": "fix the entry; `qcity catalogue schema` describes every field",
    },
    "internal-error.title": {"zh": "内部错误", "en": "Internal error"},
    "internal-error.message": {
        "zh": "qcity 内部错误：{reason}",
        "en": "internal error in qcity: {reason}",
    },
    "internal-error.hint": {
        "zh": "用 --debug 重新运行并把输出报告给维护者",
        "en": "run again with --debug and report the output",
    },
}
