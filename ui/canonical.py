"""The canonical text as it stands, with each decided spot marked, updated live.

The text is kept per section: streamed sections are appended at the end, a decision
re-places only its section's text (one ``QTextCursor`` edit), and the marks come from
:meth:`Review.section_marks`, looked up per painted block by bisecting the section starts
and painted by the same lazy :class:`~ui.text_panes.SpanHighlighter` the edition panes use —
accepted, rejected and edited differ by line style as well as colour. Nothing here costs
the whole document per decision.

Imports: Qt, the core, :mod:`ui.text_panes`, :mod:`ui.offsets`, :mod:`ui.palette`.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from PySide6.QtGui import QTextCharFormat

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


def shared_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters ``old`` and ``new`` share at the start and (apart from those) at
    the end: bisected over slice comparisons, which run in C."""
    limit = min(len(old), len(new))
    lo, hi = 0, limit
    while lo < hi:  # the longest shared prefix
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    head = lo
    lo, hi = 0, limit - head
    while lo < hi:  # the longest shared suffix not overlapping it
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid:] == new[len(new) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return head, lo


class CanonicalView(EditionPane):
    """The canonical text of a review."""

    def __init__(self, parent=None) -> None:
        super().__init__("", parent)
        self.setAccessibleName(self.tr("Canonical text"))
        self.highlighter.set_formats(verdict_formats(False))
        self._review: Review | None = None
        self._keys: list[str] = []
        self._texts: list[str] = []  # each section's canonical text, as the document holds it
        self._row: dict[str, int] = {}
        self._starts: list[int] | None = [0]  # prefix sums of the lengths (None: to recompute)
        self.highlighter.source = self

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Canonical text"))

    # -- the text as a whole (find and the tests read it; joined only when asked) --------------
    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = "".join(self._texts)
        return self._joined

    @text.setter
    def text(self, text: str) -> None:  # EditionPane.set_text; kept in step with _texts here
        self._joined = text

    def set_review(self, review: Review | None) -> None:
        """Show ``review``'s canonical text from scratch (opening; small reviews)."""
        self._review = review
        self._keys, self._texts, self._row, self._starts = [], [], {}, [0]
        self._joined = None
        self.offsets = Utf16Index("")
        self.setPlainText("")
        self.highlighter.rehighlight()
        if review is not None:
            self.append_sections([s.key for s in review.sections])

    def append_sections(self, keys: list[str]) -> None:
        """Sections streamed in after the ones shown: appended at the end (costs them only)."""
        review = self._review
        if review is None or not keys:
            return
        texts = [review.section_canonical(k) for k in keys]
        starts = self._section_starts()
        for key, text in zip(keys, texts, strict=True):
            self._row[key] = len(self._keys)
            self._keys.append(key)
            self._texts.append(text)
        starts.extend(list(accumulate(map(len, texts), initial=starts[-1]))[1:])
        self._joined = None
        self.append_quietly("".join(texts))

    def decisions_changed(self, changed: DecisionsChanged) -> None:
        review = self._review
        if review is None or not changed.sections:
            return
        bar = self.verticalScrollBar().value()
        for key in sorted((k for k in changed.sections if k in self._row), key=self._row.__getitem__,
                          reverse=True):  # end first, so the earlier offsets hold
            row = self._row[key]
            start, old = self._section_starts()[row], self._texts[row]
            new = review.section_canonical(key)
            self._texts[row] = new
            self._starts = None if len(new) != len(old) else self._starts
            head, tail = shared_ends(old, new)  # one decision: a word, not the section, is replaced
            self._replace(start + head, start + len(old) - tail, new[head:len(new) - tail])
        self.verticalScrollBar().setValue(bar)

    def _replace(self, start: int, end: int, text: str) -> None:
        cursor = self.cursor_for(start, end)
        cursor.insertText(text)
        self.offsets.replace(start, end, text)
        self._joined = None
        self.highlighter.invalidate(start, start + len(text))

    def _section_starts(self) -> list[int]:
        if self._starts is None:  # O(sections), after a decision changed a section's length
            self._starts = list(accumulate(map(len, self._texts), initial=0))
        return self._starts

    def section_start(self, key: str) -> int:
        return self._section_starts()[self._row[key]] if key in self._row else 0

    def mark_of(self, change_id: str) -> tuple[int, int] | None:
        review = self._review
        if review is None or change_id not in review.comparison.by_id:
            return None
        key = review.change(change_id).section
        if key not in self._row:
            return None
        start = self.section_start(key)
        for mark in review.section_marks(key):
            if mark.change_id == change_id:
                return start + mark.start, start + mark.end
        return None

    def between(self, start: int, end: int) -> list[PaintSpan]:
        """The highlighter's source: marks of the sections touching ``[start, end]``."""
        review = self._review
        if review is None:
            return []
        starts = self._section_starts()
        row = max(bisect_right(starts, start) - 1, 0)
        out = []
        while row < len(self._keys) and starts[row] <= end:
            offset = starts[row]
            for m in review.section_marks(self._keys[row]):
                if m.end + offset >= start and m.start + offset <= end:
                    out.append(PaintSpan(m.start + offset, m.end + offset, m.verdict.value))
            row += 1
        return out
