"""ProofPair's main window: the controller that routes intents to the core and back.

Widgets emit intents (``section_chosen``, ``accept_requested`` …); this window wires them to
the parts that perform them. The current section and change belong to one
:class:`~ui.navigation.Navigation`; every view follows it (``follow``), so a move is one
call, not a push into six views. Decisions go through :class:`~ui.deciding.Decider` (one
undoable command per :meth:`Review.decide`, each with its provenance). Loading and comparing
run in a child process; :class:`~ui.streaming.Streaming` shows what it sends as it comes,
so the first section can be reviewed while the rest is still being compared.

Imports: Qt, the core, the rest of :mod:`ui`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QIcon, QUndoStack
from PySide6.QtWidgets import (QLabel, QMainWindow,
                               QMessageBox, QProgressBar, QPushButton, QSplitter, QVBoxLayout, QWidget)

import resources
from app import engine
from app.model import Change, Comparison, Decision, Kind, Provenance
from app.review import DecisionsChanged, Review
from ui import allocator, page_view, review_plan, status
from ui.appearance import Appearance
from ui.canonical import CanonicalView
from ui.reasons import translated
from ui.change_marks import ChangeMarks
from ui.deciding import Decider
from ui.file_actions import FileActions
from ui.find import FindBar, Finder
from ui.inspector import ChangeInspector, ChangeList
from ui.navigation import Navigation
from ui.navigator import SectionNavigator, SectionTreeModel, section_title
from ui.overview import KindLegend
from ui.palette import is_dark
from ui.settings import Settings
from ui.menus import shortcuts_dialog
from ui.text_panes import ComparePanes
from ui.streaming import Streaming
from ui.worker import TaskRunner


class MainWindow(QMainWindow):
    """The review window over one pair of editions (or one session)."""

    #: The comparison is complete and shown: Save and Export are possible from now on.
    review_completed = Signal()

    def __init__(self, settings: Settings | None = None, quiet: bool = False) -> None:
        super().__init__()
        allocator.keep_large_blocks_mapped()  # process-wide: a long review grows without stalls
        self.settings = settings or Settings()
        self.quiet = quiet  # no modal boxes (screenshots, smoke test)
        self.errors: list[str] = []  # every error said, so --screenshot can tell it on stderr
        self.review: Review | None = None
        self.comparison: Comparison | None = None
        self.session_path: Path | None = None
        self.navigation = Navigation(self)
        self.navigation.visible = self.visible
        self.navigation.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.navigation.current_changed.connect(self._update_status)
        self.decider = Decider(self)
        # layout-only changes are hidden until asked for (Settings' own default shows them)
        self.show_layout = bool(self.settings.store.value("show_layout", False, type=bool))
        self._splitter_moved = False
        self.dark = is_dark()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.stream = Streaming(self)
        self.files = FileActions(self)
        self.autosaver = self.files.autosaver
        self._build()
        self.page_view = page_view.attach(self)
        self.appearance = Appearance(self)
        self.retranslate_ui()
        self.files.update_actions()
        self.setAcceptDrops(True)
        self.set_text_size(self.settings.text_size)
        self.set_show_layout(self.show_layout)
        self.set_show_decided(self.settings.show_decided)
        self.navigation.set_order(self.settings.review_order)
        self._update_title()
        self._update_status()
        try:
            self.setWindowIcon(QIcon(str(resources.file_path("icons", "proofpair.svg"))))
        except FileNotFoundError:
            pass

    @property
    def current_section(self) -> str | None:
        return self.navigation.section

    @property
    def current_change(self) -> str | None:
        return self.navigation.change

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.navigator_model = SectionTreeModel(self)
        self.navigator = SectionNavigator()
        self.navigator.setModel(self.navigator_model)
        self.navigator.section_chosen.connect(self.go_to_section)
        self.navigator.follow(self.navigation)

        self.panes = ComparePanes()
        self.marks = ChangeMarks(self.panes)
        self.panes.offset_clicked.connect(self._on_offset_clicked)
        self.panes.overview.change_requested.connect(self.go_to_change)
        self.panes.follow(self.navigation)
        self.legend = KindLegend()
        self.canonical = CanonicalView()
        self.canonical_label = QLabel()
        self.canonical_label.setBuddy(self.canonical)
        self.canonical.section_shown.connect(self._update_canonical_label)
        self.canonical.follow(self.navigation)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.finder = Finder(self)

        compare = QWidget()
        column = QVBoxLayout(compare)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.find_bar)
        column.addWidget(self.panes, 1)
        column.addWidget(self.legend)
        canonical = QWidget()
        column2 = QVBoxLayout(canonical)
        column2.setContentsMargins(0, 4, 0, 0)
        column2.setSpacing(2)
        column2.addWidget(self.canonical_label)
        column2.addWidget(self.canonical, 1)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(compare)
        centre.addWidget(canonical)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 1)
        centre.setChildrenCollapsible(False)

        self.inspector = ChangeInspector()
        self.inspector.accept_requested.connect(lambda: self.accept_current("button"))
        self.inspector.reject_requested.connect(lambda: self.reject_current("button"))
        self.inspector.edit_requested.connect(self.edit_current)
        self.inspector.follow(self.navigation, self.section_title)
        self.change_list = ChangeList()
        self.change_list.change_chosen.connect(self.go_to_change)
        self.change_list.follow(self.navigation)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.inspector)
        right.addWidget(self.change_list)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([250, 800, 350])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.navigator.setMinimumWidth(150)
        right.setMinimumWidth(300)
        self.setCentralWidget(self.splitter)

        self.doc_status, self.section_status = QLabel(), QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.doc_status.setContentsMargins(16, 0, 0, 0)  # apart from a transient message on its left
        bar = self.statusBar()
        bar.addPermanentWidget(self.doc_status)
        bar.addPermanentWidget(self.section_status)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.stream.show_progress(False)
        self.resize(1400, 900)

    def _on_splitter_moved(self) -> None:
        self._splitter_moved = True

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        if not self._splitter_moved:  # keep the proportions until the editor drags a handle
            width = self.splitter.width()  # the side columns keep room for their labels at 1024
            navigator, right = max(int(width * 0.16), 160), max(int(width * 0.27), 330)
            self.splitter.setSizes([navigator, width - navigator - right, right])

    def review_surfaces(self) -> list[QWidget]:
        """Where single-key shortcuts (A, R, E, Enter) apply: not in text fields."""
        return [self.navigator, self.panes, self.change_list.view, self.canonical,
                self.inspector.accept_button, self.inspector.reject_button, self.inspector.edit_button]

    # -- opening ---------------------------------------------------------------------------------
    def open_editions(self, base: str | Path, reference: str | Path,
                      decisions: Mapping[str, Decision] | None = None, loaded=None,
                      provenance: Mapping[str, Provenance] | None = None, ocr_language: str | None = None) -> None:
        """Compare ``base`` and ``reference`` in the background (replacing what is open); a
        scan among them is OCR'd in ``ocr_language`` (None: the session's, or guessed)."""
        if not self._may_discard():
            return
        self.undo_stack.clear()
        self.review = self.comparison = None
        self.navigation.reset(None)
        self.navigator_model.clear()
        self.change_list.model.set_section(None, None)
        self.canonical.set_review(None)
        self.inspector.show_change(None, None, "")
        self.session_path = loaded.path if loaded is not None else None
        self.statusBar().showMessage(self.tr("Comparing the editions…"))
        self.stream.start(base, reference, decisions, loaded, provenance, ocr_language)
        self.files.update_actions()
        self._update_title()

    def open_session(self, path: str | Path) -> None:
        self.files.open_session(path)

    def open_paths(self, paths: list[str]) -> None:
        """What the command line and drag-and-drop give: a session, or two editions."""
        self.files.open_paths(paths)

    def open_sample(self) -> None:
        self.open_editions(*resources.sample_paths())

    def wait_until_loaded(self, timeout_ms: int = 60000) -> bool:
        """Run the event loop until the comparison is done and shown (screenshots, tests)."""
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(10)
        check.timeout.connect(lambda: self.loading or loop.quit())
        QTimer.singleShot(timeout_ms, loop.quit)
        if self.loading:
            check.start()
            loop.exec()
        return self.review is not None and not self.loading

    @property
    def loading(self) -> bool:
        """A comparison is running, or what it sent is still being shown."""
        return self.stream.busy

    # -- the comparison (ui.streaming) ---------------------------------------------------------
    @property
    def runner(self) -> TaskRunner:
        return self.stream.runner

    def cancel_loading(self) -> None:
        """Stop comparing: what arrived stays reviewable, but Save and Export stay off."""
        self.stream.cancel()
        self.files.update_actions()
        self.statusBar().showMessage(self.tr("Comparison cancelled: the sections compared so far can be "
                                             "reviewed; to save or export, use File › Compare Again."))

    def compare_again(self) -> None:
        """Restart an unfinished comparison, keeping every decision made so far."""
        self.stream.again()

    def _set_review(self, review: Review) -> None:
        """Every view shows ``review`` from scratch (an empty one, which then grows)."""
        self.review = review
        self.navigation.reset(review)
        self.navigator_model.set_review(review)
        self.marks.reset(review)
        self.canonical.set_review(review)
        self.change_list.model.set_section(review, self.current_section)
        self._update_status()

    def _comparison_complete(self, reattached) -> None:
        """Every section is shown and the ending applied: Save and Export from now on."""
        review = self.review
        assert review is not None
        self.comparison = comparison = review.comparison
        self.change_list.model.set_section(review, self.current_section)  # the reinforced confidences
        self.inspector.show_current()
        self.files.update_actions()
        if self.files.recovered:
            self.setWindowModified(True)
        self.statusBar().showMessage(self.tr("Compared: %1 sections, %2 changes.")
                                     .replace("%1", str(len(comparison.sections)))
                                     .replace("%2", str(len(comparison.changes))), 8000)
        if self.session_path is not None:
            self.settings.add_recent(self.session_path)
            self.settings.last_session = self.session_path
        left_at = self.stream.session.settings.get("current_change") if self.stream.session is not None else None
        if isinstance(left_at, str) and left_at in comparison.by_id:  # where the editor left off
            self.go_to_change(left_at)
        if reattached is not None and reattached.report.message:
            self._warn(self.tr("Session reopened with differences"), reattached.report.message)
        if notes := [*comparison.base.notes, *comparison.reference.notes]:  # a charset, bytes shown as U+FFFD
            self._warn(self.tr("How the editions were read"), "\n".join(notes))
        if comparison.warnings and (alarm := engine.alarm(comparison)):
            self._warn(self.tr("Check the editions"), translated(alarm))
        self._update_title()
        if not self.quiet and not review.decisions():  # a fresh comparison: what the work is
            self.show_review_plan()
        self.review_completed.emit()

    def _comparison_failed(self, message: str) -> None:
        self.files.update_actions()
        self._error(self.tr("Cannot compare the editions"), message)
        self._update_title()

    # -- navigation (ui.navigation) ---------------------------------------------------------------
    def section_title(self, key: str) -> str:
        return section_title(self.review.section(key)) if self.review is not None else ""

    def visible(self, change: Change) -> bool:
        return self.show_layout or change.kind is not Kind.LAYOUT

    def go_to_section(self, key: str, change_id: str | None = None) -> None:
        self.navigation.go_to_section(key, change_id)

    def go_to_change(self, change_id: str) -> None:
        self.navigation.go_to_change(change_id)

    def step_change(self, step: int, pending_only: bool = False, kind: str | None = None) -> None:
        self.navigation.step_change(step, pending_only, kind)

    def step_section(self, step: int) -> None:
        self.navigation.step_section(step, self.navigator_model.keys())

    def _on_offset_clicked(self, side: str, offset: int) -> None:
        if self.review is None:
            return
        changes = self.review.changes
        pane = self.panes.base if side == "base" else self.panes.reference
        for i in pane.highlighter.spans.indices_between(offset, offset):  # a bisect, not a scan
            if i < len(changes) and self.visible(changes[i]):
                self.go_to_change(changes[i].id)
                return

    # -- deciding (ui.deciding) ----------------------------------------------------------------
    def decide(self, updates: Mapping[str, Decision], text: str, provenance: Provenance) -> None:
        self.decider.decide(updates, text, provenance)

    def _refresh_views(self, changed: DecisionsChanged) -> None:
        self.decider.refresh_views(changed)

    def accept_current(self, how: str = "key") -> None:
        self.decider.accept_current(how)

    def reject_current(self, how: str = "key") -> None:
        self.decider.reject_current(how)

    def edit_current(self, text: str) -> None:
        self.decider.edit_current(text)

    def accept_and_next(self) -> None:
        self.decider.accept_and_next()

    def reject_and_next(self) -> None:
        self.decider.reject_and_next()

    def bulk_accept(self, scope: str) -> None:
        self.decider.bulk_accept(scope)

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean or self.files.recovered)

    # -- painting ---------------------------------------------------------------------------------
    # -- theme and language (ui.appearance) ----------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        """View › Theme: remember ``theme`` and switch to it now."""
        self.appearance.set_theme(theme)

    def set_language(self, code: str) -> None:
        """View › Language: remember ``code`` and retranslate every widget now."""
        self.appearance.set_language(code)

    def apply_theme(self, dark: bool) -> None:
        self.appearance.apply_theme(dark)

    def retranslate_ui(self) -> None:
        self.appearance.retranslate()

    @property
    def theme_notifier(self):
        return self.appearance.theme_notifier

    def set_show_layout(self, shown: bool) -> None:
        self.show_layout = shown
        self.settings.show_layout = shown
        hidden = () if shown else ("layout",)
        for pane in self.panes.panes():
            pane.highlighter.set_hidden(hidden)
        self.change_list.show_layout(shown)
        self.panes.overview.set_hidden(() if shown else (Kind.LAYOUT,))

    def set_show_decided(self, shown: bool) -> None:
        """View › Show Decided Changes: faded in both panes and the overview, or only what is left."""
        self.settings.show_decided = shown
        for pane in self.panes.panes():
            pane.highlighter.set_hide_decided(not shown)
        self.panes.overview.set_hide_decided(not shown)

    def set_review_order(self, order: str) -> None:
        """View › Review Order: next and previous in document order, or least confident first."""
        self.settings.review_order = order
        self.navigation.set_order(order)
        self.statusBar().showMessage(self.tr("Next and previous go least confident first.") if order == "least_confident"
                                     else self.tr("Next and previous go in document order."), 4000)

    def set_text_size(self, points: int) -> None:
        points = max(6, min(48, points))
        self.settings.text_size = points
        font = QFont(self.panes.base.font())
        font.setPointSize(points)
        for pane in (*self.panes.panes(), self.canonical):
            pane.setFont(font)
        self.text_size = points

    def _update_status(self, *_current) -> None:
        status.show_progress(self.doc_status, self.section_status, self.review, self.current_section)

    def _update_canonical_label(self) -> None:
        """The canonical view shows one section: its title says which."""
        key = self.canonical.key
        self.canonical_label.setText(self.tr("Canonical text of section %1 (live)").replace("%1", key) if key
                                     else self.tr("Canonical text (live)"))

    def _update_title(self) -> None:
        if self.session_path is not None:
            name = self.session_path.name
        elif self.review is not None:
            name = f"{self.review.comparison.base.name} ↔ {self.review.comparison.reference.name}"
        else:
            name = self.tr("No editions")
        self.setWindowTitle(f"{name}[*] — ProofPair")

    # -- find (ui.find.Finder) ----------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open()

    def reveal_current(self) -> None:
        """Scroll the current change back into view (after Find moved the panes away)."""
        if self.current_section is not None:
            self.panes.show_current(self.current_section, self.current_change or "")

    # -- files ------------------------------------------------------------------------------------
    def save(self) -> bool:
        return self.files.save()

    def _may_discard(self) -> bool:
        return self.files.may_discard()

    def closeEvent(self, event) -> None:  # Qt override
        if not self._may_discard():
            event.ignore()
            return
        self.runner.cancel()
        self.files.discard_recovery()
        self.files.release_recovery()
        self.settings.sync()
        event.accept()

    def dragEnterEvent(self, event) -> None:  # Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_paths(paths))  # not inside the drag's event

    def show_review_plan(self) -> None:
        review_plan.show(self)

    def show_shortcuts(self) -> None:
        shortcuts_dialog(self).exec()

    # -- messages ---------------------------------------------------------------------------------
    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        self.errors.append(message)
        if not self.quiet:
            self._box(QMessageBox.Icon.Critical, title, message).exec()

    def _warn(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if not self.quiet:
            self._box(QMessageBox.Icon.Warning, title, message).exec()

    def _box(self, icon: QMessageBox.Icon, title: str, message: str, ok: bool = True) -> QMessageBox:
        """A message box showing ``message`` as plain text: messages name files and quote
        documents, and Qt would render one that looks like HTML."""
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if ok:
            box.addButton(QMessageBox.StandardButton.Ok)
        return box

