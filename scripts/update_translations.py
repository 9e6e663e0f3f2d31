"""Refresh ProofPair's Swedish catalogue: lupdate over ``ui/*.py``, then lrelease.

Run it after changing user-visible strings in ``ui``::

    python scripts/update_translations.py

lupdate keeps every existing translation and marks strings that disappeared as vanished
(so they come back translated if the string returns); new strings arrive unfinished for a
translator to fill in (Qt Linguist, or any editor: the .ts is XML). lrelease then compiles
the .qm that ProofPair loads. Both files are committed, so a clean checkout runs translated
without the Qt tools; ``tests/test_ui_shell.py`` checks that the .qm matches the .ts.

Modules may wrap ``QCoreApplication.translate("Context", text)`` in a one-line helper
(``def _tr(text): return QCoreApplication.translate("Menus", text)``); lupdate cannot see
through such a helper, so this script finds those helpers and their literal calls and hands
lupdate a generated stub of equivalent ``translate`` calls (see :func:`alias_stub`). The
stub also holds the core's reason templates (:data:`app.reasons.TEMPLATES`, context
``Reason``): the core is Qt-free and cannot mark them itself; :mod:`ui.reasons` translates them.

The tools are looked up beside the running Python first (a venv's ``bin``/``Scripts``), then
on PATH. Paths come from the ``ui`` and ``resources`` packages, never from the caller's
working directory.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import resources
import ui
from app.reasons import TEMPLATES

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


def _helper_context(node: ast.FunctionDef) -> str | None:
    """The context if ``node`` is ``def f(text): return QCoreApplication.translate("C", text)``."""
    if not node.args.args or len(node.body) != 1 or not isinstance(node.body[0], ast.Return):
        return None
    call = node.body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate" and len(call.args) >= 2):
        return None
    context, text = call.args[:2]
    if (isinstance(context, ast.Constant) and isinstance(context.value, str)
            and isinstance(text, ast.Name) and text.id == node.args.args[0].arg):
        return context.value
    return None


def alias_stub(paths: list[str]) -> str:
    """Python source with one ``QCoreApplication.translate`` call per literal helper call."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for path in paths:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        helpers = {node.name: ctx for node in tree.body if isinstance(node, ast.FunctionDef)
                   and (ctx := _helper_context(node)) is not None}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                lines.append(f"QCoreApplication.translate({helpers[node.func.id]!r}, {node.args[0].value!r})")
    lines.extend(f"QCoreApplication.translate('Reason', {template!r})" for template in TEMPLATES.values())
    return "\n".join(lines) + "\n"


def ts_path(language: str) -> Path:
    return Path(str(resources.path("translations", f"proofpair_{language}.ts")))


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (only finished translations, like a release build)."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for language in LANGUAGES:
        ts = ts_path(language)
        ts.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            stub = Path(scratch) / "translate_helpers.py"
            stub.write_text(alias_stub(sources()), encoding="utf-8")
            subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-target-language",
                            f"{language}_SE", *sources(), str(stub), "-ts", str(ts)], check=True)
        release(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.name} and {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
