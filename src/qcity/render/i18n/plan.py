"""Wording of `qcity plan`."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {}
