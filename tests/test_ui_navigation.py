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
