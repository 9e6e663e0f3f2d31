"""The question File › Open Editions… and a drop of two files ask: which is the base, and,
when a scan must be OCR'd, in which language.

:class:`OpenEditionsDialog` takes plain data (each file's :class:`~app.formats.describe.FileFacts`
and the OCR languages Tesseract offers) and shows at once what each file is ("scan, 19 pages,
OCR needed", "Word document, 42 headings") in the UI's language. It asks only what it must:
the base, always; the OCR language only when a file needs OCR.

The proposal (the likelier base and why, the OCR language: :func:`app.opening.propose`) reads
a whole edition and asks the dictionaries, so it is made off the UI thread (the caller's
``propose``, run by a :class:`ui.worker.TaskRunner`; the window's hands it on to a child
process, :func:`app.opening.propose_apart`) and arrives by signal: the dialog stays responsive
meanwhile, says it is looking, and keeps Compare and the language off until the proposal is
shown (:attr:`OpenEditionsDialog.proposed`).
A base the editor picked before it arrived is kept. A file that cannot be read is said in
the dialog (:attr:`OpenEditionsDialog.failed`); Compare stays off. :meth:`OpenEditionsDialog.choice`
gives the answer; the caller opens the editions.

Imports: Qt, :mod:`app.formats.describe`, :mod:`app.opening` (its data), :mod:`ui.worker`,
:mod:`ui.reasons`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QLabel, QRadioButton, QVBoxLayout, QWidget)

from app.formats.describe import FileFacts
from app.opening import Proposal
from ui.reasons import translated
from ui.worker import TaskRunner

#: Tesseract's language packs an editor is likely to have, named in the UI's language; other
#: packs are named by Qt (in English) or by their code.
LANGUAGE_NAMES = {
    "eng": QT_TRANSLATE_NOOP("OpenEditions", "English"), "swe": QT_TRANSLATE_NOOP("OpenEditions", "Swedish"),
    "deu": QT_TRANSLATE_NOOP("OpenEditions", "German"), "fra": QT_TRANSLATE_NOOP("OpenEditions", "French"),
    "nor": QT_TRANSLATE_NOOP("OpenEditions", "Norwegian"), "dan": QT_TRANSLATE_NOOP("OpenEditions", "Danish"),
    "fin": QT_TRANSLATE_NOOP("OpenEditions", "Finnish"),
    "deu_frak": QT_TRANSLATE_NOOP("OpenEditions", "German (Fraktur)"),
    "frk": QT_TRANSLATE_NOOP("OpenEditions", "German (Fraktur)"),
}
#: Tesseract data that is not a language to read a report in.
NOT_LANGUAGES = frozenset({"osd", "equ"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpenEditions", text)


def _count(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` with ``%1`` as ``n`` (English and Swedish both have one plural form)."""
    return (one if n == 1 else many).replace("%1", QLocale().toString(n))


class Choice(NamedTuple):
    """The editor's answer: the base and reference paths, and the OCR language (None when
    no file needs OCR)."""

    base: str
    reference: str
    ocr_language: str | None


def language_name(code: str) -> str:
    """"Swedish (swe)": a Tesseract language code as the editor reads it."""
    if code in LANGUAGE_NAMES:
        name = _tr(LANGUAGE_NAMES[code])
    else:
        language = QLocale.codeToLanguage(code, QLocale.LanguageCodeType.ISO639Part2)
        name = QLocale.languageToString(language) if language != QLocale.Language.AnyLanguage else ""
    return f"{name} ({code})" if name else code


def file_wording(found: FileFacts) -> str:
    """What a file is, in the UI's language ("scan, 19 pages, OCR needed")."""
    fmt, pages = found.format, found.pages or 0
    if fmt == "pdf" and found.needs_ocr:
        return _count(pages, _tr("scan, %1 page, OCR needed"), _tr("scan, %1 pages, OCR needed"))
    if fmt == "pdf":
        return _count(pages, _tr("PDF with text, %1 page"), _tr("PDF with text, %1 pages"))
    if fmt == "image":
        return _count(pages, _tr("page image, %1 page, OCR needed"), _tr("page images, %1 pages, OCR needed"))
    names = {"text": _tr("plain text"), "docx": _tr("Word document"), "odt": _tr("OpenDocument text"),
             "hocr": _tr("hOCR (OCR with word boxes)"), "alto": _tr("ALTO XML (OCR)"), "page": _tr("PAGE XML (OCR)"),
             "html": _tr("HTML"), "markdown": _tr("Markdown")}
    name = names.get(fmt, fmt)
    if found.headings is not None:
        return name + ", " + _count(found.headings, _tr("%1 heading"), _tr("%1 headings"))
    if found.pages is not None:
        return name + ", " + _count(pages, _tr("%1 page"), _tr("%1 pages"))
    if found.lines is not None:
        return name + ", " + _count(found.lines, _tr("%1 line"), _tr("%1 lines"))
    return name


