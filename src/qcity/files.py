"""Writing outputs safely: atomically, and never over the input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from qcity.errors import Issue, Location, UsageError, printable


def refuse_overwrite(output: Path, inputs: Iterable[Path]) -> None:
    """Raise UsageError when *output* is one of *inputs* (same file, however spelled)."""
    for source in inputs:
        try:
            same = output.exists() and source.exists() and output.samefile(source)
        except OSError:
            same = False
        if same or output.resolve() == source.resolve():
            raise UsageError(
                Issue(
                    "output-is-input",
                    Location(file=printable(str(output))),
                    {"path": printable(str(output))},
                )
            )


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write *data* to *path* through a temporary file in the same folder, then rename it into place.

    An unusable path (no such folder, no permission, a folder of that name) raises UsageError.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path()
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "is a folder")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise _not_writable(path, e) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        Path(tmp).replace(path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        if isinstance(e, OSError):
            raise _not_writable(path, e) from e
        raise


def _not_writable(path: Path, error: OSError) -> UsageError:
    return UsageError(
        Issue(
            "output-not-writable",
            Location(file=printable(str(path))),
            {"path": str(path), "reason": error.strerror or str(error)},
        )
    )
