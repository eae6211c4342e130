"""Problems as data: issue types, located issues, and the QcityError family for fatal cases."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en"]
# A parameter is language-neutral (a number, a cell's text) or given in both languages.
ParamValue = str | int | float | dict[Lang, str]


class Severity(str, enum.Enum):
    """How much an issue matters: errors make the submission untrustworthy (exit 3)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_INVISIBLE_CONTROLS = {
    # bidirectional overrides and isolates: they can make a message read differently
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
}


def printable(text: str) -> str:
    """*text* safe to show: undecodable bytes, control and bidi characters written as escapes.

    File names may hold bytes that are not UTF-8 (Python keeps them as lone surrogates) and
    names or cells may hold terminal control characters; neither must reach a terminal raw.
    """
    if text.isprintable() and text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: an undecodable byte of a file name
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or code in _INVISIBLE_CONTROLS:
            out.append(f"\\u{code:04x}")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and inside it a sheet and cell or a catalogue path."""

    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        head = self.file or ""
        if self.line is not None:
            head = f"{head}:{self.line}"
        if head:
            parts.append(head)
        if self.sheet is not None and self.cell is not None:
            parts.append(f"{_quote_sheet(self.sheet)}!{self.cell}")
        elif self.sheet is not None:
            parts.append(_quote_sheet(self.sheet))
        if self.path:
            parts.append(self.path)
        return ": ".join(parts)

    def as_dict(self) -> dict[str, str | int | None]:
        """The location as the public JSON shape (keys always present)."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "path": self.path,
            "line": self.line,
        }


def _quote_sheet(name: str) -> str:
    # Excel's own notation: a sheet name with spaces or punctuation is quoted.
    if name and all(ch.isalnum() or ch == "_" for ch in name):
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True)
class IssueType:
    """A kind of problem: stable code, severity, and bilingual title, message and fix."""

    code: str
    severity: Severity
    title: dict[Lang, str]
    message: dict[Lang, str]
    hint: dict[Lang, str]
    exit_code: int = 3


