"""Background work: one typed ``QThreadPool`` wrapper, and the jobs it runs.

:class:`TaskRunner` runs a *job* — a plain function ``job(report, cancelled) -> result`` — on
the global thread pool. The job may call ``report(payload)`` with plain data as it goes and
must look at ``cancelled()`` between steps; it never touches a widget or a model. Results
come back to the GUI thread through queued signals carrying the job's *generation*: starting
a new job (or cancelling) bumps the generation, and anything that arrives from an older one
is dropped, so a stale comparison can never overwrite a newer one.

:func:`compare_job` is ProofPair's long job: load both editions, stream
:class:`~app.engine.SectionResult` batches as they come (about every 40 ms, so the window
stays fluid and the first section is reviewable at once), then :func:`~app.engine.finish`.

Imports: Qt core, the core (:mod:`app`).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app import session as sessions
from app.engine import SectionResult, finish, iter_compare
from app.loading import EditionError, load_edition
from app.model import Comparison, Edition
from app.review import Review

R = TypeVar("R")
Job = Callable[[Callable[[Any], None], Callable[[], bool]], R]

#: How often a streaming job hands a batch to the GUI thread (seconds): each batch costs the
#: window a slice of work, so fewer, larger ones keep it fluid on a 3,400-section report.
BATCH_SECONDS = 0.1


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
        except (EditionError, OSError, ValueError) as exc:
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
class Loaded:
    """The first report of :func:`compare_job`: both editions are read."""

    base: Edition
    reference: Edition


def compare_job(base_path: str | Path, reference_path: str | Path) -> Job[Comparison | None]:
    """A job loading two editions and comparing them section by section."""

    def job(report: Callable[[Any], None], cancelled: Callable[[], bool]) -> Comparison | None:
        base, reference = load_edition(base_path), load_edition(reference_path)
        report(Loaded(base, reference))
        sections, changes, batch = [], [], []
        common = words = 0
        last = time.monotonic()
        for step in iter_compare(base, reference):
            if cancelled():
                return None
            sections.append(step.section)
            changes.extend(step.changes)
            common += step.common_words
            words += step.words
            batch.append(step)
            if time.monotonic() - last >= BATCH_SECONDS or step.index == 0:
                report(tuple(batch))
                batch, last = [], time.monotonic()
        if batch:
            report(tuple(batch))
        return finish(base, reference, sections, changes, common, words)

    return job


class Pacer(QObject):
    """Hands streamed steps to the window in slices that fit a frame.

    :meth:`add` queues items (section results); a zero-interval timer emits ``ready(list)``
    with up to :attr:`chunk` items at a time, again and again while the slot's work stays
    within :attr:`budget` seconds, then yields to the event loop (painting, input) until the
    next turn. :meth:`then` runs a callback once everything queued has been handed over —
    at once if little is left (so a small comparison completes with its ``finished``).
    """

    ready = Signal(list)

    def __init__(self, parent: QObject | None = None, budget: float = 0.012, chunk: int = 4,
                 flush_below: int = 64) -> None:
        super().__init__(parent)
        self.budget, self.chunk, self.flush_below = budget, chunk, flush_below
        self._queue: list[Any] = []
        self._then: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._turn)

    @property
    def busy(self) -> bool:
        return bool(self._queue) or self._then is not None

    def add(self, items: Sequence[Any]) -> None:
        self._queue.extend(items)
        self._timer.start()

    def clear(self) -> None:
        self._queue.clear()
        self._then = None
        self._timer.stop()

    def then(self, callback: Callable[[], None]) -> None:
        if len(self._queue) <= self.flush_below:
            while self._queue:
                self._emit()
            callback()
        else:
            self._then = callback

    def _emit(self) -> None:
        items, self._queue[:self.chunk] = self._queue[:self.chunk], []
        self.ready.emit(items)

    def _turn(self) -> None:
        deadline = time.perf_counter() + self.budget
        while self._queue and time.perf_counter() < deadline:
            self._emit()
        if not self._queue:
            self._timer.stop()
            callback, self._then = self._then, None
            if callback is not None:
                callback()


@dataclass(frozen=True, slots=True)
class Compared:
    """The result of :func:`review_job`: the comparison and a review over it (no decisions
    from the window yet; the session's saved ones when reopening, with the attach report)."""

    comparison: Comparison
    review: Review
    report: sessions.ReattachReport | None = None


def review_job(base_path: str | Path, reference_path: str | Path,
               session: sessions.LoadedSession | None = None) -> Job[Compared | None]:
    """:func:`compare_job`, then the review built here too: indexing 332,500 changes takes
    0.15 s, which the window would otherwise spend frozen when the comparison ends."""
    compare = compare_job(base_path, reference_path)

    def job(report: Callable[[Any], None], cancelled: Callable[[], bool]) -> Compared | None:
        comparison = compare(report, cancelled)
        if comparison is None or cancelled():
            return None
        if session is not None:
            return Compared(comparison, *sessions.attach(session, comparison))
        return Compared(comparison, Review(comparison))

    return job


__all__ = ["Compared", "Loaded", "Pacer", "SectionResult", "TaskRunner", "compare_job", "review_job"]
