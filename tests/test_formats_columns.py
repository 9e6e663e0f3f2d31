"""Two columns an OCR engine read straight across are put back in reading order from the boxes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app import formats
from app.formats.columns import in_reading_order
from app.formats.layout import OcrPage, OcrWord
from app.formats.rows import joined_rows
from formats_fixtures import corpus_pair

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="Tesseract is not installed (bash dev.sh installs it)")

LEFT = [f"Left column line {n} tells of schools and reading" for n in range(12)]
RIGHT = [f"Right column line {n} tells of roads and traffic" for n in range(12)]


def _line(text: str, x: int, y: int) -> list[OcrWord]:
    """The words of ``text`` boxed as a 30 px font sets them from ``x`` on the line at ``y``."""
    words = []
    for word in text.split():
        words.append(OcrWord(word, (x, y, x + 18 * len(word), y + 30)))
        x += 18 * len(word) + 10
    return words


def _page(rows: list[list[list[OcrWord]]], headings: set[int] = frozenset()) -> OcrPage:
    return OcrPage(2400, 3300, None, rows, headings=set(headings))


def _text(page: OcrPage) -> list[str]:
    return [" ".join(w.text for w in line) for paragraph in page.paragraphs for line in paragraph]


def test_lines_read_across_two_columns_are_read_column_by_column() -> None:
    across = [_line(a, 200, 300 + 50 * n) + _line(b, 1300, 300 + 50 * n) for n, (a, b) in enumerate(zip(LEFT, RIGHT))]
    page = in_reading_order(_page([across[:6], across[6:]]))
    assert _text(page) == LEFT + RIGHT
    # each column keeps the file's paragraphs: two on the left, two on the right
    assert [len(p) for p in page.paragraphs] == [6, 6, 6, 6]


def test_a_heading_across_both_columns_stands_between_the_blocks() -> None:
    heading = _line("A heading set across the whole width of the page in large type", 600, 200)
    across = [_line(a, 200, 300 + 50 * n) + _line(b, 1300, 300 + 50 * n) for n, (a, b) in enumerate(zip(LEFT, RIGHT))]
    page = in_reading_order(_page([[heading], across[:6], across[6:]], headings={0}))
    assert _text(page)[0].startswith("A heading")
    assert _text(page)[1:] == LEFT + RIGHT
    assert page.headings == {0}


def test_a_page_of_one_column_and_a_table_of_short_cells_are_left_as_they_are() -> None:
    one_column = _page([[_line(a + " and more words to fill the line", 200, 300 + 50 * n) for n, a in enumerate(LEFT)]])
    assert in_reading_order(one_column) is one_column
    table = _page([[_line(f"Label{n}", 200, 300 + 50 * n) + _line(f"{n * 7}", 1300, 300 + 50 * n) for n in range(12)]])
    assert in_reading_order(table) is table


@needs_tesseract
def test_tesseract_told_the_page_is_one_column_reads_back_in_column_order(tmp_path: Path) -> None:
    """A real two-column page, OCR'd by Tesseract with ``--psm 4`` (one column of text) to
    hOCR: it reads each line across both columns; the edition reads them column by column."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (2000, 1100), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    for n, (a, b) in enumerate(zip(LEFT, RIGHT)):
        draw.text((80, 80 + 70 * n), a, fill=0, font=font)
        draw.text((1080, 80 + 70 * n), b, fill=0, font=font)
    image.save(tmp_path / "page.png")
    subprocess.run(["tesseract", str(tmp_path / "page.png"), str(tmp_path / "page"), "-l", "eng", "--psm", "4",
                    "hocr", "txt"], check=True, capture_output=True)
    own = (tmp_path / "page.txt").read_text(encoding="utf-8")
    assert any("Left column" in line and "Right column" in line for line in own.splitlines()), "not read across"
    text = formats.load(tmp_path / "page.hocr").text
    assert text.index("line 11 tells of schools") < text.index("Right column line 0")
    assert text.index("Left column line 0") < text.index("Left column line 1 ")


def test_a_row_cut_in_two_is_one_line_again_where_its_left_part_was() -> None:
    """Halves of rows, the right halves first (as a skewed page read as one column gives them),
    become whole rows; a word set apart from a line's end, and a column beside a column, stay."""
    rows = [(f"the left half of row {n} of the page", f"and its right half of row {n} here") for n in range(6)]
    lefts = [_line(a, 200, 300 + 50 * n) for n, (a, _) in enumerate(rows)]
    rights = [_line(b, left[-1].box[2] + 10, 300 + 50 * n) for n, (left, (_, b)) in enumerate(zip(lefts, rows))]
    page = joined_rows(_page([rights, lefts]))
    assert _text(page) == [f"{a} {b}" for a, b in rows]
    apart = _page([[_line("a line whose last word was set", 200, 300)], [_line("apart", 800, 300)]])
    assert joined_rows(apart) is apart
    columns = _page([[_line(a, 200, 300 + 50 * n) for n, a in enumerate(LEFT)],
                     [_line(b, 1300, 300 + 50 * n) for n, b in enumerate(RIGHT)]])
    assert joined_rows(columns) is columns


@needs_tesseract
def test_a_skewed_page_read_as_one_column_keeps_its_rows(tmp_path: Path) -> None:
    """A real skewed scan (the top of the Swedish government's report's page 3) OCR'd by Tesseract as one
    column (``--psm 4``): its line finder cuts the rows in two and reads the right halves first;
    the edition reads each row whole."""
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument(str(corpus_pair("sv_rk_lagar_halvar_2022") / "scan.pdf"))
    image = tmp_path / "page.png"
    page = scan[2].render(scale=300 / 72).to_pil().convert("L")  # as a 300 dpi scanner gives it
    page.crop((0, 0, page.width, page.height // 4)).save(image)  # its first rows: enough, and quick
    scan.close()
    subprocess.run(["tesseract", str(image), str(tmp_path / "page"), "-l", "swe", "--psm", "4", "hocr", "txt"],
                   check=True, capture_output=True)
    own = (tmp_path / "page.txt").read_text(encoding="utf-8")
    assert own.index("gor och ärenden") < own.index("Arbetsmarknadsdepartementet ansvarar"), "not cut"
    text = formats.load(tmp_path / "page.hocr").text
    row = text[text.index("Arbetsmarknadsdepartementet ansvarar"):]
    assert row.split("\n")[0].endswith("arbetsrätt och")
