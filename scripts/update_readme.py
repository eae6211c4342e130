"""Rewrite the README's output blocks from the program itself (tests/test_docs.py checks them).

Run after a change that alters what qcity prints: `python scripts/update_readme.py`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

# marker -> the qcity arguments whose output the block shows (terminal width 100)
BLOCKS: dict[str, list[str]] = {
    "example-output": ["check", "data/example-submission.xlsx"],
    "public-output": ["check", "data/xian-2015-public.xlsx"],
    "explain-output": ["explain", "ECO-04", "data/xian-2015-public.xlsx"],
    "gaps-output": ["gaps", "data/example-submission.xlsx", "--today", "2015-06-01"],
    "plan-output": [
        "plan",
        "data/example-submission.xlsx",
        "--today",
        "2015-06-01",
        "--lead",
        "市质监局",
    ],
    "district-output": ["check", "data/monthly/2015-07/全市汇总.xlsx"],
    "batch-output": ["check", "data/monthly/2015-07", "--today", "2015-08-01"],
    "diff-output": ["diff", "data/monthly/2015-06", "data/monthly/2015-07", "--changed-only"],
}
# marker -> keep only the output from the first line starting with this text (a long table cut)
FROM_LINE: dict[str, str] = {"district-output": "区县（"}
# "Your city's plan": the example city's four commands (the template written in a scratch folder)
CITY = "data/example-city"
CITY_BLOCKS: dict[str, list[str]] = {
    "city-draft-output": ["catalogue", "draft", f"{CITY}/plan.txt"],
    "city-validate-output": [
        "catalogue", "validate", f"{CITY}/catalogue.yaml", "--plan", f"{CITY}/plan.txt"
    ],
    "city-template-output": ["template", "ours-template.xlsx", "-c", f"{CITY}/catalogue.yaml"],
    "city-check-output": [
        "check", f"{CITY}/submission.xlsx", "-c", f"{CITY}/catalogue.yaml", "--today", "2026-01-15"
    ],
}  # fmt: skip
# marker -> keep only the first lines of the output
HEAD_LINES: dict[str, int] = {"city-draft-output": 68}


def output_of(args: list[str], cwd: Path = ROOT) -> str:
    """What `qcity ARGS` prints, trailing spaces trimmed as in the README."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    for var in ("QCITY_LANG", "QCITY_CATALOGUE", "QCITY_TODAY"):
        env.pop(var, None)
    proc = subprocess.run(
        [sys.executable, "-m", "qcity", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return "\n".join(line.rstrip() for line in proc.stdout.splitlines()) + "\n"


def shown_output(marker: str) -> str:
    """The output a README block shows: the command's, from FROM_LINE's line on when it has one."""
    if marker in CITY_BLOCKS:
        return city_output(marker)
    out = output_of(BLOCKS[marker])
    start = FROM_LINE.get(marker)
    if start is not None:
        out = out[out.index("\n" + start) + 1 :]
    return out


def city_output(marker: str) -> str:
    """A block of "Your city's plan"; the template is written into a scratch folder."""
    import shutil
    import tempfile

    args = CITY_BLOCKS[marker]
    if marker != "city-template-output":
        out = output_of(args)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            shutil.copytree(ROOT / CITY, Path(scratch) / CITY)
            out = output_of(args, Path(scratch))
    if marker in HEAD_LINES:
        out = "".join(out.splitlines(keepends=True)[: HEAD_LINES[marker]])
    return out


def main() -> int:
    text = README.read_text(encoding="utf-8")
    for marker in [*BLOCKS, *CITY_BLOCKS]:
        pattern = re.compile(rf"(<!-- {marker} -->\n```\w*\n)(.*?)(```)", re.S)
        if not pattern.search(text):
            print(f"no block {marker} in README.md", file=sys.stderr)
            return 1
        match = pattern.search(text)
        assert match is not None
        text = text[: match.start(2)] + shown_output(marker) + text[match.end(2) :]
    README.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
