"""The user's preferences, typed, over one ``QSettings("ProofPair", "ProofPair")`` store.

Why a class of properties rather than ``QSettings`` calls scattered over the window: keys,
defaults and validation live in one place, a bad or stale value (a language we no longer
ship, a theme typo, a deleted recent file) is answered with the default instead of reaching
a widget, and tests can point the whole thing at a temporary folder.

The store is opened with ``QSettings.defaultFormat()`` (native by default: registry, plist
or INI), so a test can redirect it with ``QSettings.setDefaultFormat(IniFormat)`` plus
``QSettings.setPath(IniFormat, UserScope, folder)``; the two-argument constructor would
ignore the default format.

Imports: PySide6, :mod:`ui.i18n` and :mod:`ui.palette` (for the valid codes). Entry point:
:class:`Settings`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from ui.i18n import available_languages, system_language
from ui.palette import THEMES

ORGANIZATION = "ProofPair"
APPLICATION = "ProofPair"
MAX_RECENT = 10
DEFAULT_TEXT_SIZE = 11
TEXT_SIZE_RANGE = (6, 48)
DEFAULT_BULK_THRESHOLD = 0.9


class Settings:
    """ProofPair's preferences; every property reads and writes through immediately."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings(
            QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)

    @property
    def store(self) -> QSettings:
        """The underlying QSettings, for the rare key that has no property yet."""
        return self._store

    def sync(self) -> None:
        """Write pending changes to disk now (Qt also does it on exit)."""
        self._store.sync()

    # -- appearance and language ---------------------------------------------------------

    @property
    def language(self) -> str:
        """A language code from :func:`ui.i18n.available_languages` (default: the system's)."""
        value = self._store.value("language", "", type=str)
        return value if value in available_languages() else system_language()

    @language.setter
    def language(self, code: str) -> None:
        if code not in available_languages():
            raise ValueError(f"unknown language {code!r}")
        self._store.setValue("language", code)

    @property
    def theme(self) -> str:
        """"system", "light" or "dark" (default "system")."""
        value = self._store.value("theme", "system", type=str)
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self._store.setValue("theme", theme)

    @property
    def text_size(self) -> int:
        """The text panes' font size in points, kept within ``TEXT_SIZE_RANGE``."""
        try:
            value = int(self._store.value("text_size", DEFAULT_TEXT_SIZE))
        except (TypeError, ValueError):
            return DEFAULT_TEXT_SIZE
        low, high = TEXT_SIZE_RANGE
        return min(max(value, low), high)

    @text_size.setter
    def text_size(self, points: int) -> None:
        low, high = TEXT_SIZE_RANGE
        self._store.setValue("text_size", min(max(int(points), low), high))

    @property
    def show_layout(self) -> bool:
        """Whether layout-only changes (line breaks, spacing) are shown (default yes)."""
        return bool(self._store.value("show_layout", True, type=bool))

    @show_layout.setter
    def show_layout(self, show: bool) -> None:
        self._store.setValue("show_layout", bool(show))

    @property
    def show_decided(self) -> bool:
        """Whether decided changes stay marked (faded) in the panes and the overview (default yes)."""
        return bool(self._store.value("show_decided", True, type=bool))

    @show_decided.setter
    def show_decided(self, shown: bool) -> None:
        self._store.setValue("show_decided", bool(shown))

    @property
    def review_order(self) -> str:
        """How next and previous step: ``"document"`` (default) or ``"least_confident"``
        (the values of :class:`app.review_order.Order`; anything else reads as the default)."""
        value = str(self._store.value("review_order", "document"))
        return value if value in ("document", "least_confident") else "document"

    @review_order.setter
    def review_order(self, order: str) -> None:
        self._store.setValue("review_order", str(order))

    @property
    def bulk_threshold(self) -> float:
        """The confidence a suggestion needs for a bulk accept to take it (default 0.9,
        kept within 0.5–1.0: below that a bulk accept would take guesses)."""
        try:
            value = float(self._store.value("bulk_threshold", DEFAULT_BULK_THRESHOLD))
        except (TypeError, ValueError):
            return DEFAULT_BULK_THRESHOLD
        return min(max(value, 0.5), 1.0)

    @bulk_threshold.setter
    def bulk_threshold(self, value: float) -> None:
        self._store.setValue("bulk_threshold", min(max(float(value), 0.5), 1.0))

    # -- sessions --------------------------------------------------------------------------

    @property
    def last_session(self) -> str | None:
        """The session that was open at the last clean exit, if any."""
        value = self._store.value("last_session", "", type=str)
        return value or None

    @last_session.setter
    def last_session(self, path: str | Path | None) -> None:
        if path is None:
            self._store.remove("last_session")
        else:
            self._store.setValue("last_session", str(Path(path).absolute()))

    @property
    def recent_sessions(self) -> list[str]:
        """Recently used session files, most recent first; files gone from disk are left out."""
        return [p for p in self._stored_recent() if Path(p).is_file()]

    def add_recent(self, path: str | Path) -> None:
        """Put ``path`` first in the recent list (once), keeping at most ``MAX_RECENT``."""
        entry = str(Path(path).absolute())
        rest = [p for p in self._stored_recent() if p != entry]
        self._store.setValue("recent_sessions", [entry, *rest][:MAX_RECENT])

    def remove_recent(self, path: str | Path) -> None:
        entry = str(Path(path).absolute())
        self._store.setValue("recent_sessions", [p for p in self._stored_recent() if p != entry])

    def clear_recent(self) -> None:
        self._store.remove("recent_sessions")

    def _stored_recent(self) -> list[str]:
        # INI stores a one-element list as a plain string and an empty one as nothing.
        value = self._store.value("recent_sessions", [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in (value or []) if p]

    # -- window layout ----------------------------------------------------------------------

    def save_window(self, window: QMainWindow, name: str = "main_window") -> None:
        """Remember ``window``'s geometry and its toolbars'/docks' state."""
        self._store.setValue(f"{name}/geometry", window.saveGeometry())
        self._store.setValue(f"{name}/state", window.saveState())

    def restore_window(self, window: QMainWindow, name: str = "main_window") -> bool:
        """Restore what :meth:`save_window` stored; False (window untouched) when nothing was."""
        geometry = self.state(f"{name}/geometry")
        state = self.state(f"{name}/state")
        restored = geometry is not None and window.restoreGeometry(geometry)
        if state is not None:
            restored = window.restoreState(state) and restored
        return bool(restored)

    def state(self, key: str) -> QByteArray | None:
        """A stored blob such as a splitter's or header's ``saveState()``, if any."""
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, data: QByteArray) -> None:
        self._store.setValue(key, data)
