#!/usr/bin/env python3
"""Measure how well ProofPair reconciles real OCR with a digital edition, over a corpus.

For every pair folder of the corpus (``canonical.txt``, ``draft.txt``, ``ocr_<lang>.txt``,
``edits.json``, ``score.py`` beside them; see the corpus README) and every OCR edition, it
compares and applies every suggestion with the OCR as base, in two settings:

1. **reference = draft** (genuine edits present): the canonical text's CER against the
   printed truth, genuine edits leaked (the draft's reading kept), genuine edits not flagged
   ``content``, content flags per page, and whether each suggestion was right;
2. **reference = canonical.txt** (an exact transcription): the share of the OCR's error
   removed by apply, and the share of differences classed ``content``.

Leaks and unflagged edits are counted by the corpus's own ``score.py`` (imported, so the
figures are exactly the scorer's). A suggestion is *right* when the text it gives is at least
as close to the truth, around the change, as the text the other choice gives (the OCR is
aligned to the truth once per edition); the calibration table bins suggestions by confidence.

``--check RECORD`` fails (exit 1) when the mean canonical CER, the leaks or the unflagged
edits are worse than the figures recorded in RECORD (``scripts/accuracy_record.json``);
``--record RECORD`` writes today's figures there. Exit 2 on a usage error.

Usage: ``python scripts/accuracy.py [CORPUS] [--json OUT] [--check RECORD] [--record RECORD]``
(CORPUS defaults to ``../shared/corpus`` beside the checkout).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from app.engine import compare_files  # noqa: E402
from app.formats import load  # noqa: E402
from app.model import Kind, Verdict  # noqa: E402
from app.review import Review  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01))
CONTEXT = 12  # characters of truth either side of a change when judging its suggestion


@dataclass
class Row:
    """The figures of one OCR edition of one pair."""

    pair: str
    edition: str
    pages: int
    ocr_cer: float
    draft_cer: float = 0.0
    leaked: int = 0
    unflagged: int = 0
    edits: int = 0
    content_flags: int = 0
    changes: int = 0
    removed: float = 0.0
    content_share: float = 0.0
    seconds: float = 0.0
    calibration: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in BINS])

    @property
    def flags_per_page(self) -> float:
        return self.content_flags / max(1, self.pages)

    @property
    def flag_budget(self) -> int:
        return self.edits + self.pages


def load_score(corpus: Path) -> ModuleType:
    """The corpus's scorer, imported from its folder."""
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {corpus}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def applied(base: Path, reference: Path) -> Review:
    """The review of ``base`` against ``reference`` with every suggestion applied."""
    review = Review(compare_files(base, reference))
    review.apply_suggestions(numbers=True)  # as `proofpair apply` does
    return review


def measure_edition(score: ModuleType, pair: Path, ocr: Path, scratch: Path) -> Row:
    truth = (pair / "canonical.txt").read_text(encoding="utf-8")
    ocr_text = ocr.read_text(encoding="utf-8") if ocr.suffix == ".txt" else load(ocr).text
    pages = max(1, sum(1 for page in ocr_text.split("\f") if page.strip()))  # a form feed ends a page
    started = time.perf_counter()
    row = Row(pair.name, ocr.stem, pages, score.cer_wer(truth, ocr_text)[0])

    review = applied(ocr, pair / "draft.txt")
    produced = review.canonical_text()
    row.draft_cer = score.cer_wer(truth, produced)[0]
    row.changes = len(review.changes)
    out = scratch / f"{pair.name}-{ocr.stem}.txt"
    out.write_text(produced, encoding="utf-8")
    report = _quiet(score.text_mode, str(out), str(pair))
    row.leaked = int(re.search(r"draft version kept: (\d+)", report).group(1))
    flags = [{"base_text": c.base_text, "other_text": c.reference_text, "kind": c.kind.value}
             for c in review.changes]
    row.content_flags = sum(f["kind"] == "content" for f in flags)
    flag_file = scratch / f"{pair.name}-{ocr.stem}.flags.json"
    flag_file.write_text(json.dumps(flags), encoding="utf-8")
    report = _quiet(score.flags_mode, str(flag_file), str(pair))
    row.unflagged = int(re.search(r"NOT flagged as content[^:]*: (\d+)", report).group(1))
    row.edits = int(re.search(r"genuine edits: (\d+)", report).group(1))
    _calibrate(review, truth, row)

    review = applied(ocr, pair / "canonical.txt")
    after = score.cer_wer(truth, review.canonical_text())[0]
    row.removed = 1.0 - after / row.ocr_cer if row.ocr_cer else 1.0
    row.content_share = (sum(c.kind is Kind.CONTENT for c in review.changes) / len(review.changes)
                         if review.changes else 0.0)
    row.seconds = time.perf_counter() - started
    return row


