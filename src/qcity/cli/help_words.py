"""The help of every command and option, in zh and en (`qcity --lang en check --help`).

Keys: `cmd:<command path>` for a command; `<parameter>@<command path>` for one command's
parameter, else `<parameter>` for a parameter every command shares; METAVARS name what a value
is. Applied to the click objects by qcity.cli.usage.localize before the command line is parsed.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
Pair = dict[Lang, str]


def _p(zh: str, en: str) -> Pair:
    return {"zh": zh, "en": en}


EXIT_CODES = _p(
    "退出码：0 全部达标 · 1 有未达标或未填报 · 2 命令行有误 · 3 工作簿或指标目录不可信 · "
    "4 内部错误 · 130 已中断（Ctrl-C） · 143 已终止（SIGTERM）。"
    "语言：--lang zh|en（也可写在命令前：qcity --lang en check --help）、QCITY_LANG 或系统区域设置。",
    "Exit codes: 0 all met · 1 unmet or missing · 2 usage error · 3 workbook or catalogue cannot "
    "be trusted · 4 internal error · 130 interrupted (Ctrl-C) · 143 terminated (SIGTERM). "
    "Language: --lang zh|en (also before the command: qcity --lang en check --help), QCITY_LANG "
    "or the locale.",
)

HELP: dict[str, Pair] = {
    "cmd:": _p(
        "质量强市指标检查：按市政办发〔2014〕27号（西安市 2014 年工作方案）的目标检查填报数据。\n\n"
        + EXIT_CODES["zh"],
        "Check quality-city submissions against the targets of 市政办发〔2014〕27号 (Xi'an's "
        "2014 work plan).\n\n" + EXIT_CODES["en"],
    ),
    "cmd:check": _p(
        "检查填报数据是否达标。\n\n一个工作簿给出完整报告；多个文件或文件夹（递归查找 .xlsx、.xlsm，"
        "跳过锁文件等并列出）给出一份汇总报告，每个文件一行，退出码取最差者。",
        "Check submission workbooks against the catalogue.\n\nOne workbook gives its full "
        "report; several files or folders (searched recursively for .xlsx and .xlsm; lock files "
        "and other files skipped and listed) give one combined report, a row per file, and the "
        "worst exit code.",
    ),
    "cmd:hook": _p(
        "提交前检查多个工作簿（pre-commit 钩子，见 .pre-commit-hooks.yaml）。\n\n"
        "全部达标的文件不输出（文本格式）；其余按给出的顺序输出各自的报告，退出码取最差者。",
        "Check several workbooks, as a pre-commit hook (see .pre-commit-hooks.yaml).\n\n"
        "Silent for a file whose targets are all met (text format); otherwise each file's "
        "report, in the order given, and the worst exit code.",
    ),
    "cmd:explain": _p(
        "逐格说明一个指标的数值是怎样得出的。",
        "Show how one indicator's figure was obtained, cell by cell.",
    ),
    "cmd:diff": _p(
        "对比两期填报（或两个文件夹，按填报单位配对）。\n\n逐项列出旧值、新值、变化，以及新达标、"
        "新未达标、改善、变差、未变，退步的在前。有指标由达标变为未达标时退出码为 1。",
        "Compare two submissions (or two folders, matched by reporting unit).\n\nPer indicator: "
        "old and new figure, the change, and newly met / newly unmet / improved / worsened / "
        "unchanged, regressions first. Exit 1 when anything went from met to not met.",
    ),
    "cmd:gaps": _p(
        "查漏补缺清单：各牵头部门须补上的，最严重的在前。",
        "The self-inspection list: what each lead department must close, worst first.",
    ),
    "cmd:plan": _p(
        "创建工作进度：各阶段、到期事项、报送要求、尚未完成的工作。",
        "The plan's timetable today: phases, what is due, reports, what is open.",
    ),
    "cmd:template": _p("生成填报模板工作簿。", "Write the fill-in template workbook."),
    "cmd:catalogue": _p(
        "列出、校验或说明指标目录。", "List, validate or describe indicator catalogues."
    ),
    "cmd:catalogue list": _p("列出指标目录中的指标。", "List the indicators of the catalogue."),
    "cmd:catalogue validate": _p("校验指标目录文件。", "Validate a catalogue file."),
    "cmd:catalogue draft": _p("从方案文本起草指标目录。", "Draft a catalogue from a plan's text."),
    "cmd:catalogue schema": _p(
        "输出指标目录文件的 JSON Schema（供编辑器使用）。",
        "Print the JSON Schema of catalogue files, for editors.",
    ),
    "cmd:schema": _p(
        "输出 JSON Schema：报告的，以及指标目录文件的。",
        "Print JSON Schemas: of reports and of catalogue files.",
    ),
    "cmd:schema catalogue": _p(
        "指标目录文件的 JSON Schema（同 qcity catalogue schema）。",
        "The JSON Schema of catalogue files (same as `qcity catalogue schema`).",
    ),
    "cmd:schema report": _p(
        "qcity check --format json 的 JSON Schema（schema_version 1）。",
        "The JSON Schema of `qcity check --format json` (schema_version 1).",
    ),
    "cmd:schema batch": _p(
        "批量检查 qcity check 文件夹 --format json 的 JSON Schema。",
        "The JSON Schema of `qcity check FOLDER … --format json` for a batch.",
    ),
    "cmd:schema diff": _p(
        "qcity diff --format json 的 JSON Schema。",
        "The JSON Schema of `qcity diff --format json`.",
    ),
    "cmd:schema gaps": _p(
        "qcity gaps --format json 的 JSON Schema（schema_version 1）。",
        "The JSON Schema of `qcity gaps --format json` (schema_version 1).",
    ),
    "cmd:schema draft": _p(
        "qcity catalogue draft --format json 的 JSON Schema。",
        "The JSON Schema of `qcity catalogue draft --format json`.",
    ),
    "cmd:schema plan": _p(
        "qcity plan --format json 的 JSON Schema（schema_version 1）。",
        "The JSON Schema of `qcity plan --format json` (schema_version 1).",
    ),
    # --- parameters -------------------------------------------------------------------------
    "version": _p("显示版本并退出。", "Show the version and exit."),
    "help": _p("显示本帮助并退出。", "Show this message and exit."),
    "files@check": _p(
        "填报工作簿（.xlsx、.xlsm）或存放它们的文件夹；多个文件或一个文件夹即批量检查，逐个检查。",
        "Workbooks (.xlsx / .xlsm) or folders of them; several files or a folder make a batch, "
        "each file checked on its own.",
    ),
    "files@hook": _p("要检查的工作簿，逐个检查。", "Workbooks to check, one after another."),
    "catalogue": _p(
        "指标目录 YAML 文件（默认：内置的西安 2014 年方案）。",
        "Indicator catalogue YAML (default: the bundled Xi'an 2014 plan).",
    ),
    "fmt": _p(
        "输出格式（默认：按 -o 的后缀，否则 text）。",
        "Output format (default: from the suffix of -o, else text).",
    ),
    "fmt@check": _p(
        "报告格式（xlsx 用于批量检查，须配 -o；默认：按 -o 的后缀，否则 text）。",
        "Report format (xlsx: batches, needs -o; default: from the suffix of -o, else text).",
    ),
    "fmt@hook": _p("每个文件的报告格式。", "Report format for each file."),
    "fmt@gaps": _p(
        "输出格式（xlsx 须配 -o；默认：按 -o 的后缀，否则 text）。",
        "Output format (xlsx needs -o; default: from the suffix of -o, else text).",
    ),
    "fmt@catalogue draft": _p(
        "yaml：留有空白待填的指标目录；json：目标。",
        "yaml: a catalogue with blanks to fill; json: the targets.",
    ),
    "output": _p(
        "把报告写入此文件（原子写入），而不是标准输出。",
        "Write the report to this file (atomically) instead of stdout.",
    ),
    "annotate": _p(
        "另写一份标注了结果的工作簿副本（.xlsx）。",
        "Also write a copy of the workbook marked with the results (.xlsx).",
    ),
    "lang": _p(
        "语言：zh（也可写 zh-CN、zh_CN）或 en（en-US 等）；默认取 QCITY_LANG，否则系统区域设置，否则 zh。",
        "Language: zh (also zh-CN, zh_CN) or en (en-US …); default: QCITY_LANG, else the locale, "
        "else zh.",
    ),
    "year": _p(
        "报告年份，用于由“序列”表推算的数值（默认：工作簿的报告期，否则有数据的最近一年）。",
        "Report year for figures derived from the 序列 (series) sheet (default: the workbook's "
        "报告期, else the latest year holding figures).",
    ),
    "color": _p(
        "文本报告着色（默认：输出到终端时着色）。",
        "Colour the text report (default: when writing to a terminal).",
    ),
    "today": _p(
        "作为“今天”的日期：2015-06-01、2015/6/1、2015.6.1 或 2015年6月1日（固定日期，输出可重现）。",
        "The date to report as today: 2015-06-01, 2015/6/1, 2015.6.1 or 2015年6月1日 (pins "
        "dates so outputs are reproducible).",
    ),
    "fail_on_tasks": _p(
        "逾期任务（“任务”表，按 --today 判断）使退出码为 1。",
        "Let overdue tasks (任务 sheet, judged against --today) make the exit code 1.",
    ),
    "max_size": _p(
        "接受的工作簿文件最大大小，如 20MB、50MiB（见 README：Security）。",
        "Largest workbook file accepted, e.g. 20MB, 50MiB (see README: Security).",
    ),
    "max_inflated": _p(
        "从工作簿读取的未压缩 XML 最大大小，如 4MiB（见 README：Security）。",
        "Most uncompressed XML read from the workbook, e.g. 4MiB (see README: Security).",
    ),
    "max_rows": _p(
        "从数据表读取的最多行数（见 README：Security）。",
        "Most rows read from the data sheet (see README: Security).",
    ),
    "jobs": _p(
        "批量检查：同时检查的文件数，在子进程中进行（默认：CPU 数）。",
        "Batches: check this many files at once, in worker processes (default: the CPU count).",
    ),
    "jobs@hook": _p(
        "同时检查的文件数（pre-commit 已并行运行钩子，故为 1）。",
        "Check this many files at once (pre-commit already runs hooks in parallel, hence 1).",
    ),
    "quiet": _p("批量检查：终端上不显示进度条。", "Batches: no progress bar on the terminal."),
    "debug": _p("内部错误时显示 traceback。", "Show tracebacks for internal errors."),
    "fail_on@hook": _p(
        "unmet：有任何差距即失败；invalid：仅在数据不可信时失败。",
        "unmet: fail on any gap; invalid: only on untrusted data.",
    ),
    "indicator@explain": _p("指标代码，如 ECO-04。", "The indicator code, e.g. ECO-04."),
    "file": _p("填报工作簿（.xlsx、.xlsm）。", "The submission workbook (.xlsx / .xlsm)."),
    "file@plan": _p(
        "一份填报工作簿：另列出各牵头部门尚未完成的工作。",
        "A submission workbook: also list what each lead department has still open.",
    ),
    "file@catalogue validate": _p("要校验的指标目录 YAML。", "The catalogue YAML to check."),
    "old@diff": _p(
        "较早的工作簿，或工作簿所在的文件夹。", "The earlier workbook, or folder of workbooks."
    ),
    "new@diff": _p(
        "较晚的工作簿，或工作簿所在的文件夹。", "The later workbook, or folder of workbooks."
    ),
    "changed_only@diff": _p(
        "不列出没有变化的指标。", "Leave out the indicators that did not change."
    ),
    "lead": _p(
        "只看这个牵头部门（代码或名称，如 市建委）。",
        "Only this lead department (code or name, e.g. 市建委).",
    ),
    "lead@template": _p(
        "只含这个部门牵头的指标，如 市质监局（可重复）。",
        "Only the indicators this department leads, e.g. 市质监局 (repeatable).",
    ),
    "out@template": _p("要写出的模板文件（.xlsx）。", "The workbook to write (.xlsx)."),
    "force@template": _p("已存在时覆盖。", "Overwrite the file if it exists."),
    "plan@catalogue validate": _p(
        "方案文本：检查每个引文是否逐字见于其中。",
        "Plan text: check that every quoted phrase appears in it verbatim.",
    ),
    "plan@catalogue draft": _p("方案文本（UTF-8 .txt）。", "The plan's text (UTF-8 .txt)."),
}

# What a value is, as the help shows it (instead of <list[Path]>, <file>, <int range> …).
METAVARS: dict[str, Pair] = {
    "files@check": _p("工作簿或文件夹…", "WORKBOOK_OR_FOLDER…"),
    "files@hook": _p("工作簿…", "WORKBOOK…"),
    "file": _p("工作簿", "WORKBOOK"),
    "file@catalogue validate": _p("指标目录.yaml", "CATALOGUE.yaml"),
    "indicator": _p("指标代码", "INDICATOR"),
    "old": _p("旧工作簿或文件夹", "OLD"),
    "new": _p("新工作簿或文件夹", "NEW"),
    "out": _p("模板.xlsx", "TEMPLATE.xlsx"),
    "plan@catalogue draft": _p("方案.txt", "PLAN.txt"),
    "plan@catalogue validate": _p("方案.txt", "PLAN.txt"),
    "catalogue": _p("目录.yaml", "CATALOGUE.yaml"),
    "output": _p("文件", "FILE"),
    "annotate": _p("副本.xlsx", "COPY.xlsx"),
    "year": _p("年份", "YEAR"),
    "today": _p("日期", "DATE"),
    "jobs": _p("个数", "N"),
    "max_rows": _p("行数", "ROWS"),
    "max_size": _p("大小", "SIZE"),
    "max_inflated": _p("大小", "SIZE"),
    "lead": _p("部门", "DEPT"),
    "lang": _p("zh|en", "zh|en"),
}

# click's fixed words in help.
HEADINGS: dict[str, Pair] = {
    "Usage: ": _p("用法：", "Usage: "),
    "Arguments": _p("参数", "Arguments"),
    "Options": _p("选项", "Options"),
    "Commands": _p("命令", "Commands"),
}
EXTRAS: dict[str, Pair] = {
    "required": _p("必填", "required"),
    "env var: ": _p("环境变量：", "env var: "),
    "default: ": _p("默认：", "default: "),
}
