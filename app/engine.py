"""From two editions to aligned sections and classified changes: the comparison pipeline.

Entry points: :func:`compare` (everything at once) and :func:`iter_compare`, a generator
that yields each section's changes as soon as they are ready, so a caller can show progress,
let the first section be reviewed early, and cancel by simply stopping iteration; then
:func:`conclude` gives the :class:`Ending` only the whole document can tell. Nothing here
knows about threads or processes; :mod:`app.remote` runs the generator in a child process.

Each section pair is diffed on its own (:mod:`app.diffing`), so the cost grows with the size
of the report, not its square, and one section can be recomputed alone.

Imports: the standard library, the other core modules.
"""

from __future__ import annotations

import gc
import hashlib
import re
from bisect import bisect_right
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import compress, count
from operator import attrgetter, ne
from pathlib import Path

from app.classify import WORD_LIKE, Classification, classify, holds_edit, print_repaired, reinforced_confidences
from app.compare.fragments import Diff, find_across, find_fragments
from app.compare.moves import Move, find_moves, mask, masked, one_sided_both_ways
from app.diffing import Hunk, Memo, Tokenized, diff_anchored, diff_tokenized, word_count
from app.judge.channel import Channel, Rows
from app.judge.digits import NUMBER_SEPARATORS, touches_number, within_number
from app.judge.doubt import doubt_reader
from app.judge.evidence import Evidence, is_wall
from app.judge.moved import judge_move
from app.judge.refine import pieces, refine
from app.judge.spacing import unglued
from app.formats import load_pair
from app.model import Change, Comparison, Edition, Kind, SectionPair, Span, settle_confidences
from app.sections import align_sections
from app.reasons import Reason, because

#: Below this share of common words two editions are "not the same report".
UNRELATED_BELOW = 0.30
#: Above this share of the base's text in content changes, with the words mostly shared, the
#: OCR read the page in another order (two columns line by line): a report rewritten that much
#: is another report. The corpus's editions have 1-2 %, one read across two columns 73 %.
SCRAMBLED_ABOVE = 0.25
#: A section pair sharing fewer words than this is reported as one replacement, not diffed
#: word by word (the word diff of two unrelated texts is quadratic and helps nobody).
SECTION_DIFF_BELOW = 0.15


@dataclass(frozen=True, slots=True)
class SectionResult:
    """One step of :func:`iter_compare`: a section's changes, and how far along we are."""

    index: int
    total: int
    section: SectionPair
    changes: tuple[Change, ...]
    common_words: int
    words: int


def compare_files(base: str | Path, reference: str | Path, *, ocr_language: str | None = None) -> Comparison:
    """Load both files, in any format :mod:`app.formats` reads, and compare them (raises
    :class:`app.loading.EditionError`)."""
    return compare(*load_pair(base, reference, ocr_language=ocr_language))


