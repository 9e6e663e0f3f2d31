"""The review's changes as the edition panes and the overview strip show them, kept in step.

:class:`ChangeMarks` turns each change of a :class:`~app.review.Review` into a paint span on
either pane and a tick on the overview strip, addressed by the change's position in the
review (document order), so every update costs what it touches:

* :meth:`reset` — a whole review (opening; the first streamed batch);
* :meth:`extend` — the changes of the sections that just streamed in;
* :meth:`restyle` — changes whose decision moved (pending ↔ decided).

Imports: Qt (through :mod:`ui.text_panes`), the core.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.model import Change, Kind, Verdict
from app.review import Review
from ui.overview import Tick
from ui.highlighting import PaintSpan, SpanList, decided_style
from ui.text_panes import ComparePanes, OffsetMap


class ChangeMarks:
    """Paint spans and overview ticks for one review's changes."""

    def __init__(self, panes: ComparePanes) -> None:
        self.panes = panes
        self.review: Review | None = None

    def reset(self, review: Review | None) -> None:
        self.review = review
        for pane in self.panes.panes():
            pane.highlighter.set_spans(SpanList())
        self.panes.overview.clear()
        self.panes.map = OffsetMap()
        if review is not None:
            self.extend(review.changes)

    def extend(self, changes: Sequence[Change]) -> None:
        """Changes appended to the review (after :meth:`Review.extend`)."""
        review = self.review
        if review is None or not changes:
            return
        length = max(len(self.panes.base.text), 1)
        base, reference, ticks = [], [], []
        for change in changes:
            verdict = review.decision(change.id).verdict
            pending, style = verdict is Verdict.PENDING, decided_style(change.kind, verdict)
            base.append(PaintSpan(change.base.start, change.base.end, style))
            reference.append(PaintSpan(change.reference.start, change.reference.end, style))
            ticks.append(Tick(change.base.start / length, change.kind, pending, change.id,
                              change.kind is Kind.CONTENT or change.touches_number))
        for pane, spans in ((self.panes.base, base), (self.panes.reference, reference)):
            pane.highlighter.spans.extend(spans)
            pane.highlighter.invalidate(spans[0].start, spans[-1].end)
        self.panes.overview.add_ticks(ticks)
        self.panes.map.extend(changes)

    def restyle(self, ids: Iterable[str]) -> None:
        """The decisions of ``ids`` moved: repaint their spans and ticks (nothing else)."""
        review = self.review
        if review is None:
            return
        for change_id in ids:
            change, i = review.change(change_id), review.position(change_id)
            verdict = review.decision(change_id).verdict
            pending, style = verdict is Verdict.PENDING, decided_style(change.kind, verdict)
            for pane, span in ((self.panes.base, change.base), (self.panes.reference, change.reference)):
                if i < len(pane.highlighter.spans):
                    pane.highlighter.spans.restyle(i, style)
                    pane.highlighter.invalidate(span.start, span.end)
            self.panes.overview.set_pending(i, pending)
