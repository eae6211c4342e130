"""Wording of the command line itself: files a batch skipped, usage errors, help."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- files a batch skipped (issue file-skipped) ---------------------------------------------
    "skip-lock": {
        "zh": "Excel、WPS 或 LibreOffice 的锁文件（工作簿正被打开）",
        "en": "a lock file of Excel, WPS or LibreOffice (the workbook is open)",
    },
    "skip-lock-fix": {
        "zh": "无需处理；若工作簿仍在编辑，先保存再检查",
        "en": "nothing to do; if the workbook is still being edited, save it before checking",
    },
    "skip-hidden": {"zh": "隐藏文件", "en": "a hidden file"},
    "skip-hidden-fix": {
        "zh": "无需处理；若这是一份填报，去掉文件名开头的“.”",
        "en": "nothing to do; if it is a return, remove the '.' its name begins with",
    },
    "skip-other": {
        "zh": "不是电子表格（只检查 .xlsx、.xlsm 工作簿）",
        "en": "not a spreadsheet (only .xlsx and .xlsm workbooks are checked)",
    },
    "skip-other-fix": {
        "zh": "若这是一份填报，在 Excel 或 WPS 中另存为 .xlsx 工作簿",
        "en": "if it is a return, save it as an .xlsx workbook in Excel or WPS",
    },
    "files-checked": {"zh": "检查 {n} 个文件", "en": "{n} files checked"},
    "files-skipped": {"zh": "跳过 {k} 个", "en": "{k} skipped"},
}

# --- usage errors (qcity.cli.usage): one line, then a hint -----------------------------------
WORDS.update(
    {
        "error": {"zh": "错误：", "en": "Error: "},
        "hint": {"zh": "提示：", "en": "Hint: "},
        "see-help": {"zh": "运行 {command} --help 查看用法", "en": "see {command} --help"},
        "invalid-choice": {
            "zh": "{opt} 的取值“{value}”无效，可选 {choices}",
            "en": "{opt}: '{value}' is not a choice; choose from {choices}",
        },
        "range-min-max": {
            "zh": "{opt} 的取值“{value}”超出范围：应在 {min} 到 {max} 之间",
            "en": "{opt}: '{value}' is out of range: it must be from {min} to {max}",
        },
        "range-min": {
            "zh": "{opt} 的取值“{value}”超出范围：应不小于 {min}",
            "en": "{opt}: '{value}' is out of range: it must be {min} or more",
        },
        "range-max": {
            "zh": "{opt} 的取值“{value}”超出范围：应不大于 {max}",
            "en": "{opt}: '{value}' is out of range: it must be {max} or less",
        },
        "not-an-integer": {
            "zh": "{opt} 的取值“{value}”不是整数",
            "en": "{opt}: '{value}' is not a whole number",
        },
        "invalid-value": {"zh": "{opt} 的取值“{value}”无效", "en": "{opt}: '{value}' is not valid"},
        "not-a-language": {
            "zh": "{opt} 的取值“{value}”不是 qcity 支持的语言：zh（zh-CN、zh_CN 等）或 en（en-US 等）",
            "en": "{opt}: '{value}' is not a language qcity speaks: zh (zh-CN, zh_CN …) or en (en-US …)",
        },
        "not-a-date": {
            "zh": "{opt} 的取值“{value}”不是日期：请写作 2015-06-01、2015/6/1、2015.6.1 或 2015年6月1日",
            "en": "{opt}: '{value}' is not a date: write 2015-06-01, 2015/6/1, 2015.6.1 or 2015年6月1日",
        },
        "not-a-size": {
            "zh": "{opt} 的取值“{value}”不是大于零的大小：请写作 20MB、4MiB 或 5000000",
            "en": "{opt}: '{value}' is not a size above zero: write 20MB, 4MiB or 5000000",
        },
        "env-value": {"zh": "（来自环境变量 {envvar}）", "en": " (from the variable {envvar})"},
        "missing-argument": {"zh": "缺少参数 {name}", "en": "missing argument {name}"},
        "missing-option": {"zh": "缺少选项 {name}", "en": "missing option {name}"},
        "no-such-option": {"zh": "没有选项 {opt}", "en": "no such option: {opt}"},
        "no-such-command": {"zh": "没有命令“{name}”", "en": "no such command: '{name}'"},
        "did-you-mean": {"zh": "；你是否想用 {names}？", "en": "; did you mean {names}?"},
        "needs-value": {"zh": "选项 {opt} 需要一个取值", "en": "option {opt} needs a value"},
        "extra-arguments": {
            "zh": "多余的参数：{args}",
            "en": "unexpected extra arguments: {args}",
        },
        "usage-other": {"zh": "命令行有误", "en": "the command line is wrong"},
        "aborted": {"zh": "已中止", "en": "aborted"},
        "annotate-and-output": {
            "zh": "--annotate 的标注副本和 -o 的报告须是不同的文件",
            "en": "the annotated copy (--annotate) and the report (-o) need different files",
        },
        "annotate-batch": {
            "zh": "--annotate 只能用于单个工作簿，不能用于批量检查",
            "en": "--annotate makes a copy of a single workbook, not of a batch",
        },
        "wrong-suffix": {
            "zh": "{hint} 的文件“{path}”须以 {suffixes} 结尾（Excel 工作簿）",
            "en": "{hint}: {path} must end in {suffixes} (an Excel workbook)",
        },
        "plan-not-text": {
            "zh": "方案文件“{path}”须是 UTF-8 编码的 .txt 文本（.docx 或 .pdf 请先另存为文本）",
            "en": "{path} must be the plan's text as UTF-8 .txt (save a .docx or .pdf as text first)",
        },
        "unknown-indicator": {
            "zh": "“{code}”不是指标目录中的指标{more}",
            "en": "'{code}' is not an indicator of the catalogue{more}",
        },
        "unknown-indicator-close": {"zh": "；你是否想用 {code}？", "en": "; did you mean {code}?"},
        "unknown-indicator-list": {"zh": "（可选 {codes}）", "en": " (one of {codes})"},
        "diff-kinds": {
            "zh": "只能比较工作簿与工作簿，或文件夹与文件夹",
            "en": "compare a workbook with a workbook, or a folder with a folder",
        },
    }
)
