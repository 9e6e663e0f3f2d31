"""ProofPair's data files: icons, the built-in sample editions and translations.

One mechanism everywhere: this folder is an importable package and every file in it is
reached through :func:`path`, which uses ``importlib.resources``. That works the same from a
source checkout, an installed wheel and the PyInstaller bundle (which collects this package's
data files), so no caller ever builds a path from ``__file__`` or the working directory.
This module imports nothing but the standard library.
"""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path

SAMPLE_BASE = ("samples", "region-vastmanland-2024-ocr.txt")
SAMPLE_REFERENCE = ("samples", "region-vastmanland-2024-digital.txt")


def path(*parts: str) -> Traversable:
    """The resource at ``parts`` below this package (it may not exist; check ``is_file``)."""
    node: Traversable = importlib.resources.files(__name__)
    for part in parts:
        node = node / part
    return node


def file_path(*parts: str) -> Path:
    """A real filesystem path to a resource, for APIs (Qt, open()) that need one.

    Wheels and the one-folder bundle unpack resources onto disk, so the traversable is a
    real path; a zipped install is not supported and fails loudly here.
    """
    node = path(*parts)
    real = Path(str(node))
    if not real.exists():
        raise FileNotFoundError(f"ProofPair resource missing: {'/'.join(parts)}")
    return real


def sample_paths() -> tuple[Path, Path]:
    """The built-in sample pair as (base = OCR edition, reference = digital edition)."""
    return file_path(*SAMPLE_BASE), file_path(*SAMPLE_REFERENCE)
