"""Every command and format under the console encodings people have: UTF-8, the Chinese Windows
code pages (GBK/cp936, GB 18030), a Windows CI runner's cp1252, a bare container's ASCII.

The encoding of stdout is fixed when Python starts, so each encoding gets one subprocess, which
runs every command of COMMANDS in turn (each with its stdout and stderr sent to its own files):
a process per encoding and command would cost a Python start-up and the imports each time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import EXAMPLE, N

DRIVER = r"""
import json, os, sys
from qcity.cli import main

commands = json.loads(sys.argv[1])
out = sys.argv[2]
saved = os.dup(1), os.dup(2)
codes = {}
for name, argv in commands.items():
    with open(os.path.join(out, name + ".out"), "wb") as o, \
         open(os.path.join(out, name + ".err"), "wb") as e:
        sys.stdout.flush(); sys.stderr.flush()
        os.dup2(o.fileno(), 1); os.dup2(e.fileno(), 2)
        sys.argv = ["qcity", *argv]
        try:
            main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        sys.stdout.flush(); sys.stderr.flush()
        os.dup2(saved[0], 1); os.dup2(saved[1], 2)
    codes[name] = code
with open(os.path.join(out, "codes.json"), "w") as f:
    json.dump(codes, f)
"""

TODAY = "2015-06-01"


def commands(tmp: Path) -> dict[str, list[str]]:
    """Every command, and every format of check; a batch, an error and the help too."""
    ex = str(EXAMPLE)
    folder = tmp / "batch"
    folder.mkdir(exist_ok=True)
    (folder / "a.xlsx").write_bytes(EXAMPLE.read_bytes())
    pinned = ["--today", TODAY]
    return {
        **{f"check-{f}": ["check", ex, "-f", f, *pinned] for f in FORMATS},
        "check-en": ["check", ex, "--lang", "en", *pinned],
        # Relative paths (the process runs in *tmp*): the reports are equal across encodings.
        "batch-text": ["check", "batch", "-q", *pinned],
        "batch-json": ["check", "batch", "-q", "-f", "json", *pinned],
        "gaps-text": ["gaps", ex, *pinned],
        "gaps-json": ["gaps", ex, "-f", "json", *pinned],
        "gaps-markdown": ["gaps", ex, "-f", "markdown", *pinned],
        "plan-text": ["plan", *pinned],
        "plan-json": ["plan", "-f", "json", *pinned],
        "diff-text": ["diff", ex, ex],
        "diff-json": ["diff", ex, ex, "-f", "json"],
        "explain": ["explain", "ECO-04", ex],
        "catalogue": ["catalogue"],
        "catalogue-json": ["catalogue", "-f", "json"],
        "schema": ["schema", "report"],
        "hook": ["hook", ex],
        "template": ["template", "template.xlsx"],
        "missing": ["check", "不存在.xlsx"],
        "help": ["check", "--help"],
    }


FORMATS = ("text", "json", "junit", "markdown", "github", "html")
JSON_OUTPUTS = (
    "check-json",
    "batch-json",
    "gaps-json",
    "plan-json",
    "diff-json",
    "catalogue-json",
    "schema",
)
UTF8_OUTPUTS = ("check-markdown", "check-github", "gaps-markdown")


def run_all(tmp: Path, encoding: str) -> tuple[dict[str, int], Path]:
    out = tmp / encoding
    out.mkdir()
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "120", "TERM": "dumb"}
    for var in ("QCITY_LANG", "QCITY_TODAY", "NO_COLOR", "FORCE_COLOR", "LC_ALL", "LANG"):
        env.pop(var, None)
    cwd = tmp / f"cwd-{encoding}"
    cwd.mkdir()
    cmds = commands(cwd)
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(cmds), str(out)],
        env=env,
        cwd=cwd,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    codes = json.loads((out / "codes.json").read_text())
    return codes, out


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], Path]:
    """Every command under UTF-8: what the other encodings must say too."""
    return run_all(tmp_path_factory.mktemp("enc"), "utf-8")


def _read(out: Path, name: str) -> bytes:
    return (out / f"{name}.out").read_bytes()


def test_utf8_is_the_reference(baseline: tuple[dict[str, int], Path]) -> None:
    codes, out = baseline
    # The example misses seven targets (exit 1); the missing file is a usage error (exit 2).
    assert codes["check-text"] == 1 and codes["missing"] == 2 and codes["schema"] == 0
    assert "✔ 达标" in _read(out, "check-text").decode("utf-8")
    assert all(code != 4 for code in codes.values()), codes


# GBK (CJK but no ✔) and ASCII (nothing) are the two behaviours; cp936 is Python's alias of
# GBK, gb18030 encodes all of Unicode, cp1252 is ASCII with a few symbols: the slow run has them.
@pytest.mark.parametrize(
    "encoding",
    [
        "gbk",
        "ascii",
        pytest.param("cp936", marks=pytest.mark.slow),
        pytest.param("gb18030", marks=pytest.mark.slow),
        pytest.param("cp1252", marks=pytest.mark.slow),
    ],
)
def test_every_command_under_the_console_encoding(
    encoding: str, baseline: tuple[dict[str, int], Path], tmp_path: Path
) -> None:
    ref_codes, ref = baseline
    codes, out = run_all(tmp_path, encoding)
    # The same outcome as under UTF-8, and no command died on a character (exit 4, traceback).
    assert codes == ref_codes
    for name in codes:
        err = (out / f"{name}.err").read_bytes().decode(encoding)
        assert "Traceback" not in err and "UnicodeEncodeError" not in err, (name, err)

    # Machine formats lose nothing: JSON and XML escape, Markdown and annotations are UTF-8.
    for name in JSON_OUTPUTS:
        raw = _read(out, name)
        raw.decode("ascii")  # escaped: readable whatever the console's encoding
        assert json.loads(raw) == json.loads(_read(ref, name)), name
    for name in ("check-junit", "check-html"):
        raw = _read(out, name)
        raw.decode("ascii")
        if name == "check-junit":
            got, want = ET.fromstring(raw), ET.fromstring(_read(ref, name))
            assert ET.tostring(got) == ET.tostring(want)
        else:
            assert "未达标" in raw.decode("ascii").replace("&#26410;&#36798;&#26631;", "未达标")
    for name in UTF8_OUTPUTS:
        assert _read(out, name) == _read(ref, name), name

    # The text report degrades its symbols rather than failing.
    text = _read(out, "check-text").decode(encoding)
    english = _read(out, "check-en").decode(encoding)
    if encoding in ("gbk", "cp936"):
        assert "√ 达标" in text and "× 未达标" in text, text
        assert "✔" not in text
    elif encoding == "gb18030":  # a Unicode encoding: nothing to degrade
        assert "✔ 达标" in text and "✘ 未达标" in text, text
    else:
        cross = "×" if encoding == "cp1252" else "X"  # cp1252 has ×, ASCII has not
        assert "OK met" in english and f"{cross} unmet" in english, english
        assert f"Result: {N - 7}/{N} met" in english


def test_output_files_are_utf8_whatever_the_console(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    env.pop("QCITY_LANG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "qcity", "check", str(EXAMPLE), "-o", str(report)],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr.decode("gbk", "replace")
    data = report.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # no BOM: plain text readers take UTF-8 as is
    assert "✔ 达标" in data.decode("utf-8")
