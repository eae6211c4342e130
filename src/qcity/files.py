"""Writing outputs safely: checked before any work, written atomically, never over the input.

An output is written to a temporary file in its own folder, flushed to disk, then renamed over
the target, so a reader sees the old file or the new one, never a part. On Linux the temporary
file has no name at all while it is written (O_TMPFILE): a process killed at that moment, even
by SIGKILL, leaves nothing behind. It gets a name only for the instant between linking it into
the folder and renaming it, with SIGINT and SIGTERM held back; a named temporary file is
recognisable (`.NAME.PID-RANDOM.qcity-tmp`, hidden, with no workbook suffix) and the next write
to the same target removes it once its process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qcity.errors import InputError, Issue, Lang, Location, UsageError, printable
from qcity.faults import reached
from qcity.render.i18n import pair

if TYPE_CHECKING:
    from qcity.zipguard import Limits

TEMP_SUFFIX = ".qcity-tmp"


# --- before any work: is the output usable? ------------------------------------------------------


def refuse_overwrite(output: Path, inputs: Iterable[Path]) -> None:
    """Raise UsageError when *output* is one of *inputs* (same file, however spelled), or a
    workbook that a folder among *inputs* holds (a batch would check it)."""
    for source in inputs:
        if source.is_dir():
            if _in_batch(output, source):
                source = output
            else:
                continue
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


def _in_batch(output: Path, folder: Path) -> bool:
    """Whether checking *folder* as a batch would read *output* (an existing workbook in it)."""
    from qcity.batch import OTHER_SPREADSHEETS, WORKBOOK_SUFFIXES, passed_over

    suffix = output.suffix.lower()
    if not output.is_file() or suffix not in WORKBOOK_SUFFIXES | OTHER_SPREADSHEETS:
        return False
    if passed_over(output.name):
        return False
    try:
        return output.resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def check_output(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise UsageError unless *path* can be written: not one of *inputs* (a symlink to one
    included), not a folder, in a folder that exists and that this process may write to.

    Called before anything is read, so that a bad output path is exit 2 and nothing else."""
    refuse_overwrite(path, inputs)
    folder = _folder(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not folder.exists():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        if _is_stream(path):
            if not os.access(path, os.W_OK):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            return
        _probe(folder)
    except OSError as e:
        raise _not_writable(path, e) from e


def _probe(folder: Path) -> None:
    """Raise OSError unless a file can be created in *folder* (tried, where that leaves nothing)."""
    if _has_tmpfile():
        try:
            fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600)
        except OSError as e:
            if e.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise
        else:
            os.close(fd)
            return
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))


# --- writing ----------------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write *data* to *path* through a temporary file in the same folder, then rename it into place.

    A new file gets the mode the umask allows (0644 under the usual 022); a replaced file keeps
    its mode. An unusable path (no such folder, no permission, a folder of that name, a full
    disk) raises UsageError and leaves any existing file as it was.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = _folder(path)
    if _is_stream(path):
        _write_stream(path, payload)
        return
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        keep = _existing_mode(path)
        remove_stale_temps(path)
        fd, named = _open_temp(folder, path.name)
    except OSError as e:
        raise _not_writable(path, e) from e
    try:
        with os.fdopen(fd, "wb") as f:
            if keep is not None and hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), keep)
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
            reached("write")
            with held_signals():
                if named is None:
                    named = _temp_name(folder, path.name)
                    _link(f.fileno(), folder, named)
                try:
                    Path(named).replace(path)
                except BaseException:
                    with contextlib.suppress(OSError):
                        Path(named).unlink()
                    raise
    except BaseException as e:
        if named is not None:
            with contextlib.suppress(OSError):
                Path(named).unlink()
        if isinstance(e, OSError):
            raise _not_writable(path, e) from e
        raise


