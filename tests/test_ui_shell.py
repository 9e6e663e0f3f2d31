"""The window's shell: themes and kind colours, languages, preferences, crash recovery.

Colour checks are WCAG contrast ratios, not eyeballing; translation checks go through
``QCoreApplication.translate`` exactly as widgets do; the recovery promise is tested by
SIGKILLing a real process in the middle of an autosave.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QMainWindow, QWidget

import resources
from app.model import Kind, Verdict
from ui import i18n, palette
from ui.recovery import Autosaver, default_recovery_path, find_recovery
from ui.settings import MAX_RECENT, Settings

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
Text, Base, Window = QPalette.ColorRole.Text, QPalette.ColorRole.Base, QPalette.ColorRole.Window


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance."""
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PALETTES = {False: palette.light_palette, True: palette.dark_palette}


@pytest.fixture
def theme_restored(qapp):
    """Themes change the application globally; put style, palette and scheme back."""
    style, saved = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Unknown)
    qapp.setStyle(style)
    qapp.setPalette(saved)


@pytest.fixture
def english(qapp):
    yield qapp
    i18n.install_translators(qapp, "en")


@pytest.fixture
def settings_dir(tmp_path: Path):
    """Point QSettings at an INI file in a temporary folder for this test."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


# -- palette ------------------------------------------------------------------------------


def test_dark_palette_is_dark_and_light_is_light(qapp) -> None:
    assert palette.dark_palette().color(Window).lightnessF() < 0.3
    assert palette.is_dark(palette.dark_palette())
    assert not palette.is_dark(palette.light_palette())


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_text_and_marks_are_readable(qapp, dark: bool) -> None:
    pal = PALETTES[dark]()
    text = pal.color(Text)
    assert contrast(text, pal.color(Base)) >= 7
    assert contrast(pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)) >= 4.5
    for kind, style in palette.kind_styles(dark).items():
        assert contrast(style.foreground or text, style.background) >= 4.5, kind
        assert style.underline_color is not None
        assert contrast(style.underline_color, style.background) >= 3, kind  # non-text contrast
    for verdict, color in palette.decided_colors(dark).items():
        assert contrast(text, color) >= 4.5, verdict
    assert contrast(palette.current_outline(dark), pal.color(Base)) >= 3


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_kinds_differ_in_colour_and_underline(qapp, dark: bool) -> None:
    styles = palette.kind_styles(dark)
    assert set(styles) == set(Kind)
    for (ka, a), (kb, b) in itertools.combinations(styles.items(), 2):
        assert a.background != b.background, (ka, kb)
        assert a.underline != b.underline, (ka, kb)
        assert a.label != b.label
    fmt = styles[Kind.OCR].char_format()
    assert fmt.underlineStyle() == styles[Kind.OCR].underline
    assert fmt.background().color() == styles[Kind.OCR].background
    assert set(palette.decided_colors(dark)) == {Verdict.ACCEPTED, Verdict.REJECTED, Verdict.EDITED}


def test_apply_theme_and_notifier(theme_restored, qtbot) -> None:
    app = theme_restored
    notifier = palette.ThemeNotifier()
    with qtbot.waitSignal(notifier.theme_changed) as blocker:
        notifier.apply(app, "dark")
    assert blocker.args == [True] and notifier.dark and palette.is_dark()
    assert app.style().name().lower() == "fusion"
    assert app.palette().color(Window) == palette.dark_palette().color(Window)
    with qtbot.waitSignal(notifier.theme_changed) as blocker:
        notifier.apply(app, "light")
    assert blocker.args == [False] and not palette.is_dark()
    system_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    assert palette.apply_theme(app, "system") == system_dark
    with pytest.raises(ValueError):
        palette.apply_theme(app, "sepia")


# -- languages ----------------------------------------------------------------------------


def test_languages_known(qapp) -> None:
    assert i18n.available_languages() == {"en": "English", "sv": "Svenska"}
    assert i18n.system_language() in i18n.available_languages()
    assert (Path(i18n.qt_translations_dir()) / "qtbase_sv.qm").is_file()


def test_switching_language_translates_ours_and_qts(english, qtbot) -> None:
    app = english
    changes = []

    class Probe(QWidget):
        def changeEvent(self, event: QEvent) -> None:  # noqa: N802  (Qt override)
            if event.type() == QEvent.Type.LanguageChange:
                changes.append(event)
            super().changeEvent(event)

    probe = Probe()
    qtbot.addWidget(probe)
    notifier = i18n.LanguageNotifier()
    with qtbot.waitSignal(notifier.language_changed) as blocker:
        notifier.apply(app, "sv")
    assert blocker.args == ["sv"] and notifier.language == "sv"
    assert QCoreApplication.translate("Kind", "OCR error") == "OCR-fel"
    assert palette.kind_styles(False)[Kind.CONTENT].label == "Innehåll"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"  # Qt's own dialogs
    qtbot.waitUntil(lambda: bool(changes))
    assert len(i18n.install_translators(app, "sv")) == 2
    assert len(app.findChildren(QTranslator)) == 2  # switching replaces, never piles up
    assert i18n.install_translators(app, "en") == []
    assert QCoreApplication.translate("Kind", "OCR error") == "OCR error"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert not app.findChildren(QTranslator)
    with pytest.raises(ValueError):
        i18n.install_translators(app, "xx")


def _ts_messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_committed_qm_matches_ts(qapp, tmp_path: Path) -> None:
    ts = resources.file_path("translations", "proofpair_sv.ts")
    qm = resources.file_path("translations", "proofpair_sv.qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    finished = 0
    for context, message in _ts_messages(ts):
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        source, comment = message.findtext("source"), message.findtext("comment")
        if message.get("numerus") == "yes":
            expected = translation.findall("numerusform")[0].text
            got = translator.translate(context, source, comment, 1)
        else:
            expected, got = translation.text, translator.translate(context, source, comment)
        assert got == expected, (context, source)
        finished += 1
    assert finished >= 4
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if lrelease.is_file():
        fresh = tmp_path / "fresh.qm"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == qm.read_bytes(), "run scripts/update_translations.py"


# -- settings -----------------------------------------------------------------------------


def test_settings_defaults_and_round_trip(qapp, settings_dir: Path) -> None:
    fresh = Settings()
    assert fresh.theme == "system" and fresh.text_size == 11 and fresh.show_layout is True
    assert fresh.last_session is None and fresh.recent_sessions == []
    assert fresh.language in i18n.available_languages()
    fresh.language, fresh.theme, fresh.text_size, fresh.show_layout = "sv", "dark", 14, False
    fresh.last_session = settings_dir / "a.proofpair"
    fresh.sync()
    assert list(settings_dir.rglob("*.ini")), "settings must land in the redirected folder"
    again = Settings()
    assert (again.language, again.theme, again.text_size, again.show_layout) == ("sv", "dark", 14, False)
    assert again.last_session == str(settings_dir / "a.proofpair")
    again.last_session = None
    assert Settings().last_session is None


def test_settings_reject_or_repair_bad_values(qapp, settings_dir: Path) -> None:
    settings = Settings()
    with pytest.raises(ValueError):
        settings.theme = "sepia"
    with pytest.raises(ValueError):
        settings.language = "xx"
    settings.store.setValue("theme", "sepia")
    settings.store.setValue("text_size", "huge")
    assert settings.theme == "system" and settings.text_size == 11
    settings.text_size = 500
    assert settings.text_size == 48


def test_recent_sessions(qapp, settings_dir: Path) -> None:
    settings = Settings()
    files = []
    for i in range(MAX_RECENT + 2):
        files.append(settings_dir / f"s{i}.proofpair")
        files[-1].write_text("{}", encoding="utf-8")
        settings.add_recent(files[-1])
    recent = settings.recent_sessions
    assert recent == [str(f) for f in reversed(files)][:MAX_RECENT]
    settings.add_recent(files[5])
    assert settings.recent_sessions[0] == str(files[5]) and len(settings.recent_sessions) == MAX_RECENT
    assert len(set(settings.recent_sessions)) == MAX_RECENT
    files[5].unlink()
    assert str(files[5]) not in settings.recent_sessions
    settings.clear_recent()
    settings.add_recent(files[0])  # a one-element list survives the INI round trip as a list
    settings.sync()
    assert Settings().recent_sessions == [str(files[0])]


def test_window_geometry_round_trip(qtbot, settings_dir: Path) -> None:
    first = QMainWindow()
    qtbot.addWidget(first)
    assert not Settings().restore_window(first)
    first.resize(640, 410)
    Settings().save_window(first)
    second = QMainWindow()
    qtbot.addWidget(second)
    assert Settings().restore_window(second)
    assert (second.width(), second.height()) == (640, 410)


# -- recovery -----------------------------------------------------------------------------


def _json_saver(states: list[int], state: dict):
    def save(path: Path) -> None:
        from app.fileio import atomic_write_text
        atomic_write_text(path, json.dumps(state))
        states.append(state["n"])
    return save


def test_autosave_waits_for_idle_then_saves_once(qtbot, tmp_path: Path) -> None:
    states: list[int] = []
    state = {"n": 0}
    saver = Autosaver(_json_saver(states, state), tmp_path / "deep" / "r.proofpair", idle_ms=80)
    assert not saver.flush()
    with qtbot.waitSignal(saver.saved, timeout=2000):
        for n in range(1, 4):
            state["n"] = n
            saver.mark_dirty()
    assert states == [3] and not saver.is_dirty
    assert find_recovery(saver.path) == saver.path
    assert json.loads(saver.path.read_text(encoding="utf-8")) == {"n": 3}
    state["n"] = 4
    saver.mark_dirty()
    assert saver.flush() and states == [3, 4]  # flush saves at once and stops the timer
    qtbot.wait(150)
    assert states == [3, 4]
    saver.discard()
    assert find_recovery(saver.path) is None and not saver.path.exists()


def test_autosave_deadline_bounds_loss_for_nonstop_editing(qtbot, tmp_path: Path) -> None:
    states: list[int] = []
    state = {"n": 0}
    saver = Autosaver(_json_saver(states, state), tmp_path / "r.proofpair", idle_ms=100, max_wait_ms=200)
    end = time.monotonic() + 0.7
    while time.monotonic() < end:  # a change every 20 ms starves the idle timer
        state["n"] += 1
        saver.mark_dirty()
        qtbot.wait(20)
    assert len(states) >= 2


def test_autosave_reports_failure_and_stays_dirty(qtbot, tmp_path: Path) -> None:
    def failing(path: Path) -> None:
        raise PermissionError(13, "Permission denied")

    saver = Autosaver(failing, tmp_path / "r.proofpair", idle_ms=10)
    saver.mark_dirty()
    with qtbot.waitSignal(saver.save_failed) as blocker:
        pass
    assert "Permission denied" in blocker.args[0] and saver.is_dirty


def test_default_recovery_path(qapp) -> None:
    assert default_recovery_path().name == "recovery.proofpair"


# The child changes its state in bursts and pauses, printing each state as it shows it.
# os.fsync is wrapped so that, from state KILL_FROM on, the child announces the fsync of the
# temporary file and then lingers: the parent SIGKILLs it right there, mid-save.
CHILD = r"""
import json, os, stat, sys, time
from PySide6.QtCore import QCoreApplication, QTimer
from app.fileio import atomic_write_text
from ui.recovery import Autosaver