def _t(
    code: str,
    severity: Severity,
    title: tuple[str, str],
    message: tuple[str, str],
    hint: tuple[str, str],
    exit_code: int = 3,
) -> IssueType:
    return IssueType(
        code=code,
        severity=severity,
        title={"zh": title[0], "en": title[1]},
        message={"zh": message[0], "en": message[1]},
        hint={"zh": hint[0], "en": hint[1]},
        exit_code=exit_code,
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
            exit_code=2,
        ),
        _t(
            "not-a-file",
            E,
            ("不是文件", "Not a file"),
            ("不是一个文件(是文件夹?)", "not a file (a folder?)"),
            ("给出工作簿文件(.xlsx)的路径", "give the path of a workbook file (.xlsx)"),
            exit_code=2,
        ),
        _t(
            "unreadable-file",
            E,
            ("无法读取文件", "File cannot be read"),
            ("无法读取:{reason}", "cannot be read: {reason}"),
            ("检查文件权限,或把文件复制到可读的位置", "check the file's permissions or copy it"),
        ),
        _t(
            "not-a-workbook",
            E,
            ("不是 Excel 工作簿", "Not an Excel workbook"),
            (
                "不是有效的 .xlsx 工作簿({reason})",
                "not a valid .xlsx workbook ({reason})",
            ),
            (
                "用 Excel 或 WPS 打开后“另存为” Excel 工作簿(*.xlsx)再提交",
                "open it in Excel or WPS and save it as an Excel workbook (*.xlsx)",
            ),
        ),
        _t(
            "unsupported-format",
            E,
            ("不支持的文件格式", "Unsupported file format"),
            (
                "这是{kind}文件,qcity 只读取 .xlsx / .xlsm",
                "this is {kind}; qcity reads .xlsx / .xlsm",
            ),
            (
                "用 Excel 或 WPS 打开后“另存为” Excel 工作簿(*.xlsx)",
                "open it in Excel or WPS and save it as an Excel workbook (*.xlsx)",
            ),
        ),
        _t(
            "encrypted-workbook",
            E,
            ("工作簿有密码保护", "Workbook is password-protected"),
            (
                "工作簿已加密(设置了打开密码),无法读取",
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
                "{what}为 {actual},超过上限 {limit}",
                "{what} is {actual}, over the limit of {limit}",
            ),
            (
                "检查文件是否正确;确属正常数据时用 {option} 放宽上限",
                "check the file; if it is genuine, raise the limit with {option}",
            ),
        ),
        _t(
            "unsafe-xml",
            E,
            ("工作簿含有不安全的 XML", "Unsafe XML in the workbook"),
            (
                "部件 {part} 声明了 DTD 或实体(<!DOCTYPE …>),Excel 从不写入这种内容;为安全起见不予读取",
                "the part {part} declares a DTD or entities (<!DOCTYPE …>), which Excel never writes; it is refused unread",
            ),
            (
                "该文件不是由 Excel/WPS 保存的,或已被改动:请填报单位用 Excel 或 WPS 重新“另存为” .xlsx",
                "the file was not saved by Excel or WPS, or was altered: ask the sender to save it again as .xlsx",
            ),
        ),
        _t(
            "too-many-rows",
            E,
            ("数据工作表行数超出限制", "Too many rows in the data sheet"),
            (
                "第 {row} 行仍有内容,超过了 {limit} 行的上限",
                "row {row} holds data, beyond the limit of {limit} rows",
            ),
            (
                "删除数据下方无关的行;确属正常数据时用 --max-rows 放宽上限",
                "delete the unrelated rows below the data; if they are genuine, raise the limit with --max-rows",
            ),
        ),
        _t(
            "cell-too-long",
            E,
            ("单元格文本过长", "Cell text too long"),
            (
                "单元格有 {length} 个字符,超过 {limit} 个(Excel 自身的上限)",
                "the cell holds {length} characters, more than {limit} (Excel's own limit)",
            ),
            (
                "Excel 写不出这样的单元格:请填报单位用 Excel 或 WPS 重新保存,或缩短该单元格",
                "Excel cannot write such a cell: ask the sender to save the file again in Excel or WPS, or shorten it",
            ),
        ),
        _t(
            "output-is-input",
            E,
            ("输出会覆盖输入", "Output would overwrite the input"),
            ("输出文件就是被检查的文件", "the output is the file being checked"),
            ("为输出选一个不同的文件名", "choose another file name for the output"),
            exit_code=2,
        ),
        _t(
            "output-not-written",
            E,
            ("无法写入输出文件", "Output cannot be written"),
            ("无法写入输出文件:{reason}", "the output cannot be written: {reason}"),
            (
                "检查输出文件夹是否存在、可写且有剩余空间;已有的同名文件保持不变",
                "check that the folder exists, is writable and has space; an existing file is left as it was",
            ),
            exit_code=2,
        ),
        # --- workbook structure ------------------------------------------------------------
        _t(
            "no-data-sheet",
            E,
            ("找不到数据工作表", "No data sheet"),
            (
                "找不到名为“数据”或“data”的工作表;现有工作表:{sheets}",
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
                "有多个可能的数据工作表:{sheets}",
                "more than one sheet could be the data sheet: {sheets}",
            ),
            ("只保留一个名为“数据”的工作表", "keep a single sheet named 数据 (or data)"),
        ),
        _t(
            "no-header",
            E,
            ("找不到表头", "No header row"),
            (
                "工作表前 {rows} 行中没有“指标代码”(code)列标题",
                "no 指标代码 (code) header cell in the sheet's first {rows} rows",
            ),
            (
                "在数据上方加一行表头,至少包含“指标代码”和“实际值”;可用 qcity template 生成模板",
                "add a header row with at least 指标代码 and 实际值; `qcity template` writes one",
            ),
        ),
        _t(
            "missing-column",
            E,
            ("缺少数据列", "Missing column"),
            ("表头中没有 {columns} 列", "the header has no {columns} column"),
            (
                "在表头行加上“实际值”(value)列,或“分子”和“分母”列",
                "add a 实际值 (value) column, or 分子 and 分母",
            ),
        ),
        _t(
            "duplicate-column",
            E,
            ("列标题重复", "Duplicated column"),
            (
                "列“{column}”出现了两次:{first} 和 {second}",
                "column {column} appears twice: {first} and {second}",
            ),
            ("删除或改名其中一列", "delete or rename one of them"),
        ),
        _t(
            "merged-cells",
            E,
            ("数值单元格被合并", "Merged cells over figures"),
            (
                "合并单元格 {range} 覆盖了数值列:只有左上角单元格有值,其余行读不到数据",
                "the merged range {range} covers figure cells: only its top-left cell holds a value",
            ),
            (
                "取消合并,每个指标的数值填在本行自己的单元格里",
                "unmerge the cells and type each indicator's figure in its own row",
            ),
        ),
        _t(
            "hidden-sheet",
            W,
            ("数据工作表被隐藏", "Data sheet is hidden"),
            (
                "数据工作表“{sheet}”是隐藏的,仍按它检查",
                "the data sheet {sheet} is hidden; it is checked all the same",
            ),
            ("取消隐藏,让审阅者看到所检查的数据", "unhide it so reviewers see what was checked"),
        ),
        _t(
            "hidden-row",
            W,
            ("隐藏行中有数据", "Data in a hidden row"),
            (
                "第 {row} 行是隐藏的,但填有指标 {indicator} 的数据",
                "row {row} is hidden but holds data for {indicator}",
            ),
            ("取消隐藏该行并核对数据,或删除该行", "unhide the row and check it, or delete it"),
        ),
        _t(
            "value-without-code",
            W,
            ("有数据但无指标代码", "Figures without a code"),
            (
                "第 {row} 行填了数据,但“指标代码”为空",
                "row {row} holds figures but no indicator code",
            ),
            ("补上指标代码,或删除该行", "fill in the code or delete the row"),
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
                "改为目录中的代码(qcity catalogue 可列出全部)",
                "use a code from the catalogue (`qcity catalogue`)",
            ),
        ),
        _t(
            "duplicate-indicator",
            E,
            ("指标重复填报", "Indicator reported twice"),
            (
                "指标 {indicator} 出现了两次:{first} 和 {second}",
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
                "单元格是公式 {formula},但文件中没有保存计算结果",
                "the cell holds the formula {formula} but no saved value",
            ),
            (
                "用 Excel 或 WPS 打开文件并保存(会保存公式结果),或直接填写数值",
                "open and save the file in Excel or WPS (which stores the result), or type the value",
            ),
        ),
        _t(
            "error-cell",
            E,
            ("单元格是错误值", "Error value in cell"),
            ("单元格的值是错误 {raw}", "the cell holds the error {raw}"),
            (
                "修正产生该错误的公式,或直接填写数值",
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
                "“{raw}”是约数,无法判定是否达标",
                "{raw!r} is approximate; an approximate figure cannot be judged",
            ),
            (
                "填写统计的确切数值,例如 {example};说明写在“备注”列",
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
                "单元格的值是逻辑值 {raw},这里需要{expected}",
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
                "填写“是”或“否”(也接受 已完成/未完成、达标/未达标、✓/✗、1/0)",
                "write 是 or 否 (yes/no, true/false, ✓/✗, 1/0)",
            ),
        ),
        _t(
            "not-a-whole-number",
            E,
            ("不是非负整数", "Not a whole number"),
            ("“{raw}”不是非负整数", "{raw!r} is not a non-negative whole number"),
            ("填写个数,例如 3 或 3个", "write a count, e.g. 3 or 3个"),
        ),
        _t(
            "ratio-format",
            E,
            ("比值写法不对", "Ratio written the wrong way round"),
            ("“{raw}”不是“X∶1”形式的比值", "{raw!r} is not a ratio of the form X∶1"),
            (
                "写成 {example}(前项除以后项,后项为 1)",
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
                "核对数值和单位(百分数填 95.3 或 95.3%)",
                "check the figure and its unit (a percentage is 95.3 or 95.3%)",
            ),
        ),
        _t(
            "zero-denominator",
            E,
            ("分母为零", "Zero denominator"),
            ("分母为 0,无法计算比率", "the denominator is 0, so no rate can be computed"),
            (
                "填写实际的分母(例如抽查批次总数)",
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
                "核对分子(合格数)和分母(总数)是否填反",
                "check whether numerator and denominator were swapped",
            ),
        ),
        _t(
            "incomplete-fraction",
            E,
            ("分子分母不全", "Numerator or denominator missing"),
            (
                "只填了{present},缺少{absent}",
                "only the {present} is given, the {absent} is missing",
            ),
            ("分子和分母都填,或都不填", "fill in both numerator and denominator, or neither"),
        ),
        _t(
            "inconsistent-value",
            E,
            ("数值前后不一致", "Inconsistent figures"),
            (
                "填报值 {reported}({reported_at})与 {computed_from} 算得的 {computed} 不一致",
                "reported {reported} ({reported_at}) differs from {computed} computed from {computed_from}",
            ),
            (
                "核对填报值和用于计算的原始数据",
                "check the reported figure against the figures it comes from",
            ),
        ),
        _t(
            "suspicious-fraction",
            W,
            ("疑似小数形式的百分数", "Percentage written as a fraction?"),
            (
                "填报值 {raw} 小于等于 1,而目标是 {target};是否想填 {suggestion}?",
                "{raw} is at most 1 but the target is {target}; did you mean {suggestion}?",
            ),
            (
                "百分数请填 {suggestion} 或 {suggestion}%;如确为 {raw}%,可忽略本提示",
                "write {suggestion} or {suggestion}%; ignore this if {raw}% is right",
            ),
        ),
        # --- catalogue ---------------------------------------------------------------------------
        _t(
            "catalogue-not-found",
            E,
            ("找不到指标目录", "Catalogue not found"),
            ("找不到指标目录文件", "no catalogue file there"),
            ("检查 --catalogue 给出的路径", "check the path given to --catalogue"),
            exit_code=2,
        ),
        _t(
            "catalogue-yaml",
            E,
            ("目录不是有效的 YAML", "Catalogue is not valid YAML"),
            ("YAML 语法错误:{reason}", "YAML syntax error: {reason}"),
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
            ("qcity 内部错误:{reason}", "internal error in qcity: {reason}"),
            (
                "用 --debug 重新运行并把输出报告给维护者",
                "run again with --debug and report the output",
            ),
            exit_code=4,
        ),
    ]
}


