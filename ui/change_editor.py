"""The inline editor of one change: a multi-line text, and part of either side piece by piece.

:class:`ChangeEditor` edits the text a change contributes. The text keeps its line breaks
(Enter starts a new line; Ctrl+Enter saves, Esc cancels), so a paragraph or a signature
block can be written as printed. Below it, the change's differences are listed word by word
or line by line (:func:`app.partial.pieces`); ticking one takes the reference's reading of
that piece, unticking gives the base's back, as Meld and Word let an editor take part of a
change. It emits ``saved(text)`` and ``cancelled``; the inspector passes them on as intents.

Imports: Qt, :mod:`app.partial`, :mod:`ui.change_model` (for showing whitespace).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.partial import Piece, compose, pieces
from ui.change_model import shown


class _Text(QPlainTextEdit):
    """The text being written: Ctrl+Enter saves, Esc cancels, Enter is a line break."""

    save_pressed = Signal()
    cancel_pressed = Signal()

    def keyPressEvent(self, event) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.save_pressed.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel_pressed.emit()
        else:
            super().keyPressEvent(event)


class ChangeEditor(QWidget):
    """Edit one change's text; hidden until :meth:`start`."""

    saved = Signal(str)
    cancelled = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text_edit = _Text()
        self.text_edit.setTabChangesFocus(True)
        line = self.text_edit.fontMetrics().lineSpacing()
        self.text_edit.setFixedHeight(line * 4 + 12)  # a signature block; longer texts scroll
        self.text_edit.save_pressed.connect(self._save)
        self.text_edit.cancel_pressed.connect(self._cancel)
        self.grain = QComboBox()
        self.grain.addItems(["", ""])
        self.grain.currentIndexChanged.connect(lambda _i: self._cut())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.parts = QListWidget()
        self.parts.setFixedHeight(self.parts.fontMetrics().lineSpacing() * 3 + 10)
        self.parts.itemChanged.connect(lambda _item: self._recompose())
        self.save_button, self.cancel_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.grain)
        row.addWidget(self.hint, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit)
        layout.addLayout(row)
        layout.addWidget(self.parts)
        layout.addLayout(buttons)
        self._base = self._reference = ""
        self._pieces: list[Piece] = []
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Edited text"))
        self.text_edit.setAccessibleName(self.tr("Edited text"))
        self.text_edit.setPlaceholderText(self.tr("Text to use; Ctrl+Enter saves, Esc cancels"))
        self.grain.setItemText(0, self.tr("Word by word"))
        self.grain.setItemText(1, self.tr("Line by line"))
        self.grain.setAccessibleName(self.tr("Take part of the change"))
        self.hint.setText(self.tr("Tick a piece to take the reference's reading:"))
        self.parts.setAccessibleName(self.tr("Pieces of the change"))
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))

    # -- what the inspector calls -----------------------------------------------------------
    def start(self, base: str, reference: str) -> None:
        """Edit a change of ``base`` → ``reference``, starting from the reference text."""
        self._base, self._reference = base, reference
        self.grain.setCurrentIndex(1 if "\n" in base.strip() or "\n" in reference.strip() else 0)
        self._cut(take_all=True)
        self.show()
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (a QLineEdit's spelling, kept for callers)
        self.text_edit.setPlainText(text)

    def take(self, rows: set[int]) -> None:
        """Take the reference reading of exactly the listed ``rows`` (the differing pieces)."""
        for row in range(self.parts.count()):
            item = self.parts.item(row)
            item.setCheckState(Qt.CheckState.Checked if row in rows else Qt.CheckState.Unchecked)

    # -- inside ------------------------------------------------------------------------------
    def _cut(self, take_all: bool = False) -> None:
        # a new grain cuts other pieces: all of the reference stays all of it, else start from the base
        take_all = take_all or (self.parts.count() > 0 and all(
            self.parts.item(r).checkState() == Qt.CheckState.Checked for r in range(self.parts.count())))
        self._pieces = pieces(self._base, self._reference, ("word", "line")[self.grain.currentIndex()])
        self.parts.blockSignals(True)  # one recomposition for the whole list, below
        self.parts.clear()
        for i, piece in enumerate(self._pieces):
            if piece.differs:
                item = QListWidgetItem(f"{shown(piece.base)}  →  {shown(piece.reference)}")
                item.setData(Qt.ItemDataRole.UserRole, i)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if take_all else Qt.CheckState.Unchecked)
                self.parts.addItem(item)
        self.parts.blockSignals(False)
        self._recompose()

    def _recompose(self) -> None:
        taken = {self.parts.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.parts.count())
                 if self.parts.item(r).checkState() == Qt.CheckState.Checked}
        self.text_edit.setPlainText(compose(self._pieces, taken))

    def _save(self) -> None:
        self.hide()
        self.saved.emit(self.text())

    def _cancel(self) -> None:
        self.hide()
        self.cancelled.emit()
