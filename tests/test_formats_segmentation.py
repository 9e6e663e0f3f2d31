"""The evidence that a page read as one column is not one: rows of text side by side."""

from __future__ import annotations

from app.formats.layout import OcrPage, OcrWord
from app.formats.segmentation import AUTOMATIC, ONE_COLUMN, next_reading, rows_side_by_side


def line(text: str, x: int, y: int, height: int = 30) -> list[OcrWord]:
    """A line of ``text`` starting at ``x``, its words 20 px a letter apart by 10 px."""
    words = []
    for word in text.split():
        words.append(OcrWord(word, (x, y, x + 20 * len(word), y + height)))
        x += 20 * len(word) + 10
    return words


def page(*lines: list[OcrWord]) -> OcrPage:
    return OcrPage(width=2000, height=3000, paragraphs=[[ln] for ln in lines])


def test_one_column_with_hanging_labels_has_no_rows_side_by_side() -> None:
    one = page(line("A. Hybrid solutions", 200, 100),
               line("new code", 900, 122),  # reaches 8 px into the row above: still the next row
               line("B. Modular architecture", 200, 200))
    assert not rows_side_by_side(one)
    assert next_reading(ONE_COLUMN, one) is None


def test_two_columns_read_as_one_show_rows_side_by_side() -> None:
    two = page(line("Gute Bildung ist wichtig", 100, 100), line("Ganztagsschulen und mehr", 1100, 104),
               line("sondern Grundlage", 100, 140), line("Länder beim Gipfel", 1100, 144))
    assert rows_side_by_side(two)
    assert next_reading(ONE_COLUMN, two) == AUTOMATIC
    assert next_reading(AUTOMATIC, two) is None  # the automatic reading is the last: kept


def test_specks_beside_a_line_are_no_column() -> None:
    specks = page(line("The policy applies to new code", 200, 100), line("| ,", 1800, 100))
    assert not rows_side_by_side(specks)
