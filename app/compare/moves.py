"""Find paragraphs that stand in another order in the two editions of a section.

Entry points: :func:`one_sided_both_ways` (is it worth looking?), :func:`find_moves` and
:func:`masked`. An OCR engine that reads a two-column page in the wrong order, or a section
split differently in the two editions, leaves a paragraph early in one edition and late in
the other. A diff then reports a deletion and an unrelated insertion, and taking the
reference's reading of both would throw away the base's words (and any genuine edit in them).

Here the long one-sided stretches of a first diff (a few stray words the diff paired inside
one are bridged) are paired across the two sides by the folded words they share: a pair is
a *move*. :func:`masked` gives the moved stretches' tokens keys that match nothing, so a
second diff reports each of them whole and apart; the engine then judges the two halves of a
move together (:mod:`app.judge.moved`).

Imports: the standard library, :mod:`app.diffing`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.diffing import Hunk, Tokenized, diff_texts, word_count



@dataclass(frozen=True, slots=True)
class MoveRules:
    """When a paragraph counts as moved (word counts and shares of folded words)."""

    min_words: int = 8  # a one-sided stretch of the diff this long may be half of a move
    bridge_words: int = 3  # one-sided stretches this close are one (the diff paired a stray word)
    min_overlap: float = 0.6  # shared folded words over the smaller stretch's
    max_ratio: float = 1.5  # the larger stretch at most this many times the smaller


MOVES = MoveRules()


@dataclass(frozen=True, slots=True)
class Move:
    """The same words at ``base`` in the base edition and at ``reference`` in the reference
    (section offsets, half-open, without the blank space around them)."""

    base: tuple[int, int]
    reference: tuple[int, int]
    kind: str = "paragraph"  # or "fragment": line ends set apart (:mod:`app.compare.fragments`)
    #: a half in another section: its span is :data:`ELSEWHERE` and its text stands here
    base_text: str = ""
    reference_text: str = ""

    def texts(self, b_text: str, r_text: str) -> tuple[str, str]:
        """The move's base and reference words (from the section's texts, or carried along)."""
        base = self.base_text if self.base == ELSEWHERE else b_text[self.base[0]:self.base[1]]
        reference = self.reference_text if self.reference == ELSEWHERE else r_text[self.reference[0]:self.reference[1]]
        return base, reference


#: the span of a move's half that stands in another section
ELSEWHERE = (-1, -1)


def one_sided_both_ways(hunks: Sequence[Hunk], b: Tokenized, r: Tokenized, rules: MoveRules = MOVES) -> bool:
    """The diff has a long base-only stretch and a long reference-only one: maybe a move."""
    base_side = ref_side = False
    shortest = 2 * rules.min_words - 1  # fewer characters cannot hold min_words words
    for h in hunks:
        if h.b_end - h.b_start < shortest and h.r_end - h.r_start < shortest:
            continue
        nb, nr = word_count(b.text, h.b_start, h.b_end), word_count(r.text, h.r_start, h.r_end)
        base_side |= nb >= rules.min_words and nr * 3 <= nb
        ref_side |= nr >= rules.min_words and nb * 3 <= nr
    return base_side and ref_side


def find_moves(hunks: Sequence[Hunk], b: Tokenized, r: Tokenized, rules: MoveRules = MOVES) -> list[Move]:
    """Long one-sided stretches of the diff that hold the same words (see the module docstring)."""
    base_runs = _runs([(h.b_start, h.b_end) for h in hunks if _heavy(b.text[h.b_start:h.b_end],
                       r.text[h.r_start:h.r_end], rules)], b.text, rules)
    ref_runs = _runs([(h.r_start, h.r_end) for h in hunks if _heavy(r.text[h.r_start:h.r_end],
                      b.text[h.b_start:h.b_end], rules)], r.text, rules)
    base_words = [_words(b, span) for span in base_runs]
    ref_words = [_words(r, span) for span in ref_runs]
    scored = []
    for i, words_b in enumerate(base_words):
        for j, words_r in enumerate(ref_words):
            sizes = sorted((sum(words_b.values()), sum(words_r.values())))
            if sizes[1] > rules.max_ratio * sizes[0]:
                continue
            if sum((words_b & words_r).values()) / sizes[0] >= rules.min_overlap:
                scored.append((sum((words_b & words_r).values()), i, j))
    moves, used_b, used_r = [], set(), set()
    for _shared, i, j in sorted(scored, reverse=True):
        if i not in used_b and j not in used_r:
            used_b.add(i)
            used_r.add(j)
            moves.append(_trimmed(Move(base_runs[i], ref_runs[j]), b.text, r.text))
    return sorted(moves, key=lambda m: m.base)


def _trimmed(move: Move, base: str, reference: str) -> Move:
    """``move`` without the words at either end that only one side has: the stretches a diff
    leaves one-sided often carry a stray word of a neighbouring change, which is no part of
    the paragraph (and would make the move look edited)."""
    (b0, b1), (r0, r1) = move.base, move.reference
    hunks = diff_texts(base[b0:b1], reference[r0:r1])
    if hunks and hunks[0].b_start == 0 and hunks[0].r_start == 0 and (hunks[0].b_end == 0 or hunks[0].r_end == 0):
        b0, r0 = b0 + hunks[0].b_end, r0 + hunks[0].r_end
    last = hunks[-1] if hunks else None
    if (last is not None and last.b_end == move.base[1] - move.base[0] and last.r_end == move.reference[1] - move.reference[0]
            and (last.b_start == last.b_end or last.r_start == last.r_end) and b0 < move.base[0] + last.b_start):
        b1, r1 = move.base[0] + last.b_start, move.reference[0] + last.r_start
    return Move(_stripped(base, b0, b1), _stripped(reference, r0, r1), move.kind)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


def _heavy(side: str, other: str, rules: MoveRules) -> bool:
    n = word_count(side)
    return n >= rules.min_words and word_count(other) * 3 <= n


def _runs(spans: list[tuple[int, int]], text: str, rules: MoveRules) -> list[tuple[int, int]]:
    """Spans joined where only a few words stand between them, trimmed of blank space."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and word_count(text, runs[-1][1], start) <= rules.bridge_words:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return [_stripped(text, start, end) for start, end in runs]


def _words(t: Tokenized, span: tuple[int, int]) -> Counter[str]:
    first, last = bisect_left(t.starts, span[0]), bisect_left(t.starts, span[1])
    return Counter(t.keys[k] for k in range(first, min(last, len(t.keys))) if t.tokens[k][0].isalnum())


def masked(b: Tokenized, r: Tokenized, moves: Sequence[Move]) -> tuple[Tokenized, Tokenized]:
    """``b`` and ``r`` with the moved paragraphs' keys made unique (they align with nothing)."""
    return (_mask(b, [m.base for m in moves], "\x01"), _mask(r, [m.reference for m in moves], "\x02"))


def mask(t: Tokenized, spans: Sequence[tuple[int, int]], tag: str) -> Tokenized:
    """``t`` with the keys of the tokens in ``spans`` made unique (``tag`` names the kind)."""
    return _mask(t, spans, tag)


def _mask(t: Tokenized, spans: Sequence[tuple[int, int]], tag: str) -> Tokenized:
    if not spans:  # most sections: nothing to mask, no copy of the keys (they are never changed)
        return t
    keys = list(t.keys)
    for n, (start, end) in enumerate(spans):
        first = bisect_left(t.starts, start)
        last = bisect_left(t.starts, end)
        for k in range(first, min(last, len(keys))):
            keys[k] = f"{tag}{n}:{k}"
    return t._replace(keys=keys)
