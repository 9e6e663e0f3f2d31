"""Background work: one typed ``QThreadPool`` wrapper, and the jobs it runs.

:class:`TaskRunner` runs a *job* — a plain function ``job(report, cancelled) -> result`` — on
the global thread pool. The job may call ``report(payload)`` with plain data as it goes and
must look at ``cancelled()`` between steps; it never touches a widget or a model. Results
come back to the GUI thread through queued signals carrying the job's *generation*: starting
a new job (or cancelling) bumps the generation, and anything that arrives from an older one
is dropped, so a stale comparison can never overwrite a newer one.

:func:`compare_job` is ProofPair's long job: it runs the comparison in a child process
(:mod:`app.remote`) and passes its messages on undecoded; :class:`Pacer` hands them to the
window in slices that fit a frame.

Imports: Qt core, the core (:mod:`app`).
"""

from __future__ import annotations

import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app import remote
from app import session as sessions
from app.engine import SectionResult
from app.loading import EditionError
from app.model import Change, SectionPair

R = TypeVar("R")
Job = Callable[[Callable[[Any], None], Callable[[], bool]], R]


class _Signals(QObject):
    progressed = Signal(int, object)  # generation, payload
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, user-readable message


class _Runnable(QRunnable):
    def __init__(self, job: Job, generation: int, signals: _Signals,
                 cancelled: Callable[[], bool]) -> None:
        super().__init__()
        self._job, self._generation, self._signals, self._cancelled = job, generation, signals, cancelled

    def run(self) -> None:  # Qt override
        gen, signals = self._generation, self._signals
        try:
            result = self._job(lambda payload: signals.progressed.emit(gen, payload), self._cancelled)
        except (EditionError, remote.RemoteFailed, OSError, ValueError) as exc:
            signals.failed.emit(gen, str(exc))
        except Exception as exc:  # a bug: say so plainly instead of dying silently in a thread
            traceback.print_exc()
            signals.failed.emit(gen, f"Internal error: {type(exc).__name__}: {exc}")
        else:
            if not self._cancelled():
                signals.finished.emit(gen, result)


class TaskRunner(QObject, Generic[R]):
    """Runs one job at a time in the background; a new job supersedes the running one."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._running = False
        self._signals = _Signals(self)
        self._signals.progressed.connect(self._on_progressed)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, job: Job) -> int:
        """Run ``job``; returns its generation. Any earlier job is cancelled."""
        self._generation += 1
        generation = self._generation
        self._running = True
        QThreadPool.globalInstance().start(
            _Runnable(job, generation, self._signals, lambda: generation != self._generation))
        return generation

    def cancel(self) -> None:
        """Stop the running job; nothing more will be reported from it."""
        self._generation += 1
        self._running = False

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (for shutdown and tests)."""
        return QThreadPool.globalInstance().waitForDone(msecs)

    def _on_progressed(self, generation: int, payload: object) -> None:
        if generation == self._generation:
            self.progressed.emit(payload)

    def _on_finished(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self._running = False
            self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._running = False
            self.failed.emit(message)


@dataclass(frozen=True, slots=True)
class Packet:
    """One message of the comparing process, still undecoded (see :mod:`app.remote`)."""

    tag: bytes
    payload: bytes


def compare_job(base_path: str | Path, reference_path: str | Path,
                session: sessions.LoadedSession | None = None, ocr_language: str | None = None) -> Job[bool]:
    """A job running the comparison in a child process (:func:`app.remote.run`), reporting
    each of its messages as a :class:`Packet`. This thread only waits for bytes and passes
    them on: the GUI thread decodes them a batch at a time, so no Python runs here that
    could hold the interpreter lock while the window paints."""

    def job(report: Callable[[Any], None], cancelled: Callable[[], bool]) -> bool:
        return remote.run(lambda tag, payload: report(Packet(tag, payload)), cancelled,
                          base_path, reference_path, session, ocr_language)

    return job


class Pacer(QObject):
    """Runs queued pieces of GUI-thread work a few at a time, so that none freezes a frame.

    :meth:`add` queues zero-argument callables (decode and show one streamed batch; apply
    one slice of the ending); a zero-interval timer runs them in order while a turn stays
    within :attr:`budget` seconds, then yields to the event loop (painting, input) until
    the next turn. A piece may add more pieces, after the ones already queued or (with
    :meth:`add_next`) before them.
    """

    def __init__(self, parent: QObject | None = None, budget: float = 0.006) -> None:
        super().__init__(parent)
        self.budget = budget
        self._queue: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._turn)

    @property
    def busy(self) -> bool:
        return bool(self._queue)

    def add(self, pieces: Iterable[Callable[[], None]]) -> None:
        self._queue.extend(pieces)
        if self._queue:
            self._timer.start()

    def add_next(self, pieces: Sequence[Callable[[], None]]) -> None:
        """Queue ``pieces`` before everything queued so far (a piece split into steps)."""
        self._queue.extendleft(reversed(pieces))
        if self._queue:
            self._timer.start()

    def clear(self) -> None:
        self._queue.clear()
        self._timer.stop()

    def _turn(self) -> None:
        deadline = time.perf_counter() + self.budget
        while self._queue and time.perf_counter() < deadline:
            self._queue.popleft()()
        if not self._queue:
            self._timer.stop()


@dataclass(frozen=True, slots=True)
class Piece:
    """A slice of streamed sections for the window to show in one go: the sections that
    start in it, the changes in it (the first ones may continue the section before),
    the keys of the sections it completes, and how far along the comparison is."""

    sections: tuple[SectionPair, ...]
    changes: tuple[Change, ...]
    complete: tuple[str, ...]
    done: int
    total: int


def pieces(steps: Sequence[SectionResult], most: int) -> list[Piece]:
    """``steps`` cut into pieces of at most ``most`` changes (a long section spans several)."""
    out: list[Piece] = []
    sections: list[SectionPair] = []
    changes: list[Change] = []
    complete: list[str] = []

    def cut(step: SectionResult) -> None:
        out.append(Piece(tuple(sections), tuple(changes), tuple(complete), step.index + 1, step.total))
        sections.clear(); changes.clear(); complete.clear()

    for step in steps:
        sections.append(step.section)
        rest = step.changes
        while len(changes) + len(rest) > most:
            room = most - len(changes)
            changes.extend(rest[:room])
            rest = rest[room:]
            cut(step)
        changes.extend(rest)
        complete.append(step.section.key)
    if sections or changes or complete:
        cut(steps[-1])
    return out


class Coalescer(QObject):
    """Collects items and hands them to ``deliver`` together, at most every ``interval_ms``.

    For view updates that streamed pieces would otherwise repeat every frame (the section
    tree's counts: a section and all its ancestors are recounted for each piece that
    touches it); fed through this, a few times a second.
    """

    def __init__(self, deliver: Callable[[list[Any]], None], interval_ms: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._items: list[Any] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    def add(self, items: Iterable[Any]) -> None:
        self._items.extend(items)
        if self._items and not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Deliver what is held now (before anything that needs the view complete)."""
        self._timer.stop()
        items, self._items = self._items, []
        if items:
            self._deliver(items)

    def clear(self) -> None:
        self._timer.stop()
        self._items = []


__all__ = ["Coalescer", "Pacer", "Packet", "Piece", "TaskRunner", "compare_job", "pieces"]
