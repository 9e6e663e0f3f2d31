"""The OCR engine's own doubt: how sure it was of the base's words under a hunk.

Entry points: :class:`Doubt` and :func:`doubt_reader`. An edition read from hOCR, ALTO or
PAGE carries each word's confidence (:class:`app.model.Geometry`); a plain text or a PDF's
text layer carries none, and every hunk there is :attr:`Doubt.NONE`. :mod:`app.classify`
weighs it: a glyph read in a doubted word is not taken for the print's, and a stretch only
the base has whose every word the engine doubted is its noise (a pictogram, a stamp read as
letters), not text the reference dropped.

Measured over the corpus's hOCR editions (every pair, reference = draft): every plain glyph
kept as the print's from a word below :data:`UNSURE_WORD` was wrong (11 of 11, against 20
right of 31 between it and 0.95); every base-only stretch flagged content whose words all lay
below it was junk (6 of 6), every genuine one above 0.9.

Imports: the standard library, :mod:`app.model`.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from app.model import Edition

#: below this word confidence (0..1) the OCR engine doubts its own reading of a word
UNSURE_WORD = 0.8


class Doubt(IntEnum):
    """How many of a hunk's base words the OCR engine doubted (below :data:`UNSURE_WORD`)."""

    NONE = 0  # none, or the edition gives no confidences
    SOME = 1
    ALL = 2  # every word with a letter (there is one)


def doubt_reader(base: Edition, offset: int) -> Callable[[int, int], Doubt]:
    """The doubt over ``[b0, b1)`` of a section that starts at ``offset`` in ``base``."""
    geometry, text = base.geometry, base.text
    if geometry is None or not geometry.has_confidences:
        return lambda b0, b1: Doubt.NONE

    def doubt(b0: int, b1: int) -> Doubt:
        rated = [w for w in geometry.words_in(offset + b0, offset + b1) if w.confidence is not None]
        if not rated or min(w.confidence for w in rated) >= UNSURE_WORD:
            return Doubt.NONE
        lettered = [w.confidence for w in rated if any(ch.isalpha() for ch in text[w.start:w.end])]
        return Doubt.ALL if lettered and max(lettered) < UNSURE_WORD else Doubt.SOME
    return doubt
