"""The workbook file as a zip package: recognise it, bound it, and guard every part that is read.

Longer than most modules on purpose: every byte qcity reads from a workbook passes this guard,
and its limits (size, inflation, members, nesting) are enforced in one place that can be
read, and audited, whole.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from qcity.errors import InputError, Issue, Location
from qcity.faults import reached
from qcity.files import file_changed, os_reason
from qcity.lang import Lang
from qcity.render.i18n import pair, words
from qcity.xmlguard import PrologCheck

MiB = 1024 * 1024
# Excel itself refuses a cell longer than this; no workbook saved by Excel or WPS holds one.
EXCEL_MAX_CELL_CHARS = 32_767
# A workbook has a few dozen parts; tens of thousands is a zip built to exhaust memory.
MAX_MEMBERS = 10_000
# Parts openpyxl reads whole (besides the data sheet, which is read when found).
_ALWAYS_READ = (
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
    "docProps/core.xml",
    "docProps/custom.xml",
)
_ALWAYS_READ_FOLDED = frozenset(name.casefold() for name in _ALWAYS_READ)
# Parts read as XML by name; anything else (images, macros, printer settings) is binary.
_XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a submission may hold; past them reading stops with a located issue.

    The defaults keep the worst case within a few seconds and a few hundred MB on a small
    machine, while a real submission (tens of kB) is far inside every one of them.
    """

    max_file_bytes: int = 20 * MiB  # --max-size: the file on disk
    max_inflated_bytes: int = 4 * MiB  # --max-inflated: parts read, uncompressed, in total
    max_rows: int = 2_000  # --max-rows: rows of the data sheet (a submission has 23)
    max_cell_chars: int = EXCEL_MAX_CELL_CHARS

    @property
    def max_xml_tags(self) -> int:
        """Tags (each '<') allowed in the XML read: one per 50 bytes of the inflated budget."""
        return self.max_inflated_bytes // 50


_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2,
          "mib": MiB, "g": 1000**3, "gb": 1000**3, "gib": 1024**3}  # fmt: skip


def parse_size(text: str) -> int:
    """A byte count written as 20000000, 20MB, 20 MiB or 1.5G; ValueError when it is not one."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError(f"{text!r} is not a size such as 20MB, 4MiB or 5000000")
    size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size <= 0:
        raise ValueError(f"{text!r}: a limit must be above zero")
    return size


def file_issue(code: str, shown: str, **params: Any) -> Issue:
    """An issue about the whole file, with its name as parameter."""
    return Issue(code, Location(file=shown), {"path": shown, **params})


def too_large(
    shown: str, what: dict[Lang, str], actual: int, limit: int, option: str
) -> InputError:
    """The file-too-large error, sizes in bytes with thousands separators."""
    return InputError(
        file_issue(
            "file-too-large",
            shown,
            what=what,
            actual=f"{actual:,} B",
            limit=f"{limit:,} B",
            option=option,
        )
    )


def damaged(shown: str, reason: str, **params: object) -> InputError:
    """The not-a-workbook error; *reason* is a key of the wording catalogue."""
    return InputError(file_issue("not-a-workbook", shown, reason=pair(reason, **params)))


# --- reading the file ---------------------------------------------------------------------------


def read_bytes(path: Path, shown: str, limits: Limits) -> bytes:
    """The file's bytes, refusing folders, missing or unreadable files and files over the limit."""
    try:
        info = path.stat()
        # A folder, a FIFO (reading it would wait forever), a device: only regular files are read.
        if not stat.S_ISREG(info.st_mode):
            raise InputError(file_issue("not-a-file", shown))
        size = info.st_size
        if size > limits.max_file_bytes:
            raise too_large(
                shown,
                words("file-size"),
                size,
                limits.max_file_bytes,
                "--max-size",
            )
        with path.open("rb") as f:
            reached("read")
            # Read one byte past the limit: a file growing while we read is still bounded.
            data = f.read(limits.max_file_bytes + 1)
            after = os.fstat(f.fileno())
        # Saved again while read (in place, or replaced before it was opened): never a verdict
        # on a mix of two versions.
        if (after.st_size, after.st_mtime_ns, after.st_ino) != (
            size,
            info.st_mtime_ns,
            info.st_ino,
        ) or len(data) != size:
            raise file_changed(shown)
    except FileNotFoundError:
        raise InputError(file_issue("file-not-found", shown)) from None
    except PermissionError as e:
        raise InputError(
            file_issue("unreadable-file", shown, reason=os_reason(e, writing=False))
        ) from None
    except OSError as e:
        raise InputError(
            file_issue("unreadable-file", shown, reason=os_reason(e, writing=False))
        ) from None
    if len(data) > limits.max_file_bytes:
        raise too_large(
            shown,
            words("file-size"),
            len(data),
            limits.max_file_bytes,
            "--max-size",
        )
    return data


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, shown: str) -> None:
    """Name what the file is when it is not an OOXML zip, so the message can say what to do."""
    if not data:
        raise damaged(shown, "file-empty")
    if data.startswith(b"PK\x03\x04"):
        return
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(file_issue("encrypted-workbook", shown))
        raise _unsupported(shown, "kind-xls")
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        raise _unsupported(shown, "kind-pdf")
    if head.startswith((b"<html", b"<!doctype html", b"<table")) or b"<html" in head:
        raise _unsupported(shown, "kind-html")
    if head.startswith((b"<?xml", b"<office:document")):
        raise _xml_kind(data[:4096], shown)
    if data.startswith(b"PK"):
        raise damaged(shown, "zip-damaged")
    if _looks_like_text(data[:4096]):
        raise _unsupported(shown, "kind-text")
    raise damaged(shown, "content-unrecognised")


