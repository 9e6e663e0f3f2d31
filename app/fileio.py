"""Reading and writing files safely: bounded reads of regular files, atomic writes, and one
wording of every OS error.

Entry points:

* :func:`read_regular` — the bytes of a regular file, at most ``limit`` of them counted as
  they are read (``st_size`` is 0 for devices, and a FIFO never ends). Anything that is not
  a regular file (a FIFO, a device, a socket, a folder) is refused before it is read; a FIFO
  is opened non-blocking so the refusal cannot hang.
* :func:`atomic_write_text` / :func:`atomic_write_bytes` — every file ProofPair writes
  (canonical text, logs, summaries, sessions). The data goes to a temporary file beside the
  target (``.NAME.XXXXXXXX.tmp``), is flushed and fsynced, then moved over the target with
  :func:`os.replace`, atomic on one filesystem: the old file or the complete new one, never a
  mix. A target that is a symlink is written through: its final target is replaced
  atomically and the link stays. A target that exists and is not a regular file (a FIFO, a
  device such as ``/dev/null``, a socket) is refused, never replaced. Temporaries of the
  same target left by a killed save (``kill -9``) are removed by the next save or by
  :func:`clean_stale_temporaries`.
* :func:`describe_os_error` — the one-line message for an ``OSError`` on a path.

``OSError`` propagates from the writers (the caller turns it into a message with
:func:`describe_os_error`); the temporary file is removed on any failure.

Imports: the standard library only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: Reads are made in pieces of this size, so a limit holds within one piece.
_CHUNK = 1 << 20

_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "too many levels of symbolic links (a symlink loop?)",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOSPC: "no space left on the disk",
    errno.EROFS: "the disk is read-only",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EXDEV: "the temporary file and the target are on different disks",
}


class NotRegularFile(OSError):
    """A path that exists but is not a regular file (FIFO, device, socket, folder)."""

    def __init__(self, message: str, filename: str | Path | None = None) -> None:
        super().__init__(message)
        self.filename = None if filename is None else str(filename)

    def __str__(self) -> str:
        return f"{self.filename}: {self.args[0]}" if self.filename else str(self.args[0])


class TooLarge(NotRegularFile):
    """A file longer than the limit the caller set (counted as it was read)."""


def describe_os_error(exc: OSError, path: str | Path | None = None) -> str:
    """``"PATH: reason"`` in one line, for any ``OSError`` (the path the error names if
    ``path`` is not given)."""
    where = path if path is not None else (exc.filename or "")
    where = _short(str(where))
    if isinstance(exc, NotRegularFile):
        return f"{where}: {exc.args[0] if exc.args else exc}"
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc) or type(exc).__name__)
    return f"{where}: {reason}" if where else reason


def shown_path(path: str | Path) -> str:
    """A path as messages show it: one line, a very long one clipped in the middle."""
    return _short(str(path))


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, word in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return word
    return "not a regular file"


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; raises :class:`NotRegularFile`,
    :class:`TooLarge` or another ``OSError``."""
    path = Path(path)
    mode = os.stat(path).st_mode  # follows symlinks; ELOOP, ENAMETOOLONG, EACCES raise here
    if not stat.S_ISREG(mode):
        raise NotRegularFile(f"is {kind_of(mode)}, not a regular file", path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the stat and the open
            raise NotRegularFile(f"is {kind_of(os.fstat(fd).st_mode)}, not a regular file", path)
        pieces: list[bytes] = []
        total = 0
        while True:
            piece = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not piece:
                break
            pieces.append(piece)
            total += len(piece)
            if total > limit:
                raise TooLarge(f"is larger than {limit // 2**20} MB, the most ProofPair reads", path)
        return b"".join(pieces)
    finally:
        os.close(fd)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> None:
    """Write ``text`` to ``path`` atomically; ``\\n`` in ``text`` is written as ``newline``."""
    data = text.replace("\n", newline).encode(encoding) if newline != "\n" else text.encode(encoding)
    atomic_write_bytes(path, data)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module docstring)."""
    target = writable_target(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    clean_stale_temporaries(target)
    tmp, handle = _create_temp(folder, target.name)
    try:
        with handle:  # open (and locked) until the rename, where the platform allows it
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            _keep_mode(target, tmp)
            if fcntl is not None:
                os.replace(tmp, target)
        if fcntl is None:  # Windows cannot rename an open file
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def writable_target(path: Path) -> Path:
    """The path a write to ``path`` really replaces: the symlink's final target if ``path``
    is one; raises :class:`NotRegularFile` for an existing special file or folder."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(mode):
        raise NotRegularFile(f"is {kind_of(mode)}; ProofPair writes only regular files", path)
    return target


def temporary_pattern(name: str) -> re.Pattern[str]:
    """The names :func:`atomic_write_bytes` gives its temporaries for a target ``name``."""
    return re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{8}}\.tmp")


def clean_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the temporaries a killed save of ``path`` left beside it; returns them.

    A save holds an exclusive ``flock`` on its temporary while it writes, and the kernel
    drops it when the process dies, even by ``kill -9``: a temporary whose lock can be
    taken belongs to no running save. (Where ``flock`` is missing, a temporary older than a
    minute counts as stale.) Only regular files named like this target's temporaries.
    A save caught in the microseconds between creating its temporary and locking it could
    lose it to a clean-up in another process; its rename then fails and the save reports
    an error, the old file intact.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    pattern = temporary_pattern(path.name)
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(folder) if pattern.fullmatch(e.name)]
    except OSError:
        return removed
    for entry in entries:
        with contextlib.suppress(OSError):
            if _abandoned(entry.path):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _abandoned(name: str) -> bool:
    info = os.stat(name, follow_symlinks=False)
    if not stat.S_ISREG(info.st_mode):
        return False
    age = time.time() - info.st_mtime
    if fcntl is None:
        return age > 60
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing drops the lock if we took it
    return True


def _create_temp(folder: Path, name: str) -> tuple[Path, BinaryIO]:
    """A new, exclusively created temporary file beside the target.

    Not ``mkstemp``: its files are owner-only, while an export should get the permissions
    ``open()`` would give (the umask's), and reading the umask means briefly changing it,
    which is not thread-safe.
    """
    import secrets  # here: only a write needs it (with random, it costs a read-only command 2 ms)

    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            handle = open(tmp, "xb")  # noqa: SIM115  # closed by the caller's with
        except FileExistsError:
            continue
        if fcntl is not None:  # held until the handle closes: see clean_stale_temporaries
            with contextlib.suppress(OSError):
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return tmp, handle
    raise FileExistsError(errno.EEXIST, f"cannot create a temporary file for {name}", str(folder))


def _keep_mode(path: Path, tmp: Path) -> None:
    """Give the new file the old file's permissions when it replaces one."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (POSIX; not Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _short(text: str, limit: int = 120) -> str:
    """A path clipped in the middle if it is very long (a 300-character name stays one line)."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit // 2 - 1] + "…" + text[-(limit // 2):]
