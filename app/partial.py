"""Taking part of a change: its two texts cut into pieces, word by word or line by line.

Entry points: :func:`pieces` and :func:`compose`. ``pieces(base, reference, by)`` aligns the
two texts on words (runs of letters and digits, single punctuation marks, runs of
whitespace) or on lines, and returns the pieces in order: where the texts agree, one piece
with the same text on both sides; where they differ, one piece with each side's run. An
editor takes the reference side of the pieces it chooses and the base side of the rest:
``compose(ps, taken)``. Taking none gives the base text, taking all gives the reference.

Imports: the standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from difflib import SequenceMatcher
from typing import NamedTuple

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")
_LINES = re.compile(r"[^\n]*\n|[^\n]+")
GRAINS = ("word", "line")


class Piece(NamedTuple):
    base: str
    reference: str

    @property
    def differs(self) -> bool:
        return self.base != self.reference


def pieces(base: str, reference: str, by: str = "word") -> list[Piece]:
    """``base`` and ``reference`` cut into aligned pieces (``by``: "word" or "line")."""
    if by not in GRAINS:
        raise ValueError(f"cut by one of {GRAINS}, not {by!r}")
    pattern = _WORDS if by == "word" else _LINES
    a, b = pattern.findall(base), pattern.findall(reference)
    out: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(Piece(t, t) for t in a[i1:i2])
        else:
            out.append(Piece("".join(a[i1:i2]), "".join(b[j1:j2])))
    return out


def compose(cut: list[Piece], taken: Collection[int]) -> str:
    """The text with the reference side of the pieces at ``taken`` and the base side elsewhere."""
    return "".join(p.reference if i in taken else p.base for i, p in enumerate(cut))
