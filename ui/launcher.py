"""The ``proofpair`` entry point: the command line first, the window only when asked for.

:func:`main` hands everything to :func:`app.cli.main`, which runs subcommands (compare,
apply, export) without Qt; only when no subcommand is given does it call
:func:`open_window`, which imports Qt (lazily, here) and creates the application.

``--screenshot FILE`` renders the window at 1400×900 on the given pair (or the sample) with
the first section and its first pending change shown, saves a PNG and exits; a pair it
cannot show (a file missing or unreadable, editions of different reports) is said on stderr
with exit status 1, and no picture is written.
At a normal start, a recovery file left by a crash is offered for restoring first.
``--smoke`` is a self-test for packaged builds: offscreen, load the sample, compare, render
once, check that resources, translations and fonts are found, and read a PDF and a DOCX
it writes (:mod:`ui.smoke_formats`) (exit 1 naming what's missing).

Imports: :mod:`app.cli`; Qt and the rest of :mod:`ui` only inside :func:`open_window`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

SCREENSHOT_SIZE = (1400, 900)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # in a bundle, the comparing child process starts here
        import multiprocessing  # (not imported otherwise: freeze_support does nothing unfrozen,
                                # and a CLI subcommand should not pay for the import)
        multiprocessing.freeze_support()
    from app.cli import main as cli_main

    return cli_main(argv, open_window=open_window)


def open_window(args: Any) -> int:
    """Create the application and the window for parsed command-line ``args``."""
    if getattr(args, "smoke", False):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif getattr(args, "screenshot", None) and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a picture needs no screen
    elif not _has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        from app.cli import UserError  # Qt would abort here with a misleading xcb-cursor0 hint

        raise UserError("there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
                        "is set). Run it in a desktop session, or without the window: 'proofpair compare|apply|"
                        "export …' (see --help); '--screenshot FILE' and '--smoke' work without a display, and "
                        "QT_QPA_PLATFORM=offscreen runs the window unseen")
    from PySide6.QtWidgets import QApplication

    from ui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ProofPair")
    app.setDesktopFileName("se.proofpair.ProofPair")  # lets Wayland match the window to its menu entry and icon
    problems: list[str] = []
    window = _make_window(app, args, problems)
    if getattr(args, "smoke", False):
        return _smoke(app, window, problems)
    if getattr(args, "screenshot", None):
        return _screenshot(window, args.screenshot)
    window.show()
    return app.exec()


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or sys.platform in ("win32", "darwin")


def _make_window(app, args: Any, problems: list[str]):
    from ui import i18n, palette
    from ui.main_window import MainWindow
    from ui.settings import Settings

    settings = Settings()
    palette.apply_theme(app, settings.theme)  # before the widgets exist, so they start in it
    try:
        i18n.install_translators(app, settings.language)
    except (FileNotFoundError, ValueError) as exc:
        problems.append(f"translations: {exc}")
    quiet = bool(getattr(args, "screenshot", None) or getattr(args, "smoke", False))
    window = MainWindow(settings, quiet=quiet)
    window.theme_notifier.apply(app, settings.theme)  # follows the platform when "system"
    if not quiet and window.files.offer_recovery():  # a crash left unsaved decisions: restored
        return window
    paths = list(getattr(args, "paths", []) or [])
    if getattr(args, "sample", False) or getattr(args, "smoke", False) or (not paths and quiet):
        window.open_sample()
    elif len(paths) == 2 and not quiet and _needs_ocr(paths):
        from PySide6.QtCore import QTimer

        # a scan to OCR: the open dialog asks its language (and confirms the roles) once shown
        QTimer.singleShot(0, lambda: window.open_paths(paths))
    elif len(paths) == 2:
        order = window.files.confirm_order(*paths)  # BASE REFERENCE, unless they look swapped
        if order is not None:
            window.open_editions(*order)
    elif len(paths) == 1:
        window.open_session(paths[0])
    elif settings.last_session and os.path.exists(settings.last_session):
        window.open_session(settings.last_session)
    else:
        window.open_sample()
    return window


def _needs_ocr(paths: list[str]) -> bool:
    """One of the files is a scan to OCR (a file that cannot be read is left to the usual
    path, which says what is wrong with it)."""
    from app.formats import needs_ocr
    from app.loading import EditionError

    try:
        return any(needs_ocr(p) for p in paths)
    except (EditionError, OSError):
        return False


def _screenshot(window, path: str) -> int:
    """Save the window on its pair as a PNG; a pair that cannot be shown is said on stderr,
    with exit status 1 and no picture written."""
    from app.engine import UNRELATED_BELOW

    window.resize(*SCREENSHOT_SIZE)
    window.show()
    loaded = window.wait_until_loaded()
    why = None
    if window.errors:
        why = window.errors[-1]
    elif not loaded:
        why = "the comparison did not finish in time" if window.loading else "the editions were not compared"
    elif window.comparison.similarity < UNRELATED_BELOW and window.comparison.warnings:
        why = window.comparison.warnings[0]
    if why is not None:
        window.close()
        print(f"proofpair: no screenshot: {why}", file=sys.stderr)
        return 1
    window.go_to_section(window.review.sections[0].key)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # let the layout settle once before grabbing (not a computation)
    ok = window.grab().save(path)  # true colours: the picture is for checking the look
    window.close()
    if not ok:
        print(f"proofpair: could not write {path}", file=sys.stderr)
        return 1
    return 0


def _smoke(app, window, problems: list[str]) -> int:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QFontDatabase

    import resources

    window.resize(*SCREENSHOT_SIZE)
    window.show()
    if not window.wait_until_loaded() or not window.review.changes:
        problems.append("the sample could not be compared")
    elif window.grab().isNull():
        problems.append("the window could not be rendered")
    try:
        resources.sample_paths()
        resources.file_path("icons", "proofpair.svg")
    except FileNotFoundError as exc:
        problems.append(str(exc))
    try:
        resources.file_path("translations", "proofpair_sv.qm")
    except FileNotFoundError:
        problems.append("ProofPair's Swedish translation (resources/translations/proofpair_sv.qm)")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not os.path.isfile(os.path.join(qt_dir, "qtbase_sv.qm")):
        problems.append(f"Qt's Swedish translation (qtbase_sv.qm in {qt_dir})")
    if not QFontDatabase.families():
        problems.append("any font")
    from ui.smoke_formats import check_formats

    problems.extend(check_formats())
    window.close()
    problems = [p for p in problems if not p.startswith("translations:")] or problems[:0]
    if problems:
        print("proofpair --smoke: missing " + "; ".join(problems), file=sys.stderr)
        return 1
    print("proofpair --smoke: ok")
    return 0
