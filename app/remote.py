"""The comparison in a child process, streamed back to the caller as tagged bytes.

Why a process and not a thread: the comparison is pure Python. On a thread of the window's
process it holds the interpreter lock, and every Qt call of the window that releases the
lock then waits to get it back (measured: 0.1 ms per call instead of 0.002, so one repaint
took hundreds of milliseconds and the 100× pair froze the window for seconds). A child
process leaves the window's interpreter free; it only receives bytes.

Protocol — each message is one tag byte and a pickle:

* :data:`READING` — :class:`Reading`, any number, only while a scan is OCR'd (page by page);
* :data:`LOADED` — :class:`Loaded`, twice: the base edition, then the reference (one
  message each: unpickling 6.5 MB of text takes 20 ms);
* :data:`OUTLINE` — :class:`Outline`: the aligned :class:`~app.model.SectionPair` objects,
  before any is compared, at most :data:`OUTLINE_CHUNK` a message (the window builds its
  section tree once instead of row by row);
* :data:`SECTIONS` — a tuple of :class:`~app.engine.SectionResult`, in document order, at
  most :data:`BATCH_CHANGES` changes (unless one section has more) or
  :data:`BATCH_SECONDS` of work each, so whoever decodes one does a bounded amount of work;
* :data:`DONE` — :class:`Done`: the :class:`~app.engine.Ending` and, when a session was
  reopened, where its decisions landed (:class:`~app.session.Reattached`);
* :data:`FAILED` — a message for the editor (UTF-8), instead of anything further.

:meth:`ComparisonProcess.receive` returns the tag and the undecoded bytes, so the receiver
chooses where the decoding runs (the window does it on its GUI thread, a batch at a time,
leaving its receiving thread no Python work that could hold the lock). :func:`decode`
turns the bytes back into objects.

Entry point: :class:`ComparisonProcess`. Imports: the standard library, the core.
"""

from __future__ import annotations

import multiprocessing
import pickle
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import session as sessions
from app.engine import Ending, conclude, iter_compare
from app.formats import load_pair
from app.judge.evidence import Evidence
from app.loading import EditionError
from app.model import Comparison, Edition, Role, SectionPair
from app.sections import align_sections

LOADED, OUTLINE, SECTIONS, DONE, FAILED = b"L", b"O", b"S", b"D", b"F"
#: Reading progress while an edition is OCR'd: :class:`Reading` (a receiver may ignore it).
READING = b"R"
#: Sections per outline message (decoding 3,400 at once took the window 70 ms).
OUTLINE_CHUNK = 250
#: A batch is sent when it holds this many changes (the window takes ~6 ms to show one)…
BATCH_CHANGES = 200
#: … or when this much time has passed since the last one (seconds).
BATCH_SECONDS = 0.05


class RemoteFailed(Exception):
    """The child could not compare the editions; the message is for the editor."""


@dataclass(frozen=True, slots=True)
class Outline:
    """Sections in document order, before they are compared; ``last``: the outline is whole."""

    pairs: tuple[SectionPair, ...]
    last: bool


@dataclass(frozen=True, slots=True)
class Reading:
    """An edition is being read page by page (OCR): ``done`` of ``total`` pages."""

    done: int
    total: int
    message: str


@dataclass(frozen=True, slots=True)
class Loaded:
    """The first two messages: one edition is read."""

    role: Role
    edition: Edition


@dataclass(frozen=True, slots=True)
class Done:
    """The last message: what only the whole document tells, and a session's reattachment
    (only the decisions that moved to another change id: those saved under an id that
    still exists are the session's own and the receiver already has them)."""

    ending: Ending
    reattached: sessions.Reattached | None = None


def decode(data: bytes) -> Any:
    """The object a message's bytes carry (trusted: they come from our own child)."""
    return pickle.loads(data)


