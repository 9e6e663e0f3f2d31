"""Page furniture from the word boxes: a line standing in the top or bottom band of its page
is weighed as a page edge line, wherever the OCR's reading order put it."""

from __future__ import annotations

from pathlib import Path

from app import formats
from app.judge.pages import FURNITURE, find_furniture
from app.loading import load_edition
from app.model import Edition, Geometry, PageImage, WordBox
from formats_fixtures import corpus_pair


def _in_band(edition: Edition, start: int, end: int) -> bool:
    geometry = edition.geometry
    assert geometry is not None
    words = geometry.words_in(start, end)
    height = geometry.pages[words[0].page].height
    return all(w.box[3] <= FURNITURE.band * height for w in words) or \
        all(w.box[1] >= (1 - FURNITURE.band) * height for w in words)


def _pages_with_a_head_read_mid_page(pages: int = 4) -> Edition:
    """Pages whose running head Tesseract read after the first column (so it is neither among
    a page's first nor its last lines in the text), but whose box is at the top of the page."""
    import random

    draw = random.Random(12)
    text, words, images = "", [], []
    for page in range(pages):
        if page:
            text += "\f"
        body = [" ".join("".join(draw.choice("abdefgiklmnoprstuv") for _ in range(draw.randint(3, 9)))
                         for _ in range(5)) for _ in range(8)]  # every page its own words
        lines = body[:3] + ["Kommunernas ekonomi 2025"] + body[3:]
        for row, line in enumerate(lines):
            top = 150 if row == 3 else 400 + row * 120  # the head stands at the top
            x = 200
            for token in line.split():
                start = len(text)
                text += token
                words.append(WordBox(start, len(text), page, (x, top, x + 30 * len(token), top + 50), 0.9))
                x += 30 * len(token) + 20
                text += " "
            text = text[:-1] + "\n"
        images.append(PageImage(Path("page.png"), page, 2480, 3508))
    return Edition(Path("scan.hocr"), text, "utf-8", "0", geometry=Geometry(tuple(words), tuple(images)),
                   source_format="hocr")


def test_a_running_head_read_mid_page_is_found_by_its_place_on_the_page() -> None:
    scan = _pages_with_a_head_read_mid_page()
    reference = "Kommunerna har god ekonomi i år men kostnaderna ökar snabbt.\n"
    assert find_furniture(scan.text, reference) == []  # the text's order alone does not show it
    found = find_furniture(scan.text, reference, geometry=scan.geometry)
    assert [scan.text[a:b] for a, b in found] == ["Kommunernas ekonomi 2025"] * 4
    assert all(_in_band(scan, a, b) for a, b in found)


def test_on_a_corpus_scan_the_boxes_add_the_folios_read_inside_a_column() -> None:
    folder = corpus_pair("de_lebensqualitaet_2016")
    scan, draft = formats.load(folder / "ocr_deu.hocr"), load_edition(folder / "draft.txt")
    by_text = set(find_furniture(scan.text, draft.text))
    with_boxes = set(find_furniture(scan.text, draft.text, geometry=scan.geometry))
    assert by_text < with_boxes  # nothing lost, something gained
    added = sorted(with_boxes - by_text)
    assert [scan.text[a:b].strip(" -") for a, b in added] == ["11", "12"]  # pages 11 and 12's folios
    assert all(_in_band(scan, a, b) for a, b in added)


def test_on_the_sou_scan_the_running_heads_stand_in_the_band() -> None:
    folder = corpus_pair("sv_sou_2025_96_kommunsektorn")
    scan, draft = formats.load(folder / "ocr_swe.hocr"), load_edition(folder / "draft.txt")
    found = find_furniture(scan.text, draft.text, geometry=scan.geometry)
    assert len(found) >= 15 and set(find_furniture(scan.text, draft.text)) <= set(found)
    assert all(_in_band(scan, a, b) for a, b in found)
    heads = [scan.text[a:b] for a, b in found]
    assert sum("SOU 2025:96" in line for line in heads) >= 15
