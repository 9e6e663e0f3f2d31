"""The window opens editions in any format: OCR files, Word drafts, and scans it OCRs itself
(with the reading progress shown page by page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import remote
from formats_fixtures import corpus_pair, scan_pdf
from ui_fixtures import answer_next_dialog, app_restored, isolated_settings, shown_window  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot):
    with shown_window(qtbot, 1400, 900) as win:
        yield win


def test_the_window_opens_an_hocr_and_a_docx_dropped_on_it(window, qtbot) -> None:
    folder = corpus_pair("sv_sou_2025_96_kommunsektorn")
    with qtbot.waitSignal(window.review_completed, timeout=60000):
        window.open_paths([str(folder / "draft.docx"), str(folder / "ocr_swe.hocr")])  # either order
    comparison = window.review.comparison
    assert (comparison.base.source_format, comparison.reference.source_format) == ("hocr", "docx")
    assert comparison.base.geometry is not None and len(comparison.base.geometry.pages) == 19
    assert window.panes.base.toPlainText().startswith("SOU 2025:96")
    assert len(window.review.changes) > 100


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_a_scan_is_ocred_in_the_comparing_process_with_progress(window, qtbot, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the child inherits it
    scan = scan_pdf(tmp_path / "scan.pdf", [["1 Introduction", "The county grew by 2 percent."],
                                            ["2 Results", "Growth slowed."]])
    draft = docx.Document()
    for text in ("1 Introduction", "The county grew by 3 percent.", "2 Results", "Growth slowed."):
        draft.add_paragraph(text)
    draft.save(tmp_path / "draft.docx")
    tags: list[bytes] = []
    assert remote.run(lambda tag, payload: tags.append(tag), lambda: False, scan, tmp_path / "draft.docx")
    assert tags[:3] == [remote.READING] * 3 and tags[3] == remote.LOADED
    assert [remote.READING in tags[i:] for i in (4,)] == [False]
    seen: list[str] = []
    window.statusBar().messageChanged.connect(seen.append)
    with qtbot.waitSignal(window.review_completed, timeout=60000):
        window.open_paths([str(tmp_path / "draft.docx"), str(scan)])  # the scan is the base
    assert window.review.comparison.base.source_format == "pdf-ocr"
    assert any("number" in c.reason or c.kind == "content" for c in window.review.changes)
    assert any("page 2 of 2" in message for message in seen)


def test_the_role_question_says_what_each_file_is(window, qtbot) -> None:
    from ui.open_dialog import OpenEditionsDialog

    folder = corpus_pair("en_omb_m_16_21_source_code")
    window.quiet = False
    seen: list[str] = []

    def act(dialog: OpenEditionsDialog) -> None:
        qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=20000)
        seen.extend(button.text() for button in dialog.buttons)
        seen.append(str(dialog.needs_ocr))
        dialog.compare_button.click()

    answer_next_dialog(OpenEditionsDialog, act)
    chosen = window.files.ask_roles([str(folder / "draft.docx"), str(folder / "ocr_eng.alto.xml")])
    assert chosen is not None and chosen.base.endswith("ocr_eng.alto.xml") and chosen.ocr_language is None
    assert seen[0].startswith("draft.docx — Word document, ") and " 0 headings" not in seen[0]
    assert seen[1] == "ocr_eng.alto.xml — ALTO XML (OCR), 11 pages"
    assert seen[2] == "False"  # no OCR to run: no language asked


SWEDISH_PAGES = [["1 Inledning", "Kommunerna och regionerna har en stark", "ekonomi och det är bra för alla."],
                 ["2 Resultat", "Skatteintäkterna ökade med 2 procent."]]


def _swedish_pair(folder: Path) -> tuple[Path, Path]:
    import docx

    scan = scan_pdf(folder / "scan.pdf", SWEDISH_PAGES)
    draft = docx.Document()
    for text in ("1 Inledning", "Kommunerna och regionerna har en stark ekonomi och det är bra för alla.",
                 "2 Resultat", "Skatteintäkterna ökade med 3 procent."):
        draft.add_paragraph(text)
    draft.save(folder / "draft.docx")
    return scan, folder / "draft.docx"


def _drop(window, paths: list[Path]) -> None:
    """Drop ``paths`` on the window as a file manager does."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(window.rect().center())
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_the_ocr_language_is_asked_for_a_scan_and_reaches_the_load_and_the_session(
        window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import session as sessions
    from app.formats import ocr_language_of
    from app.formats.ocr import installed_languages
    from ui.open_dialog import OpenEditionsDialog

    if not {"swe", "eng"} <= installed_languages():
        pytest.skip("Tesseract's Swedish and English packs are needed")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the child inherits it
    scan, draft = _swedish_pair(tmp_path)
    window.quiet = False
    seen: dict[str, object] = {}

    def act(dialog: OpenEditionsDialog) -> None:
        qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=20000)
        seen["files"] = [button.text() for button in dialog.buttons]
        seen["base"] = dialog.group.checkedId()
        seen["offered"] = [dialog.language.itemData(i) for i in range(dialog.language.count())]
        seen["guessed"] = dialog.language.currentData()
        seen["picture"] = not dialog.grab().isNull()
        dialog.language.setCurrentIndex(dialog.language.findData("eng"))  # the editor's choice
        window.quiet = True  # no review plan after the comparison
        dialog.compare_button.click()

    answer_next_dialog(OpenEditionsDialog, act)
    with qtbot.waitSignal(window.review_completed, timeout=90000):
        _drop(window, [draft, scan])  # dropped on the window, in either order
    assert seen["files"] == ["draft.docx — Word document, 0 headings", "scan.pdf — scan, 2 pages, OCR needed"]
    assert seen["base"] == 1 and seen["guessed"] == "swe" and seen["picture"]
    assert {"swe", "eng", "deu"} & set(seen["offered"]) >= {"swe", "eng"} and "osd" not in seen["offered"]
    base = window.review.comparison.base
    assert base.source_format == "pdf-ocr" and ocr_language_of(base) == "eng"  # the choice reached the load
    assert (tmp_path / "cache" / "proofpair" / "ocr" / f"{base.sha256}-eng").is_dir()

    # the session records the language and keeps the OCR beside it
    target = tmp_path / "work" / "review.proofpair"
    target.parent.mkdir()
    assert window.files.save_to(target)
    loaded = sessions.load_session(target)
    assert loaded.ocr_language == "eng" and loaded.base_format == "pdf-ocr"
    kept = sorted(p.name for p in (target.parent / "review.proofpair-ocr" / f"{base.sha256}-eng").iterdir())
    assert kept == ["page-0001.hocr", "page-0002.hocr"]

    # reopened with no user cache and no Tesseract at all: the kept OCR is read, nothing is OCR'd
    shutil.rmtree(tmp_path / "cache")
    monkeypatch.setenv("PROOFPAIR_TESSERACT", "")
    text = base.text
    with qtbot.waitSignal(window.review_completed, timeout=60000):
        window.open_session(target)
    assert window.review.comparison.base.text == text
    assert ocr_language_of(window.review.comparison.base) == "eng"
    assert not (tmp_path / "cache" / "proofpair" / "ocr").exists()  # (the lexicon may keep its verdicts)
    moved = tmp_path / "elsewhere" / "copy.proofpair"  # Save As takes the kept OCR along
    moved.parent.mkdir()
    assert window.files.save_to(moved)
    assert (moved.parent / "copy.proofpair-ocr" / f"{base.sha256}-eng" / "page-0002.hocr").is_file()


