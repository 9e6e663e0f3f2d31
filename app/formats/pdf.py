"""PDF -> Edition: the text layer in reading order with each word's page and box, or, for
an image-only PDF (a scan), the pages OCR'd with Tesseract (:mod:`app.formats.ocr`).

Text layer (pypdfium2): pdfium gives each page's characters in content order with line
ends; a line-end soft hyphen (pdfium's U+FFFE) is the printed "-". Lines are grouped into
paragraphs by the distance between their baselines: a paragraph break is a distance clearly
wider (:data:`PARAGRAPH_GAP`) than the document's leading at the line's font size, the
leading being the commonest baseline distance per point of font size over the whole
document. Why baselines, font sizes and the whole document: a report's space between
paragraphs can be a sixth of a line (measured: 15.8 pt against 13.8 pt), which only
baselines resolve (a line's top moves with its accents, its bottom with its descenders); a
heading's larger lines are one paragraph though wider apart than the body's; and a page of
short paragraphs has more paragraph breaks than line breaks, so its own commonest distance
is the paragraph's. The text is laid out as Tesseract's output is (lines, a blank line
between paragraphs, ``\\f`` between pages), so a born-digital print compares like an OCR
edition of it. Boxes are in pixels at :data:`PIXELS_PER_POINT`.

Bad input: an encrypted or damaged PDF is one EditionError naming the file.

Entry points: :func:`read_pdf`, :func:`open_pdf`. Imports: pypdfium2, the formats base.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.formats.base import TextBuilder, make_edition
from app.loading import EditionError
from app.model import Edition, PageImage

#: Pixels per PDF point of the page images the boxes of a text-layer PDF refer to (144 dpi).
PIXELS_PER_POINT = 2.0
#: Below this many letters or digits per page on average, a PDF is a scan to OCR.
MIN_TEXT_PER_PAGE = 20
#: A baseline distance wider than this share of the leading at the line's font size breaks a
#: paragraph (the body's own distances vary by under 4 %).
PARAGRAPH_GAP = 1.08
#: The leading (baseline distance per point of font size) when a document shows none.
DEFAULT_LEADING = 1.2
_REPLACE = {"\ufffe": "-", "\x02": "-", "\u00a0": " "}


def open_pdf(raw: bytes, name: str) -> pdfium.PdfDocument:
    """The PDF document in ``raw``; an encrypted or damaged one is an EditionError."""
    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower() or "security" in message.lower():
            raise EditionError(f"{name}: the PDF is encrypted (password-protected); ProofPair cannot "
                               "read its text. Save an unprotected copy and open that.") from None
        raise EditionError(f"{name}: the PDF is damaged and cannot be read ({message}).") from None


def has_text_layer(raw: bytes, name: str) -> bool:
    """Whether the PDF in ``raw`` carries text (else it is a scan to OCR)."""
    document = open_pdf(raw, name)
    try:
        letters = 0
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            letters += sum(ch.isalnum() for ch in textpage.get_text_range())
            textpage.close()
        return letters >= MIN_TEXT_PER_PAGE * max(len(document), 1)
    except pdfium.PdfiumError as exc:
        raise EditionError(f"{name}: the PDF is damaged and cannot be read ({exc}).") from None
    finally:
        document.close()


def read_pdf(path: Path, raw: bytes, *, ocr_language: str | None = None,
             progress: Callable[[int, int, str], Any] | None = None,
             should_cancel: Callable[[], bool] | None = None, cache_dir: Path | None = None,
             ocr_beside: Path | None = None) -> Edition:
    """The edition of the PDF ``path`` (``raw``: its bytes), OCR'd if it has no text layer."""
    document = open_pdf(raw, path.name)
    try:
        if len(document) == 0:
            raise EditionError(f"{path.name}: the PDF has no pages.")
        pages = [_page_lines(document[index]) for index in range(len(document))]
    except pdfium.PdfiumError as exc:
        raise EditionError(f"{path.name}: the PDF is damaged and cannot be read ({exc}).") from None
    finally:
        document.close()
    letters = sum(ch.isalnum() for page in pages for line in page[1] for ch, _, _ in line)
    if letters < MIN_TEXT_PER_PAGE * len(pages):
        from app.formats.ocr import ocr_pdf

        return ocr_pdf(path, raw, language=ocr_language, progress=progress,
                       should_cancel=should_cancel, cache_dir=cache_dir, beside=ocr_beside)
    out = TextBuilder()
    images = []
    measured = [[_measure(line) for line in lines] for _, lines in pages]
    leading = _leading(measured)
    for number, ((size, lines), metrics) in enumerate(zip(pages, measured)):
        images.append(PageImage(path.resolve(), number, round(size[0] * PIXELS_PER_POINT),
                                round(size[1] * PIXELS_PER_POINT)))
        if number:
            out.add("\f")
        _lay_out_page(out, number, size[1], lines, metrics, leading)
    return make_edition(path, raw, out.text(), "pdf", out.words, images)


