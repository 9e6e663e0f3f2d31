"""Two columns read across: a page's column halves put back in reading order.

An OCR engine told that a page is one column (Tesseract's ``--psm 4`` or ``6`` on a
two-column print, some engines' line-by-line export) reads each line straight across both
columns: the text then alternates between them line by line, and no diff can recover it.
The word boxes can. Such lines jump a *gutter*: a vertical band of the page that the line
crosses with a gap far wider than a word space, and that none of its words covers.

Where lines in a row of the page jump the gutter, that run of lines is a two-column block:
its left halves are read first, then its right halves, each column paragraph by paragraph as
the file groups them. A line with a word across the gutter (a heading over both columns, a
running head) stands between blocks as it is. A page whose lines do not jump one gutter
(a one-column page, or one the engine already read column by column) is left as it is, so
a correct reading order is never touched.

Entry points: :func:`in_reading_order`; for the other readers of a page's geometry,
:func:`regrouped` (a page's lines in a new order), :func:`page_lines`, :func:`line_box`, :func:`column_gap`.
Imports: the standard library, :mod:`.layout`'s data.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from app.formats.layout import Box, OcrPage, OcrWord

Line = list["OcrWord"]


@dataclass(frozen=True, slots=True)
class Gutter:
    """When lines jump a gutter: the evidence, as data (no pair's numbers)."""

    #: a gap between two words of a line is a column gap when it is this many times the
    #: page's median word height (a word space is a third of it; a gutter two or more)
    gap_heights: float = 1.5
    #: the gutter lies in this middle share of the page's width
    middle: tuple[float, float] = (0.25, 0.75)
    #: lines that must jump it (at least this many, and this share of the page's lines)
    min_lines: int = 4
    min_share: float = 0.2
    #: each side of a jumping line holds at least this many words (a table row's label and
    #: value are read across on purpose; running text has words on both sides)
    min_side_words: int = 2


GUTTER = Gutter()


def in_reading_order(page: OcrPage, rules: Gutter = GUTTER) -> OcrPage:
    """``page`` with the column halves of its lines read column by column (see the module
    docstring); the page itself when no gutter is found."""
    lines = page_lines(page)
    x = _gutter(page, [line for _, line in lines], rules)
    if x is None:
        return page
    ordered: list[tuple[int, Line]] = []  # (paragraph the line came from, its words), new order
    block: list[tuple[int, Line]] = []
    for index, line in lines:
        if any(w.box[0] < x < w.box[2] for w in line):  # across the gutter: ends a block
            ordered += _columns(block, x)
            block = []
            ordered.append((index, line))
        else:
            block.append((index, line))
    ordered += _columns(block, x)
    return regrouped(page, ordered)


def _gutter(page: OcrPage, lines: list[Line], rules: Gutter) -> float | None:
    """The x of the band most lines jump with a column gap, if enough of them do."""
    wide = column_gap(lines, rules)
    if wide is None or page.width <= 0:
        return None
    low, high = (page.width * share for share in rules.middle)
    gaps = []  # each jumping line's widest gap, as (left edge, right edge)
    for line in lines:
        cut = _widest_gap(line)
        if cut is None:
            continue
        k, left, right = cut
        if right - left >= wide and k >= rules.min_side_words and len(line) - k >= rules.min_side_words:
            gaps.append((max(left, low), min(right, high)))
    gaps = [(a, b) for a, b in gaps if a < b]
    if len(gaps) < max(rules.min_lines, rules.min_share * len(lines)):
        return None
    x, covered = _deepest(gaps)
    return x if covered >= max(rules.min_lines, rules.min_share * len(lines)) else None


def page_lines(page: OcrPage) -> list[tuple[int, Line]]:
    """The page's lines in the file's order, each with the index of its paragraph."""
    return [(index, line) for index, paragraph in enumerate(page.paragraphs) for line in paragraph if line]


def column_gap(lines: Iterable[Line], rules: Gutter = GUTTER) -> float | None:
    """The narrowest gap between two words that is a column gap on this page (None: no word
    has a height to measure it by)."""
    heights = [w.box[3] - w.box[1] for line in lines for w in line if w.box[3] > w.box[1]]
    return rules.gap_heights * median(heights) if heights else None


def line_box(line: Line) -> Box:
    """The box around a line's words."""
    return (min(w.box[0] for w in line), min(w.box[1] for w in line),
            max(w.box[2] for w in line), max(w.box[3] for w in line))


def _widest_gap(line: Line) -> tuple[int, float, float] | None:
    """Where the line's widest gap between words is: the count of words before it, and the
    gap's left and right edges (None for a line of one word)."""
    best = None
    for k in range(1, len(line)):
        left, right = line[k - 1].box[2], line[k].box[0]
        if best is None or right - left > best[2] - best[1]:
            best = (k, left, right)
    return best


def _deepest(gaps: list[tuple[float, float]]) -> tuple[float, int]:
    """The x inside the most of the intervals ``gaps``, and how many hold it (a sweep over
    their ends; the middle of the best stretch)."""
    starts = sorted(a for a, _ in gaps)
    ends = sorted(b for _, b in gaps)
    best_x, best_n = 0.0, 0
    for k, a in enumerate(starts):
        n = k + 1 - bisect_left(ends, a)  # intervals started by a, minus those ended before it
        if n > best_n:
            nearest_end = ends[bisect_left(ends, a)]
            best_x, best_n = (a + nearest_end) / 2, n
    return best_x, best_n


def _columns(block: list[tuple[int, Line]], x: float) -> list[tuple[int, Line]]:
    """A block's lines as its left column, then its right column (each keeps the paragraph
    its lines came from)."""
    left = [(index, [w for w in line if w.box[2] <= x]) for index, line in block]
    right = [(index, [w for w in line if w.box[0] >= x]) for index, line in block]
    return [(index, line) for index, line in left + right if line]


def regrouped(page: OcrPage, ordered: list[tuple[int, Line]]) -> OcrPage:
    """A copy of ``page`` whose paragraphs are runs of ``ordered`` lines from one paragraph
    of the file; a paragraph the file marks as a heading stays one where its first run is."""
    from app.formats.layout import OcrPage

    paragraphs: list[list[Line]] = []
    origins: list[int] = []
    for index, line in ordered:
        if origins and origins[-1] == index:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
            origins.append(index)
    firsts = {index: new for new, index in reversed(list(enumerate(origins)))}
    headings = {firsts[index] for index in page.headings if index in firsts}
    return OcrPage(page.width, page.height, page.image, paragraphs, page.trailing_block, headings)
