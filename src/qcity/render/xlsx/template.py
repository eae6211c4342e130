"""The fill-in workbook a department completes, generated from the catalogue so it cannot drift."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from qcity.drift import stamp
from qcity.errors import Lang
from qcity.layout import DATA
from qcity.model import Catalogue, Indicator, Range, Unit
from qcity.render import display
from qcity.render.i18n import LANGS, say, words
from qcity.render.xlsx import styles
from qcity.render.xlsx.help_sheet import write_help
from qcity.render.xlsx.series_sheet import series_needs, write_series_sheet
from qcity.render.xlsx.tasks_sheet import template_tasks, write_tasks_sheet
from qcity.values import format_decimal

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

DATA_SHEET: dict[Lang, str] = {"zh": DATA.name("zh"), "en": DATA.name("en")}
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1

# The template's columns in order (qcity.layout); read columns take their header from there too.
LAYOUT = DATA.template
INPUTS = ("value", "numerator", "denominator", "note")
_EXTRA_HEADERS: dict[str, dict[Lang, str]] = {
    key: words(f"template-{key}") for key in ("name", "unit", "target", "lead")
}
_FORM: dict[Lang, tuple[str, str, str]] = {
    lang: (say("form-unit", lang), say("form-period", lang), say("form-contact", lang))
    for lang in LANGS
}
_HOW: dict[Unit, dict[Lang, str]] = {unit: words(f"how-{unit.value}") for unit in Unit}
# The list a yes/no cell offers, in Excel's notation ("是,否": a comma, whatever the language).
_YES_NO: dict[Lang, str] = {
    lang: '"' + ",".join((say("yes", lang), say("no", lang))) + '"' for lang in LANGS
}
# Excel's limits on data-validation texts.
_MAX_PROMPT = 255
_MAX_TITLE = 32


def header(key: str, lang: Lang) -> str:
    """The template's header text for column *key*."""
    return DATA.header(key, lang) if DATA.reads(key) else _EXTRA_HEADERS[key][lang]


def template_indicators(catalogue: Catalogue, leads: Sequence[str]) -> list[Indicator]:
    """The indicators a template for *leads* (every department when empty) holds, in catalogue order."""
    return [i for i in catalogue.indicators if not leads or i.lead in leads]


