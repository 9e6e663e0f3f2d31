"""Find the page images an OCR file (hOCR, ALTO, PAGE) names.

The image a page names is looked up relative to the XML file's folder (by its full relative
path, then by its bare name). When it is missing, a PDF beside the XML file whose page count
equals the OCR's stands in, page by page: a digitisation service often delivers
``scan.pdf`` with the OCR of the images that went into it (the corpus hOCR names
``scan-NN.jpg``, embedded in ``scan.pdf``). The boxes keep the OCR's pixel size, which
:func:`app.formats.render.render_page` honours for either source.

Entry point: :func:`page_images`. Imports: the standard library, :mod:`app.model`; pypdfium2
lazily (to count a PDF's pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from app.model import PageImage

#: PDFs tried beside an OCR file, first the one named like it, then these.
PDF_NAMES = ("scan.pdf",)


class _Page(Protocol):
    width: int
    height: int
    image: str | None


def page_images(xml_path: Path, pages: list[_Page]) -> list[PageImage]:
    """One :class:`PageImage` per OCR page (pointing at the named file even if absent)."""
    folder = xml_path.resolve().parent
    named = [find_image(folder, page.image) for page in pages]
    if all(found is not None for found in named):
        return [PageImage(found, 0, page.width, page.height) for found, page in zip(named, pages)]  # type: ignore[arg-type]
    pdf = _pdf_beside(xml_path, len(pages))
    if pdf is not None:
        return [PageImage(pdf, index, page.width, page.height) for index, page in enumerate(pages)]
    return [PageImage(found or folder / (page.image or f"page-{index + 1}"), 0, page.width, page.height)
            for index, (found, page) in enumerate(zip(named, pages))]


def find_image(folder: Path, name: str | None) -> Path | None:
    """The file ``name`` (an OCR page's image) in ``folder``, by its relative path or bare name."""
    if not name:
        return None
    for candidate in (folder / name, folder / Path(name.replace("\\", "/")).name):
        try:
            if candidate.is_file():
                return candidate.resolve()
        except OSError:
            continue
    return None


def _pdf_beside(xml_path: Path, count: int) -> Path | None:
    folder = xml_path.resolve().parent
    stem = xml_path.name.split(".")[0]
    for name in (f"{stem}.pdf", *PDF_NAMES):
        candidate = folder / name
        if candidate.is_file() and pdf_page_count(candidate) == count:
            return candidate.resolve()
    return None


def pdf_page_count(path: Path) -> int | None:
    """How many pages the PDF ``path`` has, or None if it cannot be opened."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        return len(document)
    finally:
        document.close()
