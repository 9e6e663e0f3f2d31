#!/usr/bin/env python3
"""Make a reproducibly bad OCR edition: a text degraded by seeded, OCR-like noise.

``python scripts/degrade.py SOURCE -o OUT [--cer 0.5] [--seed 9]`` writes SOURCE with noise
until its character error rate against SOURCE is about ``--cer`` (default: the built-in
sample's digital edition, so the benchmark needs nothing outside the repository).

The noise is what a poor scan does to OCR, character by character: a letter read as a look-
alike (``LOOKALIKES``) or as any letter, a letter lost, a speck read as punctuation, a space
lost or added, and now and then a burst of garbage where a smudge was. One knob, the event
rate, is set by bisection so the measured CER (Levenshtein distance / length of the source)
lands on the target; the same seed and target always give the same bytes.

Used by :mod:`scripts.benchmark` for the "70 KB pair at 50 % CER" target. Imports: the
standard library and rapidfuzz.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent

#: Glyphs a scanner confuses, as groups: a letter is read as another of its group.
LOOKALIKES = ("il1|![]I", "oO0eacé", "rnmh", "uvwyü", "ftkl", "sS5$§", "zZ2", "bh6ö", "gq9",
              "äaåá", "B8&", "—-–_~", ",.;:'\"")
SPECKS = ".,:;'\"-=«<|`~*»"
LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
_GROUP = {ch: group for group in LOOKALIKES for ch in group}


def degrade(text: str, rate: float, seed: int) -> str:
    """``text`` with OCR-like noise: ``rate`` is the share of words a smudge touches.

    Noise clusters as on a real poor page: most words come through whole or nearly, a
    touched word gets a misread every other letter or so, and a few become garbage."""
    rng = random.Random(seed)
    out: list[str] = []
    for token in re.findall(r"\s+|\S+", text):
        if token[0].isspace():
            out.append(_space(token, rng, rate))
        elif rng.random() < rate:
            out.append(_smudged(token, rng))
        else:
            out.append(token)
    return "".join(out)


def _space(token: str, rng: random.Random, rate: float) -> str:
    if "\n" in token or rng.random() >= rate / 4:
        return token
    roll = rng.random()
    return "" if roll < 0.5 else "  " if roll < 0.7 else " " + rng.choice(SPECKS) + " "


def _smudged(word: str, rng: random.Random) -> str:
    if rng.random() < 0.15:  # a smudge read as garbage
        return "".join(rng.choice(SPECKS + LETTERS) for _ in range(rng.randint(1, len(word) + 3)))
    out: list[str] = []
    for ch in word:
        roll = rng.random()
        if roll < 0.4:
            group = _GROUP.get(ch)
            out.append(rng.choice(group) if group else rng.choice(LETTERS))
        elif roll < 0.52:
            out.append("")
        elif roll < 0.6:
            out.append(ch + rng.choice(SPECKS))
        elif roll < 0.65:
            out.append(ch + " ")
        else:
            out.append(ch)
    return "".join(out)


def cer(noisy: str, truth: str) -> float:
    return Levenshtein.distance(noisy, truth) / max(1, len(truth))


def degrade_to(text: str, target: float, seed: int, rounds: int = 14) -> tuple[str, float]:
    """``text`` degraded so its CER is about ``target`` (bisection on the event rate)."""
    low, high = 0.0, 1.0
    best = (text, 0.0)
    for _ in range(rounds):
        rate = (low + high) / 2
        noisy = degrade(text, rate, seed)
        measured = cer(noisy, text)
        if abs(measured - target) < abs(best[1] - target):
            best = (noisy, measured)
        low, high = (rate, high) if measured < target else (low, rate)
    return best


def default_source() -> Path:
    sys.path.insert(0, str(ROOT))
    import resources

    return resources.sample_paths()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", type=Path, help="text to degrade (default: the sample's digital edition)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--cer", type=float, default=0.5, help="target character error rate (default 0.5)")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args(argv)
    source = args.source or default_source()
    noisy, measured = degrade_to(source.read_text(encoding="utf-8"), args.cer, args.seed)
    args.output.write_text(noisy, encoding="utf-8")
    print(f"{args.output}: {len(noisy.encode()):,} bytes, CER {measured:.1%} against {source.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
