"""What a file is, in a few words for the editor, before anything slow is done to it.

"scan, 19 pages, OCR needed", "PDF with text, 19 pages", "Word document, 42 headings",
"hOCR (OCR with word boxes), 11 pages", "plain text, 1,059 lines". Reads only what it
must (a PDF's text layer, a DOCX's document part, an XML's page elements); never OCRs.

Entry point: :func:`describe`. Imports: the formats package.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.formats.base import read_bounded
from app.formats.sniff import DESCRIPTIONS
from app.loading import EditionError

_HEADING_STYLE = re.compile(rb'<w:pStyle w:val="(Heading\d|Title)"')
_PAGE = {"hocr": re.compile(rb"""class=['"]ocr_page['"]"""), "alto": re.compile(rb"<(\w+:)?Page[\s>]"),
         "page": re.compile(rb"<(\w+:)?Page[\s>]")}


def describe(path: str | Path) -> str:
    """A short description of the edition file ``path`` (raises EditionError as load does)."""
    from app.formats import detect

    path = Path(path)
    fmt = detect(path)
    if fmt == "pdf":
        from app.formats.pdf import has_text_layer
        from app.formats.sources import pdf_page_count

        raw = read_bounded(path)
        pages = pdf_page_count(path) or 0
        return (f"PDF with text, {pages} pages" if has_text_layer(raw, path.name)
                else f"scan, {pages} pages, OCR needed")
    if fmt == "image":
        from app.formats.ocr import _open_image

        with _open_image(path) as image:
            frames = getattr(image, "n_frames", 1)
            size = f"{image.width} × {image.height} pixels"
        return f"page image{'s' if frames > 1 else ''}, {frames} page{'s' if frames > 1 else ''} of {size}, OCR needed"
    if fmt == "docx":
        import zipfile
        from io import BytesIO

        try:
            body = zipfile.ZipFile(BytesIO(read_bounded(path))).read("word/document.xml")
        except (zipfile.BadZipFile, KeyError, OSError) as exc:
            raise EditionError(f"{path.name}: is not a readable Word document ({exc}).") from None
        return f"Word document, {len(_HEADING_STYLE.findall(body))} headings"
    if fmt in _PAGE:
        return f"{DESCRIPTIONS[fmt]}, {len(_PAGE[fmt].findall(read_bounded(path)))} pages"
    if fmt == "text":
        lines = read_bounded(path).count(b"\n")
        return f"plain text, {lines:,} lines"
    return DESCRIPTIONS[fmt]