class OpenEditionsDialog(QDialog):
    """Which of two files is the base, and the OCR language when one needs OCR."""

    #: the proposal arrived and is shown (a :class:`~app.opening.Proposal`)
    proposed = Signal(object)
    #: the proposal could not be made (a file is unreadable); the message is shown
    failed = Signal(str)

    def __init__(self, paths: list[str], found: list[FileFacts], languages: list[str],
                 propose: Callable[[Callable[[], bool]], Proposal | None],
                 parent: QWidget | None = None) -> None:
        """``propose(cancelled)`` makes the proposal off the UI thread's interpreter (it runs on
        a worker thread and must look at ``cancelled()``)."""
        super().__init__(parent)
        self.setObjectName("open_editions_dialog")
        self.setWindowTitle(_tr("Open Editions"))
        self.paths = paths
        self.proposal: Proposal | None = None
        self._base_picked = False  # the editor chose the base before the proposal came
        layout = QVBoxLayout(self)
        box = QGroupBox(_tr("Which edition is the base?"))
        column = QVBoxLayout(box)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for index, (path, facts) in enumerate(zip(paths, found)):
            button = QRadioButton(f"{Path(path).name} — {file_wording(facts)}")
            button.setChecked(index == 0)
            self.group.addButton(button, index)
            self.buttons.append(button)
            column.addWidget(button)
        self.group.idClicked.connect(lambda _: setattr(self, "_base_picked", True))
        self.note = QLabel(self._with_role_note(_tr("Looking at the editions…")))
        self.note.setObjectName("open_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        column.addWidget(self.note)
        layout.addWidget(box)

        self.language = QComboBox()
        self.language.setObjectName("ocr_language")
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.needs_ocr = any(f.needs_ocr for f in found)
        if self.needs_ocr:
            form = QFormLayout()
            codes = [c for c in languages if c not in NOT_LANGUAGES]
            for code in sorted(codes, key=language_name):
                self.language.addItem(language_name(code), code)
            self.language.setEnabled(False)  # until the proposal says which language the text is in
            scans = [Path(p).name for p, f in zip(paths, found) if f.needs_ocr]
            form.addRow(_tr("OCR &language:"), self.language)
            if len(scans) == 1:
                other = next(Path(p).name for p, f in zip(paths, found) if not f.needs_ocr)
                said = _tr("%1 is read by OCR in this language (guessed from %2).").replace("%2", other)
            else:
                said = _tr("%1 are read by OCR in this language.")
            hint = QLabel(said.replace("%1", " & ".join(scans)))
            hint.setWordWrap(True)
            form.addRow("", hint)
            if not codes:
                self.language.setEnabled(False)
                self.missing.setText(_tr("Tesseract OCR is not installed, so the scan cannot be read unless it "
                                         "was read before. Install it with its language packs, e.g. on "
                                         "Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-swe"))
                form.addRow("", self.missing)
            layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.compare_button = buttons.addButton(_tr("&Compare"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.compare_button.setDefault(True)
        self.compare_button.setEnabled(False)  # until the proposal is shown
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.runner: TaskRunner[Proposal] = TaskRunner(self)
        self.runner.finished.connect(self._show_proposal)
        self.runner.failed.connect(self._show_failure)
        self.finished.connect(lambda _: self.runner.cancel())  # closed first: its answer is dropped
        self.runner.start(lambda _report, cancelled: propose(cancelled))

    def _show_proposal(self, proposal: Proposal) -> None:
        self.proposal = proposal
        if not self._base_picked:
            self.buttons[proposal.base_index].setChecked(True)
        if proposal.scan is not None:
            reason = _tr("%1 is a scan to OCR, so it is the base.").replace("%1", proposal.scan)
        else:
            reason = translated(proposal.reason) if proposal.reason is not None else ""
        self.note.setText(self._with_role_note(reason))
        found = self.language.findData(proposal.language) if proposal.language is not None else -1
        if found >= 0:
            self.language.setCurrentIndex(found)
        self.language.setEnabled(self.language.count() > 0)
        self.compare_button.setEnabled(True)
        self.adjustSize()  # the reason may take more lines than the wait did
        self.proposed.emit(proposal)

    @staticmethod
    def _with_role_note(said: str) -> str:
        return ((said + "\n\n") if said else "") + _tr("The base is the OCR'd scan; its text is kept unless you "
                                                        "accept a change.")

    def _show_failure(self, message: str) -> None:
        self.note.setText(message)
        self.failed.emit(message)

    def choice(self) -> Choice:
        """The base, the reference and the OCR language as now chosen."""
        base = self.group.checkedId()
        language = self.language.currentData() if self.needs_ocr and self.language.count() else None
        return Choice(self.paths[base], self.paths[1 - base], language)
