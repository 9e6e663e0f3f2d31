"""Writing files so that a crash or a full disk never leaves a half-written one behind.

Entry point: :func:`atomic_write_text`. Every file ProofPair writes (canonical text, logs,
summaries, sessions) goes through it: the text is written to a temporary file in the same
folder, flushed and fsynced, then moved over the target with :func:`os.replace`, which is
atomic on one filesystem. Either the old file or the complete new one is there, never a
mix. ``OSError`` propagates (the caller turns it into a message for the user); the
temporary file is removed on any failure.

Imports: the standard library only.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import BinaryIO


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> None:
    """Write ``text`` to ``path`` atomically; ``\\n`` in ``text`` is written as ``newline``."""
    path = Path(path)
    data = text.replace("\n", newline).encode(encoding) if newline != "\n" else text.encode(encoding)
    atomic_write_bytes(path, data)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module docstring)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp, handle = _create_temp(folder, path.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)


def _create_temp(folder: Path, name: str) -> tuple[Path, BinaryIO]:
    """A new, exclusively created temporary file beside the target.

    Not ``mkstemp``: its files are owner-only, while an export should get the permissions
    ``open()`` would give (the umask's), and reading the umask means briefly changing it,
    which is not thread-safe.
    """
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return tmp, open(tmp, "xb")  # noqa: SIM115  # closed by the caller's with
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: cannot create a temporary file for {name}")


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
