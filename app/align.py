"""Align two sequences of hashable keys, in time that never goes quadratic: the core's aligner.

Sections (by number) and tokens (by normalized form) are all aligned here: each distinct key
becomes one character (:func:`encode`), and the two strings are aligned region by region:

1. the common prefix and suffix are equal;
2. a region small enough (:attr:`Limits.exact_cells`) gets the exact minimal diff: Myers
   (diff-match-patch, no timeout) when its cost ``(n + m) · D`` is within
   :attr:`Limits.myers_cost` (the usual case, and today's answers), else rapidfuzz's
   bit-parallel LCS in C, which is as minimal and costs ``n · m / 64`` whatever ``D`` is;
3. a larger region is cut at *anchors*, patience-diff style: keys unique in both halves,
   else runs of ``k`` keys unique in both (repeated lines are unique at their seams), kept in
   the longest order-preserving chain; each gap between anchors is aligned again from 1;
4. a large region with no anchor at all is one replacement (block level);
5. the script is cleaned up for people unless the caller wants it minimal: a lone inserted
   or deleted run slid to its rightmost place (:func:`_slid`), then coincidental equalities
   folded into the changes around them (:func:`_cleaned`).

Every path is exact about the text - applying all opcodes gives ``b``, none gives ``a`` - so
the only cost of the cheaper paths is a coarser cut, never a wrong text, and the same input
always gives the same answer (no clock is consulted).

:func:`char_diff` diffs two strings character by character for people (highlighting, the
substitutions of a hunk): long or repetitive strings are first aligned by token with
:func:`opcodes`, and only paired small token runs get a character diff.

Entry points: :func:`opcodes`, :func:`char_diff`. Imports: the standard library,
diff-match-patch, rapidfuzz.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Final, Literal, NamedTuple

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

Tag = Literal["equal", "replace", "delete", "insert"]

_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much work each exact method may do before a region is cut or replaced."""

    exact_cells: int = 25_000_000  # n·m of a region aligned exactly (LCS bit matrix: n·m/8 bytes)
    myers_cost: int = 400_000  # (n + m)·D of a region left to diff-match-patch's Myers (Python)
    gram_sizes: tuple[int, ...] = (4, 16)  # run lengths tried when no key is unique
    lookup_chars: int = 200_000_000  # search a long side for a short side's grams (in C) up to this
    char_cells: int = 4_000_000  # len(a)·len(b) of a char diff done in one piece
    char_myers_cost: int = 200_000  # (n + m)·D of a char diff left to Myers


LIMITS: Final = Limits()


class Opcode(NamedTuple):
    """``a[a_start:a_end]`` becomes ``b[b_start:b_end]``, as in :mod:`difflib`."""

    tag: Tag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # minimal diffs only: a timed-out diff depends on the clock
    return dmp


_DMP: Final = _engine()


def encode(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[str, str]:
    """Map each distinct key of ``a`` and ``b`` to one character (in order of first use).

    The table is built over the distinct keys only and applied with ``map`` in C: a Python
    call per token was most of the cost of aligning a long section."""
    table: dict[Hashable, str] = dict.fromkeys(chain(a, b))  # type: ignore[arg-type]
    if len(table) < _SURROGATES.start:  # the usual case: codes 1, 2, 3 …, given in C
        table = dict(zip(table, map(chr, range(1, len(table) + 1))))
    else:
        for n, key in enumerate(table, 1):
            code = n + len(_SURROGATES) if n >= _SURROGATES.start else n
            if code > 0x10FFFF:
                raise ValueError("too many distinct keys to align")
            table[key] = chr(code)
    return "".join(map(table.__getitem__, a)), "".join(map(table.__getitem__, b))


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable], limits: Limits | None = None,
            cleanup: bool = True) -> list[Opcode]:
    """An edit script turning ``a`` into ``b``, as merged opcodes: minimal wherever a region
    is within ``limits`` (by default :data:`LIMITS`; see the module docstring), then, unless
    ``cleanup`` is False, cleaned up for people (:func:`_cleaned`)."""
    limits = limits or LIMITS
    text_a, text_b = encode(a, b)
    out = _Script()
    _align(text_a, 0, len(text_a), text_b, 0, len(text_b), out, limits)
    return _cleaned(_slid(text_a, text_b, out.ops)) if cleanup else out.ops


