"""Wording of a batch (`qcity check FOLDER`): headings, columns, sheets, the closing verdict."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    "batch.title": {
        "zh": "质量强市指标检查 · 批量",
        "en": "Quality-city indicator check · batch",
    },
    # --- columns and headings -----------------------------------------------------------------
    "batch.unit": {"zh": "填报单位", "en": "Unit"},
    "batch.file": {"zh": "文件", "en": "File"},
    "batch.exit": {"zh": "退出码", "en": "Exit"},
    "batch.behind": {"zh": "未达标项", "en": "Not met"},
    "batch.problems": {"zh": "错误/警告", "en": "Err/warn"},
    "batch.errors": {"zh": "错误", "en": "Errors"},
    "batch.warnings": {"zh": "警告", "en": "Warnings"},
    "batch.failed": {"zh": "无法读取的文件", "en": "Files that could not be read"},
    "batch.areas": {"zh": "按领域汇总", "en": "By area"},
    "batch.matrix": {"zh": "达标情况一览", "en": "Status at a glance"},
    "batch.n-files": {"zh": "{n} 个文件", "en": "{n} files"},
    "batch.district": {"zh": "区县", "en": "District"},
    "batch.judged": {"zh": "判定值", "en": "Judged"},
    "batch.gap-text": {"zh": "差距说明", "en": "Gap (text)"},
    "batch.status": {"zh": "状态", "en": "Status"},
    "batch.state.checked": {"zh": "已检查", "en": "checked"},
    "batch.state.failed": {"zh": "无法读取", "en": "could not be read"},
    # --- the sheets of the xlsx -----------------------------------------------------------------
    "batch.sheet.files": {"zh": "汇总", "en": "Files"},
    "batch.sheet.rows": {"zh": "明细", "en": "Indicators"},
    "batch.sheet.areas": {"zh": "领域", "en": "Areas"},
    "batch.sheet.matrix": {"zh": "一览", "en": "Matrix"},
    "batch.sheet.issues": {"zh": "问题", "en": "Issues"},
    # --- lines ------------------------------------------------------------------------------------
    "batch.checked-and-skipped": {"zh": "{checked}，{skipped}", "en": "{checked}, {skipped}"},
    "batch.scope.each": {"zh": "各文件按其牵头部门", "en": "each file's own lead departments"},
    "batch.codes.all": {"zh": "全部 {n} 项", "en": "all {n}"},
    "batch.codes.cut": {"zh": "{head} …（共 {n} 项）", "en": "{head} … ({n} in all)"},
    "batch.separator": {"zh": "；", "en": "; "},
    # --- the closing line -------------------------------------------------------------------------
    "batch.result.scope": {"zh": "（范围：{scope}）", "en": " (scope: {scope})"},
    "batch.result": {
        "zh": "结论{scope}：{n} 个文件，已检查 {ok}，无法读取 {bad}，跳过 {skipped}；"
        "指标 {met}/{total} 项达标，未达标 {unmet}，未填报 {missing}，数据有误 {invalid}；"
        "数据问题：错误 {errors}，警告 {warnings}；最差退出码 {exit_code}。",
        "en": "Result{scope}: {n} files, {ok} checked, {bad} could not be read, {skipped} skipped; "
        "{met}/{total} indicators met, {unmet} unmet, {missing} missing, {invalid} invalid; "
        "data issues: {errors} errors, {warnings} warnings; worst exit code {exit_code}.",
    },
}
