#!/usr/bin/env python3
"""Compare every corpus pair through each format ProofPair reads, against the text pair.

For each pair of the corpus (see its README) it compares, with every suggestion applied,
every edition of the printed report against both drafts (``draft.txt`` and ``draft.docx``):

* ``ocr_<lang>.txt``      (Tesseract's text; with ``draft.txt`` the yardstick, the first row);
* ``ocr_<lang>.hocr``     (Tesseract's hOCR of the same run);
* ``ocr_<lang>.alto.xml`` (its ALTO, where the pair has one);
* ``print.pdf``           (the born-digital print's text layer);
* with ``--live``: ``scan.pdf`` (the scan OCR'd now, cached in ``--cache``);

and prints the sections (both-sided / one-sided; how many of the printed edition's headings,
those of ``tools/sources/<pair>.blocks.json``, start one; and the headings it has that the
yardstick lacks, ``+``, or lacks that the yardstick has, ``-``), the changes by kind, the genuine edits
NOT flagged as content and the content flags matching no edit (the corpus's own ``score.py``,
imported), and the canonical text's CER against the printed truth.

Usage: ``python scripts/formats_corpus.py [CORPUS] [--live] [--cache DIR] [PAIR ...]``
(CORPUS defaults to ``../shared/corpus`` beside the checkout). Exit 2 on a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz  # noqa: E402

from app import formats  # noqa: E402
from app.engine import compare, kinds_count  # noqa: E402
from app.review import Review  # noqa: E402

LANGUAGES = {"en": "eng", "sv": "swe", "de": "deu"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")
    parser.add_argument("pairs", nargs="*", help="pair folders to run (default: all)")
    parser.add_argument("--live", action="store_true", help="also OCR scan.pdf now (slow: minutes a pair)")
    parser.add_argument("--cache", type=Path, default=None, help="OCR cache folder (default: the user's)")
    args = parser.parse_intermixed_args(argv)
    if not (args.corpus / "score.py").is_file():
        parser.error(f"{args.corpus} is not a corpus folder (no score.py)")
    spec = importlib.util.spec_from_file_location("corpus_score", args.corpus / "score.py")
    score = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    pairs = [args.corpus / p for p in args.pairs] or sorted(p for p in args.corpus.iterdir() if (p / "edits.json").is_file())
    for pair in pairs:
        lang = LANGUAGES[pair.name[:2]]
        bases = [f"ocr_{lang}.txt", f"ocr_{lang}.hocr", f"ocr_{lang}.alto.xml", "print.pdf"]
        bases += ["scan.pdf"] if args.live else []
        yardstick: list[str] | None = None
        truth = true_headings(args.corpus, pair.name)
        for base in (b for b in bases if (pair / b).is_file()):
            for reference in ("draft.txt", "draft.docx"):
                started = time.monotonic()
                b, r = formats.load_pair(pair / base, pair / reference, cache_dir=args.cache)
                loaded = time.monotonic() - started
                comparison = compare(b, r)
                outline = [(s.number or s.title or s.key)[:40] for s in comparison.sections]
                yardstick = outline if yardstick is None else yardstick
                print(f"{pair.name} | {base} + {reference} | read in {loaded:.1f} s | "
                      f"{measure(score, pair, comparison)} | {found_headings(truth, comparison)} | "
                      f"{outline_change(yardstick, outline)}", flush=True)
    return 0


def true_headings(corpus: Path, pair: str) -> list[str]:
    """The printed edition's headings (title and h1-h4 blocks of the pair's cleaned source)."""
    source = corpus / "tools" / "sources" / f"{pair}.blocks.json"
    if not source.is_file():
        return []
    blocks = json.loads(source.read_text(encoding="utf-8"))
    return [b["text"] for b in blocks if b["t"] == "title" or re.fullmatch(r"h\d", b["t"])]


def found_headings(truth: list[str], comparison) -> str:  # type: ignore[no-untyped-def]
    """How many of the true headings start a section: match its heading in either edition
    (the draft's may be worded otherwise, the OCR's damaged) by folded text."""
    def fold(text: str) -> str:
        return " ".join(re.sub(r"\W+", " ", text).lower().split())

    headings = [h for s in comparison.sections for h in (s.base_heading, s.reference_heading) if h is not None]
    labels = {fold(f"{h.number} {h.title}") for h in headings} | {fold(h.title) for h in headings}
    found = sum(any(fuzz.ratio(fold(h), label) >= 90 for label in labels) for h in truth)
    return f"true headings {found}/{len(truth)}"


def outline_change(yardstick: list[str], outline: list[str]) -> str:
    """The headings ``outline`` has that ``yardstick`` lacks (+) and lacks that it has (-)."""
    more = [f"+{h}" for h in outline if h not in yardstick]
    fewer = [f"-{h}" for h in yardstick if h not in outline]
    return "outline " + (" ".join(more + fewer) or "as the yardstick")


def measure(score, pair: Path, comparison) -> str:  # type: ignore[no-untyped-def]
    review = Review(comparison)
    review.apply_suggestions()
    kinds = kinds_count(comparison.changes)
    with tempfile.TemporaryDirectory() as scratch:
        flags = Path(scratch) / "flags.json"
        flags.write_text(json.dumps([{"base_text": c.base_text, "other_text": c.reference_text, "kind": c.kind.value}
                                     for c in comparison.changes]), encoding="utf-8")
        report = io.StringIO()
        with contextlib.redirect_stdout(report):
            score.flags_mode(str(flags), str(pair))
    unflagged = re.search(r"NOT flagged as content[^:]*: (\d+)", report.getvalue())
    stray = re.search(r"content flags matching no genuine edit: (\d+)", report.getvalue())
    truth = (pair / "canonical.txt").read_text(encoding="utf-8")
    cer = score.cer_wer(truth, review.canonical_text())[0]
    one_sided = sum(s.only_in is not None for s in comparison.sections)
    return (f"sections {len(comparison.sections) - one_sided}+{one_sided} one-sided | "
            + " ".join(f"{k.value} {n}" for k, n in kinds.items())
            + f" | edits not flagged content {unflagged.group(1) if unflagged else '?'}"
            + f" | stray content flags {stray.group(1) if stray else '?'} | CER after apply {cer:.4f}")


if __name__ == "__main__":
    sys.exit(main())
