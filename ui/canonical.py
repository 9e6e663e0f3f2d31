"""The canonical text as it stands, with each decided spot marked, updated live.

The text is kept per section: a decision re-places only its section's text (one
``QTextCursor`` edit), and the marks come from :meth:`Review.canonical_with_marks`, painted
by the same :class:`~ui.text_panes.SpanHighlighter` the edition panes use — accepted,
rejected and edited differ by line style as well as colour.

Imports: Qt, the core, :mod:`ui.text_panes`, :mod:`ui.offsets`, :mod:`ui.palette`.
"""

from __future__ import annotations

from itertools import accumulate

from PySide6.QtGui import QTextCharFormat, QTextCursor

from app.model import Verdict
from app.review import DecisionsChanged, Review
from ui.offsets import Utf16Index
from ui.palette import decided_colors
from ui.text_panes import EditionPane, PaintSpan

_LINES = {
    Verdict.ACCEPTED: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Verdict.REJECTED: QTextCharFormat.UnderlineStyle.DotLine,
    Verdict.EDITED: QTextCharFormat.UnderlineStyle.DashUnderline,
}


def verdict_formats(dark: bool) -> dict[str, QTextCharFormat]:
    formats = {}
    for verdict, color in decided_colors(dark).items():
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        fmt.setUnderlineStyle(_LINES[verdict])
        fmt.setUnderlineColor(color.darker(160) if not dark else color.lighter(170))
        formats[verdict.value] = fmt
    return formats


class CanonicalView(EditionPane):
    """The canonical text of a review."""

    def __init__(self, parent=None) -> None:
        super().__init__("", parent)
        self.setAccessibleName(self.tr("Canonical text"))
        self.highlighter.set_formats(verdict_formats(False))
        self._review: Review | None = None
        self._keys: list[str] = []
        self._lengths: dict[str, int] = {}

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Canonical text"))

    def set_review(self, review: Review | None) -> None:
        self._review = review
        if review is None:
            self.set_text("")
            return
        self._keys = [s.key for s in review.sections]
        self._lengths = {k: len(review.section_canonical(k)) for k in self._keys}
        text, marks = review.canonical_with_marks()
        self.set_text(text)
        self.highlighter.set_spans(self._spans(marks), self.offsets)

    def decisions_changed(self, changed: DecisionsChanged) -> None:
        review = self._review
        if review is None or not changed.sections:
            return
        text, marks = review.canonical_with_marks()
        new_offsets = Utf16Index(text)
        # marks first (unpainted), so the blocks the edits touch are painted with new marks
        self.highlighter.set_spans(self._spans(marks), new_offsets, rehighlight=False)
        starts = dict(zip(self._keys, accumulate([0] + [self._lengths[k] for k in self._keys])))
        bar = self.verticalScrollBar().value()
        for key in sorted(changed.sections, key=self._keys.index, reverse=True):  # end first
            start, old_len = starts[key], self._lengths[key]
            cursor = self.cursor_for(start, start + old_len)
            section_text = review.section_canonical(key)
            cursor.insertText(section_text)
            self._lengths[key] = len(section_text)
        self.text, self.offsets = text, new_offsets
        self.verticalScrollBar().setValue(bar)

    def section_start(self, key: str) -> int:
        return sum(self._lengths[k] for k in self._keys[: self._keys.index(key)]) if key in self._lengths else 0

    def mark_of(self, change_id: str) -> tuple[int, int] | None:
        for span in self._marks:
            if span[2] == change_id:
                return span[0], span[1]
        return None

    def _spans(self, marks) -> list[PaintSpan]:
        self._marks = [(m.start, m.end, m.change_id) for m in marks]
        return [PaintSpan(m.start, m.end, m.verdict.value) for m in marks]
