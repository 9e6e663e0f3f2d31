"""Crash recovery as an editor meets it: decide, get killed, start again, restore.

The first test runs the real window in a child process (keys through QTest, the default
2-second autosave), SIGKILLs it once the decisions have been on screen past the idle
interval, then starts ProofPair the way the launcher does in this process, with the same
settings and data folders, and answers the restore offer. Only ``QMessageBox.exec`` is
replaced, by a function that clicks one of the box's own buttons.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.model import Decision, Verdict
from ui_fixtures import answer_next_save_dialog, app_restored, isolated_settings  # noqa: F401

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent

# Drives the real MainWindow: open the sample, close the review plan, accept, next, reject, next, edit; print the
# decisions it shows, then idle until killed.
CHILD = r"""
import json, sys
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
app = QApplication([])
app.setOrganizationName("ProofPairTests")
app.setApplicationName("ProofPairTests")
from ui.main_window import MainWindow

win = MainWindow()
win.resize(1400, 900)
win.show()

def decide():
    win.plan_dialog.accept()  # the review plan a fresh comparison shows: "Start Reviewing"
    pane, alt = win.panes.base, Qt.KeyboardModifier.AltModifier
    pane.setFocus()
    QTest.keyClick(pane, Qt.Key.Key_A)
    QTest.keyClick(pane, Qt.Key.Key_Down, alt)
    QTest.keyClick(pane, Qt.Key.Key_R)
    QTest.keyClick(pane, Qt.Key.Key_Down, alt)
    QTest.keyClick(pane, Qt.Key.Key_E)
    win.inspector.editor.setText("Restored text")
    QTest.keyClick(win.inspector.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    shown = {k: [d.verdict.value, d.text] for k, d in win.review.decisions().items()}
    print("decided", json.dumps(shown), flush=True)

win.review_completed.connect(decide)
win.open_sample()
app.exec()
"""



def _start_like_the_launcher(qapp):
    from ui.launcher import _make_window

    args = argparse.Namespace(paths=[], sample=False, smoke=False, screenshot=None)
    window = _make_window(qapp, args, [])
    window.quiet = True  # the offer is over; no "unsaved decisions?" box when the test closes it
    window.show()  # as open_window does next
    return window


def _answer(monkeypatch, button_text: str, asked: list[str]) -> None:
    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        for button in box.buttons():
            if button_text in button.text().replace("&", ""):
                button.click()
                return 0
        raise AssertionError(f"no {button_text!r} button in {[b.text() for b in box.buttons()]}")

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def _settings_folder(tmp_path: Path) -> Path:
    return tmp_path / "settings"  # where ui_fixtures.isolated_settings sends QSettings


def _settle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: win.comparison is not None and not win.runner.running, timeout=30000)


def test_killed_window_is_restored_with_every_decision(qtbot, qapp, app_restored, tmp_path, monkeypatch):
    from ui.recovery import DEFAULT_IDLE_MS, default_recovery_path
    from ui.settings import Settings

    Settings().language = "en"
    Settings().sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # XDG_DATA_HOME comes from the fixture
    with subprocess.Popen([sys.executable, "-c", CHILD, str(_settings_folder(tmp_path))], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        watchdog = threading.Timer(60, child.kill)
        watchdog.start()
        try:
            line = child.stdout.readline()
            shown_at = time.monotonic()
            assert line.startswith("decided "), child.stderr.read() if child.poll() is not None else line
            # on screen past the idle interval (plus a margin for the save itself), then killed
            time.sleep(DEFAULT_IDLE_MS / 1000 + 1.0)
            child.kill()  # SIGKILL on POSIX: no close event, no clean-up
            child.wait()
            assert time.monotonic() - shown_at >= DEFAULT_IDLE_MS / 1000
        finally:
            watchdog.cancel()
            child.kill()  # never leave it running, whatever failed above
    before = {k: Decision(Verdict(v), t) for k, (v, t) in json.loads(line.split(" ", 1)[1]).items()}
    assert len(before) == 3 and {d.verdict for d in before.values()} == {
        Verdict.ACCEPTED, Verdict.REJECTED, Verdict.EDITED}
    recovery = default_recovery_path()
    assert recovery.is_file()

    from PySide6.QtCore import QDateTime, QLocale

    when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(recovery.stat().st_mtime)),
                              QLocale.FormatType.ShortFormat)
    win, asked = _restart_answering(qtbot, qapp, monkeypatch, "Restore")
    assert asked and "did not close normally" in asked[0]
    assert when in asked[0], "the date as the user's locale writes it"
    assert win.review.decisions() == before
    assert win.isWindowModified() and win.session_path is None
    assert recovery.is_file(), "kept until the restored review is saved"

    # Save asks where (nothing is overwritten silently), and a saved review needs no recovery
    target = tmp_path / "restored.proofpair"
    answer_next_save_dialog(str(target))
    win.panes.base.setFocus()
    qtbot.keyClick(win.panes.base, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.is_file() and not win.isWindowModified()
    assert not recovery.exists()
    win.runner.wait()


def _restart_answering(qtbot, qapp, monkeypatch, button: str):
    """Start as the launcher does, answering the restore offer with ``button``."""
    asked: list[str] = []
    _answer(monkeypatch, button, asked)
    win = _start_like_the_launcher(qapp)
    qtbot.addWidget(win)
    _settle(qtbot, win)
    return win, asked


def _leave_recovery(qtbot, sample_paths) -> tuple[Path, dict]:
    """A window that autosaves a decision and then 'crashes' (is dropped without closing)."""
    from ui.main_window import MainWindow

    win = MainWindow(quiet=True)
    qtbot.addWidget(win)
    win.autosaver.idle_ms = 20
    with qtbot.waitSignal(win.review_completed, timeout=20000):
        win.open_editions(*sample_paths)
    with qtbot.waitSignal(win.autosaver.saved, timeout=5000):
        win.accept_current()
    path, decisions = win.autosaver.path, win.review.decisions()
    win.files.owns_recovery = False  # as if the process had died: its close must not clean up
    win.close()
    return path, decisions


def test_discard_deletes_the_recovery_file(qtbot, qapp, app_restored, sample_paths, monkeypatch):
    path, _ = _leave_recovery(qtbot, sample_paths)
    assert path.is_file()
    win, asked = _restart_answering(qtbot, qapp, monkeypatch, "Discard")
    assert asked and not path.exists()
    assert win.review.decisions() == {} and not win.isWindowModified()  # the sample, fresh
    win.runner.wait()


def test_a_quiet_window_never_touches_a_crashed_sessions_file(qtbot, sample_paths):
    from ui.main_window import MainWindow

    path, _ = _leave_recovery(qtbot, sample_paths)
    saved = path.read_bytes()
    win = MainWindow(quiet=True)  # like --screenshot: no offer, so not its file
    qtbot.addWidget(win)
    win.autosaver.idle_ms = 20
    with qtbot.waitSignal(win.review_completed, timeout=20000):
        win.open_editions(*sample_paths)
    win.reject_current()
    qtbot.wait(100)
    win.close()
    assert path.read_bytes() == saved


def test_clean_close_discards_the_recovery_file(qtbot, sample_paths):
    from ui.main_window import MainWindow

    win = MainWindow(quiet=True)
    qtbot.addWidget(win)
    win.autosaver.idle_ms = 20
    with qtbot.waitSignal(win.review_completed, timeout=20000):
        win.open_editions(*sample_paths)
    with qtbot.waitSignal(win.autosaver.saved, timeout=5000):
        win.accept_current()
    assert win.autosaver.path.is_file()
    win.close()
    assert not win.autosaver.path.exists()


def test_a_second_copy_has_its_own_recovery_file_and_never_offers_the_first_ones(qtbot, sample_paths):
    from ui.main_window import MainWindow

    first = MainWindow(quiet=True)
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.review_completed, timeout=20000):
        first.open_editions(*sample_paths)
    qtbot.waitUntil(lambda: not first.runner.running)  # the review is whole: its autosave is written
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    first.panes.base.setFocus()
    qtbot.keyClick(first.panes.base, Qt.Key.Key_A)
    assert first.autosaver.is_dirty
    assert first.autosaver.flush() and first.autosaver.path.is_file()  # the live autosave

    second = MainWindow(quiet=True)
    qtbot.addWidget(second)
    assert second.autosaver.path != first.autosaver.path
    assert second.files.offer_recovery() is False, "the first copy is alive: nothing to restore"
    assert first.autosaver.path.is_file(), "and nothing deleted"
    second.close()
    first.close()
    assert not first.autosaver.path.exists()
    first.runner.wait()
