"""Find words the OCR set apart from their lines: line ends gathered into a block of their own.

Entry point: :func:`find_fragments`. A layout analysis that misjudges a justified column (a
wide word gap read as a column gap) takes the last words of several lines out of them and
puts them, in order, in a little block of short lines after the paragraph. A diff then
reports the block as deleted and each line's missing words as inserted, and taking the
reference's reading of the insertions alone would throw away the print's words.

The evidence is the layout, not the words' meaning: a run of whole base lines that nothing in
the reference matched, holding exactly the words the reference inserts where the base breaks
a line. Each such insertion with its piece of the block is a
:class:`~app.compare.moves.Move` (kind ``fragment``), so the engine masks, cuts and judges it
as it does a moved paragraph. The block's order is not required: a strip cut across two
columns lists one column's line ends and the other's line starts top to bottom. A genuine
reordering inside running text sits in the middle of lines and is never taken for this.

Imports: the standard library, :mod:`app.diffing`, :mod:`app.compare.moves`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from operator import itemgetter

from app.compare.moves import ELSEWHERE, Move
from app.align import opcodes
from app.diffing import Hunk, Tokenized


@dataclass(frozen=True, slots=True)
class Run:
    """Word tokens ``words`` (token indices, in order) of one edition, with their keys."""

    words: tuple[int, ...]
    keys: tuple[str, ...]
    #: a block: whole lines of their own; an insertion: where the base breaks a line
    apart: bool = False


@dataclass(eq=False)
class Diff:
    """A section's raw diff with the tokenized texts it was made of (the moves' words masked),
    and what of it the reference did not match, found once."""

    hunks: Sequence[Hunk]
    b: Tokenized
    r: Tokenized

    @cached_property
    def unpaired(self) -> list[tuple[range, range]]:
        """The token ranges of each hunk that is not one base token read differently as one
        reference token with the same key (a misread): what the reference did not match."""
        out = []
        b_starts, r_starts, b_keys, r_keys = self.b.starts, self.r.starts, self.b.keys, self.r.keys
        for b0, b1, r0, r1 in self.hunks:
            i, j = bisect_left(b_starts, b0), bisect_left(r_starts, r0)
            # most hunks are one token read as another of its key: known without looking for ends
            if b0 < b1 and r0 < r1 and b_starts[i + 1] == b1 and r_starts[j + 1] == r1 and b_keys[i] == r_keys[j]:
                continue
            out.append((range(i, bisect_left(b_starts, b1, i)), range(j, bisect_left(r_starts, r1, j))))
        return out

    @cached_property
    def blocks(self) -> list[Run]:
        """The base's runs of words set apart (:func:`_set_apart_blocks`), found once: the
        section looks for its own fragments in them, and the section before it looks across
        at them (a 5 MB line set apart took 15 s each time)."""
        return _set_apart_blocks(self.unpaired, self.b)


def find_fragments(diff: Diff, whole_lines: bool = False) -> list[Move]:
    """The fragment moves of one section (see the module docstring); with ``whole_lines``,
    only blocks of whole lines (a second look, once the first finds are put back: a line's
    edge left over then is as likely a reordered sentence's)."""
    b, r, unpaired = diff.b, diff.r, diff.unpaired
    blocks = [block for block in diff.blocks if block.apart or not whole_lines]
    if not blocks:
        return []
    moves = [Move(_piece(b, words[0], words[-1]), _span(r, run.words[0], run.words[-1]), "fragment")
             for words, run in _matched(blocks, _inserted_at_line_breaks(unpaired, b, r), b)]
    return sorted(moves, key=lambda m: m.base)


def find_across(earlier: Diff, later: Diff) -> tuple[list[Move], list[Move]]:
    """Fragment moves from the blocks of one section to the insertions of the section before
    it (an OCR that sets line ends apart may put the block after the next heading): the
    earlier section's halves (insertions; the block's words in ``base_text``) and the later
    section's (blocks; the insertion's words in ``reference_text``). Call it with each
    section's diff after :func:`find_fragments`' moves are masked, so only what is left over
    pairs."""
    b = later.b
    blocks = later.blocks
    if not blocks:
        return [], []
    r_e = earlier.r
    inserts = _inserted_at_line_breaks(earlier.unpaired, earlier.b, r_e)
    pairs = _matched(blocks, [(-1, run) for _, run in inserts], b)
    earlier_moves, later_moves = [], []
    for words, run in pairs:
        piece, inserted = _piece(b, words[0], words[-1]), _span(r_e, run.words[0], run.words[-1])
        earlier_moves.append(Move(ELSEWHERE, inserted, "fragment", base_text=b.text[piece[0]:piece[1]]))
        later_moves.append(Move(piece, ELSEWHERE, "fragment", reference_text=r_e.text[inserted[0]:inserted[1]]))
    return sorted(earlier_moves, key=lambda m: m.reference), sorted(later_moves, key=lambda m: m.base)


def _matched(blocks: list[Run], inserts: list[tuple[int, Run]], b: Tokenized) -> list[tuple[tuple[int, ...], Run]]:
    """Each insertion that finds its words free in a block, with the block's word tokens
    (longest insertions first: a long run of words is the surest match)."""
    taken = [[False] * len(block.keys) for block in blocks]
    out = []
    for at, run in sorted(inserts, key=lambda x: -len(x[1].keys)):
        found = _place(run, blocks, taken, at, b)
        if found is not None:
            n, p = found
            out.append((blocks[n].words[p:p + len(run.keys)], run))
    return out


def _place(run: Run, blocks: list[Run], taken: list[list[bool]], at: int, b: Tokenized) -> tuple[int, int] | None:
    """Where in the blocks ``run``'s words stand, still free: the block nearest ``at`` (a
    base offset) first, its first free place; the place is then taken. Words inserted inside
    a line are taken only from whole lines set apart; from the edge of a line, only words
    inserted where the base breaks a line."""
    size = len(run.keys)
    order = sorted((n for n in range(len(blocks)) if blocks[n].apart or run.apart),
                   key=lambda n: abs(b.starts[blocks[n].words[0]] - at))
    for n in order:
        keys = blocks[n].keys
        for p in range(len(keys) - size + 1):
            if keys[p:p + size] == run.keys and not any(taken[n][p:p + size]):
                taken[n][p:p + size] = [True] * size
                return n, p
    return None


def _span(t: Tokenized, first: int, last: int) -> tuple[int, int]:
    return t.starts[first], t.starts[last + 1]


def _piece(t: Tokenized, first: int, last: int) -> tuple[int, int]:
    """A block piece's span, with the blank space after it: removing the piece removes its
    line break too, and never joins the words on either side."""
    end = last + 1
    if end < len(t.tokens) and t.tokens[end][0].isspace():
        end += 1
    return t.starts[first], t.starts[end]


def _is_word(token: str) -> bool:
    return token[0].isalnum()


def _set_apart_blocks(unpaired: Sequence[tuple[range, range]], b: Tokenized) -> list[Run]:
    """Runs of base words that the reference does not match and that stand at a line's start
    or end (whole lines, or the edge of one), as word runs. Unmatched marks between the words
    (OCR debris) do not break a run; a matched token does. Only the unmatched tokens are
    walked (a section is mostly matched)."""
    unmatched = {k for bt, _rt in unpaired for k in bt}
    runs: list[list[int]] = []
    current: list[int] = []
    last = -1
    for bt, _rt in unpaired:
        for k in bt:
            token = b.tokens[k]
            if token[0].isspace():
                continue
            if current and _broken(b, unmatched, last, k):
                runs.append(current)
                current = []
            last = k
            if b.keys[k][0] < " ":  # masked: furniture, a moved paragraph
                if current:
                    runs.append(current)
                current = []
            elif _is_word(token):
                current.append(k)
    if current:
        runs.append(current)
    out = []
    for run in runs:
        for part in _by_whole_lines(b, unmatched, run):
            starts, ends = _at_edge(b, unmatched, part[0], -1), _at_edge(b, unmatched, part[-1], 1)
            if starts or ends:
                out.append(Run(tuple(part), tuple(b.keys[k] for k in part), starts and ends))
    return out


def _by_whole_lines(b: Tokenized, unmatched: set[int], run: list[int]) -> list[list[int]]:
    """``run`` cut where its whole lines begin and end: a run that starts inside a line (a
    misread word at a line's end, unmatched in a reworded sentence) and goes on over lines of
    their own is that line's edge, then a block of whole lines (the words set apart). Whole,
    the run stood at no line's start, and words inserted inside a line never looked in it.
    Only a run's first and last lines can be partial (a matched token ends a run)."""
    lines: list[list[int]] = [[run[0]]]
    for last, k in zip(run, run[1:]):
        if any("\n" in b.tokens[j] for j in range(last + 1, k)):
            lines.append([])
        lines[-1].append(k)
    if len(lines) < 2:
        return [run]
    whole = [_at_edge(b, unmatched, line[0], -1) and _at_edge(b, unmatched, line[-1], 1) for line in lines]
    return [[k for _, line in group for k in line] for _, group in groupby(zip(whole, lines), key=itemgetter(0))]


def _broken(b: Tokenized, unmatched: set[int], last: int, k: int) -> bool:
    """A matched token stands between tokens ``last`` and ``k``."""
    return any(j not in unmatched and not b.tokens[j][0].isspace() for j in range(last + 1, k))


def _at_edge(b: Tokenized, unmatched: set[int], k: int, step: int) -> bool:
    """Only unmatched marks stand between token ``k`` and its line's edge (``step`` -1: the
    start, 1: the end)."""
    k += step
    while 0 <= k < len(b.tokens):
        token = b.tokens[k]
        if token[0].isspace():
            if "\n" in token:
                return True
        elif k not in unmatched or _is_word(token):
            return False
        k += step
    return True


def _inserted_at_line_breaks(unpaired: Sequence[tuple[range, range]], b: Tokenized,
                             r: Tokenized) -> list[tuple[int, Run]]:
    """Reference word runs inserted where the base has no words (a speck at most), each with
    its base offset (and whether a base line break is next to it). A hunk with words on both
    sides is aligned inside first."""
    runs = []
    for bt, rt in unpaired:
        if not any(_is_word(r.tokens[k]) for k in rt):
            continue
        # aligned on the words and marks alone: a line break the reference lacks
        # ("EU-2020-\nStrategie") must not pair with its space and leave the word unpaired
        bw = [k for k in bt if not b.tokens[k][0].isspace()]
        rw = [k for k in rt if not r.tokens[k][0].isspace()]
        for op in opcodes([b.keys[k] for k in bw], [r.keys[k] for k in rw], cleanup=False):
            if op.tag == "equal":
                continue
            b0 = b.starts[bw[op.a_start - 1] + 1] if op.a_start else b.starts[bt.start]
            b1 = b.starts[bw[op.a_end]] if op.a_end < len(bw) else b.starts[bt.stop]
            words = tuple(k for k in rw[op.b_start:op.b_end]
                          if _is_word(r.tokens[k]) and r.keys[k][0] >= " ")  # not masked (moved)
            # a lone letter (``a`` of ``Ila`` for ``Il a``) matches some letter set apart by chance
            if words and not b.text[b0:b1].strip() and (len(words) > 1 or len(r.tokens[words[0]]) > 1):
                runs.append((b0, Run(words, tuple(r.keys[k] for k in words),
                                     "\n" in b.text[max(0, b0 - 1):b1 + 1])))
    return runs
