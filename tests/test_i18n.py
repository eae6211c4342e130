"""The wording catalogue (render/i18n): every key in both languages, Chinese punctuation in zh and
English punctuation in en, issue texts that use exactly the parameters their type names, a
package light enough for `qcity --help`; and English outputs that name departments in English."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from string import Formatter

import yaml

from qcity.issue_types import ISSUE_TYPES
from qcity.render.i18n import WORDS

from .conftest import EXAMPLE, ROOT, Run
from .test_chinese_punctuation import half_width

FULL_WIDTH = re.compile(r"[，；：？！（）、“”]")
# Chinese words, a list of them joined by 、 included (未开始、进行中、已完成)
HAN = re.compile(r"[\u3400-\u9fff]+(?:、[\u3400-\u9fff]+)*")


def fields(template: str) -> set[str]:
    return {re.split(r"[.\[!:]", f)[0] for _, f, _, _ in Formatter().parse(template) if f}


def test_the_catalogue_is_not_empty() -> None:
    # the issue registry alone has three texts per code
    assert len(WORDS) >= 3 * len(ISSUE_TYPES) > 200


def test_every_key_is_worded_in_both_languages() -> None:
    bad = [
        key
        for key, text in WORDS.items()
        if set(text) != {"zh", "en"} or not all(isinstance(t, str) for t in text.values())
    ]
    assert bad == []


def test_every_zh_text_uses_chinese_punctuation() -> None:
    bad = {key: half_width(text["zh"]) for key, text in WORDS.items() if half_width(text["zh"])}
    assert bad == {}


def test_every_en_text_uses_english_punctuation() -> None:
    # Chinese words quoted inside English (a sheet's name, 填报单位) may keep their own marks;
    # English sentences around them may not use full-width ones.
    bad = {
        key: text["en"]
        for key, text in WORDS.items()
        if FULL_WIDTH.search(HAN.sub("", re.sub(r"“[^”]*”|（[^）]*）", "", text["en"])))
    }
    assert bad == {}


# Keys whose languages name a thing differently on purpose: a basis (口径) by its Chinese name in
# zh and by its code in en; an unknown system error by the system's (English) text only in en.
# A ratio under or at its ceiling is said in words in en, by its signed gap in zh. A month is
# numbered in zh (2015年7月) and named in en (July 2015).
DIFFERENT_PARAMETERS = {"series-basis", "basis-name", "os-other", "plan.period.month"} | {
    f"gap-{where}-ceiling{short}" for where in ("under", "at") for short in ("", "-short")
}


def test_both_languages_use_the_same_parameters() -> None:
    bad = {
        key: (fields(text["zh"]), fields(text["en"]))
        for key, text in WORDS.items()
        if fields(text["zh"]) != fields(text["en"]) and key not in DIFFERENT_PARAMETERS
    }
    assert bad == {}


def test_every_issue_type_has_its_three_texts() -> None:
    missing = [
        f"{code}.{part}"
        for code in ISSUE_TYPES
        for part in ("title", "message", "hint")
        if f"{code}.{part}" not in WORDS
    ]
    assert missing == []


def test_issue_texts_use_exactly_the_parameters_their_type_names() -> None:
    bad = {}
    for code, issue_type in ISSUE_TYPES.items():
        used: set[str] = set()
        for part in ("title", "message", "hint"):
            for lang in ("zh", "en"):
                used |= fields(WORDS[f"{code}.{part}"][lang])
        if used != set(issue_type.params):
            bad[code] = (sorted(used), sorted(issue_type.params))
    assert bad == {}


def test_no_issue_text_is_left_without_its_type() -> None:
    import importlib

    from qcity.render import i18n

    issue_modules = [m for m in i18n._MODULES if m.startswith("issues_")]
    assert len(issue_modules) >= 4
    keys = [
        key
        for m in issue_modules
        for key in importlib.import_module(f"qcity.render.i18n.{m}").WORDS
    ]
    orphans = [key for key in keys if key.rsplit(".", 1)[0] not in ISSUE_TYPES]
    assert orphans == []


def test_the_catalogue_imports_only_the_standard_library() -> None:
    probe = (
        "import sys; before = set(sys.modules); import qcity.render.i18n; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    ours = [m for m in loaded if m.split(".")[0] == "qcity"]
    others = {m.split(".")[0] for m in loaded if m.split(".")[0] != "qcity"}
    assert others <= set(sys.stdlib_module_names), others - set(sys.stdlib_module_names)
    assert set(ours) <= {"qcity", "qcity.lang", "qcity.render"} | {
        m for m in ours if m.startswith("qcity.render.i18n")
    }


def test_the_summary_sheet_in_english_names_departments_in_english(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    plan = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    english = {d["code"]: d["name"]["en"] for d in plan["departments"]}
    expected = {a["name"]["en"]: english[a["lead"]] for a in plan["areas"]}
    out = tmp_path / "copy.xlsx"
    run = cli("check", EXAMPLE, "--today", "2015-06-01", "--lang", "en", "--annotate", out)
    assert run.exit_code == 1, run.output  # the example misses targets (README)
    sheet = load_workbook(out)["Check results"]
    rows = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0] in expected}
    assert rows == expected
