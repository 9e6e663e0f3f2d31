"""The window's file side: open dialogs, Save / Save As, export, and crash recovery.

:class:`FileActions` belongs to one :class:`~ui.main_window.MainWindow` and performs the File
menu's intents on its review. It also owns the window's :class:`~ui.recovery.Autosaver` and
the recovery promise:

* a recovery file is written only from a *complete or partial review on screen* and only by
  a window that owns the recovery location (one that found no recovery file at start, or
  whose editor answered the restore offer): a ``--screenshot`` run never deletes or
  overwrites the work of a crashed session;
* at start :meth:`offer_recovery` asks Restore / Discard; Restore reopens the file as a
  session through :mod:`app.session` (every decision comes back), leaves the window
  modified and without a session path, so the next Save asks where (nothing is silently
  overwritten); Discard deletes the file;
* a normal Save and a clean close delete the recovery file.

Saving and exporting need a complete comparison: while comparing, and after Cancel, they
are disabled (:meth:`update_actions`) because a partial review would be saved as if it
were all of the document.

Imports: Qt, :mod:`app.session`, :mod:`app.export`, :mod:`app.loading`, :mod:`app.roles`,
:mod:`ui.recovery`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app import export
from app import session as sessions
from app.fileio import describe_os_error
from app.loading import EditionError, load_edition
from app.roles import guess_roles
from ui.reasons import translated
from ui.recovery import Autosaver, find_recovery

#: the actions that write a review out; off until the comparison is complete
WRITE_ACTIONS = ("save", "save_as", "export_text", "export_reflowed", "export_csv", "export_json",
                 "export_summary")


def _tr(text: str) -> str:
    # The strings were the main window's before this module was split off; keep their context
    # so the existing translations still apply.
    return QCoreApplication.translate("MainWindow", text)


class FileActions(QObject):
    """Open, save, export and recover for ``window`` (a MainWindow)."""

    def __init__(self, window, recovery_path: str | Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.autosaver = Autosaver(self._save_recovery, recovery_path, parent=self)
        # a recovery file already there belongs to an earlier run until the editor decides
        self.owns_recovery = find_recovery(self.autosaver.path) is None
        self.recovered = False  # showing a restored review that has not been saved yet
        self._suggested_path: Path | None = None  # where the restored review was last saved

    # -- state -------------------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        """Whether the review covers the whole document (comparison finished, not cancelled)."""
        w = self.window
        return w.review is not None and w.comparison is not None

    def update_actions(self) -> None:
        """Enable Save and Export only for a complete review."""
        menus = getattr(self.window, "menus", None) or {}
        for name in WRITE_ACTIONS:
            if name in menus:
                menus[name].setEnabled(self.complete)

    # -- opening -------------------------------------------------------------------------------
    def ask_open_editions(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, _tr("Open the two editions"), "",
                                                _tr("Text files (*.txt);;All files (*)"))
        if paths:
            self.window.open_paths(paths[:2] if len(paths) >= 2 else paths)

    def ask_open_session(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, _tr("Open session"), "", self._session_filter())
        if path:
            self.window.open_session(path)

    def ask_roles(self, paths: list[str]) -> tuple[str, str] | None:
        """Which of two dropped or chosen files is the base: guessed, then confirmed."""
        w = self.window
        try:
            first, second = load_edition(paths[0]), load_edition(paths[1])
        except EditionError as exc:
            w._error(_tr("Cannot open edition"), str(exc))
            return None
        guess = guess_roles(first, second)
        if w.quiet:
            return str(guess.base.path), str(guess.reference.path)
        other = second if guess.base is first else first
        items = [_tr("%1 is the OCR'd base (guessed)").replace("%1", guess.base.name),
                 _tr("%1 is the OCR'd base").replace("%1", other.name)]
        item, ok = QInputDialog.getItem(w, _tr("Which edition is the base?"),
                                        translated(guess.reason) + "\n\n" + _tr("The base is the OCR'd scan; "
                                                                     "its text is kept unless you accept a change."),
                                        items, 0, False)
        if not ok:
            return None
        base = guess.base if item == items[0] else other
        reference = other if base is guess.base else guess.base
        return str(base.path), str(reference.path)

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        path = self.window.session_path
        return self.save_as() if path is None else self.save_to(path)

    def save_as(self) -> bool:
        if not self._check_complete():
            return False
        start = str(self._suggested_path or "")
        path, _ = QFileDialog.getSaveFileName(self.window, _tr("Save session"), start, self._session_filter())
        if not path:
            return False
        if not path.endswith(sessions.SESSION_SUFFIX):
            path += sessions.SESSION_SUFFIX
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        w = self.window
        if not self._check_complete():
            return False
        try:
            sessions.save_session(path, w.review, self._session_settings())
        except OSError as exc:
            w._error(_tr("Cannot save session"), describe_os_error(exc, path))
            return False
        w.session_path = path
        self.recovered = False
        self._suggested_path = None
        w.undo_stack.setClean()
        w.setWindowModified(False)
        self.discard_recovery()
        w.settings.add_recent(path)
        w.settings.last_session = path
        w._update_title()
        w.statusBar().showMessage(_tr("Saved %1").replace("%1", path.name), 4000)
        return True

    def _check_complete(self) -> bool:
        if self.complete:
            return True
        self.window._error(_tr("Cannot save yet"), _tr("Wait until the comparison is complete."))
        return False

    def _session_settings(self) -> dict:
        return {"show_layout": self.window.show_layout}

    @staticmethod
    def _session_filter() -> str:
        return _tr("ProofPair sessions (*%1)").replace("%1", sessions.SESSION_SUFFIX)

    def export(self, what: str) -> None:
        w = self.window
        if not self._check_complete():
            return
        filters = {"text": _tr("Text (*.txt)"), "reflowed": _tr("Text (*.txt)"),
                   "csv": _tr("CSV (*.csv)"), "json": _tr("JSON (*.json)"),
                   "summary": _tr("JSON (*.json)")}
        path, _ = QFileDialog.getSaveFileName(w, _tr("Export"), "", filters[what])
        if not path:
            return
        try:
            if what in ("text", "reflowed"):
                export.export_text(w.review, path, reflow=what == "reflowed")
            elif what in ("csv", "json"):
                export.export_log(w.review, path, what)
            else:
                export.export_summary(w.review, path)
        except OSError as exc:
            w._error(_tr("Export failed"), describe_os_error(exc, path))
            return
        w.statusBar().showMessage(_tr("Exported %1").replace("%1", Path(path).name), 4000)

    def may_discard(self) -> bool:
        """Ask before dropping unsaved decisions; True when it is fine to go on."""
        w = self.window
        if not w.isWindowModified() or w.quiet:
            return True
        answer = QMessageBox.question(
            w, _tr("Unsaved decisions"), _tr("Save your decisions before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- recovery ------------------------------------------------------------------------------
    def _save_recovery(self, path: Path) -> None:
        w = self.window
        if not self.owns_recovery or w.review is None:
            return
        if w.runner.running:  # the review is being rebuilt as sections arrive: try again later
            self.autosaver.mark_dirty()
            return
        settings = self._session_settings()
        original = w.session_path or self._suggested_path
        if original is not None:
            settings["session_path"] = str(original)
        sessions.save_session(path, w.review, settings)

    def discard_recovery(self) -> None:
        """Delete the recovery file, if it is this window's to delete."""
        if self.owns_recovery:
            self.autosaver.discard()

    def offer_recovery(self) -> bool:
        """At start: offer to restore a recovery file left by a crash. True when restoring."""
        path = find_recovery(self.autosaver.path)
        if path is None:
            return False
        when = QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime)).toString("yyyy-MM-dd HH:mm")
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Restore unsaved work?"),
                          _tr("ProofPair did not close normally. Decisions from %1 were kept "
                              "that were never saved.").replace("%1", when), parent=self.window)
        box.setInformativeText(_tr("Restore opens them as an unsaved review (Save asks where to "
                                   "save it); Discard deletes them."))
        restore = box.addButton(_tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Discard)
        box.setDefaultButton(restore)
        box.exec()
        self.owns_recovery = True
        if box.clickedButton() is not restore:
            self.autosaver.discard()
            return False
        return self.restore(path)

    def restore(self, path: Path) -> bool:
        """Reopen the recovery file at ``path`` as an unsaved review."""
        w = self.window
        try:
            loaded = sessions.load_session(path)
        except sessions.SessionError as exc:
            w._error(_tr("Cannot restore"), str(exc))
            return False
        original = loaded.settings.get("session_path")
        self._suggested_path = Path(original) if isinstance(original, str) and original else None
        self.recovered = True
        if "show_layout" in loaded.settings:
            w.set_show_layout(bool(loaded.settings["show_layout"]))
        loaded.path = None  # not a session the editor saved: Save must ask where
        w.open_editions(loaded.base_path, loaded.reference_path, loaded.decisions, loaded)
        return True