def _slid(a: str, b: str, ops: list[Opcode]) -> list[Opcode]:
    """``ops`` with each lone insertion or deletion slid as far right as its keys allow.

    Where a run of keys is inserted or deleted next to keys that repeat it (``X ␣`` or ``␣ X``
    between two spaces), every position is minimal; Myers picks one by accident of context.
    The rightmost is the canonical one, as diff-match-patch's and git's cleanups prefer when
    nothing else decides: the run starts with its word and takes the space after it, so it
    joins the change that follows rather than the one before. The next equality keeps at
    least one key."""
    out = list(ops)
    for k in range(1, len(out) - 1):
        op, before, after = out[k], out[k - 1], out[k + 1]
        if op.tag not in ("delete", "insert") or before.tag != "equal" or after.tag != "equal":
            continue
        text, start, end = (a, op.a_start, op.a_end) if op.tag == "delete" else (b, op.b_start, op.b_end)
        room = after.a_end - after.a_start - 1
        n = 0
        while n < room and text[start + n] == text[end + n]:
            n += 1
        if n:
            out[k - 1] = Opcode("equal", before.a_start, before.a_end + n, before.b_start, before.b_end + n)
            out[k] = Opcode(op.tag, op.a_start + n, op.a_end + n, op.b_start + n, op.b_end + n)
            out[k + 1] = Opcode("equal", after.a_start + n, after.a_end, after.b_start + n, after.b_end)
    return out


def _cleaned(ops: list[Opcode]) -> list[Opcode]:
    """``ops`` with the coincidental equalities folded into the changes around them.

    A minimal script may keep a lone equal key - a space, a full stop - between two larger
    changes, and so cut one damaged stretch into pieces that pair the wrong tokens (``:`` with
    ``26``, and ``28`` with nothing). As in diff-match-patch's semantic cleanup, an equality
    no longer than the change on each side of it (the larger of its two halves) is folded
    into them, and the grown change is checked against its neighbours again (the sliding to
    word boundaries is left out: keys are not characters; :func:`_slid` has placed the runs).
    The judge then cuts the stretch by evidence. Linear in the opcodes; the text stays exact."""
    out: list[Opcode] = []
    for op in ops:
        out.append(op)
        while len(out) >= 3 and out[-1].tag != "equal" and out[-2].tag == "equal" and _trivial(*out[-3:]):
            before, _, after = out[-3:]
            del out[-3:]
            out.append(Opcode("replace", before.a_start, after.a_end, before.b_start, after.b_end))
    return out


def _trivial(before: Opcode, equal: Opcode, after: Opcode) -> bool:
    size = equal.a_end - equal.a_start
    return (before.tag != "equal"
            and size <= max(before.a_end - before.a_start, before.b_end - before.b_start)
            and size <= max(after.a_end - after.a_start, after.b_end - after.b_start))


class _Script:
    """Opcodes appended in order, adjacent ones of the same kind merged."""

    def __init__(self) -> None:
        self.ops: list[Opcode] = []

    def equal(self, i: int, j: int, n: int) -> None:
        if not n:
            return
        ops = self.ops
        if ops and ops[-1].tag == "equal":
            last = ops[-1]
            ops[-1] = Opcode("equal", last.a_start, i + n, last.b_start, j + n)
        else:
            ops.append(Opcode("equal", i, i + n, j, j + n))

    def change(self, a0: int, a1: int, b0: int, b1: int) -> None:
        if a0 == a1 and b0 == b1:
            return
        ops = self.ops
        if ops and ops[-1].tag != "equal":
            last = ops[-1]
            a0, b0 = last.a_start, last.b_start
            ops.pop()
        tag: Tag = "replace" if a0 < a1 and b0 < b1 else "delete" if a0 < a1 else "insert"
        ops.append(Opcode(tag, a0, a1, b0, b1))


