"""The output streams: the one place the console's encoding is dealt with.

A Chinese Windows console (or a redirect from one) encodes in cp936/GBK, a Windows CI runner in
cp1252, a bare container in ASCII; none of them has ✔ or −. Text written for people degrades
its symbols (✔ → √ or OK, − → -) and, as a last resort, a character to "?"; a machine format
never loses a character: JSON, JUnit and HTML are written in ASCII with their own escapes
(\\uXXXX, &#NNNN;), Markdown and GitHub annotations (which have no escapes) as UTF-8 bytes.
A file written with -o is always UTF-8 (qcity.files.write_atomic).
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# Each symbol's stand-ins, best first: the first one the stream's encoding can write is used.
# √ and × are in GB 2312, the ticks and crosses of Chinese paper forms.
SYMBOL_FALLBACKS: dict[str, tuple[str, ...]] = {
    "✔": ("√", "OK"),
    "✓": ("√", "OK"),
    "✅": ("√", "OK"),
    "✘": ("×", "X"),
    "✖": ("×", "X"),
    "✗": ("×", "X"),
    "❌": ("×", "X"),
    "⚠": ("!",),
    "ℹ": ("i",),
    "○": ("o",),
    "◐": ("○", "o"),
    "⚪": ("○", "o"),
    "◆": ("*",),
    "−": ("-",),
    "–": ("-",),
    "—": ("--",),
    "→": ("->",),
    "⬇": ("↓", "v"),
    "·": (".",),
    "…": ("...",),
    "“": ('"',),
    "”": ('"',),
    "‘": ("'",),
    "’": ("'",),
    "×": ("x",),
    "÷": ("/",),
    "≥": (">=",),
    "≤": ("<=",),
    "≠": ("!=",),
    "≈": ("~",),
    "±": ("+/-",),
    "∶": (":",),
    "│": ("|",),
    "─": ("-",),
    "█": ("#",),
    "░": (".",),
    "\u00a0": (" ",),
    "\u3000": ("  ",),
}

TEXT_ERRORS = "qcity-degrade"
JSON_ERRORS = "qcity-json-escape"


def _degrade(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out: list[str] = []
    for ch in error.object[error.start : error.end]:
        for candidate in SYMBOL_FALLBACKS.get(ch, ()):
            try:
                candidate.encode(error.encoding)
            except UnicodeEncodeError:
                continue
            out.append(candidate)
            break
        else:
            out.append("?")
    return "".join(out), error.end


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    # Outside ASCII, a JSON document holds characters only inside strings, where \uXXXX
    # (a surrogate pair above U+FFFF) is the same character.
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out: list[str] = []
    for ch in error.object[error.start : error.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error(TEXT_ERRORS, _degrade)
codecs.register_error(JSON_ERRORS, _json_escape)

# How each machine format reaches a stream that is not UTF-8: (encoding, error handler).
MACHINE_FORMATS: dict[str, tuple[str, str]] = {
    "json": ("ascii", JSON_ERRORS),
    "junit": ("ascii", "xmlcharrefreplace"),
    "html": ("ascii", "xmlcharrefreplace"),
    "markdown": ("utf-8", "strict"),
    "github": ("utf-8", "strict"),
}


def is_utf8(stream: TextIO) -> bool:
    """True when *stream* encodes in UTF-8 (or has no encoding: an in-memory buffer)."""
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def setup_console_streams() -> None:
    """Make stdout and stderr degrade what their encoding cannot write instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not is_utf8(stream) and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=TEXT_ERRORS)


class TrimmedLines(io.TextIOBase):
    """Writes to *target* with the spaces that pad each line to the table's width removed: a
    report in a file or a pipe is read or diffed, not looked at in a terminal."""

    def __init__(self, target: TextIO) -> None:
        self.target = target
        self.pending = ""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.target, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        if lines:
            self.target.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.target.write(self.pending)
            self.pending = ""
        self.target.flush()


def trim_lines(text: str) -> str:
    """*text* without the spaces at the ends of its lines (see TrimmedLines)."""
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


@contextmanager
def report_stream(stream: TextIO, fmt: str) -> Iterator[TextIO]:
    """The stream a report of format *fmt* is written to when it goes to *stream* (stdout).

    A UTF-8 stream as is; text through the degrading error handler; a machine format in the
    encoding and escapes of MACHINE_FORMATS, on the stream's bytes. Text that does not go to a
    terminal loses the spaces padding its lines."""
    if fmt == "text" and not stream.isatty():
        if not is_utf8(stream) and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=TEXT_ERRORS)
        trimmed = TrimmedLines(stream)
        try:
            yield trimmed  # type: ignore[misc]
        finally:
            trimmed.flush()
        return
    if is_utf8(stream):
        yield stream
        return
    buffer = getattr(stream, "buffer", None)
    if fmt not in MACHINE_FORMATS or buffer is None:
        if isinstance(stream, io.TextIOWrapper) and stream.errors != TEXT_ERRORS:
            stream.reconfigure(errors=TEXT_ERRORS)
        yield stream
        return
    encoding, errors = MACHINE_FORMATS[fmt]
    stream.flush()
    wrapper = io.TextIOWrapper(buffer, encoding=encoding, errors=errors, newline="\n")
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()
