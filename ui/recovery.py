"""Crash-safe autosave: after a crash or a kill, the next start can restore the work.

The promise (from the issue): *nothing that was on screen for two seconds is lost*. So:

* every change calls :meth:`Autosaver.mark_dirty`, which restarts a single-shot idle timer
  (default 2000 ms); when the editor pauses that long, the state is written to the recovery
  file. A state that stayed on screen for the idle interval is therefore on disk.
* an editor who never pauses (holding a key, a long bulk run) would starve a pure idle
  timer, so a second single-shot deadline (default 10 s, started by the first unsaved change
  and not restarted) bounds how much unpaused work can be lost.
* the save callable must itself be atomic (temp file + fsync + rename, as
  ``app.session.save_session`` is), so a kill in the middle of a save leaves the previous
  complete file, never a half-written one.

After a normal save or close the owner calls :meth:`Autosaver.discard`; at start-up
:func:`find_recovery` says whether there is anything to offer. Each running ProofPair has a
recovery file of its own, held with a ``QLockFile`` (:func:`claim_recovery_path`): a second
copy never takes the first one's live autosave for a crash, nor writes over it; a lock whose
process died is stale, so the next start takes that slot over and offers its file. Saving happens on the GUI
thread, because the state being saved belongs to it.

Imports: PySide6 only. Entry points: :class:`Autosaver`, :func:`find_recovery`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

RECOVERY_NAME = "recovery.proofpair"
DEFAULT_IDLE_MS = 2000
DEFAULT_MAX_WAIT_MS = 10_000


def default_recovery_path() -> Path:
    """``recovery.proofpair`` in the per-user application data folder.

    That folder is named after ``QCoreApplication.organizationName()/applicationName()``,
    so the launcher sets both before the first call.
    """
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / RECOVERY_NAME


def claim_recovery_path(folder: Path | None = None) -> tuple[Path, QLockFile]:
    """This instance's recovery file and the lock that makes it its own.

    ``recovery.proofpair`` when no running ProofPair holds its lock, else
    ``recovery-2.proofpair`` and so on. A lock is stale only when its process is gone (never
    by age: a review can stay open for days), and a stale one is taken over.
    """
    folder = default_recovery_path().parent if folder is None else Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, 100):
        stem = "recovery" if n == 1 else f"recovery-{n}"
        lock = QLockFile(str(folder / f"{stem}.lock"))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            return folder / f"{stem}.proofpair", lock
    raise OSError(f"{folder}: 99 ProofPair windows hold a recovery file")


def find_recovery(path: str | Path | None = None) -> Path | None:
    """The recovery file left by a previous run, or None when there is nothing to restore."""
    candidate = Path(path) if path is not None else default_recovery_path()
    try:
        return candidate if candidate.is_file() and candidate.stat().st_size > 0 else None
    except OSError:
        return None


class Autosaver(QObject):
    """Writes the current state to a recovery file shortly after it stops changing.

    ``saved(path)`` follows each successful write; ``save_failed(message)`` an ``OSError``
    from the save callable (the state stays dirty and is tried again at the next change or
    flush). Other exceptions are bugs and propagate.
    """

    saved = Signal(Path)
    save_failed = Signal(str)

    def __init__(self, save: Callable[[Path], None], path: str | Path | None = None,
                 idle_ms: int = DEFAULT_IDLE_MS, max_wait_ms: int = DEFAULT_MAX_WAIT_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._path = Path(path) if path is not None else default_recovery_path()
        self._dirty = False
        self._idle = self._single_shot(idle_ms)
        self._deadline = self._single_shot(max(max_wait_ms, idle_ms))

    def _single_shot(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.flush)
        return timer

    @property
    def path(self) -> Path:
        return self._path

    @property
    def idle_ms(self) -> int:
        return self._idle.interval()

    @idle_ms.setter
    def idle_ms(self, interval_ms: int) -> None:
        self._idle.setInterval(interval_ms)

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        """Note that the state changed: save after ``idle_ms`` without further changes."""
        self._dirty = True
        self._idle.start()  # restarts a running single-shot timer
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> bool:
        """Save now if anything changed since the last save; returns whether it wrote."""
        self._idle.stop()
        self._deadline.stop()
        if not self._dirty:
            return False
        self._dirty = False
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._save(self._path)
        except OSError as error:
            self._dirty = True
            self.save_failed.emit(f"{self._path}: {error.strerror or error}")
            return False
        self.saved.emit(self._path)
        return True

    def discard(self) -> None:
        """Forget unsaved autosave state and delete the recovery file (after a real save)."""
        self._idle.stop()
        self._deadline.stop()
        self._dirty = False
        self._path.unlink(missing_ok=True)
