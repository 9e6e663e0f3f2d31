"""The section navigator: a tree model over the comparison's sections, and its view.

:class:`SectionTreeModel` nests sections by their numbers (2.3 under 2); a section with no
number after a numbered one (a sub-heading the report does not number) under the numbered
section it stands in. The window builds
it from the outline the comparison sends first (:meth:`stage` in pieces, then one
:meth:`attach`); as sections are compared and decided only the count cells that moved are
rewritten (:meth:`recount`, :meth:`decisions_changed`). The title is
the reference edition's (the digital text spells it right); the second column counts pending
changes in the section and its subsections, with a check mark when none are left. A section
found in one edition only is shown in italics with a note saying which.
:class:`SectionNavigator` is the view; it emits ``section_chosen(key)`` — an intent.

Imports: Qt, the core.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView

from app.model import Role, SectionPair
from app.review import DecisionsChanged, Review
from ui.safe_text import named_controls, plain_tip

COL_TITLE, COL_PENDING = range(2)
COLUMNS = 2

SECTION_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PENDING_ROLE = Qt.ItemDataRole.UserRole + 2
ONLY_IN_ROLE = Qt.ItemDataRole.UserRole + 3
TOTAL_ROLE = Qt.ItemDataRole.UserRole + 4

_ROOT = ""


def section_title(section: SectionPair) -> str:
    """The title to show: the reference's heading if it has one, else the base's."""
    heading = section.reference_heading or section.base_heading
    title = heading.title if heading is not None else section.title
    return f"{section.number} {title}".strip() if section.number else title


class SectionTreeModel(QStandardItemModel):
    """Sections as a tree, held in Qt's own item model.

    A thin adapter all the same: :meth:`append_sections` and :meth:`decisions_changed` map the
    core's events onto rows and the count cells they move. It stores the cells rather than
    answering ``data()`` from Python because a tree view calls its model about ten times per
    row per paint: a Python model made each repaint of the tree cost 30 ms, which is what
    froze the window while a long report streamed in. Here painting never calls Python.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(0, COLUMNS, parent)
        self._review: Review | None = None
        self._sections: dict[str, SectionPair] = {}
        self._items: dict[str, tuple[QStandardItem, QStandardItem]] = {}
        self._keys: list[str] = []
        self._parent: dict[str, str] = {}
        self._children: dict[str, list[str]] = {_ROOT: []}
        self._by_number: dict[str, str] = {}
        self._last_numbered = _ROOT  # where an unnumbered section staged now belongs
        self._pending: dict[str, tuple[int, int]] = {}
        # rows built by stage() and not yet in the model
        self._staged: list[tuple[QStandardItem, list[QStandardItem]]] = []
        self._detached: set[str] = set()
        self._touched: set[str] = set()

    # -- feeding -----------------------------------------------------------------------------
    def clear(self) -> None:  # Qt override: QStandardItemModel.clear also drops the columns
        self._review = None
        self.removeRows(0, self.rowCount())
        self._sections.clear(); self._items.clear(); self._keys.clear(); self._parent.clear()
        self._children = {_ROOT: []}
        self._by_number.clear(); self._pending.clear()
        self._last_numbered = _ROOT
        self._staged, self._detached, self._touched = [], set(), set()

    def append_sections(self, sections: Iterable[SectionPair]) -> None:
        """Add sections now; they and their ancestors are counted again."""
        self.stage(sections)
        self.attach()

    def stage(self, sections: Iterable[SectionPair]) -> None:
        """Build the rows of ``sections`` off the model, where no view hears of them until
        :meth:`attach`. A section whose parent is staged too is attached to it directly, so
        a chapter and its subsections are one insertion for the view."""
        touched, detached, inserts = self._touched, self._detached, self._staged
        for section in sections:
            parent_key = self._parent_key(section)
            row = [QStandardItem(), QStandardItem()]
            for item in row:
                item.setEditable(False)
                item.setData(section.key, SECTION_KEY_ROLE)
                item.setData(section.only_in.value if section.only_in else "", ONLY_IN_ROLE)
            row[COL_PENDING].setData(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                                     Qt.ItemDataRole.TextAlignmentRole)
            if section.only_in is not None:
                font = QFont()
                font.setItalic(True)
                row[COL_TITLE].setFont(font)
            self._sections[section.key] = section
            self._items[section.key] = (row[0], row[1])
            self._keys.append(section.key)
            self._parent[section.key] = parent_key
            self._children[section.key] = []
            self._children[parent_key].append(section.key)
            if section.number:
                self._by_number.setdefault(section.number, section.key)
                self._last_numbered = section.key
            self._write_title(section.key)
            self._write_counts(section.key)
            if parent_key in detached:
                self._items[parent_key][COL_TITLE].appendRow(row)
            else:
                parent = self.invisibleRootItem() if parent_key == _ROOT else self._items[parent_key][COL_TITLE]
                inserts.append((parent, row))
            detached.add(section.key)
            touched.add(parent_key)

    def _parent_key(self, section: SectionPair) -> str:
        """The row a section goes under: its parent number's, else, with no number, the
        numbered section before it (the one its unnumbered heading stands in)."""
        if section.parent_number:
            return self._by_number.get(section.parent_number, _ROOT)
        return _ROOT if section.number else self._last_numbered

    @property
    def staged(self) -> bool:
        """Rows wait for :meth:`attach`."""
        return bool(self._staged)

    def attach(self, reset: bool = False) -> None:
        """Put the staged rows into the model. ``reset``: as one model reset rather than an
        insertion per top-level row (the whole outline of a long report at once: a view lays
        itself out and repaints once, not for every chapter)."""
        staged, touched = self._staged, self._touched
        self._staged, self._detached, self._touched = [], set(), set()
        if reset:
            self.beginResetModel()
            self.blockSignals(True)
        try:
            for parent, row in staged:
                parent.appendRow(row)
        finally:
            if reset:
                self.blockSignals(False)
                self.endResetModel()
        self._pending.clear()
        if not reset:  # rows joined parents already shown, whose counts now include them
            self.recount(touched)  # (staged rows were written as they were built and counted)

    def set_review(self, review: Review | None) -> None:
        """Count from ``review`` (the provisional one while streaming, then the final one)."""
        self._review = review
        self._pending.clear()
        for key in self._keys:
            self._write_counts(key)

    def decisions_changed(self, changed: DecisionsChanged) -> None:
        self.recount(changed.sections)

    def retranslate(self) -> None:
        """Every row's texts in the language installed now."""
        for key in self._keys:
            self._write_title(key)
            self._write_counts(key)

    def index_for_key(self, key: str) -> QModelIndex:
        return self.indexFromItem(self._items[key][COL_TITLE]) if key in self._items else QModelIndex()

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

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):  # Qt override: translated as asked
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < COLUMNS:
            return (self.tr("Section"), self.tr("Pending"))[section]
        return None

    # -- the cells ---------------------------------------------------------------------------
    def recount(self, keys: Iterable[str]) -> None:
        """``keys`` (those with a row) and their ancestors count anew; only they repaint."""
        touched: set[str] = set()
        for key in keys:
            if key not in self._items:  # not shown yet: counted when its row is added
                continue
            while key and key not in touched:
                touched.add(key)
                key = self._parent.get(key, _ROOT)
        for key in touched:
            self._pending.pop(key, None)
        for key in touched:
            self._write_counts(key)

    def _write_title(self, key: str) -> None:
        section, item = self._sections[key], self._items[key][COL_TITLE]
        title = section_title(section) or self.tr("(before the first heading)")
        if section.only_in is Role.BASE:
            title += " " + self.tr("(only in base)")
        elif section.only_in is Role.REFERENCE:
            title += " " + self.tr("(only in reference)")
        item.setText(named_controls(title))
        item.setData(title, Qt.ItemDataRole.AccessibleTextRole)
        item.setToolTip(plain_tip(section_title(section)))  # a document's title: never rich text

    def _write_counts(self, key: str) -> None:
        pending, total = self.counts(key)
        title, cell = self._items[key]
        done = bool(total) and not pending
        compared = self._review is None or self._review.has_section(key)  # else only in the outline
        shown = "✓" if done else (str(pending) if total else "") if compared else "…"
        if cell.data(PENDING_ROLE) == pending and cell.data(TOTAL_ROLE) == total and cell.text() == shown \
                and cell.data(Qt.ItemDataRole.ToolTipRole) is not None:
            return  # unchanged: no signal, no repaint
        counts = {PENDING_ROLE: pending, TOTAL_ROLE: total}
        said = (self.tr("done") if done else self.tr("%1 pending").replace("%1", str(pending))) if compared \
            else self.tr("not compared yet")
        cell_data = {
            **counts,
            Qt.ItemDataRole.DisplayRole: shown,
            Qt.ItemDataRole.ToolTipRole: self.tr("%1 of %2 changes pending").replace("%1", str(pending))
                                         .replace("%2", str(total)) if compared else said,
            Qt.ItemDataRole.AccessibleTextRole: said,
        }
        # one dataChanged per cell, not one per role: the tree measures the row on each
        for item, roles in ((title, counts), (cell, cell_data)):
            if item.model() is None:  # not in the model yet (a row being built)
                for role, value in roles.items():
                    item.setData(value, role)
            else:
                merged = self.itemData(item.index())
                merged.update(roles)
                self.setItemData(item.index(), merged)


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
        self._fit_pending_column()
        self.selectionModel().currentRowChanged.connect(self._on_current)
        model.rowsInserted.connect(self._expand_inserted)

    def retranslate_ui(self) -> None:
        """The model translates as it answers: have the header and rows asked again."""
        self.setAccessibleName(self.tr("Sections"))
        model = self.model()
        if model is not None:
            model.retranslate()
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
            self._fit_pending_column()
        self.viewport().update()

    def _fit_pending_column(self) -> None:
        """Wide enough for five digits and for its title in the language installed now
        (the Swedish "Obeslutade" was cut to "Obeslut")."""
        header, model = self.header(), self.model()
        title = str(model.headerData(COL_PENDING, Qt.Orientation.Horizontal)) if model is not None else ""
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 12
        header.resizeSection(COL_PENDING, max(self.fontMetrics().horizontalAdvance("99999") + 12,
                                              header.fontMetrics().horizontalAdvance(title) + pad))

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """Every level stays open: the parent, and new rows that came with children."""
        if parent.isValid():
            self.expand(parent)
        model = self.model()
        for row in range(first, last + 1):
            index = model.index(row, 0, parent)
            if model.hasChildren(index):
                self.expand(index)

    def follow(self, navigation) -> None:
        """Keep the current section (a :class:`ui.navigation.Navigation`'s) selected."""
        navigation.section_changed.connect(self.select_key)

    def select_key(self, key: str) -> None:
        """Select section ``key`` without announcing it back as the editor's choice."""
        index = self.model().index_for_key(key)
        if index.isValid() and index != self.currentIndex():
            self._following = True
            try:
                self.setCurrentIndex(index)
            finally:
                self._following = False
            self.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not getattr(self, "_following", False):
            self.section_chosen.emit(current.data(SECTION_KEY_ROLE))