def _align(a: str, a0: int, a1: int, b: str, b0: int, b1: int, out: _Script, limits: Limits) -> None:
    """Align ``a[a0:a1]`` with ``b[b0:b1]`` onto ``out`` (steps 1-4 of the module docstring).

    A region small enough goes whole to the exact method, its common ends included, so
    diff-match-patch slides edits against them exactly as it always has."""
    if (a1 - a0) * (b1 - b0) <= limits.exact_cells:
        if a1 - a0 and b1 - b0:
            _exact(a[a0:a1], a0, b[b0:b1], b0, out, limits.myers_cost)
        else:
            out.change(a0, a1, b0, b1)
        return
    head = _common_prefix(a, a0, a1, b, b0, b1)
    out.equal(a0, b0, head)
    a0, b0 = a0 + head, b0 + head
    tail = _common_suffix(a, a0, a1, b, b0, b1)
    a1, b1 = a1 - tail, b1 - tail
    if (a1 - a0) * (b1 - b0) <= limits.exact_cells:
        _align(a, a0, a1, b, b0, b1, out, limits)
    else:
        anchors = _anchors(a, a0, a1, b, b0, b1, limits)
        if not anchors:
            out.change(a0, a1, b0, b1)
        else:
            for i, j, k in anchors:
                _align(a, a0, i, b, b0, j, out, limits)
                out.equal(i, j, k)
                a0, b0 = i + k, j + k
            _align(a, a0, a1, b, b0, b1, out, limits)
    out.equal(a1, b1, tail)


def _exact(a: str, i0: int, b: str, j0: int, out: _Script, myers_cost: int) -> None:
    """The minimal diff of two strings (offset by ``i0``/``j0``), by the cheaper exact method."""
    for tag, i, j, n, mm in _exact_runs(a, b, myers_cost):
        if tag == "equal":
            out.equal(i0 + i, j0 + j, n)
        else:
            out.change(i0 + i, i0 + i + n, j0 + j, j0 + j + mm)


def _exact_runs(a: str, b: str, myers_cost: int) -> tuple[tuple[str, int, int, int, int], ...]:
    """``(tag, i, j, length in a, length in b)`` runs of a minimal diff of ``a`` and ``b``.

    Memoized: the encoded strings of two section pairs are equal whenever their texts differ
    only in tokens at the same places (a long report whose chapters repeat a layout, the
    same paragraph quoted twice), and the answer is a function of the strings alone."""
    if len(a) + len(b) > _MEMO_KEYS:
        return _exact_runs_of(a, b, myers_cost)
    return _exact_runs_memo(a, b, myers_cost)


#: encoded strings longer than this together are not memoized (the memo holds at most 256
#: pairs, so at most 2^25 keys: about the keys of a 30 MB report, far less for most)
_MEMO_KEYS = 1 << 17


@lru_cache(maxsize=256)
def _exact_runs_memo(a: str, b: str, myers_cost: int) -> tuple[tuple[str, int, int, int, int], ...]:
    return _exact_runs_of(a, b, myers_cost)


def _exact_runs_of(a: str, b: str, myers_cost: int) -> tuple[tuple[str, int, int, int, int], ...]:
    if (len(a) + len(b)) * Indel.distance(a, b) <= myers_cost:
        runs = []
        i = j = 0
        for op, chunk in _DMP.diff_main(a, b, False):
            n = len(chunk)
            if op == 0:
                runs.append(("equal", i, j, n, n))
                i, j = i + n, j + n
            elif op < 0:
                runs.append(("delete", i, j, n, 0))
                i += n
            else:
                runs.append(("insert", i, j, 0, n))
                j += n
        return tuple(runs)
    return tuple((op.tag, op.src_start, op.dest_start, op.src_end - op.src_start, op.dest_end - op.dest_start)
                 for op in Indel.opcodes(a, b))


