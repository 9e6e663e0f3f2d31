"""Deciding in the window: every intent that records a decision, as one undoable command.

:class:`Decider` turns the editor's intents (accept, reject, edit the current change; a
bulk action over a scope) into :class:`~ui.commands.DecideCommand` s on the window's undo
stack, each with its :class:`~app.model.Provenance` (by hand: key, button or edit; a bulk
action: its name and filter). Applying a command calls :meth:`Review.decide` once and tells
every view what moved (:meth:`Decider.refresh_views`); an undo or redo then shows the change
it touched, through the window's :class:`~ui.navigation.Navigation`.

Imports: Qt, the core, :mod:`ui.bulk`, :mod:`ui.commands`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from app import bulk as core_bulk
from app.bulk import Scope
from app.feedback import identical_cases
from app.model import ACCEPT, REJECT, Decision, Provenance, Source, Verdict
from app.review import DecisionsChanged
from ui import bulk
from ui.commands import DecideCommand


class Decider(QObject):
    """The window's decisions (``window`` is a :class:`~ui.main_window.MainWindow`)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def decide(self, updates: Mapping[str, Decision], text: str, provenance: Provenance) -> None:
        w = self.window
        if w.review is None or not updates:
            return
        w.undo_stack.push(DecideCommand(self._apply, updates, text, provenance, w.navigation.go_to_first_of))

    def _apply(self, updates: Mapping[str, Decision],
               provenance: Provenance | Mapping[str, Provenance | None]) -> DecisionsChanged:
        w = self.window
        assert w.review is not None
        changed = w.review.decide(updates, provenance)
        if not changed:
            return changed
        if w.comparison is None:  # still partial: remember it for the sections to come
            w.stream.remember(changed)
        self.refresh_views(changed)
        w.autosaver.mark_dirty()
        return changed

    def refresh_views(self, changed: DecisionsChanged) -> None:
        """Every view follows ``changed`` (only what moved)."""
        w = self.window
        if not changed:
            return
        w.navigator_model.decisions_changed(changed)
        w.change_list.model.decisions_changed(changed)
        w.canonical.decisions_changed(changed)
        w.marks.restyle(changed.ids)
        if w.current_change in changed.after or len(changed) > 1:
            w.inspector.show_current()
        w._update_status()
        if w.comparison is not None and not w.review.counts().pending \
                and any(d.verdict is Verdict.PENDING for d in changed.before.values()):
            self._offer_export()

    def _offer_export(self) -> None:
        """The last pending change was just decided: offer the canonical text."""
        w = self.window
        w.statusBar().showMessage(self.tr("Every change is decided: File › Export › Canonical Text (Ctrl+E) "
                                          "writes the result."), 10000)
        if w.quiet:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Review complete"),
                          self.tr("Every change is decided. Export the canonical text now?"), parent=w)
        box.setObjectName("offer_export")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            w.files.export("text")

    # -- by hand ------------------------------------------------------------------------------
    def accept_current(self, how: str = "key") -> None:
        change = self.window.current_change
        if change:
            self.decide({change: ACCEPT}, self.tr("Accept change"), Provenance(Source.HAND, how))
            self._hint_identical(change)

    def reject_current(self, how: str = "key") -> None:
        change = self.window.current_change
        if change:
            self.decide({change: REJECT}, self.tr("Reject change"), Provenance(Source.HAND, how))
            self._hint_identical(change)

    def edit_current(self, text: str) -> None:
        w = self.window
        if w.current_change:
            change = w.current_change
            self.decide({change: Decision(Verdict.EDITED, text)}, self.tr("Edit change"),
                        Provenance(Source.HAND, "edit"))
            self._hint_identical(change)
            w.panes.base.setFocus()

    # -- the same decision for the identical cases (app.feedback) ---------------------------------
    def _hint_identical(self, change_id: str) -> None:
        """After a decision by hand, say how many identical pending cases could take it too:
        on the event loop's next turn, so the decision is painted first (the count and the
        status bar's repaint took 2 ms of each keypress at the 100× pair)."""
        QTimer.singleShot(0, self, lambda: self._say_identical(change_id))

    def _say_identical(self, change_id: str) -> None:
        w = self.window
        if w.review is None or change_id not in w.review.comparison.by_id:
            return  # another review was opened meanwhile
        if count := len(identical_cases(w.review, change_id)):
            w.statusBar().showMessage(self.tr("%1 identical cases are pending: Review › Same Decision for "
                                              "Identical Cases (Ctrl+Shift+I) gives them this decision.")
                                      .replace("%1", str(count)), 10000)

    def same_for_identical(self) -> None:
        """Give the current change's decision to the pending changes with the same texts and
        kind: one undo step, recorded as a bulk action naming the pattern."""
        w = self.window
        change_id = w.current_change
        if w.review is None or not change_id:
            return
        decision = w.review.decision(change_id)
        others = identical_cases(w.review, change_id)
        if decision.verdict is Verdict.PENDING or not others:
            w.statusBar().showMessage(self.tr("Decide this change first; then its identical pending cases "
                                              "can take the same decision."), 6000)
            return
        change = w.review.change(change_id)
        how = Provenance(Source.BULK, "Same Decision for Identical Cases",
                         f"{change.base_text!r} -> {change.reference_text!r}")
        self.decide(dict.fromkeys(others, decision),
                    self.tr("Same decision for %1 identical cases").replace("%1", str(len(others))), how)

    def accept_and_next(self) -> None:
        self.accept_current("key")
        self.window.navigation.step_change(1, pending_only=True)

    def reject_and_next(self) -> None:
        self.reject_current("key")
        self.window.navigation.step_change(1, pending_only=True)

    # -- in bulk --------------------------------------------------------------------------------
    def bulk_accept(self, scope: str) -> None:
        """A bulk action over ``scope`` (an :class:`app.bulk.Scope` value): confirmed, one undo step."""
        w = self.window
        review = w.review
        if review is None:
            return
        threshold = w.settings.bulk_threshold
        section = w.current_section
        if scope == "section" and section:
            plan = core_bulk.plan(review, Scope.SECTION, section=section, threshold=threshold)
            where = self.tr("in section %1").replace("%1", section)
        elif scope in ("document", "confident"):
            plan, where = core_bulk.plan(review, Scope(scope), threshold=threshold), self.tr("in the document")
        elif scope == "kind" and (kind := bulk.choose_kind(w, review, threshold)) is not None:
            plan, where = core_bulk.plan(review, Scope.KIND, kind=kind, threshold=threshold), self.tr("of this kind")
        elif scope == "pattern" and (pattern := bulk.choose_pattern(w, review, threshold)) is not None:
            plan = core_bulk.plan(review, Scope.PATTERN, pattern=pattern, threshold=threshold)
            where = self.tr("with this confusion")
        else:
            return
        if bulk.confirm(w, plan, where):
            self.decide(plan.decisions, self.tr("Accept %1 suggestions").replace("%1", str(len(plan))),
                        plan.provenance)
