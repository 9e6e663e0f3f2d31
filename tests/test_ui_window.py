"""The real window, driven as an editor would: keys, clicks, dialogs confirmed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import remote
from app.model import Verdict
from ui_fixtures import answer_next_box, answer_next_save_dialog, app_restored, isolated_settings, window  # noqa: F401

pytestmark = pytest.mark.gui



def current(win):
    return win.review.change(win.current_change)


def test_opens_on_first_section_and_first_pending_change(window, qtmodeltester):
    assert window.current_section == window.review.sections[0].key
    assert window.current_change == window.review.section_changes(window.current_section)[0].id
    assert "pending" in window.doc_status.text()
    qtmodeltester.check(window.navigator_model)
    from ui.navigator import PENDING_ROLE, SECTION_KEY_ROLE
    top, tops = "", {}  # each section's top-level row: its chapter's; an unnumbered one's is
    for s in window.review.sections:  # that of the numbered section before it
        top = s.key if (s.number and "." not in s.number) or not (s.number or top) else top
        tops[s.key] = top
    assert any(not s.number for s in window.review.sections[1:])  # the sample's sub-headings
    for row in range(window.navigator_model.rowCount()):  # a chapter counts its streamed subsections
        chapter = window.navigator_model.index(row, 0)
        key = chapter.data(SECTION_KEY_ROLE)
        assert chapter.data(PENDING_ROLE) == sum(window.review.counts(s.key).pending for s in window.review.sections
                                                 if tops[s.key] == key)
    qtmodeltester.check(window.change_list.proxy)
    assert window.windowTitle().startswith("region-vastmanland-2024-ocr.txt ↔")


def test_keyboard_navigation(window, qtbot):
    first = window.current_change
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.current_change
    assert second != first
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_change == first
    qtbot.keyClick(window.panes.base, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section == window.review.sections[1].key
    assert current(window).section == window.current_section


def test_stepping_scrolls_only_when_the_change_nears_an_edge(window, qtbot):
    """Each step outlines the change on screen; the panes stay put while it is well inside
    them and the inspector keeps its height, so a step repaints little."""
    panes, bars = window.panes, [p.verticalScrollBar() for p in window.panes.panes()]
    stayed = moved = off_centre = 0
    heights = []
    for _ in range(150):
        before = [b.value() for b in bars]
        qtbot.keyClick(panes.base, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        change = current(window)
        for pane in panes.panes():
            assert pane.viewport().rect().intersects(pane.box_rect()), pane.accessibleName()
        if [b.value() for b in bars] == before:
            stayed += 1
            box, middle = panes.base.box_rect(), panes.base.viewport().rect().center().y()
            if bars[0].value() > 0 and abs(box.center().y() - middle) > 2 * box.height():
                off_centre += 1  # left where it was, not re-centred
        else:
            moved += 1
            # centred: now well inside, unless the pane cannot scroll that far
            assert panes.base.in_comfort(change.base.start) or bars[0].value() in (0, bars[0].maximum())
        heights.append(window.inspector.minimumHeight())
    assert stayed > moved > 0 and off_centre  # all happen over 150 steps of the sample's first sections
    assert heights == sorted(heights)  # grows to fit, never jumps back while the width stays


def test_accept_reject_edit_and_undo(window, qtbot):
    review = window.review
    first = window.current_change
    qtbot.keyClick(window.panes.base, Qt.Key.Key_A)
    assert review.decision(first).verdict is Verdict.ACCEPTED
    assert current(window).reference_text in window.canonical.text
    assert "1 by hand" in window.doc_status.text() and "0 in bulk" in window.doc_status.text()
    assert "1 accepted" in window.doc_status.toolTip()
    assert review.provenance(first).action == "key" and review.provenance(first).by_hand
    qtbot.keyClick(window.panes.base, Qt.Key.Key_R)
    assert review.decision(first).verdict is Verdict.REJECTED
    qtbot.keyClick(window.panes.base, Qt.Key.Key_E)
    editor = window.inspector.editor
    assert editor.isVisible() and editor.text() == current(window).reference_text
    editor.setText("Likvärdigt")
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Enter: a new line
    assert review.decision(first).text == "Likvärdigt"
    assert "Likvärdigt" in window.canonical.text
    assert window.canonical.text == review.section_canonical(window.current_section)
    assert window.canonical.toPlainText() == window.canonical.text
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.decision(first).verdict is Verdict.REJECTED
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.decision(first).verdict is Verdict.PENDING
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert review.decision(first).verdict is Verdict.ACCEPTED
    assert window.canonical.text == review.section_canonical(window.current_section)
    assert window.isWindowModified()


def test_accept_and_advance_goes_to_next_pending(window, qtbot):
    first = window.current_change
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Return)
    assert window.review.decision(first).verdict is Verdict.ACCEPTED
    assert window.current_change != first
    assert window.review.decision(window.current_change).verdict is Verdict.PENDING
    qtbot.mouseClick(window.inspector.reject_button, Qt.MouseButton.LeftButton)
    assert window.review.decision(window.current_change).verdict is Verdict.REJECTED
    assert window.review.provenance(window.current_change).action == "button"
    assert "2 by hand" in window.doc_status.text()


def test_review_to_the_end_from_the_keyboard(window, qtbot, monkeypatch):
    """Bulk-accept the document's suggestions, then walk every change left (the content
    changes and those touching a number) with the keys alone."""
    from app.model import Kind

    asked = []
    answer_next_box(asked, "Yes")
    review, pane = window.review, window.panes.base
    window.menus["bulk_document"].trigger()  # Review › Accept Suggestions in Document… (Alt+R, D)
    assert asked and review.counts().accepted > 0
    next_pending = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    left = [c for c in review.changes if window.visible(c) and review.decision(c.id).verdict is Verdict.PENDING]
    threshold = window.settings.bulk_threshold
    assert len(left) >= 3 and all(not c.bulk_safe or c.confidence < threshold for c in left)
    edited = None
    for _ in range(len(review.changes)):
        if review.decision(window.current_change).verdict is not Verdict.PENDING:
            here = window.current_change
            qtbot.keyClick(pane, Qt.Key.Key_Down, next_pending)
            if window.current_change == here:
                break  # no pending change left after it
            continue
        change = current(window)
        if change.kind is Kind.CONTENT and edited is None:  # one is written by hand
            qtbot.keyClick(pane, Qt.Key.Key_E)
            window.inspector.editor.setText(change.reference_text + " [granskad]")
            qtbot.keyClick(window.inspector.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            edited = change.id
        elif change.touches_number:
            qtbot.keyClick(pane, Qt.Key.Key_R)  # a number: keep the print's
        else:
            qtbot.keyClick(pane, Qt.Key.Key_Return)  # accept and go to the next pending
    assert "No more pending changes" in window.statusBar().currentMessage()
    assert not [c for c in review.changes if window.visible(c) and review.decision(c.id).verdict is Verdict.PENDING]
    assert edited and review.decision(edited).verdict is Verdict.EDITED
    assert "[granskad]" in review.canonical_text()
    assert window.navigator_model.counts(window.navigator_model.keys()[0])[0] == 0


def test_bulk_accept_shows_count_and_is_one_undo_step(window, qtbot):
    from app.bulk import Scope, plan
    from app.model import Source

    asked = []
    answer_next_box(asked, "Yes")
    window.go_to_section("1.1")
    expected = plan(window.review, Scope.SECTION, section="1.1")
    assert expected.skipped, "the section has changes a bulk accept leaves"
    before = window.canonical.text
    window.menus["bulk_section"].trigger()
    assert asked and str(len(expected)) in asked[0]
    assert "By kind" in asked[0] and "Skipped" in asked[0]
    taken = window.review.provenance(next(iter(expected.decisions)))
    assert taken.source is Source.BULK and taken.action == "Accept Suggestions in Section"
    assert taken.filter.startswith("section 1.1")
    assert window.review.counts().in_bulk == len(expected) and window.review.counts().by_hand == 0
    counts = window.review.counts("1.1")
    assert counts.pending == len(window.review.section_changes("1.1")) - len(expected)
    assert window.canonical.text == window.review.section_canonical("1.1") != before
    window.undo_stack.undo()
    assert window.review.counts("1.1").pending == len(window.review.section_changes("1.1"))
    assert not any(window.review.decision(c.id).verdict is Verdict.ACCEPTED
                   and window.review.change(c.id).kind.value == "content" for c in window.review.changes)


def test_find_highlights_hits(window, qtbot):
    qtbot.keyClick(window.panes.base, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "manlands")  # QTest types ASCII only
    assert window.finder.hits and "of" in window.find_bar.count.text()
    assert {h.where for h in window.finder.hits} >= {"reference"}


def test_find_shows_a_canonical_hit_in_its_section(window, qtbot):
    """The canonical view holds one section; stepping to a hit elsewhere switches to it."""
    shown = window.canonical.key
    qtbot.keyClick(window.panes.base, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.field, "Beskriv")  # every section heading asks to describe
    canonical = [h for h in window.finder.hits if h.where == "canonical"]
    assert len(canonical) > 10
    for _ in range(len(window.finder.hits)):
        qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
        hit = window.finder.hits[window.finder.index]
        if hit.where == "canonical" and window.canonical.key != shown:
            break
    else:
        pytest.fail("no canonical hit outside the first section")
    cursor = window.canonical.textCursor()
    assert cursor.selectedText() == "Beskriv"
    assert window.canonical.whole_text()[hit.start:hit.end] == "Beskriv"
    assert window.canonical.text == window.review.section_canonical(window.canonical.key)
    assert window.canonical._layers["find"]  # the hits in the section now shown
    assert f"section {window.canonical.key} " in window.canonical_label.text()  # its title follows


def test_save_close_reopen_same_decisions(window, qtbot, tmp_path, monkeypatch):
    from ui.main_window import MainWindow

    qtbot.keyClick(window.panes.base, Qt.Key.Key_A)
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.panes.base, Qt.Key.Key_R)
    target = tmp_path / "review.proofpair"
    proposed = []
    answer_next_save_dialog(str(tmp_path / "review"), proposed)  # the dialog adds .proofpair
    qtbot.keyClick(window.panes.base, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert proposed and proposed[0].endswith("region-vastmanland-2024-ocr.proofpair"), "beside the base edition"
    assert target.exists() and not window.isWindowModified()
    assert window.windowTitle().startswith("review.proofpair")
    decisions, canonical = window.review.decisions(), window.review.canonical_text()
    provenance = window.review.provenances()
    assert {p.source.value for p in provenance.values()} == {"hand"} and len(provenance) == 2
    window.close()

    again = MainWindow(quiet=True)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.review_completed, timeout=20000):
        again.open_session(target)
    assert again.review.decisions() == decisions
    assert again.review.provenances() == provenance, "how and when each was decided, kept"
    assert "2 by hand" in again.doc_status.text()
    assert again.review.canonical_text() == canonical
    assert again.canonical.text == again.review.section_canonical(again.current_section)
    again.runner.wait()


def test_unreadable_file_is_reported_and_window_stays_usable(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.runner.failed, timeout=5000):
        window.open_editions(tmp_path / "missing.txt", tmp_path / "other.txt")
    assert "no such file" in window.statusBar().currentMessage()


def test_small_window_and_shortcuts_dialog(window, qtbot):
    window.resize(1024, 700)
    qtbot.wait(10)
    assert window.width() <= 1100
    from PySide6.QtWidgets import QTableWidget

    from ui.menus import shortcuts_dialog

    table = shortcuts_dialog(window).findChildren(QTableWidget)[0]
    shortcuts = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert "A" in shortcuts and "Alt+Down" in shortcuts


def test_cancel_keeps_the_window_usable_but_not_savable(qtbot, sample_paths, tmp_path, monkeypatch):
    from ui.main_window import MainWindow

    win = MainWindow(quiet=True)
    qtbot.addWidget(win)
    win.show()
    batches = []

    def cancel_after_first_batch(packet) -> None:  # the sample compares fast: cancel right here
        if packet.tag == remote.SECTIONS and not batches:
            batches.append(packet)
            assert win.cancel_button.isVisible()
            win.cancel_button.click()

    win.runner.progressed.connect(cancel_after_first_batch)
    win.open_editions(*sample_paths)
    qtbot.waitUntil(lambda: bool(batches) and not win.loading, timeout=20000)
    win.runner.progressed.disconnect(cancel_after_first_batch)
    assert not win.runner.running and win.comparison is None
    assert "Compare Again" in win.statusBar().currentMessage()
    for name in ("save", "save_as", "export_text", "export_csv", "export_summary"):
        assert not win.menus[name].isEnabled(), name
    # still reviewable: a decision on what arrived
    win.panes.base.setFocus()
    first = win.current_change
    qtbot.keyClick(win.panes.base, Qt.Key.Key_A)
    assert win.review.decision(first).verdict is Verdict.ACCEPTED
    # the tree holds the whole outline; a section not compared yet says so and is not entered
    keys = win.navigator_model.keys()
    missing = [k for k in keys if not win.review.has_section(k)]
    assert missing and len(keys) == len(win.review.sections) + len(missing)
    from ui.navigator import COL_PENDING
    cell = win.navigator_model.index_for_key(missing[-1]).siblingAtColumn(COL_PENDING)
    assert cell.data() == "…" and cell.data(Qt.ItemDataRole.ToolTipRole) == "not compared yet"
    here = win.current_section
    win.navigator.setCurrentIndex(win.navigator_model.index_for_key(missing[-1]))
    assert win.current_section == here and "still being compared" in win.statusBar().currentMessage()
    assert win.navigator.currentIndex() == win.navigator_model.index_for_key(here)
    target = tmp_path / "partial.proofpair"
    qtbot.keyClick(win.panes.base, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not target.exists(), "a partial review must not be saved as if complete"
    # File › Compare Again finishes the comparison and keeps the decision
    with qtbot.waitSignal(win.review_completed, timeout=20000):
        win.menus["compare_again"].trigger()
    assert win.comparison is not None and win.review.decision(first).verdict is Verdict.ACCEPTED
    assert win.menus["save"].isEnabled()
    answer_next_save_dialog(str(target))
    qtbot.keyClick(win.panes.base, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.exists()
    win.runner.wait()



def test_theme_and_language_apply_live_and_are_remembered(window, qtbot, app_restored):
    from app.model import Kind
    from ui.palette import is_dark, kind_styles
    from ui.settings import Settings

    assert window.statusBar().currentMessage().startswith("Compared:")  # shown for a while after loading
    window.menus["language_sv"].trigger()
    assert window.statusBar().currentMessage() == ""  # not left in English
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Arkiv" in titles and "File" not in titles
    assert window.canonical_label.text() == f"Kanonisk text för avsnitt {window.current_section} (uppdateras medan du granskar)"
    assert window.change_list.box.title() == "Ändringar i avsnittet"
    assert window.inspector.form.labelForField(window.inspector.field(window.inspector.section_label)).text() == "Avsnitt:"
    assert window.navigator_model.headerData(0, Qt.Orientation.Horizontal) == "Avsnitt"
    assert Settings().language == "sv" and window.menus["language_sv"].isChecked()
    qtbot.keyClick(window.panes.base, Qt.Key.Key_A)  # the rebuilt menus still carry the shortcuts
    assert window.review.decision(window.current_change).verdict is Verdict.ACCEPTED

    window.menus["theme_dark"].trigger()
    assert is_dark() and window.dark and Settings().theme == "dark"
    formats = window.panes.base.highlighter._formats
    assert formats["ocr"].background().color() == kind_styles(True)[Kind.OCR].background
    window.menus["theme_light"].trigger()
    assert not is_dark() and not window.dark
    window.menus["language_en"].trigger()
    assert "File" in [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_editions_read_in_another_order_are_said_to_at_once(qtbot, tmp_path) -> None:
    """Two columns read straight across by the OCR: the window says so when the comparison is
    in (the engine's alarm), not only the command line."""
    from formats_fixtures import two_column_pair
    from ui_fixtures import open_and_wait, shown_window

    with shown_window(qtbot) as win:
        open_and_wait(qtbot, win, *two_column_pair(tmp_path))
        assert "another order" in win.statusBar().currentMessage()


def test_the_alarm_is_in_the_windows_language(qtbot, tmp_path, app_restored) -> None:
    from formats_fixtures import two_column_pair
    from ui_fixtures import open_and_wait, shown_window

    with shown_window(qtbot) as win:
        win.set_language("sv")
        open_and_wait(qtbot, win, *two_column_pair(tmp_path))
        assert "annan ordning" in win.statusBar().currentMessage()
