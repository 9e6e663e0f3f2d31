"""Unnumbered headings inside a numbered outline: the sub-headings a numbered report gives no number.

Contract: :func:`nest` takes the heading pairs ``(base, reference)`` of a numbered outline (in
document order on both sides, as :func:`app.sections.align_sections` pairs them) and returns
them with the reference's unnumbered headings added as pairs of their own, right after the
numbered heading they stand under, still in document order on both sides.

Which headings: those the reference's format marks (Word's heading styles, ``Edition.headings``)
that stand on no numbered heading's line; else its layout headings
(:func:`app.unnumbered.layout_headings`, short lines alone, and the long ones the base sets
apart too) after the first numbered heading, and the one that opens the text (the title).
Before the first numbered heading a report has a title page or a letterhead, whose short
lines (addressee, signature) are no outline.

Each heading is looked for only inside its own numbered section in the base, and kept only
where a base line there matches its title (fuzzy: OCR-damaged), alone or with the lines it
wraps onto; a long one only where the base sets it apart as a block of its own. A numbered
section's bounds never move, and a heading the base does not show makes no section, so
every added section is paired.
The search is a direct one over the lines of the base section at a block's edge
(:class:`_Rows`; a section with no heading to look for is never split into lines), not a
word alignment of the section: a heading is a line whose whole text is its title, which a
fuzzy ratio tells in C, while aligning every section word by word cost more than finding
the numbered outline itself. Where titles compete for lines, the lines are given in order
for the highest total match (:func:`_in_order`), the nearer to the heading's proportional
place winning a tie.

Imports: the standard library, rapidfuzz, :mod:`app.model`, :mod:`app.unnumbered`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, compress
from operator import not_

from rapidfuzz import fuzz, process

from app.model import Heading, Span
from app.unnumbered import LAYOUT, Layout, fold_title, fold_title_lines, headings_by_length

Pair = tuple[Heading | None, Heading | None]


def nest(base: str, reference: str, pairs: Sequence[Pair], marked: Sequence[Heading] = (),
         layout: Layout = LAYOUT) -> list[Pair]:
    """``pairs`` with the reference's unnumbered headings added where the base shows them."""
    short, long = _unnumbered(reference, [r for _, r in pairs if r is not None], marked, layout)
    if not short and not long:
        return list(pairs)
    anchors = [k for k, (b, r) in enumerate(pairs) if b is not None and r is not None]
    cuts = [0, *anchors, len(pairs)]  # the front, then one run of pairs per anchor
    wanted = _Wanted(short, long)
    lines = _BaseLines(base, layout)
    nested: list[Pair] = []
    for lo, hi in zip(cuts, cuts[1:]):
        run = list(pairs[lo:hi])
        head = run[:1] if lo or anchors[:1] == [0] else []  # the numbered heading both editions have
        after = pairs[hi] if hi < len(pairs) else None
        found = _inside(lines, _bounds(head, after, len(base), len(reference)), wanted)
        rest = run[len(head):]
        nested.extend(head + _before(found, rest) + rest)
    return nested


def _unnumbered(reference: str, numbered: Sequence[Heading], marked: Sequence[Heading],
                layout: Layout) -> tuple[list[Heading], list[Heading]]:
    """The reference's unnumbered headings: short (or marked) ones, and long ones."""
    spans = sorted((h.span.start, h.span.end) for h in numbered)
    firsts = [start for start, _ in spans]

    def free(h: Heading) -> bool:  # on no numbered heading's lines
        k = bisect_right(firsts, h.span.end) - 1
        return k < 0 or spans[k][1] < reference.rfind("\n", 0, h.span.start) + 1

    if marked:
        return [h for h in marked if free(h)], []
    first = firsts[0] if firsts else len(reference)

    def placed(h: Heading) -> bool:  # under a numbered heading, or the text's title
        return free(h) and (h.span.start > first or not reference[: h.span.start].strip())

    short, long = headings_by_length(reference, layout)
    return [h for h in short if placed(h)], [h for h in long if placed(h)]


