"""The canonical text of the current section as it stands, each decided spot marked, live.

The view holds one section (the one being reviewed), not the document: Qt's plain-text
layout re-measures every block of a document when its widest line gets narrower, and a
decision in the canonical text of the 100× pair (106,000 blocks) could take 30 ms for it.
A decision re-places only the characters that differ (one ``QTextCursor`` edit); the marks
come from :meth:`Review.section_marks` and are painted by the same lazy
:class:`~ui.text_panes.SpanHighlighter` the edition panes use — accepted, rejected and
edited differ by line style as well as colour. Find searches the whole canonical text
(:meth:`CanonicalView.whole_text`) and shows a hit by switching to its section.

Imports: Qt, the core, :mod:`ui.text_panes`, :mod:`ui.offsets`, :mod:`ui.palette`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCharFormat

from app.model import Verdict
from app.review import DecisionsChanged, Review
from ui.palette import decided_colors
from ui.highlighting import PaintSpan
from ui.safe_text import visible_controls
from ui.text_panes import EditionPane, current_format

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
    """The canonical text of one section of a review; ``section_shown`` says when the
    section changes (a move, or Find showing a hit elsewhere), for the view's title."""

    section_shown = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__("", parent)
        self.setAccessibleName(self.tr("Canonical text"))
        self.highlighter.set_formats(verdict_formats(False))
        self._review: Review | None = None
        self.key: str | None = None  # the section shown
        self._find: list[tuple[int, int]] = []  # find hits, in offsets into the whole text
        self._find_format = QTextCharFormat()
        self.highlighter.source = self
        self.dark = False

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Canonical text"))

    def set_review(self, review: Review | None) -> None:
        """Show nothing of ``review`` until a section is chosen (opening)."""
        self._review, self.key, self._find = review, None, []
        self.set_text("")
        self.set_layer("find", [], self._find_format)
        self.section_shown.emit()

    def show_section(self, key: str) -> None:
        """Show section ``key``'s canonical text (with the find hits that fall in it)."""
        review = self._review
        if review is None or key == self.key or not review.has_section(key):
            return
        self.key = key
        self.set_layer("current", [], QTextCharFormat())
        self.set_text(review.section_canonical(key))
        self._apply_find()
        self.section_shown.emit()

    def follow(self, navigation) -> None:
        """Show the current section (a :class:`ui.navigation.Navigation`'s), its current change marked."""
        navigation.section_changed.connect(self.show_section)
        navigation.current_changed.connect(lambda _key, change: self.show_current(change))

    def show_current(self, change_id: str) -> None:
        """Mark where ``change_id`` landed, if it is decided, and bring it into view."""
        mark = self.mark_of(change_id) if change_id else None
        if mark is None:
            self.set_layer("current", [], QTextCharFormat())
            return
        self.set_layer("current", [mark], current_format(self.dark))
        self.setTextCursor(self.cursor_for(mark[0], mark[0]))
        self.ensureCursorVisible()

    def sections_complete(self, keys: Sequence[str]) -> None:
        """Streamed sections are complete: the one shown may have gained decided changes.
        Their canonical texts are built now, a piece at a time, so that neither Find nor a
        move to another section builds the whole text at once (a second at 100×)."""
        if self._review is not None:
            for key in keys:
                self._review.section_canonical(key)
        if self.key in keys:
            self._follow()

    def decisions_changed(self, changed: DecisionsChanged) -> None:
        if self.key in changed.sections:
            self._follow()

    def _follow(self) -> None:
        """Bring the shown text up to the review's: one edit where they differ."""
        assert self._review is not None and self.key is not None
        old, new = self.text, self._review.section_canonical(self.key)
        if self._fed < len(old):  # a long section still being fed: start it again
            self.set_text(new)
            return
        bar = self.verticalScrollBar().value()
        head, tail = shared_ends(old, new)  # one decision: a word, not the section, is replaced
        start, end = head, len(old) - tail
        cursor = self.cursor_for(start, end)
        cursor.insertText(visible_controls(new[head:len(new) - tail]))
        self.offsets.replace(start, end, new[head:len(new) - tail])
        self.text = new
        self._fed = len(new)
        self.highlighter.invalidate(start, start + len(new) - head - tail)
        self.verticalScrollBar().setValue(bar)

    def mark_of(self, change_id: str) -> tuple[int, int] | None:
        """Where ``change_id`` landed in the text shown (None when it is not decided or not here)."""
        review = self._review
        if review is None or self.key is None or change_id not in review.comparison.by_id:
            return None
        for mark in review.section_marks(self.key):
            if mark.change_id == change_id:
                return mark.start, mark.end
        return None

    def between(self, start: int, end: int) -> list[PaintSpan]:
        """The highlighter's source: the shown section's marks touching ``[start, end]``."""
        if self._review is None or self.key is None:
            return []
        return [PaintSpan(m.start, m.end, m.verdict.value) for m in self._review.section_marks(self.key)
                if m.end >= start and m.start <= end]

    # -- find over the whole text -----------------------------------------------------------
    def whole_text(self) -> str:
        """The canonical text of every section compared so far, as Find searches it."""
        return self._review.canonical_text() if self._review is not None else ""

    def set_find(self, ranges: Sequence[tuple[int, int]], fmt: QTextCharFormat) -> None:
        """Hits in the whole text; those in the shown section are highlighted."""
        self._find, self._find_format = list(ranges), fmt
        self._apply_find()

    def reveal(self, start: int, end: int) -> tuple[int, int]:
        """Show the section holding whole-text offset ``start``; ``[start, end)`` in it."""
        keys, starts = self._starts()
        row = max(bisect_right(starts, start) - 1, 0)
        if keys:
            self.show_section(keys[row])
        offset = starts[row] if keys else 0
        return start - offset, end - offset

    def _apply_find(self) -> None:
        ranges: list[tuple[int, int]] = []
        if self._find and self.key is not None:  # the section's place in the whole text: O(sections)
            keys, starts = self._starts()
            row = keys.index(self.key)
            first, last = starts[row], starts[row + 1]
            ranges = [(s - first, e - first) for s, e in self._find if first <= s < last]
        self.set_layer("find", ranges, self._find_format)

    def _starts(self) -> tuple[list[str], list[int]]:
        """Section keys and where each starts in the whole text (O(sections): find only)."""
        review = self._review
        if review is None:
            return [], [0]
        keys = [s.key for s in review.sections]
        return keys, list(accumulate((len(review.section_canonical(k)) for k in keys), initial=0))
