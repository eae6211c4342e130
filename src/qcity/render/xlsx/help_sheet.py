"""The template's instructions sheet: how to fill each kind of figure, the plan's phases, how to check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from qcity import __version__
from qcity.drift import TEMPLATE_VERSION
from qcity.errors import Lang
from qcity.model import Catalogue, Indicator, Phase
from qcity.render import display
from qcity.render.xlsx import styles

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HELP_SHEET: dict[Lang, str] = {"zh": "说明", "en": "instructions"}
_WIDTHS = (12, 40, 26, 14, 44, 36)  # columns A–F
_TOTAL = sum(_WIDTHS)

_STEPS: dict[Lang, list[str]] = {
    "zh": [
        "1. 只填“{sheet}”工作表中的黄色单元格：实际值、分子、分母、备注，以及表头上方的填报单位、报告期和联系人。"
        "其余单元格已锁定；工作表保护没有密码，确需修改时可在“审阅 → 撤销工作表保护”中取消。",
        "2. 不要修改指标代码、表头和工作表名“{sheet}”，不要删除行。暂无数据的指标留空，检查时报为“未填报”。",
        "3. 填统计的确切数值。“约95%”“95%左右”“95%以上”是约数，无法判定是否达标；口径和来源写在“备注”列。",
        "4. 可以用公式计算。Excel、WPS 和 LibreOffice 保存时会一并保存公式的结果，qcity 读取的就是这个结果。",
        "5. 把鼠标移到“实际值”单元格上可看到该指标的目标和方案依据；填写不合要求的内容时会被拒绝并提示原因。",
    ],
    "en": [
        "1. Fill in only the yellow cells of the “{sheet}” sheet: value, numerator, denominator and note, "
        "and who reports, for which period, above the header. Everything else is locked; the protection "
        "has no password (Review → Unprotect Sheet) should you really need to change it.",
        "2. Do not change the codes, the header or the sheet name “{sheet}”, and do not delete rows. "
        "Leave an indicator empty when there is no figure yet: it is reported as missing.",
        "3. Write the exact figure. “about 95%”, “95% or so”, “over 95%” cannot be judged; explain the "
        "basis and source in the note column.",
        "4. Formulas are fine: Excel, WPS and LibreOffice save their results with the file, and qcity "
        "reads those results.",
        "5. Select a value cell to see the indicator's target and the plan's clause; entries that cannot "
        "be judged are refused with the reason.",
    ],
}

_TASK_STEP: dict[Lang, str] = {
    "zh": "6. 在“{sheet}”工作表填写各项工作任务的进展：状态从下拉列表选择（未开始、进行中、已完成）；"
    "已完成的任务填写证明材料（文件号、文件名或链接）和完成日期。任务的时限是其所在阶段的最后一天，"
    "过期未完成的任务检查时标为“逾期”；任务进展不影响检查的退出码。",
    "en": "6. On the “{sheet}” sheet, give the progress of each task: choose the status from the "
    "list (not started, in progress, done); for a task done, give the evidence (a document number, "
    "file name or link) and the date. A task is due on the last day of its phase; one not done by "
    "then is reported overdue. Task progress does not change the check's exit code.",
}

# unit, how to write it, examples, refused
_NOTATIONS: dict[Lang, list[tuple[str, str, str, str]]] = {
    "zh": [
        ("单位", "怎样填", "示例", "不接受"),
        (
            "%",
            "百分数，带不带 % 都可；也可用百分比格式的单元格",
            "95.3、95.3%、９５．３％",
            "约95%、95%以上、95,3",
        ),
        ("比值（X∶1）", "填前项，后项为 1；单元格显示为 X∶1", "2.47（显示为 2.47∶1）", "1:2.47"),
        ("是/否", "从下拉列表选择", "是、否", "其他文字"),
        ("个", "非负整数", "3", "2.5、一批"),
        (
            "分子、分母",
            "比率可只填分子和分母，qcity 按 分子÷分母×100 计算；同时填写实际值时二者须一致",
            "1121 和 1200(93.42%)",
            "负数、文字、分母为 0",
        ),
    ],
    "en": [
        ("Unit", "How to write it", "Examples", "Refused"),
        (
            "%",
            "a percentage, with or without %; a percentage-formatted cell works too",
            "95.3, 95.3%",
            "about 95%, over 95%, 95,3",
        ),
        (
            "ratio (X∶1)",
            "the first term, the second being 1; the cell shows X∶1",
            "2.47 (shown as 2.47∶1)",
            "1:2.47",
        ),
        ("yes/no", "choose from the list", "yes, no", "any other text"),
        ("count", "a whole number, 0 or more", "3", "2.5, a batch"),
        (
            "numerator, denominator",
            "a rate may be given as numerator and denominator alone (numerator ÷ denominator × 100); "
            "with a value too, the two must agree",
            "1121 and 1200 (93.42%)",
            "negative numbers, text, a zero denominator",
        ),
    ],
}

_HEADINGS: dict[Lang, tuple[str, str, str, str, str]] = {
    "zh": (
        "一、怎样填写",
        "二、各类数值的写法",
        "三、工作步骤与时限",
        "四、指标与方案依据",
        "五、检查文件",
    ),
    "en": (
        "1. How to fill it in",
        "2. How to write each kind of figure",
        "3. The plan's phases",
        "4. Indicators and their clauses",
        "5. Checking the file",
    ),
}

_CHECK: dict[Lang, list[str]] = {
    "zh": [
        "填好后用 qcity 检查（qcity 只读取，不会修改文件）：",
        "qcity check 文件名.xlsx",
        "qcity check 文件名.xlsx --annotate 文件名-检查结果.xlsx   （另存一份标注副本：每行标出达标与否，问题单元格附批注）",
        "退出码：0 全部达标；1 有未达标或未填报；3 数据有误或无法读取，修改后重新检查。",
    ],
    "en": [
        "When it is filled in, check it with qcity (which only reads the file, never changes it):",
        "qcity check FILE.xlsx --lang en",
        "qcity check FILE.xlsx --annotate FILE-checked.xlsx --lang en    (writes a copy with every row's status and a note on every problem cell)",
        "Exit codes: 0 every target met; 1 some unmet or missing; 3 invalid figures or an unreadable file: fix them and check again.",
    ],
}


def write_help(
    ws: Worksheet,
    catalogue: Catalogue,
    indicators: list[Indicator],
    leads: Sequence[str],
    lang: Lang,
    *,
    tasks: bool = False,
) -> None:
    """Fill *ws* as the instructions sheet of a template (*tasks*: it has a tasks sheet)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.title = HELP_SHEET[lang]
    for n, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    row = 0

    def paragraph(text: str, *, bold: bool = False, size: int = 11) -> None:
        nonlocal row
        row += 1
        cell = ws.cell(row, 1)
        styles.put_text(cell, text)
        cell.alignment = wrap
        cell.font = Font(bold=bold, size=size)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(_WIDTHS))
        lines = styles.lines_needed(text, _TOTAL * (11 / size))
        ws.row_dimensions[row].height = styles.LINE_HEIGHT * lines * size / 11

    def table(rows: Sequence[Sequence[str]]) -> None:
        nonlocal row
        for n, values in enumerate(rows):
            row += 1
            height = 1
            for col, text in enumerate(values, start=1):
                cell = ws.cell(row, col)
                styles.put_text(cell, text)
                cell.border = styles.thin_border()
                cell.alignment = wrap
                if n == 0:
                    styles.style_header(cell)
                height = max(height, styles.lines_needed(text, _WIDTHS[col - 1]))
            ws.row_dimensions[row].height = styles.LINE_HEIGHT * height

    meta = catalogue.catalogue
    heads = _HEADINGS[lang]
    sheet = "数据" if lang == "zh" else "data"
    title = "填报说明" if lang == "zh" else "How to fill in this workbook"
    paragraph(f"{title} · {meta.title.get(lang)}({meta.document})", bold=True, size=14)
    stamp_line = (
        f"指标目录 {meta.id} v{meta.version} · 模板版本 {TEMPLATE_VERSION} · qcity {__version__}"
        if lang == "zh"
        else f"Catalogue {meta.id} v{meta.version} · template version {TEMPLATE_VERSION} · qcity {__version__}"
    )
    if leads:
        who = "、".join(leads)
        stamp_line += (
            f" · 本模板只含 {who} 牵头的 {len(indicators)} 项指标"
            if lang == "zh"
            else f" · this template holds the {len(indicators)} indicators led by {who}"
        )
    paragraph(stamp_line)

    row += 1
    paragraph(heads[0], bold=True)
    for step in _STEPS[lang]:
        paragraph(step.format(sheet=sheet))
    if tasks:
        from qcity.render.xlsx.tasks_sheet import TASKS_SHEET

        paragraph(_TASK_STEP[lang].format(sheet=TASKS_SHEET[lang]))

    row += 1
    paragraph(heads[1], bold=True)
    table(_NOTATIONS[lang])

    if catalogue.phases:
        row += 1
        paragraph(heads[2], bold=True)
        head: tuple[str, ...] = (
            ("阶段", "名称（◆ 验收节点）", "时间", "依据", "方案原文", "应完成")
            if lang == "zh"
            else (
                "Phase",
                "Name (◆ acceptance)",
                "Months",
                "Clause",
                "The plan's words",
                "To produce",
            )
        )
        table([head, *(_phase_row(n, p, lang) for n, p in enumerate(catalogue.phases, start=1))])

    row += 1
    paragraph(heads[3], bold=True)
    head = (
        ("代码", "指标", "目标", "依据", "方案原文", "说明")
        if lang == "zh"
        else ("Code", "Indicator", "Target", "Clause", "The plan's words", "Note")
    )
    table(
        [
            head,
            *(
                (
                    i.code,
                    i.name.get(lang),
                    display.target(i, lang),
                    i.source.clause,
                    i.source.quote,
                    i.note.get(lang) if i.note else "",
                )
                for i in indicators
            ),
        ]
    )

    row += 1
    paragraph(heads[4], bold=True)
    for line in _CHECK[lang]:
        paragraph(line)


def _month(text: str, lang: Lang) -> str:
    year, month = text.split("-")
    if lang == "zh":
        return f"{year}年{int(month)}月"
    names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{names[int(month) - 1]} {year}"


def _phase_row(n: int, phase: Phase, lang: Lang) -> tuple[str, str, str, str, str, str]:
    start, end = _month(phase.start, lang), _month(phase.end, lang)
    months = start if phase.start == phase.end else f"{start} — {end}"
    name = f"◆ {phase.name.get(lang)}" if phase.milestone else phase.name.get(lang)
    produces = "\n".join(f"· {d.name.get(lang)}" for d in phase.produces)
    return (str(n), name, months, phase.source.clause, phase.source.quote, produces)
