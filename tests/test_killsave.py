"""``kill -9`` during saves (issue 10), a bounded version of ``scripts/killtest.py``: real
child processes saving a session over and over, killed with SIGKILL mostly while a save has
its temporary open; every kill must leave a loadable, untorn session, and the next save must
remove what the killed one left."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import killtest  # noqa: E402


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock are POSIX")
def test_kill_9_during_saves_leaves_a_loadable_session_and_no_stale_temporary(tmp_path: Path) -> None:
    killtest.prepare(tmp_path, size=8000)
    counts = killtest.kill_rounds(8, tmp_path, seed=1, mid_saves=1)
    assert counts["kills"] >= 8 and counts["loadable"] == counts["kills"], counts
    assert counts["mid_save"] >= 1, f"no kill landed inside a save: the test tested nothing {counts}"
    assert not killtest.failed(counts), counts
