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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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


__all__ = ["Compared", "Loaded", "SectionResult", "TaskRunner", "compare_job", "review_job"]
