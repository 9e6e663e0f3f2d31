"""Rows an OCR engine cut in two, joined again from the word boxes.

Read as one column, a skewed page can have its rows cut by the engine's line finder: the
left part of each row becomes one line, the right part another, and the two runs of halves
come out as blocks of their own, often the right halves first ("gor och ärenden som rör …"
above "Arbetsmarknadsdepartementet ansvarar för frå"). The boxes tell the halves of a row:
two lines on one row (:func:`~app.formats.segmentation.same_row`) where the second begins
where the first ends, nearer than a column gap (:class:`~app.formats.columns.Gutter`, whose
gap this is not). Each row is joined into the line of its leftmost part, in that line's
place; the other parts leave theirs. Two columns set side by side are never joined: a gutter
lies between their lines.

Entry point: :func:`joined_rows` (a page without cut rows is returned as it is). Imports: the
standard library, :mod:`.columns`, :mod:`.segmentation`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.formats.columns import GUTTER, Gutter, column_gap, line_box, page_lines, regrouped
from app.formats.segmentation import same_row

if TYPE_CHECKING:
    from app.formats.layout import Box, OcrPage, OcrWord

Line = list["OcrWord"]

#: each part of a cut row holds at least this many words: a skewed page's rows are cut about
#: the middle, while a word or two set apart from a line's end is a matter for the comparison,
#: which puts them back where the reference reads them (:mod:`app.compare.fragments`)
PART_WORDS = 3


def joined_rows(page: OcrPage, rules: Gutter = GUTTER) -> OcrPage:
    """``page`` with each row its engine cut in two read as one line (see the module docstring)."""
    lines = page_lines(page)
    wide = column_gap([line for _, line in lines], rules)
    if len(lines) < 2 or wide is None:
        return page
    boxes = [line_box(line) if len(line) >= PART_WORDS else None for _, line in lines]
    after = _continuations(boxes, wide)
    if not after:
        return page
    continued = set(after.values())
    ordered: list[tuple[int, Line]] = []
    for k, (index, line) in enumerate(lines):
        if k in continued:
            continue  # read with the part to its left
        words, j = list(line), after.get(k)
        while j is not None:
            words += lines[j][1]
            j = after.get(j)
        ordered.append((index, words))
    return regrouped(page, ordered)


def _continuations(boxes: list[Box | None], wide: float) -> dict[int, int]:
    """For each line, the line that continues its row to the right (the nearest one that
    begins where it ends, on its row), each taken once; none that would make a loop. A line
    whose box is None is no part of a cut row."""
    after: dict[int, int] = {}
    taken: set[int] = set()
    for k, box in enumerate(boxes):
        if box is None:
            continue
        near = [(other[0] - box[2], j) for j, other in enumerate(boxes)
                if other is not None and j != k and j not in taken and same_row(box, other)
                and -_height(box) <= other[0] - box[2] < wide and other[2] > box[2]]
        if near:
            j = min(near)[1]
            if not _reaches(after, j, k):
                after[k] = j
                taken.add(j)
    return after


def _reaches(after: dict[int, int], start: int, target: int) -> bool:
    """Whether following ``after`` from ``start`` arrives at ``target``."""
    while start in after:
        start = after[start]
        if start == target:
            return True
    return start == target


def _height(box: Box) -> int:
    return box[3] - box[1]