def test_the_open_dialog_speaks_swedish_and_says_when_tesseract_is_missing(qtbot, app_restored) -> None:
    from app.formats.describe import facts
    from app.opening import propose_apart
    from ui import i18n
    from ui.open_dialog import OpenEditionsDialog

    folder = corpus_pair("sv_sou_2025_96_kommunsektorn")
    paths = [str(folder / "draft.docx"), str(folder / "scan.pdf")]
    found = [facts(p) for p in paths]
    i18n.install_translators(app_restored, "sv")
    dialog = OpenEditionsDialog(paths, found, ["eng", "osd", "swe"],
                                lambda cancelled: propose_apart(paths, found, cancelled))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.proposed, timeout=20000):
        pass
    assert dialog.buttons[1].text() == "scan.pdf — skanning, 19 sidor, behöver OCR"
    assert dialog.buttons[0].text().startswith("draft.docx — Word-dokument, ") and dialog.buttons[1].isChecked()
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["engelska (eng)", "svenska (swe)"]
    assert dialog.choice() == (paths[1], paths[0], "swe")
    assert not dialog.grab().isNull()

    i18n.install_translators(app_restored, "en")
    missing = OpenEditionsDialog(paths, found, [], lambda cancelled: propose_apart(paths, found, cancelled))
    qtbot.addWidget(missing)
    with qtbot.waitSignal(missing.proposed, timeout=20000):
        pass
    assert not missing.language.isEnabled() and "sudo apt-get install tesseract-ocr" in missing.missing.text()
    missing.buttons[0].setChecked(True)  # the editor may still choose the other file as the base
    assert missing.choice() == (paths[0], paths[1], None)


def test_a_scan_given_on_the_command_line_opens_the_dialog_that_asks_its_ocr_language(
        qtbot, tmp_path: Path, isolated_settings) -> None:  # noqa: F811
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from app.formats.ocr import installed_languages
    from ui import launcher
    from ui.open_dialog import OpenEditionsDialog

    if "swe" not in installed_languages():
        pytest.skip("Tesseract's Swedish pack is needed")
    scan, draft = _swedish_pair(tmp_path)
    seen: dict[str, object] = {}

    def act(dialog: OpenEditionsDialog) -> None:
        qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=20000)
        seen["guessed"] = dialog.language.currentData()
        seen["base"] = dialog.group.checkedId()
        dialog.reject()  # the editor cancels: nothing is OCR'd

    answer_next_dialog(OpenEditionsDialog, act)
    args = SimpleNamespace(paths=[str(scan), str(draft)], sample=False, smoke=False, screenshot=None)
    window = launcher._make_window(QApplication.instance(), args, [])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "guessed" in seen, timeout=20000)
    assert seen == {"guessed": "swe", "base": 0}  # `proofpair scan.pdf draft.docx`: the scan is the base
