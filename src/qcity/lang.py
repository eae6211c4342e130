"""The two languages qcity speaks."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
