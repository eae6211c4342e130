"""Issue wording: the workbook's structure, its rows and codes, and the values in them.

Each issue code has three keys: `<code>.title`, `<code>.message` (a str.format template with the
parameters issue_types.py names) and `<code>.hint` (how to fix it).
"""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- workbook structure ------------------------------------------------------------
    "no-data-sheet.title": {"zh": "找不到数据工作表", "en": "No data sheet"},
    "no-data-sheet.message": {
        "zh": "找不到名为“数据”或“data”的工作表；现有工作表：{sheets}",
        "en": "no sheet named 数据 or data; sheets: {sheets}",
    },
    "no-data-sheet.hint": {
        "zh": "把填报数据的工作表改名为“数据”",
        "en": "rename the sheet holding the figures to 数据 (or data)",
    },
    "ambiguous-data-sheet.title": {"zh": "数据工作表不唯一", "en": "More than one data sheet"},
    "ambiguous-data-sheet.message": {
        "zh": "有多个可能的数据工作表：{sheets}",
        "en": "more than one sheet could be the data sheet: {sheets}",
    },
    "ambiguous-data-sheet.hint": {
        "zh": "只保留一个名为“数据”的工作表",
        "en": "keep a single sheet named 数据 (or data)",
    },
    "no-header.title": {"zh": "找不到表头", "en": "No header row"},
    "no-header.message": {
        "zh": "工作表前 {rows} 行中没有“指标代码”（code）列标题",
        "en": "no 指标代码 (code) header cell in the sheet's first {rows} rows",
    },
    "no-header.hint": {
        "zh": "在数据上方加一行表头，至少包含“指标代码”和“实际值”；可用 qcity template 生成模板",
        "en": "add a header row with at least 指标代码 and 实际值; `qcity template` writes one",
    },
    "missing-column.title": {"zh": "缺少数据列", "en": "Missing column"},
    "missing-column.message": {
        "zh": "表头中没有 {columns} 列",
        "en": "the header has no {columns} column",
    },
    "missing-column.hint": {
        "zh": "在表头行加上“实际值”（value）列，或“分子”和“分母”列",
        "en": "add a 实际值 (value) column, or 分子 and 分母",
    },
    "duplicate-column.title": {"zh": "列标题重复", "en": "Duplicated column"},
    "duplicate-column.message": {
        "zh": "列“{column}”出现了两次：{first} 和 {second}",
        "en": "column {column} appears twice: {first} and {second}",
    },
    "duplicate-column.hint": {"zh": "删除或改名其中一列", "en": "delete or rename one of them"},
    "merged-cells.title": {"zh": "数值单元格被合并", "en": "Merged cells over figures"},
    "merged-cells.message": {
        "zh": "合并单元格 {range} 覆盖了数值列：只有左上角单元格有值，其余行读不到数据",
        "en": "the merged range {range} covers figure cells: only its top-left cell holds a value",
    },
    "merged-cells.hint": {
        "zh": "取消合并，每个指标的数值填在本行自己的单元格里",
        "en": "unmerge the cells and type each indicator's figure in its own row",
    },
    "district-not-text.title": {"zh": "区县单元格不是文字", "en": "District cell is not text"},
    "district-not-text.message": {
        "zh": "{cell} 的区县是 {raw}（{kind}），不是区县名称；该行未判定",
        "en": "the district in {cell} is {raw} ({kind}), not a district name; the row is not judged",
    },
    "district-not-text.hint": {
        "zh": "在区县列填写区县名称（文字），或留空表示全市",
        "en": "type the district's name as text in the district column, or leave it empty for the city",
    },
    "hidden-sheet.title": {"zh": "数据工作表被隐藏", "en": "Data sheet is hidden"},
    "hidden-sheet.message": {
        "zh": "数据工作表“{sheet}”是隐藏的，仍按它检查",
        "en": "the data sheet {sheet} is hidden; it is checked all the same",
    },
    "hidden-sheet.hint": {
        "zh": "取消隐藏，让审阅者看到所检查的数据",
        "en": "unhide it so reviewers see what was checked",
    },
    "hidden-row.title": {"zh": "隐藏行中有数据", "en": "Data in a hidden row"},
    "hidden-row.message": {
        "zh": "第 {row} 行是隐藏的，但填有指标 {indicator} 的数据",
        "en": "row {row} is hidden but holds data for {indicator}",
    },
    "hidden-row.hint": {
        "zh": "取消隐藏该行并核对数据，或删除该行",
        "en": "unhide the row and check it, or delete it",
    },
    "value-without-code.title": {"zh": "有数据但无指标代码", "en": "Figures without a code"},
    "value-without-code.message": {
        "zh": "第 {row} 行填了数据，但“指标代码”为空",
        "en": "row {row} holds figures but no indicator code",
    },
    "value-without-code.hint": {
        "zh": "补上指标代码，或删除该行",
        "en": "fill in the code or delete the row",
    },
    # --- rows and codes ------------------------------------------------------------------
    "unknown-indicator.title": {"zh": "未知指标代码", "en": "Unknown indicator code"},
    "unknown-indicator.message": {
        "zh": "指标代码“{raw}”不在目录中{suggestion}",
        "en": "indicator code {raw!r} is not in the catalogue{suggestion}",
    },
    "unknown-indicator.hint": {
        "zh": "改为目录中的代码（qcity catalogue 可列出全部）",
        "en": "use a code from the catalogue (`qcity catalogue`)",
    },
    "duplicate-indicator.title": {"zh": "指标重复填报", "en": "Indicator reported twice"},
    "duplicate-indicator.message": {
        "zh": "指标 {indicator} 出现了两次：{first} 和 {second}",
        "en": "{indicator} appears twice: {first} and {second}",
    },
    "duplicate-indicator.hint": {"zh": "每个指标只保留一行", "en": "keep one row per indicator"},
    # --- values ----------------------------------------------------------------------------
    "formula-without-value.title": {
        "zh": "公式没有计算结果",
        "en": "Formula without a saved value",
    },
    "formula-without-value.message": {
        "zh": "单元格是公式 {formula}，但文件中没有保存计算结果",
        "en": "the cell holds the formula {formula} but no saved value",
    },
    "formula-without-value.hint": {
        "zh": "用 Excel 或 WPS 打开文件并保存（会保存公式结果），或直接填写数值",
        "en": "open and save the file in Excel or WPS (which stores the result), or type the value",
    },
    "error-cell.title": {"zh": "单元格是错误值", "en": "Error value in cell"},
    "error-cell.message": {"zh": "单元格的值是错误 {raw}", "en": "the cell holds the error {raw}"},
    "error-cell.hint": {
        "zh": "修正产生该错误的公式，或直接填写数值",
        "en": "fix the formula that produces it, or type the value",
    },
    "not-a-number.title": {"zh": "不是数字", "en": "Not a number"},
    "not-a-number.message": {"zh": "“{raw}”不是{expected}", "en": "{raw!r} is not {expected}"},
    "not-a-number.hint": {"zh": "填写{example}", "en": "write {example}"},
    "not-finite.title": {"zh": "数值无效", "en": "Not a finite number"},
    "not-finite.message": {"zh": "“{raw}”不是有限的数值", "en": "{raw!r} is not a finite number"},
    "not-finite.hint": {"zh": "填写实际的数值", "en": "write the actual figure"},
    "approximate-value.title": {"zh": "数值是约数", "en": "Approximate figure"},
    "approximate-value.message": {
        "zh": "“{raw}”是约数，无法判定是否达标",
        "en": "{raw!r} is approximate; an approximate figure cannot be judged",
    },
    "approximate-value.hint": {
        "zh": "填写统计的确切数值，例如 {example}；说明写在“备注”列",
        "en": "write the exact figure, e.g. {example}; explain in 备注",
    },
    "date-in-value.title": {"zh": "数值单元格是日期", "en": "Date in a value cell"},
    "date-in-value.message": {
        "zh": "单元格的值是日期/时间 {raw}",
        "en": "the cell holds a date or time, {raw}",
    },
    "date-in-value.hint": {
        "zh": "把单元格格式改为“常规”或“数值”后重新填写",
        "en": "set the cell's format to General or Number and type the value again",
    },
    "boolean-in-number.title": {"zh": "数值单元格是逻辑值", "en": "TRUE/FALSE in a number cell"},
    "boolean-in-number.message": {
        "zh": "单元格的值是逻辑值 {raw}，这里需要{expected}",
        "en": "the cell holds {raw}, but {expected} is expected",
    },
    "boolean-in-number.hint": {"zh": "填写{example}", "en": "write {example}"},
    "not-yes-no.title": {"zh": "不是“是/否”", "en": "Not yes or no"},
    "not-yes-no.message": {"zh": "“{raw}”不是“是/否”", "en": "{raw!r} is not yes or no"},
    "not-yes-no.hint": {
        "zh": "填写“是”或“否”（也接受 已完成/未完成、达标/未达标、✓/✗、1/0）",
        "en": "write 是 or 否 (yes/no, true/false, ✓/✗, 1/0)",
    },
    "not-a-whole-number.title": {"zh": "不是非负整数", "en": "Not a whole number"},
    "not-a-whole-number.message": {
        "zh": "“{raw}”不是非负整数",
        "en": "{raw!r} is not a non-negative whole number",
    },
    "not-a-whole-number.hint": {
        "zh": "填写个数，例如 3 或 3个",
        "en": "write a count, e.g. 3 or 3个",
    },
    "ratio-format.title": {"zh": "比值写法不对", "en": "Ratio written the wrong way round"},
    "ratio-format.message": {
        "zh": "“{raw}”不是“X∶1”形式的比值",
        "en": "{raw!r} is not a ratio of the form X∶1",
    },
    "ratio-format.hint": {
        "zh": "写成 {example}（前项除以后项，后项为 1）",
        "en": "write it as {example} (first term over second, second term 1)",
    },
    "out-of-range.title": {"zh": "数值超出合理范围", "en": "Value out of range"},
    "out-of-range.message": {
        "zh": "{value} 超出该指标可取的范围 {range}",
        "en": "{value} is outside the indicator's range {range}",
    },
    "out-of-range.hint": {
        "zh": "核对数值和单位（百分数填 95.3 或 95.3%）",
        "en": "check the figure and its unit (a percentage is 95.3 or 95.3%)",
    },
    "zero-denominator.title": {"zh": "分母为零", "en": "Zero denominator"},
    "zero-denominator.message": {
        "zh": "分母为 0，无法计算比率",
        "en": "the denominator is 0, so no rate can be computed",
    },
    "zero-denominator.hint": {
        "zh": "填写实际的分母（例如抽查批次总数）",
        "en": "write the actual denominator (e.g. the batches sampled)",
    },
    "numerator-exceeds-denominator.title": {
        "zh": "分子大于分母",
        "en": "Numerator larger than denominator",
    },
    "numerator-exceeds-denominator.message": {
        "zh": "分子 {numerator} 大于分母 {denominator}",
        "en": "numerator {numerator} is larger than denominator {denominator}",
    },
    "numerator-exceeds-denominator.hint": {
        "zh": "核对分子（合格数）和分母（总数）是否填反",
        "en": "check whether numerator and denominator were swapped",
    },
    "incomplete-fraction.title": {"zh": "分子分母不全", "en": "Numerator or denominator missing"},
    "incomplete-fraction.message": {
        "zh": "只填了{present}，缺少{absent}",
        "en": "only the {present} is given, the {absent} is missing",
    },
    "incomplete-fraction.hint": {
        "zh": "分子和分母都填，或都不填",
        "en": "fill in both numerator and denominator, or neither",
    },
    "inconsistent-value.title": {"zh": "数值前后不一致", "en": "Inconsistent figures"},
    "inconsistent-value.message": {
        "zh": "填报值 {reported}{reported_at}与 {computed_from}算得的 {computed} 不一致",
        "en": "reported {reported}{reported_at} differs from {computed} computed from {computed_from}",
    },
    "inconsistent-value.hint": {
        "zh": "核对填报值和用于计算的原始数据",
        "en": "check the reported figure against the figures it comes from",
    },
    "suspicious-fraction.title": {
        "zh": "疑似小数形式的百分数",
        "en": "Percentage written as a fraction?",
    },
    "suspicious-fraction.message": {
        "zh": "填报值 {raw} 不大于 1，而目标是 {target}，无法判定：是否应为 {suggestion}%？",
        "en": "{raw} is at most 1 but the target is {target}, so it cannot be judged: did you mean {suggestion}%?",
    },
    "suspicious-fraction.hint": {
        "zh": "填写 {suggestion}%，或把单元格设为百分比格式；如确为 {raw}%，请写作 {raw}%",
        "en": "write {suggestion}% or format the cell as a percentage; if {raw}% is meant, write {raw}%",
    },
    "fraction-not-accepted.title": {
        "zh": "此指标不由分子、分母计算",
        "en": "No numerator or denominator for this indicator",
    },
    "fraction-not-accepted.message": {
        "zh": "{indicator} 不是两个计数之比，{column} {raw} 不能用于计算",
        "en": "{indicator} is not a rate of two counts, so the {column} {raw} cannot be used",
    },
    "fraction-not-accepted.hint": {"zh": "{instead}", "en": "{instead}"},
}
