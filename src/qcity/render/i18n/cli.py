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

# --- help of commands and options (qcity.cli.help_words applies them): `help:cmd:<command
# path>` for a command, `help:<parameter>@<command path>` for one command's parameter, else
# `help:<parameter>` for one every command shares; `metavar:` the same for what a value is ------
WORDS.update(
    {
        "exit-codes": {
            "zh": "退出码：0 全部达标 · 1 有未达标或未填报 · 2 命令行有误 · 3 工作簿或指标目录不可信 · 4 内部错误 · 130 已中断（Ctrl-C） · 143 已终止（SIGTERM）。语言：--lang zh|en（也可写在命令前：qcity --lang en check --help）、QCITY_LANG 或系统区域设置。",
            "en": "Exit codes: 0 all met · 1 unmet or missing · 2 usage error · 3 workbook or catalogue cannot be trusted · 4 internal error · 130 interrupted (Ctrl-C) · 143 terminated (SIGTERM). Language: --lang zh|en (also before the command: qcity --lang en check --help), QCITY_LANG or the locale.",
        },
        "help:cmd:": {
            "zh": "质量强市指标检查：按市政办发〔2014〕27号（西安市 2014 年工作方案）的目标检查填报数据。\n\n{exit_codes}",
            "en": "Check quality-city submissions against the targets of 市政办发〔2014〕27号 (Xi'an's 2014 work plan).\n\n{exit_codes}",
        },
        "help:cmd:check": {
            "zh": "检查填报数据是否达标。\n\n一个工作簿给出完整报告；多个文件或文件夹（递归查找 .xlsx、.xlsm，跳过锁文件等并列出）给出一份汇总报告，每个文件一行，退出码取最差者。",
            "en": "Check submission workbooks against the catalogue.\n\nOne workbook gives its full report; several files or folders (searched recursively for .xlsx and .xlsm; lock files and other files skipped and listed) give one combined report, a row per file, and the worst exit code.",
        },
        "help:cmd:hook": {
            "zh": "提交前检查多个工作簿（pre-commit 钩子，见 .pre-commit-hooks.yaml）。\n\n全部达标的文件不输出（文本格式）；其余按给出的顺序输出各自的报告，退出码取最差者。",
            "en": "Check several workbooks, as a pre-commit hook (see .pre-commit-hooks.yaml).\n\nSilent for a file whose targets are all met (text format); otherwise each file's report, in the order given, and the worst exit code.",
        },
        "help:cmd:explain": {
            "zh": "逐格说明一个指标的数值是怎样得出的。",
            "en": "Show how one indicator's figure was obtained, cell by cell.",
        },
        "help:cmd:diff": {
            "zh": "对比两期填报（或两个文件夹，按填报单位配对）。\n\n逐项列出旧值、新值、变化，以及新达标、新未达标、改善、变差、未变，退步的在前。有指标由达标变为未达标时退出码为 1。",
            "en": "Compare two submissions (or two folders, matched by reporting unit).\n\nPer indicator: old and new figure, the change, and newly met / newly unmet / improved / worsened / unchanged, regressions first. Exit 1 when anything went from met to not met.",
        },
        "help:cmd:gaps": {
            "zh": "查漏补缺清单：各牵头部门须补上的，最严重的在前。",
            "en": "The self-inspection list: what each lead department must close, worst first.",
        },
        "help:cmd:plan": {
            "zh": "创建工作进度：各阶段、到期事项、报送要求、尚未完成的工作。",
            "en": "The plan's timetable today: phases, what is due, reports, what is open.",
        },
        "help:cmd:template": {
            "zh": "生成填报模板工作簿。",
            "en": "Write the fill-in template workbook.",
        },
        "help:cmd:catalogue": {
            "zh": "列出、校验或说明指标目录。",
            "en": "List, validate or describe indicator catalogues.",
        },
        "help:cmd:catalogue list": {
            "zh": "列出指标目录中的指标。",
            "en": "List the indicators of the catalogue.",
        },
        "help:cmd:catalogue validate": {
            "zh": "校验指标目录文件。",
            "en": "Validate a catalogue file.",
        },
        "help:cmd:catalogue draft": {
            "zh": "从方案文本起草指标目录。",
            "en": "Draft a catalogue from a plan's text.",
        },
        "help:cmd:catalogue schema": {
            "zh": "输出指标目录文件的 JSON Schema（供编辑器使用）。",
            "en": "Print the JSON Schema of catalogue files, for editors.",
        },
        "help:cmd:schema": {
            "zh": "输出 JSON Schema：报告的，以及指标目录文件的。",
            "en": "Print JSON Schemas: of reports and of catalogue files.",
        },
        "help:cmd:schema catalogue": {
            "zh": "指标目录文件的 JSON Schema（同 qcity catalogue schema）。",
            "en": "The JSON Schema of catalogue files (same as `qcity catalogue schema`).",
        },
        "help:cmd:schema report": {
            "zh": "qcity check --format json 的 JSON Schema（schema_version 1）。",
            "en": "The JSON Schema of `qcity check --format json` (schema_version 1).",
        },
        "help:cmd:schema batch": {
            "zh": "批量检查 qcity check 文件夹 --format json 的 JSON Schema。",
            "en": "The JSON Schema of `qcity check FOLDER … --format json` for a batch.",
        },
        "help:cmd:schema diff": {
            "zh": "qcity diff --format json 的 JSON Schema。",
            "en": "The JSON Schema of `qcity diff --format json`.",
        },
        "help:cmd:schema gaps": {
            "zh": "qcity gaps --format json 的 JSON Schema（schema_version 1）。",
            "en": "The JSON Schema of `qcity gaps --format json` (schema_version 1).",
        },
        "help:cmd:schema draft": {
            "zh": "qcity catalogue draft --format json 的 JSON Schema。",
            "en": "The JSON Schema of `qcity catalogue draft --format json`.",
        },
        "help:cmd:schema plan": {
            "zh": "qcity plan --format json 的 JSON Schema（schema_version 1）。",
            "en": "The JSON Schema of `qcity plan --format json` (schema_version 1).",
        },
        "help:version": {"zh": "显示版本并退出。", "en": "Show the version and exit."},
        "help:help": {"zh": "显示本帮助并退出。", "en": "Show this message and exit."},
        "help:files@check": {
            "zh": "填报工作簿（.xlsx、.xlsm）或存放它们的文件夹；多个文件或一个文件夹即批量检查，逐个检查。",
            "en": "Workbooks (.xlsx / .xlsm) or folders of them; several files or a folder make a batch, each file checked on its own.",
        },
        "help:files@hook": {
            "zh": "要检查的工作簿，逐个检查。",
            "en": "Workbooks to check, one after another.",
        },
        "help:catalogue": {
            "zh": "指标目录 YAML 文件（默认：内置的西安 2014 年方案）。",
            "en": "Indicator catalogue YAML (default: the bundled Xi'an 2014 plan).",
        },
        "help:fmt": {
            "zh": "输出格式（默认：按 -o 的后缀，否则 text）。",
            "en": "Output format (default: from the suffix of -o, else text).",
        },
        "help:fmt@check": {
            "zh": "报告格式（xlsx 用于批量检查，须配 -o；默认：按 -o 的后缀，否则 text）。",
            "en": "Report format (xlsx: batches, needs -o; default: from the suffix of -o, else text).",
        },
        "help:fmt@hook": {"zh": "每个文件的报告格式。", "en": "Report format for each file."},
        "help:fmt@gaps": {
            "zh": "输出格式（xlsx 须配 -o；默认：按 -o 的后缀，否则 text）。",
            "en": "Output format (xlsx needs -o; default: from the suffix of -o, else text).",
        },
        "help:fmt@catalogue draft": {
            "zh": "yaml：留有空白待填的指标目录；json：目标。",
            "en": "yaml: a catalogue with blanks to fill; json: the targets.",
        },
        "help:output": {
            "zh": "把报告写入此文件（原子写入），而不是标准输出。",
            "en": "Write the report to this file (atomically) instead of stdout.",
        },
        "help:annotate": {
            "zh": "另写一份标注了结果的工作簿副本（.xlsx）。",
            "en": "Also write a copy of the workbook marked with the results (.xlsx).",
        },
        "help:lang": {
            "zh": "语言：zh（也可写 zh-CN、zh_CN）或 en（en-US 等）；默认取 QCITY_LANG，否则系统区域设置，否则 zh。",
            "en": "Language: zh (also zh-CN, zh_CN) or en (en-US …); default: QCITY_LANG, else the locale, else zh.",
        },
        "help:year": {
            "zh": "报告年份，用于由“序列”表推算的数值（默认：工作簿的报告期，否则有数据的最近一年）。",
            "en": "Report year for figures derived from the 序列 (series) sheet (default: the workbook's 报告期, else the latest year holding figures).",
        },
        "help:color": {
            "zh": "文本报告着色（默认：输出到终端时着色）。",
            "en": "Colour the text report (default: when writing to a terminal).",
        },
        "help:today": {
            "zh": "作为“今天”的日期：2015-06-01、2015/6/1、2015.6.1 或 2015年6月1日（固定日期，输出可重现）。",
            "en": "The date to report as today: 2015-06-01, 2015/6/1, 2015.6.1 or 2015年6月1日 (pins dates so outputs are reproducible).",
        },
        "help:fail_on_tasks": {
            "zh": "逾期任务（“任务”表，按 --today 判断）使退出码为 1。",
            "en": "Let overdue tasks (任务 sheet, judged against --today) make the exit code 1.",
        },
        "help:max_size": {
            "zh": "接受的工作簿文件最大大小，如 20MB、50MiB（见 README：Security）。",
            "en": "Largest workbook file accepted, e.g. 20MB, 50MiB (see README: Security).",
        },
        "help:max_inflated": {
            "zh": "从工作簿读取的未压缩 XML 最大大小，如 4MiB（见 README：Security）。",
            "en": "Most uncompressed XML read from the workbook, e.g. 4MiB (see README: Security).",
        },
        "help:max_rows": {
            "zh": "从数据表读取的最多行数（见 README：Security）。",
            "en": "Most rows read from the data sheet (see README: Security).",
        },
        "help:jobs": {
            "zh": "批量检查：同时检查的文件数，在子进程中进行（默认：CPU 数）。",
            "en": "Batches: check this many files at once, in worker processes (default: the CPU count).",
        },
        "help:jobs@hook": {
            "zh": "同时检查的文件数（pre-commit 已并行运行钩子，故为 1）。",
            "en": "Check this many files at once (pre-commit already runs hooks in parallel, hence 1).",
        },
        "help:quiet": {
            "zh": "批量检查：终端上不显示进度条。",
            "en": "Batches: no progress bar on the terminal.",
        },
        "help:debug": {
            "zh": "内部错误时显示 traceback。",
            "en": "Show tracebacks for internal errors.",
        },
        "help:fail_on@hook": {
            "zh": "unmet：有任何差距即失败；invalid：仅在数据不可信时失败。",
            "en": "unmet: fail on any gap; invalid: only on untrusted data.",
        },
        "help:indicator@explain": {
            "zh": "指标代码，如 ECO-04。",
            "en": "The indicator code, e.g. ECO-04.",
        },
        "help:file": {
            "zh": "填报工作簿（.xlsx、.xlsm）。",
            "en": "The submission workbook (.xlsx / .xlsm).",
        },
        "help:file@plan": {
            "zh": "一份填报工作簿：另列出各牵头部门尚未完成的工作。",
            "en": "A submission workbook: also list what each lead department has still open.",
        },
        "help:file@catalogue validate": {
            "zh": "要校验的指标目录 YAML。",
            "en": "The catalogue YAML to check.",
        },
        "help:old@diff": {
            "zh": "较早的工作簿，或工作簿所在的文件夹。",
            "en": "The earlier workbook, or folder of workbooks.",
        },
        "help:new@diff": {
            "zh": "较晚的工作簿，或工作簿所在的文件夹。",
            "en": "The later workbook, or folder of workbooks.",
        },
        "help:changed_only@diff": {
            "zh": "不列出没有变化的指标。",
            "en": "Leave out the indicators that did not change.",
        },
        "help:lead": {
            "zh": "只看这个牵头部门（代码或名称，如 市建委）。",
            "en": "Only this lead department (code or name, e.g. 市建委).",
        },
        "help:lead@template": {
            "zh": "只含这个部门牵头的指标，如 市质监局（可重复）。",
            "en": "Only the indicators this department leads, e.g. 市质监局 (repeatable).",
        },
        "help:out@template": {
            "zh": "要写出的模板文件（.xlsx）。",
            "en": "The workbook to write (.xlsx).",
        },
        "help:force@template": {"zh": "已存在时覆盖。", "en": "Overwrite the file if it exists."},
        "help:plan@catalogue validate": {
            "zh": "方案文本：检查每个引文是否逐字见于其中。",
            "en": "Plan text: check that every quoted phrase appears in it verbatim.",
        },
        "help:plan@catalogue draft": {
            "zh": "方案文本（UTF-8 .txt）。",
            "en": "The plan's text (UTF-8 .txt).",
        },
        "metavar:files@check": {"zh": "工作簿或文件夹…", "en": "WORKBOOK_OR_FOLDER…"},
        "metavar:files@hook": {"zh": "工作簿…", "en": "WORKBOOK…"},
        "metavar:file": {"zh": "工作簿", "en": "WORKBOOK"},
        "metavar:file@catalogue validate": {"zh": "指标目录.yaml", "en": "CATALOGUE.yaml"},
        "metavar:indicator": {"zh": "指标代码", "en": "INDICATOR"},
        "metavar:old": {"zh": "旧工作簿或文件夹", "en": "OLD"},
        "metavar:new": {"zh": "新工作簿或文件夹", "en": "NEW"},
        "metavar:out": {"zh": "模板.xlsx", "en": "TEMPLATE.xlsx"},
        "metavar:plan@catalogue draft": {"zh": "方案.txt", "en": "PLAN.txt"},
        "metavar:plan@catalogue validate": {"zh": "方案.txt", "en": "PLAN.txt"},
        "metavar:catalogue": {"zh": "目录.yaml", "en": "CATALOGUE.yaml"},
        "metavar:output": {"zh": "文件", "en": "FILE"},
        "metavar:annotate": {"zh": "副本.xlsx", "en": "COPY.xlsx"},
        "metavar:year": {"zh": "年份", "en": "YEAR"},
        "metavar:today": {"zh": "日期", "en": "DATE"},
        "metavar:jobs": {"zh": "个数", "en": "N"},
        "metavar:max_rows": {"zh": "行数", "en": "ROWS"},
        "metavar:max_size": {"zh": "大小", "en": "SIZE"},
        "metavar:max_inflated": {"zh": "大小", "en": "SIZE"},
        "metavar:lead": {"zh": "部门", "en": "DEPT"},
        "metavar:lang": {"zh": "zh|en", "en": "zh|en"},
        # click's fixed words in help
        "heading-usage": {"zh": "用法：", "en": "Usage: "},
        "heading-arguments": {"zh": "参数", "en": "Arguments"},
        "heading-options": {"zh": "选项", "en": "Options"},
        "heading-commands": {"zh": "命令", "en": "Commands"},
        "extra-required": {"zh": "必填", "en": "required"},
        "extra-env-var": {"zh": "环境变量：", "en": "env var: "},
        "extra-default": {"zh": "默认：", "en": "default: "},
    }
)
