"""UI timings on the sample and the 100× pair: the longest stall while loading, and
keypress-to-repaint for accepting a change. Offscreen; called by ``scripts/benchmark.py``.

* **Longest stall** — a ``QTimer`` ticking every 5 ms on the UI thread records the largest
  gap between two ticks from :meth:`MainWindow.open_editions` until the comparison is done
  (target ≤ :data:`STALL_MS`).
* **Keypress to repaint** — ``QTest.keyClick(A)`` on the focused base pane (the decision, the
  undo command and every view's update run inside it), then a forced repaint of one pixel in
  the middle of the current change's outline (which the press repaints anyway), which makes
  Qt paint at once every region of the window the press left dirty; the two timed together.
  (Repainting the whole pane charged each press with a full pane; a pixel elsewhere in it
  stretched the text view's paint to that pixel.)
  :data:`PRESSES` presses on successive pending changes, median and max (target max ≤
  :data:`KEY_MS`, on the 100× pair). Between presses the window idles :data:`IDLE_MS`, as
  between an editor's keystrokes, so one press is not charged with the last one's
  deferred layout. Moving on to the next pending change (Ctrl+Alt+Down) is timed the same
  way and reported for information.

The pairs are built by ``scripts/benchmark.py``'s :func:`scaled_pair`; settings go to a
temporary folder so nothing touches the user's.

Imports: Qt, :mod:`ui.main_window`; the pair builder from ``scripts/benchmark.py``.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

STALL_MS = 50.0
KEY_MS = 16.0
PRESSES = 50
IDLE_MS = 30
SIZES = (1, 100)
ROOT = Path(__file__).resolve().parent.parent


def _scaled_pair(folder: Path, times: int) -> tuple[Path, Path]:
    module = sys.modules.get("benchmark")
    if module is None or not hasattr(module, "scaled_pair"):
        spec = importlib.util.spec_from_file_location("proofpair_benchmark", ROOT / "scripts" / "benchmark.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.scaled_pair(folder, times)


def _app(settings_dir: str):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QCoreApplication.setOrganizationName("ProofPairBench")
    QCoreApplication.setApplicationName("ProofPairBench")
    return app


def measure(base: Path, reference: Path, presses: int = PRESSES) -> dict[str, float]:
    """Open the pair in a fresh window; returns stall_ms, load_s and key timings in ms."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    window = MainWindow(quiet=True)
    window.resize(1400, 900)
    window.show()
    QApplication.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    t0 = last[0] = time.perf_counter()
    window.open_editions(base, reference)
    loaded = window.wait_until_loaded(600_000)
    tick()
    timer.stop()
    result = {"stall_ms": max(gaps) * 1000, "load_s": time.perf_counter() - t0, "loaded": float(loaded),
              "stalls": float(sum(g > STALL_MS / 1000 for g in gaps))}
    pane = window.panes.base
    pane.setFocus()
    times, moves = [], []
    control_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    for _ in range(presses):
        if window.current_change is None:
            break
        times.append(_timed(pane, Qt.Key.Key_A))
        moves.append(_timed(pane, Qt.Key.Key_Down, control_alt))
    if times:
        result["key_median_ms"] = statistics.median(times)
        result["key_max_ms"] = max(times)
        result["presses"] = float(len(times))
        result["move_median_ms"] = statistics.median(moves)
        result["move_max_ms"] = max(moves)
    window.runner.cancel()
    window.runner.wait()
    window.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return result


def _timed(pane, key, modifiers=None) -> float:
    """Milliseconds from pressing ``key`` on ``pane`` to the window repainted, after idling."""
    from PySide6.QtCore import QRect, QSize, Qt
    from PySide6.QtTest import QTest

    QTest.qWait(IDLE_MS)  # not timed: the window is idle, as between keystrokes
    start = time.perf_counter()
    QTest.keyClick(pane, key, modifiers or Qt.KeyboardModifier.NoModifier)
    box = pane.box_rect()  # the current change's lines: repainted by the press anyway
    spot = QRect(box.center(), QSize(1, 1)) if not box.isEmpty() else QRect(0, 0, 1, 1)
    pane.viewport().repaint(spot)  # paints now everything the press left to paint
    return (time.perf_counter() - start) * 1000


def run(sizes: tuple[int, ...] = SIZES) -> list[str]:
    """Measure each size; lines to print, each target with PASS/FAIL."""
    lines = []
    with tempfile.TemporaryDirectory(prefix="proofpair-uibench-") as tmp:
        _app(str(Path(tmp) / "settings"))
        for size in sizes:
            base, reference = _scaled_pair(Path(tmp), size)
            r = measure(base, reference)
            ok = r["stall_ms"] <= STALL_MS
            lines.append(f"{'PASS' if ok else 'FAIL'}  {size}× longest UI stall while loading and comparing: "
                         f"{r['stall_ms']:.0f} ms, {r['stalls']:.0f} over the target (target ≤ {STALL_MS:g} ms; "
                         f"loaded in {r['load_s']:.1f} s)")
            if "key_median_ms" in r:
                ok = r["key_max_ms"] <= KEY_MS
                verdict = "PASS" if ok else ("FAIL" if size >= 100 else "info")
                lines.append(f"{verdict}  {size}× keypress (A) to repainted decision: median "
                             f"{r['key_median_ms']:.1f} ms, max {r['key_max_ms']:.1f} ms over {r['presses']:.0f} "
                             f"presses (target ≤ {KEY_MS:g} ms)")
                lines.append(f"info  {size}× keypress (Ctrl+Alt+Down) to the next pending change repainted: "
                             f"median {r['move_median_ms']:.1f} ms, max {r['move_max_ms']:.1f} ms")
    return lines


if __name__ == "__main__":
    sizes = tuple(int(s) for s in sys.argv[1].split(",")) if len(sys.argv) > 1 else SIZES
    print("\n".join(run(sizes)))
