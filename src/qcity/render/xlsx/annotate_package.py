"""The saved annotated copy, patched as a package: cached formula values put back, the losses
stated, and every internal link checked, so that no copy is written that Excel must repair."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import IO
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from qcity.errors import InputError, Issue, Location
from qcity.render.i18n import pair
from qcity.render.xlsx.summary_sheet import LOSS_HEIGHT_MARK, LOSS_TEXT_MARK
from qcity.zipguard import GuardedZip, Limits, open_package

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# A formula cell as openpyxl writes it: the formula, then an empty value.
_FORMULA_CELL = re.compile(
    rb'<c r="(?P<r>[A-Z]{1,3}[0-9]{1,7})"(?P<a>[^>]*)>'
    rb"(?P<f><f(?:[^>]*/>|[^>]*>[^<]*</f>))<v(?:\s*/>|></v>)</c>"
)
_CACHED_TYPES = {"str", "e", "b"}  # a number has no type; a formula never caches a shared string


def finish_package(
    source: bytes,
    saved: bytes,
    shown: str,
    limits: Limits,
    summary_title: str,
    losses: str,
    height: float,
    *,
    macro_enabled: bool = False,
) -> bytes:
    """*saved* (openpyxl's one save of the copy of *source*) with the cached values of formulas
    restored, the summary's losses sentence filled in; InputError if a link points nowhere."""
    with zipfile.ZipFile(io.BytesIO(saved)) as out:
        infos = out.infolist()
        parts = {i.filename: out.read(i) for i in infos}
    copied = sheet_parts(lambda name: io.BytesIO(parts[name]), set(parts))
    original = open_package(source, shown, limits)
    try:
        # A link the original already had to a missing part (an .xlsm without its macros) is
        # not the copy's doing, and Excel opens the original all the same.
        dangling = _dangling(
            {n: original.read(n) for n in original.namelist() if n.endswith(".rels")},
            set(original.namelist()),
        )
        before = sheet_parts(original.open, set(original.namelist()))
        for title, part in copied.items():
            if title in before and part in parts:
                cached = _cached_values(original, before[title])
                if cached:
                    parts[part] = _restore(parts[part], cached)
    finally:
        original.close()
    summary = copied.get(summary_title)
    if summary in parts:
        assert summary is not None
        parts[summary] = (
            parts[summary]
            .replace(LOSS_TEXT_MARK.encode(), escape(losses).encode("utf-8"), 1)
            .replace(f'ht="{LOSS_HEIGHT_MARK}"'.encode(), f'ht="{height}"'.encode(), 1)
        )
    if macro_enabled and "[Content_Types].xml" in parts:
        # An .xlsm must say so, macros or not, or Excel refuses to open it.
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
    _check_links(parts, shown, dangling)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as packed:
        for info in infos:
            packed.writestr(info, parts[info.filename], compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def sheet_parts(open_part: object, names: set[str]) -> dict[str, str]:
    """Worksheet titles and the parts holding them, from xl/workbook.xml and its rels."""
    opener = open_part
    assert callable(opener)
    folded = {n.casefold(): n for n in names}
    workbook = folded.get("xl/workbook.xml")
    rels = folded.get("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return {}
    try:
        targets = {
            r.get("Id"): _resolve("xl/workbook.xml", r.get("Target") or "")
            for r in _parse(opener(rels)).iter(_RELS)
        }
        found = {}
        for sheet in _parse(opener(workbook)).iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(_REL_ID))
            if target is not None and target.casefold() in folded:
                found[sheet.get("name") or ""] = folded[target.casefold()]
        return found
    except (ElementTree.ParseError, KeyError, ValueError):
        return {}  # odd, but the check read it: nothing to restore


def _parse(stream: IO[bytes]) -> ElementTree.Element:
    with stream:
        return ElementTree.fromstring(stream.read())  # noqa: S314  # prolog checked: no DTD


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _cached_values(archive: GuardedZip, part: str) -> dict[bytes, tuple[str | None, str]]:
    """Each formula cell's cached value in the original sheet *part*: coordinate -> (type, text)."""
    cached: dict[bytes, tuple[str | None, str]] = {}
    try:
        with archive.open(part) as stream:
            for _, el in ElementTree.iterparse(stream, events=("end",)):  # noqa: S314  # guarded
                if el.tag == f"{_MAIN}c":
                    value = el.find(f"{_MAIN}v")
                    ref = el.get("r")
                    if (
                        ref
                        and el.find(f"{_MAIN}f") is not None
                        and value is not None
                        and value.text
                    ):
                        cached[ref.encode()] = (el.get("t"), value.text)
                    el.clear()
                elif el.tag == f"{_MAIN}row":
                    el.clear()
    except ElementTree.ParseError:
        return {}
    return cached


def _restore(xml: bytes, cached: dict[bytes, tuple[str | None, str]]) -> bytes:
    def put_back(match: re.Match[bytes]) -> bytes:
        found = cached.get(match["r"])
        if found is None or b' t="' in match["a"]:
            return match[0]
        kind, text = found
        typed = f' t="{kind}"'.encode() if kind in _CACHED_TYPES else b""
        value = escape(text).encode("utf-8")
        return b'<c r="%s"%s%s>%s<v>%s</v></c>' % (match["r"], match["a"], typed, match["f"], value)

    return _FORMULA_CELL.sub(put_back, xml)


def _dangling(rels: dict[str, bytes], names: set[str]) -> set[str]:
    """The internal targets of *rels* parts that are not among *names* (compared without case)."""
    folded = {n.casefold() for n in names}
    missing = set()
    for name, data in rels.items():
        base = posixpath.join(
            posixpath.dirname(posixpath.dirname(name)), posixpath.basename(name)[: -len(".rels")]
        )
        try:
            found = ElementTree.fromstring(data).iter(_RELS)  # noqa: S314  # prolog checked
        except ElementTree.ParseError:
            continue
        for rel in found:
            if rel.get("TargetMode") == "External":
                continue
            target = _resolve(base, rel.get("Target") or "")
            if target.casefold() not in folded:
                missing.add(target.casefold())
    return missing


def _check_links(parts: dict[str, bytes], shown: str, allowed: set[str]) -> None:
    """Refuse the copy when a relationship points at a part the package does not have (unless
    the original's did too: *allowed*)."""
    rels = {n: d for n, d in parts.items() if n.endswith(".rels")}
    missing = sorted(_dangling(rels, set(parts)) - allowed)
    if missing:
        raise InputError(
            Issue(
                "not-a-workbook",
                Location(file=shown),
                {
                    "path": shown,
                    "reason": pair("annotate-dangling-link", part=missing[0]),
                },
            )
        )
