"""Issue wording: the series sheet, derived indicators and the tasks sheet.

Each issue code has three keys: `<code>.title`, `<code>.message` (a str.format template with the
parameters issue_types.py names) and `<code>.hint` (how to fix it).
"""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- the series sheet and derived indicators -------------------------------------------
    "ambiguous-series-sheet.title": {"zh": "序列工作表不唯一", "en": "More than one series sheet"},
    "ambiguous-series-sheet.message": {
        "zh": "有多个名为“序列”或“series”的工作表：{sheets}",
        "en": "more than one sheet is named 序列 or series: {sheets}",
    },
    "ambiguous-series-sheet.hint": {
        "zh": "只保留一个名为“序列”的工作表",
        "en": "keep a single sheet named 序列 (or series)",
    },
    "no-series-header.title": {"zh": "序列表找不到表头", "en": "No header in the series sheet"},
    "no-series-header.message": {
        "zh": "序列工作表前 {rows} 行中没有“序列代码”（series）列标题，序列未使用",
        "en": "no 序列代码 (series) header cell in the series sheet's first {rows} rows; the series are not used",
    },
    "no-series-header.hint": {
        "zh": "在序列上方加一行表头：“序列代码”和年份（2010、2011…）",
        "en": "add a header row: 序列代码 and the years (2010, 2011, …)",
    },
    "no-year-columns.title": {
        "zh": "序列表没有年份列",
        "en": "No year columns in the series sheet",
    },
    "no-year-columns.message": {
        "zh": "序列表的表头（第 {row} 行）没有年份列，序列未使用",
        "en": "the series header (row {row}) has no year columns; the series are not used",
    },
    "no-year-columns.hint": {
        "zh": "在表头写年份，如 2010、2011…（数字或文本，可带“年”）",
        "en": "write the years in the header: 2010, 2011, … (numbers or text)",
    },
    "unknown-series.title": {"zh": "未知序列代码", "en": "Unknown series code"},
    "unknown-series.message": {
        "zh": "序列代码“{raw}”不在目录中{suggestion}，该行未使用",
        "en": "series code {raw!r} is not in the catalogue{suggestion}; the row is not used",
    },
    "unknown-series.hint": {
        "zh": "改为目录中的序列代码（见 README“序列表”一节）",
        "en": "use a series code of the catalogue (README, “The series sheet”)",
    },
    "duplicate-series.title": {"zh": "序列重复", "en": "Series given twice"},
    "duplicate-series.message": {
        "zh": "序列 {series} 出现了两次：{first} 和 {second}，两行都未使用",
        "en": "series {series} appears twice: {first} and {second}; neither row is used",
    },
    "duplicate-series.hint": {
        "zh": "每个序列（每种口径）只保留一行",
        "en": "keep one row per series (and basis)",
    },
    "series-unit-mismatch.title": {"zh": "序列单位不符", "en": "Series unit does not match"},
    "series-unit-mismatch.message": {
        "zh": "单位“{raw}”与目录中 {series} 的单位“{unit}”不符，该行未使用",
        "en": "unit {raw!r} is not the catalogue's unit for {series}, {unit}; the row is not used",
    },
    "series-unit-mismatch.hint": {
        "zh": "把数值换算为 {unit} 并改正单位",
        "en": "convert the figures to {unit} and correct the unit",
    },
    "unknown-basis.title": {"zh": "未知口径", "en": "Unknown basis"},
    "unknown-basis.message": {
        "zh": "口径“{raw}”不是 {series} 的口径（{known}），按未注明口径处理",
        "en": "basis {raw!r} is not a basis of {series} ({known}); treated as unstated",
    },
    "unknown-basis.hint": {"zh": "写明 {known} 之一", "en": "write one of {known}"},
    "basis-unstated.title": {"zh": "未注明口径", "en": "Basis not stated"},
    "basis-unstated.message": {
        "zh": "{series} 未注明口径（{known}），{indicator} 用的是哪种收入无从说明",
        "en": "{series} does not state its basis ({known}), so {indicator} cannot say which income it uses",
    },
    "basis-unstated.hint": {
        "zh": "在“口径”列写明 {known} 之一",
        "en": "write one of {known} in the 口径 (basis) column",
    },
    "period-unreadable.title": {"zh": "报告期无法识别", "en": "Report period not understood"},
    "period-unreadable.message": {
        "zh": "报告期“{raw}”中没有可识别的年份，改用{fallback}",
        "en": "the report period {raw!r} holds no year; {fallback} is used instead",
    },
    "period-unreadable.hint": {
        "zh": "把报告期写成年份，例如 2015 或 2015年；或用 --year 指定",
        "en": "write the period as a year, e.g. 2015, or give --year",
    },
    "report-year-not-after-base.title": {
        "zh": "报告年份不晚于基年",
        "en": "Report year not after the base year",
    },
    "report-year-not-after-base.message": {
        "zh": "{indicator} 以 {base} 年为基年，报告年份 {year} 不晚于基年，无法计算；{fallback}",
        "en": "{indicator} is measured against {base}; the report year {year} is not after it, so it cannot be derived; {fallback}",
    },
    "report-year-not-after-base.hint": {
        "zh": "用 --year 或“报告期”给出晚于 {base} 的年份",
        "en": "give a year after {base} with --year or a 报告期 (period) cell",
    },
    "base-year-absent.title": {"zh": "缺少基年", "en": "Base year absent"},
    "base-year-absent.message": {
        "zh": "序列表没有基年 {base} 列，{indicator} 无法计算；{fallback}",
        "en": "the series sheet has no column for the base year {base}, so {indicator} cannot be derived; {fallback}",
    },
    "base-year-absent.hint": {
        "zh": "在序列表中加上 {base} 年一列并填写数值",
        "en": "add a {base} column to the series sheet and fill it in",
    },
    "series-figure-missing.title": {"zh": "序列缺少数值", "en": "Series figures missing"},
    "series-figure-missing.message": {
        "zh": "{indicator} 无法由序列计算，缺少 {missing}；{fallback}",
        "en": "{indicator} cannot be derived from the series: {missing} missing; {fallback}",
    },
    "series-figure-missing.hint": {
        "zh": "在序列表中补上这些数值；没有公布数据的保持空白",
        "en": "fill in those figures in the series sheet; leave empty what was never published",
    },
    "basis-mismatch.title": {"zh": "口径不一致", "en": "Bases do not match"},
    "basis-mismatch.message": {
        "zh": "{indicator} 的 {numerator} 与 {denominator} 没有同一口径的数据（{found}），不能相除",
        "en": "{indicator}: {numerator} and {denominator} have no figures on one basis ({found}), so they cannot be divided",
    },
    "basis-mismatch.hint": {
        "zh": "在序列表中补上同一口径的一对数据，并在“口径”列写明",
        "en": "give both figures on one basis in the series sheet and state it in the 口径 (basis) column",
    },
    "period-conflict.title": {"zh": "报告期不一致", "en": "Conflicting report periods"},
    "period-conflict.message": {
        "zh": "报告期 {first}（{first_at}）与 {second}（{second_at}）不是同一年",
        "en": "the period {first} ({first_at}) and {second} ({second_at}) name different years",
    },
    "period-conflict.hint": {
        "zh": "只保留一个报告期，或改成同一年",
        "en": "keep one period label, or make both name the same year",
    },
    "zero-divisor.title": {"zh": "除数为零", "en": "Division by zero"},
    "zero-divisor.message": {
        "zh": "{what}为 0，不能作除数，{indicator} 无法计算；{fallback}",
        "en": "{what} is 0 and cannot divide, so {indicator} cannot be derived; {fallback}",
    },
    "zero-divisor.hint": {
        "zh": "核对该数值；没有数据时保持空白而不是填 0",
        "en": "check the figure; leave the cell empty rather than 0 when there is no figure",
    },
    # --- the tasks sheet (warnings: tasks never change the exit code without --fail-on-tasks)
    "ambiguous-tasks-sheet.title": {"zh": "任务工作表不唯一", "en": "More than one tasks sheet"},
    "ambiguous-tasks-sheet.message": {
        "zh": "有多个名为“任务”或“tasks”的工作表：{sheets}；只读取了第一个“{used}”",
        "en": "more than one sheet is named 任务 or tasks: {sheets}; only the first, {used}, was read",
    },
    "ambiguous-tasks-sheet.hint": {
        "zh": "只保留一个名为“任务”的工作表",
        "en": "keep a single sheet named 任务 (or tasks)",
    },
    "no-tasks-header.title": {"zh": "任务表找不到表头", "en": "No header in the tasks sheet"},
    "no-tasks-header.message": {
        "zh": "任务工作表前 {rows} 行中没有同时含“任务代码”和“状态”的表头行，任务进展未读取",
        "en": "no header row with both 任务代码 (task code) and 状态 (status) in the tasks sheet's first {rows} rows; the tasks were not read",
    },
    "no-tasks-header.hint": {
        "zh": "用 qcity template 生成的“任务”表填写，或加一行表头：任务代码、状态、证明材料、完成日期、备注",
        "en": "fill in the tasks sheet of a `qcity template` workbook, or add a header row: code, status, evidence, completed, note",
    },
    "task-without-code.title": {"zh": "任务进展没有任务代码", "en": "Task progress without a code"},
    "task-without-code.message": {
        "zh": "第 {row} 行填了任务进展，但“任务代码”为空，该行未使用",
        "en": "row {row} holds task progress but no task code; the row is not used",
    },
    "task-without-code.hint": {
        "zh": "补上任务代码（如 T01），或删除该行",
        "en": "fill in the task code (e.g. T01) or delete the row",
    },
    "unknown-task.title": {"zh": "未知任务代码", "en": "Unknown task code"},
    "unknown-task.message": {
        "zh": "“{raw}”不是指标目录中的任务代码，该行未使用{suggestion}",
        "en": "{raw!r} is not a task code of the catalogue, so the row is not used{suggestion}",
    },
    "unknown-task.hint": {
        "zh": "任务代码见 qcity plan 或模板的“任务”表：{choices}",
        "en": "task codes ({choices}) are listed by `qcity plan` and on the template's tasks sheet",
    },
    "duplicate-task.title": {"zh": "任务重复", "en": "Task reported twice"},
    "duplicate-task.message": {
        "zh": "任务 {task} 出现了两次：{first} 和 {second}；按第一行判定",
        "en": "task {task} appears twice: {first} and {second}; the first row is used",
    },
    "duplicate-task.hint": {"zh": "删除其中一行", "en": "delete one of the rows"},
    "task-status-unreadable.title": {"zh": "任务状态无法识别", "en": "Task status not recognised"},
    "task-status-unreadable.message": {
        "zh": "“{raw}”不是任务状态，按未填报处理",
        "en": "{raw!r} is not a task status; the task counts as not reported",
    },
    "task-status-unreadable.hint": {
        "zh": "从下拉列表选择：未开始、进行中、已完成（英文 not started、in progress、done）",
        "en": "choose from the list: not started, in progress, done (or 未开始、进行中、已完成)",
    },
    "task-date-unreadable.title": {
        "zh": "完成日期无法识别",
        "en": "Completion date not recognised",
    },
    "task-date-unreadable.message": {
        "zh": "“{raw}”不是日期，完成日期未使用",
        "en": "{raw!r} is not a date; the completion date is not used",
    },
    "task-date-unreadable.hint": {
        "zh": "填写完整的日期，如 2015-06-30 或 2015年6月30日，或使用日期格式的单元格",
        "en": "write a full date such as 2015-06-30, or use a date-formatted cell",
    },
    "task-date-in-future.title": {"zh": "完成日期晚于今天", "en": "Completion date in the future"},
    "task-date-in-future.message": {
        "zh": "任务 {task} 的完成日期 {date} 晚于检查日期 {today}",
        "en": "task {task} was completed on {date}, after the day of the check ({today})",
    },
    "task-date-in-future.hint": {
        "zh": "核对完成日期；尚未完成的任务状态应为“进行中”",
        "en": "check the date; a task not yet done is in progress",
    },
    "task-done-without-evidence.title": {
        "zh": "已完成的任务没有证明材料",
        "en": "Task done without evidence",
    },
    "task-done-without-evidence.message": {
        "zh": "任务 {task} 标为已完成，但没有填写证明材料",
        "en": "task {task} is marked done but gives no evidence",
    },
    "task-done-without-evidence.hint": {
        "zh": "在“证明材料”中填写文件号、文件名或链接，如 市政发〔2015〕12号",
        "en": "name the evidence: a document number, a file name or a link",
    },
}
