"""The pipeline of one check: read the workbook, validate it against the catalogue, evaluate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qcity.evaluate import evaluate
from qcity.model import Catalogue, Evaluation
from qcity.package import Limits
from qcity.validate import validate
from qcity.workbook import read_submission


def check_workbook(
    path: Path,
    catalogue: Catalogue,
    *,
    shown: str | None = None,
    limits: Limits | None = None,
    now: dt.datetime | None = None,
) -> Evaluation:
    """Check the workbook at *path*; raises InputError only when it cannot be read at all."""
    submission = read_submission(path, shown=shown, limits=limits)
    validated = validate(submission, catalogue)
    return evaluate(
        catalogue, validated, source=submission.shown, sheet=submission.sheet, checked_at=now
    )
