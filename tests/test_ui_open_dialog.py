"""The open dialog shows at once and proposes the base and the OCR language from a worker:
the proposal (reading the other edition, asking the dictionaries) never runs on the UI thread."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.formats.describe import facts
from app.formats.ocr import installed_languages
from app.opening import propose_apart
from formats_fixtures import corpus_pair
from ui.open_dialog import OpenEditionsDialog

pytestmark = pytest.mark.gui


def _dialog(qtbot, paths: list[str]) -> OpenEditionsDialog:
    found = [facts(p) for p in paths]
    languages = sorted(installed_languages()) if any(f.needs_ocr for f in found) else []
    dialog = OpenEditionsDialog(paths, found, languages, lambda cancelled: propose_apart(paths, found, cancelled))
    qtbot.addWidget(dialog)
    return dialog


def _swedish(qtbot, pair: str, names: tuple[str, str]) -> tuple[list[str], OpenEditionsDialog]:
    """The dialog on two files of a Swedish corpus pair (whose scan is proposed in Swedish)."""
    if "swe" not in installed_languages():
        pytest.skip("Tesseract's Swedish pack is needed")
    paths = [str(corpus_pair(pair) / name) for name in names]
    return paths, _dialog(qtbot, paths)


def test_the_dialog_shows_before_the_proposal_and_takes_it_by_signal(qtbot) -> None:
    paths, dialog = _swedish(qtbot, "sv_rk_lagar_halvar_2022", ("draft.docx", "scan.pdf"))
    # constructed, and nothing proposed yet: the draft is being read on the worker
    assert dialog.proposal is None and not dialog.compare_button.isEnabled()
    assert dialog.note.text().startswith("Looking at the editions…") and not dialog.language.isEnabled()
    dialog.show()
    with qtbot.waitSignal(dialog.proposed, timeout=30000) as arrived:
        pass
    assert arrived.args[0] == dialog.proposal and dialog.proposal.language == "swe"
    assert dialog.buttons[1].isChecked() and dialog.compare_button.isEnabled()
    assert dialog.language.currentData() == "swe"
    assert dialog.note.text().startswith("scan.pdf is a scan to OCR, so it is the base.")
    assert dialog.choice() == (paths[1], paths[0], "swe")


def test_what_the_editor_picked_before_the_proposal_is_kept(qtbot) -> None:
    paths, dialog = _swedish(qtbot, "sv_sou_2025_96_kommunsektorn", ("scan.pdf", "draft.txt"))
    dialog.buttons[1].click()  # before the worker's answer is delivered (it needs the event loop)
    with qtbot.waitSignal(dialog.proposed, timeout=30000):
        pass
    assert dialog.proposal.base_index == 0 and dialog.proposal.language == "swe"  # what it proposed...
    assert dialog.choice() == (paths[1], paths[0], "swe")  # ...and the base the editor picked


def test_two_readable_editions_are_weighed_on_the_worker(qtbot) -> None:
    folder = corpus_pair("en_omb_m_16_21_source_code")
    paths = [str(folder / "draft.txt"), str(folder / "ocr_eng.txt")]
    dialog = _dialog(qtbot, paths)
    assert dialog.proposal is None and not dialog.needs_ocr
    with qtbot.waitSignal(dialog.proposed, timeout=30000):
        pass
    assert dialog.buttons[1].isChecked() and dialog.choice().base == paths[1]
    assert not dialog.note.text().startswith("Looking at the editions…")


def test_an_unreadable_edition_is_said_in_the_dialog(qtbot, tmp_path: Path) -> None:
    folder = corpus_pair("en_omb_m_16_21_source_code")
    broken = tmp_path / "draft.docx"
    with zipfile.ZipFile(broken, "w") as archive:  # a Word package whose body is not XML
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    paths = [str(folder / "scan.pdf"), str(broken)]
    dialog = _dialog(qtbot, paths)
    with qtbot.waitSignal(dialog.failed, timeout=30000) as failed:
        pass
    assert "draft.docx" in failed.args[0] and dialog.note.text() == failed.args[0]
    assert dialog.proposal is None and not dialog.compare_button.isEnabled()


def test_cancel_while_looking_drops_the_proposal(qtbot) -> None:
    folder = corpus_pair("en_omb_m_16_21_source_code")
    paths = [str(folder / "scan.pdf"), str(folder / "draft.docx")]
    dialog = _dialog(qtbot, paths)
    dialog.show()
    dialog.reject()  # the editor cancels before the proposal came
    with qtbot.assertNotEmitted(dialog.proposed, wait=3000):
        pass
    assert dialog.proposal is None and not dialog.runner.running