def _xml_kind(head: bytes, shown: str) -> InputError:
    """Name an XML file by what its root declares: flat OpenDocument, Excel 2003 XML, or plain."""
    if b"urn:oasis:names:tc:opendocument" in head or b"office:document" in head:
        return _unsupported(shown, "kind-fods")
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return _unsupported(shown, "kind-xml-2003")
    return _unsupported(shown, "kind-xml")


def _unsupported(shown: str, kind: str) -> InputError:
    return InputError(file_issue("unsupported-format", shown, kind=words(kind)))


def _looks_like_text(chunk: bytes) -> bool:
    if b"\x00" in chunk:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            chunk.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


# --- the zip ------------------------------------------------------------------------------------


def open_package(data: bytes, shown: str, limits: Limits) -> GuardedZip:
    """Open *data* as a workbook package; every part read from it later is guarded and counted."""
    declared = declared_members(data)
    if declared is not None and declared > MAX_MEMBERS:
        raise _too_many_members(shown, declared)
    try:
        archive = GuardedZip(io.BytesIO(data), shown=shown, limits=limits)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,  # "zip file version 10.9", unknown compression
        ValueError,
        EOFError,
        OSError,
        OverflowError,
        IndexError,
        KeyError,
    ) as e:
        raise damaged(shown, "file-damaged", error=e) from None
    _check_members(archive, shown, limits)
    return archive


def _too_many_members(shown: str, count: int) -> InputError:
    return damaged(shown, "zip-too-many-parts", count=f"{count:,}", most=f"{MAX_MEMBERS:,}")


def declared_members(data: bytes) -> int | None:
    """The member count the zip's end record declares (zip64 too), before zipfile builds them."""
    pos = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if pos < 0 or pos + 22 > len(data):
        return None
    total = int.from_bytes(data[pos + 10 : pos + 12], "little")
    if total != 0xFFFF:
        return total
    locator = pos - 20
    if locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
        return total
    offset = int.from_bytes(data[locator + 8 : locator + 16], "little")
    record = data[offset : offset + 40]
    if len(record) < 40 or not record.startswith(b"PK\x06\x06"):
        return total
    return int.from_bytes(record[32:40], "little")


