"""The change inspector and the section's change list.

:class:`ChangeInspector` shows one change given as plain data (the change, its decision and
its section's title): kind, confidence (as the editor's decisions elsewhere moved it, and
why: :meth:`app.review.Review.learned`), both texts with the differing characters marked
(:func:`app.align.char_diff`), the suggestion and its reason, and the decision. Its buttons
and the inline editor only emit intents — ``accept_requested``, ``reject_requested``,
``edit_requested(text)`` — the window performs them. A long value (a rewritten or moved
paragraph) shows a few lines and scrolls (:class:`BoundedValue`), so the inspector's height
stays bounded at any window size and no row label is overlapped.

:class:`ChangeList` is the section's changes in a table with filters by kind and decision;
it emits ``change_chosen(id)``.

Imports: Qt, the core, :mod:`ui.change_model`, :mod:`ui.palette`.
"""

from __future__ import annotations

import html
import unicodedata
from difflib import SequenceMatcher
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QScrollArea, QSizePolicy, QStyle,
                               QTableView, QVBoxLayout, QWidget)

from app.align import char_diff
from app.classify import pattern_label
from app.feedback import Learned
from app.model import Change, Decision, Edition, Kind, Verdict, bidi_controls
from ui.change_editor import ChangeEditor
from ui.change_model import (CHANGE_ID_ROLE, COL_BASE, COL_DECISION, COL_KIND, COL_REFERENCE,
                             ChangeFilterModel, ChangeTableModel, shown, verdict_label)
from ui.palette import kind_label, kind_styles
from ui.reasons import translated
from ui.safe_text import filled, named_controls, plain_tip

if TYPE_CHECKING:
    from ui.navigation import Navigation


def marked_html(a: str, b: str, color: str) -> tuple[str, str]:
    """``a`` and ``b`` as HTML with the characters only one of them has marked."""
    left, right = [], []
    for op, text in char_diff(a, b):
        piece = html.escape(shown(text) if not text.strip() else named_controls(text))
        if op == 0:
            left.append(piece); right.append(piece)
        else:
            span = f'<span style="background:{color}; text-decoration: underline">{piece}</span>'
            (left if op < 0 else right).append(span)
    return "".join(left) or "∅", "".join(right) or "∅"


def code_points(a: str, b: str, most: int = 4) -> str:
    """The characters that differ between ``a`` and ``b`` as code points with their names:
    ``U+002D HYPHEN-MINUS → U+2013 EN DASH`` (at most ``most`` on each side)."""
    def named(text: str) -> str:
        chars = [c for c in text if not c.isspace()] or list(text)
        shown_ = [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in chars[:most]]
        return ", ".join(shown_) + (" …" if len(chars) > most else "") if chars else "∅"
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    left = "".join(a[i1:i2] for _tag, i1, i2, _j1, _j2 in ops)
    right = "".join(b[j1:j2] for _tag, _i1, _i2, j1, j2 in ops)
    return f"{named(left)} → {named(right)}"