def _bounds(head: Sequence[Pair], after: Pair | None, base_len: int,
            ref_len: int) -> tuple[Span, Span]:
    """Where a run's unnumbered headings may stand, base and reference: from the end of its
    numbered heading (or the text's start) to the start of the next one both editions have."""
    b, r = head[0] if head else (None, None)
    nb, nr = after if after is not None else (None, None)
    return (Span(b.span.end if b else 0, nb.span.start if nb else base_len),
            Span(r.span.end if r else 0, nr.span.start if nr else ref_len))


class _Wanted:
    """The headings to look for, short and long, in document order, found by place."""

    def __init__(self, short: Sequence[Heading], long: Sequence[Heading]) -> None:
        self.headings = sorted([*((h, False) for h in short), *((h, True) for h in long)],
                               key=lambda m: m[0].span.start)
        self.firsts = [h.span.start for h, _ in self.headings]

    def within(self, span: Span) -> list[tuple[Heading, bool]]:
        """Those that stand inside ``span``, each with whether it is a long one."""
        lo, hi = bisect_left(self.firsts, span.start), bisect_left(self.firsts, span.end)
        return [(h, is_long) for h, is_long in self.headings[lo:hi] if h.span.end <= span.end]


def _inside(lines: _BaseLines, bounds: tuple[Span, Span], wanted: _Wanted) -> list[Pair]:
    """The unnumbered headings within the reference's bounds, found within the base's."""
    b_span, r_span = bounds
    if not b_span or not r_span:
        return []
    mine = wanted.within(r_span)
    if not mine:  # most numbered sections: nothing to look for
        return []
    rows = lines.within(b_span)
    scale = len(b_span) / len(r_span)
    options = []
    for heading, is_long in mine:
        expected = b_span.start + (heading.span.start - r_span.start) * scale  # its proportional place
        options.append([(score, -abs(rows.start(i) - expected), i)
                        for score, i in rows.matches(heading.title, is_long)])
    return [(rows.heading(i), h) for (h, _), i in zip(mine, _in_order(options)) if i is not None]


def _before(found: list[Pair], rest: Sequence[Pair]) -> list[Pair]:
    """Those of ``found`` that stand before every heading of ``rest`` on both sides (the
    one-sided headings of the run), so the outline stays in order."""
    if not found:
        return []
    b_end = min((b.span.start for b, _ in rest if b is not None), default=None)
    r_end = min((r.span.start for _, r in rest if r is not None), default=None)
    return [(b, r) for b, r in found if b is not None and r is not None
            and (b_end is None or b.span.end <= b_end) and (r_end is None or r.span.end <= r_end)]


#: a chain of lines taken in order: its last line, its worth (total score, total closeness), the lines
_Chain = tuple[int, tuple[float, float], tuple[int | None, ...]]


def _in_order(options: Sequence[Sequence[tuple[float, float, int]]]) -> list[int | None]:
    """For each heading in turn, the line it takes of its ``options`` (``(score, closeness,
    line)``), or None: lines strictly increasing, for the highest total score, then closeness.

    Taking each heading's best line in turn would let one title take the next one's line
    (``Effekter – A`` reads close to ``Effekter – B``) where its own is damaged, and lose the
    next heading. So a small dynamic programme over the few lines that match some title."""
    frontier: list[_Chain] = [(-1, (0.0, 0.0), ())]
    for opts in options:
        lasts = [last for last, _, _ in frontier]
        chains = [(last, worth, (*taken, None)) for last, worth, taken in frontier]  # it takes none
        for score, closeness, k in opts:
            _, (total, near), taken = frontier[bisect_left(lasts, k) - 1]  # the best ending before k
            chains.append((k, (total + score, near + closeness), (*taken, k)))
        frontier = _pareto(chains)
    return list(frontier[-1][2])


def _pareto(chains: list[_Chain]) -> list[_Chain]:
    """The chains by last line, each worth more than every one before it: a chain that ends
    later and is worth no more is never the better one to extend."""
    kept: list[_Chain] = []
    for chain in sorted(chains, key=lambda c: (c[0], -c[1][0], -c[1][1])):
        if not kept or chain[1] > kept[-1][1]:
            kept.append(chain)
    return kept


