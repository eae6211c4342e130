"""The catalogue as JSON (`qcity catalogue --format json`): its data in both languages."""

from __future__ import annotations

import json
from typing import Any

from qcity.model import Catalogue
from qcity.render import Renderer, ReportOptions, display


def catalogue_dict(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as JSON-ready data (both languages)."""
    data: dict[str, Any] = catalogue.model_dump(mode="json")
    for entry, ind in zip(data["indicators"], catalogue.indicators, strict=True):
        entry["target"]["text"] = {"zh": display.target(ind, "zh"), "en": display.target(ind, "en")}
    return data


class CatalogueJsonRenderer(Renderer[Catalogue]):
    """The catalogue as JSON (both languages)."""

    suffix = ".json"

    def render(self, catalogue: Catalogue, options: ReportOptions) -> str:
        return json.dumps(catalogue_dict(catalogue), ensure_ascii=False, indent=2) + "\n"