class BoundedValue(QScrollArea):
    """A value that may be long (a moved paragraph, a rewritten sentence): as tall as its
    wrapped text up to ``lines`` lines, then it scrolls, so the inspector's height stays
    bounded and its labels keep their rows at any window size."""

    def __init__(self, label: QLabel, lines: int) -> None:
        super().__init__()
        self.label, self.lines = label, lines
        self._cap: tuple[object, int] = (None, 0)
        self._needed: tuple[str, dict[tuple[str, int], int]] = ("", {})
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        label.setAutoFillBackground(False)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # Qt override
        return True

    def cap(self) -> int:
        """The height of ``lines`` whole lines as the label lays them out (rich text's lines
        are not the font's line spacing): measured once per font on a label like it."""
        key = (self.label.font().key(), self.label.textFormat())
        if self._cap[0] != key:
            probe = QLabel()
            probe.setFont(self.label.font())
            probe.setWordWrap(True)
            probe.setTextFormat(self.label.textFormat())
            rich = self.label.textFormat() is Qt.TextFormat.RichText
            probe.setText(("<br>" if rich else "\n").join(["Xg"] * self.lines))
            self._cap = (key, probe.heightForWidth(1000))
        return self._cap[1]

    def needed(self, width: int) -> int:
        """The label's wrapped height at ``width``, kept for its text, font and width: the
        layout asks it about 18 times per shown change, and a rich label lays its text out
        again at each ask (2 ms of each keypress at the 100× pair)."""
        text = self.label.text()
        if self._needed[0] != text:
            self._needed = (text, {})
        heights, key = self._needed[1], (self.label.font().key(), width)
        if key not in heights:
            heights[key] = self.label.heightForWidth(width)
        return heights[key]

    def heightForWidth(self, width: int) -> int:  # Qt override
        cap = self.cap()
        needed = self.needed(width)
        return needed if needed <= cap else cap

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(self.label.sizeHint().width(), self.heightForWidth(max(self.width(), 1)))

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(0, self.label.fontMetrics().lineSpacing())

    def fits(self) -> bool:
        """The whole text shows without scrolling."""
        return self.needed(self.viewport().width()) <= self.viewport().height() + 1