def _check_members(archive: zipfile.ZipFile, shown: str, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _too_many_members(shown, len(infos))
    names = {i.filename for i in infos}
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:100]
        except (zipfile.BadZipFile, OSError, KeyError, InputError):
            mimetype = b""
        if b"opendocument.spreadsheet" in mimetype:
            raise _unsupported(shown, "kind-ods")
    if "word/document.xml" in names:
        raise _unsupported(shown, "kind-docx")
    folded = {n.casefold() for n in names}
    if any(n.endswith(".iwa") or n in ("index.zip", "index.xml.gz") for n in folded):
        raise _unsupported(shown, "kind-numbers")
    if "xl/workbook.bin" in folded:
        raise _unsupported(shown, "kind-xlsb")
    if "xl/workbook.xml" not in folded:
        raise damaged(shown, "zip-no-workbook-part")
    if _is_strict(archive):
        raise _unsupported(shown, "kind-strict")
    # Declared sizes first, before anything is inflated: a bomb is refused without reading it.
    always = [i for i in infos if i.filename.casefold() in _ALWAYS_READ_FOLDED]
    declared = sum(i.file_size for i in always)
    if declared > limits.max_inflated_bytes:
        last = max(always, key=lambda i: i.file_size).filename
        raise _over_budget(shown, last, declared, limits)


def _is_strict(archive: zipfile.ZipFile) -> bool:
    """True for a Strict Open XML package: its relationships use the ISO (purl.oclc.org) names."""
    try:
        with archive.open("_rels/.rels") as part:
            head = part.read(8192)
    except KeyError:
        return False
    return b"http://purl.oclc.org/ooxml/officeDocument/relationships" in head


def _over_budget(shown: str, part: str, size: int, limits: Limits) -> InputError:
    return too_large(
        shown,
        pair("inflated-size-up-to", part=part),
        size,
        limits.max_inflated_bytes,
        "--max-inflated",
    )


@dataclass
class _Budget:
    """What has been inflated so far; each part counts once, however often it is read."""

    limits: Limits
    shown: str
    used: int = 0
    tags: int = 0
    parts: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (bytes, tags)
    # Binary parts (images, macros) are only read for the annotated copy, which keeps them: they
    # cost their bytes, not parsing, so they have their own bound, the file size limit.
    binary: int = 0
    binary_parts: dict[str, int] = field(default_factory=dict)

    def planned(self, name: str, size: int) -> int:
        """The bytes used once part *name*, declaring *size*, is read in full."""
        return self.used - self.parts.get(name, (0, 0))[0] + size

    def count(self, name: str, size: int, tags: int, binary: bool = False) -> None:
        """Record that *size* bytes and *tags* tags of *name* have been read; stop past a limit."""
        if binary:
            self.binary += max(size - self.binary_parts.get(name, 0), 0)
            self.binary_parts[name] = max(size, self.binary_parts.get(name, 0))
            if self.binary > self.limits.max_file_bytes:
                raise too_large(
                    self.shown,
                    pair("inflated-size-up-to", part=name),
                    self.binary,
                    self.limits.max_file_bytes,
                    "--max-size",
                )
            return
        seen_size, seen_tags = self.parts.get(name, (0, 0))
        self.used += max(size - seen_size, 0)
        self.tags += max(tags - seen_tags, 0)
        self.parts[name] = (max(size, seen_size), max(tags, seen_tags))
        if self.used > self.limits.max_inflated_bytes:
            raise _over_budget(self.shown, name, self.used, self.limits)
        if self.tags > self.limits.max_xml_tags:
            raise InputError(
                file_issue(
                    "file-too-large",
                    self.shown,
                    what=pair("xml-tags-up-to", part=name),
                    actual=f"{self.tags:,}",
                    limit=f"{self.limits.max_xml_tags:,}",
                    option="--max-inflated",
                )
            )


