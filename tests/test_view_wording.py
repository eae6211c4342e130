"""The wording of the batch, gaps, plan and diff views: every key they say is in the catalogue, in
zh and in en, including the keys they build from an enum's value or a count."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

VIEWS = ("batch", "gaps", "plan", "diff")
SAID = re.compile(r"""say\(\s*["']([a-z0-9.-]+)["']""")
# A language ternary, a {"zh": ...} literal or a wording table's annotation.
WORDING = re.compile(r"""lang == ["']|\{\s*["']zh["']\s*:|dict\[Lang, str\]""")


def said_keys(view: str) -> set[str]:
    """The literal keys the modules of *view* pass to say()."""
    folder = ROOT / "src" / "qcity" / "render" / view
    return {m.group(1) for path in folder.glob("*.py") for m in SAID.finditer(path.read_text())}


@pytest.mark.parametrize("view", VIEWS)
def test_every_key_a_view_says_is_in_the_catalogue_in_both_languages(view: str) -> None:
    from qcity.render.i18n import WORDS

    keys = said_keys(view)
    assert len(keys) >= 5, keys  # the scan reaches the modules
    missing = sorted(k for k in keys if set(WORDS.get(k, {})) != {"zh", "en"})
    assert missing == []


def test_the_keys_built_from_values_exist() -> None:
    from qcity.diff import Change
    from qcity.phases import Stage
    from qcity.render.i18n import WORDS

    built = [f"diff.change.{c.value}" for c in Change]
    built += [f"plan.position.{s.value}" for s in Stage]
    built += [f"plan.period.q{q}" for q in (1, 2, 3, 4)] + ["plan.period.h1", "plan.period.h2"]
    built += [f"batch.sheet.{s}" for s in ("files", "rows", "areas", "matrix", "issues")]
    for stem in ("plan.group.indicators", "plan.group.tasks", "plan.open-total.indicators",
                 "plan.open-total.tasks", "diff.result"):  # fmt: skip
        built += [f"{stem}.one", f"{stem}.other"]
    assert [k for k in built if k not in WORDS] == []


def test_each_view_keeps_its_words_under_its_own_prefix() -> None:
    import importlib

    for view in VIEWS:
        module = importlib.import_module(f"qcity.render.i18n.{view}")
        assert module.WORDS, view
        assert all(key.startswith(f"{view}.") for key in module.WORDS), view


def test_the_views_have_no_wording_tables_or_language_ternaries_left() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for view in VIEWS
        for path in sorted((ROOT / "src" / "qcity" / "render" / view).glob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if WORDING.search(line)
    ]
    assert found == []


def test_the_wording_scan_finds_what_it_looks_for() -> None:
    assert WORDING.search('x = "是" if lang == "zh" else "yes"')
    assert WORDING.search('TITLE: dict[Lang, str] = {"zh": "标题", "en": "Title"}')
    assert not WORDING.search('"lang": {"enum": ["zh", "en"]},')
