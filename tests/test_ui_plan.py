"""What the review shows of its work: the plan, a readable overview, decided changes in
context, an empty filter that says so, and Find hits in a colour of their own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from PySide6.QtGui import QColor, QTextCharFormat

from app.model import REJECT, Kind, Provenance, Source, Verdict
from ui_fixtures import answer_next_box, app_restored, isolated_settings, window  # noqa: F401

pytestmark = pytest.mark.gui



def test_the_plan_accepts_the_confident_suggestions_with_one_key(window, qtbot):
    from app.bulk import review_plan

    expected = review_plan(window.review)
    window.menus["review_plan"].trigger()  # View › Review Plan…
    dialog = window.plan_dialog
    assert dialog.isVisible()
    assert str(len(expected.confident)) in dialog.confident_label.text()
    assert str(expected.people_count) in dialog.people_label.text()
    assert dialog.table.rowCount() == len(expected.for_a_person) > 0
    asked = []
    answer_next_box(asked, "Yes")
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    assert "By kind" in asked[0]
    counts = window.review.counts()
    assert counts.in_bulk == len(expected.confident) and counts.by_hand == 0
    assert counts.pending == expected.people_count
    how = window.review.provenance(next(iter(expected.confident.decisions)))
    assert how.action == "Accept the Confident Suggestions"
    qtbot.keyClick(window.panes.base, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    again = window.plan_dialog
    assert "0 differences" in again.confident_label.text() and not again.accept_button.isEnabled()
    key = again.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    again.table.itemDoubleClicked.emit(again.table.item(0, 1))
    assert window.current_section == key and not again.isVisible()


def test_ctrl_shift_a_takes_the_confident_suggestions(window, qtbot):
    asked = []
    answer_next_box(asked, "No")
    qtbot.keyClick(window.panes.base, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert asked and window.review.counts().in_bulk == 0, "No leaves everything as it was"


def _strip_column(strip, x: int) -> list[QColor]:
    image = strip.grab().toImage()
    return [image.pixelColor(x, y) for y in range(image.height())]


def test_the_overview_shows_content_changes_in_a_lane_ocr_never_covers(window):
    from ui.overview import PERSON_LANE
    from ui.palette import kind_styles

    strip = window.panes.overview
    content = kind_styles(False)[Kind.CONTENT].underline_color
    lane = _strip_column(strip, PERSON_LANE[0] + 1)
    marked = sum(1 for c in lane if c == content)
    people = [c for c in window.review.changes if c.kind is Kind.CONTENT or c.touches_number]
    assert people and marked >= 3, "each content change is a 3 px mark of its own"
    window.decide({c.id: REJECT for c in people}, "keep the print", Provenance(Source.HAND, "key"))
    assert not any(c == content for c in _strip_column(strip, PERSON_LANE[0] + 1)), "decided: gone from the lane"


def test_decided_changes_stay_visible_in_both_panes(window, qtbot):
    review, base, reference = window.review, window.panes.base, window.panes.reference
    first = window.current_change
    qtbot.keyClick(base, Qt.Key.Key_A)
    qtbot.keyClick(base, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.current_change
    qtbot.keyClick(base, Qt.Key.Key_R)

    def format_at(pane, offset):
        pane.highlighter.format_visible()
        block = pane.document().findBlock(pane.offsets.to_qt(offset))
        q = pane.offsets.to_qt(offset) - block.position()
        for fr in block.layout().formats():
            if fr.start <= q < fr.start + fr.length:
                return QTextCharFormat(fr.format)
        return None

    accepted, rejected = review.change(first), review.change(second)
    assert review.decision(first).verdict is Verdict.ACCEPTED
    struck = format_at(base, accepted.base.start)
    assert struck is not None and struck.fontStrikeOut(), "the base text given up is struck through"
    kept = format_at(reference, accepted.reference.start)
    assert kept is not None and not kept.fontStrikeOut() and not kept.hasProperty(kept.Property.ForegroundBrush)
    dimmed = format_at(reference, rejected.reference.start)
    assert dimmed is not None and dimmed.hasProperty(dimmed.Property.ForegroundBrush) and not dimmed.fontStrikeOut()
    assert not format_at(base, rejected.base.start).fontStrikeOut()


def test_an_empty_filter_says_so(window, qtbot):
    changes = window.change_list
    assert not changes.empty_label.isVisible()
    changes.verdict_filter.setCurrentIndex(changes.verdict_filter.findData(Verdict.REJECTED.value))
    assert changes.proxy.rowCount() == 0 and changes.empty_label.isVisible()
    assert "matches these filters" in changes.empty_label.text()
    changes.verdict_filter.setCurrentIndex(0)
    assert not changes.empty_label.isVisible()


def test_find_hits_have_a_colour_no_kind_uses(window, qtbot):
    from ui.find import find_format
    from ui.palette import kind_styles

    for dark in (False, True):
        hue = find_format(dark).background().color().hslHue()
        for kind, style in kind_styles(dark).items():
            other = style.background.hslHue()
            assert min(abs(hue - other), 360 - abs(hue - other)) > 40, (dark, kind)


def test_the_editor_starts_from_a_content_changes_suggested_print(window, qtbot):
    """A content change whose print holds a misread this OCR makes often elsewhere suggests
    the print's wording with it read back; E starts the editor there."""
    review, pane = window.review, window.panes.base
    change = next(c for c in review.changes if c.kind is Kind.CONTENT and c.suggestion is not None
                  and c.suggestion.decision.text is not None)
    assert change.suggestion.decision.text != change.base_text and not change.bulk_safe
    window.go_to_change(change.id)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_E)
    editor = window.inspector.editor
    assert editor.isVisible() and editor.text() == change.suggestion.decision.text
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert review.decision(change.id).text == change.suggestion.decision.text


