"""How Tesseract is to cut a page into lines, chosen by what its reading of the page shows.

Tesseract's automatic segmentation (``--psm 3``) looks for columns, and on a page of one
column it finds more than there are: the hanging labels of a list ("A.", "2.", a bullet
standing left of the indented text) make a strip of their own, which it drops as noise or
reads as a block apart from the line it labels, and a paragraph may be cut into blocks read
out of order. Reading the page as one column of text (``--psm 4``) keeps every label on its
line. On the English corpus report (one column, lettered and numbered lists) the automatic reading
dropped most list labels and read a heading after the line below it.

One column is wrong where the page is not one column: read as one, two columns give rows
of text side by side (a line of the left column beside a line of the right), and so does a
skewed page whose rows the single-column row finder cut in two. That evidence is in the
reading itself, so no page needs a guess about its layout: each page is read as one column
first, and read again with the automatic segmentation only when rows stand side by side.
The readings are tried in the order of :data:`READINGS`; the last is always kept.

Entry points: :func:`next_reading`, :func:`rows_side_by_side`, :func:`same_row`. Imports: the standard
library, :mod:`app.formats.columns` (a line's box), :mod:`app.formats.layout`'s data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from app.formats.columns import line_box

if TYPE_CHECKING:  # (the layout module reads pages in order with this one's rows)
    from app.formats.layout import Box, OcrPage

#: Tesseract's page segmentation modes, in the order a page is read with them
ONE_COLUMN: Final = 4
AUTOMATIC: Final = 3
READINGS: Final[tuple[int, ...]] = (ONE_COLUMN, AUTOMATIC)


def next_reading(psm: int, page: OcrPage) -> int | None:
    """The segmentation to read the page with again after ``psm`` gave ``page``, or None to
    keep this reading."""
    if psm != ONE_COLUMN or not rows_side_by_side(page):
        return None
    later = READINGS[READINGS.index(psm) + 1:]
    return later[0] if later else None


def rows_side_by_side(page: OcrPage) -> bool:
    """Two lines of text of ``page`` share a row without sharing any width: the page was
    read as one column but is not one (or its rows were cut in two)."""
    boxes = sorted(line_boxes(page), key=lambda box: box[1])
    for index, upper in enumerate(boxes):
        for lower in boxes[index + 1:]:
            if lower[1] >= upper[3]:
                break  # sorted by top: no later line reaches up into this one
            if same_row(upper, lower) and (upper[2] <= lower[0] or lower[2] <= upper[0]):
                return True
    return False


def line_boxes(page: OcrPage) -> list[Box]:
    """The box around each line that holds a letter or a digit. A line of specks alone (a
    binding shadow read as ``|``) is no text: it says nothing of the columns."""
    boxes = []
    for paragraph in page.paragraphs:
        for line in paragraph:
            if any(ch.isalnum() for word in line for ch in word.text):
                boxes.append(line_box(line))
    return boxes


def same_row(a: Box, b: Box) -> bool:
    """The boxes overlap by more than half the shorter one's height: two lines of one row, not
    a line and the descenders or accents of the next."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap * 2 > min(a[3] - a[1], b[3] - b[1])
