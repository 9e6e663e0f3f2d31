"""ALTO XML (v2, v3, v4; one or many pages per file) -> Edition with geometry.

Every ``Page`` in order; each ``TextBlock`` is a paragraph, each ``TextLine`` a line, each
``String`` a word (``CONTENT``; box from ``HPOS VPOS WIDTH HEIGHT``; ``WC`` 0..1 as the
confidence); a line-end ``HYP`` adds its hyphen. Laid out as Tesseract's text output is
(:mod:`app.formats.layout`). The page image is ``sourceImageInformation/fileName`` (found by
:mod:`app.formats.sources`). Boxes are in the file's measurement unit (pixels for the OCR
engines' output).

Entry point: :func:`read_alto`. Imports: lxml, the formats base.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from app.formats.layout import OcrPage, OcrWord, ocr_edition
from app.formats.safe_xml import local, parse_xml
from app.formats.sources import page_images
from app.loading import EditionError
from app.model import Edition

TEXT_FREE_BLOCKS = frozenset({"GraphicalElement", "Illustration"})


def read_alto(path: Path, raw: bytes) -> Edition:
    root = parse_xml(raw, path.name)
    if local(root.tag) != "alto":
        raise EditionError(f"{path.name}: is not ALTO XML (its root is <{local(root.tag)}>).")
    image = next((el.text.strip() for el in root.iter() if local(el.tag) == "fileName" and el.text), None)
    try:
        pages = [_page(el, image if index == 0 else None)
                 for index, el in enumerate(el for el in root.iter() if local(el.tag) == "Page")]
    except (ValueError, IndexError) as exc:
        raise EditionError(f"{path.name}: the ALTO is damaged (a position or confidence is not a number: "
                           f"{exc}).") from None
    if not pages:
        raise EditionError(f"{path.name}: is ALTO XML without any page.")
    return ocr_edition(path, raw, pages, "alto", page_images(path, pages))


def _page(element: etree._Element, image: str | None) -> OcrPage:
    page = OcrPage(width=_int(element, "WIDTH"), height=_int(element, "HEIGHT"), image=image)
    last_text_block = -1
    blocks = 0
    for el in element.iter():
        name = local(el.tag)
        if name == "TextBlock":
            lines = [_line(line) for line in el.iter() if local(line.tag) == "TextLine"]
            page.paragraphs.append([line for line in lines if line])
            blocks += 1
            if any(page.paragraphs[-1]):
                last_text_block = blocks
        elif name in TEXT_FREE_BLOCKS:
            blocks += 1
    page.trailing_block = 0 < last_text_block < blocks
    return page


def _line(element: etree._Element) -> list[OcrWord]:
    words: list[OcrWord] = []
    for el in element:
        name = local(el.tag)
        if name == "String":
            x, y = _int(el, "HPOS"), _int(el, "VPOS")
            wc = el.get("WC")
            words.append(OcrWord(el.get("CONTENT", ""), (x, y, x + _int(el, "WIDTH"), y + _int(el, "HEIGHT")),
                                 float(wc) if wc else None))
        elif name == "HYP" and words:
            last = words[-1]
            words[-1] = OcrWord(last.text + el.get("CONTENT", "-"), last.box, last.confidence)
    return words


def _int(element: etree._Element, name: str) -> int:
    try:
        return round(float(element.get(name, "0")))
    except ValueError:
        return 0
