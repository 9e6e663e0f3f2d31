"""Persistent highlights of an edition pane: spans from the core, painted per visible block.

* :class:`SpanHighlighter` paints persistent spans (a change's kind while pending, a muted
  mark once decided) by looking the block's range up in a :class:`SpanList` (bisect), and
  only for blocks about to be painted, so neither a 6.5 MB edition nor a decision costs the
  whole document.
* Formats are built once per palette (:func:`change_formats`) and each kind differs by
  **line style as well as hue** (OCR wavy, typography dotted, layout dashed, content solid
  with an overline), so the kinds stay apart for colour-blind readers and in greyscale.

Qt positions are UTF-16: every conversion goes through :class:`ui.offsets.Utf16Index`.
Imports: Qt GUI, the core, :mod:`ui.offsets`, :mod:`ui.palette`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextLayout

from app.model import Kind, Verdict
from ui.offsets import Utf16Index
from ui.palette import kind_styles

if TYPE_CHECKING:
    from ui.text_panes import EditionPane


class PaintSpan(NamedTuple):
    """A range of code points and the name of the format that paints it."""

    start: int
    end: int
    style: str


def change_formats(dark: bool, side: str = "base") -> dict[str, QTextCharFormat]:
    """One format per kind while pending (``"ocr"``) and per kind and verdict once decided
    (``"ocr:accepted"``), for the ``side`` ("base" or "reference") pane.

    Decided changes stay visible in context, as in Word's Track Changes: the text kept has
    a faint underline in the kind's line style; the text given up is struck through on the
    base side (accepted, edited) and dimmed on the reference side (rejected, edited).
    """
    formats = {}
    dim = QColor("#8a8a8a" if not dark else "#8c8c8c")
    for kind, style in kind_styles(dark).items():
        pending = style.char_format()
        if kind is Kind.CONTENT:
            pending.setFontOverline(True)  # under- and overline: a box for what matters most
        formats[kind.value] = pending
        muted = QColor(style.underline_color or style.background)
        muted.setAlpha(120)
        for verdict in (Verdict.ACCEPTED, Verdict.REJECTED, Verdict.EDITED):
            done = QTextCharFormat()
            done.setUnderlineStyle(style.underline)
            done.setUnderlineColor(muted)
            given_up = verdict in ((Verdict.ACCEPTED, Verdict.EDITED) if side == "base"
                                   else (Verdict.REJECTED, Verdict.EDITED))
            if given_up:
                done.setForeground(dim)
                done.setFontStrikeOut(side == "base")
            formats[f"{kind.value}:{verdict.value}"] = done
    return formats


def decided_style(kind: Kind, verdict: Verdict) -> str:
    """The paint style of a change of ``kind`` under ``verdict`` (see :func:`change_formats`)."""
    return kind.value if verdict is Verdict.PENDING else f"{kind.value}:{verdict.value}"


class SpanList:
    """Paint spans in document order: bisect lookup, grown at the end, restyled in place.

    Index ``i`` is the ``i``-th span given, so a caller that adds one span per change in
    document order restyles a change by its position (O(1)) when its decision moves.
    """

    def __init__(self, spans: Iterable[PaintSpan] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._styles: list[str] = []
        self._longest = 0
        self._ends_sorted = True  # disjoint spans: the first one ending at/after x is a bisect away
        self.extend(sorted(spans, key=lambda s: s.start))

    def __len__(self) -> int:
        return len(self._starts)

    def extend(self, spans: Iterable[PaintSpan]) -> None:
        """Add spans that start at or after the last one (document order)."""
        for start, end, style in spans:
            if self._starts and start < self._starts[-1]:
                raise ValueError("spans must come in document order")
            if self._ends and end < self._ends[-1]:
                self._ends_sorted = False
            self._starts.append(start)
            self._ends.append(end)
            self._styles.append(style)
            self._longest = max(self._longest, end - start)

    def restyle(self, index: int, style: str) -> None:
        self._styles[index] = style

    def span(self, index: int) -> PaintSpan:
        return PaintSpan(self._starts[index], self._ends[index], self._styles[index])

    def between(self, start: int, end: int) -> list[PaintSpan]:
        """Spans touching ``[start, end]``."""
        lo, hi = self._window(start, end)
        return [PaintSpan(s, e, st) for s, e, st in zip(self._starts[lo:hi], self._ends[lo:hi], self._styles[lo:hi])
                if e >= start and s <= end]

    def indices_between(self, start: int, end: int) -> list[int]:
        """The indices of the spans touching ``[start, end]``."""
        lo, hi = self._window(start, end)
        return [i for i in range(lo, hi) if self._ends[i] >= start and self._starts[i] <= end]

    def _window(self, start: int, end: int) -> tuple[int, int]:
        if self._ends_sorted:
            lo = bisect_left(self._ends, start)
        else:
            lo = bisect_left(self._starts, start - self._longest - 1)
        return lo, bisect_right(self._starts, end)


class SpanHighlighter:
    """Paints spans onto a pane's blocks lazily: only the blocks about to be painted.

    Not a ``QSyntaxHighlighter``: that one formats every block of the document whenever text
    is set or :meth:`rehighlight` is called (one Python call per block — seconds for the
    100× pair's 106,000 lines, and again on every streamed batch). Here a block carries the
    generation it was formatted at (``userState``); :meth:`rehighlight` only bumps the
    generation, :meth:`invalidate` forgets a range, and :meth:`format_visible` (called by
    the pane before it paints) formats the stale blocks on screen — a few dozen.
    The spans come from ``source`` (anything with ``between(start, end)``), by default a
    :class:`SpanList`.
    """

    def __init__(self, pane: EditionPane, formats: dict[str, QTextCharFormat]) -> None:
        self._pane = pane
        self._formats = formats
        self.spans = SpanList()
        self.source = self.spans
        self._hidden: frozenset[str] = frozenset()
        self._hide_decided = False
        self._generation = 0

    def set_formats(self, formats: dict[str, QTextCharFormat]) -> None:
        self._formats = formats
        self.rehighlight()

    def set_spans(self, spans: Iterable[PaintSpan] | SpanList, offsets: Utf16Index | None = None,
                  rehighlight: bool = True) -> None:
        self.spans = spans if isinstance(spans, SpanList) else SpanList(spans)
        self.source = self.spans
        if rehighlight:
            self.rehighlight()

    def set_hide_decided(self, hide: bool) -> None:
        """Paint only what is left (pending changes), or decided ones too, faded."""
        self._hide_decided = hide
        self.rehighlight()

    def set_hidden(self, prefixes: Iterable[str]) -> None:
        """Styles starting with one of ``prefixes`` (``"layout"``) are not painted."""
        self._hidden = frozenset(prefixes)
        self.rehighlight()

    def spans_between(self, start: int, end: int) -> list[PaintSpan]:
        return self.source.between(start, end)

    def rehighlight(self) -> None:
        """Every block is stale; those on screen are formatted at the next paint."""
        self._generation += 1
        self._pane.viewport().update()

    def rehighlightBlock(self, block: QTextBlock) -> None:  # the QSyntaxHighlighter spelling
        block.setUserState(-1)
        self._pane.viewport().update()

    def invalidate(self, start: int, end: int, fresh: bool = False) -> None:
        """The blocks holding code points ``[start, end]`` are stale; only the part of them on
        screen is repainted (a streamed batch far below, or one decision, repaints little).
        ``fresh``: the range was just appended, and new blocks are stale from birth, so only
        the one it was appended to is marked (no walk over a thousand blocks)."""
        pane = self._pane
        document = pane.document()
        block = document.findBlock(pane.offsets.to_qt(min(start, pane.offsets.length)))
        first = block.blockNumber()
        last = document.findBlock(pane.offsets.to_qt(min(end, pane.offsets.length))).blockNumber()
        if fresh:
            block.setUserState(-1)
        while not fresh and block.isValid() and block.blockNumber() <= last:
            block.setUserState(-1)
            block = block.next()
        top, bottom = pane.visible_blocks()
        first, last = max(first, top), min(last, bottom)
        if first <= last:
            offset = pane.contentOffset()
            upper = pane.blockBoundingGeometry(document.findBlockByNumber(first)).translated(offset)
            lower = pane.blockBoundingGeometry(document.findBlockByNumber(last)).translated(offset)
            pane.viewport().update(QRect(0, int(upper.top()), pane.viewport().width(),
                                         int(lower.bottom() - upper.top()) + 1))

    def format_visible(self) -> None:
        """Format the stale blocks on screen; called by the pane as it paints them.

        The layout's signals are held meanwhile: a re-formatted block would otherwise ask
        for a repaint of itself after this one, and the next paint (a keypress's) would
        cover everything between that block and the one it needs."""
        pane = self._pane
        generation = self._generation
        top, bottom = pane.visible_blocks()
        document = pane.document()
        layout = document.documentLayout()
        block = document.findBlockByNumber(top)
        held = layout.blockSignals(True)
        try:
            while block.isValid() and block.blockNumber() <= bottom:
                if block.userState() != generation:
                    block.layout().setFormats(self._ranges(block))
                    block.setUserState(generation)
                    document.markContentsDirty(block.position(), block.length())
                block = block.next()
        finally:
            layout.blockSignals(held)

    def _ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        offsets = self._pane.offsets
        q_block = block.position()
        start = offsets.to_py(q_block)
        end = offsets.to_py(q_block + block.length() - 1)
        ranges = []
        for span in self.spans_between(start, end):
            if self._hidden and span.style.split(":")[0] in self._hidden:
                continue
            if self._hide_decided and ":" in span.style:
                continue
            s, e = span.start, span.end
            if s == e:  # an insertion on the other side: mark the character beside it
                s, e = (s, s + 1) if s < end else (s - 1, s)
            s, e = max(s, start), min(e, end)
            if s < e and (fmt := self._formats.get(span.style)) is not None:
                fr = QTextLayout.FormatRange()
                fr.start = offsets.to_qt(s) - q_block
                fr.length = offsets.to_qt(e) - q_block - fr.start
                fr.format = fmt
                ranges.append(fr)
        return ranges
