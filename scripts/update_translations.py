"""Refresh ProofPair's Swedish catalogue: lupdate over ``ui/*.py``, then lrelease.

Run it after changing user-visible strings in ``ui``::

    python scripts/update_translations.py

lupdate keeps every existing translation and marks strings that disappeared as vanished
(so they come back translated if the string returns); new strings arrive unfinished for a
translator to fill in (Qt Linguist, or any editor: the .ts is XML). lrelease then compiles
the .qm that ProofPair loads. Both files are committed, so a clean checkout runs translated
without the Qt tools; ``tests/test_ui_shell.py`` checks that the .qm matches the .ts.

The tools are looked up beside the running Python first (a venv's ``bin``/``Scripts``), then
on PATH. Paths come from the ``ui`` and ``resources`` packages, never from the caller's
working directory.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import resources
import ui

LANGUAGES = ("sv",)


def tool(name: str) -> str:
    """The full path of a PySide6 tool such as ``pyside6-lupdate``."""
    beside = Path(sys.executable).with_name(name)
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 into this Python's environment")
    return found


def sources() -> list[str]:
    """Every Python module of the Qt layer, in a stable order (stable .ts diffs)."""
    return sorted(str(p) for p in Path(next(iter(ui.__path__))).glob("*.py"))


def ts_path(language: str) -> Path:
    return Path(str(resources.path("translations", f"proofpair_{language}.ts")))


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (only finished translations, like a release build)."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for language in LANGUAGES:
        ts = ts_path(language)
        ts.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-target-language",
                        f"{language}_SE", *sources(), "-ts", str(ts)], check=True)
        release(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.name} and {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