def _is_stream(path: Path) -> bool:
    """Whether *path* is a device, a FIFO or a socket (`-o /dev/stdout`): written in place,
    since renaming a file over it would replace the device itself."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_stream(path: Path, payload: bytes) -> None:
    try:
        with path.open("wb") as f:
            f.write(payload)
            f.flush()
    except OSError as e:
        raise _not_writable(path, e) from e


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files of writes to *path* whose process is gone (killed between
    naming its file and renaming it); the ones removed."""
    removed = []
    pattern = f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"
    for temp in _folder(path).glob(pattern):
        stem = temp.name[len(path.name) + 2 : -len(TEMP_SUFFIX)]
        pid_text = stem.split("-", 1)[0]
        if not pid_text.isdigit() or not _stale(temp, int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


def _link(fd: int, folder: Path, named: str) -> None:
    """Give the unnamed file *fd* the name *named* (in *folder*): linkat(2) with
    AT_SYMLINK_FOLLOW through /proc, as open(2) documents for O_TMPFILE. (os.link calls linkat
    with that flag only when a directory descriptor is given.)"""
    folder_fd = os.open(folder, os.O_RDONLY)
    try:
        os.link(
            f"/proc/self/fd/{fd}",
            Path(named).name,
            src_dir_fd=folder_fd,
            dst_dir_fd=folder_fd,
            follow_symlinks=True,
        )
    finally:
        os.close(folder_fd)


def _temp_name(folder: Path, name: str) -> str:
    return str(folder / f".{name}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _open_temp(folder: Path, name: str) -> tuple[int, str | None]:
    """An open temporary file in *folder*: unnamed where the system allows (name None)."""
    if _has_tmpfile():
        try:
            return os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o666), None
        except OSError as e:
            if e.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise
    while True:
        named = _temp_name(folder, name)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(named, flags, 0o666), named
        except FileExistsError:
            continue


def _has_tmpfile() -> bool:
    return hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir()


def _existing_mode(path: Path) -> int | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _stale(temp: Path, pid: int) -> bool:
    """Whether the temporary file *temp* of process *pid* is left over: its process is gone
    (POSIX), or, where that cannot be asked safely (Windows), it is a day old."""
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl-C there
        try:
            return time.time() - temp.stat().st_mtime > 86_400
        except OSError:
            return False
    return not _alive(pid)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


@contextlib.contextmanager
def held_signals() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP (delivered right after) for a few system calls, or
    while worker processes are started (they inherit the mask and set their own handlers)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path()


# Why reading or writing failed, in both languages (render/i18n/params.py, keys os-<errno>), the
# errno's name kept for searching: no English system text (strerror) inside a Chinese message.
_REASONS: dict[int, str] = {
    errno.ENOENT: "os-enoent",
    errno.ENOTDIR: "os-enotdir",
    errno.EISDIR: "os-eisdir",
    errno.EROFS: "os-erofs",
    errno.ENOSPC: "os-enospc",
    errno.EDQUOT: "os-edquot",
    errno.ENAMETOOLONG: "os-enametoolong",
    errno.EIO: "os-eio",
    errno.EBUSY: "os-ebusy",
    errno.ETXTBSY: "os-etxtbsy",
    errno.ELOOP: "os-eloop",
    errno.EMFILE: "os-emfile",
    errno.ENFILE: "os-enfile",
    errno.EEXIST: "os-eexist",
    errno.EINVAL: "os-einval",
    errno.ENXIO: "os-enxio",
    errno.EAGAIN: "os-eagain",
    errno.ENODEV: "os-enodev",
    errno.EXDEV: "os-exdev",
}


def os_reason(error: OSError, writing: bool = True) -> dict[Lang, str]:
    """Why *error* happened, in zh and en, with the errno's name: `文件夹不存在（ENOENT）`.
    An errno not in the table is `系统错误（ENAME）` in zh and the system's text in en."""
    number = error.errno or 0
    name = errno.errorcode.get(number, "")
    key = _REASONS.get(number)
    if number == errno.ENOENT and not writing:
        key = "os-enoent-reading"
    if number in (errno.EACCES, errno.EPERM):
        key = "os-eacces-writing" if writing else "os-eacces-reading"
    reason = pair(key) if key else pair("os-other", strerror=error.strerror or str(error))
    return pair("os-reason-named", reason=reason, name=name) if name else reason


def _not_writable(path: Path, error: OSError) -> UsageError:
    reason = os_reason(error, writing=True)
    return UsageError(
        Issue(
            "output-not-writable",
            Location(file=printable(str(path))),
            {"path": printable(str(path)), "reason": reason},
        )
    )


# --- reading an input that must not change while it is used -------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """What changes when a file is saved again: its size, modification time and inode."""

    size: int
    mtime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, info: os.stat_result) -> Fingerprint:
        return cls(info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


def fingerprint(path: Path) -> Fingerprint | None:
    """The fingerprint of *path* (None when it cannot be read: the read will say why)."""
    try:
        return Fingerprint.of(path.stat())
    except OSError:
        return None


def file_changed(shown: str) -> InputError:
    """The error for a workbook saved again while it was being read."""
    return InputError(Issue("file-changed", Location(file=shown), {"path": shown}))


def read_unchanged(path: Path, before: Fingerprint | None, shown: str, limits: Limits) -> bytes:
    """The bytes of *path*, read under the check's limits, which must still be the file *before*
    describes (else InputError)."""
    from qcity.zipguard import read_bytes

    data = read_bytes(path, shown, limits)
    if before is None:
        return data
    try:
        now = Fingerprint.of(path.stat())
    except OSError:
        raise file_changed(shown) from None  # gone or unreadable since it was checked
    if now != before or len(data) != before.size:
        raise file_changed(shown)
    return data
