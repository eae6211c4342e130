"""The JSON documents' shapes, each described once as TypedDicts; their JSON Schemas generated.

One module per document (report, batch, gaps, plan, diff) and common.py for the shared parts.
The renderers annotate what they build with these types; `json_schema(name)` turns a document's
type into its JSON Schema (draft 2020-12) with pydantic, imported only here, on demand.
"""

from __future__ import annotations

from typing import Any

# document -> (module, type, $id, title, description)
DOCUMENTS: dict[str, tuple[str, str, str, str, str]] = {
    "report": (
        "report",
        "Report",
        "urn:qcity:schema:report:1",
        "qcity check report (schema_version 1)",
        "The output of `qcity check FILE --format json`.",
    ),
    "batch": (
        "batch",
        "Batch",
        "urn:qcity:schema:batch:1",
        "qcity batch report (schema_version 1)",
        "The output of `qcity check FILE_OR_DIR … --format json` for several workbooks or a "
        "folder.",
    ),
}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of document *name* (a key of DOCUMENTS), generated from its TypedDict."""
    import importlib

    from pydantic import TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema

    class _Generate(GenerateJsonSchema):
        # Titles derived from Python names ("Schema Version") say nothing the keys do not.
        def field_title_should_be_set(self, schema: Any) -> bool:
            return False

    module, type_name, schema_id, title, description = DOCUMENTS[name]
    shape = getattr(importlib.import_module(f"qcity.render.schemas.{module}"), type_name)
    generated = TypeAdapter(shape).json_schema(schema_generator=_Generate)
    generated.pop("title", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        "description": description,
        **generated,
    }
