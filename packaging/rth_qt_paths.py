"""Runtime hook of the bundle, in place of PyInstaller's own for PySide6 (``pyi_rth_pyside6``).

PyInstaller's hook imports ``PySide6.QtCore`` when the bundle starts, to register a ``qt.conf``
that PySide6's PyPI wheels register themselves when first imported: 60 ms of every command,
``proofpair compare`` included, which never loads Qt (0.28 s for the sample in the bundle
against 0.17 s in a venv). This hook only tells Qt where the bundle keeps its plugins, as
PyInstaller's does; the window imports Qt when it opens, and the wheel finds its own prefix.
"""

import os
import sys


def _qt_paths() -> None:
    qt = os.path.join(sys._MEIPASS, "PySide6", "Qt")  # type: ignore[attr-defined]
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")


_qt_paths()
del _qt_paths