path, idle, kill_from = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
state = {"n": 0, "pad": "x" * 200_000}
real_fsync = os.fsync
def fsync(fd):
    if stat.S_ISREG(os.fstat(fd).st_mode) and state["n"] >= kill_from:
        print("fsync", state["n"], flush=True)
        time.sleep(5)
    real_fsync(fd)
os.fsync = fsync

app = QCoreApplication([])
saver = Autosaver(lambda p: atomic_write_text(p, json.dumps(state)), path, idle_ms=idle)
pauses = [30] * 4 + [idle * 3] + [30] * 4 + [idle * 3] + [30] * 4 + [60_000]
def change():
    state["n"] += 1
    print("state", state["n"], time.monotonic(), flush=True)
    saver.mark_dirty()
    QTimer.singleShot(pauses[state["n"] - 1], change)
QTimer.singleShot(0, change)
app.exec()
"""


def test_kill_mid_autosave_keeps_last_settled_state(tmp_path: Path) -> None:
    idle_ms, kill_from = 150, 15
    target = tmp_path / "recovery.proofpair"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    shown: list[tuple[int, float]] = []
    killed_at = None
    with subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(idle_ms), str(kill_from)],
                          cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as child:
        watchdog = threading.Timer(10, child.kill)
        watchdog.start()
        try:
            for line in child.stdout:
                word, n, *rest = line.split()
                if word == "state":
                    shown.append((int(n), float(rest[0])))
                elif word == "fsync":
                    killed_at = time.monotonic()
                    child.kill()  # SIGKILL on POSIX
                    break
            errors = child.stderr.read()
        finally:
            watchdog.cancel()
    assert killed_at is not None and shown[-1][0] == kill_from, errors
    # What must be on disk: the newest state that stayed on screen for the idle interval
    # plus a margin for timer jitter and the save itself.
    margin = 0.25
    ends = [t for _, t in shown[1:]] + [killed_at]
    settled = max(n for (n, start), end in zip(shown, ends) if end - start >= idle_ms / 1000 + margin)
    saved = json.loads(target.read_text(encoding="utf-8"))  # complete, valid JSON
    assert len(saved["pad"]) == 200_000
    assert saved["n"] >= settled == kill_from - 5
    assert saved["n"] < kill_from  # the interrupted save left the previous file in place
    assert find_recovery(target) == target


def _screenshot(tmp_path: Path, *paths: str | Path) -> subprocess.CompletedProcess:
    """``proofpair PATHS --screenshot`` as a real process, with its own settings and caches."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               **{name: str(tmp_path / name) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                                          "XDG_CACHE_HOME", "XDG_RUNTIME_DIR")})
    return subprocess.run([sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())",
                           *map(str, paths), "--screenshot", str(tmp_path / "shot.png")],
                          env=env, capture_output=True, text=True, timeout=180, cwd=ROOT)


def test_screenshot_of_a_pair_that_cannot_be_shown_says_why(tmp_path: Path, sample_paths) -> None:
    """A missing file, a binary file or two unrelated editions: the reason on stderr, exit 1,
    and no picture (never an empty one)."""
    (tmp_path / "XDG_RUNTIME_DIR").mkdir(mode=0o700)
    binary = tmp_path / "scan.dat"
    binary.write_bytes(bytes(range(256)) * 20)
    unrelated = tmp_path / "recipe.txt"
    unrelated.write_text("Boil the pasta in salted water for nine minutes, then drain it.\n" * 5, encoding="utf-8")
    for paths, why in (((tmp_path / "missing.txt", sample_paths[1]), "missing.txt: no such file"),
                       ((binary, sample_paths[1]), "scan.dat: looks like a binary file"),
                       ((unrelated, sample_paths[1]), "look like different reports")):
        done = _screenshot(tmp_path, *paths)
        assert done.returncode == 1, done.stderr
        assert "proofpair: no screenshot: " in done.stderr and why in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
        assert not (tmp_path / "shot.png").exists()
    done = _screenshot(tmp_path, *sample_paths)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "shot.png").stat().st_size > 10_000
