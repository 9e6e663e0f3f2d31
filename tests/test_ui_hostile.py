"""The window with hostile documents (issue 10): markup in titles and file names is shown,
never rendered; bidirectional controls are visible and flagged; a session pointing at files
it was not saved with opens only when the editor says so. The real window, driven with qtbot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as GuiQt  # Qt::mightBeRichText lives in QtGui
from PySide6.QtWidgets import QMessageBox

from app.engine import compare_files
from app.review import Review
from app.session import save_session
from ui.safe_text import MARKER
from ui_fixtures import isolated_settings, open_and_wait, shown_window  # noqa: F401

pytestmark = pytest.mark.gui

TITLE = "<b>Fet</b> rubrik <img src='x.png'>"
BASE = f"1. {TITLE}\n\nFörvaltningen har i samverkan med lanets kommuner tagit fram två mål.\n\n" \
       "2. Andra avsnittet\n\nHär står det abc\u202edef i texten och mera text om vården.\n"
REFERENCE = f"1. {TITLE}\n\nFörvaltningen har i samverkan med länets kommuner tagit fram två mål.\n\n" \
            "2. Andra avsnittet\n\nHär står det abcdef i texten och mera text om vården.\n"


def shown_as(tooltip: str) -> str:
    """What Qt shows for a tooltip (rich text is rendered, plain text is shown as it is)."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


@pytest.fixture
def hostile_pair(tmp_path: Path) -> tuple[Path, Path]:
    base, reference = tmp_path / "<i>base.txt", tmp_path / "reference.txt"
    base.write_text(BASE, encoding="utf-8")
    reference.write_text(REFERENCE, encoding="utf-8")
    return base, reference


@pytest.fixture
def window(qtbot):
    with shown_window(qtbot, 1200, 800) as win:
        yield win


def test_titles_and_file_names_are_shown_not_rendered(qtbot, window, hostile_pair) -> None:
    open_and_wait(qtbot, window, *hostile_pair, timeout=20000)
    item = window.navigator_model._items["1"][0]
    assert shown_as(item.toolTip()) == f"1 {TITLE}"
    assert shown_as(window.panes.base_label.toolTip()).endswith(": <i>base.txt")
    window.go_to_section("1")
    section_tip = window.inspector.section_label.toolTip()
    assert section_tip and shown_as(section_tip) == window.inspector.section_label.text()


def test_bidi_controls_are_visible_and_their_change_flagged(qtbot, window, hostile_pair) -> None:
    open_and_wait(qtbot, window, *hostile_pair, timeout=20000)
    qtbot.waitUntil(lambda: window.panes.base._fed == len(window.panes.base.text))
    document = window.panes.base.document().toPlainText()
    assert "\u202e" not in document and f"abc{MARKER}def" in document
    assert len(document) == len(window.panes.base.text)  # offsets do not move
    change = next(c for c in window.review.changes if "\u202e" in c.base_text)
    assert change.changes_bidi and not change.bulk_safe
    window.go_to_change(change.id)
    assert "RLO" in window.inspector.base_label.text()
    assert "bidirectional" in window.inspector.suggestion_label.text()
    assert "\u202e" not in window.canonical.document().toPlainText()
    assert "\u202e" in window.review.canonical_text(), "the text kept is untouched"


def test_message_boxes_show_file_names_as_plain_text(qtbot, window, monkeypatch) -> None:
    seen: list[tuple[Qt.TextFormat, str]] = []

    def exec_(box: QMessageBox) -> int:
        seen.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.quiet = False
    window._error("Cannot open", "<b>x</b>.txt: no such file.")
    window.quiet = True
    assert seen == [(Qt.TextFormat.PlainText, "<b>x</b>.txt: no such file.")]


def _outside_session(tmp_path: Path, hostile_pair: tuple[Path, Path]) -> Path:
    """A session in its own folder whose base edition lies outside it (a moved-in file)."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    session = folder / "review.proofpair"
    save_session(session, Review(compare_files(*hostile_pair)))
    hostile_pair[0].write_text(BASE + "Ett tillägg.\n", encoding="utf-8")  # no longer what was saved
    return session


@pytest.mark.parametrize("answer, opened", [("Cancel", False), ("Open anyway", True)])
def test_a_session_pointing_elsewhere_asks_first(qtbot, window, tmp_path, hostile_pair, monkeypatch,
                                                 answer, opened) -> None:
    session = _outside_session(tmp_path, hostile_pair)
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        for button in box.buttons():
            if answer in button.text().replace("&", ""):
                asked.append(box.text())
                button.click()
        return 0  # the later notice (the edition changed on disk) needs no answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.quiet = False
    if opened:
        with qtbot.waitSignal(window.review_completed, timeout=20000):
            window.open_session(session)
        assert window.review is not None and window.session_path is not None
    else:
        window.open_session(session)
        assert window.review is None and not window.runner.running
    window.quiet = True
    assert len(asked) == 1 and "<i>base.txt" in asked[0] and "not the file" in asked[0]