Char = tuple[str, tuple[float, float, float, float] | None, float]
#: A line's baseline (points from the page foot) and font size (points).
Metrics = tuple[float, float]


def _page_lines(page: pdfium.PdfPage) -> tuple[tuple[float, float], list[list[Char]]]:
    """The page's size in points and its lines, each a list of (character, box or None).

    Lines are found from the characters' boxes together with pdfium's generated line ends:
    a new line starts where a character stands outside the current line's height and
    either pdfium broke the line or the text runs back to the left (a line-end soft hyphen
    gets no break from pdfium). A break within one line (PDF writers such as Qt's emit runs
    that pdfium breaks mid-word) is a space only where the glyphs stand apart; a comma
    lower than the line stays on it.
    """
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines: list[list[Char]] = [[]]
        top = bottom = 0.0
        pending_break = False
        for index, ch in enumerate(text):
            if ch in "\r\n":
                pending_break = True
                continue
            ch = _REPLACE.get(ch, ch)
            if ch.isspace():
                if lines[-1] and lines[-1][-1][0] != " ":
                    lines[-1].append((" ", None, 0.0))
                continue
            box = textpage.get_charbox(index)
            middle = (box[1] + box[3]) / 2
            last = next((b for _, b, _ in reversed(lines[-1]) if b), None)
            apart = not (bottom <= middle <= top or box[1] <= (top + bottom) / 2 <= box[3])
            if last is not None and apart and (pending_break or box[0] < last[0]):
                lines.append([])
            elif lines[-1] and pending_break and lines[-1][-1][0] != " ":
                if last is not None and box[0] - last[2] > (top - bottom) * 0.3:
                    lines[-1].append((" ", None, 0.0))
            if not lines[-1]:
                top, bottom = box[3], box[1]
            else:
                top, bottom = max(top, box[3]), min(bottom, box[1])
            pending_break = False
            lines[-1].append((ch, box, pdfium_c.FPDFText_GetFontSize(textpage, index)))
        return page.get_size(), [line for line in lines if any(not ch.isspace() for ch, _, _ in line)]
    finally:
        textpage.close()


def _measure(line: list[Char]) -> Metrics:
    """The line's baseline (the median foot of its glyphs: descenders are few) and font size
    (a glyph's height where the PDF's font tells none, as some Type 3 fonts do: one document
    then measures all its lines alike)."""
    glyphs = [(box, size if size > 0 else box[3] - box[1]) for ch, box, size in line if box and not ch.isspace()]
    if not glyphs:
        return 0.0, 1.0
    return statistics.median(box[1] for box, _ in glyphs), max(statistics.median(s for _, s in glyphs), 1.0)


def _leading(pages: list[list[Metrics]]) -> float:
    """The commonest baseline distance per point of font size between lines of one size."""
    ratios = Counter(round((a[0] - b[0]) / a[1], 2) for metrics in pages for a, b in zip(metrics, metrics[1:])
                     if abs(a[1] - b[1]) < 0.5 and a[0] > b[0])
    return ratios.most_common(1)[0][0] if ratios else DEFAULT_LEADING


def _lay_out_page(out: TextBuilder, number: int, height: float, lines: list[list[Char]],
                  metrics: list[Metrics], leading: float) -> None:
    for index, line in enumerate(lines):
        if index:  # the larger font sets the distance: a heading's lines are wider apart
            (above, above_size), (below, below_size) = metrics[index - 1], metrics[index]
            pitch = leading * max(above_size, below_size)
            gap = above - below
            if gap > pitch * PARAGRAPH_GAP or gap < -pitch:  # a wide gap, or a jump up (a new column)
                out.add("\n")
        _add_line(out, number, height, line)
        out.add("\n")


def _add_line(out: TextBuilder, number: int, height: float, line: list[Char]) -> None:
    """The line's words, one space between them, each with its box in pixels."""
    words: list[list[Char]] = [[]]
    for ch, box, size in line:
        if ch.isspace():
            if words[-1]:
                words.append([])
        else:
            words[-1].append((ch, box, size))
    for index, word in enumerate(w for w in words if w):
        if index:
            out.add(" ")
        x0, y0, x1, y1 = _union([b for _, b, _ in word if b]) or (0.0, 0.0, 0.0, 0.0)
        pixel_box = (round(x0 * PIXELS_PER_POINT), round((height - y1) * PIXELS_PER_POINT),
                     round(x1 * PIXELS_PER_POINT), round((height - y0) * PIXELS_PER_POINT))
        out.add_word("".join(ch for ch, _, _ in word), number, pixel_box)


def _union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float] | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
