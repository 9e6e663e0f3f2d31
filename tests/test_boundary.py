"""The core stays Qt-free: checked by import-linter and by running it with Qt hidden."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contract_holds() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def test_core_runs_with_qt_absent(sample_paths: tuple[Path, Path]) -> None:
    """Block PySide6 and ui from being imported, then run a whole comparison."""
    code = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'ui'):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
from app.engine import compare_files
from app.review import Review
from app import session, export, cli
c = compare_files({str(sample_paths[0])!r}, {str(sample_paths[1])!r})
assert len(Review(c).canonical_text()) > 1000
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