def _quiet(function, *args) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        function(*args)
    return buffer.getvalue()


def _calibrate(review: Review, truth: str, row: Row) -> None:
    """Bin every suggestion by confidence and count how many were right.

    The canonical text (every suggestion taken) is aligned to the truth once, whitespace
    folded to single spaces (which keeps offsets). A suggestion is right when, with every
    other decision as taken, its text is at least as close to the truth around its spot as
    the other choice's."""
    produced, marks = review.canonical_with_marks()
    fold = re.compile(r"\s")
    a, b = fold.sub(" ", produced), fold.sub(" ", truth)
    position = _position_map(a, b)
    for mark in marks:
        change = review.change(mark.change_id)
        suggestion = change.suggestion
        if suggestion is None or review.decision(change.id) != suggestion.decision:
            continue
        other = change.base_text if suggestion.decision.verdict is not Verdict.REJECTED else change.reference_text
        lo, hi = max(0, mark.start - CONTEXT), min(len(a), mark.end + CONTEXT)
        target = _norm(b[position[lo]:position[hi]])
        left, right = a[lo:mark.start], a[mark.end:hi]
        right_ok = (Levenshtein.distance(_norm(a[lo:hi]), target)
                    <= Levenshtein.distance(_norm(left + other + right), target))
        for k, (low, high) in enumerate(BINS):
            if low <= change.confidence < high:
                row.calibration[k][0] += 1
                row.calibration[k][1] += right_ok
                break


def _position_map(a: str, b: str) -> list[int]:
    """For each offset of ``a`` (and its end), the aligned offset of ``b``."""
    position = [0] * (len(a) + 1)
    for op in Levenshtein.opcodes(a, b):
        for k in range(op.src_start, op.src_end + 1):
            if op.tag in ("equal", "replace") and op.src_end > op.src_start:
                span = op.src_end - op.src_start
                position[k] = op.dest_start + (k - op.src_start) * (op.dest_end - op.dest_start) // span
            else:
                position[k] = op.dest_start if k == op.src_start else op.dest_end
    position[len(a)] = len(b)
    return position


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def measure(corpus: Path, scratch: Path, suffix: str = "txt") -> list[Row]:
    score = load_score(corpus)
    rows = []
    for pair in sorted(p for p in corpus.iterdir() if (p / "canonical.txt").is_file()):
        for ocr in sorted(pair.glob(f"ocr_*.{suffix}")):
            rows.append(measure_edition(score, pair, ocr, scratch))
    return rows


