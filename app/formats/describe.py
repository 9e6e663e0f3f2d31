"""What a file is, in a few words for the editor, before anything slow is done to it.

"scan, 19 pages, OCR needed", "PDF with text, 19 pages", "Word document, 42 headings",
"hOCR (OCR with word boxes), 11 pages", "plain text, 1,059 lines". Reads only what it
must (a PDF's text layer, a DOCX's document part, an XML's page elements); never OCRs.

:func:`facts` gives the counts as data (a window words them in its own language);
:func:`describe` words them in English. Imports: the formats package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.formats.base import read_bounded
from app.formats.sniff import DESCRIPTIONS
from app.loading import EditionError

_HEADING_STYLE = re.compile(rb'<w:pStyle w:val="(Heading\d|Title)"')
_PAGE = {"hocr": re.compile(rb"""class=['"]ocr_page['"]"""), "alto": re.compile(rb"<(\w+:)?Page[\s>]"),
         "page": re.compile(rb"<(\w+:)?Page[\s>]")}


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What :func:`facts` found: the format (a key of :data:`DESCRIPTIONS`), whether reading
    it runs OCR, and the counts that format has (None where it has none)."""

    format: str
    needs_ocr: bool = False
    pages: int | None = None
    headings: int | None = None
    lines: int | None = None
    pixels: tuple[int, int] | None = None  # a page image's width and height


def facts(path: str | Path) -> FileFacts:
    """What the edition file ``path`` is (raises EditionError as :func:`app.formats.load` does)."""
    from app.formats import detect

    path = Path(path)
    fmt = detect(path)
    if fmt == "pdf":
        from app.formats.pdf import has_text_layer
        from app.formats.sources import pdf_page_count

        raw = read_bounded(path)
        return FileFacts(fmt, needs_ocr=not has_text_layer(raw, path.name), pages=pdf_page_count(path) or 0)
    if fmt == "image":
        from app.formats.ocr import _open_image

        with _open_image(path) as image:
            return FileFacts(fmt, needs_ocr=True, pages=getattr(image, "n_frames", 1),
                             pixels=(image.width, image.height))
    if fmt == "docx":
        import zipfile
        from io import BytesIO

        try:
            body = zipfile.ZipFile(BytesIO(read_bounded(path))).read("word/document.xml")
        except (zipfile.BadZipFile, KeyError, OSError) as exc:
            raise EditionError(f"{path.name}: is not a readable Word document ({exc}).") from None
        return FileFacts(fmt, headings=len(_HEADING_STYLE.findall(body)))
    if fmt in _PAGE:
        return FileFacts(fmt, pages=len(_PAGE[fmt].findall(read_bounded(path))))
    if fmt == "text":
        return FileFacts(fmt, lines=read_bounded(path).count(b"\n"))
    return FileFacts(fmt)


def describe(path: str | Path) -> str:
    """A short description of the edition file ``path`` (raises EditionError as load does)."""
    return wording(facts(path))


def wording(found: FileFacts) -> str:
    """``found`` in a few English words."""
    fmt, pages = found.format, found.pages
    if fmt == "pdf":
        return f"scan, {pages} pages, OCR needed" if found.needs_ocr else f"PDF with text, {pages} pages"
    if fmt == "image" and found.pixels is not None:
        plural = "s" if (pages or 1) > 1 else ""
        size = f"{found.pixels[0]} × {found.pixels[1]} pixels"
        return f"page image{plural}, {pages} page{plural} of {size}, OCR needed"
    if found.headings is not None:
        return f"{DESCRIPTIONS[fmt]}, {found.headings} headings"
    if pages is not None:
        return f"{DESCRIPTIONS[fmt]}, {pages} pages"
    if found.lines is not None:
        return f"plain text, {found.lines:,} lines"
    return DESCRIPTIONS[fmt]
