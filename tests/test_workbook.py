"""Reader internals that every cell goes through."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from qcity.workbook import column_letter


def test_column_letters_match_openpyxl_for_every_column() -> None:
    assert [column_letter(n) for n in range(1, 16_385)] == [
        get_column_letter(n) for n in range(1, 16_385)
    ]