class ComparisonProcess:
    """One comparison running in a child process (``spawn``: no fork of a threaded GUI)."""

    def __init__(self, base_path: str | Path, reference_path: str | Path,
                 session: sessions.LoadedSession | None = None, ocr_language: str | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child_end = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, name="proofpair-compare", daemon=True,
                                        args=(child_end, str(base_path), str(reference_path), session,
                                              ocr_language))
        self._process.start()
        child_end.close()  # the child's end lives in the child only: EOF when it exits

    def receive(self, timeout: float) -> tuple[bytes, bytes] | None:
        """The next message as ``(tag, payload)``, or None if none came within ``timeout``
        seconds. Raises :class:`EOFError` once the child has closed its end."""
        if not self._connection.poll(timeout):
            return None
        data = self._connection.recv_bytes()
        return data[:1], data[1:]

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode

    def close(self) -> None:
        """Stop the child if it still runs (a cancel) and release its resources."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(5)
        self._connection.close()
        self._process.close()


def run(report: Any, cancelled: Any, base_path: str | Path, reference_path: str | Path,
        session: sessions.LoadedSession | None = None, ocr_language: str | None = None) -> bool:
    """Run a comparison process to its end, handing each message to ``report(tag, payload)``.
    A scan is OCR'd in ``ocr_language`` (default: the session's, else guessed), its pages
    taken from the session's OCR folder where it kept them.

    Polls ``cancelled()`` every 50 ms; returns False if cancelled (the child is stopped),
    True once :data:`DONE` was reported. Raises :class:`RemoteFailed` with the child's
    message, or with the exit code if the child died without one.
    """
    process = ComparisonProcess(base_path, reference_path, session, ocr_language)
    try:
        while not cancelled():
            try:
                message = process.receive(0.05)
            except EOFError:
                break
            if message is None:
                continue
            tag, payload = message
            if tag == FAILED:
                raise RemoteFailed(payload.decode("utf-8"))
            report(tag, payload)
            if tag == DONE:
                return True
        else:
            return False
    finally:
        process.close()
    raise RemoteFailed(f"The comparison stopped unexpectedly (exit code {process.exitcode}).")


# -- the child's side ------------------------------------------------------------------------------

def _child(connection: Any, base_path: str, reference_path: str,
           session: sessions.LoadedSession | None, ocr_language: str | None = None) -> None:
    def send(tag: bytes, obj: Any) -> None:
        connection.send_bytes(tag + pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    try:
        _compare(send, base_path, reference_path, session, ocr_language)
    except (EditionError, OSError, ValueError) as exc:
        _send_failure(connection, str(exc))
    except Exception as exc:  # a bug: say so plainly instead of dying silently
        traceback.print_exc()
        _send_failure(connection, f"Internal error: {type(exc).__name__}: {exc}")
    finally:
        connection.close()


def _send_failure(connection: Any, message: str) -> None:
    try:
        connection.send_bytes(FAILED + message.encode("utf-8"))
    except OSError:  # the window is gone (closed or killed): nobody to tell
        pass


def _compare(send: Any, base_path: str, reference_path: str, session: sessions.LoadedSession | None,
             ocr_language: str | None = None) -> None:
    language = ocr_language or (session.ocr_language if session is not None else None)
    base, reference = load_pair(base_path, reference_path, ocr_language=language,
                                progress=lambda done, total, message: send(READING, Reading(done, total, message)),
                                ocr_beside=session.ocr_folder if session is not None else None)
    send(LOADED, Loaded(Role.BASE, base))
    send(LOADED, Loaded(Role.REFERENCE, reference))
    pairs = align_sections(base, reference)
    for start in range(0, len(pairs), OUTLINE_CHUNK):
        send(OUTLINE, Outline(tuple(pairs[start:start + OUTLINE_CHUNK]), start + OUTLINE_CHUNK >= len(pairs)))
    sections, changes, batch = [], [], []
    common = words = batched = 0
    last = time.monotonic()
    evidence = Evidence.of(base, reference, session.channel_for(base, reference) if session is not None else None)
    for step in iter_compare(base, reference, pairs, evidence):
        sections.append(step.section)
        changes.extend(step.changes)
        common += step.common_words
        words += step.words
        batch.append(step)
        batched += len(step.changes)
        if step.index == 0 or batched >= BATCH_CHANGES or time.monotonic() - last >= BATCH_SECONDS:
            send(SECTIONS, tuple(batch))
            batch, batched, last = [], 0, time.monotonic()
    if batch:
        send(SECTIONS, tuple(batch))
    ending = conclude(sections, changes, common, words, evidence.words.channel)
    reattached = None
    if session is not None:
        comparison = Comparison(base, reference, tuple(sections), tuple(ending.apply(changes)),
                                ending.warnings, ending.similarity, channel=ending.channel)
        found = sessions.reattach(session, comparison)
        moved = {k: v for k, v in found.decisions.items() if k not in session.records}
        marked = {k: v for k, v in found.provenance.items() if k in moved or found.report.editions_changed}
        reattached = sessions.Reattached(moved, found.orphaned, found.report, marked)
    send(DONE, Done(ending, reattached))

