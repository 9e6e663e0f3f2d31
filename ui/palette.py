"""Colours: the light and dark application palettes and the colours of change kinds.

Why one module: every colour ProofPair paints comes from here, so a theme switch is one
call (:func:`apply_theme`) plus one signal (:attr:`ThemeNotifier.theme_changed`) after which
views rebuild their ``QTextCharFormat``\\ s from :func:`kind_styles`. Nothing else in ``ui``
hard-codes a colour.

Design rules, checked by ``tests/test_ui_shell.py``:

* Both palettes are for the Fusion style, the one style that honours a palette on every
  platform (the native Windows and macOS styles ignore most of it), so "dark" really is dark.
* Text on Base has a WCAG contrast of at least 7 (AAA) in both themes.
* The four kinds take their hues from the Okabe-Ito set, which stays distinguishable under
  the common colour-vision deficiencies, and are *also* told apart by underline style, so
  no one has to rely on colour alone. Backgrounds are soft tints (light theme) or deep
  shades (dark theme) of those hues, with contrast >= 4.5 against the theme's text.

Imports: PySide6 and :mod:`app.model` (for ``Kind`` and ``Verdict``).
Entry points: :func:`apply_theme`, :class:`ThemeNotifier`, :func:`kind_styles`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from app.model import Kind, Verdict

THEMES = ("system", "light", "dark")

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup
_Underline = QTextCharFormat.UnderlineStyle

# Roles as (active/inactive colour, disabled colour or None for the same).
_LIGHT_ROLES: dict[QPalette.ColorRole, tuple[str, str | None]] = {
    _Role.Window: ("#efefef", None),
    _Role.WindowText: ("#1b1b1b", "#8a8a8a"),
    _Role.Base: ("#ffffff", "#f4f4f4"),
    _Role.AlternateBase: ("#f5f5f5", None),
    _Role.Text: ("#1b1b1b", "#8a8a8a"),
    _Role.PlaceholderText: ("#6e6e6e", "#9a9a9a"),
    _Role.Button: ("#efefef", None),
    _Role.ButtonText: ("#1b1b1b", "#8a8a8a"),
    _Role.BrightText: ("#ffffff", None),
    _Role.Light: ("#ffffff", None),
    _Role.Midlight: ("#f7f7f7", None),
    _Role.Mid: ("#b8b8b8", None),
    _Role.Dark: ("#a0a0a0", None),
    _Role.Shadow: ("#767676", None),
    _Role.Highlight: ("#2f6db5", "#c8c8c8"),
    _Role.HighlightedText: ("#ffffff", "#1b1b1b"),
    _Role.Accent: ("#2f6db5", "#c8c8c8"),
    _Role.Link: ("#1a5aa6", None),
    _Role.LinkVisited: ("#6b3fa0", None),
    _Role.ToolTipBase: ("#fffbe6", None),
    _Role.ToolTipText: ("#1b1b1b", None),
}

# A neutral, slightly cool dark grey: Window and Base differ enough to show frames, Text is
# off-white (pure white on near-black glares), Highlight is a muted blue that keeps white
# text at AA. Fusion derives bevels from Light/Mid/Dark/Shadow, so they ladder evenly.
_DARK_ROLES: dict[QPalette.ColorRole, tuple[str, str | None]] = {
    _Role.Window: ("#2b2d31", None),
    _Role.WindowText: ("#e4e5e7", "#7d8086"),
    _Role.Base: ("#1f2023", "#26282b"),
    _Role.AlternateBase: ("#27292d", None),
    _Role.Text: ("#e6e7e9", "#7d8086"),
    _Role.PlaceholderText: ("#9a9da3", "#6a6d72"),
    _Role.Button: ("#35373c", None),
    _Role.ButtonText: ("#e4e5e7", "#7d8086"),
    _Role.BrightText: ("#ff8a80", None),
    _Role.Light: ("#4a4d53", None),
    _Role.Midlight: ("#3e4046", None),
    _Role.Mid: ("#2f3135", None),
    _Role.Dark: ("#18191b", None),
    _Role.Shadow: ("#0b0b0c", None),
    _Role.Highlight: ("#3d6fb4", "#3a3c41"),
    _Role.HighlightedText: ("#ffffff", "#9a9da3"),
    _Role.Accent: ("#3d6fb4", "#3a3c41"),
    _Role.Link: ("#7ab8f5", None),
    _Role.LinkVisited: ("#c3a2f0", None),
    _Role.ToolTipBase: ("#3a3d42", None),
    _Role.ToolTipText: ("#e6e7e9", None),
}


def _build(roles: dict[QPalette.ColorRole, tuple[str, str | None]]) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in roles.items():
        for group in (_Group.Active, _Group.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(_Group.Disabled, role, QColor(disabled or normal))
    return palette


def light_palette() -> QPalette:
    """Fusion's light look, spelled out so it does not depend on the platform's scheme."""
    return _build(_LIGHT_ROLES)


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion (see the comment on ``_DARK_ROLES``)."""
    return _build(_DARK_ROLES)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) draws light text on a dark window."""
    if palette is None:
        palette = QGuiApplication.palette()
    window = palette.color(_Role.Window).lightnessF()
    return window < palette.color(_Role.WindowText).lightnessF()


def system_prefers_dark() -> bool:
    """The platform's colour scheme where Qt can tell (Unknown counts as light)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str) -> bool:
    """Switch ``app`` to ``theme`` ("system", "light" or "dark"); returns whether it is dark.

    Always Fusion, because only Fusion paints our palette faithfully everywhere. The colour
    scheme is also requested from the platform (Qt >= 6.8) so native parts such as Windows
    title bars match; for "system" that request is withdrawn before asking which scheme the
    platform prefers.
    """
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; expected one of {THEMES}")
    hints = QGuiApplication.styleHints()
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme") and hints.colorScheme() != wanted:
        hints.setColorScheme(wanted)
    dark = theme == "dark" or (theme == "system" and system_prefers_dark())
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else light_palette())
    return dark


