"""Resources load through one mechanism (importlib.resources on the ``resources`` package)
from a source checkout and from an installed wheel; the bundle is checked by
``packaging/check.sh`` running the bundled ``proofpair --smoke``."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import resources

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
import resources
base, ref = resources.sample_paths()
assert base.read_text(encoding='utf-8').startswith(' 1.'), base
assert resources.path('icons', 'proofpair.svg').is_file()
print(resources.__file__)
"""


def test_source_checkout_resources() -> None:
    base, ref = resources.sample_paths()
    assert base.is_file() and ref.is_file()
    assert resources.path("icons", "proofpair.svg").is_file()
    with pytest.raises(FileNotFoundError, match="no-such"):
        resources.file_path("no-such.txt")


@pytest.mark.slow
def test_installed_wheel_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                            str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("proofpair-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "resources/samples/region-vastmanland-2024-ocr.txt" in names
    assert any(n.startswith("app/") for n in names) and any(n.startswith("ui/") for n in names)
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                              str(target), str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    # -S: no site-packages, so the editable source checkout cannot answer instead of the wheel
    probe = subprocess.run([sys.executable, "-S", "-c", PROBE, str(target)], cwd=tmp_path,
                           capture_output=True, text=True)
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()).is_relative_to(target)
