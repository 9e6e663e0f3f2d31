"""The review plan: what the work is, shown when a comparison finishes (and from View).

:class:`ReviewPlanDialog` takes a :class:`app.bulk.ReviewPlan` (plain data) and says, in a
few lines instead of thousands of marks: how many differences carry a confident suggestion,
by kind, with one button (the Ctrl+Shift+A bulk action, previewed and confirmed like every
bulk action) to accept them; and how many need a person, section by section (content,
numbers, an unsure suggestion). It emits intents only: ``accept_requested`` and
``section_chosen(key)``; the window performs them.

Imports: Qt, :mod:`app.bulk`, :mod:`ui.palette`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from app.bulk import ReviewPlan, Skip, review_plan
from app.model import Kind
from ui.palette import kind_label

#: The plan's columns after the section: why a person is needed.
REASONS = ((Skip.CONTENT,), (Skip.NUMBER,), (Skip.LOW_CONFIDENCE, Skip.OVERRULED), (Skip.NO_SUGGESTION,))


class ReviewPlanDialog(QDialog):
    """The plan of one review; non-modal to the event loop (``open``), modal to the window."""

    accept_requested = Signal()
    section_chosen = Signal(str)

    def __init__(self, plan: ReviewPlan, title: Callable[[str], str], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("review_plan")
        self.setWindowTitle(self.tr("Review plan"))
        confident = plan.confident
        kinds = " · ".join(f"{kind_label(k)} {confident.by_kind[k]}"
                           for k in (Kind.OCR, Kind.TYPOGRAPHY, Kind.LAYOUT) if confident.by_kind[k])
        self.confident_label = QLabel(
            self.tr("<b>%1 differences</b> carry a confident suggestion (%2% or more): %3.")
            .replace("%1", str(len(confident))).replace("%2", str(round(confident.threshold * 100)))
            .replace("%3", kinds or "—"))
        self.confident_label.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accept the Confident Suggestions… (Ctrl+Shift+A)"))
        self.accept_button.setEnabled(bool(confident))
        self.accept_button.clicked.connect(self._accept)
        self.people_label = QLabel(self.tr("<b>%1 need a person</b>, by section (double-click one to go there):")
                                   .replace("%1", str(plan.people_count)))
        self.people_label.setWordWrap(True)
        self.table = self._table(plan, title)
        buttons = QDialogButtonBox()
        start = buttons.addButton(self.tr("Start Reviewing"), QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(not confident)
        self.accept_button.setDefault(bool(confident))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.confident_label, self.accept_button, self.people_label, self.table):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def _table(self, plan: ReviewPlan, title: Callable[[str], str]) -> QTableWidget:
        headers = [self.tr("Section"), self.tr("Content"), self.tr("Numbers"), self.tr("Unsure"),
                   self.tr("No suggestion")]
        table = QTableWidget(len(plan.for_a_person), len(headers))
        table.setAccessibleName(self.tr("Changes that need a person, by section"))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (key, reasons) in enumerate(plan.for_a_person.items()):
            item = QTableWidgetItem(title(key) or key)
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(row, 0, item)
            for column, why in enumerate(REASONS, start=1):
                count = sum(reasons[reason] for reason in why)
                cell = QTableWidgetItem(str(count) if count else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.itemDoubleClicked.connect(lambda item: self._go(table.item(item.row(), 0)))
        table.itemActivated.connect(lambda item: self._go(table.item(item.row(), 0)))
        return table

    def _go(self, item: QTableWidgetItem) -> None:
        self.accept()
        self.section_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _accept(self) -> None:
        self.accept()
        self.accept_requested.emit()


def show(window) -> ReviewPlanDialog | None:
    """Open the plan of ``window``'s review (a :class:`~ui.main_window.MainWindow`), wired to it."""
    review = window.review
    if review is None:
        return None
    dialog = ReviewPlanDialog(review_plan(review, window.settings.bulk_threshold), window.section_title, window)
    dialog.accept_requested.connect(lambda: window.bulk_accept("confident"))
    dialog.section_chosen.connect(window.go_to_section)
    dialog.finished.connect(dialog.deleteLater)
    window.plan_dialog = dialog
    dialog.open()
    return dialog
