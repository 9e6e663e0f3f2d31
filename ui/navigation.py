"""The one owner of "current": which section and which change the editor is on.

:class:`Navigation` is to the review what a ``QItemSelectionModel`` is to its views: a small
object every view shares. It holds the current section and change, moves them (to a section,
to a change, a step through the whole document by pending, kind or content), and announces
each move: ``section_changed(key)`` first when the section changes, then
``current_changed(key, change_id)`` (``""`` when the section has no change to show). Views
subscribe and update themselves (their ``follow`` methods); the window only wires them, so
no one pushes the current change into six views in turn.

Steps follow :attr:`Navigation.order`: document order, or least confident first (the core's
:class:`~app.review_order.ConfidenceOrder`, built once per comparison and asked here, so
every view still hears of a move from this one object).

A move the review cannot make yet (a section still being compared) or a step that finds
nothing says so through ``message``; the window puts it in the status bar.

Imports: Qt core, the core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QObject, Signal

from app.model import Change, Kind, Verdict
from app.review import Review
from app.review_order import ConfidenceOrder, Order


class Navigation(QObject):
    """Current section and change of one review."""

    #: The current section is now ``key`` (emitted before ``current_changed``).
    section_changed = Signal(str)
    #: The current change is now ``change_id`` (``""``: none) in section ``key``.
    current_changed = Signal(str, str)
    #: A move could not be made, in words for the status bar.
    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.section: str | None = None
        self.change: str | None = None
        #: Which changes a step may stop at (the window hides layout changes by default).
        self.visible: Callable[[Change], bool] = lambda change: True
        #: The order next and previous step in (View › Review Order).
        self.order = Order.DOCUMENT
        self._by_confidence: ConfidenceOrder | None = None

    def reset(self, review: Review | None) -> None:
        """A new (or no) review: nothing is current until a section is chosen."""
        self.review, self.section, self.change = review, None, None
        self._by_confidence = None

    # -- moves ------------------------------------------------------------------------------
    def go_to_section(self, key: str, change_id: str | None = None) -> None:
        """Section ``key``, on ``change_id`` or its first pending visible change."""
        review = self.review
        if review is None:
            return
        if not review.has_section(key):  # in the outline, not compared yet
            self.message.emit(self.tr("Section %1 is still being compared.").replace("%1", key))
            if self.section is not None:
                self.section_changed.emit(self.section)  # the outline goes back to it
            return
        if change_id is None:
            changes = [c for c in review.section_changes(key) if self.visible(c)]
            pending = [c for c in changes if review.decision(c.id).verdict is Verdict.PENDING]
            change_id = (pending or changes)[0].id if (pending or changes) else None
        if key != self.section:
            self.section = key
            self.section_changed.emit(key)
        self.change = change_id
        self.current_changed.emit(key, change_id or "")

    def go_to_change(self, change_id: str) -> None:
        review = self.review
        if review is None or change_id not in review.comparison.by_id:
            return
        self.go_to_section(review.change(change_id).section, change_id)

    def step_change(self, step: int, pending_only: bool = False, kind: str | None = None) -> None:
        """The next (``step`` 1) or previous (-1) change in the whole document: any visible
        one, a pending one, one of ``kind`` ("content", …) or of the current change's ("same")."""
        review = self.review
        if review is None:
            return
        known = self.change in review.comparison.by_id
        wanted: Kind | None = None
        if kind == "same":
            if not known or not self.change:
                return
            wanted = review.change(self.change).kind
        elif kind is not None:
            wanted = Kind(kind)
        for change in self._walk(review, self.change if known else None, step):
            if (self.visible(change) if wanted is None else change.kind is wanted) \
                    and (not pending_only or review.decision(change.id).verdict is Verdict.PENDING):
                self.go_to_change(change.id)
                return
        if pending_only:
            self.message.emit(self.tr("No more pending changes in this direction."))
        elif wanted is not None:
            self.message.emit(self.tr("No more changes of this kind in this direction."))
        else:
            self.message.emit(self.tr("No more changes in this direction."))

    def _walk(self, review: Review, change_id: str | None, step: int) -> Iterator[Change]:
        """The changes after (or before) ``change_id`` in :attr:`order`."""
        if self.order is Order.LEAST_CONFIDENT:
            comparison = review.comparison
            if self._by_confidence is None or self._by_confidence.comparison is not comparison:
                self._by_confidence = ConfidenceOrder(comparison)  # the review grew or was concluded
            yield from map(review.change, self._by_confidence.walk(change_id, step))
            return
        changes = review.changes  # walk from the current change's position: no O(n) list
        here = review.position(change_id) if change_id else (-1 if step > 0 else len(changes))
        for i in range(here + step, len(changes) if step > 0 else -1, step):
            yield changes[i]

    def set_order(self, order: Order | str) -> None:
        """Step in ``order`` from now on (the current change stays)."""
        self.order = Order(order)

    def step_section(self, step: int, keys: Sequence[str]) -> None:
        """The section ``step`` places from the current one in ``keys`` (the outline's order)."""
        if self.section in keys:
            i = list(keys).index(self.section) + step
            if 0 <= i < len(keys):
                self.go_to_section(keys[i])

    def go_to_first_of(self, change_ids: Sequence[str]) -> None:
        """The first of ``change_ids`` in document order (an undo or redo shows what it touched)."""
        review = self.review
        if review is not None:
            known = [i for i in change_ids if i in review.comparison.by_id]
            if known:
                self.go_to_change(min(known, key=review.position))

    def refresh(self) -> None:
        """Announce the current change again (its decision or the theme changed)."""
        if self.section is not None:
            self.current_changed.emit(self.section, self.change or "")