def write_template(catalogue: Catalogue, *, lang: Lang = "zh", leads: Sequence[str] = ()) -> bytes:
    """The template workbook as .xlsx bytes: a protected data sheet, a tasks sheet when the
    catalogue has tasks for *leads*, and an instructions sheet."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    indicators = template_indicators(catalogue, leads)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = DATA_SHEET[lang]
    _write_data_sheet(ws, catalogue, indicators, lang)
    tasks = template_tasks(catalogue, leads)
    if tasks:
        write_tasks_sheet(wb.create_sheet(), catalogue, tasks, lang)
    series, years = series_needs(catalogue, indicators)
    if series:
        write_series_sheet(wb.create_sheet(), series, years, lang)
    write_help(wb.create_sheet(), catalogue, indicators, leads, lang, tasks=bool(tasks))
    wb.properties.title = f"{catalogue.catalogue.title.get(lang)} · {ws.title}"
    wb.properties.creator = "qcity"
    properties: Any = getattr(wb, "custom_doc_props")  # noqa: B009  (not in the openpyxl stubs)
    for name, value in stamp(catalogue, indicators, leads).items():
        properties.append(StringProperty(name=name, value=value))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_data_sheet(
    ws: Worksheet, catalogue: Catalogue, indicators: list[Indicator], lang: Lang
) -> None:
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.protection import SheetProtection

    letter = {key: get_column_letter(n) for n, key in enumerate(LAYOUT, start=1)}
    last = letter[LAYOUT[-1]]
    unlocked = Protection(locked=False)
    border = styles.thin_border()
    wrap = Alignment(vertical="center", wrap_text=True)

    title = say("template-title", lang, title=catalogue.catalogue.title.get(lang))
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 24
    # Who reports, for which period: free text above the header, never read by the check.
    for label_col, input_range, text in zip(
        ("A", "C", "E"), ("B2", "D2", f"F2:{last}2"), _FORM[lang], strict=True
    ):
        ws[f"{label_col}2"] = text
        ws[f"{label_col}2"].font = Font(bold=True)
        first = input_range.split(":")[0]
        if ":" in input_range:
            ws.merge_cells(input_range)
        ws[first].fill = styles.fill(styles.FILL_INPUT)
        ws[first].protection = unlocked
        ws[first].border = border

    for key in LAYOUT:
        cell = ws[f"{letter[key]}{HEADER_ROW}"]
        cell.value = header(key, lang)
        styles.style_header(cell)

    fraction_cells: list[str] = []
    for row, ind in enumerate(indicators, start=FIRST_ROW):
        lead = catalogue.department(ind.lead)
        texts = {
            "code": ind.code,
            "name": ind.name.get(lang),
            "unit": display.UNIT_LABEL[ind.unit][lang],
            "target": display.target(ind, lang),
            "lead": ind.lead if lang == "zh" else lead.name.en,
        }
        for key, text in texts.items():
            cell = ws[f"{letter[key]}{row}"]
            styles.put_text(cell, text)
            cell.border = border
            cell.alignment = wrap
        ws[f"{letter['code']}{row}"].font = Font(bold=True)
        takes_fraction = ind.takes_fraction
        for key in INPUTS:
            cell = ws[f"{letter[key]}{row}"]
            cell.border = border
            if key in ("numerator", "denominator") and not takes_fraction:
                cell.fill = styles.fill(styles.FILL_NOT_APPLICABLE)
                continue
            cell.fill = styles.fill(styles.FILL_INPUT)
            cell.protection = unlocked
            if key == "note":
                cell.alignment = wrap
            elif key != "value":
                fraction_cells.append(cell.coordinate)
        value_cell = ws[f"{letter['value']}{row}"]
        if ind.unit is Unit.RATIO:
            # Typed 2.47, shown 2.47∶1: the ratio is entered as a plain number.
            value_cell.number_format = 'General"∶1"'
        ws.add_data_validation(_value_validation(ind, value_cell.coordinate, lang))
        ws.row_dimensions[row].height = styles.LINE_HEIGHT * max(
            styles.lines_needed(texts["name"], 48), styles.lines_needed(texts["lead"], 24)
        )
    if fraction_cells:
        ws.add_data_validation(_fraction_validation(fraction_cells, lang))

    widths: dict[str, list[str]] = {letter[k]: [header(k, lang)] for k in LAYOUT}
    for ind in indicators:
        widths[letter["code"]].append(ind.code)
        widths[letter["name"]].append(ind.name.get(lang))
        widths[letter["unit"]].append(display.UNIT_LABEL[ind.unit][lang])
        widths[letter["target"]].append(display.target(ind, lang))
    widths[letter["lead"]].append(say("lead-width-sample", lang))
    widths[letter["value"]] += ["95.30%", _FORM[lang][1]]
    widths[letter["note"]].append("x" * 30)
    styles.fit_columns(ws, widths, cap=48)
    for key in ("numerator", "denominator"):
        ws.column_dimensions[letter[key]].width = 12

    ws.freeze_panes = f"B{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    # Protected without a password: nobody can be locked out, but labels are not typed over.
    ws.protection = SheetProtection(
        sheet=True, formatColumns=False, formatRows=False, selectLockedCells=False
    )


Operator = Literal["between", "greaterThanOrEqual", "lessThanOrEqual"]


def _bounds(rng: Range, lang: Lang) -> tuple[Operator, str | None, str | None, str]:
    """Data-validation operator and formulas for *rng*, and the range in words."""
    lo = format_decimal(rng.min) if rng.min is not None else None
    hi = format_decimal(rng.max) if rng.max is not None else None
    if lo is not None and hi is not None:
        return "between", lo, hi, say("range-between", lang, lo=lo, hi=hi)
    if lo is not None:
        return (
            "greaterThanOrEqual",
            lo,
            None,
            say("range-at-least", lang, lo=lo),
        )
    if hi is not None:
        return (
            "lessThanOrEqual",
            hi,
            None,
            say("range-at-most", lang, hi=hi),
        )
    # No bound, but still a number: text such as "约95%" is refused at entry.
    return "between", "-1E+15", "1E+15", ""


def _value_validation(ind: Indicator, coordinate: str, lang: Lang) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    target = display.target(ind, lang)
    clause = ind.source.clause
    prompt = say(
        "value-prompt",
        lang,
        target=target,
        how=_HOW[ind.unit][lang],
        clause=clause,
        quote=ind.source.quote,
    )
    common: dict[str, Any] = {
        "allow_blank": True,
        "showInputMessage": True,
        "showErrorMessage": True,
        "errorStyle": "stop",
        "promptTitle": f"{ind.code} {target}"[:_MAX_TITLE],
        "prompt": _clip(prompt),
        "errorTitle": say("value-invalid-title", lang),
    }
    if ind.unit is Unit.BOOLEAN:
        error = say("choose-yes-no", lang)
        dv = DataValidation(type="list", formula1=_YES_NO[lang], error=error, **common)
    else:
        op, f1, f2, in_range = _bounds(ind.range, lang)
        kind: Literal["whole", "decimal"]
        if ind.unit is Unit.COUNT:
            kind = "whole"
            error = say("write-count", lang, range=in_range)
        elif ind.unit is Unit.RATIO:
            kind = "decimal"
            error = say("write-ratio", lang, range=in_range)
        else:
            kind = "decimal"
            error = say("write-number", lang, range=in_range)
        dv = DataValidation(
            type=kind, operator=op, formula1=f1, formula2=f2, error=_clip(error), **common
        )
    dv.add(coordinate)
    return dv


def _fraction_validation(cells: list[str], lang: Lang) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    prompt = say("fraction-prompt", lang)
    error = say("fraction-error", lang)
    dv = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
        promptTitle=say("fraction-title", lang),
        prompt=_clip(prompt),
        errorTitle=say("value-invalid-title", lang),
        error=error,
    )
    for coordinate in cells:
        dv.add(coordinate)
    return dv


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_PROMPT else text[: _MAX_PROMPT - 1] + "…"
