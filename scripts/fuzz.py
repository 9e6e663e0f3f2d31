"""The long fuzz run of issue 10: hostile editions, session files and CLI paths, watched for hangs.

Run from a checkout::

    python scripts/fuzz.py                                  # 10,000 editions, 2,000 sessions, 2,000 CLI paths
    python scripts/fuzz.py --editions 500 --sessions 200 --cli 200 --start 100000   # a quick other slice

Each kind runs in a worker process (``--worker``) that takes the seeds in order and prints
one line per case as it starts and ends; this process reads them and watches the worker's
CPU time: a case that computes for more than ``--hang`` seconds of CPU (default 30), or sits
blocked without using any for that long, or takes ten times that of wall time, is recorded
as a hang, its worker killed and a new one started at the next seed. (Wall time alone would
call a case a hang because other work shares the machine.) The cases themselves and what is checked are in
``tests/fuzz/harness.py`` (its docstring). The pytest run holds a bounded slice of the same
cases (``tests/fuzz/test_fuzz.py``).

At the end it prints, and writes as JSON with ``--report FILE``, the counts by kind of
problem (traceback, exit, input-changed, half-written, not-exact, charset, trust, hang) with
the first examples, and how the runs ended (exit 0 / exit 2 per command). Exit status 1 if
any problem was found.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "tests" / "fuzz"


def worker(kind: str, start: int, stop: int) -> int:
    """Run cases ``start..stop-1`` of ``kind``, one ``start``/``done`` line each on stdout."""
    sys.path[:0] = [str(ROOT), str(HARNESS)]
    import harness

    with tempfile.TemporaryDirectory(prefix=f"fuzz-{kind}-") as folder:
        workdir = Path(folder)
        prepared = harness.prepare_session_folder(workdir) if kind == "session" else None
        for seed in range(start, stop):
            print(f"start {seed}", flush=True)
            harness.STATS.clear()
            if kind == "edition":
                problems = harness.edition_case(seed, workdir)
            elif kind == "session":
                problems = harness.session_case(seed, workdir, prepared)
            else:
                problems = harness.cli_path_case(seed, workdir)
            found = [{"kind": p.kind, "case": p.case, "detail": p.detail[:1500]} for p in problems]
            print("done " + json.dumps({"seed": seed, "problems": found, "stats": dict(harness.STATS)}), flush=True)
    return 0


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) process ``pid`` has used, from /proc (0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def drive(kind: str, start: int, count: int, hang: float, totals: Counter[str],
          examples: dict[str, list[str]], stats: Counter[str]) -> None:
    """Run ``count`` cases of ``kind`` through workers, restarting one after a hang.

    A hang is a case that has computed for more than ``hang`` seconds of CPU, or used no
    CPU for ``hang`` seconds (blocked on a FIFO, a lock), or taken ten times ``hang`` of
    wall time. A case merely slow in wall time on a loaded machine is counted apart."""
    seed, stop = start, start + count
    slow: set[int] = set()
    began = time.monotonic()
    while seed < stop:
        proc = subprocess.Popen([sys.executable, __file__, "--worker", kind, str(seed), str(stop)],
                                stdout=subprocess.PIPE, text=True, cwd=ROOT)
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        current = None
        last = time.monotonic()
        cpu_at_start = cpu_seen = 0.0
        cpu_moved = last
        while True:
            if not selector.select(timeout=1.0):
                if current is None:
                    continue
                now, cpu = time.monotonic(), cpu_seconds(proc.pid)
                if cpu > cpu_seen:
                    cpu_seen, cpu_moved = cpu, now
                busy = cpu - cpu_at_start > hang  # computing for longer than a hang
                blocked = now - cpu_moved > hang  # waiting (a FIFO, a lock) for longer
                if busy or blocked or now - last > 10 * hang:
                    totals["hang"] += 1
                    examples.setdefault("hang", []).append(
                        f"{kind} seed={current}: {'busy' if busy else 'blocked' if blocked else 'wall'} "
                        f"{now - last:.0f} s wall, {cpu - cpu_at_start:.0f} s CPU")
                    proc.kill()
                    proc.wait()
                    seed = current + 1
                    break
                if now - last > hang:
                    stats["slow under load (wall > hang, CPU < hang)"] += current not in slow
                    slow.add(current)
                continue
            line = proc.stdout.readline()
            if not line:  # the worker ended
                code = proc.wait()
                if current is not None:  # it died inside a case: that is a crash
                    totals["traceback"] += 1
                    examples.setdefault("traceback", []).append(f"{kind} seed={current}: worker exit {code}")
                    seed = current + 1
                else:
                    seed = stop
                break
            word, _, rest = line.partition(" ")
            last = time.monotonic()
            if word == "start":
                current = int(rest)
                cpu_at_start = cpu_seen = cpu_seconds(proc.pid)
                cpu_moved = last
            elif word == "done":
                result = json.loads(rest)
                current = None
                seed = result["seed"] + 1
                stats.update(result["stats"])
                totals[f"{kind} cases"] += 1
                for problem in result["problems"]:
                    totals[problem["kind"]] += 1
                    examples.setdefault(problem["kind"], []).append(f"{problem['case']}: {problem['detail'][:500]}")
                done = result["seed"] - start + 1
                if done % 500 == 0:
                    print(f"  {kind}: {done}/{count} in {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
        selector.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=2_000)
    parser.add_argument("--cli", type=int, default=2_000)
    parser.add_argument("--start", type=int, default=0, help="the first seed (default 0)")
    parser.add_argument("--hang", type=float, default=30.0, help="seconds after which a case is a hang")
    parser.add_argument("--report", type=Path, help="also write the result as JSON here")
    parser.add_argument("--worker", nargs=3, metavar=("KIND", "START", "STOP"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, start, stop = args.worker
        return worker(kind, int(start), int(stop))
    os.environ.setdefault("PYTHONHASHSEED", "0")
    # the workers' lexicon caches go to a folder of the run's own: thousands of random
    # documents would fill the user's (every kept verdict is read at each comparison)
    cache = tempfile.TemporaryDirectory(prefix="proofpair-fuzz-cache-")
    os.environ["XDG_CACHE_HOME"] = cache.name
    totals: Counter[str] = Counter()
    stats: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    began = time.monotonic()
    for kind, count in (("edition", args.editions), ("session", args.sessions), ("cli", args.cli)):
        if count:
            drive(kind, args.start, count, args.hang, totals, examples, stats)
    report = {"seconds": round(time.monotonic() - began, 1), "totals": dict(totals), "runs": dict(stats),
              "examples": {k: v[:5] for k, v in examples.items()}}
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.report:
        args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    problems = sum(n for k, n in totals.items() if not k.endswith(" cases"))
    cache.cleanup()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
