"""Languages: which ones ProofPair speaks, and installing their translators at run time.

Why translators are found again by object name rather than kept in a module list: switching
language must first remove exactly the translators ProofPair installed (and no one else's),
and the application object already owns them, so it is the one registry needed.

Two catalogues are installed per language: ProofPair's own ``proofpair_<lang>.qm`` (from
:mod:`resources`, built by ``scripts/update_translations.py``) and Qt's ``qtbase_<lang>.qm``
so Qt's own dialogs (QMessageBox buttons, QFileDialog) speak the same language. English is
the source language and installs nothing.

Imports: PySide6 and :mod:`resources`. Entry points: :func:`install_translators`,
:class:`LanguageNotifier`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

import resources

SOURCE_LANGUAGE = "en"
_TRANSLATOR_NAME = "proofpair-translator"
_LANGUAGES = {"en": "English", "sv": "Svenska"}


def available_languages() -> dict[str, str]:
    """Language code -> the language's name in itself (for a language menu)."""
    return dict(_LANGUAGES)


def system_language() -> str:
    """The first of the platform's UI languages that ProofPair has, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in _LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def qt_translations_dir() -> str:
    """Where Qt keeps its own catalogues (inside the PySide6 wheel or the bundle)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall every translator a previous :func:`install_translators` put on ``app``."""
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace ProofPair's translators on ``app`` with those for ``language``.

    Returns the translators installed (none for English). Qt's catalogue is optional (a
    trimmed bundle may lack it: Qt's dialogs then stay English); ProofPair's is not, and a
    missing one raises ``FileNotFoundError``. Unknown codes raise ``ValueError``.
    """
    if language not in _LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {sorted(_LANGUAGES)}")
    remove_translators(app)
    if language == SOURCE_LANGUAGE:
        return []
    own = resources.file_path("translations", f"proofpair_{language}.qm")
    installed: list[QTranslator] = []
    # Qt looks in the most recently installed translator first, so ours go last and win.
    for name, folder, required in ((f"qtbase_{language}", qt_translations_dir(), False),
                                   (own.stem, str(own.parent), True)):
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR_NAME)
        if not translator.load(name, folder):
            translator.setParent(None)
            if required:
                raise FileNotFoundError(f"cannot load translation {name}.qm")
            continue
        QCoreApplication.installTranslator(translator)
        installed.append(translator)
    return installed


class LanguageNotifier(QObject):
    """Owns the current language; ``language_changed(code)`` fires after the switch.

    Installing a translator also sends every widget a ``QEvent.LanguageChange``; the signal
    is for objects that are not widgets (models, actions kept in a controller) and for
    widgets that prefer a plain connection to overriding ``changeEvent``.
    """

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = SOURCE_LANGUAGE

    @property
    def language(self) -> str:
        return self._language

    def apply(self, app: QCoreApplication, language: str) -> None:
        """Install ``language``'s translators on ``app`` and emit ``language_changed``."""
        install_translators(app, language)
        self._language = language
        self.language_changed.emit(language)