def _common_prefix(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> int:
    """Length of the common prefix of ``a[a0:a1]`` and ``b[b0:b1]`` (binary search on slices)."""
    low, high = 0, min(a1 - a0, b1 - b0)
    while low < high:
        mid = (low + high + 1) // 2
        if a[a0 + low:a0 + mid] == b[b0 + low:b0 + mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _common_suffix(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> int:
    low, high = 0, min(a1 - a0, b1 - b0)
    while low < high:
        mid = (low + high + 1) // 2
        if a[a1 - mid:a1 - low] == b[b1 - mid:b1 - low]:
            low = mid
        else:
            high = mid - 1
    return low


def _anchors(a: str, a0: int, a1: int, b: str, b0: int, b1: int,
             limits: Limits) -> list[tuple[int, int, int]]:
    """Matched runs ``(i, j, length)`` in increasing order on both sides: keys (or runs of
    ``k`` keys) that occur exactly once in each region, in their longest common order."""
    short, long_ = ((a, a0, a1), (b, b0, b1)) if a1 - a0 <= b1 - b0 else ((b, b0, b1), (a, a0, a1))
    alphabet = set(long_[0][long_[1]:long_[2]])  # a gram with any other key cannot match
    for k in (1, *limits.gram_sizes):
        if k > short[2] - short[1]:
            break
        in_short = {g: i for g, i in _unique_grams(*short, k).items() if alphabet.issuperset(g)}
        if not in_short:
            continue
        if len(in_short) * (long_[2] - long_[1]) <= limits.lookup_chars:
            common = [(i, at) for g, i in in_short.items() if (at := _unique_at(*long_, g)) >= 0]
        else:
            in_long = _unique_grams(*long_, k)
            common = [(i, in_long[g]) for g, i in in_short.items() if g in in_long]
        if common:
            pairs = sorted(common) if short[0] is a else sorted((j, i) for i, j in common)
            return _extend(a, a1, b, b1, _increasing(pairs), k)
    return []


def _unique_grams(text: str, start: int, end: int, k: int) -> dict[str, int]:
    """Each run of ``k`` characters occurring once in ``text[start:end]``, with its position.

    Every step runs in C (``map``, ``Counter``, ``dict(zip())``) but the last, which loops
    over distinct grams only: a 5 MB region costs about a second, not ten."""
    if k == 1:
        grams: object = text[start:end]
    else:
        grams = list(map(text.__getitem__, map(slice, range(start, end - k + 1), range(start + k, end + 1))))
    counts = Counter(grams)  # type: ignore[call-overload]
    last = dict(zip(grams, range(start, end)))  # type: ignore[call-overload]
    return {g: i for g, i in last.items() if counts[g] == 1}


def _unique_at(text: str, start: int, end: int, gram: str) -> int:
    """Where ``gram`` occurs in ``text[start:end]`` if it occurs exactly once, else -1."""
    at = text.find(gram, start, end)
    return at if at >= 0 and text.find(gram, at + 1, end) < 0 else -1


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of ``pairs`` (sorted by ``i``) whose ``j`` also increases (patience)."""
    tails: list[int] = []  # tails[L]: smallest j ending a chain of length L + 1
    tail_at: list[int] = []  # index into pairs of that chain's end
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        at = bisect_left(tails, j)
        back.append(tail_at[at - 1] if at else -1)
        if at == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[at] = j
            tail_at[at] = n
    chain_: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        chain_.append(pairs[n])
        n = back[n]
    return chain_[::-1]


def _extend(a: str, a1: int, b: str, b1: int, pairs: list[tuple[int, int]], k: int) -> list[tuple[int, int, int]]:
    """The anchors as non-overlapping runs: each matched gram, grown forward while equal."""
    runs: list[tuple[int, int, int]] = []
    end_a = end_b = -1
    for i, j in pairs:
        if i < end_a or j < end_b:
            continue  # inside (or crossing) the previous run
        room = min(a1 - i, b1 - j)
        length = k + _common_prefix(a, i + k, i + room, b, j + k, j + room)
        runs.append((i, j, length))
        end_a, end_b = i + length, j + length
    return runs


# --------------------------------------------------------------------------- characters

#: a long string's pieces (:func:`char_diff`): compiled by :mod:`re` when one is first met, not
#: at every start
_PIECE = r"\s+|\w+|[^\w\s]"


def char_diff(a: str, b: str, limits: Limits | None = None) -> list[tuple[int, str]]:
    """A character diff of two strings, cleaned up for people (diff-match-patch's
    ``(op, text)`` pairs: -1 only in ``a``, 1 only in ``b``, 0 in both).

    Bounded: strings longer than :attr:`Limits.char_cells` allows are aligned by token first
    (:func:`opcodes`) and only each replaced run small enough is diffed by character; a
    larger one is a deletion and an insertion. The pieces always concatenate to ``a`` and ``b``.
    """
    limits = limits or LIMITS
    if len(a) * len(b) <= limits.char_cells:
        return _char_diff_small(a, b, limits)
    tokens_a, tokens_b = re.findall(_PIECE, a), re.findall(_PIECE, b)
    starts_a, starts_b = _starts(tokens_a), _starts(tokens_b)
    diffs: list[tuple[int, str]] = []
    for op in opcodes(tokens_a, tokens_b, limits, cleanup=False):
        piece_a = a[starts_a[op.a_start]:starts_a[op.a_end]]
        piece_b = b[starts_b[op.b_start]:starts_b[op.b_end]]
        if op.tag == "equal":
            diffs.append((0, piece_a))
        elif len(piece_a) * len(piece_b) <= limits.char_cells:
            diffs.extend(_char_diff_small(piece_a, piece_b, limits))
        else:
            diffs.extend(d for d in ((-1, piece_a), (1, piece_b)) if d[1])
    return diffs


def _one_glyph(a: str, b: str) -> list[tuple[int, str]] | None:
    """The cleaned-up diff of two strings that differ in one run where one side is a single
    character not found in the other's run (``fér``/``för``, ``6kad``/``ökad``: most OCR
    misreads), built directly: diff-match-patch returns exactly this for them, and building it
    in Python's C string methods is most of what a sample's classification costs. None for
    any other pair."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    short, long_ = (mid_a, mid_b) if len(mid_a) <= len(mid_b) else (mid_b, mid_a)
    if len(short) != 1 or short in long_:
        return None
    diffs = [(0, a[:head])] if head else []
    diffs += [(-1, mid_a), (1, mid_b)]
    if tail:
        diffs.append((0, a[len(a) - tail:]))
    return diffs


def _substituted(a: str, b: str) -> list[tuple[int, str]] | None:
    """diff-match-patch's diff (before its semantic cleanup) of two strings of one length that
    differ only in characters put in place of others, where no character taken out or put in
    occurs in the other string's stretch from the first difference to the last (``valfard``
    against ``välfärd``, ``mojliggora`` against ``möjliggöra``: the misreads of a lost
    diacritic), built directly; None for any other pair.

    The characters kept in place are then the only longest common subsequence of the two
    stretches (diff-match-patch takes the common ends off first), so every minimal diff keeps them, and diff-match-patch's merge writes each
    run of replaced characters as its deletion then its insertion. Its Myers search ran in
    Python for each such pair: the sample's 200 character diffs took 53.0 -> 30.1 M instructions
    (147 of them are such pairs)."""
    if len(a) != len(b):
        return None
    changed = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if not changed:
        return None
    first, last = changed[0], changed[-1] + 1
    stretch_a, stretch_b = a[first:last], b[first:last]
    if any(a[i] in stretch_b or b[i] in stretch_a for i in changed):
        return None
    diffs = [(0, a[:first])] if first else []
    at = first  # where the text not yet written starts
    for k, i in enumerate(changed):
        if i > at and changed[k - 1] != i - 1:  # a run of replaced characters starts after text kept
            diffs.append((0, a[at:i]))
            at = i
        if k + 1 == len(changed) or changed[k + 1] != i + 1:  # and ends here
            diffs += [(-1, a[at:i + 1]), (1, b[at:i + 1])]
            at = i + 1
    if at < len(a):
        diffs.append((0, a[at:]))
    return diffs


def _starts(tokens: list[str]) -> list[int]:
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    return starts


def _char_diff_small(a: str, b: str, limits: Limits) -> list[tuple[int, str]]:
    quick = _one_glyph(a, b)
    if quick is not None:
        return quick
    if (len(a) + len(b)) * Indel.distance(a, b) <= limits.char_myers_cost:
        diffs = _substituted(a, b) or _DMP.diff_main(a, b, False)
    else:
        diffs = []
        for tag, i, j, n, m in _exact_runs(a, b, 0):
            if tag == "equal":
                diffs.append((0, a[i:i + n]))
                continue
            if n:
                diffs.append((-1, a[i:i + n]))
            if m:
                diffs.append((1, b[j:j + m]))
    _DMP.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs]
