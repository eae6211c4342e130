"""The help of every command and option, in zh and en (`qcity --lang en check --help`).

The words are in the wording catalogue (render/i18n/cli.py). Keys: `cmd:<command path>` for a
command; `<parameter>@<command path>` for one command's parameter, else `<parameter>` for a
parameter every command shares; METAVARS name what a value is. Applied to the click objects by
qcity.cli.usage.localize before the command line is parsed.
"""

from __future__ import annotations

from qcity.lang import Lang
from qcity.render.i18n import WORDS, pair, words

Pair = dict[Lang, str]


def _prefixed(prefix: str) -> dict[str, Pair]:
    return {k.removeprefix(prefix): v for k, v in WORDS.items() if k.startswith(prefix)}


EXIT_CODES: Pair = words("exit-codes")

HELP: dict[str, Pair] = _prefixed("help:") | {"cmd:": pair("help:cmd:", exit_codes=EXIT_CODES)}

# What a value is, as the help shows it (instead of <list[Path]>, <file>, <int range> …).
METAVARS: dict[str, Pair] = _prefixed("metavar:")

# click's fixed words in help.
HEADINGS: dict[str, Pair] = {
    "Usage: ": words("heading-usage"),
    "Arguments": words("heading-arguments"),
    "Options": words("heading-options"),
    "Commands": words("heading-commands"),
}
EXTRAS: dict[str, Pair] = {
    "required": words("extra-required"),
    "env var: ": words("extra-env-var"),
    "default: ": words("extra-default"),
}
