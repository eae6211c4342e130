"""Refuse DTDs: read the prolog of each XML part with expat before any XML parser sees it.

Every entity attack (XXE, billion laughs, quadratic blowup) needs a <!DOCTYPE> declaring the
entities, and it can only stand before the root element. Excel and WPS never write one. So
whichever parser openpyxl then uses (expat, defusedxml or lxml), a part that reaches it has none.
"""

from __future__ import annotations

from xml.parsers import expat

from qcity.errors import InputError, Issue, Location
from qcity.render.i18n import pair


class _RootSeen(Exception):
    """The first element started: the prolog, where a DTD could be, is over."""


class PrologCheck:
    """Feed the start of an XML part to expat until its root element; refuse a DOCTYPE."""

    LIMIT = 64 * 1024  # comments or processing instructions before the root: allowed, bounded

    def __init__(self, name: str, shown: str) -> None:
        self.name = name
        self.shown = shown
        self.seen = 0
        self.started = False
        self.is_xml = True
        self.parser = expat.ParserCreate()
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.StartElementHandler = self._root

    def _doctype(self, *args: object) -> None:
        raise InputError(
            Issue(
                "unsafe-xml",
                Location(file=self.shown, path=self.name),
                {"path": self.shown, "part": self.name},
            )
        )

    def _root(self, *args: object) -> None:
        raise _RootSeen

    def feed(self, chunk: bytes) -> bool:
        """True once the root element is reached (nothing more to check)."""
        if not self.started:
            stripped = chunk.lstrip(b" \t\r\n")
            if not stripped:
                return False
            self.started = True
            if not _looks_like_xml(stripped):
                self.is_xml = False
                return True  # a binary part (image, printer settings): never parsed as XML
        self.seen += len(chunk)
        try:
            self.parser.Parse(chunk, False)
        except _RootSeen:
            return True
        except (expat.ExpatError, LookupError, UnicodeError) as e:  # LookupError: encoding
            raise self._malformed(str(e)) from None
        if self.seen > self.LIMIT:
            raise self._malformed("no root element in the first 64 KiB")
        return False

    def finish(self) -> None:
        """The part ended; an XML part without a root element is malformed."""
        if not self.started:
            return
        try:
            self.parser.Parse(b"", True)
        except _RootSeen:
            return
        except (expat.ExpatError, LookupError, UnicodeError) as e:
            raise self._malformed(str(e)) from None

    def _malformed(self, reason: str) -> InputError:
        return InputError(
            Issue(
                "not-a-workbook",
                Location(file=self.shown),
                {
                    "path": self.shown,
                    "reason": pair("part-not-xml", part=self.name, reason=reason),
                },
            )
        )


def _looks_like_xml(head: bytes) -> bool:
    # UTF-8 (with or without BOM) or UTF-16 either way round: what expat and Excel handle.
    # Anything starting with NUL bytes is let through to expat too, which refuses UTF-32.
    return head.startswith((b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00"))