def test_the_editor_keeps_line_breaks_and_takes_part_of_a_change(window, qtbot):
    review, pane = window.review, window.panes.base
    change = next(c for c in review.changes if c.kind is Kind.OCR and " " not in c.base_text)
    window.go_to_change(change.id)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_E)
    editor = window.inspector.editor
    assert editor.isVisible() and editor.text() == change.reference_text and editor.parts.count() >= 1
    editor.take(set())  # untick every piece: the base's reading
    assert editor.text() == change.base_text
    editor.take({0})
    assert editor.text() != change.base_text
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_End)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return)  # Enter is a line break here
    qtbot.keyClicks(editor.text_edit, "ny rad")
    assert editor.isVisible() and "\nny rad" in editor.text()
    text = editor.text()
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    assert review.decision(change.id).text == text and review.provenance(change.id).action == "edit"
    assert text in review.section_canonical(change.section)


def test_a_typography_change_names_its_code_points(window):
    change = next(c for c in window.review.changes if c.kind is Kind.TYPOGRAPHY)
    window.go_to_change(change.id)
    assert "U+" in window.inspector.suggestion_label.text()


def test_save_as_adds_the_suffix_and_asks_before_overwriting(window, qtbot, tmp_path):
    from ui_fixtures import answer_next_save_dialog

    existing = tmp_path / "x.proofpair"
    existing.write_text("keep me", encoding="utf-8")
    asked = []
    answer_next_save_dialog(str(tmp_path / "x"))
    answer_next_box(asked, "No")  # "x.proofpair already exists. Do you want to replace it?"

    def cancel_once_answered() -> None:  # then the dialog is still open: the editor cancels it
        dialog = QApplication.activeModalWidget()
        if asked and isinstance(dialog, QFileDialog):
            dialog.reject()
        else:
            QTimer.singleShot(10, cancel_once_answered)

    QTimer.singleShot(0, cancel_once_answered)
    assert window.files.save_as() is False
    assert asked and "x.proofpair" in asked[0]
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_exports_propose_a_name_beside_the_session(window, qtbot, tmp_path):
    from ui_fixtures import answer_next_save_dialog

    answer_next_save_dialog(str(tmp_path / "mine"))
    window.files.save_as()
    assert (tmp_path / "mine.proofpair").is_file()
    proposed = []
    answer_next_save_dialog(str(tmp_path / "mine-log"), proposed)
    window.menus["export_csv"].trigger()
    assert proposed == [str(tmp_path / "mine-log.csv")]
    assert (tmp_path / "mine-log.csv").is_file(), "the extension added"


def test_deciding_the_last_change_offers_the_export(window, qtbot, tmp_path):
    from ui_fixtures import answer_next_save_dialog

    review = window.review
    rest = [c.id for c in review.changes]
    window.decide({i: REJECT for i in rest[1:]}, "all but one", Provenance(Source.HAND, "key"))
    window.go_to_change(rest[0])
    window.quiet = False  # the offer is a question; the fixture's window asks none
    asked = []
    answer_next_box(asked, "Yes")
    answer_next_save_dialog(str(tmp_path / "done"))
    qtbot.keyClick(window.panes.base, Qt.Key.Key_A)
    window.quiet = True
    assert asked and "Export the canonical text" in asked[0]
    assert (tmp_path / "done.txt").read_text(encoding="utf-8") == review.canonical_text()