def _edge_lines(blank: Sequence[bool], count: int) -> list[int]:
    """Of the first ``count`` lines (``blank`` tells which are blank, past them too), those
    at a block's edge: not blank, and the first line or next to a blank line or the end."""
    edges = {0, len(blank) - 1}
    for k in compress(range(len(blank)), blank):
        edges.update((k - 1, k + 1))
    return sorted(k for k in edges if 0 <= k < count and not blank[k])


def _block_size(blank: Sequence[bool], k: int, most: int) -> int:
    """How many lines the block from line ``k`` takes up to a blank line, if at most
    ``most``; else ``most + 1``."""
    window = blank[k : k + most + 1]
    return window.index(True) if True in window else len(window)


class _BaseLines:
    """The base text, searched for titles one numbered section at a time: only a section
    that has some is split into lines and folded (:class:`_Rows`)."""

    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.layout = layout

    def within(self, span: Span) -> _Rows:
        """The lines that start inside ``span``, ready to be searched for titles."""
        text = self.text
        first = span.start if span.start == 0 or text[span.start - 1] == "\n" else \
            text.find("\n", span.start, span.end) + 1 or span.end  # the first line starting inside
        if first >= span.end:
            return _Rows([], 0, first, True, self.layout)
        count = text.count("\n", first, span.end - 1) + 1
        end = span.end - 1  # then the lines a block that starts on the last one may take
        for _ in range(self.layout.block_lines + 1):
            end = text.find("\n", end + 1)
            if end < 0:
                end = len(text)
                break
        after_blank = not first or not text[text.rfind("\n", 0, first - 1) + 1 : first - 1].strip()
        return _Rows(text[first:end].split("\n"), count, first, after_blank, self.layout)


class _Rows:
    """The lines of a run that stand at a block's edge (a blank line, or the run's edge,
    above or below), each folded, and the short blocks they open, folded too: what a title
    is compared with, for all the titles of a numbered section at once. A heading stands at
    a block's edge, where the OCR ran it on into the text or not, so a paragraph's inner
    lines are never folded, and most of a section is never looked at."""

    def __init__(self, lines: list[str], count: int, first: int, after_blank: bool,
                 layout: Layout) -> None:
        """``lines``: the run's ``count`` lines from offset ``first``, then the few after it
        that a block opened in the run may take; ``after_blank``: a blank line (or the text's
        start) stands before the first."""
        self.layout, self.lines = layout, lines
        blank = list(map(not_, map(str.strip, lines)))  # found in C: most lines are no row
        sums = list(accumulate(map(len, lines[:count]), initial=0))  # each line's start, less its breaks
        self.rows = [(k, first + k + sums[k]) for k in _edge_lines(blank, count)]
        self.folded: list[str] = []
        self.blocks: list[str] = []
        for k, _ in self.rows:
            size = _block_size(blank, k, layout.block_lines) if (blank[k - 1] if k else after_blank) else 0
            opens = 0 < size <= layout.block_lines
            folded = fold_title_lines("\n".join(lines[k : k + size]) if opens else lines[k])
            self.folded.append(" ".join(folded[0].split()))
            self.blocks.append(" ".join(" ".join(folded).split()) if opens else "")

    def matches(self, title: str, long: bool) -> list[tuple[float, int]]:
        """``(score, row)`` for each row (an index of :attr:`rows`) that shows ``title``: alone
        or with the lines it wraps onto; a long title only as a block of its own."""
        want = fold_title(title)
        scores: dict[int, float] = {}
        for choices in (self.blocks,) if long else (self.blocks, self.folded):
            for _, score, i in process.extract(want, choices, scorer=fuzz.ratio, processor=None,
                                               score_cutoff=self.layout.title_match, limit=None):
                scores[i] = max(scores.get(i, 0.0), score)
        return [(score, i) for i, score in sorted(scores.items()) if score]

    def start(self, i: int) -> int:
        return self.rows[i][1]

    def heading(self, i: int) -> Heading:
        k, start = self.rows[i]
        line = self.lines[k]  # indent and specks before the title are the heading's
        return Heading("", line.strip(), Span(start, start + len(line.rstrip())))
