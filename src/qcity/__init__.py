"""qcity: check quality-city (质量强市) submissions against the plan's targets.

The public library surface is imported lazily so that `qcity --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Evaluation", "Status", "__version__", "check_workbook", "load_catalogue"]

if TYPE_CHECKING:
    from qcity.catalogue import load_catalogue
    from qcity.check import check_workbook
    from qcity.results import Evaluation, Status

_LAZY = {
    "load_catalogue": "qcity.catalogue",
    "check_workbook": "qcity.check",
    "Evaluation": "qcity.results",
    "Status": "qcity.results",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'qcity' has no attribute {name!r}")