def test_a_swapped_pair_from_the_command_line_is_asked_about_once(window, qtbot, sample_paths):
    from PySide6.QtWidgets import QMessageBox

    base, reference = sample_paths
    window.quiet = False
    seen = []

    def answer(choice: str) -> None:
        def go() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, go)
                return
            seen.append(box.text())
            next(b for b in box.buttons() if b.text().startswith(choice)).click()
        QTimer.singleShot(0, go)

    answer("Use")
    assert window.files.confirm_order(str(reference), str(base)) == (str(base), str(reference))
    assert seen and base.name in seen[0]
    answer("Keep")
    assert window.files.confirm_order(str(reference), str(base)) == (str(reference), str(base))
    assert window.files.confirm_order(str(base), str(reference)) == (str(base), str(reference))
    assert len(seen) == 2, "the right order is not asked about"
    window.quiet = True


def test_decided_changes_can_be_hidden_to_see_only_what_is_left(window, qtbot):
    review, base = window.review, window.panes.base
    first = window.current_change
    qtbot.keyClick(base, Qt.Key.Key_A)
    spot = review.change(first).base.start

    def painted(offset: int) -> bool:
        base.highlighter.format_visible()
        block = base.document().findBlock(base.offsets.to_qt(offset))
        q = base.offsets.to_qt(offset) - block.position()
        return any(fr.start <= q < fr.start + fr.length for fr in block.layout().formats())

    assert painted(spot)
    qtbot.keyClick(base, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.menus["show_decided"].isChecked() and not window.settings.show_decided
    assert not painted(spot), "only what is left"
    pending = next(c for c in review.section_changes(window.current_section)
                   if c.id != first and c.kind is not Kind.LAYOUT)
    assert review.decision(pending.id).verdict is Verdict.PENDING and painted(pending.base.start)
    window.menus["show_decided"].trigger()
    assert painted(spot)


def test_a_rejected_pattern_lowers_its_other_cases_and_the_bulk_accept_skips_them(window, qtbot):
    """Reject one "for"→"för" by hand: the inspector shows the next case's confidence lowered
    and why, and a document-wide bulk accept leaves every other case for a person, saying so."""
    from app.bulk import Scope, Skip, plan

    review = window.review
    group = [c for c in review.changes if (c.base_text, c.reference_text) == ("for", "för")]
    assert len(group) > 5 and all(c.confidence >= 0.9 and c.bulk_safe for c in group)
    window.go_to_change(group[0].id)
    window.panes.base.setFocus()
    qtbot.keyClick(window.panes.base, Qt.Key.Key_R)
    assert review.decision(group[0].id).verdict is Verdict.REJECTED
    window.go_to_change(group[1].id)
    shown = window.inspector.kind_label.text()
    learned = review.learned(group[1].id)
    assert learned.lowered and learned.confidence < 0.9 <= learned.engine
    assert f"confidence {round(learned.confidence * 100)}%" in shown
    assert "lowered from 99% — you overruled this pattern (for→för) 1×, took it 0×" in shown

    expected = plan(review, Scope.DOCUMENT, threshold=window.settings.bulk_threshold)
    assert expected.skipped[Skip.OVERRULED] >= len(group) - 1
    assert not {c.id for c in group} & set(expected.decisions)
    asked = []
    answer_next_box(asked, "Yes")
    window.menus["bulk_document"].trigger()
    qtbot.waitUntil(lambda: bool(asked))
    assert (f"{expected.skipped[Skip.OVERRULED]} below the threshold (90%) since you overruled the same "
            "pattern elsewhere") in asked[0]
    assert all(review.decision(c.id).verdict is Verdict.PENDING for c in group[1:])
    assert review.counts().in_bulk == len(expected)
    window.undo_stack.undo()  # the bulk step
    window.undo_stack.undo()  # the rejection: the engine's confidence is back
    assert review.learned(group[1].id).confidence == group[1].confidence
    window.go_to_change(group[1].id)
    assert "lowered" not in window.inspector.kind_label.text()
