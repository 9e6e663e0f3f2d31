"""ProofPair's main window: the controller that routes intents to the core and back.

Widgets emit intents (``section_chosen``, ``accept_requested`` …); this window performs
them. Every decision is one :class:`~ui.commands.DecideCommand` on the undo stack, applied
by :meth:`MainWindow._apply`, which calls :meth:`Review.decide` and refreshes each view from
the returned :class:`~app.review.DecisionsChanged` (only what moved). Loading and comparing
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
from app import session as sessions
from app.model import ACCEPT, REJECT, Change, Comparison, Decision, Kind, Verdict
from app.review import DecisionsChanged, Review
from ui import allocator, bulk, page_view
from ui.appearance import Appearance
from ui.canonical import CanonicalView
from ui.change_marks import ChangeMarks
from ui.commands import DecideCommand
from ui.file_actions import FileActions
from ui.find import FindBar, Finder
from ui.inspector import ChangeInspector, ChangeList
from ui.navigator import SectionNavigator, SectionTreeModel, section_title
from ui.overview import KindLegend
from ui.palette import is_dark
from ui.settings import Settings
from ui.menus import shortcuts_dialog
from ui.text_panes import ComparePanes, current_format
from ui.streaming import Streaming
from ui.worker import TaskRunner


class MainWindow(QMainWindow):
    """The review window over one pair of editions (or one session)."""

    #: The comparison is complete and shown: Save and Export are possible from now on.
    review_completed = Signal()
    #: A change became the current one and is shown (the page view follows it).
    change_shown = Signal(str)

    def __init__(self, settings: Settings | None = None, quiet: bool = False) -> None:
        super().__init__()
        allocator.keep_large_blocks_mapped()  # process-wide: a long review grows without stalls
        self.settings = settings or Settings()
        self.quiet = quiet  # no modal boxes (screenshots, smoke test)
        self.review: Review | None = None
        self.comparison: Comparison | None = None
        self.session_path: Path | None = None
        self.current_section: str | None = None
        self.current_change: str | None = None
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
        self._update_title()
        self._update_status()
        try:
            self.setWindowIcon(QIcon(str(resources.file_path("icons", "proofpair.svg"))))
        except FileNotFoundError:
            pass

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.navigator_model = SectionTreeModel(self)
        self.navigator = SectionNavigator()
        self.navigator.setModel(self.navigator_model)
        self.navigator.section_chosen.connect(self.go_to_section)

        self.panes = ComparePanes()
        self.marks = ChangeMarks(self.panes)
        self.panes.offset_clicked.connect(self._on_offset_clicked)
        self.panes.overview.change_requested.connect(self.go_to_change)
        self.legend = KindLegend()
        self.canonical = CanonicalView()
        self.canonical_label = QLabel()
        self.canonical_label.setBuddy(self.canonical)
        self.canonical.section_shown.connect(self._update_canonical_label)
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
        self.inspector.accept_requested.connect(self.accept_current)
        self.inspector.reject_requested.connect(self.reject_current)
        self.inspector.edit_requested.connect(self.edit_current)
        self.change_list = ChangeList()
        self.change_list.change_chosen.connect(self.go_to_change)
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
                      decisions: Mapping[str, Decision] | None = None, loaded=None) -> None:
        """Compare ``base`` and ``reference`` in the background (replacing what is open)."""
        if not self._may_discard():
            return
        self.undo_stack.clear()
        self.review = self.comparison = None
        self.current_section = self.current_change = None
        self.navigator_model.clear()
        self.change_list.model.set_section(None, None)
        self.canonical.set_review(None)
        self.inspector.show_change(None, None, "")
        self.session_path = loaded.path if loaded is not None else None
        self.statusBar().showMessage(self.tr("Comparing the editions…"))
        self.stream.start(base, reference, decisions, loaded)
        self.files.update_actions()
        self._update_title()

    def open_session(self, path: str | Path) -> None:
        try:
            loaded = sessions.load_session(path)
        except sessions.SessionError as exc:
            self._error(self.tr("Cannot open session"), str(exc))
            return
        problems = sessions.trust_problems(loaded)
        if problems and not self._trust(Path(path), problems):
            return
        self.open_editions(loaded.base_path, loaded.reference_path, loaded.decisions, loaded)

    def _trust(self, path: Path, problems: list[str]) -> bool:
        """Ask before opening a session whose editions are not where, or what, it recorded
        (it could point at any file of the editor's and export its contents)."""
        text = (self.tr("The session %1 points at editions it was not saved with:").replace("%1", path.name)
                + "\n\n• " + "\n• ".join(problems) + "\n\n"
                + self.tr("Open them only if you know this session and these files. Open anyway?"))
        if self.quiet:
            self._error(self.tr("Session not opened"), text)
            return False
        box = self._box(QMessageBox.Icon.Warning, self.tr("Open these editions?"), text, ok=False)
        opened = box.addButton(self.tr("&Open anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is opened

    def open_paths(self, paths: list[str]) -> None:
        """What the command line and drag-and-drop give: a session, or two editions."""
        if len(paths) == 1 and paths[0].endswith(sessions.SESSION_SUFFIX):
            self.open_session(paths[0])
        elif len(paths) == 2:
            roles = self.files.ask_roles(paths)
            if roles is not None:
                self.open_editions(*roles)
        else:
            self._error(self.tr("Cannot open"), self.tr("Drop two editions (the OCR'd scan and the "
                                                        "digital text) or one ProofPair session."))

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
        self._show_inspector()
        self.files.update_actions()
        if self.files.recovered:
            self.setWindowModified(True)
        self.statusBar().showMessage(self.tr("Compared: %1 sections, %2 changes.")
                                     .replace("%1", str(len(comparison.sections)))
                                     .replace("%2", str(len(comparison.changes))), 8000)
        if self.session_path is not None:
            self.settings.add_recent(self.session_path)
            self.settings.last_session = self.session_path
        if reattached is not None and reattached.report.message:
            self._warn(self.tr("Session reopened with differences"), reattached.report.message)
        if notes := [*comparison.base.notes, *comparison.reference.notes]:  # a charset, bytes shown as U+FFFD
            self._warn(self.tr("How the editions were read"), "\n".join(notes))
        if comparison.warnings and comparison.similarity < 0.3:
            self._warn(self.tr("Check the editions"), comparison.warnings[0])
        self._update_title()
        self.review_completed.emit()

    def _comparison_failed(self, message: str) -> None:
        self.files.update_actions()
        self._error(self.tr("Cannot compare the editions"), message)
        self._update_title()

    # -- navigation ------------------------------------------------------------------------------
    def visible(self, change: Change) -> bool:
        return self.show_layout or change.kind is not Kind.LAYOUT

    def go_to_section(self, key: str, change_id: str | None = None) -> None:
        if self.review is None:
            return
        if not self.review.has_section(key):  # in the outline, not compared yet
            self.statusBar().showMessage(self.tr("Section %1 is still being compared.").replace("%1", key), 4000)
            if self.current_section is not None:
                self.navigator.select_key(self.current_section)
            return
        if key != self.current_section:
            self.current_section = key
            self.change_list.model.set_section(self.review, key)
            self.navigator.select_key(key)
            self.canonical.show_section(key)
        if change_id is None:
            changes = [c for c in self.review.section_changes(key) if self.visible(c)]
            pending = [c for c in changes if self.review.decision(c.id).verdict is Verdict.PENDING]
            change_id = (pending or changes)[0].id if (pending or changes) else None
        if change_id is None:
            self.current_change = None
            self.panes.base.clear_current(); self.panes.reference.clear_current()
            section = self.review.sections[[s.key for s in self.review.sections].index(key)]
            self.panes.base.scroll_to_offset(section.base.start)
            self.inspector.show_change(None, None, section_title(section))
        else:
            self.go_to_change(change_id)
        self._update_status()

    def go_to_change(self, change_id: str) -> None:
        if self.review is None or change_id not in self.review.comparison.by_id:
            return
        change = self.review.change(change_id)
        if change.section != self.current_section:
            self.go_to_section(change.section, change_id)
            return
        self.current_change = change_id
        self.panes.show_change(change, current_format(self.dark))
        length = max(len(self.panes.base.text), 1)
        self.panes.overview.set_current(change.base.start / length)
        self.change_list.select_change(change_id)
        self._show_inspector()
        mark = self.canonical.mark_of(change_id)
        if mark is not None:
            self.canonical.set_layer("current", [mark], current_format(self.dark))
            self.canonical.cursor_for(*mark)
            self.canonical.setTextCursor(self.canonical.cursor_for(mark[0], mark[0]))
            self.canonical.ensureCursorVisible()
        self.change_shown.emit(change_id)

    def step_change(self, step: int, pending_only: bool = False) -> None:
        if self.review is None:
            return
        changes = self.review.changes  # walk from the current change's position: no O(n) list
        here = self.review.position(self.current_change) if self.current_change in self.review.comparison.by_id \
            else (-1 if step > 0 else len(changes))
        for i in range(here + step, len(changes) if step > 0 else -1, step):
            change = changes[i]
            if self.visible(change) and (not pending_only
                                         or self.review.decision(change.id).verdict is Verdict.PENDING):
                self.go_to_change(change.id)
                return
        self.statusBar().showMessage(self.tr("No more pending changes in this direction.") if pending_only
                                     else self.tr("No more changes in this direction."), 4000)

    def step_section(self, step: int) -> None:
        keys = self.navigator_model.keys()
        if self.current_section in keys:
            i = keys.index(self.current_section) + step
            if 0 <= i < len(keys):
                self.go_to_section(keys[i])

    def _on_offset_clicked(self, side: str, offset: int) -> None:
        if self.review is None:
            return
        changes = self.review.changes
        pane = self.panes.base if side == "base" else self.panes.reference
        for i in pane.highlighter.spans.indices_between(offset, offset):  # a bisect, not a scan
            if i < len(changes) and self.visible(changes[i]):
                self.go_to_change(changes[i].id)
                return

    # -- deciding --------------------------------------------------------------------------------
    def decide(self, updates: Mapping[str, Decision], text: str) -> None:
        if self.review is None or not updates:
            return
        self.undo_stack.push(DecideCommand(self._apply, updates, text))

    def _apply(self, updates: Mapping[str, Decision]) -> DecisionsChanged:
        assert self.review is not None
        changed = self.review.decide(updates)
        if not changed:
            return changed
        if self.comparison is None:  # still partial: remember it for the sections to come
            self.stream.decisions.update(changed.after)
        self._refresh_views(changed)
        self.autosaver.mark_dirty()
        return changed

    def _refresh_views(self, changed: DecisionsChanged) -> None:
        """Every view follows ``changed`` (only what moved)."""
        if not changed:
            return
        self.navigator_model.decisions_changed(changed)
        self.change_list.model.decisions_changed(changed)
        self.canonical.decisions_changed(changed)
        self.marks.restyle(changed.ids)
        if self.current_change in changed.after or len(changed) > 1:
            self._show_inspector()
        self._update_status()

    def accept_current(self) -> None:
        if self.current_change:
            self.decide({self.current_change: ACCEPT}, self.tr("Accept change"))

    def reject_current(self) -> None:
        if self.current_change:
            self.decide({self.current_change: REJECT}, self.tr("Reject change"))

    def edit_current(self, text: str) -> None:
        if self.current_change:
            self.decide({self.current_change: Decision(Verdict.EDITED, text)}, self.tr("Edit change"))
            self.panes.base.setFocus()

    def accept_and_next(self) -> None:
        self.accept_current()
        self.step_change(1, pending_only=True)

    def bulk_accept(self, scope: str) -> None:
        review = self.review
        if review is None:
            return
        if scope == "section" and self.current_section:
            plan = bulk.plan(review, section=self.current_section)
            where = self.tr("in section %1").replace("%1", self.current_section)
        elif scope == "document":
            plan, where = bulk.plan(review), self.tr("in the document")
        elif scope == "kind" and (kind := bulk.choose_kind(self, review)) is not None:
            plan, where = bulk.plan(review, kind=kind), self.tr("of this kind")
        elif scope == "pattern" and (pattern := bulk.choose_pattern(self, review)) is not None:
            plan, where = bulk.plan(review, pattern=pattern), self.tr("with this confusion")
        else:
            return
        if bulk.confirm(self, len(plan), where):
            self.decide(plan, self.tr("Accept %1 suggestions").replace("%1", str(len(plan))))

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

    def set_text_size(self, points: int) -> None:
        points = max(6, min(48, points))
        self.settings.text_size = points
        font = QFont(self.panes.base.font())
        font.setPointSize(points)
        for pane in (*self.panes.panes(), self.canonical):
            pane.setFont(font)
        self.text_size = points

    def _show_inspector(self) -> None:
        review = self.review
        if review is None or self.current_change is None:
            return
        change = review.change(self.current_change)
        section = review.section(change.section)
        self.inspector.show_change(change, review.decision(change.id), section_title(section))

    def _update_status(self) -> None:
        review = self.review
        if review is None:
            self.doc_status.setText(self.tr("No editions open"))
            self.section_status.setText("")
            return
        self.doc_status.setText(self._counts_text(self.tr("Document"), review.counts()))
        if self.current_section is not None:
            counts = review.counts(self.current_section)
            self.section_status.setText(self.tr("Section %1: %2 pending · %3% reviewed")
                                        .replace("%1", self.current_section).replace("%2", str(counts.pending))
                                        .replace("%3", str(int(counts.reviewed_share * 100))))

    def _counts_text(self, name: str, counts) -> str:
        return (self.tr("%1: %2 pending · %3 accepted · %4 rejected · %5 edited · %6% reviewed")
                .replace("%1", name).replace("%2", str(counts.pending)).replace("%3", str(counts.accepted))
                .replace("%4", str(counts.rejected)).replace("%5", str(counts.edited))
                .replace("%6", str(int(counts.reviewed_share * 100))))

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
        self.settings.sync()
        event.accept()

    def dragEnterEvent(self, event) -> None:  # Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_paths(paths))  # not inside the drag's event

    def show_shortcuts(self) -> None:
        shortcuts_dialog(self).exec()

    # -- messages ---------------------------------------------------------------------------------
    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
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