class ChangeInspector(QWidget):
    """Details of the current change with Accept / Reject / Edit."""

    accept_requested = Signal()
    reject_requested = Signal()
    edit_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.dark = False
        self._suggested: str | None = None  # the current change's suggested edit, if any
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form = form
        self._areas: dict[QLabel, BoundedValue] = {}
        # long values scroll within a few lines (BoundedValue); the kind is always one line or two
        self.section_label = self._value(lines=2)
        self.kind_label = self._value(lines=3)
        self.base_label = self._value(rich=True, lines=4)
        self.reference_label = self._value(rich=True, lines=4)
        self.suggestion_label = self._value(lines=4)
        self.decision_label = self._value(lines=2)
        for label in (self.section_label, self.kind_label, self.base_label, self.reference_label,
                      self.suggestion_label, self.decision_label):
            form.addRow(QLabel(), self.field(label))

        self.accept_button, self.reject_button, self.edit_button = QPushButton(), QPushButton(), QPushButton()
        self.accept_button.clicked.connect(self.accept_requested)
        self.reject_button.clicked.connect(self.reject_requested)
        self.edit_button.clicked.connect(self.begin_edit)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.edit_button):
            buttons.addWidget(button)

        self.editor = ChangeEditor()
        self.editor.saved.connect(self.edit_requested)
        self.editor.saved.connect(self._editor_closed)
        self.editor.cancelled.connect(self._editor_closed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)  # the buttons keep off the window's edge
        layout.addLayout(form)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.show_change(None, None, "")

    def retranslate_ui(self) -> None:
        """Every fixed string in the language installed now (the values are the caller's)."""
        self.setAccessibleName(self.tr("Change inspector"))
        for row, label in ((self.tr("Section"), self.section_label), (self.tr("Kind"), self.kind_label),
                           (self.tr("Base"), self.base_label), (self.tr("Reference"), self.reference_label),
                           (self.tr("Suggestion"), self.suggestion_label),
                           (self.tr("Decision"), self.decision_label)):
            self.form.labelForField(self.field(label)).setText(row + ":")
            label.setAccessibleName(row)
        self.base_label.setAccessibleName(self.tr("Base text"))
        self.reference_label.setAccessibleName(self.tr("Reference text"))
        # no mnemonics: Alt+R and Alt+E open the Review and Edit menus; the keys are A, R, E
        for button, text, tip in ((self.accept_button, self.tr("Accept"), self.tr("Take the reference text (A)")),
                                  (self.reject_button, self.tr("Reject"), self.tr("Keep the base text (R)")),
                                  (self.edit_button, self.tr("Edit…"), self.tr("Write the text yourself (E)"))):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
        self.editor.retranslate_ui()

    def _value(self, rich: bool = False, lines: int = 0) -> QLabel:
        """A value label; with ``lines``, inside a :class:`BoundedValue` of that many lines."""
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if lines:
            self._areas[label] = BoundedValue(label, lines)
        return label

    def field(self, label: QLabel) -> QWidget:
        """The widget standing in the form for value ``label`` (its BoundedValue, if any)."""
        return self._areas.get(label, label)

    def _values_changed(self) -> None:
        for area in self._areas.values():
            area.verticalScrollBar().setValue(0)  # a new change starts at its beginning
            area.updateGeometry()
        self.form.invalidate()  # the new heights count now, not once the layout request arrives
        self.layout().invalidate()
        self._fit_height()

    def show_change(self, change: Change | None, decision: Decision | None, section: str,
                    word_confidence: float | None = None, learned: Learned | None = None) -> None:
        """Show ``change``; ``word_confidence`` is the OCR's own confidence in the words under
        it (the lowest, where the base edition came with word boxes); ``learned`` its
        confidence once the editor's decisions elsewhere are taken in (:meth:`Review.learned`)."""
        self.editor.hide()
        enabled = change is not None
        for button in (self.accept_button, self.reject_button, self.edit_button):
            button.setEnabled(enabled)
        if change is None or decision is None:
            for label in (self.kind_label, self.base_label, self.reference_label,
                          self.suggestion_label, self.decision_label):
                label.setText("—")
            self.section_label.setText(section or "—")
            self.section_label.setToolTip(plain_tip(section))
            self._values_changed()
            return
        self.change_id = change.id
        style = kind_styles(self.dark)[change.kind]
        self.section_label.setText(named_controls(section))
        confidence = change.confidence if learned is None else learned.confidence
        kind_text = self.tr("%1 · confidence %2%").replace("%1", kind_label(change.kind)) \
            .replace("%2", str(round(confidence * 100)))
        if learned is not None and (learned.lowered or learned.raised):
            kind_text += "\n" + self.learned_text(learned)
        if word_confidence is not None:
            kind_text += " · " + self.tr("OCR word confidence %1%").replace("%1", str(round(word_confidence * 100)))
        self.kind_label.setText(kind_text)
        base, reference = marked_html(change.base_text, change.reference_text, style.background.name())
        self.base_label.setText(base)
        self.reference_label.setText(reference)
        suggestion = change.suggestion
        if suggestion is None:
            text = self.tr("none — decide yourself")
        else:
            word = {Verdict.ACCEPTED: self.tr("accept"), Verdict.REJECTED: self.tr("reject"),
                    Verdict.EDITED: self.tr("edit to “%1”").replace("%1", shown(suggestion.decision.text or ""))}
            text = f"{word[suggestion.decision.verdict]} — {translated(suggestion.reason or change.reason)}"
        if change.pattern:
            text += "  [" + pattern_label(change.pattern) + "]"
        if change.changes_bidi:
            text += "\n" + self.tr("Adds or removes a bidirectional control character (%1): it can "
                                   "make text read in reverse.").replace(
                "%1", ", ".join(sorted(set(bidi_controls(change.base_text)) ^ set(bidi_controls(change.reference_text)))
                                or "reordered"))
        if not change.bulk_safe:
            text += "\n" + self.tr("Never included in bulk accepts (content, a number or a bidi control).")
        if change.kind is Kind.TYPOGRAPHY:  # two dashes can look the same: name them
            text += "\n" + code_points(change.base_text, change.reference_text)
        self.suggestion_label.setText(text)
        label = verdict_label(decision.verdict)
        if decision.verdict is Verdict.EDITED:
            label += f": “{shown(decision.text or '')}”"  # on one line, as the list shows it
        self.decision_label.setText(label)
        self._base_text, self._reference_text = change.base_text, change.reference_text
        self._suggested = suggestion.decision.text if suggestion is not None else None
        self.section_label.setToolTip(plain_tip(section))
        self._values_changed()

    def learned_text(self, learned: Learned) -> str:
        """Why the confidence moved: "lowered from 99 %: you rejected a→ä 2×, took it 0×"."""
        pattern = "→".join(shown(side) or "∅" for side in learned.pattern) if learned.pattern else ""
        pattern = pattern if len(pattern) <= 40 else pattern[:39] + "…"
        text = (self.tr("lowered from %1% — you overruled this pattern (%2) %3×, took it %4×") if learned.lowered
                else self.tr("raised from %1% — you took this pattern (%2) %4×, overruled it %3×"))
        return filled(text, str(round(learned.engine * 100)), pattern,
                      str(learned.overruled), str(learned.taken))

    def follow(self, navigation: Navigation, title: Callable[[str], str]) -> None:
        """Show whatever change ``navigation`` makes current; ``title`` names a section."""
        self._navigation, self._title = navigation, title
        navigation.current_changed.connect(lambda _key, _change: self.show_current())

    def show_current(self) -> None:
        """Show the current change as the review has it now (after a decision, too)."""
        navigation = self._navigation
        review = navigation.review
        if review is None or navigation.section is None:
            return
        if navigation.change:
            change = review.change(navigation.change)
            decision = review.decision(change.id)
            learned = review.learned(change.id) if decision.verdict is Verdict.PENDING else None
            self.show_change(change, decision, self._title(change.section),
                             ocr_confidence(review.comparison.base, change), learned)
        else:
            self.show_change(None, None, self._title(navigation.section))

    def _fit_height(self, shrink: bool = False) -> None:
        """Grow to the wrapped values' height at this width, so no value is cut off.

        The window's splitter gives the inspector its size hint, which Qt computes without
        word wrap; a minimum height from ``heightForWidth`` makes it take the lines it needs.
        It only grows while the width stays (``shrink`` after a resize): a height that
        followed each change made the change list below jump, and repaint every row, on
        every step.
        """
        layout = self.layout()
        if layout is not None and self.width() > 0:
            needed = layout.totalHeightForWidth(self.width())
            if shrink or needed > self.minimumHeight():
                self.setMinimumHeight(needed)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height(shrink=True)

    def begin_edit(self) -> None:
        """Open the editor on the current change, starting from its suggested edit if it has
        one (a content change's print with its misreads read back), else the reference text."""
        if self.edit_button.isEnabled():
            self.editor.start(self._base_text, self._reference_text)
            if self._suggested is not None:  # the suggested edit: the base's pieces, some read back
                self.editor.take(set())
                self.editor.setText(self._suggested)
            self._fit_height()  # room for the editor: the change list below gives it up

    def _editor_closed(self) -> None:
        self._fit_height(shrink=True)


