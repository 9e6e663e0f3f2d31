"""ALTO XML (v2, v3, v4; one or many pages per file) -> Edition with geometry.

Every ``Page`` in order; each ``TextBlock`` is a paragraph, each ``TextLine`` a line, each
``String`` a word (``CONTENT``; box from ``HPOS VPOS WIDTH HEIGHT``; ``WC`` 0..1 as the
confidence); a line-end ``HYP`` adds its hyphen. Laid out as Tesseract's text output is
(:mod:`app.formats.layout`). The page image is ``sourceImageInformation/fileName`` (found by
:mod:`app.formats.sources`).

Headings: a ``TextBlock`` whose ``TAGREFS`` name a tag of ``Tags`` (any kind: ``LayoutTag``,
``StructureTag``, ``RoleTag``, ``OtherTag``) whose ``LABEL`` (else ``TYPE``) says heading
(:func:`app.formats.regions.kind_of`) is one of the edition's ``headings``; a block also
tagged as page furniture is not.

Units: boxes and page sizes are given in the file's ``MeasurementUnit``: ``pixel`` (the OCR
engines' output, kept as it is), ``mm10`` (tenths of a millimetre) or ``inch1200`` (1/1200
inch). The last two are converted to pixels of the page image: the image's pixel width
over the page's width in inches gives its resolution (ALTO itself records none); without a
page image to measure, :data:`DEFAULT_DPI`.

Entry point: :func:`read_alto`. Imports: lxml, the formats base.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from app.formats.layout import OcrPage, OcrWord, ocr_edition
from app.formats.regions import Kind, kind_of
from app.formats.safe_xml import local, parse_xml
from app.formats.sources import find_image, page_images
from app.loading import EditionError
from app.model import Edition

TEXT_FREE_BLOCKS = frozenset({"GraphicalElement", "Illustration"})
#: ALTO's measurement units, in units per inch (``pixel`` needs no conversion).
UNITS_PER_INCH = {"mm10": 254.0, "inch1200": 1200.0}
#: The resolution a page is taken to have when no page image tells (a scan's usual 300 dpi).
DEFAULT_DPI = 300.0


def read_alto(path: Path, raw: bytes) -> Edition:
    root = parse_xml(raw, path.name)
    if local(root.tag) != "alto":
        raise EditionError(f"{path.name}: is not ALTO XML (its root is <{local(root.tag)}>).")
    image = next((el.text.strip() for el in root.iter() if local(el.tag) == "fileName" and el.text), None)
    tags = _tag_kinds(root)
    try:
        pages = [_page(el, image if index == 0 else None, tags)
                 for index, el in enumerate(el for el in root.iter() if local(el.tag) == "Page")]
    except (ValueError, IndexError) as exc:
        raise EditionError(f"{path.name}: the ALTO is damaged (a position or confidence is not a number: "
                           f"{exc}).") from None
    if not pages:
        raise EditionError(f"{path.name}: is ALTO XML without any page.")
    unit = next(((el.text or "").strip().lower() for el in root.iter() if local(el.tag) == "MeasurementUnit"),
                "pixel")
    if unit in UNITS_PER_INCH:
        pages = [_in_pixels(page, UNITS_PER_INCH[unit], path.resolve().parent) for page in pages]
    return ocr_edition(path, raw, pages, "alto", page_images(path, pages))


def _in_pixels(page: OcrPage, per_inch: float, folder: Path) -> OcrPage:
    """``page`` with its size and boxes in pixels of its image (``per_inch`` units an inch)."""
    dpi = _measured_dpi(folder, page.image, page.width / per_inch) or DEFAULT_DPI
    factor = dpi / per_inch

    def scaled(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        x0, y0, x1, y1 = (round(v * factor) for v in box)
        return x0, y0, x1, y1

    out = OcrPage(round(page.width * factor), round(page.height * factor), page.image,
                  trailing_block=page.trailing_block, headings=page.headings)
    out.paragraphs = [[[OcrWord(w.text, scaled(w.box), w.confidence) for w in line] for line in paragraph]
                      for paragraph in page.paragraphs]
    return out


def _measured_dpi(folder: Path, image: str | None, inches: float) -> float | None:
    """The page image's resolution: its pixel width over the page's width in inches (None
    when the image is not beside the file, cannot be read, or the page has no width)."""
    found = find_image(folder, image)
    if found is None or inches <= 0:
        return None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(found) as opened:  # reads the header only
            return opened.width / inches
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None


def _tag_kinds(root: etree._Element) -> dict[str, Kind]:
    """The tags of ``Tags`` that name a heading or page furniture, by their ``ID``."""
    out: dict[str, Kind] = {}
    for tags in (el for el in root.iter() if local(el.tag) == "Tags"):
        for tag in tags:
            kind = kind_of(tag.get("LABEL") or tag.get("TYPE")) if isinstance(tag.tag, str) else None
            if kind is not None and tag.get("ID"):
                out[tag.get("ID", "")] = kind
    return out


def _page(element: etree._Element, image: str | None, tags: dict[str, Kind]) -> OcrPage:
    page = OcrPage(width=_int(element, "WIDTH"), height=_int(element, "HEIGHT"), image=image)
    last_text_block = -1
    blocks = 0
    for el in element.iter():
        name = local(el.tag)
        if name == "TextBlock":
            kinds = {tags.get(ref) for ref in el.get("TAGREFS", "").split()}
            if "heading" in kinds and "furniture" not in kinds:
                page.headings.add(len(page.paragraphs))
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
