"""PDF with a text layer: text in reading order, pages apart, every word boxed; rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import formats
from app.engine import compare_files
from app.formats.render import render_page
from formats_fixtures import PAIRS, corpus_pair

PAGES = [["1 Inledning", "Länets utveckling är god.", "", "Nästa stycke börjar här."],
         ["2 Mål", "Målen för år 2024 nås."]]


def _write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Two A4 pages of text written by Qt's own PDF writer (real fonts, a real text layer)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 11))
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        y = 100
        for line in lines:
            y += 150 if not line else 70
            if line:
                painter.drawText(100, y, line)
    painter.end()
    return path


@pytest.mark.gui
def test_a_two_page_text_pdf_reads_in_order_with_boxes(qapp, tmp_path: Path) -> None:
    path = _write_pdf(tmp_path / "print.pdf", PAGES)
    edition = formats.load(path)
    assert edition.source_format == "pdf"
    first, second = edition.text.split("\f")
    assert first == "1 Inledning\nLänets utveckling är god.\n\nNästa stycke börjar här.\n"
    assert second == "2 Mål\nMålen för år 2024 nås.\n"
    geometry = edition.geometry
    assert geometry is not None and len(geometry.pages) == 2
    page = geometry.pages[0]
    assert (page.source, page.index) == (path.resolve(), 0)
    assert (page.width, page.height) == (round(595.3 * 2), round(841.9 * 2)) or abs(page.width - 1191) <= 1
    words = [edition.text[w.start:w.end] for w in geometry.words]
    assert words[:4] == ["1", "Inledning", "Länets", "utveckling"]
    länets = geometry.words[2]
    assert länets.page == 0 and länets.confidence is None
    x0, y0, x1, y1 = länets.box
    # 20 mm margin + 100 dots at 300 dpi, in 144-dpi pixels: the word starts about 170 px in
    assert 150 < x0 < 200 and x1 > x0 + 50 and 0 < y1 - y0 < 60
    mål = next(w for w in geometry.words if edition.text[w.start:w.end] == "Målen")
    assert mål.page == 1
    pixels, width, height = render_page(page, 0.5)
    assert (width, height) == (round(page.width * 0.5), round(page.height * 0.5))
    assert len(pixels) == width * height
    # the word's box holds ink: darker than the white page around it
    sx0, sy0, sx1, sy1 = (round(v * 0.5) for v in länets.box)
    ink = [pixels[y * width + x] for y in range(sy0, sy1) for x in range(sx0, sx1)]
    assert min(ink) < 100 and pixels[5 * width + 5] == 255


@pytest.mark.parametrize("pair", list(PAIRS))
def test_the_corpus_print_compares_with_the_same_sections(pair: str) -> None:
    folder = corpus_pair(pair)
    text_pair = compare_files(folder / f"ocr_{PAIRS[pair]}.txt", folder / "draft.txt")
    print_pair = compare_files(folder / "print.pdf", folder / "draft.txt")
    assert print_pair.base.source_format == "pdf"
    assert print_pair.base.text.count("\f") == text_pair.base.text.count("\f")
    both = {s.number for s in text_pair.sections if s.only_in is None}
    assert both <= {s.number for s in print_pair.sections if s.only_in is None}
    # the print has no OCR errors: fewer content and OCR changes than the scan's OCR, never more
    content = [c for c in print_pair.changes if c.kind == "content"]
    assert 0 < len(content) <= sum(c.kind == "content" for c in text_pair.changes)


def test_rendering_a_corpus_scan_page_matches_its_ocr_boxes() -> None:
    folder = corpus_pair("en_omb_m_16_21_source_code")
    edition = formats.load(folder / "ocr_eng.hocr")
    assert edition.geometry is not None
    page = edition.geometry.pages[0]
    pixels, width, height = render_page(page)
    assert (width, height) == (1700, 2200) and len(pixels) == width * height
    word = edition.geometry.words[1]  # MEMORANDUM
    assert edition.text[word.start:word.end] == "MEMORANDUM"
    x0, y0, x1, y1 = word.box
    ink = [pixels[y * width + x] for y in range(y0, y1) for x in range(x0, x1)]
    assert sum(v < 128 for v in ink) > len(ink) * 0.15


def _write_spaced_pdf(path: Path, lines: list[tuple[str, int, int]]) -> Path:
    """One A4 page written by Qt's PDF writer; each line (text, font size in points, the
    distance down to its baseline in dots at 300 dpi)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    painter = QPainter(writer)
    y = 100
    for text, size, down in lines:
        painter.setFont(QFont("DejaVu Sans", size))
        y += down
        painter.drawText(100, y, text)
    painter.end()
    return path


@pytest.mark.gui
def test_paragraphs_a_sixth_of_a_line_apart_and_a_wrapped_heading(qapp, tmp_path: Path) -> None:
    # the body's baselines 70 dots apart, its paragraphs 80 (as the RK print: 13.8 against
    # 15.8 pt); a 16 pt heading wrapped onto two lines 100 dots apart is one paragraph
    path = _write_spaced_pdf(tmp_path / "print.pdf", [
        ("Statligt stöd till organisationer som bedriver", 16, 0), ("verksamhet i utsatta situationer", 16, 100),
        ("Ny förordning om statsbidrag till vissa", 11, 120), ("organisationer i utsatta situationer", 11, 70),
        ("SFS: 2022:145", 11, 80),
        ("Statsbidraget får ges till vissa organisationer", 11, 80),
        ("inom det civila samhället som behöver", 11, 70), ("förstärka sin verksamhet.", 11, 70)])
    assert formats.load(path).text == (
        "Statligt stöd till organisationer som bedriver\nverksamhet i utsatta situationer\n\n"
        "Ny förordning om statsbidrag till vissa\norganisationer i utsatta situationer\n\n"
        "SFS: 2022:145\n\n"
        "Statsbidraget får ges till vissa organisationer\ninom det civila samhället som behöver\n"
        "förstärka sin verksamhet.\n")


@pytest.mark.parametrize("pair", list(PAIRS))
def test_the_corpus_print_has_the_printed_paragraphs(pair: str) -> None:
    # the printed blocks of canonical.txt against the print's paragraphs, which also hold each
    # page's running head and folio: before baselines and font sizes the RK print read as 74
    # paragraphs for its 264 blocks, the EN print as 84 for 103
    folder = corpus_pair(pair)
    edition = formats.load(folder / "print.pdf")
    paragraphs = [p for p in edition.text.replace("\f", "\n\n").split("\n\n") if p.strip()]
    blocks = [b for b in (folder / "canonical.txt").read_text(encoding="utf-8").split("\n\n") if b.strip()]
    pages = edition.text.count("\f") + 1
    assert 0.9 * len(blocks) <= len(paragraphs) <= 1.1 * (len(blocks) + 2 * pages)
