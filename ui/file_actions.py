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
:mod:`app.formats`, :mod:`app.opening`, :mod:`ui.recovery`, :mod:`ui.open_dialog`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import export
from app import session as sessions
from app.fileio import describe_os_error
from app.formats import load_pair, scan_of
from app.formats.describe import facts
from app.formats.ocr import installed_languages
from app.loading import EditionError
from app.opening import propose, propose_apart
from app.roles import guess_roles
from ui.open_dialog import Choice, OpenEditionsDialog
from ui.reasons import translated
from ui.recovery import Autosaver, claim_recovery_path, find_recovery

#: the actions that write a review out; off until the comparison is complete
WRITE_ACTIONS = ("save", "save_as", "export_text", "export_reflowed", "export_csv", "export_json",
                 "export_summary")


#: What an export proposes after the session's (or base edition's) name, by format.
EXPORT_NAMES = {"text": "-canonical.txt", "reflowed": "-canonical-reflowed.txt", "csv": "-log.csv",
                "json": "-log.json", "summary": "-summary.json"}


def ask_save_path(parent, title: str, proposed: Path, name_filter: str, suffix: str) -> Path | None:
    """Where to write, asked in a save dialog that opens at ``proposed`` and adds ``suffix``
    itself (``x`` becomes ``x.proofpair`` before the dialog asks about overwriting, so an
    existing ``x.proofpair`` is never replaced without a question); None when cancelled."""
    dialog = QFileDialog(parent, title, str(proposed.parent))
    dialog.setObjectName("save_dialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix.lstrip("."))
    dialog.selectFile(proposed.name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def _tr(text: str) -> str:
    # The strings were the main window's before this module was split off; keep their context
    # so the existing translations still apply.
    return QCoreApplication.translate("MainWindow", text)


class FileActions(QObject):
    """Open, save, export and recover for ``window`` (a MainWindow)."""

    def __init__(self, window, recovery_path: str | Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._lock = None  # this instance's hold on its recovery file (ui.recovery.claim_recovery_path)
        if recovery_path is None:
            try:
                recovery_path, self._lock = claim_recovery_path()
            except OSError:
                pass  # an unwritable data folder: the default path, whose saves report failure
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
                                                _tr("Editions (*.txt *.pdf *.docx *.odt *.hocr *.xml *.html *.htm *.md "
                                                    "*.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"))
        if paths:
            self.open_paths(paths[:2] if len(paths) >= 2 else paths)

    def open_paths(self, paths: list[str]) -> None:
        """What File › Open Editions…, the command line and drag-and-drop give: a session, or
        two editions (asked about with :meth:`ask_roles`, then opened)."""
        w = self.window
        if len(paths) == 1 and paths[0].endswith(sessions.SESSION_SUFFIX):
            w.open_session(paths[0])
        elif len(paths) == 2:
            chosen = self.ask_roles(paths)
            if chosen is not None:
                w.open_editions(chosen.base, chosen.reference, ocr_language=chosen.ocr_language)
        else:
            w._error(_tr("Cannot open"), _tr("Drop two editions (the OCR'd scan and the digital text) or one "
                                             "ProofPair session."))

    def ask_open_session(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, _tr("Open session"), "", self._session_filter())
        if path:
            self.window.open_session(path)

    def open_session(self, path: str | Path) -> None:
        """Open a saved session, asking first when its editions are not what it recorded."""
        w = self.window
        try:
            loaded = sessions.load_session(path)
        except sessions.SessionError as exc:
            w._error(_tr("Cannot open session"), str(exc))
            return
        problems = sessions.trust_problems(loaded)
        if problems and not self._trust(Path(path), problems):
            return
        w.open_editions(loaded.base_path, loaded.reference_path, loaded.decisions, loaded)

    def _trust(self, path: Path, problems: list[str]) -> bool:
        """Ask before opening a session whose editions are not where, or what, it recorded
        (it could point at any file of the editor's and export its contents)."""
        w = self.window
        text = (_tr("The session %1 points at editions it was not saved with:").replace("%1", path.name)
                + "\n\n• " + "\n• ".join(problems) + "\n\n"
                + _tr("Open them only if you know this session and these files. Open anyway?"))
        if w.quiet:
            w._error(_tr("Session not opened"), text)
            return False
        box = w._box(QMessageBox.Icon.Warning, _tr("Open these editions?"), text, ok=False)
        opened = box.addButton(_tr("&Open anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is opened

    def ask_roles(self, paths: list[str]) -> Choice | None:
        """Which of two dropped or chosen files is the base (proposed, then confirmed), and the
        OCR language when one of them is a scan to OCR (:class:`~ui.open_dialog.OpenEditionsDialog`,
        which proposes from a worker: :func:`app.opening.propose_apart` reads a whole edition)."""
        w = self.window
        try:
            found = [facts(p) for p in paths]
            if w.quiet:  # no dialog to keep responsive: the proposal is the answer
                proposal = propose(paths, found)
                return Choice(paths[proposal.base_index], paths[1 - proposal.base_index], proposal.language)
        except EditionError as exc:
            w._error(_tr("Cannot open edition"), str(exc))
            return None
        languages = sorted(installed_languages()) if any(f.needs_ocr for f in found) else []
        dialog = OpenEditionsDialog(paths, found, languages,
                                    lambda cancelled: propose_apart(paths, found, cancelled), w)
        if dialog.exec() != OpenEditionsDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def confirm_order(self, base: str, reference: str) -> tuple[str, str] | None:
        """The command line's BASE REFERENCE, asked about once when the REFERENCE looks like
        the OCR'd edition (``proofpair apply`` warns on stderr in that case)."""
        w = self.window
        if w.quiet:
            return base, reference
        try:
            scan = scan_of(base, reference)
            if scan is not None:  # a scan to OCR is surely the base (and is not OCR'd to find out)
                return scan
            first, second = load_pair(base, reference)
        except EditionError:
            return base, reference  # the comparison reports it
        guess = guess_roles(first, second)
        if not guess.confident or guess.base is first:
            return base, reference
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Swap the editions?"),
                          _tr("%1 was given as the base, but %2 looks like the OCR'd edition.")
                          .replace("%1", first.name).replace("%2", second.name), parent=w)
        box.setInformativeText(translated(guess.reason) + "\n\n" + _tr("The base is the OCR'd scan; its text "
                                                                    "is kept unless you accept a change."))
        swap = box.addButton(_tr("Use %1 as the base").replace("%1", second.name), QMessageBox.ButtonRole.YesRole)
        box.addButton(_tr("Keep the order given"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(swap)
        box.exec()
        return (reference, base) if box.clickedButton() is swap else (base, reference)

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        path = self.window.session_path
        return self.save_as() if path is None else self.save_to(path)

    def save_as(self) -> bool:
        if not self._check_complete():
            return False
        w = self.window
        base = w.review.comparison.base.path
        start = self._suggested_path or w.session_path or base.with_name(base.stem + sessions.SESSION_SUFFIX)
        path = ask_save_path(w, _tr("Save session"), Path(start), self._session_filter(), sessions.SESSION_SUFFIX)
        return False if path is None else self.save_to(path)

    def save_to(self, path: Path) -> bool:
        w = self.window
        if not self._check_complete():
            return False
        opened_from = w.stream.session.ocr_folder if w.stream.session is not None else None
        try:  # the scans' OCR goes beside it too (from the session it was opened from, or the cache)
            sessions.save_session(path, w.review, self._session_settings(),
                                  ocr_sources=(opened_from,) if opened_from is not None else ())
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
        return {"show_layout": self.window.show_layout, "current_change": self.window.current_change}

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
        ending = EXPORT_NAMES[what]
        beside = w.session_path or w.review.comparison.base.path  # beside the session, else the base
        proposed = beside.with_name(beside.stem + ending)
        chosen = ask_save_path(w, _tr("Export"), proposed, filters[what], Path(ending).suffix)
        if chosen is None:
            return
        path = str(chosen)
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
        sessions.save_session(path, w.review, settings, keep_ocr=False)  # the user cache has it

    def discard_recovery(self) -> None:
        """Delete the recovery file, if it is this window's to delete."""
        if self.owns_recovery:
            self.autosaver.discard()

    def release_recovery(self) -> None:
        """The window closes: its recovery slot is free for the next start."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def offer_recovery(self) -> bool:
        """At start: offer to restore a recovery file left by a crash. True when restoring."""
        path = find_recovery(self.autosaver.path)
        if path is None:
            return False
        when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime)),
                                  QLocale.FormatType.ShortFormat)  # the user's own way of writing dates
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
