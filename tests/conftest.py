"""Shared test set-up.

Qt must see ``QT_QPA_PLATFORM=offscreen`` before it is first imported, so it is set here at
import time. The UI tests' fixtures (``tests/ui_fixtures.py``) also redirect QSettings into
a temporary folder per test, so no test reads or writes the developer's real settings; this
file imports no Qt, so the core tests run with Qt absent.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

import resources  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sample_paths() -> tuple[Path, Path]:
    """The built-in sample pair (base = OCR edition, reference = digital edition)."""
    return resources.sample_paths()


@pytest.fixture
def sample_copy(tmp_path: Path, sample_paths: tuple[Path, Path]) -> tuple[Path, Path]:
    """The sample pair copied to a temporary folder, for tests that write beside it."""
    base, ref = sample_paths
    return Path(shutil.copy(base, tmp_path / base.name)), Path(shutil.copy(ref, tmp_path / ref.name))
