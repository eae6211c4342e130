"""The JSON documents' shapes, each described once as TypedDicts; their JSON Schemas generated.

One module per document (report, batch, gaps, plan, diff) and common.py for the shared parts.
The renderers annotate what they build with these types; `json_schema(name)` turns a document's
type into its JSON Schema (draft 2020-12) with pydantic, imported only here, on demand. The
schema's description is the docstring of the document's type.
"""

from __future__ import annotations

from typing import Any

# document -> (module, type, title); the $id is urn:qcity:schema:<document>:1
DOCUMENTS: dict[str, tuple[str, str, str]] = {
    "report": ("report", "Report", "qcity check report (schema_version 1)"),
    "batch": ("batch", "Batch", "qcity batch report (schema_version 1)"),
    "gaps": ("gaps", "Gaps", "qcity gaps list (schema_version 1)"),
    "plan": ("plan", "Plan", "qcity plan (schema_version 1)"),
    "diff": ("diff", "Diff", "qcity diff report (schema_version 1)"),
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

    module, type_name, title = DOCUMENTS[name]
    shape = getattr(importlib.import_module(f"qcity.render.schemas.{module}"), type_name)
    generated = TypeAdapter(shape).json_schema(schema_generator=_Generate)
    generated.pop("title", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:qcity:schema:{name}:1",
        "title": title,
        **generated,
    }
