"""Fixtures shared by the UI tests (import them with ``from ui_fixtures import *``).

QSettings and the recovery file are sent to a temporary folder for every test so nothing
touches the developer's real settings or a crashed session's recovery file; the sample
comparison is computed once per test session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app.engine import compare
from app.loading import load_edition
from app.model import Comparison
from app.review import Review


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QCoreApplication.setOrganizationName("ProofPairTests")
    QCoreApplication.setApplicationName("ProofPairTests")
    # the recovery file lives in the per-user data folder (XDG_DATA_HOME, read at each call)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    yield


@pytest.fixture(scope="session")
def sample_comparison(sample_paths) -> Comparison:
    base, ref = sample_paths
    return compare(load_edition(base), load_edition(ref))


@pytest.fixture
def sample_review(sample_comparison) -> Review:
    return Review(sample_comparison)


@pytest.fixture
def app_restored(qapp):
    """Theme and language apply to the whole application; put it back after the test."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette

    from ui import i18n

    style, saved = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    i18n.install_translators(qapp, "en")
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Unknown)
    qapp.setStyle(style)
    qapp.setPalette(saved)


def _when_modal(kind, act, tries: int) -> None:
    """Once a modal dialog of ``kind`` opens, call ``act`` on it and give its window the focus
    back, as a window manager does when a dialog closes (offscreen does not)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def answer(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if left:
                QTimer.singleShot(10, lambda: answer(left - 1))
            return
        parent = dialog.parentWidget()
        act(dialog)
        if parent is not None and not dialog.isVisible():
            parent.window().activateWindow()

    QTimer.singleShot(0, answer)


def answer_next_dialog(kind, act, tries: int = 300) -> None:
    """When the next modal dialog of class ``kind`` opens, call ``act(dialog)`` on it (it
    chooses and clicks as an editor would)."""
    _when_modal(kind, act, tries)


def answer_next_box(seen: list[str], button_name: str = "Yes", tries: int = 200) -> None:
    """When the next modal message box opens, note its texts in ``seen`` and click the standard
    button ``button_name`` ("Yes", "No", "Ok", …), as an editor would."""
    from PySide6.QtWidgets import QMessageBox

    def act(box: QMessageBox) -> None:
        seen.append(box.text() + "\n" + box.informativeText())
        box.button(getattr(QMessageBox.StandardButton, button_name)).click()

    _when_modal(QMessageBox, act, tries)


def answer_next_save_dialog(name: str, seen: list[str] | None = None, tries: int = 300) -> None:
    """When the next save dialog opens, note the file it proposes in ``seen`` (its full path),
    type ``name`` as the file name and press Save, as an editor would."""
    from PySide6.QtWidgets import QFileDialog

    def act(dialog: QFileDialog) -> None:
        if seen is not None:
            seen.append(dialog.selectedFiles()[0] if dialog.selectedFiles() else "")
        dialog.selectFile(name)
        dialog.accept()

    _when_modal(QFileDialog, act, tries)


def open_and_wait(qtbot, win, base, reference, timeout: int = 60000) -> None:
    """Open two editions in the window and wait until their comparison is in."""
    with qtbot.waitSignal(win.review_completed, timeout=timeout):
        win.open_editions(str(base), str(reference))


@contextmanager
def shown_window(qtbot, width: int = 1400, height: int = 900) -> Iterator:
    """The real main window, shown at ``width``×``height``; its comparing is stopped after."""
    from ui.main_window import MainWindow

    win = MainWindow(quiet=True)
    qtbot.addWidget(win)
    win.resize(width, height)
    win.show()
    try:
        yield win
    finally:
        win.runner.cancel()
        win.runner.wait()


@pytest.fixture
def window(qtbot, sample_paths):
    """The real main window at 1400×900 with the sample compared, the base pane focused."""
    with shown_window(qtbot) as win:
        with qtbot.waitSignal(win.review_completed, timeout=20000):
            win.open_editions(*sample_paths)
        win.panes.base.setFocus()
        yield win
