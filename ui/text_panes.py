"""The two edition panes side by side, and scrolling in step.

Painting only — every span comes from the core; the persistent ones are painted by
:mod:`ui.highlighting`. Long texts are fed into the document in slices from the event loop.

* :class:`EditionPane` adds transient layers (current change, search hits) as
  ExtraSelections keyed by name and ordered by priority, and draws a box around the
  current change.
* :class:`ComparePanes` keeps the panes in step: a pane's top offset is mapped through the
  changes (text between two changes is the same in both editions) to the other pane.

Qt positions are UTF-16: every conversion goes through :class:`ui.offsets.Utf16Index`.
Imports: Qt, the core, :mod:`ui.highlighting`, :mod:`ui.offsets`, :mod:`ui.overview`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy, QTextEdit, QVBoxLayout,
                               QWidget)

from app.model import Change
from ui.highlighting import PaintSpan, SpanHighlighter, SpanList, change_formats
from ui.offsets import Utf16Index
from ui.overview import OverviewStrip
from ui.palette import current_outline
from ui.safe_text import plain_tip, visible_controls

#: How much text a pane takes per event-loop turn while a long edition is fed in (~3 ms).
FEED_CHARS = 16384

__all__ = ["ComparePanes", "EditionPane", "OffsetMap", "PaintSpan", "SpanList", "change_formats", "current_format"]


class EditionPane(QPlainTextEdit):
    """A read-only edition text with layers of transient highlights and a current-change box."""

    offset_clicked = Signal(int)
    #: layer name -> priority (higher paints on top)
    LAYERS = {"find": 1, "current": 2}

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(name)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(True)
        self.document().setUndoRedoEnabled(False)  # read-only: no history of programmatic edits
        self.offsets = Utf16Index("")
        self.highlighter = SpanHighlighter(self, change_formats(False))
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._box: tuple[int, int] | None = None
        self.outline = current_outline(False)
        self.text = ""
        self._fed = 0  # how much of ``text`` the document holds while it is fed in slices
        self._visible_key: tuple | None = None
        self._visible = (0, 0)
        self._feeder = QTimer(self)
        self._feeder.setInterval(0)
        self._feeder.timeout.connect(self._feed)

    def set_text(self, text: str) -> None:
        """Show ``text``; a long one goes in slices of :data:`FEED_CHARS` from the event loop
        (``setPlainText`` of 6.5 MB blocks the window for a quarter of a second)."""
        if text == self.text and self._fed == len(text):
            return
        self.text = text
        self._feeder.stop()
        self._fed = min(len(text), FEED_CHARS)
        self.offsets = Utf16Index(text[:self._fed])  # grows with the document: 60 ms at 6.5 MB at once
        self.setPlainText(visible_controls(text[:self._fed]))  # bidi controls shown, same length
        self.highlighter.rehighlight()
        if self._fed < len(text):
            self._feeder.start()

    def _feed(self) -> None:
        start, self._fed = self._fed, min(len(self.text), self._fed + FEED_CHARS)
        self.append_quietly(self.text[start:self._fed])
        if self._fed >= len(self.text):
            self._feeder.stop()

    def append_quietly(self, text: str) -> None:
        """Add ``text`` at the end without repainting the whole viewport.

        Qt's plain-text layout repaints everything on screen whenever the number of blocks
        changes, so each slice fed to a long edition (and each section streamed into the
        canonical view) repainted all three panes. Its signals are held during the insert;
        only the new size is passed on (for the scroll bar), and the appended range is
        invalidated, which repaints the part of it that is on screen.
        """
        end = self.offsets.length
        self.offsets.replace(end, end, text)
        layout = self.document().documentLayout()
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        layout.blockSignals(True)
        try:
            cursor.insertText(visible_controls(text))
        finally:
            layout.blockSignals(False)
        layout.documentSizeChanged.emit(layout.documentSize())
        self.highlighter.invalidate(end, end + len(text), fresh=True)

    def visible_blocks(self) -> tuple[int, int]:
        """The numbers of the first and last blocks on screen (two look-ups, no walk),
        kept until the view scrolls, resizes, changes font or its text is edited: the
        look-up lays a line out (~1 ms), and a keypress asks six times."""
        viewport = self.viewport()
        key = (self.verticalScrollBar().value(), viewport.width(), viewport.height(),
               self.document().revision(), self.font().pointSizeF())
        if self._visible_key != key:
            bottom = self.cursorForPosition(QPoint(0, viewport.height() - 1)).blockNumber()
            self._visible_key, self._visible = key, (self.firstVisibleBlock().blockNumber(), bottom)
        return self._visible

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        last = self.document().characterCount() - 1  # while being fed, the end is not there yet
        cursor.setPosition(min(self.offsets.to_qt(start), last))
        cursor.setPosition(min(self.offsets.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def set_layer(self, name: str, ranges: Sequence[tuple[int, int]], fmt: QTextCharFormat) -> None:
        selections = []
        for start, end in ranges:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.cursor_for(start, max(end, start + (start < len(self.text))))
            selection.format = fmt
            selections.append(selection)
        self._layers[name] = selections
        ordered = sorted(self._layers, key=lambda n: self.LAYERS.get(n, 0))
        self.setExtraSelections([s for n in ordered for s in self._layers[n]])

    def show_current(self, start: int, end: int, fmt: QTextCharFormat, centre: bool = True) -> None:
        """Mark ``[start, end)`` as the current change; ``centre`` scrolls it to the middle.

        Without a scroll only the old and the new box are repainted: repainting the whole
        pane on every step was a third of a keypress on the 100× pair.
        """
        before, top = self.box_rect(), self.verticalScrollBar().value()
        self._box = (start, end)
        self.set_layer("current", [(start, end)], fmt)
        self.setTextCursor(self.cursor_for(start, start))
        if centre:
            self.centerCursor()
        if self.verticalScrollBar().value() != top:
            self.viewport().update()
        else:
            self.viewport().update(before.united(self.box_rect()))

    def box_rect(self) -> QRect:
        """The lines the current change's box is painted over (empty when there is none)."""
        if self._box is None or not self.text:
            return QRect()
        first = self.cursorRect(self.cursor_for(self._box[0], self._box[0]))
        last = self.cursorRect(self.cursor_for(self._box[1], self._box[1]))
        return QRect(0, first.top() - 3, self.viewport().width(), last.bottom() - first.top() + 7)

    def in_comfort(self, offset: int) -> bool:
        """``offset`` is on screen and at least two lines away from the top and bottom edges,
        so stepping to it needs no scroll."""
        rect = self.cursorRect(self.cursor_for(offset, offset))
        margin = 2 * self.fontMetrics().lineSpacing()
        return rect.top() >= margin and rect.bottom() <= self.viewport().height() - margin

    def clear_current(self) -> None:
        self._box = None
        self.set_layer("current", [], QTextCharFormat())

    def top_offset(self) -> int:
        return self.offsets.to_py(self.cursorForPosition(QPoint(2, 2)).position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is the first one shown."""
        position = self.offsets.to_qt(min(offset, len(self.text)))
        block = self.document().findBlock(position)
        line = 0
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(position - block.position()).lineNumber()
        self.verticalScrollBar().setValue(block.firstLineNumber() + max(line, 0))

    def mouseReleaseEvent(self, event) -> None:  # Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.offset_clicked.emit(self.offsets.to_py(self.cursorForPosition(event.position().toPoint()).position()))

    def paintEvent(self, event) -> None:  # Qt override
        self.highlighter.format_visible()
        super().paintEvent(event)
        if self._box is None or not self.text:
            return
        start, end = self._box
        first = self.cursorRect(self.cursor_for(start, start))
        last = self.cursorRect(self.cursor_for(end, end))
        painter = QPainter(self.viewport())
        pen = QPen(self.outline, 2)
        painter.setPen(pen)
        if first.top() == last.top():
            painter.drawRoundedRect(QRect(first.left() - 2, first.top() - 1,
                                          max(last.right() - first.left() + 4, 6), first.height() + 2), 3, 3)
        else:  # wrapped over lines: a bracket down the left edge of the lines it covers
            painter.drawLine(first.left() - 2, first.top(), first.left() - 2, last.bottom())
            painter.drawLine(first.left() - 2, first.top(), self.viewport().width() - 4, first.top())
            painter.drawLine(2, last.bottom(), last.right() + 2, last.bottom())
        painter.end()


class OffsetMap:
    """Maps offsets between the editions through the changes, in document order."""

    def __init__(self, changes: Sequence[Change] = ()) -> None:
        self._changes: list[Change] = []
        self._base: list[int] = []
        self._ref: list[int] = []
        self.extend(changes)

    def extend(self, changes: Iterable[Change]) -> None:
        """Changes streamed in after the ones held (document order)."""
        for change in changes:
            self._changes.append(change)
            self._base.append(change.base.start)
            self._ref.append(change.reference.start)

    def to_reference(self, offset: int) -> int:
        return self._map(offset, self._base, "base", "reference")

    def to_base(self, offset: int) -> int:
        return self._map(offset, self._ref, "reference", "base")

    def _map(self, offset: int, starts: list[int], side: str, other: str) -> int:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        here, there = getattr(self._changes[i], side), getattr(self._changes[i], other)
        if offset >= here.end:
            return there.end + offset - here.end
        return there.start + min(offset - here.start, len(there))


class ElidedLabel(QLabel):
    """A one-line title that shortens in the middle to fit (a file name keeps its end) and
    shows the whole text as its tooltip; a plain ``QLabel`` is clipped mid-word."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(10)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tip(text))  # a file name is shown, never rendered
        self._fit()

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


class ComparePanes(QWidget):
    """Base and reference side by side, scrolling in step, with the overview strip."""

    offset_clicked = Signal(str, int)  # "base"/"reference", offset

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.base = EditionPane(self.tr("Base edition (OCR)"))
        self.reference = EditionPane(self.tr("Reference edition (digital)"))
        self.reference.highlighter.set_formats(change_formats(False, "reference"))
        self.overview = OverviewStrip()
        self.base_label, self.reference_label = ElidedLabel(), ElidedLabel()
        self.map = OffsetMap()
        self._syncing = False
        self.dark = False  # the theme's (ui.appearance sets it)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for label, pane in ((self.base_label, self.base), (self.reference_label, self.reference)):
            column = QVBoxLayout()
            column.setSpacing(2)
            label.setBuddy(pane)
            column.addWidget(label)
            column.addWidget(pane, 1)
            layout.addLayout(column, 1)
        layout.addWidget(self.overview)
        self.base.verticalScrollBar().valueChanged.connect(lambda: self._sync(self.base))
        self.reference.verticalScrollBar().valueChanged.connect(lambda: self._sync(self.reference))
        self.base.offset_clicked.connect(lambda off: self.offset_clicked.emit("base", off))
        self.reference.offset_clicked.connect(lambda off: self.offset_clicked.emit("reference", off))

    def panes(self) -> tuple[EditionPane, EditionPane]:
        return self.base, self.reference

    def retranslate_ui(self) -> None:
        """Accessible names in the language installed now (the titles are the window's)."""
        self.base.setAccessibleName(self.tr("Base edition (OCR)"))
        self.reference.setAccessibleName(self.tr("Reference edition (digital)"))
        self.overview.retranslate_ui()

    def set_titles(self, base: str, reference: str) -> None:
        self.base_label.set_full_text(base)
        self.reference_label.set_full_text(reference)

    def follow(self, navigation) -> None:
        """Outline the current change (a :class:`ui.navigation.Navigation`'s) in both panes."""
        self._navigation = navigation
        navigation.current_changed.connect(self.show_current)

    def show_current(self, key: str = "", change_id: str = "") -> None:
        """Outline ``change_id`` and bring it into view; with none, the start of section ``key``."""
        review = self._navigation.review
        if review is None:
            return
        if not change_id:
            self.base.clear_current()
            self.reference.clear_current()
            if key and review.has_section(key):
                self.base.scroll_to_offset(review.section(key).base.start)
            return
        change = review.change(change_id)
        self.show_change(change, current_format(self.dark))
        self.overview.set_current(change.base.start / max(len(self.base.text), 1))

    def show_change(self, change: Change, fmt: QTextCharFormat) -> None:
        self._syncing = True
        try:
            # both stay where they are when the change is well inside both, or both centre it
            centre = not (self.base.in_comfort(change.base.start)
                          and self.reference.in_comfort(change.reference.start))
            self.base.show_current(change.base.start, change.base.end, fmt, centre)
            self.reference.show_current(change.reference.start, change.reference.end, fmt, centre)
        finally:
            self._syncing = False

    def _sync(self, source: EditionPane) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            top = source.top_offset()
            if source is self.base:
                self.reference.scroll_to_offset(self.map.to_reference(top))
            else:
                self.base.scroll_to_offset(self.map.to_base(top))
            self.overview.set_view(self.base.top_offset(), len(self.base.text))
        finally:
            self._syncing = False


def current_format(dark: bool) -> QTextCharFormat:
    """The current change's layer: a light wash of the outline colour (the box does the rest)."""
    fmt = QTextCharFormat()
    color = QColor(current_outline(dark))
    color.setAlpha(45)
    fmt.setBackground(color)
    return fmt