def compare(base: Edition, reference: Edition, channel: Channel | None = None) -> Comparison:
    """The full comparison at once (to follow progress or cancel, iterate :func:`iter_compare`);
    ``channel``: the OCR channel model to judge with (a reopened session's), else learned."""
    sections: list[SectionPair] = []
    changes: list[Change] = []
    common = words = 0
    with _collector_paused():
        evidence = Evidence.of(base, reference, channel)
        for step in iter_compare(base, reference, evidence=evidence):
            sections.append(step.section)
            changes.extend(step.changes)
            common += step.common_words
            words += step.words
        return finish(base, reference, sections, changes, common, words, evidence.words.channel)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while comparing, as it was after. The comparison makes
    millions of objects and no reference cycles (its garbage goes by reference counting),
    so every full collection while the heap grows only walks it again: 13 % of the 100x
    sample's time (11.0 s with it, 9.6 s without). Turned back on, it would walk everything
    the comparison made at once (its young objects, counted since it was paused: 15 M
    instructions, 4 % of the sample's time); they join the oldest generation unwalked instead
    (``gc.freeze`` then ``gc.unfreeze``), where the next full collection, if it ever comes,
    still finds any cycle among them. (The command line and the window pause the collector
    themselves and freeze what they keep: with it paused on entry, this leaves it alone.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def finish(base: Edition, reference: Edition, sections: list[SectionPair], changes: list[Change],
           common_words: int, words: int, channel: Channel | None = None) -> Comparison:
    """Assemble the comparison once every section is done (and let the document teach).
    ``changes`` are this comparison's own, held by no one else yet: the ending settles their
    confidences in place (:meth:`Ending.settle`)."""
    ending = conclude(sections, changes, common_words, words, channel)
    ending.settle(changes)
    return Comparison(base, reference, tuple(sections), tuple(changes),
                      ending.warnings, ending.similarity, channel=ending.channel)


@dataclass(frozen=True, slots=True)
class Ending:
    """What only the whole document tells, once every section is compared: the warnings,
    the similarity, and the confidences the document raised
    (:func:`~app.classify.reinforced_confidences`).

    Small on purpose: a window that has streamed every section's changes already holds
    them, so it takes only this (the document-order ``positions`` of the changes whose
    confidence moved, and their new ``confidences``) instead of a second copy of the whole
    comparison. The two are typed arrays: they unpickle as one block of bytes each, where
    tuples of 300,000 numbers took the window's thread 40 ms.
    """

    warnings: tuple[str, ...]
    similarity: float
    positions: Sequence[int] = field(default_factory=lambda: array("q"))
    confidences: Sequence[float] = field(default_factory=lambda: array("d"))
    #: the OCR channel model the changes were judged with (:attr:`app.model.Comparison.channel`)
    channel: Rows | None = None

    def __post_init__(self) -> None:
        if len(self.positions) != len(self.confidences):
            raise ValueError("one confidence per position")

    def apply(self, changes: list[Change] | tuple[Change, ...]) -> list[Change]:
        """``changes`` (in document order) with the reinforced confidences."""
        out = list(changes)
        for position, confidence in zip(self.positions, self.confidences):
            out[position] = out[position].with_confidence(confidence)
        return out

    def settle(self, changes: Sequence[Change]) -> None:
        """Set the reinforced confidences on ``changes`` themselves (in document order), for
        changes just made and held by nobody else: a copy of each (:meth:`apply`) was 0.7 s of
        the 100x sample's 11 s, 243,000 new changes to replace as many."""
        settle_confidences(changes, self.positions, self.confidences)


def conclude(sections: list[SectionPair], changes: list[Change] | tuple[Change, ...],
             common_words: int, words: int, channel: Channel | None = None) -> Ending:
    """The :class:`Ending` of a comparison whose sections and changes are all in, judged
    with ``channel`` (:attr:`Evidence.words`' model, kept with the ending for a session)."""
    similarity = common_words / words if words else 1.0
    warnings = [said] if (said := _alarm(similarity, content_share(sections, changes))) else []
    one_sided = [s for s in sections if s.only_in is not None and s.number]
    for section in one_sided:
        warnings.append(f"Section {section.number} is only in the {section.only_in} edition.")
    confidences = reinforced_confidences(changes)
    # the positions whose confidence the document raised, found in C
    moved = list(compress(count(), map(ne, confidences, map(attrgetter("confidence"), changes))))
    return Ending(tuple(warnings), similarity, array("q", moved), array("d", (confidences[i] for i in moved)),
                  channel.rows() if channel is not None else None)


def alarm(comparison: Comparison) -> Reason | None:
    """What says the comparison itself is in doubt (the editions look unrelated, or their
    reading orders differ), for the window to show at once; None when nothing does."""
    return _alarm(comparison.similarity, content_share(comparison.sections, comparison.changes))


def content_share(sections: Sequence[SectionPair], changes: Sequence[Change]) -> float:
    """The share of the base edition's compared text that lies in content changes."""
    compared = sum(s.base.end - s.base.start for s in sections)
    return sum(len(c.base_text) for c in changes if c.kind is Kind.CONTENT) / compared if compared else 0.0


def _alarm(similarity: float, share: float) -> Reason | None:
    """The one rule behind :func:`alarm` and the ending's first warning."""
    if similarity < UNRELATED_BELOW:
        return because("unrelated_editions", shared=f"{similarity:.0%}")
    if share > SCRAMBLED_ABOVE:
        return because("reading_order", share=f"{share:.0%}", shared=f"{similarity:.0%}")
    return None


def iter_compare(base: Edition, reference: Edition, pairs: list[SectionPair] | None = None,
                 evidence: Evidence | None = None) -> Iterator[SectionResult]:
    """Yield each section pair's changes in document order (of ``pairs``, when the caller
    has aligned the sections already; judged with ``evidence``, when the caller gathered it
    to keep its channel model).

    Every section is diffed before the first is judged (:func:`_all_diffed`): the channel
    model learns from the whole alignment first."""
    pairs = align_sections(base, reference) if pairs is None else pairs
    evidence = evidence or Evidence.of(base, reference)
    diffed = _all_diffed(base, reference, pairs, evidence)
    words = evidence.words
    aligned = _aligned(diffed)
    words.channel.learn_aligned(aligned, words.reference)
    words.learn_readings(aligned)
    for index, pair in enumerate(pairs):
        current = diffed[index]
        assert current is not None
        diffed[index] = None  # judged once: its texts and hunks go with its changes
        changes = _judged(base, pair, evidence, current)
        yield SectionResult(index, len(pairs), pair, changes, current.common, current.words)


def _all_diffed(base: Edition, reference: Edition, pairs: list[SectionPair], evidence: Evidence) -> list[_Diffed | None]:
    """Every section pair diffed before any is judged: the channel model learns from the
    whole alignment first (:meth:`Channel.learn_aligned`), so every section is judged with
    the same model. Each section is diffed with the next one at hand, so that words the OCR
    set apart after the next heading go back to the section they came from
    (:func:`app.compare.fragments.find_across`); then its tokens are let go (only its texts
    and hunks are judged)."""
    out: list[_Diffed | None] = []
    last: _Diffed | None = None
    for pair in pairs:
        current = _diffed(base, reference, pair, evidence)
        if last is not None:
            _link(last, current)
            last.release()
        out.append(current)
        last = current
    if last is not None:
        last.release()
    return out


def _aligned(diffed: Iterable[_Diffed | None]) -> Counter[tuple[str, str]]:
    """How often the sections' diffs set each ``(base, reference)`` token pair one against the
    other: each hunk's pieces (:func:`app.judge.refine.pieces`), their blank space stripped.
    A report repeats its misreads: each distinct hunk is cut once."""
    hunks: Counter[tuple[str, str]] = Counter()
    for diff in diffed:
        if diff is not None and not diff.whole:
            b_text, r_text = diff.b_text, diff.r_text
            hunks.update((b_text[b0:b1], r_text[r0:r1]) for b0, b1, r0, r1 in diff.raw)
    out: Counter[tuple[str, str]] = Counter()
    for (bt, rt), n in hunks.items():
        for p in pieces(bt, rt):
            out[bt[p[0]:p[1]].strip(), rt[p[2]:p[3]].strip()] += n
    return out


class _Diffed:
    """A section pair's first stage: its texts, furniture walls, moves and raw diff (the
    diff of the texts with the walls and the moves' words masked). A plain class with slots:
    nothing compares or prints one, and its dataclass cost 2.3 M instructions at every import."""

    __slots__ = ("b_text", "r_text", "b_tokens", "r_tokens", "walls", "moves", "raw", "common", "words", "whole",
                 "view")

    def __init__(self, b_text: str, r_text: str, b_tokens: Tokenized, r_tokens: Tokenized,
                 walls: list[tuple[int, int]], moves: list[Move], raw: list[Hunk], common: int, words: int,
                 whole: bool) -> None:
        self.b_text, self.r_text, self.b_tokens, self.r_tokens = b_text, r_text, b_tokens, r_tokens
        self.walls, self.moves, self.raw = walls, moves, raw
        self.common, self.words = common, words
        self.whole = whole  # too different to diff by word: one replacement
        self.view: Diff | None = None

    def rediff(self) -> None:
        """The raw diff again, with the moves' words masked (minimal: an equal word between two
        masked runs is the same word, not a coincidence to fold into them)."""
        b, r = masked(self.b_tokens, self.r_tokens, self.moves)
        self.raw = diff_anchored(b, r)
        self.view = Diff(self.raw, b, r)

    def release(self) -> None:
        """Let the tokens go once the diff is final (the judging reads texts and hunks)."""
        self.b_tokens = self.r_tokens = None  # type: ignore[assignment]
        self.view = None

    def masked_view(self) -> Diff:
        """The raw diff with the texts as it was made (the moves' words masked)."""
        if self.view is None:
            self.view = Diff(self.raw, *masked(self.b_tokens, self.r_tokens, self.moves))
        return self.view


def _diffed(base: Edition, reference: Edition, pair: SectionPair, evidence: Evidence) -> _Diffed:
    walls = evidence.walls(pair.base)
    b_text = pair.base.slice(base.text)
    r_text = pair.reference.slice(reference.text)
    b_tokens, r_tokens = Tokenized.of(b_text), Tokenized.of(r_text)
    common, words = _word_overlap(b_tokens, r_tokens)
    if words and common / words < SECTION_DIFF_BELOW and min(len(b_text), len(r_text)) > 2000:
        return _Diffed(b_text, r_text, b_tokens, r_tokens, walls, [], [Hunk(0, len(b_text), 0, len(r_text))],
                       common, words, True)
    b_tokens = mask(b_tokens, walls, "\x03")  # furniture aligns with nothing: it stands alone
    diffed = _Diffed(b_text, r_text, b_tokens, r_tokens, walls, [], diff_tokenized(b_tokens, r_tokens),
                     common, words, False)
    if one_sided_both_ways(diffed.raw, b_tokens, r_tokens):
        diffed.moves = find_moves(diffed.raw, b_tokens, r_tokens)
        if diffed.moves:
            diffed.rediff()
    for again in range(FRAGMENT_ROUNDS):  # a piece put back can leave its neighbour a block of its own
        fragments = find_fragments(diffed.masked_view(), whole_lines=bool(again))
        if not fragments:
            break
        diffed.moves = sorted(diffed.moves + fragments, key=lambda m: m.base)
        diffed.rediff()
    return diffed


#: how many times words set apart are looked for again once the found ones are put back
FRAGMENT_ROUNDS = 3


def _link(earlier: _Diffed, later: _Diffed) -> None:
    """Words set apart in ``later`` that ``earlier`` lacks become a move across the two."""
    if earlier.whole or later.whole:
        return
    to_earlier, to_later = find_across(earlier.masked_view(), later.masked_view())
    if to_earlier:
        earlier.moves = earlier.moves + to_earlier
        later.moves = sorted(later.moves + to_later, key=lambda m: m.base)
        earlier.rediff()
        later.rediff()


def _judged(base: Edition, pair: SectionPair, evidence: Evidence, diffed: _Diffed) -> tuple[Change, ...]:
    """The second stage: the raw diff cut, judged and joined into changes."""
    b_text, r_text, walls, moves = diffed.b_text, diffed.r_text, diffed.walls, diffed.moves
    before, words = _before(base, pair), evidence.words
    doubted = doubt_reader(base, pair.base.start)

    def _judge(hunk: tuple[int, int, int, int]) -> Classification:
        b0, b1, r0, r1 = hunk
        moved = _moved(hunk, b_text, r_text, moves) if moves else None
        if moved is not None:
            return judge_move(moved, b_text, r_text, hunk, evidence)
        return classify(b_text[b0:b1], r_text[r0:r1], b_text[b0 - 1:b0] if b0 else before,
                        b_text[b1:b1 + 1], is_wall(b0, b1, b_text, walls) if walls else False, words,
                        doubted(b0, b1))

    # each hunk judged once (a Hunk and its plain tuple are one key), then read in C
    verdicts: Memo[tuple[int, int, int, int], Classification] = Memo(_judge)
    judge = verdicts.__getitem__

    def content(hunk: tuple[int, int, int, int]) -> bool:
        return verdicts[hunk].kind is Kind.CONTENT

    edits: set[Hunk] = set()
    hunks = diffed.raw if diffed.whole else refine(
        diffed.raw, b_text, r_text, walls + [m.base for m in moves], content, [m.reference for m in moves], edits,
        lambda h: holds_edit(b_text[h[0]:h[1]], r_text[h[2]:h[3]], words))
    for edit in edits:  # a piece holding an edit for the editor is one, whatever its looks
        if not content(edit):
            verdicts[edit] = _joined_edit(b_text[edit[0]:edit[1]], r_text[edit[2]:edit[3]])
    # most sections have neither furniture nor a move: nothing to check a hunk against
    barrier = None if not (walls or moves) else (
        lambda h: is_wall(h[0], h[1], b_text, walls) or _moved(h, b_text, r_text, moves) is not None)
    hunks = _whole_numbers(_whole_words(hunks, b_text, r_text, judge, barrier), b_text, r_text, judge, barrier)
    joined: set[tuple[int, int, int, int]] = set()
    editorial = content if not moves else lambda h: content(h) and _moved(h, b_text, r_text, moves) is None
    hunks = _one_edit(_whole_clusters(hunks, base, pair), b_text, r_text, editorial, joined, barrier,
                      lambda h: verdicts[h].reason == WORD_LIKE)
    seen: dict[tuple[str, str], int] = {}  # a dict, not a Counter: no __missing__ call per change
    out: list[Change] = []
    b_start, r_start = pair.base.start, pair.reference.start
    key = pair.key
    for hunk in hunks:
        b0, b1, r0, r1 = hunk
        texts = bt, rt = b_text[b0:b1], r_text[r0:r1]
        verdict = _joined_edit(bt, rt) if joined and hunk in joined else verdicts[hunk]
        if verdict.kind is Kind.CONTENT:
            verdict = print_repaired(verdict, bt, rt, words)
        seen[texts] = occurrence = seen.get(texts, 0) + 1
        out.append(Change(  # the fields by position (keywords cost a third more per change)
            change_id(key, bt, rt, occurrence), key, Span(b_start + b0, b_start + b1),
            Span(r_start + r0, r_start + r1), bt, rt, verdict.kind, verdict.suggestion,
            verdict.confidence, verdict.pattern, verdict.reason, verdict.touches_number))
    return tuple(unglued(out, b_text, r_text, (b_start, r_start)))


def _whole_words(hunks: Sequence[Hunk], b_text: str, r_text: str, judge: Callable[[Hunk], Classification],
                 barrier: Callable[[Hunk], bool] | None) -> list[Hunk]:
    """Pieces of one word joined again where a piece alone is left to the editor but the word
    whole is not: ``bla.`` against ``bl.a.`` cut as ``bla``/``bl`` and a lone ``a.`` inserted
    (text in one edition only) is, whole, an abbreviation whose dots the OCR lost. A word is
    the unit an OCR misreads; the pieces stand when the word whole is content too. So are two
    pieces that together differ only in blank space: ``samti`` against ``samt i`` cut as
    ``samti``/``samt`` and a lone ``i`` inserted is one space the OCR lost. A ``barrier`` hunk
    (None: there is none) is never joined."""
    out: list[Hunk] = []
    for hunk in hunks:
        # the verdicts first: most neighbours are two misreads, and their verdicts are read
        # from the memo, where the text tests slice and search (every hunk is judged anyway)
        if (out and hunk[0] - out[-1][1] <= 2
                and (judge(out[-1]).kind is Kind.CONTENT or judge(hunk).kind is Kind.CONTENT)
                and (_same_word(out[-1], hunk, b_text, r_text) or _only_spacing(out[-1], hunk, b_text, r_text))
                and (barrier is None or not barrier(out[-1]) and not barrier(hunk))):
            merged = (out[-1][0], hunk[1], out[-1][2], hunk[3])
            if judge(merged).kind is not Kind.CONTENT:
                out[-1] = merged
                continue
        # across a blank-only change: ``Ila`` + a line break against ``Il`` + a space + ``a``
        # is one space the OCR lost (the lone ``a`` was content, and joined the next edit)
        if (len(out) > 1 and _touching(out[-1], hunk) and _touching(out[-2], out[-1])
                and not (b_text[out[-1][0]:out[-1][1]] + r_text[out[-1][2]:out[-1][3]]).strip()
                and judge(hunk).kind is Kind.CONTENT and _only_spacing(out[-2], hunk, b_text, r_text)
                and (barrier is None or not barrier(out[-2]) and not barrier(hunk))):
            merged = (out[-2][0], hunk[1], out[-2][2], hunk[3])
            if judge(merged).kind is not Kind.CONTENT:
                out[-2:] = [merged]
                continue
        out.append(hunk)
    return out


def _whole_numbers(hunks: Sequence[Hunk], b_text: str, r_text: str, judge: Callable[[Hunk], Classification],
                   barrier: Callable[[Hunk], bool] | None) -> list[Hunk]:
    """A number that differs, widened to the whole number, with the pieces of it the cut set
    apart joined in: ``5 940`` against the draft's ``5\u00a0490`` was cut as a typography change
    (the no-break space) and ``940`` -> ``490``, and the editor saw part of a number. A number
    is digits and the separators between two of them (:func:`app.judge.digits.within_number`). A ``barrier`` hunk
    (a folio in the page furniture, a move) is left as it is."""
    numbers = [judge(hunk).touches_number for hunk in hunks]
    if not any(numbers):
        return list(hunks)  # most sections of a report: no number differs
    out: list[Hunk] = []
    last_is_number = False  # whether ``out[-1]`` is a number this pass made whole
    for k, hunk in enumerate(hunks):
        after = hunks[k + 1] if k + 1 < len(hunks) else None
        if numbers[k] and _numeric(hunk, b_text, r_text) and (barrier is None or not barrier(hunk)):
            b0, b1, r0, r1 = hunk
            while out and _touching(out[-1], (b0, b1, r0, r1)) and _separator_inside(out[-1], b_text, r_text):
                b0, _, r0, _ = out.pop()  # a separator changed inside the number, right before it
            out.append(_widened((b0, b1, r0, r1), b_text, r_text, out[-1] if out else None, after))
            last_is_number = True
        elif last_is_number and _touching(out[-1], hunk) and _separator_inside(hunk, b_text, r_text):
            out[-1] = _widened((out[-1][0], hunk[1], out[-1][2], hunk[3]), b_text, r_text,
                               out[-2] if len(out) > 1 else None, after)
        else:
            out.append(hunk)
            last_is_number = False
    return out


def _widened(hunk: Hunk, b_text: str, r_text: str, before: Hunk | None, after: Hunk | None) -> Hunk:
    """``hunk`` grown over the equal text around it that is still its number, between the
    hunks ``before`` and ``after`` it (None: the section's ends)."""
    b0, b1, r0, r1 = hunk
    low_b, low_r = (before[1], before[3]) if before else (0, 0)
    high_b, high_r = (after[0], after[2]) if after else (len(b_text), len(r_text))
    while b0 > low_b and r0 > low_r and b_text[b0 - 1] == r_text[r0 - 1] and within_number(b_text, b0 - 1):
        b0, r0 = b0 - 1, r0 - 1
    while b1 < high_b and r1 < high_r and b_text[b1] == r_text[r1] and within_number(b_text, b1):
        b1, r1 = b1 + 1, r1 + 1
    return b0, b1, r0, r1


def _numeric(hunk: Hunk, b_text: str, r_text: str) -> bool:
    """Both texts of ``hunk`` are digits and separators only (no word, no line break)."""
    texts = _both(hunk, b_text, r_text)
    return bool(texts) and all(ch.isdigit() or ch in NUMBER_SEPARATORS for ch in texts)


def _separator_inside(hunk: Hunk, b_text: str, r_text: str) -> bool:
    """``hunk`` changes only a separator, and a digit stands right before and after it (on the
    base side; the text around a hunk is the same on both)."""
    texts, b0, b1 = _both(hunk, b_text, r_text), hunk[0], hunk[1]
    return (bool(texts) and all(ch in NUMBER_SEPARATORS for ch in texts) and 0 < b0 and b1 < len(b_text)
            and b_text[b0 - 1].isdigit() and b_text[b1].isdigit())


def _both(hunk: Hunk, b_text: str, r_text: str) -> str:
    """The base's and the reference's text of ``hunk``, one after the other."""
    return b_text[hunk[0]:hunk[1]] + r_text[hunk[2]:hunk[3]]


def _touching(first: Hunk, second: Hunk) -> bool:
    """``second`` starts where ``first`` ends, in both texts."""
    return first[1] == second[0] and first[3] == second[2]


def _same_word(first: Hunk, second: Hunk, b_text: str, r_text: str) -> bool:
    """Nothing but a few marks of one word stand between the two hunks, on both sides, and
    neither holds blank space."""
    if second[2] - first[3] != second[0] - first[1]:
        return False  # what stands between differs in length: not the same marks
    between_b, between_r = b_text[first[1]:second[0]], r_text[first[3]:second[2]]
    return (len(between_b) <= 2 and between_b == between_r
            and _BLANK.search(b_text, first[0], second[1]) is None
            and _BLANK.search(r_text, first[2], second[3]) is None)


def _only_spacing(first: Hunk, second: Hunk, b_text: str, r_text: str) -> bool:
    """From the first hunk's start to the second's end the two texts are the same letters, and
    only their blank space differs."""
    return (_BLANK.sub("", b_text[first[0]:second[1]]) == _BLANK.sub("", r_text[first[2]:second[3]])
            and b_text[first[0]:second[1]] != r_text[first[2]:second[3]])


#: a character ``str.isspace`` calls blank (``\s`` of a ``str`` pattern is the same test)
_BLANK = re.compile(r"\s")


#: content changes with at most this many words between them are one edit for the editor
EDIT_GAP_WORDS = 10


def _joined_edit(base_text: str, reference_text: str) -> Classification:
    """The classification of content changes joined into one edit (:func:`_one_edit`)."""
    return Classification(Kind.CONTENT, None, 0.9, reason=because("different_text"),
                          touches_number=touches_number(base_text, reference_text))


def _one_edit(hunks: Iterable[Hunk], b_text: str, r_text: str, editorial: Callable[[Hunk], bool],
              joined: set[Hunk], barrier: Callable[[Hunk], bool] | None,
              leaning: Callable[[Hunk], bool] = lambda _h: False) -> list[Hunk]:
    """Content changes a few words apart joined into one, with what stands between them.

    A reordered or reworded sentence often comes out of the diff as a deletion here and an
    insertion a few words on, with a misread word or two between: one edit, which the editor
    decides as one (and which keeps its print text whole). So is blank space that differs
    right beside an edit (``vara fängelse i …`` against ``vara`` + `` lägst … fängelse``: the
    space taken alone and the edit kept would leave ``varafängelse``), and a word one blank
    from an edit that only ``leaning`` calls a misread (a form of the reference's word that
    the reword changed: ``zgłaszają potrzebę tworzenia`` against ``proszą o tworzenie``).
    The joined hunks are added to ``joined``: they are content whatever their texts would be
    judged alone. A ``barrier`` (page furniture, half of a move; None: there is none) is
    never swallowed."""
    out: list[tuple[int, int, int, int]] = []
    last: int | None = None  # where in ``out`` the last content change stands

    def beside(edit: Hunk, other: Hunk) -> bool:
        """``other`` goes with ``edit``: a differing blank touching it, or a leaning word one
        blank away (before or after it)."""
        first, second = (edit, other) if edit <= other else (other, edit)  # in document order
        return (_space_beside(edit, other, b_text, r_text)
                or not b_text[first[1]:second[0]].strip() and leaning(other))

    for hunk in hunks:
        if not editorial(hunk):
            if barrier is not None and barrier(hunk):
                last = None
            elif last == len(out) - 1 and beside(out[-1], hunk):
                out[-1] = _join(out[-1], hunk, joined)
                continue
            out.append(hunk)
            continue
        if last is not None and word_count(b_text, out[last][1], hunk[0]) <= EDIT_GAP_WORDS:
            first = out[last]
            del out[last:]
            hunk = _join(first, hunk, joined)
        elif out and beside(hunk, out[-1]) and not (barrier is not None and barrier(out[-1])):
            hunk = _join(out.pop(), hunk, joined)
        last = len(out)
        out.append(hunk)
    return out


def _join(first: Hunk, second: Hunk, joined: set[Hunk]) -> Hunk:
    """The two hunks and what stands between them, as one edit (recorded in ``joined``)."""
    joined.discard(first)
    joined.discard(second)
    hunk = (first[0], second[1], first[2], second[3])
    joined.add(hunk)
    return hunk


def _space_beside(edit: Hunk, other: Hunk, b_text: str, r_text: str) -> bool:
    """``other`` touches ``edit`` (right before or after it) and is blank space one edition
    has and the other lacks (taken alone it would glue two words or part one; a blank that is
    merely other blank is layout on its own)."""
    b, r = b_text[other[0]:other[1]], r_text[other[2]:other[3]]
    return (_touching(other, edit) or _touching(edit, other)) and (not b or not r) and not (b + r).strip()


def _whole_clusters(hunks: Iterable[Hunk], base: Edition, pair: SectionPair) -> list[Hunk]:
    """``hunks`` widened so none starts or ends inside a stretch NFC rewrote (``nfc_patches``):
    a change keeping the base then gives the file's own code points, and "all rejected" is the
    base byte for byte. Text between hunks reads the same on both sides, so widening both
    sides by the same amount keeps the tiling; hunks that come to touch are joined."""
    patches = [(a - pair.base.start, b - pair.base.start) for a, b, _ in base.nfc_patches
               if b > pair.base.start and a < pair.base.end]
    if not patches:
        return list(hunks)
    starts = [a for a, _ in patches]
    out: list[tuple[int, int, int, int]] = []
    for b0, b1, r0, r1 in hunks:
        k = bisect_right(starts, b0) - 1
        if k >= 0 and patches[k][0] < b0 < patches[k][1]:
            r0 -= b0 - patches[k][0]
            b0 = patches[k][0]
        k = bisect_right(starts, b1 - 1) - 1 if b1 > b0 else -1
        if k >= 0 and patches[k][0] < b1 < patches[k][1]:
            r1 += patches[k][1] - b1
            b1 = patches[k][1]
        if out and (b0 < out[-1][1] or r0 < out[-1][3]):
            p0, _p1, q0, _q1 = out.pop()
            b0, r0 = p0, q0
        out.append((b0, b1, r0, r1))
    return out


def _moved(hunk: tuple[int, int, int, int], b_text: str, r_text: str,
           moves: list[Move]) -> tuple[Move, bool] | None:
    """The move whose paragraph this hunk is, with True for its base half (moved away)."""
    b0, b1, r0, r1 = hunk
    for move in moves:
        if _covers(b0, b1, move.base, b_text) and not r_text[r0:r1].strip():
            return move, True
        if _covers(r0, r1, move.reference, r_text) and not b_text[b0:b1].strip():
            return move, False
    return None


def _covers(start: int, end: int, span: tuple[int, int], text: str) -> bool:
    return start <= span[0] and span[1] <= end and not (text[start:span[0]] + text[span[1]:end]).strip()


def change_id(section_key: str, base_text: str, ref_text: str, occurrence: int) -> str:
    """A stable id: the same difference, in the same section, the n-th time it occurs."""
    digest = hashlib.blake2b(f"{section_key}\0{base_text}\0{ref_text}\0{occurrence}".encode(),
                             digest_size=8)
    return digest.hexdigest()


def _before(base: Edition, pair: SectionPair) -> str:
    start = pair.base.start
    return base.text[start - 1:start] if start else "\n"


def _word_overlap(a: Tokenized, b: Tokenized) -> tuple[int, int]:
    """Folded words the two texts share, and the larger word count (a cheap similarity)."""
    words_a, words_b = a.word_keys(), b.word_keys()
    shared = words_a.keys() & words_b.keys()  # the smaller count of each shared word, in C
    common = sum(map(min, map(words_a.__getitem__, shared), map(words_b.__getitem__, shared)))
    return common, max(sum(words_a.values()), sum(words_b.values()))


def kinds_count(changes: tuple[Change, ...] | list[Change]) -> dict[Kind, int]:
    """How many changes there are of each kind (every kind present, zeros included)."""
    counts = Counter(c.kind for c in changes)
    return {kind: counts.get(kind, 0) for kind in Kind}