class ThemeNotifier(QObject):
    """Owns the chosen theme, follows the platform when it is "system", and says so.

    ``theme_changed(dark)`` is emitted after the new palette is in place; views connect it
    to a method that rebuilds their character formats from :func:`kind_styles`.
    """

    theme_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = "system"
        self._dark = False
        self._app: QApplication | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    @property
    def theme(self) -> str:
        return self._theme

    @property
    def dark(self) -> bool:
        return self._dark

    def apply(self, app: QApplication, theme: str) -> None:
        """Apply ``theme`` to ``app`` and emit ``theme_changed`` (also when only re-applied)."""
        self._app = app
        self._theme = theme
        self._dark = apply_theme(app, theme)
        self.theme_changed.emit(self._dark)

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        # Only "system" follows the platform; our own setColorScheme calls land here too,
        # and re-applying is idempotent, so compare before emitting.
        if self._app is None or self._theme != "system":
            return
        dark = apply_theme(self._app, "system")
        if dark != self._dark:
            self._dark = dark
            self.theme_changed.emit(dark)


@dataclass(frozen=True)
class KindStyle:
    """How changes of one kind are painted; build formats with :meth:`char_format`."""

    background: QColor
    foreground: QColor | None
    underline: QTextCharFormat.UnderlineStyle
    label: str
    underline_color: QColor | None = None

    def char_format(self) -> QTextCharFormat:
        """A fresh character format carrying this style (callers may add to it)."""
        fmt = QTextCharFormat()
        fmt.setBackground(self.background)
        if self.foreground is not None:
            fmt.setForeground(self.foreground)
        fmt.setUnderlineStyle(self.underline)
        if self.underline_color is not None:
            fmt.setUnderlineColor(self.underline_color)
        return fmt


# Okabe-Ito hues: orange, sky blue, bluish green, reddish purple. Per kind and theme:
# (background, underline colour). Light backgrounds are ~35 % tints over white; dark ones
# ~40 % shades over the dark Base, so text keeps its contrast and the hue still reads.
_KIND_COLOURS: dict[Kind, dict[bool, tuple[str, str]]] = {
    Kind.OCR: {False: ("#f7dca0", "#9a5800"), True: ("#6b4a14", "#f2b64a")},
    Kind.TYPOGRAPHY: {False: ("#c9e6f8", "#0072b2"), True: ("#2c5470", "#7cc4ef")},
    Kind.LAYOUT: {False: ("#bfe6d8", "#00795a"), True: ("#1b4d40", "#4cc9a2")},
    Kind.CONTENT: {False: ("#f0cfe2", "#a23c7b"), True: ("#5e3551", "#e69bc6")},
}

_KIND_UNDERLINES: dict[Kind, QTextCharFormat.UnderlineStyle] = {
    Kind.OCR: _Underline.WaveUnderline,  # like a spell-checker's mark: "a misread"
    Kind.TYPOGRAPHY: _Underline.DotLine,
    Kind.LAYOUT: _Underline.DashUnderline,
    Kind.CONTENT: _Underline.SingleUnderline,  # the strongest line for the kind that matters
}


def kind_label(kind: Kind) -> str:
    """The translated display name of ``kind`` (in the language installed now)."""
    labels = {
        Kind.OCR: QCoreApplication.translate("Kind", "OCR error"),
        Kind.TYPOGRAPHY: QCoreApplication.translate("Kind", "Typography"),
        Kind.LAYOUT: QCoreApplication.translate("Kind", "Layout"),
        Kind.CONTENT: QCoreApplication.translate("Kind", "Content"),
    }
    return labels[kind]


def kind_styles(dark: bool) -> dict[Kind, KindStyle]:
    """The style of each change kind for the light or dark palette (labels translated now)."""
    styles: dict[Kind, KindStyle] = {}
    for kind in Kind:
        background, line = _KIND_COLOURS[kind][dark]
        styles[kind] = KindStyle(QColor(background), None, _KIND_UNDERLINES[kind], kind_label(kind),
                                 QColor(line))
    return styles


def current_outline(dark: bool) -> QColor:
    """The frame around the change being reviewed: a hue no kind uses (blue / yellow)."""
    return QColor("#0b3d91" if not dark else "#f0e442")


_DECIDED: dict[Verdict, tuple[str, str]] = {
    # (light, dark) backgrounds: accepted green, rejected vermillion, edited blue
    Verdict.ACCEPTED: ("#cdebdc", "#1f4a39"),
    Verdict.REJECTED: ("#f7d4c4", "#5c3222"),
    Verdict.EDITED: ("#d3e1f5", "#263f63"),
}


def decided_colors(dark: bool) -> dict[Verdict, QColor]:
    """Backgrounds marking decided changes in the canonical view; PENDING has no entry
    because undecided text is shown unmarked."""
    return {verdict: QColor(pair[dark]) for verdict, pair in _DECIDED.items()}
