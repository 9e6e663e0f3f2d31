"""Find (Ctrl+F) across both editions and the canonical text.

:func:`find_all` is the search itself (plain Python, code-point offsets, case-insensitive);
:class:`FindBar` is a small bar that emits intents — ``search_changed(text)``,
``next_requested``, ``previous_requested``, ``closed`` — and shows where we are
("3 of 41"). :class:`Finder` performs them for a window: it paints the hits as each pane's
"find" layer and steps from one to the next, switching the canonical view to a hit's section.

Imports: Qt, the standard library (the window only through its attributes).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class Hit(NamedTuple):
    where: str  # "base", "reference" or "canonical"
    start: int
    end: int


def find_all(text: str, needle: str, where: str, limit: int = 5000) -> list[Hit]:
    """Every case-insensitive occurrence of ``needle`` in ``text`` (at most ``limit``)."""
    if not needle:
        return []
    hits = []
    for match in re.finditer(re.escape(needle), text, re.IGNORECASE):
        hits.append(Hit(where, match.start(), match.end()))
        if len(hits) >= limit:
            break
    return hits


class FindBar(QWidget):
    """Search field with previous/next and a hit counter."""

    search_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.search_changed)
        self.field.returnPressed.connect(self.next_requested)
        self.count = QLabel()
        self.count.setMinimumWidth(120)
        self._position = (-1, 0)
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        self._buttons = (previous, following, close)
        for button, text, signal in ((previous, "▲", self.previous_requested),
                                     (following, "▼", self.next_requested), (close, "✕", self.closed)):
            button.setText(text)
            button.setAutoRaise(True)
            button.clicked.connect(signal)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.closed.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Return), self.field, self.previous_requested.emit,
                  context=Qt.ShortcutContext.WidgetShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.label = QLabel()
        layout.addWidget(self.label)
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Labels, hints and the match count in the language installed now."""
        self.setAccessibleName(self.tr("Find bar"))
        self.field.setAccessibleName(self.tr("Find text"))
        self.field.setPlaceholderText(self.tr("Find in both editions and the canonical text"))
        self.count.setAccessibleName(self.tr("Matches"))
        self.label.setText(self.tr("Find:"))
        for button, name in zip(self._buttons, (self.tr("Previous match"), self.tr("Next match"),
                                                self.tr("Close find bar")), strict=True):
            button.setToolTip(name)
            button.setAccessibleName(name)
        self.set_position(*self._position)

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def set_position(self, current: int, total: int) -> None:
        self._position = (current, total)
        if not self.field.text():
            self.count.setText("")
        elif not total:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(current + 1)).replace("%2", str(total)))


#: The find wash, light and dark (hue 259°: OCR is 40°, layout 160°, typography 200°, content 325°).
FIND_COLOURS = {False: "#b89cff", True: "#6a4cc2"}


def find_format(dark: bool) -> QTextCharFormat:
    """Search hits: a violet wash, a hue far from every change kind's (yellow sat next to
    the OCR orange and could not be told from it)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(FIND_COLOURS[dark]))
    return fmt


class Finder:
    """The window's search: the hits in both editions and the whole canonical text, and
    which one is current."""

    def __init__(self, window) -> None:
        self.window = window
        self.hits: list[Hit] = []
        self.index = -1
        bar = window.find_bar
        bar.search_changed.connect(self.search)
        bar.next_requested.connect(lambda: self.step(1))
        bar.previous_requested.connect(lambda: self.step(-1))
        bar.closed.connect(self.close)

    def search(self, needle: str) -> None:
        w = self.window
        fmt = find_format(w.dark)
        self.hits = []
        for name, pane in (("base", w.panes.base), ("reference", w.panes.reference)):
            hits = find_all(pane.text, needle, name)
            pane.set_layer("find", [(h.start, h.end) for h in hits], fmt)
            self.hits.extend(hits)
        hits = find_all(w.canonical.whole_text(), needle, "canonical")  # shown section by section
        w.canonical.set_find([(h.start, h.end) for h in hits], fmt)
        self.hits.extend(hits)
        self.index = -1
        w.find_bar.set_position(-1, len(self.hits))
        if self.hits:
            self.step(1)

    def step(self, step: int) -> None:
        if not self.hits:
            return
        w = self.window
        self.index = (self.index + step) % len(self.hits)
        hit = self.hits[self.index]
        pane = {"base": w.panes.base, "reference": w.panes.reference, "canonical": w.canonical}[hit.where]
        start, end = w.canonical.reveal(hit.start, hit.end) if pane is w.canonical else (hit.start, hit.end)
        pane.setTextCursor(pane.cursor_for(start, end))
        pane.centerCursor()
        w.find_bar.set_position(self.index, len(self.hits))

    def close(self) -> None:
        w = self.window
        w.find_bar.hide()
        for pane in w.panes.panes():
            pane.set_layer("find", [], find_format(w.dark))
        w.canonical.set_find([], find_format(w.dark))
        w.reveal_current()  # the hits moved the panes: back to the change being reviewed
        w.panes.base.setFocus()
