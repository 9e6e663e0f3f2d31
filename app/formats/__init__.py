"""Files -> Edition: one entry point for every format an editor has.

Contract: :func:`load` takes a path and returns an :class:`~app.model.Edition` whose
``text`` has ``\\n`` newlines and is NFC, whatever the format, with ``source_format`` naming
the reader and, for OCR and PDF, a :class:`~app.model.Geometry` placing every word on its
page image (form feeds ``\\f`` between pages, as Tesseract's text output has them). The
format is sniffed from the bytes (:mod:`.sniff`), never trusted from the suffix alone:

======================  =====================================================
plain text              :func:`app.loading.load_edition` (charsets, exact round trip)
PDF with a text layer   :mod:`.pdf` (pypdfium2)
image-only PDF, images  :mod:`.ocr` (Tesseract, cached by the file's SHA-256)
hOCR / ALTO / PAGE      :mod:`.hocr`, :mod:`.alto`, :mod:`.page` (lxml, safe parser)
DOCX / ODT              :mod:`.docx` (python-docx), :mod:`.odt` (odfpy)
HTML / Markdown         :mod:`.html` (lxml), :mod:`.markdown` (markdown-it-py)
======================  =====================================================

Every reader obeys the safe-reading rules (:mod:`.base`: regular files only, reads bounded
by bytes actually read) and raises one :class:`EditionError` naming the file for every bad
input. Long work (OCR) reports ``progress(done, total, message)`` and stops when
``should_cancel()`` is true (:class:`.ocr.OcrCancelled`).

Imports: the standard library, :mod:`app.model`, :mod:`app.loading`, and the readers'
libraries (imported lazily, so plain text needs none of them). Never Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.formats.base import MAX_BYTES, check_regular, read_bounded
from app.formats.sniff import DESCRIPTIONS, HEAD, sniff
from app.loading import EditionError, load_edition
from app.model import Edition

__all__ = ["load", "load_pair", "detect", "needs_ocr", "scan_of", "ocr_language_of", "EditionError", "DESCRIPTIONS"]


def ocr_language_of(edition: Edition) -> str | None:
    """The Tesseract language ``edition`` was OCR'd in, or None if no OCR ran to read it."""
    from app.formats.ocr import OCR_ENCODING

    return edition.encoding.removeprefix(OCR_ENCODING) if edition.encoding.startswith(OCR_ENCODING) else None


def detect(path: str | Path) -> str:
    """The format :func:`load` would read ``path`` as (a key of :data:`DESCRIPTIONS`)."""
    path = Path(path)
    check_regular(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD)
    except OSError as exc:
        raise EditionError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if head.startswith(b"PK\x03\x04"):
        return sniff(path, head, read_bounded(path))
    return sniff(path, head)


def needs_ocr(path: str | Path) -> bool:
    """Whether reading ``path`` runs OCR (a page image, or a PDF without a text layer)."""
    fmt = detect(path)
    if fmt == "image":
        return True
    if fmt != "pdf":
        return False
    from app.formats.pdf import has_text_layer

    return not has_text_layer(read_bounded(Path(path)), Path(path).name)


def load(path: str | Path, *, ocr_language: str | None = None,
         progress: Callable[[int, int, str], Any] | None = None,
         should_cancel: Callable[[], bool] | None = None, cache_dir: Path | None = None,
         ocr_beside: Path | None = None) -> Edition:
    """Read ``path`` in whatever format it is (raises :class:`EditionError`). A scan's pages
    are looked up in ``ocr_beside`` (a saved session's OCR folder) before the cache."""
    path = Path(path)
    fmt = detect(path)
    if fmt == "text":
        return load_edition(path)
    if fmt == "image":
        from app.formats.ocr import ocr_images

        return ocr_images(path, language=ocr_language, progress=progress, should_cancel=should_cancel,
                          cache_dir=cache_dir, beside=ocr_beside)
    raw = read_bounded(path, MAX_BYTES)
    if fmt == "pdf":
        from app.formats.pdf import read_pdf

        return read_pdf(path, raw, ocr_language=ocr_language, progress=progress,
                        should_cancel=should_cancel, cache_dir=cache_dir, ocr_beside=ocr_beside)
    reader = _readers()[fmt]
    return reader(path, raw)


def load_pair(first: str | Path, second: str | Path, *, ocr_language: str | None = None,
              progress: Callable[[int, int, str], Any] | None = None,
              should_cancel: Callable[[], bool] | None = None,
              cache_dir: Path | None = None, ocr_beside: Path | None = None) -> tuple[Edition, Edition]:
    """Both editions of a pair, in the order given. When one needs OCR and no language is
    given, the other is read first and its language chosen (:mod:`.language`)."""
    paths = [Path(first), Path(second)]
    ocr = [needs_ocr(p) for p in paths]
    order = [1, 0] if ocr[0] and not ocr[1] else [0, 1]
    editions: dict[int, Edition] = {}
    for index in order:
        language = ocr_language
        if language is None and ocr[index] and (1 - index) in editions:
            from app.formats.language import guess_language
            from app.formats.ocr import installed_languages

            language = guess_language(editions[1 - index].text, installed_languages() or None)
        editions[index] = load(paths[index], ocr_language=language, progress=progress,
                               should_cancel=should_cancel, cache_dir=cache_dir, ocr_beside=ocr_beside)
    return editions[0], editions[1]


def scan_of(first: str | Path, second: str | Path) -> tuple[str, str] | None:
    """``(base, reference)`` when exactly one of the two files is a scan to OCR (it is then
    surely the OCR edition, and nothing is OCR'd to find that out); None otherwise."""
    ocr = [needs_ocr(first), needs_ocr(second)]
    if ocr == [True, False]:
        return str(first), str(second)
    if ocr == [False, True]:
        return str(second), str(first)
    return None


def _readers() -> dict[str, Callable[[Path, bytes], Edition]]:
    from app.formats.alto import read_alto
    from app.formats.docx import read_docx
    from app.formats.hocr import read_hocr
    from app.formats.html import read_html
    from app.formats.markdown import read_markdown
    from app.formats.odt import read_odt
    from app.formats.page import read_page

    return {"hocr": read_hocr, "alto": read_alto, "page": read_page, "docx": read_docx, "odt": read_odt,
            "html": read_html, "markdown": read_markdown}