@dataclass(frozen=True)
class Issue:
    """One located problem. Language-neutral: reporters render message and hint."""

    code: str
    location: Location
    params: dict[str, ParamValue] = field(default_factory=dict)
    indicator: str | None = None
    severity: Severity | None = None

    def __post_init__(self) -> None:
        if self.code not in ISSUE_TYPES:
            raise KeyError(f"unregistered issue code {self.code!r}")
        if self.severity is None:
            object.__setattr__(self, "severity", ISSUE_TYPES[self.code].severity)

    @property
    def type(self) -> IssueType:
        """The registered type of this issue."""
        return ISSUE_TYPES[self.code]

    @property
    def level(self) -> Severity:
        """The severity, never None after construction."""
        assert self.severity is not None
        return self.severity

    def message(self, lang: Lang = "zh") -> str:
        """The message in *lang*, parameters filled in."""
        return _fill(self.type.message[lang], self.params, lang)

    def hint(self, lang: Lang = "zh") -> str:
        """How to fix it, in *lang*."""
        return _fill(self.type.hint[lang], self.params, lang)


class _Missing(dict[str, str | int | float]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def resolve_params(params: dict[str, ParamValue], lang: Lang) -> dict[str, str | int | float]:
    """The parameters with bilingual ones resolved to *lang*."""
    return {k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()}


def _fill(template: str, params: dict[str, ParamValue], lang: Lang) -> str:
    return template.format_map(_Missing(resolve_params(params, lang)))


class QcityError(Exception):
    """A problem after which nothing can continue; carries the issue(s) that say why."""

    def __init__(self, issue: Issue, *more: Issue) -> None:
        self.issues: tuple[Issue, ...] = (issue, *more)
        super().__init__(issue.message("en"))

    @property
    def exit_code(self) -> int:
        """The exit code this error maps to (the largest of its issues')."""
        return max(i.type.exit_code for i in self.issues)


class InputError(QcityError):
    """The workbook cannot be read or trusted."""


class CatalogueError(QcityError):
    """The catalogue cannot be loaded."""


class UsageError(QcityError):
    """The command line asks for something impossible."""