class ChangeList(QWidget):
    """The current section's changes, filterable by kind and decision."""

    change_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._following = False  # select_change is moving the current row (no change_chosen)
        self.model = ChangeTableModel(self)
        self.proxy = ChangeFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.kind_filter = QComboBox()
        for data in ("nolayout", "all", Kind.OCR, Kind.TYPOGRAPHY, Kind.LAYOUT, Kind.CONTENT):
            self.kind_filter.addItem("", getattr(data, "value", data))
        self.verdict_filter = QComboBox()
        for data in ("all", *Verdict):
            self.verdict_filter.addItem("", getattr(data, "value", data))
        self.kind_filter.currentIndexChanged.connect(self._refilter)
        self.verdict_filter.currentIndexChanged.connect(self._refilter)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        # always there: a scroll bar coming and going with the section's length resized the
        # columns and repainted the whole list twice after moving to a longer section
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header = self.view.horizontalHeader()
        # fixed widths from the labels, not ResizeToContents: that re-measures every row of the
        # section on each decision (a keypress cost 30 ms in a long section)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_BASE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REFERENCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DECISION, QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.verdict_filter, 1)
        self.empty_label = QLabel()  # an empty list says why, never a blank table
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._say_if_empty)
        box = QGroupBox()
        inner = QVBoxLayout(box)
        inner.addLayout(filters)
        inner.addWidget(self.empty_label)
        inner.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 4)
        layout.addWidget(box)
        self.box = box
        self.retranslate_ui()
        self._refilter()

    def retranslate_ui(self) -> None:
        """Filters, title and column headers in the language installed now."""
        self.kind_filter.setAccessibleName(self.tr("Filter by kind"))
        self.verdict_filter.setAccessibleName(self.tr("Filter by decision"))
        self.view.setAccessibleName(self.tr("Changes in this section"))
        self._say_if_empty()
        self.box.setTitle(self.tr("Changes in section"))
        names = {"nolayout": self.tr("All but layout"), "all": self.tr("All kinds"),
                 **{kind.value: kind_label(kind) for kind in Kind}}
        for i in range(self.kind_filter.count()):
            self.kind_filter.setItemText(i, names[self.kind_filter.itemData(i)])
        names = {"all": self.tr("Any decision"), **{v.value: verdict_label(v) for v in Verdict}}
        for i in range(self.verdict_filter.count()):
            self.verdict_filter.setItemText(i, names[self.verdict_filter.itemData(i)])
        # the model translates as it answers; tell the view to ask again
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        metrics, header = self.view.fontMetrics(), self.view.horizontalHeader()
        pad = 2 * self.view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 6
        for column, labels in ((COL_KIND, [kind_label(k) for k in Kind]),
                               (COL_DECISION, [verdict_label(v) for v in Verdict])):
            labels.append(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in labels) + pad)
        self.view.viewport().update()

    def follow(self, navigation: Navigation) -> None:
        """List the current section's changes, with the current change selected."""
        def section(key: str) -> None:
            if key != self.model.section_key or self.model.review is not navigation.review:
                self.model.set_section(navigation.review, key)
        navigation.section_changed.connect(section)
        navigation.current_changed.connect(lambda _key, change: change and self.select_change(change))

    def show_layout(self, shown_: bool) -> None:
        """Follow View › Show Layout Changes: "all but layout" or "all" as the default filter."""
        if self.kind_filter.currentData() in ("nolayout", "all"):
            self.kind_filter.setCurrentIndex(1 if shown_ else 0)

    def select_change(self, change_id: str) -> None:
        """Make ``change_id`` the one current and selected row, without announcing it back.

        The selection model's signals stay on (blocking them left the view painting the
        rows it had selected before); a flag keeps ``change_chosen`` quiet instead."""
        row = self.model.row_of(change_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if index.isValid() and index.row() != self.view.currentIndex().row():
            self._following = True
            try:
                flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)
                self.view.selectionModel().setCurrentIndex(index, flags)
            finally:
                self._following = False
            self.view.scrollTo(index)

    def _refilter(self) -> None:
        kind = self.kind_filter.currentData()
        if kind == "nolayout":
            kinds = {Kind.OCR, Kind.TYPOGRAPHY, Kind.CONTENT}
        else:
            kinds = None if kind in ("all", None) else {Kind(kind)}
        verdict = self.verdict_filter.currentData()
        self.proxy.set_filter(kinds, None if verdict in ("all", None) else {Verdict(verdict)})

    def _say_if_empty(self, *_args) -> None:
        """Say so when the list is empty: no change in the section, or none the filters let through."""
        if self.proxy.rowCount():
            self.empty_label.hide()
            return
        if self.model.rowCount():
            self.empty_label.setText(self.tr("No change in this section matches these filters "
                                             "(%1 hidden).").replace("%1", str(self.model.rowCount())))
        else:
            self.empty_label.setText(self.tr("No changes in this section."))
        self.empty_label.show()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._following:
            self.change_chosen.emit(current.data(CHANGE_ID_ROLE))


def ocr_confidence(base: Edition, change: Change) -> float | None:
    """The lowest OCR word confidence under ``change``'s base side (None without word boxes)."""
    return base.geometry.lowest_confidence(change.base.start, change.base.end) if base.geometry else None
