"""Wording of the workbooks qcity writes (render/xlsx/*): the fill-in template and its data
validations, and the tasks and series sheets."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- the template's data sheet (render/xlsx/template.py) -----------------------------------
    "template-title": {"zh": "{title} · 指标填报表", "en": "{title} · submission"},
    "template-name": {"zh": "指标名称", "en": "Indicator"},
    "template-unit": {"zh": "单位", "en": "Unit"},
    "template-target": {"zh": "目标", "en": "Target"},
    "template-lead": {"zh": "牵头部门", "en": "Lead department"},
    "form-unit": {"zh": "填报单位", "en": "Reported by"},
    "form-period": {"zh": "报告期", "en": "Period"},
    "form-contact": {"zh": "联系人及电话", "en": "Contact"},
    "lead-width-sample": {"zh": "市发改委", "en": "Department name here"},
    "how-percent": {"zh": "填百分数：95.3 或 95.3%", "en": "Write a percentage: 95.3 or 95.3%"},
    "how-ratio": {
        "zh": "填比值的前项：2.47 表示 2.47∶1",
        "en": "Write the first term: 2.47 means 2.47∶1",
    },
    "how-boolean": {"zh": "从下拉列表选“是”或“否”", "en": "Choose yes or no from the list"},
    "how-count": {"zh": "填个数（整数）", "en": "Write a count (a whole number)"},
    "how-score": {"zh": "填分数，如 82.5", "en": "Write the score, e.g. 82.5"},
    "how-index": {"zh": "填指数值，如 86.3", "en": "Write the index value, e.g. 86.3"},
    "how-amount": {"zh": "按所示单位填数值", "en": "Write the amount in the unit shown"},
    "how-days": {"zh": "填天数", "en": "Write the number of days"},
    "how-concentration": {
        "zh": "按所示单位填浓度",
        "en": "Write the concentration in the unit shown",
    },
    "how-multiple": {
        "zh": "填为基年的倍数，如 2.1",
        "en": "Write the multiple of the base year, e.g. 2.1",
    },
    "range-between": {"zh": "{lo} 到 {hi} 之间的", "en": "between {lo} and {hi}"},
    "range-at-least": {"zh": "不小于 {lo} 的", "en": "of at least {lo}"},
    "range-at-most": {"zh": "不大于 {hi} 的", "en": "of at most {hi}"},
    "value-prompt": {
        "zh": "目标 {target}\n{how}\n依据 {clause}：{quote}",
        "en": "Target {target}\n{how}\nPlan {clause}: {quote}",
    },
    "value-invalid-title": {"zh": "数值无效", "en": "Invalid value"},
    "choose-yes-no": {"zh": "请从下拉列表选择“是”或“否”", "en": "Choose yes or no from the list"},
    "write-count": {"zh": "请填写{range}整数，如 3", "en": "Write a whole number {range}, e.g. 3"},
    "write-ratio": {
        "zh": "请填写{range}比值前项，如 2.47（表示 2.47∶1）",
        "en": "Write the ratio's first term {range}, e.g. 2.47 for 2.47∶1",
    },
    "write-number": {
        "zh": "请填写{range}数值，如 95.3 或 95.3%；“约95%”“95%以上”等无法判定",
        "en": "Write a number {range}, e.g. 95.3 or 95.3%; “about 95%” cannot be judged",
    },
    "fraction-title": {"zh": "分子 / 分母", "en": "Numerator / denominator"},
    "fraction-prompt": {
        "zh": "比率可只填分子和分母（如合格批次和抽查批次），由 qcity 计算；同时填写实际值时二者须一致",
        "en": "A rate may be given as numerator and denominator alone (e.g. batches passed and "
        "sampled); with a value too, the two must agree",
    },
    "fraction-error": {
        "zh": "请填写不小于 0 的数值（可为小数）",
        "en": "Write a number of at least 0 (decimals allowed)",
    },
    # --- the template's tasks sheet (render/xlsx/tasks_sheet.py) --------------------------------
    "tasks-title": {"zh": "任务", "en": "Task"},
    "tasks-lead": {"zh": "牵头部门", "en": "Lead department"},
    "tasks-due": {"zh": "完成时限", "en": "Due by"},
    "tasks-deliverables": {"zh": "应交成果", "en": "Deliverables"},
    "tasks-status": {"zh": "状态", "en": "Status"},
    "tasks-completed": {"zh": "完成日期", "en": "Completion date"},
    "tasks-hint": {
        "zh": "状态从下拉列表选择；已完成的任务请填写证明材料（文件号、文件名或链接）和完成日期。"
        "时限为所在阶段的最后一天，过期未完成的任务检查时标为“逾期”。",
        "en": "Choose the status from the list; for a task done, give the evidence (a document "
        "number, file name or link) and the date. A task is due on the last day of its phase; "
        "one not done by then is reported overdue.",
    },
    "tasks-sheet-title": {"zh": "{title} · 工作任务进展", "en": "{title} · progress of the tasks"},
    "status-invalid-title": {"zh": "状态无效", "en": "Invalid status"},
    "choose-from": {"zh": "从下拉列表选择：{choices}", "en": "Choose from the list: {choices}"},
    "please-choose-from": {
        "zh": "请从下拉列表选择：{choices}",
        "en": "Choose from the list: {choices}",
    },
    "date-prompt": {"zh": "填写日期，如 2015-06-30", "en": "A date, e.g. 2015-06-30"},
    "date-invalid-title": {"zh": "日期无效", "en": "Invalid date"},
    "date-error": {"zh": "请填写日期，如 2015-06-30", "en": "Write a date, e.g. 2015-06-30"},
    # --- the template's series sheet (render/xlsx/series_sheet.py) ------------------------------
    "series-hint": {
        "zh": "按年份填写各序列的原始数据，检查时据此计算派生指标；不填的年份不参与计算。",
        "en": "Write each series' yearly figures; the check computes the derived indicators from "
        "them. Years left empty are not used.",
    },
    # --- the template's instructions sheet (render/xlsx/help_sheet.py) -------------------------
    "help-sheet": {"zh": "说明", "en": "instructions"},
    "help-title": {
        "zh": "填报说明 · {title}({document})",
        "en": "How to fill in this workbook · {title}({document})",
    },
    "help-stamp": {
        "zh": "指标目录 {id} v{version} · 模板版本 {template} · qcity {qcity}",
        "en": "Catalogue {id} v{version} · template version {template} · qcity {qcity}",
    },
    "help-stamp-leads": {
        "zh": " · 本模板只含 {who} 牵头的 {n} 项指标",
        "en": " · this template holds the {n} indicators led by {who}",
    },
    "help-heading-1": {"zh": "一、怎样填写", "en": "1. How to fill it in"},
    "help-heading-2": {"zh": "二、各类数值的写法", "en": "2. How to write each kind of figure"},
    "help-heading-3": {"zh": "三、工作步骤与时限", "en": "3. The plan's phases"},
    "help-heading-4": {"zh": "四、指标与方案依据", "en": "4. Indicators and their clauses"},
    "help-heading-5": {"zh": "五、检查文件", "en": "5. Checking the file"},
    "help-step-1": {
        "zh": "1. 只填“{sheet}”工作表中的黄色单元格：实际值、分子、分母、备注，以及表头上方的填报单位、报告期和联系人。其余单元格已锁定；工作表保护没有密码，确需修改时可在“审阅 → 撤销工作表保护”中取消。",
        "en": "1. Fill in only the yellow cells of the “{sheet}” sheet: value, numerator, denominator and note, and who reports, for which period, above the header. Everything else is locked; the protection has no password (Review → Unprotect Sheet) should you really need to change it.",
    },
    "help-step-2": {
        "zh": "2. 不要修改指标代码、表头和工作表名“{sheet}”，不要删除行。暂无数据的指标留空，检查时报为“未填报”。",
        "en": "2. Do not change the codes, the header or the sheet name “{sheet}”, and do not delete rows. Leave an indicator empty when there is no figure yet: it is reported as missing.",
    },
    "help-step-3": {
        "zh": "3. 填统计的确切数值。“约95%”“95%左右”“95%以上”是约数，无法判定是否达标；口径和来源写在“备注”列。",
        "en": "3. Write the exact figure. “about 95%”, “95% or so”, “over 95%” cannot be judged; explain the basis and source in the note column.",
    },
    "help-step-4": {
        "zh": "4. 可以用公式计算。Excel、WPS 和 LibreOffice 保存时会一并保存公式的结果，qcity 读取的就是这个结果。",
        "en": "4. Formulas are fine: Excel, WPS and LibreOffice save their results with the file, and qcity reads those results.",
    },
    "help-step-5": {
        "zh": "5. 把鼠标移到“实际值”单元格上可看到该指标的目标和方案依据；填写不合要求的内容时会被拒绝并提示原因。",
        "en": "5. Select a value cell to see the indicator's target and the plan's clause; entries that cannot be judged are refused with the reason.",
    },
    "help-step-tasks": {
        "zh": "6. 在“{sheet}”工作表填写各项工作任务的进展：状态从下拉列表选择（未开始、进行中、已完成）；已完成的任务填写证明材料（文件号、文件名或链接）和完成日期。任务的时限是其所在阶段的最后一天，过期未完成的任务检查时标为“逾期”；任务进展不影响检查的退出码。",
        "en": "6. On the “{sheet}” sheet, give the progress of each task: choose the status from the list (not started, in progress, done); for a task done, give the evidence (a document number, file name or link) and the date. A task is due on the last day of its phase; one not done by then is reported overdue. Task progress does not change the check's exit code.",
    },
    "notation-head-unit": {"zh": "单位", "en": "Unit"},
    "notation-head-how": {"zh": "怎样填", "en": "How to write it"},
    "notation-head-examples": {"zh": "示例", "en": "Examples"},
    "notation-head-refused": {"zh": "不接受", "en": "Refused"},
    "notation-percent-unit": {"zh": "%", "en": "%"},
    "notation-percent-how": {
        "zh": "百分数，带不带 % 都可；也可用百分比格式的单元格",
        "en": "a percentage, with or without %; a percentage-formatted cell works too",
    },
    "notation-percent-examples": {"zh": "95.3、95.3%、９５．３％", "en": "95.3, 95.3%"},
    "notation-percent-refused": {"zh": "约95%、95%以上、95,3", "en": "about 95%, over 95%, 95,3"},
    "notation-ratio-unit": {"zh": "比值（X∶1）", "en": "ratio (X∶1)"},
    "notation-ratio-how": {
        "zh": "填前项，后项为 1；单元格显示为 X∶1",
        "en": "the first term, the second being 1; the cell shows X∶1",
    },
    "notation-ratio-examples": {"zh": "2.47（显示为 2.47∶1）", "en": "2.47 (shown as 2.47∶1)"},
    "notation-ratio-refused": {"zh": "1:2.47", "en": "1:2.47"},
    "notation-boolean-unit": {"zh": "是/否", "en": "yes/no"},
    "notation-boolean-how": {"zh": "从下拉列表选择", "en": "choose from the list"},
    "notation-boolean-examples": {"zh": "是、否", "en": "yes, no"},
    "notation-boolean-refused": {"zh": "其他文字", "en": "any other text"},
    "notation-count-unit": {"zh": "个", "en": "count"},
    "notation-count-how": {"zh": "非负整数", "en": "a whole number, 0 or more"},
    "notation-count-examples": {"zh": "3", "en": "3"},
    "notation-count-refused": {"zh": "2.5、一批", "en": "2.5, a batch"},
    "notation-fraction-unit": {"zh": "分子、分母", "en": "numerator, denominator"},
    "notation-fraction-how": {
        "zh": "比率可只填分子和分母，qcity 按 分子÷分母×100 计算；同时填写实际值时二者须一致",
        "en": "a rate may be given as numerator and denominator alone (numerator ÷ denominator × 100); with a value too, the two must agree",
    },
    "notation-fraction-examples": {"zh": "1121 和 1200(93.42%)", "en": "1121 and 1200 (93.42%)"},
    "notation-fraction-refused": {
        "zh": "负数、文字、分母为 0",
        "en": "negative numbers, text, a zero denominator",
    },
    "phases-phase": {"zh": "阶段", "en": "Phase"},
    "phases-name": {"zh": "名称（◆ 验收节点）", "en": "Name (◆ acceptance)"},
    "phases-months": {"zh": "时间", "en": "Months"},
    "phases-clause": {"zh": "依据", "en": "Clause"},
    "phases-quote": {"zh": "方案原文", "en": "The plan's words"},
    "phases-produces": {"zh": "应完成", "en": "To produce"},
    "indicators-code": {"zh": "代码", "en": "Code"},
    "indicators-name": {"zh": "指标", "en": "Indicator"},
    "indicators-target": {"zh": "目标", "en": "Target"},
    "indicators-clause": {"zh": "依据", "en": "Clause"},
    "indicators-quote": {"zh": "方案原文", "en": "The plan's words"},
    "indicators-note": {"zh": "说明", "en": "Note"},
    "help-check-1": {
        "zh": "填好后用 qcity 检查（qcity 只读取，不会修改文件）：",
        "en": "When it is filled in, check it with qcity (which only reads the file, never changes it):",
    },
    "help-check-2": {"zh": "qcity check 文件名.xlsx", "en": "qcity check FILE.xlsx --lang en"},
    "help-check-3": {
        "zh": "qcity check 文件名.xlsx --annotate 文件名-检查结果.xlsx   （另存一份标注副本：每行标出达标与否，问题单元格附批注）",
        "en": "qcity check FILE.xlsx --annotate FILE-checked.xlsx --lang en    (writes a copy with every row's status and a note on every problem cell)",
    },
    "help-check-4": {
        "zh": "退出码：0 全部达标；1 有未达标或未填报；3 数据有误或无法读取，修改后重新检查。",
        "en": "Exit codes: 0 every target met; 1 some unmet or missing; 3 invalid figures or an unreadable file: fix them and check again.",
    },
    "month-1": {"zh": "{year}年1月", "en": "Jan {year}"},
    "month-2": {"zh": "{year}年2月", "en": "Feb {year}"},
    "month-3": {"zh": "{year}年3月", "en": "Mar {year}"},
    "month-4": {"zh": "{year}年4月", "en": "Apr {year}"},
    "month-5": {"zh": "{year}年5月", "en": "May {year}"},
    "month-6": {"zh": "{year}年6月", "en": "Jun {year}"},
    "month-7": {"zh": "{year}年7月", "en": "Jul {year}"},
    "month-8": {"zh": "{year}年8月", "en": "Aug {year}"},
    "month-9": {"zh": "{year}年9月", "en": "Sep {year}"},
    "month-10": {"zh": "{year}年10月", "en": "Oct {year}"},
    "month-11": {"zh": "{year}年11月", "en": "Nov {year}"},
    "month-12": {"zh": "{year}年12月", "en": "Dec {year}"},
    # --- the summary sheet of an annotated copy or a report (render/xlsx/summary_sheet.py) -----
    "summary-sheet": {"zh": "检查结果", "en": "Check results"},
    "summary-areas": {"zh": "按领域统计", "en": "By area"},
    "summary-area": {"zh": "领域", "en": "Area"},
    "summary-total": {"zh": "合计", "en": "Total"},
    "summary-indicators": {"zh": "各项指标", "en": "Indicators"},
    "summary-issues": {"zh": "数据问题", "en": "Data issues"},
    "summary-none": {"zh": "没有数据问题。", "en": "No data issues."},
    "summary-chart": {
        "zh": "百分数指标：填报值与达标线",
        "en": "Percentage indicators: reported value and threshold",
    },
    "summary-threshold": {"zh": "达标线", "en": "Threshold"},
    "summary-judged": {"zh": "填报值（判定）", "en": "Reported (judged)"},
    "summary-lost": {
        "zh": "注意：本副本未能保留原工作簿中的：",
        "en": "Note: this copy could not keep these parts of the original workbook: ",
    },
    "summary-code": {"zh": "问题代码", "en": "Issue code"},
    "sep-lost": {"zh": "、", "en": "; "},
    # --- the annotated copy (render/xlsx/annotate.py, annotate_package.py) ----------------------
    "annotate-status": {"zh": "检查结果", "en": "Check result"},
    "annotate-detail": {"zh": "差距或问题", "en": "Gap or problem"},
    "annotate-no-room": {
        "zh": "数据表右侧没有空列，未加检查结果列",
        "en": "no free column right of the data for the result columns",
    },
    "lost-named-styles": {"zh": "命名单元格样式", "en": "named cell styles"},
    "lost-extensions": {"zh": "扩展功能（extLst）", "en": "extensions (extLst)"},
    # parts of an .xlsx openpyxl may not carry over, and how many were lost
    "lost-images": {"zh": "图片", "en": "images"},
    "lost-charts": {"zh": "图表", "en": "charts"},
    "lost-drawings": {"zh": "图形、文本框", "en": "shapes and text boxes"},
    "lost-macros": {"zh": "宏（VBA）", "en": "macros (VBA)"},
    "lost-threaded-comments": {"zh": "新式批注的回复线程", "en": "threaded comment replies"},
    "lost-pivot-tables": {"zh": "数据透视表", "en": "pivot tables"},
    "lost-slicers": {"zh": "切片器", "en": "slicers"},
    "lost-timelines": {"zh": "日程表", "en": "timelines"},
    "lost-embeddings": {"zh": "嵌入对象", "en": "embedded objects"},
    "lost-form-controls": {"zh": "表单控件", "en": "form controls"},
    "lost-activex": {"zh": "ActiveX 控件", "en": "ActiveX controls"},
    "lost-external-links": {"zh": "外部链接", "en": "external links"},
    "lost-tables": {"zh": "表格（列表）", "en": "tables"},
    "lost-connections": {"zh": "数据连接", "en": "data connections"},
    "lost-custom-xml": {"zh": "自定义 XML", "en": "custom XML"},
    "lost-count": {"zh": "{kind}（{n}）", "en": "{kind} ({n})"},
    "elsewhere": {"zh": "（{where}）", "en": " ({where})"},
    "annotate-cannot-copy": {
        "zh": "无法写出标注副本：{reason}",
        "en": "the annotated copy cannot be written: {reason}",
    },
    "annotate-dangling-link": {
        "zh": "标注副本中的链接指向缺失的部件 {part}，副本未写出",
        "en": "in the annotated copy, a link points at the missing part {part}; no copy was written",
    },
}
