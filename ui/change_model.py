"""The change list: a thin table model over one section's changes, and its filter.

:class:`ChangeTableModel` adapts :meth:`Review.section_changes` — it copies nothing but the
list of changes — and maps a :class:`~app.review.DecisionsChanged` onto ``dataChanged`` for
exactly the rows it names. :class:`ChangeFilterModel` filters by kind and verdict using the
custom roles, so the view's filter widgets never look at core objects.

Imports: Qt core/GUI, the core.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt, qVersion)

from app.model import Change, Kind, Verdict
from app.review import DecisionsChanged, Review
from ui.palette import kind_label
from ui.reasons import translated
from ui.safe_text import named_controls, plain_tip

COL_KIND, COL_BASE, COL_REFERENCE, COL_DECISION = range(4)
COLUMNS = 4

CHANGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 3
CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex

#: ``beginFilterChange``/``endFilterChange(Direction)`` exist from Qt 6.10, which deprecates
#: ``invalidateRowsFilter``; pyproject allows 6.8, so both are used, by version.
NEW_FILTER_API = tuple(int(p) for p in qVersion().split(".")[:2]) >= (6, 10)

#: the roles :meth:`ChangeTableModel.data` answers; a view asks for about nine per cell
ANSWERED_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                            CHANGE_ID_ROLE, KIND_ROLE, VERDICT_ROLE, CONFIDENCE_ROLE))


def verdict_label(verdict: Verdict) -> str:
    return {
        Verdict.PENDING: QCoreApplication.translate("Verdict", "Pending"),
        Verdict.ACCEPTED: QCoreApplication.translate("Verdict", "Accepted"),
        Verdict.REJECTED: QCoreApplication.translate("Verdict", "Rejected"),
        Verdict.EDITED: QCoreApplication.translate("Verdict", "Edited"),
    }[verdict]


def shown(text: str) -> str:
    """A change's text as one readable line: line breaks and spaces made visible."""
    if not text:
        return "∅"
    text = named_controls(text)
    if not text.strip():
        return text.replace("\n", "¶").replace(" ", "·")
    return " ".join(text.split()).replace("\n", "¶")


class ChangeTableModel(QAbstractTableModel):
    """The changes of one section of a review, in document order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._changes: list[Change] = []
        self._rows: dict[str, int] = {}
        self.section_key: str | None = None

    @property
    def review(self) -> Review | None:
        return self._review

    # -- feeding -----------------------------------------------------------------------------
    def set_section(self, review: Review | None, key: str | None) -> None:
        self.beginResetModel()
        self._review, self.section_key = review, key
        self._changes = list(review.section_changes(key)) if review is not None and key else []
        self._rows = {c.id: row for row, c in enumerate(self._changes)}
        self.endResetModel()

    def decisions_changed(self, changed: DecisionsChanged) -> None:
        rows = sorted(self._rows[i] for i in changed.ids if i in self._rows)
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], COLUMNS - 1))

    def row_of(self, change_id: str) -> int:
        return self._rows.get(change_id, -1)

    def change_at(self, row: int) -> Change:
        return self._changes[row]

    # -- Qt overrides ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < COLUMNS:
            return (self.tr("Kind"), self.tr("Base"), self.tr("Reference"), self.tr("Decision"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED_ROLES:  # first: most calls are for roles left to the style
            return None
        if not index.isValid() or self._review is None or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        if role == CHANGE_ID_ROLE:
            return change.id
        if role == KIND_ROLE:
            return change.kind.value
        if role == VERDICT_ROLE:
            return self._review.decision(change.id).verdict.value
        if role == CONFIDENCE_ROLE:
            return change.confidence
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_KIND:
                return kind_label(change.kind)
            if column == COL_BASE:
                return shown(change.base_text)
            if column == COL_REFERENCE:
                return shown(change.reference_text)
            if column == COL_DECISION:
                decision = self._review.decision(change.id)
                if decision.verdict is Verdict.EDITED:
                    return self.tr("Edited: %1").replace("%1", shown(decision.text or ""))
                return verdict_label(decision.verdict)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_BASE, COL_REFERENCE):
            return plain_tip(translated(change.reason)) if change.reason else None
        return None


class ChangeFilterModel(QSortFilterProxyModel):
    """Shows the changes whose kind and verdict are among the chosen ones (all by default)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._kinds: frozenset[str] | None = None
        self._verdicts: frozenset[str] | None = None

    def set_filter(self, kinds: Collection[Kind] | None = None,
                   verdicts: Collection[Verdict] | None = None) -> None:
        if NEW_FILTER_API:
            self.beginFilterChange()
        self._kinds = None if kinds is None else frozenset(k.value for k in kinds)
        self._verdicts = None if verdicts is None else frozenset(v.value for v in verdicts)
        if NEW_FILTER_API:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt 6.8 and 6.9 (pyproject's floor): the call Qt 6.10 deprecates
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # Qt override
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._kinds is not None and index.data(KIND_ROLE) not in self._kinds:
            return False
        return self._verdicts is None or index.data(VERDICT_ROLE) in self._verdicts