class GuardedZip(zipfile.ZipFile):
    """A read-only ZipFile whose parts are counted against the inflated budget and XML-checked.

    Every part that openpyxl reads goes through open(): its declared size is checked before
    inflating, its actual bytes are counted while streaming (declared sizes can lie), and an
    XML part declaring a DTD is refused before any XML parser sees it, whichever parser
    (expat, defusedxml or lxml) openpyxl then uses.
    """

    def __init__(self, file: IO[bytes], *, shown: str, limits: Limits) -> None:
        super().__init__(file, "r")
        self.shown = shown
        self.limits = limits
        self.budget = _Budget(limits, shown)
        self.last_part: str | None = None  # the part being parsed, to name it in messages
        # Relationship types (the last word of their URI) left out of every .rels part read:
        # what the reader must not follow (the annotated copy leaves pivot tables out).
        self.hidden_relationships: frozenset[str] = frozenset()
        # Part names are case-insensitive in a package (Excel opens xl/SharedStrings.xml).
        self._folded = {i.filename.casefold(): i for i in reversed(self.infolist())}

    def getinfo(self, name: str) -> zipfile.ZipInfo:
        """The member *name*, matched without regard to case when no exact match exists."""
        try:
            return super().getinfo(name)
        except KeyError:
            info = self._folded.get(name.casefold())
            if info is None:
                raise
            return info

    def namelist(self) -> list[str]:
        """The member names, as a list whose `in` ignores case (as getinfo does)."""
        return _CaseFreeNames(super().namelist())

    def open(  # type: ignore[override]
        self,
        name: str | zipfile.ZipInfo,
        mode: Literal["r"] = "r",
        pwd: bytes | None = None,
        *,
        force_zip64: bool = False,
    ) -> IO[bytes]:
        """Open part *name* for reading through the guard."""
        if mode != "r":
            raise ValueError("the package is read-only")
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        self.last_part = info.filename
        if info.flag_bits & 0x1:
            raise InputError(file_issue("encrypted-workbook", self.shown))
        # A part read again (openpyxl reads a sheet without <dimension> twice) counts once.
        planned = self.budget.planned(info.filename, info.file_size)
        xml = info.filename.casefold().endswith(_XML_SUFFIXES)
        if xml and planned > self.limits.max_inflated_bytes:
            raise _over_budget(self.shown, info.filename, planned, self.limits)
        try:
            raw = super().open(info, "r", pwd)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as e:
            raise damaged(self.shown, "part-unopenable", part=info.filename, error=e) from None
        part = io.BufferedReader(GuardedPart(raw, info.filename, self))
        if self.hidden_relationships and info.filename.endswith(".rels"):
            with part:
                data = part.read()
            return io.BytesIO(_RELATIONSHIP.sub(self._hide, data))
        return part

    def _hide(self, match: re.Match[bytes]) -> bytes:
        kind = match[1].rsplit(b"/", 1)[-1].decode("ascii", "replace")
        return b"" if kind in self.hidden_relationships else match[0]


_RELATIONSHIP = re.compile(rb'<(?:\w+:)?Relationship\b[^>]*?\bType="([^"]*)"[^>]*?/>')


class _CaseFreeNames(list[str]):
    """Part names whose membership test ignores case."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(names)
        self._folded = {n.casefold() for n in names}

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.casefold() in self._folded


class GuardedPart(io.RawIOBase):
    """One part being read: counted against the budget, its XML prolog checked for a DTD."""

    def __init__(self, raw: IO[bytes], name: str, archive: GuardedZip) -> None:
        super().__init__()
        self._raw = raw
        self.name = name
        self._archive = archive
        self._size = 0
        self._tags = 0
        self._xml: bool | None = None  # None until the prolog check knows
        self._prolog: PrologCheck | None = PrologCheck(name, archive.shown)

    def readable(self) -> bool:
        """Always: the part is read-only."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill *buffer* from the part, counting and checking what passes."""
        view = memoryview(buffer).cast("B")
        try:
            chunk = self._raw.read(len(view))
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as e:
            # a checksum that does not match, a deflate stream that is not one, a short file
            raise damaged(self._archive.shown, "part-damaged", part=self.name, error=e) from None
        n = len(chunk)
        self._size += n
        if self._prolog is not None:
            if n and self._prolog.feed(chunk):
                self._xml = self._prolog.is_xml
                self._prolog = None
            elif not n:
                self._prolog.finish()
                self._prolog = None
        if self._xml is not False:
            # Each '<' opens at most one tag: a fast, parser-independent bound on elements,
            # which cost far more to parse than their bytes suggest (`<xf/>` is 5 bytes).
            self._tags += chunk.count(b"<")
        self._archive.budget.count(self.name, self._size, self._tags, self._xml is False)
        view[:n] = chunk
        return n

    def close(self) -> None:
        """Close the underlying part."""
        try:
            self._raw.close()
        finally:
            super().close()
