"""The JSON report of a batch: the catalogue's indicators once, then each file's verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qcity.batch import Batch, Entry
from qcity.errors import Lang
from qcity.render import Renderer, ReportOptions, display, json_chunks
from qcity.render.check.json import (
    SCHEMA_VERSION,
    catalogue_meta_dict,
    districts_dict,
    issue_dict,
    result_dict,
    summary_dict,
)

if TYPE_CHECKING:
    from qcity.render.schemas import batch as shape
    from qcity.render.schemas.report import Districts


def entry_dict(entry: Entry, lang: Lang) -> shape.File:
    """One file of the batch."""
    from qcity.render.common import scope_dict

    e = entry.evaluation
    unit_at = e.unit.location.as_dict() if e is not None and e.unit is not None else None
    districts: Districts = districts_dict(e, lang) if e is not None else {}
    return {
        "path": entry.shown,
        "unit": entry.unit,
        "unit_source": "cell" if entry.unit_from_cell else "file",
        "unit_location": unit_at,
        "status": "checked" if e is not None else "failed",
        "exit_code": entry.exit_code,
        "sheet": e.sheet if e is not None else None,
        "report_year": e.report_year.year if e is not None and e.report_year else None,
        "scope": scope_dict(e) if e is not None else None,
        "summary": summary_dict(e.summary) if e is not None else None,
        "indicators": [result_dict(r, lang) for r in e.results] if e is not None else [],
        "issues": [issue_dict(i, lang) for i in entry.issues],
        **districts,
    }


def batch_dict(batch: Batch, lang: Lang) -> shape.Batch:
    """The whole JSON document of *batch*."""
    s = batch.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "batch",
        "catalogue": catalogue_meta_dict(batch.catalogue.catalogue, lang),
        "checked_at": batch.checked_at.isoformat(timespec="seconds"),
        "lang": lang,
        "summary": {
            "files": len(batch.entries),
            "checked": len(batch.checked),
            "failed": len(batch.failed),
            "skipped": len(batch.skipped),
            "exit_code": batch.exit_code,
            **summary_dict(s),
            "errors": batch.errors,
            "warnings": batch.warnings,
        },
        "areas": [
            {
                "code": area.code,
                "name": area.name.get(lang),
                "lead": area.lead,
                **summary_dict(summary),
            }
            for area, summary in batch.area_summaries()
        ],
        "indicators": [
            {
                "code": i.code,
                "name": i.name.get(lang),
                "area": i.area,
                "lead": i.lead,
                "target": display.target(i, lang),
                "unit": i.unit.value,
            }
            for i in batch.catalogue.indicators
        ],
        "files": [entry_dict(e, lang) for e in batch.entries],
        "skipped": [s.path for s in batch.skipped],
        "issues": [issue_dict(i, lang) for i in batch.issues],
    }


class BatchJsonReporter(Renderer[Batch]):
    """Machine-readable batch report (`qcity schema batch`)."""

    suffix = ".json"

    def render(self, batch: Batch, options: ReportOptions) -> str:
        # A batch of a thousand workbooks is tens of megabytes: a line per file (json's C
        # encoder only runs without indent; a line per file also keeps it easy to grep).
        return "".join(json_chunks(batch_dict(batch, options.lang), one_line=("files",)))
