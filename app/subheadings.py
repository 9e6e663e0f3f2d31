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

Each heading is looked for only inside its own numbered section in the base (a word
alignment of the two sections, :func:`app.unnumbered.locate`) and kept only where a base
line there matches its title: a numbered section's bounds never move, and a heading the base
does not show makes no section, so every added section is paired.

Imports: the standard library, :mod:`app.model`, :mod:`app.unnumbered`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from app.model import Heading, Span
from app.unnumbered import LAYOUT, Layout, layout_headings, locate

Pair = tuple[Heading | None, Heading | None]


def nest(base: str, reference: str, pairs: Sequence[Pair], marked: Sequence[Heading] = (),
         layout: Layout = LAYOUT) -> list[Pair]:
    """``pairs`` with the reference's unnumbered headings added where the base shows them."""
    short, long = _unnumbered(reference, [r for _, r in pairs if r is not None], marked, layout)
    if not short and not long:
        return list(pairs)
    anchors = [k for k, (b, r) in enumerate(pairs) if b is not None and r is not None]
    cuts = [0, *anchors, len(pairs)]  # the front, then one run of pairs per anchor
    nested: list[Pair] = []
    for lo, hi in zip(cuts, cuts[1:]):
        run = list(pairs[lo:hi])
        head = run[:1] if lo in anchors else []  # the numbered heading both editions have
        after = pairs[hi] if hi < len(pairs) else None
        found = _inside(base, reference, _bounds(head, after, len(base), len(reference)),
                        short, long, layout)
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

    return ([h for h in layout_headings(reference, layout) if placed(h)],
            [h for h in layout_headings(reference, layout, long=True) if placed(h)])


def _bounds(head: Sequence[Pair], after: Pair | None, base_len: int,
            ref_len: int) -> tuple[Span, Span]:
    """Where a run's unnumbered headings may stand, base and reference: from the end of its
    numbered heading (or the text's start) to the start of the next one both editions have."""
    b, r = head[0] if head else (None, None)
    nb, nr = after if after is not None else (None, None)
    return (Span(b.span.end if b else 0, nb.span.start if nb else base_len),
            Span(r.span.end if r else 0, nr.span.start if nr else ref_len))


def _inside(base: str, reference: str, bounds: tuple[Span, Span], short: Sequence[Heading],
            long: Sequence[Heading], layout: Layout) -> list[Pair]:
    """The unnumbered headings within the reference's bounds, found within the base's."""
    b_span, r_span = bounds
    if not b_span or not r_span:
        return []
    mine = [[_shifted(h, -r_span.start) for h in hs if r_span.start <= h.span.start and h.span.end <= r_span.end]
            for hs in (short, long)]
    if not mine[0] and not mine[1]:
        return []
    found = locate(b_span.slice(base), r_span.slice(reference), mine[0], mine[1], layout)
    return [(_shifted(b, b_span.start), _shifted(r, r_span.start)) for b, r in found if b and r]


def _before(found: list[Pair], rest: Sequence[Pair]) -> list[Pair]:
    """Those of ``found`` that stand before every heading of ``rest`` on both sides (the
    one-sided headings of the run), so the outline stays in order."""
    b_end = min((b.span.start for b, _ in rest if b is not None), default=None)
    r_end = min((r.span.start for _, r in rest if r is not None), default=None)
    return [(b, r) for b, r in found if b is not None and r is not None
            and (b_end is None or b.span.end <= b_end) and (r_end is None or r.span.end <= r_end)]


def _shifted(heading: Heading, by: int) -> Heading:
    return replace(heading, span=Span(heading.span.start + by, heading.span.end + by))
