"""Builders for the hostile corpus: bad inputs made from readable code, not opaque binaries."""

from __future__ import annotations

import functools
import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .conftest import ROOT, Sheet, all_met, data_rows, write_workbook

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
SST = "xl/sharedStrings.xml"
SECRET = "QCITY-SECRET-7f3a9c"  # the contents of the local file an XXE tries to read

Parts = dict[str, bytes]


def workbook_parts(sheets: Mapping[str, Sheet | Sequence[Sequence[Any]]] | None = None) -> Parts:
    """The parts of a real workbook written by openpyxl (one valid submission by default)."""
    buffer = io.BytesIO()
    write_workbook(buffer, sheets or {"数据": data_rows(all_met())})  # type: ignore[arg-type]
    with zipfile.ZipFile(buffer) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def pack(path: Path, parts: Mapping[str, bytes]) -> Path:
    """Write *parts* as a deflated zip at *path*."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def with_parts(path: Path, **changes: Callable[[Parts], None]) -> Path:
    """A valid workbook with its parts changed by each function in *changes*."""
    parts = workbook_parts()
    for change in changes.values():
        change(parts)
    return pack(path, parts)


def sheet_xml(rows: str, prolog: str = "") -> bytes:
    """A worksheet part holding *rows* (raw <row> XML), with an optional DTD before the root."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<worksheet xmlns="{MAIN_NS}"><sheetData>{rows}</sheetData></worksheet>'
    ).encode()


def header_row() -> str:
    """Row 1: the header, as inline strings."""
    return _row(1, ["指标代码", "实际值"])


def _row(number: int, values: Sequence[str]) -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def data_sheet(*rows: tuple[str, str], prolog: str = "", extra: str = "") -> bytes:
    """A data sheet with the header and *rows* of (code, value-xml-text), plus raw *extra* rows."""
    body = header_row() + "".join(_row(n, r) for n, r in enumerate(rows, start=2)) + extra
    return sheet_xml(body, prolog)


def add_shared_strings(parts: Parts, sst: bytes) -> None:
    """Give the workbook a sharedStrings part (registered in content types and relationships)."""
    parts[SST] = sst
    _register(
        parts,
        "[Content_Types].xml",
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    )
    _register(
        parts,
        "xl/_rels/workbook.xml.rels",
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
    )


def _register(parts: Parts, part: str, closing: str, entry: str) -> None:
    text = parts[part].decode()
    if "sharedStrings" not in text:
        parts[part] = text.replace(closing, entry + closing).encode()


def shared_string_sheet(parts: Parts, text: str, prolog: str = "") -> None:
    """B2 of the data sheet points at the only shared string, *text* (raw XML allowed)."""
    add_shared_strings(
        parts,
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<sst xmlns="{MAIN_NS}" count="1" '
        f'uniqueCount="1"><si><t>{text}</t></si></sst>'.encode(),
    )
    parts[SHEET] = sheet_xml(
        header_row() + '<row r="2"><c r="A2" t="inlineStr"><is><t>PRD-01</t></is></c>'
        '<c r="B2" t="s"><v>0</v></c></row>'
    )


# --- entity attacks -----------------------------------------------------------------------------


def billion_laughs(root: str) -> str:
    """The classic: nine levels of ten references, 10^9 'lol's if expanded."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    ]
    return f"<!DOCTYPE {root} [{''.join(entities)}]>"


def quadratic_blowup(root: str) -> tuple[str, str]:
    """One 50 kB entity referenced 50,000 times: no nesting, 2.5 GB if expanded."""
    return f'<!DOCTYPE {root} [<!ENTITY a "{"x" * 50_000}">]>', "&a;" * 50_000


def external_entity(root: str, target: Path) -> str:
    """An XXE: an entity whose value is a local file."""
    return f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{target.as_uri()}">]>'


# --- zips with chosen declared sizes -------------------------------------------------------------


@dataclass
class RawMember:
    """A zip member written byte by byte: its declared sizes need not be true."""

    name: str
    deflated: bytes
    crc: int
    file_size: int  # what the headers declare
    compress_size: int | None = None  # defaults to len(deflated)


def raw_zip(path: Path, members: Sequence[RawMember]) -> Path:
    """Write a zip from *members* exactly as given (local headers, central directory, end)."""
    out = io.BytesIO()
    central = io.BytesIO()
    for m in members:
        name = m.name.encode()
        offset = out.tell()
        csize = len(m.deflated) if m.compress_size is None else m.compress_size
        # local header: signature, version, flags, method 8 (deflate), time, date, crc, sizes, name
        local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, m.crc, csize, m.file_size, len(name), 0)  # fmt: skip
        out.write(local + name + m.deflated)
        # central directory entry: the same, plus comment/disk/attributes and the local offset
        entry = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, m.crc, csize, m.file_size, len(name), 0, 0, 0, 0, 0, offset)  # fmt: skip
        central.write(entry)
        central.write(name)
    start = out.tell()
    cd = central.getvalue()
    out.write(cd)
    out.write(
        struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(cd), start, 0
        )
    )
    path.write_bytes(out.getvalue())
    return path


def deflate(data: bytes) -> bytes:
    """Raw deflate, as zip stores it."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def members_of(parts: Parts) -> list[RawMember]:
    """*parts* as honest raw members."""
    return [
        RawMember(name, deflate(data), zlib.crc32(data), len(data)) for name, data in parts.items()
    ]


@functools.cache
def zeros_bomb(gigabytes: int) -> tuple[bytes, int]:
    """A deflate stream of *gigabytes* GiB of spaces after a sheet's opening tags, and its CRC.

    Built from one compressed MiB repeated: full flushes make each piece independent, so the
    few MB bomb is written in well under a second instead of compressing gigabytes.
    """
    chunk = b" " * (1024 * 1024)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(sheet_xml("")[: -len(b"</sheetData></worksheet>")]) + c.flush(
        zlib.Z_FULL_FLUSH
    )
    piece = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert piece == again  # after a full flush the same input compresses the same
    tail = c.compress(b"</sheetData></worksheet>") + c.flush()
    count = gigabytes * 1024
    crc = zlib.crc32(sheet_xml("")[: -len(b"</sheetData></worksheet>")])
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(b"</sheetData></worksheet>", crc)
    return head + piece * count + tail, crc


def pseudo_random_digits(count: int) -> str:
    """*count* digits that deflate hardly at all (from a seeded generator: always the same)."""
    noise = random.Random(2014).randbytes(count)
    return noise.translate(bytes(48 + n % 10 for n in range(256))).decode()


def catalogue_variant(path: Path, old: str, new: str) -> Path:
    """The bundled catalogue with one text replaced."""
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path
