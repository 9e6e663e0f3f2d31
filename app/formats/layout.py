"""OCR page structure, and the text layout Tesseract's own text output gives it.

The hOCR, ALTO and PAGE readers each turn their XML into the same structure, pages of
paragraphs of lines of :class:`OcrWord`, and :func:`ocr_edition` lays it out as Tesseract's
``txt`` output does (``ocr_*.txt`` in the corpus): words joined by a space, lines by ``\\n``,
paragraphs by a blank line, and a form feed ``\\f`` between pages. So an OCR edition read
from hOCR compares exactly like the text file of the same run, and gains its geometry.
Paragraphs the file marks as headings (ALTO tags, PAGE region types: :mod:`.regions`) become
the edition's ``headings``, as Word's heading styles do for a DOCX, so that the sections
follow the file's own structure where it has one; the text stays the same.

Imports: the standard library, :mod:`app.model`, :mod:`app.formats.base`, :mod:`.columns`, :mod:`.rows`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.formats.base import TextBuilder, make_edition, marked_heading
from app.formats.columns import in_reading_order
from app.formats.rows import joined_rows
from app.model import Edition, Heading, PageImage

Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    box: Box
    confidence: float | None = None


@dataclass(slots=True)
class OcrPage:
    """One page: its paragraphs (lists of lines, lists of words), its pixel size and the
    image file it names (as written in the XML, or None)."""

    width: int
    height: int
    image: str | None = None
    paragraphs: list[list[list[OcrWord]]] = field(default_factory=list)
    #: a block without text (a rule, a picture) follows the last paragraph: Tesseract then
    #: ends the page with a blank line
    trailing_block: bool = False
    #: the indices in ``paragraphs`` of those the file marks as headings
    headings: set[int] = field(default_factory=set)


def lay_out(pages: list[OcrPage]) -> tuple[TextBuilder, list[Heading]]:
    """The text and word boxes of ``pages`` in Tesseract's text layout, and the headings
    the pages mark (each spanning its paragraph's text, without the line end)."""
    out = TextBuilder()
    headings: list[Heading] = []
    for number, page in enumerate(pages):
        if number:
            out.add("\f")
        paragraphs = [(index, [line for line in par if line]) for index, par in enumerate(page.paragraphs)]
        for p_index, (index, paragraph) in enumerate((i, p) for i, p in paragraphs if p):
            if p_index:
                out.add("\n")
            start = out.position
            for line in paragraph:
                for w_index, word in enumerate(line):
                    if w_index:
                        out.add(" ")
                    core = word.text.strip()
                    lead = word.text[:len(word.text) - len(word.text.lstrip())]
                    out.add(lead)
                    out.add_word(core, number, word.box, word.confidence)
                    out.add(word.text[len(lead) + len(core):])
                out.add("\n")
            heading = marked_heading(out.text()[start:out.position], start) if index in page.headings else None
            if heading is not None:
                headings.append(heading)
        if page.trailing_block and any(p for _, p in paragraphs):
            out.add("\n")
    return out, headings


def ocr_edition(path: Path, raw: bytes | str, pages: list[OcrPage], source_format: str,
                images: list[PageImage], encoding: str = "utf-8") -> Edition:
    """The edition of OCR ``pages`` whose images are ``images`` (one per page), each page in
    reading order where its engine cut its rows in two (:mod:`.rows`) or read two columns
    across (:mod:`.columns`)."""
    built, headings = lay_out([in_reading_order(joined_rows(page)) for page in pages])
    return make_edition(path, raw, built.text(), source_format, built.words, images, encoding=encoding,
                        headings=tuple(headings))


def parse_box(values: list[str]) -> Box:
    x0, y0, x1, y1 = (int(float(v)) for v in values[:4])
    return x0, y0, x1, y1
