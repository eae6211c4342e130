"""render/schemas: the JSON documents' shapes, written once as TypedDicts, and the schemas generated from them.

Every JSON output of the suite is validated against these schemas (conftest.assert_valid_json);
here: the generated schemas keep what the hand-written ones guaranteed (closed objects, every
key required but the few that appear only where they apply, enumerations equal to the core's),
and the check path never builds them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any, get_args

import jsonschema
import pytest

from qcity.diff import Change
from qcity.errors import ISSUE_TYPES, Severity
from qcity.gaps import NeedKind
from qcity.model import DERIVE_KINDS, Frequency, Measure, Op, Unit
from qcity.phases import Stage, When
from qcity.render.schemas import DOCUMENTS, common, diff, gaps, json_schema, plan
from qcity.results import Status, TaskStatus

from .conftest import EXAMPLE, Run

# The keys that appear only where they apply, by object: everything else is always present.
OPTIONAL = {
    ("report", ""): {"districts", "aggregates"},
    ("batch", "File"): {"districts", "aggregates"},
    ("*", "Issue"): {"district"},
}


@pytest.mark.parametrize(
    ("literal", "enum"),
    [
        (common.StatusValue, Status),
        (common.SeverityValue, Severity),
        (common.TaskStatusValue, TaskStatus),
        (common.UnitValue, Unit),
        (common.OpValue, Op),
        (common.MeasureValue, Measure),
        (gaps.NeedKindValue, NeedKind),
        (gaps.WhenValue, When),
        (plan.StageValue, Stage),
        (plan.FrequencyValue, Frequency),
        (diff.ChangeValue, Change),
    ],
)
def test_literals_are_the_core_enums(literal: Any, enum: type[Enum]) -> None:
    assert list(get_args(literal)) == [member.value for member in enum]


def test_the_diff_summary_counts_every_change() -> None:
    keys = list(diff.DiffSummary.__annotations__)
    assert keys == [c.value for c in Change] + ["units", "rows", "failed"]


def objects(node: Any, name: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema under *node*, with the name of the $defs entry it is in."""
    if isinstance(node, dict):
        if "properties" in node:
            yield name, node
        for key, value in node.items():
            if key == "$defs":
                for def_name, definition in value.items():
                    yield from objects(definition, def_name)
            else:
                yield from objects(value, name)
    elif isinstance(node, list):
        for item in node:
            yield from objects(item, name)


@pytest.mark.parametrize("document", list(DOCUMENTS))
def test_every_object_is_closed_and_requires_its_keys(document: str) -> None:
    schema = json_schema(document)
    jsonschema.Draft202012Validator.check_schema(schema)
    found = list(objects(schema))
    assert len(found) >= 4
    for name, node in found:
        assert node.get("additionalProperties") is False, (document, name)
        optional = OPTIONAL.get((document, name), set()) | OPTIONAL.get(("*", name), set())
        assert set(node["required"]) == set(node["properties"]) - optional, (document, name)
        assert node["type"] == "object"


def test_enumerations_written_into_the_schema_come_from_the_core() -> None:
    defs = json_schema("report")["$defs"]
    assert defs["Issue"]["properties"]["code"]["enum"] == list(ISSUE_TYPES)
    assert defs["Derived"]["properties"]["kind"]["enum"] == list(DERIVE_KINDS)
    assert defs["Indicator"]["properties"]["status"]["enum"] == [
        "met",
        "unmet",
        "missing",
        "invalid",
    ]


def test_the_schema_command_prints_the_generated_schemas(cli: Callable[..., Run]) -> None:
    ids = {
        "report": "urn:qcity:schema:report:1",
        "batch": "urn:qcity:schema:batch:1",
        "gaps": "urn:qcity:schema:gaps:1",
        "plan": "urn:qcity:schema:plan:1",
        "diff": "urn:qcity:schema:diff:1",
    }
    for document, (_, _, title) in DOCUMENTS.items():
        run = cli("schema", document)
        assert run.exit_code == 0, run.output
        printed = json.loads(run.stdout)
        assert printed == json_schema(document)
        assert (printed["$id"], printed["title"]) == (ids[document], title)
        assert printed["description"].startswith("The output of `qcity ")
        assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_a_document_with_an_unknown_or_missing_key_is_refused() -> None:
    validator = jsonschema.Draft202012Validator(json_schema("diff"))
    location = {"file": "a.xlsx", "sheet": "数据", "cell": "B2", "path": None, "line": None}
    side = {"status": "met", "value": 95, "judged": 95, "text": "95%", "location": location}
    row = {
        "unit": "碑林区", "district": None, "code": "PRD-01", "name": "抽查合格率",
        "change": "unchanged", "delta": 0, "delta_text": None, "old": side, "new": side,
    }  # fmt: skip
    document = {
        "schema_version": 1, "kind": "diff", "catalogue": {"id": "x", "version": "1.0.0"},
        "old": "a", "new": "b", "lang": "zh",
        "summary": {"newly-unmet": 0, "worsened": 0, "newly-met": 0, "improved": 0,
                    "unchanged": 1, "units": 1, "rows": 1, "failed": 0},
        "rows": [row], "only_old": [], "only_new": [], "failed": [], "issues": [],
    }  # fmt: skip
    validator.validate(document)
    assert not validator.is_valid({**document, "extra": 1})
    assert not validator.is_valid({**document, "rows": [{**row, "change": "better"}]})
    assert not validator.is_valid({**document, "rows": [{**row, "old": {**side, "x": 1}}]})
    assert not validator.is_valid({k: v for k, v in document.items() if k != "issues"})
    assert not validator.is_valid({**document, "schema_version": 2})
    bad_cell = {**location, "cell": "b2"}
    assert not validator.is_valid(
        {**document, "rows": [{**row, "new": {**side, "location": bad_cell}}]}
    )


def test_the_check_path_never_builds_a_schema() -> None:
    # pydantic itself is on the check path (the catalogue's models); the shapes are not
    probe = (
        "import sys\n"
        "from qcity.cli import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('LOADED ' + ' '.join(m for m in sys.modules if 'schemas' in m))\n"
    )
    args = ["check", str(EXAMPLE), "--format", "json", "--today", "2015-06-01"]
    proc = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr  # the probe catches the exit
    assert json.loads(proc.stdout)["schema_version"] == 1
    assert proc.stderr.rsplit("LOADED", 1)[1].strip() == ""
