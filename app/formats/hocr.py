"""hOCR (Tesseract's and other engines' HTML with word boxes) -> Edition with geometry.

Reads every ``ocr_page`` in order; within it the words (``ocrx_word``) grouped by their line
(``ocr_line`` and the other line classes) and paragraph (``ocr_par``, else the content
area). Boxes come from ``bbox`` in the ``title`` property, confidences from ``x_wconf``
(0..100, given as 0..1). Page images: the ``image`` property, found by
:func:`app.formats.sources.page_images`.

Entry point: :func:`read_hocr`. Imports: lxml, the formats base.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from app.formats.layout import OcrPage, OcrWord, ocr_edition, parse_box
from app.formats.safe_xml import parse_xml
from app.formats.sources import page_images
from app.loading import EditionError
from app.model import Edition

LINE_CLASSES = frozenset({"ocr_line", "ocr_header", "ocr_footer", "ocr_caption", "ocr_textfloat"})
PARAGRAPH_CLASSES = frozenset({"ocr_par"})
AREA_CLASSES = frozenset({"ocr_carea", "ocrx_block"})
_IMAGE = re.compile(r'image\s+"([^"]*)"|image\s+(\S+)')


def read_hocr(path: Path, raw: bytes) -> Edition:
    pages = parse_hocr(raw, path.name)
    return ocr_edition(path, raw, pages, "hocr", page_images(path, pages))


def parse_hocr(raw: bytes, name: str) -> list[OcrPage]:
    """The pages of the hOCR document ``raw``."""
    root = parse_xml(raw, name)
    try:
        pages = [_page(el) for el in root.iter() if "ocr_page" in _classes(el)]
    except (ValueError, IndexError) as exc:
        raise EditionError(f"{name}: the hOCR is damaged (a box or confidence is not a number: {exc}).") from None
    if not pages:
        raise EditionError(f"{name}: is HTML without hOCR pages (no 'ocr_page'); it is not OCR output.")
    return pages


def _page(element: etree._Element) -> OcrPage:
    props = _properties(element)
    x0, y0, x1, y1 = parse_box(props.get("bbox", "0 0 0 0").split())
    image = _IMAGE.search(element.get("title", ""))
    page = OcrPage(width=x1 - x0, height=y1 - y0, image=(image.group(1) or image.group(2)) if image else None)
    paragraphs: dict[etree._Element, dict[etree._Element, list[OcrWord]]] = {}
    for word_el in element.iter():
        if "ocrx_word" not in _classes(word_el):
            continue
        text = "".join(word_el.itertext()).replace("\n", " ")  # spaces kept, as Tesseract's text has them
        wprops = _properties(word_el)
        if "bbox" not in wprops:
            continue
        conf = wprops.get("x_wconf")
        word = OcrWord(text, parse_box(wprops["bbox"].split()), float(conf) / 100 if conf else None)
        line_el = _first(_ancestor(word_el, LINE_CLASSES), word_el.getparent())
        par_el = _first(_ancestor(line_el, PARAGRAPH_CLASSES), _ancestor(line_el, AREA_CLASSES), element)
        paragraphs.setdefault(par_el, {}).setdefault(line_el, []).append(word)
    page.paragraphs = [list(lines.values()) for lines in paragraphs.values()]
    blocks = [child for child in element if _classes(child)]
    with_words = [i for i, block in enumerate(blocks) if _has_words(block)]
    page.trailing_block = bool(with_words) and with_words[-1] < len(blocks) - 1
    return page


def _has_words(element: etree._Element) -> bool:
    return any("ocrx_word" in _classes(el) for el in element.iter())


def _first(*elements: etree._Element | None) -> etree._Element:
    """The first element that is not None (lxml elements must not be truth-tested)."""
    return next(el for el in elements if el is not None)


def _classes(element: etree._Element) -> set[str]:
    value = element.get("class") if isinstance(element.tag, str) else None
    return set(value.split()) if value else set()


def _ancestor(element: etree._Element | None, classes: frozenset[str]) -> etree._Element | None:
    while element is not None:
        if _classes(element) & classes:
            return element
        element = element.getparent()
    return None


def _properties(element: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in element.get("title", "").split(";"):
        key, _, value = part.strip().partition(" ")
        if key:
            out[key] = value.strip()
    return out
