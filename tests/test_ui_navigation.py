"""One owner of "current": every move is announced once, in order, and every view follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui_fixtures import app_restored, isolated_settings, window  # noqa: F401

pytestmark = pytest.mark.gui
UI = Path(__file__).resolve().parent.parent / "ui"



def test_choosing_a_section_in_the_outline_is_one_move_every_view_follows(window, qtbot):
    heard = []
    window.navigation.section_changed.connect(lambda key: heard.append(("section", key)))
    window.navigation.current_changed.connect(lambda key, change: heard.append(("current", key, change)))
    index = window.navigator_model.index_for_key("2")
    rect = window.navigator.visualRect(index)
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    change = window.current_change
    assert heard == [("section", "2"), ("current", "2", change)], "announced once, section first"
    assert window.review.change(change).section == "2"
    assert window.change_list.model.section_key == "2" and window.canonical.key == "2"
    assert window.change_list.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == change
    assert window.inspector.change_id == change
    assert "Section 2:" in window.section_status.text()


def test_a_change_chosen_in_the_list_moves_the_panes_and_the_inspector(window, qtbot):
    view, proxy = window.change_list.view, window.change_list.proxy
    assert proxy.rowCount() > 1
    index = proxy.index(proxy.rowCount() - 1, 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    chosen = index.data(Qt.ItemDataRole.UserRole + 1)
    assert window.current_change == chosen and window.inspector.change_id == chosen
    base = window.panes.base
    assert base.viewport().rect().intersects(base.box_rect())


def test_the_window_and_the_panes_stay_under_500_lines():
    for name in ("main_window.py", "text_panes.py", "navigation.py", "deciding.py"):
        assert len((UI / name).read_text(encoding="utf-8").splitlines()) < 500, name


def test_a_move_from_the_keyboard_is_announced_once(window, qtbot):
    heard = []
    window.navigation.section_changed.connect(lambda key: heard.append(("section", key)))
    window.navigation.current_changed.connect(lambda key, change: heard.append(("current", key, change)))
    window.panes.base.setFocus()
    qtbot.keyClick(window.panes.base, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    key = window.review.sections[1].key
    assert heard == [("section", key), ("current", key, window.current_change)]
    assert window.navigator.currentIndex() == window.navigator_model.index_for_key(key)


def test_least_confident_first_is_a_view_choice_that_next_and_previous_follow(window, qtbot):
    from app.review_order import ConfidenceOrder, Order
    from ui.main_window import MainWindow
    from ui.settings import Settings

    menus = window.menus
    assert menus["order_document"].isChecked() and not menus["order_least_confident"].isChecked()
    menus["order_least_confident"].trigger()  # View › Review Order › Least Confident First
    assert menus["order_least_confident"].isChecked() and not menus["order_document"].isChecked()
    assert window.navigation.order is Order.LEAST_CONFIDENT
    assert "least confident first" in window.statusBar().currentMessage()

    order = [cid for cid in ConfidenceOrder(window.review.comparison).ids if window.visible(window.review.change(cid))]
    window.go_to_change(order[0])
    window.panes.base.setFocus()
    visited = [window.current_change]
    for _ in range(5):
        qtbot.keyClick(window.panes.base, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        visited.append(window.current_change)
    assert visited == order[:6]
    confidences = [window.review.change(c).confidence for c in visited]
    assert confidences == sorted(confidences)
    assert [window.review.position(c) for c in visited] != sorted(window.review.position(c) for c in visited)
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_change == order[4]
    assert window.inspector.change_id == order[4]  # the views follow the one owner of "current"

    # Enter accepts and goes to the next pending change in the same order
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Return)
    assert window.current_change == order[5]

    assert Settings().review_order == "least_confident"  # remembered
    again = MainWindow(quiet=True)
    qtbot.addWidget(again)
    assert again.navigation.order is Order.LEAST_CONFIDENT and again.menus["order_least_confident"].isChecked()

    menus["order_document"].trigger()
    window.go_to_change(order[0])
    qtbot.keyClick(window.panes.base, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    after = window.review.position(order[0]) + 1
    changes = window.review.changes
    expected = next(c.id for c in changes[after:] if window.visible(c))
    assert window.current_change == expected and Settings().review_order == "document"