def summary(rows: list[Row]) -> dict:
    n = len(rows) or 1
    low = [r for r in rows if r.ocr_cer < 0.05]
    calibration = [[sum(r.calibration[k][0] for r in rows), sum(r.calibration[k][1] for r in rows)]
                   for k in range(len(BINS))]
    return {
        "editions": len(rows),
        "mean_canonical_cer": round(sum(r.draft_cer for r in rows) / n, 5),
        "max_canonical_cer": round(max((r.draft_cer for r in rows), default=0.0), 5),
        "leaked": sum(r.leaked for r in rows),
        "unflagged": sum(r.unflagged for r in rows),
        "content_flags": sum(r.content_flags for r in rows),
        "flag_budget": sum(r.flag_budget for r in rows),
        "mean_removed": round(sum(r.removed for r in rows) / n, 4),
        "min_removed_under_5pct": round(min((r.removed for r in low), default=1.0), 4),
        "max_content_share_under_5pct": round(max((r.content_share for r in low), default=0.0), 4),
        "calibration": calibration,
    }


def print_table(rows: list[Row], total: dict, out=sys.stdout) -> None:
    head = ("| pair | OCR | pages | OCR CER | canonical CER | leaked | unflagged | content flags "
            "(budget) | flags/page | error removed | content share | s |")
    print(head, file=out)
    print("|---" * (head.count("|") - 1) + "|", file=out)
    for r in rows:
        print(f"| {r.pair} | {r.edition} | {r.pages} | {r.ocr_cer:.2%} | {r.draft_cer:.2%} | {r.leaked} "
              f"| {r.unflagged}/{r.edits} | {r.content_flags} ({r.flag_budget}) | {r.flags_per_page:.1f} "
              f"| {r.removed:.0%} | {r.content_share:.0%} | {r.seconds:.1f} |", file=out)
    print(f"| **mean** | {total['editions']} editions | | | **{total['mean_canonical_cer']:.2%}** "
          f"(max {total['max_canonical_cer']:.2%}) | {total['leaked']} | {total['unflagged']} "
          f"| {total['content_flags']} ({total['flag_budget']}) | | {total['mean_removed']:.0%} | | |",
          file=out)
    print("\nCalibration (reference = draft): confidence bin, suggestions, right", file=out)
    for (low, high), (count, right) in zip(BINS, total["calibration"]):
        share = f"{right / count:.1%}" if count else "-"
        print(f"  [{low:.2f}, {min(high, 1.0):.2f}{']' if high > 1 else ')'}  {count:6d}  {share}", file=out)


def check(total: dict, record: Path) -> list[str]:
    """What got worse than the recorded figures (an empty list when nothing did)."""
    was = json.loads(record.read_text(encoding="utf-8"))
    worse = []
    if total["mean_canonical_cer"] > was["mean_canonical_cer"] + 1e-5:
        worse.append(f"mean canonical CER {total['mean_canonical_cer']:.4%} > recorded "
                     f"{was['mean_canonical_cer']:.4%}")
    for key in ("leaked", "unflagged"):
        if total[key] > was[key]:
            worse.append(f"{key} {total[key]} > recorded {was[key]}")
    return worse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    parser.add_argument("--check", type=Path, metavar="RECORD", help="fail if worse than RECORD")
    parser.add_argument("--record", type=Path, metavar="RECORD", help="write the figures to RECORD")
    parser.add_argument("--ocr-format", default="txt", choices=("txt", "hocr"),
                        help="which OCR editions to measure: ocr_*.txt (default) or ocr_*.hocr, whose "
                             "word boxes and confidences the engine then has")
    args = parser.parse_args(argv)
    if not (args.corpus / "score.py").is_file():
        parser.error(f"{args.corpus} is not a corpus folder (no score.py)")
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        rows = measure(args.corpus, Path(scratch), args.ocr_format)
    total = summary(rows)
    print_table(rows, total)
    if args.json:
        args.json.write_text(json.dumps({"rows": [asdict(r) for r in rows], "summary": total}, indent=1))
    if args.record:
        keep = {k: total[k] for k in ("mean_canonical_cer", "leaked", "unflagged")}
        args.record.write_text(json.dumps(keep, indent=1) + "\n", encoding="utf-8")
    if args.check:
        worse = check(total, args.check)
        for line in worse:
            print(f"accuracy: worse than recorded: {line}", file=sys.stderr)
        if worse:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
