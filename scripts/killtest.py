"""Kill ProofPair with ``kill -9`` while it saves a session, again and again, and check the file.

Run from a checkout::

    python scripts/killtest.py            # 200 kills
    python scripts/killtest.py --kills 20

A child process compares the built-in sample once, then saves the session over and over
(save n has accepted exactly the first n changes), printing a line after each save. This process kills
it with SIGKILL, three times in four aimed at the moment a save has its temporary file open
(it watches the folder), otherwise at a random moment; then it checks:

* the session file loads (:func:`app.session.load_session`): it is the old or the new
  complete session, never a mix;
* its decisions are one of the sets the child wrote (no torn state);
* after the next child's first save, no temporary file a killed save left is still there
  ("no temporary older than the last save");

and at the end that no temporary is left at all. It prints the counts (kills, kills that
landed while a temporary existed, i.e. mid-save, loadable sessions, stale temporaries) and
exits 1 on any failure. ``tests/test_killsave.py`` runs a bounded version.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(folder: Path) -> int:
    """Save the session in ``folder`` forever, printing ``saved N`` after each save."""
    sys.path.insert(0, str(ROOT))
    from app.engine import compare_files
    from app.model import ACCEPT, REJECT
    from app.review import Review
    from app.session import save_session

    review = Review(compare_files(folder / "base.txt", folder / "ref.txt"))
    ids = [c.id for c in review.changes]
    review.decide({cid: REJECT for cid in ids})
    print("ready", flush=True)
    for n in range(1, len(ids) + 1):
        # generation n has accepted exactly the first n changes: the file tells which save it was
        review.decide({ids[n - 1]: ACCEPT})
        save_session(folder / "review.proofpair", review, {"generation": n})
        print(f"saved {n}", flush=True)
    return 0


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".review.proofpair.") and p.name.endswith(".tmp")]


def kill_rounds(kills: int, folder: Path, seed: int = 0, mid_saves: int = 0) -> dict[str, int]:
    """Run ``kills`` kill rounds in ``folder`` (which holds base.txt and ref.txt), and more, up
    to five times as many, until ``mid_saves`` kills have landed inside a save (on a fast disk
    a save's temporary lives for a fraction of a millisecond, and a few aimed kills can all
    miss it)."""
    sys.path.insert(0, str(ROOT))
    from app.session import SessionError, load_session

    rng = random.Random(seed)
    counts = {"kills": 0, "mid_save": 0, "loadable": 0, "unloadable": 0, "torn": 0, "stale_after_save": 0}
    session = folder / "review.proofpair"
    while counts["kills"] < kills or counts["mid_save"] < mid_saves and counts["kills"] < 5 * kills:
        left_before = set(temporaries(folder))
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(folder)], stdout=subprocess.PIPE,
                                text=True, cwd=ROOT)
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the saving child did not start")
        first = proc.stdout.readline()  # one complete save: the stale ones must be gone now
        if first.startswith("saved") and left_before & set(temporaries(folder)):
            counts["stale_after_save"] += 1
        if rng.random() < 0.75:  # aimed: wait until a save has its temporary open, then kill
            deadline = time.monotonic() + 2.0
            while not temporaries(folder) and time.monotonic() < deadline:
                pass
            time.sleep(rng.random() * 0.002)
        else:  # anywhere in the save loop
            time.sleep(rng.random() * 0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        counts["kills"] += 1
        counts["mid_save"] += bool(temporaries(folder))
        try:
            loaded = load_session(session)
        except SessionError:
            counts["unloadable"] += 1
            continue
        counts["loadable"] += 1
        generation = loaded.settings.get("generation")
        accepted = sum(r["verdict"] == "accepted" for r in loaded.records.values())
        if not isinstance(generation, int) or accepted != generation:
            counts["torn"] += 1
    # one last save cleans whatever the last kill left
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(folder)], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    # the kill may have landed in a later save: a load (which also cleans) settles it
    load_session(session)
    counts["temporaries_left"] = len(temporaries(folder))
    return counts


def prepare(folder: Path, size: int = 0) -> None:
    """The sample pair (or its first ``size`` characters) in ``folder``."""
    sys.path.insert(0, str(ROOT))
    import resources

    for name, source in zip(("base.txt", "ref.txt"), resources.sample_paths()):
        text = source.read_text(encoding="utf-8")
        (folder / name).write_text(text[:size] if size else text, encoding="utf-8")


def failed(counts: dict[str, int]) -> bool:
    return bool(counts["unloadable"] or counts["torn"] or counts["stale_after_save"] or counts["temporaries_left"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child)
    with tempfile.TemporaryDirectory(prefix="killtest-") as name:
        folder = Path(name)
        prepare(folder)
        began = time.monotonic()
        counts = kill_rounds(args.kills, folder, args.seed)
        counts["seconds"] = round(time.monotonic() - began)
    print(json.dumps(counts, indent=1))
    return 1 if failed(counts) else 0


if __name__ == "__main__":
    sys.exit(main())
