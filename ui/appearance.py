"""Theme and language for one window: View › Theme and View › Language, applied live.

:class:`Appearance` owns the window's :class:`~ui.palette.ThemeNotifier` and
:class:`~ui.i18n.LanguageNotifier`. A choice is stored in :class:`~ui.settings.Settings` and
applied at once: ``theme_changed`` rebuilds every ``QTextCharFormat`` from
:func:`~ui.palette.kind_styles` and repaints; ``language_changed`` has every widget
``retranslate_ui()`` (the menus are rebuilt, item models asked again).

Imports: Qt, the rest of :mod:`ui`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from ui.canonical import verdict_formats
from ui.i18n import LanguageNotifier
from ui.menus import build_menus
from ui.palette import ThemeNotifier, current_outline
from ui.highlighting import change_formats


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's strings, as before


class Appearance(QObject):
    """Switches ``window`` (a MainWindow) between themes and languages."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.theme_notifier = ThemeNotifier(self)
        self.theme_notifier.theme_changed.connect(self.apply_theme)
        self.language_notifier = LanguageNotifier(self)
        self.language_notifier.language_changed.connect(self.retranslate)

    def set_theme(self, theme: str) -> None:
        self.window.settings.theme = theme
        self.theme_notifier.apply(QApplication.instance(), theme)

    def set_language(self, code: str) -> None:
        self.window.settings.language = code
        self.language_notifier.apply(QApplication.instance(), code)

    def apply_theme(self, dark: bool) -> None:
        """Rebuild every format from the palette (light/dark switch) and repaint."""
        w = self.window
        w.dark = dark
        for pane, side in ((w.panes.base, "base"), (w.panes.reference, "reference")):
            pane.highlighter.set_formats(change_formats(dark, side))
        w.canonical.highlighter.set_formats(verdict_formats(dark))
        for pane in (*w.panes.panes(), w.canonical):
            pane.outline = current_outline(dark)
            pane.viewport().update()
        w.panes.overview.dark = w.inspector.dark = w.panes.dark = w.canonical.dark = dark
        w.panes.overview.update()
        w.legend.set_dark(dark)
        if w.find_bar.isVisible():
            w.finder.search(w.find_bar.field.text())
        w.navigation.refresh()

    def retranslate(self, _language: str = "") -> None:
        """Put every string on screen into the language installed now."""
        w = self.window
        w.menus = build_menus(w)
        w.files.update_actions()
        w.statusBar().clearMessage()  # a transient message stays in the language it was shown in
        w._update_canonical_label()
        w.doc_status.setAccessibleName(_tr("Document progress"))
        w.section_status.setAccessibleName(_tr("Section progress"))
        w.progress.setAccessibleName(_tr("Comparison progress"))
        w.cancel_button.setText(_tr("Cancel"))
        w.cancel_button.setAccessibleName(_tr("Cancel comparison"))
        for widget in (w.inspector, w.change_list, w.find_bar, w.panes, w.navigator, w.canonical):
            widget.retranslate_ui()
        w.legend.set_dark(w.dark)  # its labels are the kinds' translated names
        self.set_pane_titles()
        w.inspector.show_current()
        w._update_status()
        w._update_title()

    def set_pane_titles(self) -> None:
        w = self.window
        if w.review is not None:
            comparison = w.review.comparison
            w.panes.set_titles(_tr("Base (OCR): %1").replace("%1", comparison.base.name),
                               _tr("Reference (digital): %1").replace("%1", comparison.reference.name))
