"""Test material for the format readers: the shared corpus (skipped with a reason when
absent) and small files generated in the test, written by the real libraries."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
#: pair -> the Tesseract language of its better OCR edition
PAIRS = {"en_omb_m_16_21_source_code": "eng", "sv_sou_2025_96_kommunsektorn": "swe",
         "de_lebensqualitaet_2016": "deu", "sv_rk_lagar_halvar_2022": "swe"}


def corpus_pair(name: str) -> Path:
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (it lives beside the repository)")
    return folder


def scan_page(pair: str, index: int, folder: Path) -> Path:
    """Page ``index`` of a corpus pair's ``scan.pdf``: the scanned JPEG, taken out unchanged."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(str(corpus_pair(pair) / "scan.pdf"))
    try:
        (image,) = document[index].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1)
        target = folder / f"{pair}-{index + 1}"
        image.extract(str(target))
    finally:
        document.close()
    return target.with_suffix(".jpg")


def two_column_pair(folder: Path) -> tuple[Path, Path]:
    """A page of two columns as an OCR that reads each line straight across both columns gives
    it (``ocr.txt``), and as the reference reads it, one column then the other (``digital.txt``)."""
    left = [f"Vänster spalt rad {n} handlar om skolan och barnens läsning i kommunen" for n in range(40)]
    right = [f"Höger spalt rad {n} beskriver vägarna och trafiken genom länet varje år" for n in range(40)]
    across, down = folder / "ocr.txt", folder / "digital.txt"
    across.write_text("\n".join(f"{a}     {b}" for a, b in zip(left, right)) + "\n", encoding="utf-8")
    down.write_text("\n".join(left + right) + "\n", encoding="utf-8")
    return across, down


def page_image(path: Path, lines: list[str], size: tuple[int, int] = (1100, 360)) -> Path:
    """A clean page image of ``lines`` in a 36 px sans font (what a 300 dpi scan of 9 pt looks like)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    for index, line in enumerate(lines):
        draw.text((40, 40 + index * 60), line, fill=0, font=font)
    image.save(path)
    return path


def scan_pdf(path: Path, pages: list[list[str]]) -> Path:
    """An image-only PDF (one grayscale JPEG a page, as a scanner writes it)."""
    from PIL import Image, ImageDraw, ImageFont

    images = []
    font = ImageFont.load_default(size=36)
    for lines in pages:
        image = Image.new("L", (1100, 360), 255)
        draw = ImageDraw.Draw(image)
        for index, line in enumerate(lines):
            draw.text((40, 40 + index * 60), line, fill=0, font=font)
        images.append(image)
    images[0].save(path, "PDF", resolution=150, save_all=True, append_images=images[1:])
    return path
