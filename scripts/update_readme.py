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


def output_of(args: list[str]) -> str:
    """What `qcity ARGS` prints, trailing spaces trimmed as in the README."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    for var in ("QCITY_LANG", "QCITY_CATALOGUE", "QCITY_TODAY"):
        env.pop(var, None)
    proc = subprocess.run(
        [sys.executable, "-m", "qcity", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return "\n".join(line.rstrip() for line in proc.stdout.splitlines()) + "\n"


def shown_output(marker: str) -> str:
    """The output a README block shows: the command's, from FROM_LINE's line on when it has one."""
    out = output_of(BLOCKS[marker])
    start = FROM_LINE.get(marker)
    if start is not None:
        out = out[out.index("\n" + start) + 1 :]
    return out


def main() -> int:
    text = README.read_text(encoding="utf-8")
    for marker in BLOCKS:
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
