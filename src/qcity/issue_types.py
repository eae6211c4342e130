"""The registry of issue types: every problem's stable code, severity, and bilingual title,
message and fix. Codes are a public interface (JSON, JUnit, annotations): never rename one."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from qcity.lang import Lang

# A parameter is language-neutral (a number, a cell's text) or given in both languages.
ParamValue = str | int | float | dict[Lang, str]


class Severity(str, enum.Enum):
    """How much an issue matters: errors make the submission untrustworthy (exit 3)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class IssueType:
    """A kind of problem: stable code, severity, and bilingual title, message and fix."""

    code: str
    severity: Severity
    title: dict[Lang, str]
    message: dict[Lang, str]
    hint: dict[Lang, str]


def _t(
    code: str,
    severity: Severity,
    title: tuple[str, str],
    message: tuple[str, str],
    hint: tuple[str, str],
) -> IssueType:
    return IssueType(
        code=code,
        severity=severity,
        title={"zh": title[0], "en": title[1]},
        message={"zh": message[0], "en": message[1]},
        hint={"zh": hint[0], "en": hint[1]},
    )


E, W = Severity.ERROR, Severity.WARNING

# The registry. Codes are a public interface (JSON, JUnit, annotations): never rename one.
# Messages are str.format templates; parameters are filled in by reporters at render time.
ISSUE_TYPES: dict[str, IssueType] = {
    t.code: t
    for t in [
        # --- files and usage -------------------------------------------------------------
        _t(
            "file-not-found",
            E,
            ("文件不存在", "File not found"),
            ("找不到文件", "no such file"),
            ("检查路径和文件名是否拼写正确", "check the path and the file name"),
        ),
        _t(
            "file-changed",
            E,
            ("文件在读取时被改动", "File changed while being read"),
            (
                "读取期间文件被改动（可能正被 Excel 或 WPS 保存），未作判断，以免依据新旧两版的混合内容",
                "the file changed while it was being read (saved again by Excel or WPS?); it is not judged on a mix of two versions",
            ),
            ("等保存完成后重新检查", "check it again once it has been saved"),
        ),
        _t(
            "lock-file",
            E,
            ("这是 Excel/WPS 的锁文件", "Excel's or WPS's lock file"),
            (
                "这是 Excel 或 WPS 打开 {real} 时生成的锁文件，不是工作簿",
                "this is the lock file Excel or WPS keeps while {real} is open, not a workbook",
            ),
            (
                "检查工作簿本身：qcity check {real}（先在 Excel 或 WPS 中保存）",
                "check the workbook itself: qcity check {real} (save it in Excel or WPS first)",
            ),
        ),
        _t(
            "workbook-open",
            W,
            ("工作簿正被打开", "Workbook is open"),
            (
                "工作簿正在 Excel、WPS 或 LibreOffice 中打开（有锁文件 {lock}），未保存的修改不在检查之列",
                "the workbook is open in Excel, WPS or LibreOffice (lock file {lock}); "
                "changes not yet saved are not checked",
            ),
            ("先保存工作簿，再重新检查", "save the workbook, then check it again"),
        ),
        _t(
            "not-a-file",
            E,
            ("不是文件", "Not a file"),
            ("不是一个文件（是文件夹？）", "not a file (a folder?)"),
            ("给出工作簿文件（.xlsx）的路径", "give the path of a workbook file (.xlsx)"),
        ),
        _t(
            "unreadable-file",
            E,
            ("无法读取文件", "File cannot be read"),
            ("无法读取：{reason}", "cannot be read: {reason}"),
            ("检查文件权限，或把文件复制到可读的位置", "check the file's permissions or copy it"),
        ),
        _t(
            "not-a-workbook",
            E,
            ("不是 Excel 工作簿", "Not an Excel workbook"),
            (
                "不是有效的 .xlsx 工作簿（{reason}）",
                "not a valid .xlsx workbook ({reason})",
            ),
            (
                "用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）再提交",
                "open it in Excel or WPS and save it as an Excel workbook (*.xlsx)",
            ),
        ),
        _t(
            "unsupported-format",
            E,
            ("不支持的文件格式", "Unsupported file format"),
            (
                "这是{kind}文件，qcity 只读取 .xlsx / .xlsm",
                "this is {kind}; qcity reads .xlsx / .xlsm",
            ),
            (
                "用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）",
                "open it in Excel or WPS and save it as an Excel workbook (*.xlsx)",
            ),
        ),
        _t(
            "encrypted-workbook",
            E,
            ("工作簿有密码保护", "Workbook is password-protected"),
            (
                "工作簿已加密（设置了打开密码），无法读取",
                "the workbook is encrypted (it has an open password)",
            ),
            (
                "在 Excel/WPS 中取消“用密码进行加密”后另存为 .xlsx",
                "remove the open password in Excel/WPS and save it again as .xlsx",
            ),
        ),
        _t(
            "file-too-large",
            E,
            ("文件超出限制", "File exceeds a limit"),
            (
                "{what}为 {actual}，超过上限 {limit}",
                "{what} is {actual}, over the limit of {limit}",
            ),
            (
                "检查文件是否正确；确属正常数据时用 {option} 放宽上限",
                "check the file; if it is genuine, raise the limit with {option}",
            ),
        ),
        _t(
            "unsafe-xml",
            E,
            ("工作簿含有不安全的 XML", "Unsafe XML in the workbook"),
            (
                "部件 {part} 声明了 DTD 或实体（<!DOCTYPE …>），Excel 从不写入这种内容；为安全起见不予读取",
                "the part {part} declares a DTD or entities (<!DOCTYPE …>), which Excel never writes; it is refused unread",
            ),
            (
                "该文件不是由 Excel/WPS 保存的，或已被改动：请填报单位用 Excel 或 WPS 重新“另存为” .xlsx",
                "the file was not saved by Excel or WPS, or was altered: ask the sender to save it again as .xlsx",
            ),
        ),
        _t(
            "too-many-rows",
            E,
            ("数据工作表行数超出限制", "Too many rows in the data sheet"),
            (
                "第 {row} 行仍有内容，超过了 {limit} 行的上限",
                "row {row} holds data, beyond the limit of {limit} rows",
            ),
            (
                "删除数据下方无关的行；确属正常数据时用 --max-rows 放宽上限",
                "delete the unrelated rows below the data; if they are genuine, raise the limit with --max-rows",
            ),
        ),
        _t(
            "cell-too-long",
            E,
            ("单元格文本过长", "Cell text too long"),
            (
                "单元格有 {length} 个字符，超过 {limit} 个（Excel 自身的上限）",
                "the cell holds {length} characters, more than {limit} (Excel's own limit)",
            ),
            (
                "Excel 写不出这样的单元格：请填报单位用 Excel 或 WPS 重新保存，或缩短该单元格",
                "Excel cannot write such a cell: ask the sender to save the file again in Excel or WPS, or shorten it",
            ),
        ),
        _t(
            "output-is-input",
            E,
            ("输出会覆盖输入", "Output would overwrite the input"),
            ("输出文件就是被检查的文件", "the output is the file being checked"),
            ("为输出选一个不同的文件名", "choose another file name for the output"),
        ),
        _t(
            "output-exists",
            E,
            ("输出文件已存在", "Output file exists"),
            ("{path} 已存在，不会覆盖", "{path} exists and is not overwritten"),
            (
                "另选文件名，或加 --force 覆盖（注意不要覆盖已填写的工作簿）",
                "choose another name, or add --force to overwrite it (mind filled-in workbooks)",
            ),
        ),
        _t(
            "output-not-writable",
            E,
            ("无法写入输出文件", "Output cannot be written"),
            ("无法写入输出文件：{reason}", "the output cannot be written: {reason}"),
            (
                "检查输出文件夹是否存在、可写且有剩余空间，文件是否正被其他程序打开；已有的同名文件保持不变",
                "check that the folder exists, is writable and has space, and that no program has the file open; an existing file is left as it was",
            ),
        ),
        _t(
            "output-format-mismatch",
            E,
            ("输出文件名与格式不符", "Output name contradicts the format"),
            (
                "输出文件 {path} 的后缀 {suffix} 表示 {implied} 格式，而所选格式为 {format}",
                "the output {path} ends in {suffix}, which means {implied}, but the format is {format}",
            ),
            (
                "去掉 --format（格式由后缀决定），或改用与格式相符的后缀，例如 -o {example}",
                "leave out --format (the suffix decides), or use a suffix that matches it, e.g. -o {example}",
            ),
        ),
        _t(
            "output-format-unknown",
            E,
            ("此命令不能输出该格式", "Format not offered by this command"),
            (
                "输出文件 {path} 的后缀 {suffix} 表示 {implied} 格式，此命令只能输出：{formats}",
                "the output {path} ends in {suffix}, which means {implied}; this command writes: {formats}",
            ),
            (
                "用 --format 选择格式，或改用相应的后缀",
                "choose a format with --format, or use a suffix for one of them",
            ),
        ),
        _t(
            "output-required",
            E,
            ("需要输出文件", "Output file required"),
            (
                "{format} 格式是二进制文件，不能输出到终端",
                "the {format} format is a binary file and cannot go to the terminal",
            ),
            ("用 -o 指定输出文件，例如 -o {example}", "name a file with -o, e.g. -o {example}"),
        ),
        _t(
            "no-workbooks",
            E,
            ("文件夹中没有工作簿", "No workbooks in the folder"),
            (
                "文件夹（含子文件夹）中没有 .xlsx / .xlsm 工作簿",
                "the folder (and its subfolders) holds no .xlsx / .xlsm workbook",
            ),
            (
                "检查路径是否正确；Office 锁文件（~$…）和隐藏文件不算工作簿",
                "check the path; Office lock files (~$…) and hidden files are not workbooks",
            ),
        ),
        _t(
            "file-skipped",
            Severity.INFO,
            ("批量检查跳过的文件", "File skipped by the batch"),
            ("未检查：{reason}", "not checked: {reason}"),
            ("{fix}", "{fix}"),
        ),
        _t(
            "duplicate-unit",
            E,
            ("填报单位重复", "Reporting unit in several files"),
            (
                "填报单位“{unit}”出现在 {count} 个文件中：{files}",
                "the reporting unit {unit!r} appears in {count} files: {files}",
            ),
            (
                "每个填报单位每期只保留一个文件，或在各文件的“填报单位”单元格写明不同的单位",
                "keep one file per unit and period, or tell them apart in their 填报单位 (unit) cells",
            ),
        ),
        # --- workbook structure ------------------------------------------------------------
        _t(
            "no-data-sheet",
            E,
            ("找不到数据工作表", "No data sheet"),
            (
                "找不到名为“数据”或“data”的工作表；现有工作表：{sheets}",
                "no sheet named 数据 or data; sheets: {sheets}",
            ),
            (
                "把填报数据的工作表改名为“数据”",
                "rename the sheet holding the figures to 数据 (or data)",
            ),
        ),
        _t(
            "ambiguous-data-sheet",
            E,
            ("数据工作表不唯一", "More than one data sheet"),
            (
                "有多个可能的数据工作表：{sheets}",
                "more than one sheet could be the data sheet: {sheets}",
            ),
            ("只保留一个名为“数据”的工作表", "keep a single sheet named 数据 (or data)"),
        ),
        _t(
            "no-header",
            E,
            ("找不到表头", "No header row"),
            (
                "工作表前 {rows} 行中没有“指标代码”（code）列标题",
                "no 指标代码 (code) header cell in the sheet's first {rows} rows",
            ),
            (
                "在数据上方加一行表头，至少包含“指标代码”和“实际值”；可用 qcity template 生成模板",
                "add a header row with at least 指标代码 and 实际值; `qcity template` writes one",
            ),
        ),
        _t(
            "missing-column",
            E,
            ("缺少数据列", "Missing column"),
            ("表头中没有 {columns} 列", "the header has no {columns} column"),
            (
                "在表头行加上“实际值”（value）列，或“分子”和“分母”列",
                "add a 实际值 (value) column, or 分子 and 分母",
            ),
        ),
        _t(
            "duplicate-column",
            E,
            ("列标题重复", "Duplicated column"),
            (
                "列“{column}”出现了两次：{first} 和 {second}",
                "column {column} appears twice: {first} and {second}",
            ),
            ("删除或改名其中一列", "delete or rename one of them"),
        ),
        _t(
            "merged-cells",
            E,
            ("数值单元格被合并", "Merged cells over figures"),
            (
                "合并单元格 {range} 覆盖了数值列：只有左上角单元格有值，其余行读不到数据",
                "the merged range {range} covers figure cells: only its top-left cell holds a value",
            ),
            (
                "取消合并，每个指标的数值填在本行自己的单元格里",
                "unmerge the cells and type each indicator's figure in its own row",
            ),
        ),
        _t(
            "district-not-text",
            E,
            ("区县单元格不是文字", "District cell is not text"),
            (
                "{cell} 的区县是 {raw}（{kind}），不是区县名称；该行未判定",
                "the district in {cell} is {raw} ({kind}), not a district name; the row is not judged",
            ),
            (
                "在区县列填写区县名称（文字），或留空表示全市",
                "type the district's name as text in the district column, or leave it empty for the city",
            ),
        ),
        _t(
            "hidden-sheet",
            W,
            ("数据工作表被隐藏", "Data sheet is hidden"),
            (
                "数据工作表“{sheet}”是隐藏的，仍按它检查",
                "the data sheet {sheet} is hidden; it is checked all the same",
            ),
            ("取消隐藏，让审阅者看到所检查的数据", "unhide it so reviewers see what was checked"),
        ),
        _t(
            "hidden-row",
            W,
            ("隐藏行中有数据", "Data in a hidden row"),
            (
                "第 {row} 行是隐藏的，但填有指标 {indicator} 的数据",
                "row {row} is hidden but holds data for {indicator}",
            ),
            ("取消隐藏该行并核对数据，或删除该行", "unhide the row and check it, or delete it"),
        ),
        _t(
            "value-without-code",
            W,
            ("有数据但无指标代码", "Figures without a code"),
            (
                "第 {row} 行填了数据，但“指标代码”为空",
                "row {row} holds figures but no indicator code",
            ),
            ("补上指标代码，或删除该行", "fill in the code or delete the row"),
        ),
        # --- rows and codes ------------------------------------------------------------------
        _t(
            "unknown-indicator",
            E,
            ("未知指标代码", "Unknown indicator code"),
            (
                "指标代码“{raw}”不在目录中{suggestion}",
                "indicator code {raw!r} is not in the catalogue{suggestion}",
            ),
            (
                "改为目录中的代码（qcity catalogue 可列出全部）",
                "use a code from the catalogue (`qcity catalogue`)",
            ),
        ),
        _t(
            "duplicate-indicator",
            E,
            ("指标重复填报", "Indicator reported twice"),
            (
                "指标 {indicator} 出现了两次：{first} 和 {second}",
                "{indicator} appears twice: {first} and {second}",
            ),
            ("每个指标只保留一行", "keep one row per indicator"),
        ),
        # --- values ----------------------------------------------------------------------------
        _t(
            "formula-without-value",
            E,
            ("公式没有计算结果", "Formula without a saved value"),
            (
                "单元格是公式 {formula}，但文件中没有保存计算结果",
                "the cell holds the formula {formula} but no saved value",
            ),
            (
                "用 Excel 或 WPS 打开文件并保存（会保存公式结果），或直接填写数值",
                "open and save the file in Excel or WPS (which stores the result), or type the value",
            ),
        ),
        _t(
            "error-cell",
            E,
            ("单元格是错误值", "Error value in cell"),
            ("单元格的值是错误 {raw}", "the cell holds the error {raw}"),
            (
                "修正产生该错误的公式，或直接填写数值",
                "fix the formula that produces it, or type the value",
            ),
        ),
        _t(
            "not-a-number",
            E,
            ("不是数字", "Not a number"),
            ("“{raw}”不是{expected}", "{raw!r} is not {expected}"),
            ("填写{example}", "write {example}"),
        ),
        _t(
            "not-finite",
            E,
            ("数值无效", "Not a finite number"),
            ("“{raw}”不是有限的数值", "{raw!r} is not a finite number"),
            ("填写实际的数值", "write the actual figure"),
        ),
        _t(
            "approximate-value",
            E,
            ("数值是约数", "Approximate figure"),
            (
                "“{raw}”是约数，无法判定是否达标",
                "{raw!r} is approximate; an approximate figure cannot be judged",
            ),
            (
                "填写统计的确切数值，例如 {example}；说明写在“备注”列",
                "write the exact figure, e.g. {example}; explain in 备注",
            ),
        ),
        _t(
            "date-in-value",
            E,
            ("数值单元格是日期", "Date in a value cell"),
            ("单元格的值是日期/时间 {raw}", "the cell holds a date or time, {raw}"),
            (
                "把单元格格式改为“常规”或“数值”后重新填写",
                "set the cell's format to General or Number and type the value again",
            ),
        ),
        _t(
            "boolean-in-number",
            E,
            ("数值单元格是逻辑值", "TRUE/FALSE in a number cell"),
            (
                "单元格的值是逻辑值 {raw}，这里需要{expected}",
                "the cell holds {raw}, but {expected} is expected",
            ),
            ("填写{example}", "write {example}"),
        ),
        _t(
            "not-yes-no",
            E,
            ("不是“是/否”", "Not yes or no"),
            ("“{raw}”不是“是/否”", "{raw!r} is not yes or no"),
            (
                "填写“是”或“否”（也接受 已完成/未完成、达标/未达标、✓/✗、1/0）",
                "write 是 or 否 (yes/no, true/false, ✓/✗, 1/0)",
            ),
        ),
        _t(
            "not-a-whole-number",
            E,
            ("不是非负整数", "Not a whole number"),
            ("“{raw}”不是非负整数", "{raw!r} is not a non-negative whole number"),
            ("填写个数，例如 3 或 3个", "write a count, e.g. 3 or 3个"),
        ),
        _t(
            "ratio-format",
            E,
            ("比值写法不对", "Ratio written the wrong way round"),
            ("“{raw}”不是“X∶1”形式的比值", "{raw!r} is not a ratio of the form X∶1"),
            (
                "写成 {example}（前项除以后项，后项为 1）",
                "write it as {example} (first term over second, second term 1)",
            ),
        ),
        _t(
            "out-of-range",
            E,
            ("数值超出合理范围", "Value out of range"),
            (
                "{value} 超出该指标可取的范围 {range}",
                "{value} is outside the indicator's range {range}",
            ),
            (
                "核对数值和单位（百分数填 95.3 或 95.3%）",
                "check the figure and its unit (a percentage is 95.3 or 95.3%)",
            ),
        ),
        _t(
            "zero-denominator",
            E,
            ("分母为零", "Zero denominator"),
            ("分母为 0，无法计算比率", "the denominator is 0, so no rate can be computed"),
            (
                "填写实际的分母（例如抽查批次总数）",
                "write the actual denominator (e.g. the batches sampled)",
            ),
        ),
        _t(
            "numerator-exceeds-denominator",
            E,
            ("分子大于分母", "Numerator larger than denominator"),
            (
                "分子 {numerator} 大于分母 {denominator}",
                "numerator {numerator} is larger than denominator {denominator}",
            ),
            (
                "核对分子（合格数）和分母（总数）是否填反",
                "check whether numerator and denominator were swapped",
            ),
        ),
        _t(
            "incomplete-fraction",
            E,
            ("分子分母不全", "Numerator or denominator missing"),
            (
                "只填了{present}，缺少{absent}",
                "only the {present} is given, the {absent} is missing",
            ),
            ("分子和分母都填，或都不填", "fill in both numerator and denominator, or neither"),
        ),
        _t(
            "inconsistent-value",
            E,
            ("数值前后不一致", "Inconsistent figures"),
            (
                "填报值 {reported}{reported_at}与 {computed_from}算得的 {computed} 不一致",
                "reported {reported}{reported_at} differs from {computed} computed from {computed_from}",
            ),
            (
                "核对填报值和用于计算的原始数据",
                "check the reported figure against the figures it comes from",
            ),
        ),
        _t(
            "suspicious-fraction",
            E,
            ("疑似小数形式的百分数", "Percentage written as a fraction?"),
            (
                "填报值 {raw} 不大于 1，而目标是 {target}，无法判定：是否应为 {suggestion}%？",
                "{raw} is at most 1 but the target is {target}, so it cannot be judged: "
                "did you mean {suggestion}%?",
            ),
            (
                "填写 {suggestion}%，或把单元格设为百分比格式；如确为 {raw}%，请写作 {raw}%",
                "write {suggestion}% or format the cell as a percentage; if {raw}% is meant, "
                "write {raw}%",
            ),
        ),
        _t(
            "fraction-not-accepted",
            E,
            ("此指标不由分子、分母计算", "No numerator or denominator for this indicator"),
            (
                "{indicator} 不是两个计数之比，{column} {raw} 不能用于计算",
                "{indicator} is not a rate of two counts, so the {column} {raw} cannot be used",
            ),
            ("{instead}", "{instead}"),
        ),
        # --- the series sheet and derived indicators -------------------------------------------
        _t(
            "ambiguous-series-sheet",
            E,
            ("序列工作表不唯一", "More than one series sheet"),
            (
                "有多个名为“序列”或“series”的工作表：{sheets}",
                "more than one sheet is named 序列 or series: {sheets}",
            ),
            ("只保留一个名为“序列”的工作表", "keep a single sheet named 序列 (or series)"),
        ),
        _t(
            "no-series-header",
            E,
            ("序列表找不到表头", "No header in the series sheet"),
            (
                "序列工作表前 {rows} 行中没有“序列代码”（series）列标题，序列未使用",
                "no 序列代码 (series) header cell in the series sheet's first {rows} rows; "
                "the series are not used",
            ),
            (
                "在序列上方加一行表头：“序列代码”和年份（2010、2011…）",
                "add a header row: 序列代码 and the years (2010, 2011, …)",
            ),
        ),
        _t(
            "no-year-columns",
            E,
            ("序列表没有年份列", "No year columns in the series sheet"),
            (
                "序列表的表头（第 {row} 行）没有年份列，序列未使用",
                "the series header (row {row}) has no year columns; the series are not used",
            ),
            (
                "在表头写年份，如 2010、2011…（数字或文本，可带“年”）",
                "write the years in the header: 2010, 2011, … (numbers or text)",
            ),
        ),
        _t(
            "unknown-series",
            W,
            ("未知序列代码", "Unknown series code"),
            (
                "序列代码“{raw}”不在目录中{suggestion}，该行未使用",
                "series code {raw!r} is not in the catalogue{suggestion}; the row is not used",
            ),
            (
                "改为目录中的序列代码（见 README“序列表”一节）",
                "use a series code of the catalogue (README, “The series sheet”)",
            ),
        ),
        _t(
            "duplicate-series",
            E,
            ("序列重复", "Series given twice"),
            (
                "序列 {series} 出现了两次：{first} 和 {second}，两行都未使用",
                "series {series} appears twice: {first} and {second}; neither row is used",
            ),
            (
                "每个序列（每种口径）只保留一行",
                "keep one row per series (and basis)",
            ),
        ),
        _t(
            "series-unit-mismatch",
            E,
            ("序列单位不符", "Series unit does not match"),
            (
                "单位“{raw}”与目录中 {series} 的单位“{unit}”不符，该行未使用",
                "unit {raw!r} is not the catalogue's unit for {series}, {unit}; the row is not used",
            ),
            (
                "把数值换算为 {unit} 并改正单位",
                "convert the figures to {unit} and correct the unit",
            ),
        ),
        _t(
            "unknown-basis",
            W,
            ("未知口径", "Unknown basis"),
            (
                "口径“{raw}”不是 {series} 的口径（{known}），按未注明口径处理",
                "basis {raw!r} is not a basis of {series} ({known}); treated as unstated",
            ),
            ("写明 {known} 之一", "write one of {known}"),
        ),
        _t(
            "basis-unstated",
            W,
            ("未注明口径", "Basis not stated"),
            (
                "{series} 未注明口径（{known}），{indicator} 用的是哪种收入无从说明",
                "{series} does not state its basis ({known}), so {indicator} cannot say "
                "which income it uses",
            ),
            (
                "在“口径”列写明 {known} 之一",
                "write one of {known} in the 口径 (basis) column",
            ),
        ),
        _t(
            "period-unreadable",
            W,
            ("报告期无法识别", "Report period not understood"),
            (
                "报告期“{raw}”中没有可识别的年份，改用{fallback}",
                "the report period {raw!r} holds no year; {fallback} is used instead",
            ),
            (
                "把报告期写成年份，例如 2015 或 2015年；或用 --year 指定",
                "write the period as a year, e.g. 2015, or give --year",
            ),
        ),
        _t(
            "report-year-not-after-base",
            W,
            ("报告年份不晚于基年", "Report year not after the base year"),
            (
                "{indicator} 以 {base} 年为基年，报告年份 {year} 不晚于基年，无法计算；{fallback}",
                "{indicator} is measured against {base}; the report year {year} is not "
                "after it, so it cannot be derived; {fallback}",
            ),
            (
                "用 --year 或“报告期”给出晚于 {base} 的年份",
                "give a year after {base} with --year or a 报告期 (period) cell",
            ),
        ),
        _t(
            "base-year-absent",
            W,
            ("缺少基年", "Base year absent"),
            (
                "序列表没有基年 {base} 列，{indicator} 无法计算；{fallback}",
                "the series sheet has no column for the base year {base}, so {indicator} "
                "cannot be derived; {fallback}",
            ),
            (
                "在序列表中加上 {base} 年一列并填写数值",
                "add a {base} column to the series sheet and fill it in",
            ),
        ),
        _t(
            "series-figure-missing",
            W,
            ("序列缺少数值", "Series figures missing"),
            (
                "{indicator} 无法由序列计算，缺少 {missing}；{fallback}",
                "{indicator} cannot be derived from the series: {missing} missing; {fallback}",
            ),
            (
                "在序列表中补上这些数值；没有公布数据的保持空白",
                "fill in those figures in the series sheet; leave empty what was never published",
            ),
        ),
        _t(
            "basis-mismatch",
            E,
            ("口径不一致", "Bases do not match"),
            (
                "{indicator} 的 {numerator} 与 {denominator} 没有同一口径的数据（{found}），不能相除",
                "{indicator}: {numerator} and {denominator} have no figures on one basis "
                "({found}), so they cannot be divided",
            ),
            (
                "在序列表中补上同一口径的一对数据，并在“口径”列写明",
                "give both figures on one basis in the series sheet and state it in the 口径 "
                "(basis) column",
            ),
        ),
        _t(
            "period-conflict",
            E,
            ("报告期不一致", "Conflicting report periods"),
            (
                "报告期 {first}（{first_at}）与 {second}（{second_at}）不是同一年",
                "the period {first} ({first_at}) and {second} ({second_at}) name different years",
            ),
            (
                "只保留一个报告期，或改成同一年",
                "keep one period label, or make both name the same year",
            ),
        ),
        _t(
            "zero-divisor",
            E,
            ("除数为零", "Division by zero"),
            (
                "{what}为 0，不能作除数，{indicator} 无法计算；{fallback}",
                "{what} is 0 and cannot divide, so {indicator} cannot be derived; {fallback}",
            ),
            (
                "核对该数值；没有数据时保持空白而不是填 0",
                "check the figure; leave the cell empty rather than 0 when there is no figure",
            ),
        ),
        # --- the tasks sheet (warnings: tasks never change the exit code without --fail-on-tasks)
        _t(
            "ambiguous-tasks-sheet",
            W,
            ("任务工作表不唯一", "More than one tasks sheet"),
            (
                "有多个名为“任务”或“tasks”的工作表：{sheets}；只读取了第一个“{used}”",
                "more than one sheet is named 任务 or tasks: {sheets}; only the first, {used}, was read",
            ),
            ("只保留一个名为“任务”的工作表", "keep a single sheet named 任务 (or tasks)"),
        ),
        _t(
            "no-tasks-header",
            W,
            ("任务表找不到表头", "No header in the tasks sheet"),
            (
                "任务工作表前 {rows} 行中没有同时含“任务代码”和“状态”的表头行，任务进展未读取",
                "no header row with both 任务代码 (task code) and 状态 (status) in the tasks "
                "sheet's first {rows} rows; the tasks were not read",
            ),
            (
                "用 qcity template 生成的“任务”表填写，或加一行表头：任务代码、状态、证明材料、完成日期、备注",
                "fill in the tasks sheet of a `qcity template` workbook, or add a header row: "
                "code, status, evidence, completed, note",
            ),
        ),
        _t(
            "task-without-code",
            W,
            ("任务进展没有任务代码", "Task progress without a code"),
            (
                "第 {row} 行填了任务进展，但“任务代码”为空，该行未使用",
                "row {row} holds task progress but no task code; the row is not used",
            ),
            (
                "补上任务代码（如 T01），或删除该行",
                "fill in the task code (e.g. T01) or delete the row",
            ),
        ),
        _t(
            "unknown-task",
            W,
            ("未知任务代码", "Unknown task code"),
            (
                "“{raw}”不是指标目录中的任务代码，该行未使用{suggestion}",
                "{raw!r} is not a task code of the catalogue, so the row is not used{suggestion}",
            ),
            (
                "任务代码见 qcity plan 或模板的“任务”表：{choices}",
                "task codes ({choices}) are listed by `qcity plan` and on the template's tasks sheet",
            ),
        ),
        _t(
            "duplicate-task",
            W,
            ("任务重复", "Task reported twice"),
            (
                "任务 {task} 出现了两次：{first} 和 {second}；按第一行判定",
                "task {task} appears twice: {first} and {second}; the first row is used",
            ),
            ("删除其中一行", "delete one of the rows"),
        ),
        _t(
            "task-status-unreadable",
            W,
            ("任务状态无法识别", "Task status not recognised"),
            (
                "“{raw}”不是任务状态，按未填报处理",
                "{raw!r} is not a task status; the task counts as not reported",
            ),
            (
                "从下拉列表选择：未开始、进行中、已完成（英文 not started、in progress、done）",
                "choose from the list: not started, in progress, done (or 未开始、进行中、已完成)",
            ),
        ),
        _t(
            "task-date-unreadable",
            W,
            ("完成日期无法识别", "Completion date not recognised"),
            (
                "“{raw}”不是日期，完成日期未使用",
                "{raw!r} is not a date; the completion date is not used",
            ),
            (
                "填写完整的日期，如 2015-06-30 或 2015年6月30日，或使用日期格式的单元格",
                "write a full date such as 2015-06-30, or use a date-formatted cell",
            ),
        ),
        _t(
            "task-date-in-future",
            W,
            ("完成日期晚于今天", "Completion date in the future"),
            (
                "任务 {task} 的完成日期 {date} 晚于检查日期 {today}",
                "task {task} was completed on {date}, after the day of the check ({today})",
            ),
            (
                "核对完成日期；尚未完成的任务状态应为“进行中”",
                "check the date; a task not yet done is in progress",
            ),
        ),
        _t(
            "task-done-without-evidence",
            W,
            ("已完成的任务没有证明材料", "Task done without evidence"),
            (
                "任务 {task} 标为已完成，但没有填写证明材料",
                "task {task} is marked done but gives no evidence",
            ),
            (
                "在“证明材料”中填写文件号、文件名或链接，如 市政发〔2015〕12号",
                "name the evidence: a document number, a file name or a link",
            ),
        ),
        # --- templates ---------------------------------------------------------------------------
        _t(
            "template-drift",
            W,
            ("模板与指标目录版本不同", "Template from another catalogue version"),
            (
                "工作簿由指标目录 {template} 的模板填写，现按 {current} 检查；变化：{changes}",
                "the workbook was filled in from a template of catalogue {template} and is checked against {current}; changes: {changes}",
            ),
            (
                "用 qcity template 生成新模板，把数据转填过去后再提交",
                "write a new template with `qcity template` and move the figures into it",
            ),
        ),
        _t(
            "unknown-department",
            E,
            ("不是牵头部门", "Not a lead department"),
            (
                "“{raw}”不是指标目录中任何指标的牵头部门{suggestion}",
                "{raw!r} leads no indicator of the catalogue{suggestion}",
            ),
            ("可选的牵头部门：{choices}", "lead departments: {choices}"),
        ),
        _t(
            "lead-mismatch",
            E,
            ("与模板的牵头部门不符", "Not the template's lead departments"),
            (
                "工作簿是为 {stamped} 生成的模板，不能按 --lead {given} 检查",
                "the workbook was made from a template for {stamped} and cannot be checked "
                "with --lead {given}",
            ),
            (
                "去掉 --lead（按模板的牵头部门检查），或改为 --lead {stamped}",
                "leave out --lead (the template's departments are judged) or give --lead {stamped}",
            ),
        ),
        _t(
            "indicator-out-of-scope",
            E,
            ("指标不在检查范围内", "Indicator out of scope"),
            (
                "指标 {indicator} 由 {lead} 牵头，不在本次检查范围（{scope}）内",
                "indicator {indicator} is led by {lead}, outside the scope checked ({scope})",
            ),
            (
                "选择 {scope} 牵头的指标：{codes}",
                "choose an indicator {scope} leads: {codes}",
            ),
        ),
        # --- catalogue ---------------------------------------------------------------------------
        _t(
            "catalogue-not-found",
            E,
            ("找不到指标目录", "Catalogue not found"),
            ("找不到指标目录文件", "no catalogue file there"),
            ("检查 --catalogue 给出的路径", "check the path given to --catalogue"),
        ),
        _t(
            "catalogue-yaml",
            E,
            ("目录不是有效的 YAML", "Catalogue is not valid YAML"),
            ("YAML 语法错误：{reason}", "YAML syntax error: {reason}"),
            ("按提示的行列修正 YAML 语法", "fix the YAML syntax at the line and column given"),
        ),
        _t(
            "catalogue-invalid",
            E,
            ("目录内容不符合要求", "Catalogue entry is invalid"),
            ("{reason}", "{reason}"),
            (
                "对照 qcity catalogue schema 修正该项",
                "fix the entry; `qcity catalogue schema` describes every field",
            ),
        ),
        _t(
            "internal-error",
            E,
            ("内部错误", "Internal error"),
            ("qcity 内部错误：{reason}", "internal error in qcity: {reason}"),
            (
                "用 --debug 重新运行并把输出报告给维护者",
                "run again with --debug and report the output",
            ),
        ),
    ]
}
