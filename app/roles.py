"""Guess which of two editions is the OCR'd scan (the base) and which the digital text.

Entry point: :func:`guess_roles`. An OCR engine loses diacritics, mixes digits into words
(``6kad``), and leaves stray marks (``®``, ``|``, ``[`` for ``I``); a digital extract keeps
diacritics and often carries private-use glyphs from word-processor fonts. Each tell is
measured per thousand words so the guess works for a report of any size or language (an
English pair simply has no diacritic signal and is decided by the other tells).

Imports: the standard library, :mod:`app.model`, :mod:`app.tables`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.model import Edition
from app.reasons import Reason, because
from app.tables import STRAY_MARKS

_WORD = re.compile(r"\w+")
_MIXED = re.compile(r"(?:[^\W\d_]\d|\d[^\W\d_])")
_DIACRITIC = re.compile(r"[^\W\da-zA-Z_]")


class RoleGuess(NamedTuple):
    base: Edition
    reference: Edition
    confident: bool
    reason: Reason


def ocr_score(text: str) -> float:
    """How much ``text`` looks like OCR output: higher means more scanner damage."""
    sample = text[:400_000]
    words = _WORD.findall(sample)
    if not words:
        return 0.0
    per_k = 1000 / len(words)
    mixed = sum(1 for w in words if _MIXED.search(w)) * per_k
    stray = sum(1 for ch in sample if ch in STRAY_MARKS) * per_k
    diacritics = sum(1 for w in words if _DIACRITIC.search(w)) * per_k
    private = sum(1 for ch in sample if 0xE000 <= ord(ch) <= 0xF8FF) * per_k
    return mixed * 3 + stray - diacritics * 0.5 - private * 2


def guess_roles(first: Edition, second: Edition) -> RoleGuess:
    """Order two editions as (base, reference), the likelier OCR edition first."""
    a, b = ocr_score(first.text), ocr_score(second.text)
    base, reference = (first, second) if a >= b else (second, first)
    gap = abs(a - b)
    return RoleGuess(base, reference, gap > 5.0,
                     because("looks_ocr", name=base.name, score=f"{max(a, b):.0f}", other=f"{min(a, b):.0f}"))
