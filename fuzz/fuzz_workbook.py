"""Fuzz the workbook reader: any input must end in a Submission or an InputError, nothing else.

The first byte picks what the rest of the input is, so the fuzzer reaches past the zip layer
(where almost every random mutation just breaks a CRC):
  0: the whole file; 1: the data sheet's XML; 2: the shared strings' XML;
  3: xl/workbook.xml; 4: xl/styles.xml — each packed into an otherwise valid workbook.

Run (not part of the test suite; atheris is not a dependency):
    pip install atheris
    python fuzz/seeds.py
    python fuzz/fuzz_workbook.py -max_total_time=600 -rss_limit_mb=1500 -timeout=20 fuzz/corpus-workbook
"""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    # openpyxl first, so that it is instrumented too: its parser is where surprises live.
    import openpyxl  # noqa: F401
    from tests import corpus
    from tests.conftest import data_rows

    from qcity.errors import InputError
    from qcity.workbook import read_submission

_FOLDER = Path(tempfile.mkdtemp(prefix="qcity-fuzz-"))
_PATH = _FOLDER / "input.xlsx"
TARGETS = {
    1: "xl/worksheets/sheet1.xml",
    2: "xl/sharedStrings.xml",
    3: "xl/workbook.xml",
    4: "xl/styles.xml",
}


def _template() -> dict[str, bytes]:
    parts = corpus.workbook_parts({"数据": data_rows({"PRD-01": 95})})
    corpus.add_shared_strings(parts, b"<sst/>")
    return parts


TEMPLATE = _template()


def _input_file(data: bytes) -> bytes:
    if not data:
        return data
    target = TARGETS.get(data[0] % 5)
    if target is None:
        return data[1:]
    parts = dict(TEMPLATE)
    parts[target] = data[1:]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buffer.getvalue()


def test_one_input(data: bytes) -> None:
    """Any input: read or refused with an InputError; any other exception is a finding."""
    _PATH.write_bytes(_input_file(data))
    try:
        read_submission(_PATH)
    except InputError as e:
        for issue in e.issues:
            issue.message("zh")
            issue.message("en")
            str(issue.location)


def main() -> None:
    """libFuzzer entry point."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
