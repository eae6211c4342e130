"""The stamp a template carries (catalogue, version, targets) and the template-drift check; pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from pydantic import ValidationError

from qcity import __version__
from qcity.errors import Issue, Lang, Location
from qcity.model import Catalogue, Indicator, Op, Target, Unit
from qcity.render import display
from qcity.render.i18n import LANGS, join, pair
from qcity.values import format_decimal

# The layout of the workbooks `qcity template` writes; raise it when the layout changes.
TEMPLATE_VERSION = "1"

PREFIX = "qcity."
KEY_TEMPLATE = "qcity.template"
KEY_GENERATOR = "qcity.generator"
KEY_CATALOGUE = "qcity.catalogue.id"
KEY_VERSION = "qcity.catalogue.version"
KEY_LEADS = "qcity.leads"  # absent: the template covers every lead department
TARGET_PREFIX = "qcity.target."


def target_spec(indicator: Indicator) -> str:
    """The target in a stable text form stored per indicator: `percent at_least 94`, `percent about 53 ±1`."""
    t = indicator.target
    value = (
        ("true" if t.value else "false") if isinstance(t.value, bool) else format_decimal(t.value)
    )
    spec = f"{indicator.unit.value} {t.op.value} {value}"
    if t.tolerance is not None:
        spec += f" ±{format_decimal(t.tolerance)}"
    return spec


def stamp(
    catalogue: Catalogue, indicators: Iterable[Indicator], leads: Iterable[str]
) -> dict[str, str]:
    """The properties a template stores: which catalogue, which version, and each row's target."""
    meta = catalogue.catalogue
    props = {
        KEY_TEMPLATE: TEMPLATE_VERSION,
        KEY_GENERATOR: f"qcity {__version__}",
        KEY_CATALOGUE: meta.id,
        KEY_VERSION: meta.version,
    }
    chosen = sorted(set(leads))
    if chosen:
        props[KEY_LEADS] = ";".join(chosen)
    for ind in indicators:
        props[TARGET_PREFIX + ind.code] = target_spec(ind)
    return props


def template_drift(properties: Mapping[str, str], catalogue: Catalogue, shown: str) -> list[Issue]:
    """A template-drift warning when the workbook's stamp differs from *catalogue*; none without a stamp."""
    if KEY_CATALOGUE not in properties and KEY_VERSION not in properties:
        return []
    meta = catalogue.catalogue
    made_from = f"{properties.get(KEY_CATALOGUE, '?')} v{properties.get(KEY_VERSION, '?')}"
    current = f"{meta.id} v{meta.version}"
    stored = {
        k[len(TARGET_PREFIX) :]: v for k, v in properties.items() if k.startswith(TARGET_PREFIX)
    }
    changes = list(_changes(stored, properties.get(KEY_LEADS), catalogue))
    if made_from == current and not changes:
        return []
    text = join(changes, "sep-clause") if changes else pair("drift-no-target-changed")
    return [
        Issue(
            "template-drift",
            Location(file=shown),
            {"template": made_from, "current": current, "changes": text},
        )
    ]


def _changes(
    stored: Mapping[str, str], leads: str | None, catalogue: Catalogue
) -> Iterable[dict[Lang, str]]:
    known = {i.code: i for i in catalogue.indicators}
    for code, spec in stored.items():
        ind = known.get(code)
        if ind is None:
            yield pair("drift-gone", code=code)
            continue
        if spec == target_spec(ind):
            continue
        old = _indicator_from_spec(ind, spec)
        if old is None:
            yield pair("drift-unreadable", code=code, spec=spec)
        elif target_spec(old) != target_spec(ind):
            was = {lang: display.target(old, lang) for lang in LANGS}
            now = {lang: display.target(ind, lang) for lang in LANGS}
            yield pair("drift-changed", code=code, was=was, now=now)
    covered = set(leads.split(";")) if leads else None
    for ind in catalogue.indicators:
        if ind.code not in stored and (covered is None or ind.lead in covered):
            target = {lang: display.target(ind, lang) for lang in LANGS}
            yield pair("drift-new", code=ind.code, target=target)


def _indicator_from_spec(indicator: Indicator, spec: str) -> Indicator | None:
    """*indicator* with the unit and target written in *spec*, or None when it cannot be read."""
    parts = spec.split()
    if len(parts) not in (3, 4):
        return None
    unit_text, op_text, value_text = parts[:3]
    try:
        unit, op = Unit(unit_text), Op(op_text)
        value: Decimal | bool
        if op is Op.IS:
            if value_text not in ("true", "false"):
                return None
            value = value_text == "true"
        else:
            value = Decimal(value_text)
        tolerance = Decimal(parts[3].removeprefix("±")) if len(parts) == 4 else None
        target = Target(op=op, value=value, tolerance=tolerance)
    except (ValueError, InvalidOperation, ValidationError):
        return None
    if not isinstance(target.value, bool) and not target.number.is_finite():
        return None
    return indicator.model_copy(update={"unit": unit, "target": target})
