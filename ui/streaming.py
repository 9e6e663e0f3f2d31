"""Showing a comparison while it streams in from the comparing process.

:class:`Streaming` runs one comparison for the window: it starts the child process
(:mod:`app.remote`, through :class:`~ui.worker.TaskRunner`), decodes each packet on the GUI
thread, and hands the window's views what arrived in pieces of at most
:data:`PIECE_CHANGES` changes between repaints (:class:`~ui.worker.Pacer`). Once both
editions are read an empty review is shown and grows, so the first section can be reviewed
while the rest is still being compared; the ending is applied in slices, and the review
is complete when the last one lands (``MainWindow.review_completed``).

Imports: Qt, the core, :mod:`ui.worker` (never :mod:`ui.main_window`: the window is a :class:`Host`).
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from app import remote
from app.model import Comparison, Decision, Edition, Provenance, Role
from app.review import DecisionsChanged, Review
from ui.worker import Coalescer, Pacer, Packet, Piece, TaskRunner, compare_job, pieces


class Host(Protocol):
    """What streaming needs of the window it fills (the main window is one; naming it here
    would make the two modules import each other)."""

    review: Review | None
    comparison: Comparison | None
    quiet: bool
    current_section: Any
    navigator_model: Any
    navigator: Any
    panes: Any
    marks: Any
    canonical: Any
    change_list: Any
    appearance: Any
    progress: Any
    cancel_button: Any

    def open_editions(self, base: Any, reference: Any, decisions: Any = None, loaded: Any = None,
                      provenance: Any = None, ocr_language: str | None = None) -> None: ...
    def go_to_section(self, key: str, change_id: str | None = None) -> None: ...
    def _set_review(self, review: Review) -> None: ...
    def _refresh_views(self, changed: DecisionsChanged) -> None: ...
    def _update_status(self, *_current: Any) -> None: ...
    def _comparison_complete(self, reattached: Any) -> None: ...
    def _comparison_failed(self, message: str) -> None: ...

#: How many reinforced confidences one slice of the ending applies (~10 µs each).
CONCLUDE_SLICE = 500
#: How many streamed changes one piece shows (~30 µs each: review, marks, ticks, canonical).
PIECE_CHANGES = 120
#: How many rows of the section tree one piece builds (~0.1 ms each).
OUTLINE_SECTIONS = 60


class Streaming:
    """One window's comparison in progress: the child process, the queue of pieces to show,
    and what arrived so far (the editions, the decisions to apply as sections come)."""

    def __init__(self, window: Host) -> None:
        self.window = window
        self.runner = TaskRunner(window)
        self.runner.progressed.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.pacer = Pacer(window)  # streamed sections reach the views in frame-sized slices
        # counts of the sections that received changes or were completed, a few times a second
        self.count_feed = Coalescer(lambda keys: window.navigator_model.recount(set(keys)), 300, window)
        self.decisions: dict[str, Decision] = {}  # made or reopened before their section arrived
        self.provenance: dict[str, Provenance | None] = {}  # how each of those was made
        self.session = None  # the reopened session, if any
        self._editions: dict[Role, Edition] = {}
        self._sources: tuple[str | Path, str | Path] | None = None
        self.ocr_language: str | None = None  # the editor's choice for a scan (None: the session's, or guessed)

    @property
    def busy(self) -> bool:
        """A comparison is running, or what it sent is still being shown."""
        return self.runner.running or self.pacer.busy

    def start(self, base: str | Path, reference: str | Path, decisions: Mapping[str, Decision] | None, loaded,
              provenance: Mapping[str, Provenance | None] | None = None, ocr_language: str | None = None) -> None:
        """Compare ``base`` and ``reference`` (the window has cleared its views); ``decisions``
        were made as ``provenance`` says (default: as the session ``loaded`` recorded); a scan
        is OCR'd in ``ocr_language`` (default: the session's, else guessed from the other edition)."""
        self.count_feed.clear()
        self.pacer.clear()
        self.decisions, self.session, self._editions = dict(decisions or {}), loaded, {}
        if provenance is None:
            provenance = loaded.provenance if loaded is not None else {}
        self.provenance = dict(provenance)
        self._sources, self.ocr_language = (base, reference), ocr_language
        self.show_progress(True)
        self.window.progress.setRange(0, 0)
        # a full pass of the collector over a growing review would freeze the window for
        # hundreds of milliseconds, again and again: paused until the comparison is over
        gc.disable()
        self.runner.start(compare_job(base, reference, loaded, ocr_language))

    def again(self) -> None:
        """Restart an unfinished comparison, keeping every decision made so far."""
        w = self.window
        if w.review is None or w.comparison is not None or self.runner.running or self._sources is None:
            return
        quiet, w.quiet = w.quiet, True  # no "unsaved decisions?" box: nothing is dropped
        try:
            w.open_editions(*self._sources, self.decisions, self.session, self.provenance, self.ocr_language)
        finally:
            w.quiet = quiet

    def remember(self, changed: DecisionsChanged) -> None:
        """A decision made while the comparison is partial: kept for :meth:`again`."""
        self.decisions.update(changed.after)
        self.provenance.update(changed.provenance_after)

    def cancel(self) -> None:
        self.runner.cancel()
        self._end()

    def show_progress(self, shown: bool) -> None:
        self.window.progress.setVisible(shown)
        self.window.cancel_button.setVisible(shown)

    # -- what arrives ------------------------------------------------------------------------
    def _on_progress(self, packet: Packet) -> None:
        self.pacer.add([lambda: self._take_packet(packet)])

    def _take_packet(self, packet: Packet) -> None:
        message = remote.decode(packet.payload)  # here, a batch at a time: see ui.worker
        if packet.tag == remote.READING:  # a scan being OCR'd, page by page
            self._set_progress(message.done, message.total)
            self.window.statusBar().showMessage(message.message)
        elif packet.tag == remote.LOADED:  # shown in a turn of its own: a pane's first text relays the window
            self.pacer.add_next([lambda: self._take_edition(message)])
        elif packet.tag == remote.OUTLINE:  # the section tree, built in pieces, shown at once
            model, pairs = self.window.navigator_model, message.pairs
            chunks = [pairs[i:i + OUTLINE_SECTIONS] for i in range(0, len(pairs), OUTLINE_SECTIONS)]
            self.pacer.add_next([lambda chunk=chunk: model.stage(chunk) for chunk in chunks])
        elif packet.tag == remote.SECTIONS:  # shown in pieces of at most PIECE_CHANGES changes
            self.pacer.add_next([lambda piece=piece: self._take_piece(piece)
                                 for piece in pieces(message, PIECE_CHANGES)])
        elif packet.tag == remote.DONE and self.window.review is not None:
            ending = message.ending
            review = self.window.review
            bounds = range(0, max(len(ending.positions), 1), CONCLUDE_SLICE)  # the last one completes it
            self.pacer.add([lambda a=a: review.conclude(ending, a, a + CONCLUDE_SLICE) for a in bounds])
            self.pacer.add([lambda: self._complete(message)])

    def _take_edition(self, loaded: remote.Loaded) -> None:
        """An edition is read: into its pane; with both, an empty review grows from here."""
        w, editions = self.window, self._editions
        editions[loaded.role] = loaded.edition
        pane = w.panes.base if loaded.role is Role.BASE else w.panes.reference
        pane.set_text(loaded.edition.text)
        if len(editions) == 2:
            w._set_review(Review(Comparison(editions[Role.BASE], editions[Role.REFERENCE], (), ()), self.decisions,
                                 self.provenance))
            w.appearance.set_pane_titles()

    def _take_piece(self, piece: Piece) -> None:
        """Grow the review by one piece; every view appends what arrived (never the whole)."""
        w = self.window
        review = w.review
        assert review is not None
        self._set_progress(piece.done, piece.total)
        review.extend(piece.sections, piece.changes, self.decisions, self.provenance)  # _apply keeps those
        w.marks.extend(piece.changes)
        w.canonical.sections_complete(piece.complete)
        self.count_feed.add({c.section for c in piece.changes} | {s.key for s in piece.sections})  # "…" goes
        if w.current_section is None:  # the first piece: show its first section now, then the tree
            w.go_to_section(review.sections[0].key)  # (two frames: together they were 50 ms at 100×)
            self.pacer.add_next([self._show_outline])
        elif piece.changes and piece.changes[0].section == w.current_section:
            w.change_list.model.set_section(review, w.current_section)  # it had only its first changes
        w._update_status()

    def _show_outline(self) -> None:
        """The staged section tree joins the model (once); in the next turn every level
        opens and the current section is selected (one turn was 40 ms at 100×)."""
        w = self.window
        if w.navigator_model.staged:
            w.navigator_model.attach(reset=True)
            self.pacer.add_next([self._open_outline])

    def _open_outline(self) -> None:
        w = self.window
        w.navigator.expandAll()
        if w.current_section is not None:
            w.navigator.select_key(w.current_section)

    def _on_finished(self, done: bool) -> None:
        if not done:
            self._end()

    def _complete(self, done: remote.Done) -> None:
        """Every section is shown and the ending applied: the review is complete."""
        self._end()
        review, reattached = self.window.review, done.reattached
        assert review is not None
        if reattached is not None:  # saved decisions that moved to another change id, or whose edition changed
            moved = {k: v for k, v in reattached.decisions.items() if k not in self.decisions}
            marked = {k: review.decision(k) for k in reattached.provenance if k not in moved}
            self.window._refresh_views(review.decide({**marked, **moved}, reattached.provenance))
            review.orphaned = reattached.orphaned  # type: ignore[attr-defined]  # kept by the next save
        self.window._comparison_complete(reattached)

    def _end(self) -> None:
        """The comparison is over (done, failed or cancelled): what it built stays, and the
        collector, paused meanwhile, leaves it out of its full passes from now on."""
        self.show_progress(False)
        self._show_outline()
        self.count_feed.flush()
        gc.freeze()
        gc.enable()

    def _on_failed(self, message: str) -> None:
        self._end()
        self.window._comparison_failed(message)

    def _set_progress(self, value: int, total: int) -> None:
        """Move the progress bar without its synchronous repaint (``setValue`` repaints at
        once, and with it every other widget waiting to: a 50 ms stall per percent)."""
        progress = self.window.progress
        progress.setUpdatesEnabled(False)
        progress.setRange(0, total)
        progress.setValue(value)
        progress.setUpdatesEnabled(True)  # schedules an ordinary update
