"""The section navigator: a tree model over the comparison's sections, and its view.

:class:`SectionTreeModel` nests sections by their numbers (2.3 under 2) and grows as the
comparison streams in (:meth:`append_sections` maps onto ``beginInsertRows``). The title is
the reference edition's (the digital text spells it right); the second column counts pending
changes in the section and its subsections, with a check mark when none are left. A section
found in one edition only is shown in italics with a note saying which.
:class:`SectionNavigator` is the view; it emits ``section_chosen(key)`` — an intent.

Imports: Qt, the core.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from app.model import Role, SectionPair
from app.review import DecisionsChanged, Review

COL_TITLE, COL_PENDING = range(2)
COLUMNS = 2

SECTION_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PENDING_ROLE = Qt.ItemDataRole.UserRole + 2
ONLY_IN_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = ""


def section_title(section: SectionPair) -> str:
    """The title to show: the reference's heading if it has one, else the base's."""
    heading = section.reference_heading or section.base_heading
    title = heading.title if heading is not None else section.title
    return f"{section.number} {title}".strip() if section.number else title


class SectionTreeModel(QAbstractItemModel):
    """Sections as a tree; internal ids are row numbers into ``_keys`` (+1, 0 is the root)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._sections: dict[str, SectionPair] = {}
        self._keys: list[str] = []  # internal id - 1 -> key
        self._ids: dict[str, int] = {}
        self._parent: dict[str, str] = {}
        self._children: dict[str, list[str]] = {_ROOT: []}
        self._rows: dict[str, int] = {}  # key -> row under its parent (no list.index per parent())
        self._by_number: dict[str, str] = {}
        self._pending: dict[str, tuple[int, int]] = {}

    # -- feeding -----------------------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self._review = None
        self._sections.clear(); self._keys.clear(); self._ids.clear(); self._parent.clear()
        self._children = {_ROOT: []}
        self._rows.clear(); self._by_number.clear(); self._pending.clear()
        self.endResetModel()

    def append_sections(self, sections: Iterable[SectionPair]) -> None:
        """Add streamed sections; their ancestors' counts are asked again (they now include them)."""
        ancestors: set[str] = set()
        for section in sections:
            parent_key = self._by_number.get(section.parent_number, _ROOT) if section.parent_number else _ROOT
            siblings = self._children[parent_key]
            self.beginInsertRows(self._index_of(parent_key), len(siblings), len(siblings))
            self._sections[section.key] = section
            self._keys.append(section.key)
            self._ids[section.key] = len(self._keys)
            self._parent[section.key] = parent_key
            self._children[section.key] = []
            self._rows[section.key] = len(siblings)
            siblings.append(section.key)
            if section.number:
                self._by_number.setdefault(section.number, section.key)
            self.endInsertRows()
            while parent_key and parent_key not in ancestors:
                ancestors.add(parent_key)
                parent_key = self._parent.get(parent_key, _ROOT)
        for key in ancestors:
            self._pending.pop(key, None)
        self._emit_counts(ancestors)

    def set_review(self, review: Review | None) -> None:
        """Count from ``review`` (the provisional one while streaming, then the final one)."""
        self._review = review
        self._pending.clear()
        if self._keys:  # one signal: per-row ones re-measure the counts column 3,400 times
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()

    def adopt(self, review: Review, changed: DecisionsChanged) -> None:
        """``review`` has the same sections; only ``changed`` moved counts (the final review)."""
        self._review = review
        self.decisions_changed(changed)

    def decisions_changed(self, changed: DecisionsChanged) -> None:
        touched: set[str] = set()
        for key in changed.sections:
            while key and key not in touched:  # a section and its ancestors
                touched.add(key)
                key = self._parent.get(key, _ROOT)
        for key in touched:
            self._pending.pop(key, None)
        self._emit_counts(touched)

    def index_for_key(self, key: str) -> QModelIndex:
        return self._index_of(key) if key in self._ids else QModelIndex()

    def keys(self) -> list[str]:
        """Every section key in document order."""
        return list(self._keys)

    def counts(self, key: str) -> tuple[int, int]:
        """(pending, total) changes in the section and its subsections."""
        if key not in self._pending:
            own = self._review.counts(key) if self._review is not None else None
            pending, total = (own.pending, own.total) if own is not None else (0, 0)
            for child in self._children.get(key, []):
                child_pending, child_total = self.counts(child)
                pending, total = pending + child_pending, total + child_total
            self._pending[key] = (pending, total)
        return self._pending[key]

    # -- helpers -------------------------------------------------------------------------------
    def _index_of(self, key: str, column: int = 0) -> QModelIndex:
        if key == _ROOT:
            return QModelIndex()
        return self.createIndex(self._rows[key], column, self._ids[key])

    def _key(self, index: Index) -> str:
        return self._keys[index.internalId() - 1] if index.isValid() else _ROOT

    def _emit_counts(self, keys: Iterable[str]) -> None:
        for key in keys:
            index = self._index_of(key, COL_PENDING)
            self.dataChanged.emit(self._index_of(key, COL_TITLE), index)

    # -- Qt overrides ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        children = self._children.get(self._key(parent), [])
        if not (0 <= row < len(children) and 0 <= column < COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, self._ids[children[row]])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        return self._index_of(self._parent[self._key(index)])

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self._key(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < COLUMNS:
            return (self.tr("Section"), self.tr("Pending"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self._key(index)
        section = self._sections[key]
        if role == SECTION_KEY_ROLE:
            return key
        if role == ONLY_IN_ROLE:
            return section.only_in.value if section.only_in else ""
        if role == PENDING_ROLE:
            return self.counts(key)[0]
        if index.column() == COL_TITLE:
            return self._title_data(section, role)
        if index.column() == COL_PENDING:
            pending, total = self.counts(key)
            if role == Qt.ItemDataRole.DisplayRole:
                return "✓" if total and not pending else (str(pending) if total else "")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("%1 of %2 changes pending").replace("%1", str(pending)).replace("%2", str(total))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("done") if total and not pending else \
                    self.tr("%1 pending").replace("%1", str(pending))
        return None

    def _title_data(self, section: SectionPair, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title = section_title(section) or self.tr("(before the first heading)")
            if section.only_in is Role.BASE:
                return title + " " + self.tr("(only in base)")
            if section.only_in is Role.REFERENCE:
                return title + " " + self.tr("(only in reference)")
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return section_title(section)
        if role == Qt.ItemDataRole.FontRole and section.only_in is not None:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class SectionNavigator(QTreeView):
    """The tree of sections; choosing one emits ``section_chosen(key)``."""

    section_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sections"))
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIndentation(14)

    def setModel(self, model: SectionTreeModel) -> None:  # Qt override
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # a fixed width: ResizeToContents measures every row on every insert (3,400 while streaming)
        header.setSectionResizeMode(COL_PENDING, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_PENDING, self.fontMetrics().horizontalAdvance("99999") + 12)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        model.rowsInserted.connect(lambda parent, *_: self.expand(parent) if parent.isValid() else None)

    def retranslate_ui(self) -> None:
        """The model translates as it answers: have the header and rows asked again."""
        self.setAccessibleName(self.tr("Sections"))
        model = self.model()
        if model is not None:
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self.viewport().update()

    def select_key(self, key: str) -> None:
        index = self.model().index_for_key(key)
        if index.isValid() and index != self.currentIndex():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.section_chosen.emit(current.data(SECTION_KEY_ROLE))
