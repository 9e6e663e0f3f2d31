"""PAGE XML (PRImA 2013-07-15 and 2019-07-15 schemas) -> Edition with geometry.

Each ``Page`` (one per file, usually) gives its ``imageFilename``, ``imageWidth`` and
``imageHeight``. Text regions are read in the ``ReadingOrder`` when there is one, else in
document order; each ``TextRegion`` is a paragraph, each ``TextLine`` a line. Words come
from ``Word`` elements (their ``TextEquiv/Unicode`` and the bounding box of their
``Coords`` points; ``conf`` 0..1); a line without words is one word with the line's box.
Laid out as Tesseract's text output (:mod:`app.formats.layout`).

Headings: a region of ``type="heading"`` (or whose ``custom`` attribute says
``structure {type:heading;}``, as Transkribus writes it) is one of the edition's
``headings``; the page furniture types (``header``, ``footer``, ``page-number``…) never are
(:func:`app.formats.regions.kind_of`).

Entry point: :func:`read_page`. Imports: lxml, the formats base.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from app.formats.layout import OcrPage, OcrWord, ocr_edition
from app.formats.regions import custom_type, kind_of
from app.formats.safe_xml import local, parse_xml
from app.formats.sources import page_images
from app.loading import EditionError
from app.model import Edition


def read_page(path: Path, raw: bytes) -> Edition:
    root = parse_xml(raw, path.name)
    if local(root.tag) != "PcGts":
        raise EditionError(f"{path.name}: is not PAGE XML (its root is <{local(root.tag)}>).")
    try:
        pages = [_page(el) for el in root.iter() if local(el.tag) == "Page"]
    except (ValueError, IndexError) as exc:
        raise EditionError(f"{path.name}: the PAGE XML is damaged ({exc}).") from None
    if not pages:
        raise EditionError(f"{path.name}: is PAGE XML without any page.")
    return ocr_edition(path, raw, pages, "page", page_images(path, pages))


def _page(element: etree._Element) -> OcrPage:
    page = OcrPage(width=_int(element.get("imageWidth")), height=_int(element.get("imageHeight")),
                   image=element.get("imageFilename"))
    regions = [el for el in element.iter() if local(el.tag) == "TextRegion"]
    order = {ref: index for index, ref in enumerate(_reading_order(element))}
    if order:
        regions.sort(key=lambda el: order.get(el.get("id", ""), len(order)))
    for region in regions:
        if kind_of(region.get("type") or custom_type(region.get("custom"))) == "heading":
            page.headings.add(len(page.paragraphs))
        lines = [_line(el) for el in region if local(el.tag) == "TextLine"]
        page.paragraphs.append([line for line in lines if line])
    return page


def _reading_order(page: etree._Element) -> list[str]:
    for el in page.iter():
        if local(el.tag) == "ReadingOrder":
            refs = [(int(ref.get("index", "0")), position, ref.get("regionRef", ""))
                    for position, ref in enumerate(el.iter()) if ref.get("regionRef")]
            return [name for _, _, name in sorted(refs)]
    return []


def _line(element: etree._Element) -> list[OcrWord]:
    words = [el for el in element if local(el.tag) == "Word"]
    if words:
        return [w for w in (_word(el) for el in words) if w.text]
    word = _word(element)
    return [word] if word.text else []


def _word(element: etree._Element) -> OcrWord:
    equiv = next((el for el in element if local(el.tag) == "TextEquiv"), None)
    text, conf = "", None
    if equiv is not None:
        unicode_el = next((el for el in equiv if local(el.tag) == "Unicode"), None)
        text = (unicode_el.text or "") if unicode_el is not None else ""
        conf = _float(equiv.get("conf"))
    coords = next((el for el in element if local(el.tag) == "Coords"), None)
    box = _points_box(coords) if coords is not None else (0, 0, 0, 0)
    return OcrWord(" ".join(text.split()), box, conf)


def _points_box(coords: etree._Element) -> tuple[int, int, int, int]:
    if coords.get("points"):
        pairs = [p.split(",") for p in coords.get("points", "").split()]
        xs, ys = [_int(p[0]) for p in pairs if len(p) == 2], [_int(p[1]) for p in pairs if len(p) == 2]
    else:  # 2010-style <Point x= y=/>
        points = [el for el in coords if local(el.tag) == "Point"]
        xs, ys = [_int(p.get("x")) for p in points], [_int(p.get("y")) for p in points]
    return (min(xs), min(ys), max(xs), max(ys)) if xs and ys else (0, 0, 0, 0)


def _int(value: str | None) -> int:
    try:
        return round(float(value or 0))
    except ValueError:
        return 0


def _float(value: str | None) -> float | None:
    try:
        return None if value is None else float(value)
    except ValueError:
        return None
