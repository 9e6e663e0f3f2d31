"""The window opens editions in any format: OCR files, Word drafts, and scans it OCRs itself
(with the reading progress shown page by page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import remote
from formats_fixtures import corpus_pair, scan_pdf
from ui_fixtures import isolated_settings, shown_window  # noqa: F401

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
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    folder = corpus_pair("en_omb_m_16_21_source_code")
    window.quiet = False
    seen: list[str] = []

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        seen.append(dialog.labelText())
        dialog.accept()

    QTimer.singleShot(300, answer)
    roles = window.files.ask_roles([str(folder / "draft.docx"), str(folder / "ocr_eng.alto.xml")])
    assert roles is not None and roles[0].endswith("ocr_eng.alto.xml")
    assert "draft.docx: Word document, " in seen[0] and "ocr_eng.alto.xml: ALTO XML (OCR), 11 pages" in seen[0]
