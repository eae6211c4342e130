"""The sheets of a submission, declared once: names, column order and headers, for reader and template alike.

The reader (workbook/) recognises a column by any of its names, compared after NFKC, trimming and
case folding; the template (render/xlsx/) lays its columns out in `template` order and heads each
read column with its zh or en name, so what the template writes is what the reader reads.
Columns only the template has (the indicator's name, target, lead …) are help for the person
filling in: their keys are listed here, their headers are wording and live with the template.
No openpyxl here: the check path imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from qcity.lang import Lang


@dataclass(frozen=True)
class Column:
    """A column the reader reads: its key, the headers the template writes, other accepted names."""

    key: str
    zh: str
    en: str
    also: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every header name the reader accepts, the Chinese one first (messages quote it)."""
        return (self.zh, self.en, *self.also)


@dataclass(frozen=True)
class SheetLayout:
    """One kind of sheet: its names (zh first, then en), the columns read, the template's order."""

    names: tuple[str, str]
    columns: tuple[Column, ...]
    template: tuple[str, ...]  # column keys in the template's order, read or not

    def name(self, lang: Lang) -> str:
        """The sheet's name in a template of *lang*."""
        return self.names[0] if lang == "zh" else self.names[1]

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Column key -> every name the reader accepts for it."""
        return {c.key: c.names for c in self.columns}

    def reads(self, key: str) -> bool:
        """Whether the reader reads column *key* (else only the template has it)."""
        return any(c.key == key for c in self.columns)

    def header(self, key: str, lang: Lang) -> str:
        """The template's header of read column *key* in *lang*."""
        column = next(c for c in self.columns if c.key == key)
        return column.zh if lang == "zh" else column.en


# The data sheet: one row per indicator. Rows naming a district (区县, county, development zone)
# are judged per district; rows without one are the city level. The template has no district
# column: a city's own form adds it.
DATA = SheetLayout(
    names=("数据", "data"),
    columns=(
        Column("code", "指标代码", "Code"),
        Column("value", "实际值", "Value"),
        Column("numerator", "分子", "Numerator"),
        Column("denominator", "分母", "Denominator"),
        Column("note", "备注", "Note"),
        Column("district", "区县", "District"),
    ),
    template=(
        "code",
        "name",
        "unit",
        "target",
        "lead",
        "value",
        "numerator",
        "denominator",
        "note",
    ),
)

# The optional tasks sheet: one row per task of the plan, its progress and the evidence.
TASKS = SheetLayout(
    names=("任务", "tasks"),
    columns=(
        Column("code", "任务代码", "Task code", ("任务编号", "code")),
        Column("status", "状态", "Status", ("完成情况", "进展情况", "progress")),
        Column("evidence", "证明材料", "Evidence", ("佐证材料", "完成依据", "proof")),
        Column(
            "completed", "完成日期", "Completion date", ("完成时间", "date completed", "completed")
        ),
        Column("note", "备注", "Note", ("notes",)),
    ),
    template=(
        "code",
        "title",
        "lead",
        "due",
        "deliverables",
        "status",
        "evidence",
        "completed",
        "note",
    ),
)

# The optional series sheet: a code column, optional name / unit / basis / note columns, and one
# column per year (a header of 2010, "2010" or "2010年"), which the template appends.
SERIES = SheetLayout(
    names=("序列", "series"),
    columns=(
        Column("code", "序列代码", "Series", ("series code",)),
        Column("name", "序列名称", "Name", ("名称",)),
        Column("unit", "单位", "Unit"),
        Column("basis", "口径", "Basis"),
        Column("note", "备注", "Note", ("来源", "source")),
    ),
    template=("code", "name", "unit", "basis"),
)
