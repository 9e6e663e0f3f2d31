"""Damaged files of every format: an Edition or one EditionError, never another exception."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import formats
from app.loading import EditionError

HOCR = (b"<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body>"
        b"<div class='ocr_page' title='image \"p.png\"; bbox 0 0 100 100'><p class='ocr_par'>"
        b"<span class='ocr_line' title='bbox 0 0 90 10'><span class='ocrx_word' title='bbox 0 0 40 10; x_wconf 91'>"
        b"L\xc3\xa4nets</span> <span class='ocrx_word' title='bbox 45 0 90 10; x_wconf 55'>kommuner</span>"
        b"</span></p></div></body></html>")
ALTO = (b"<?xml version='1.0'?><alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout>"
        b"<Page WIDTH='100' HEIGHT='100'><PrintSpace><TextBlock><TextLine>"
        b"<String HPOS='0' VPOS='0' WIDTH='40' HEIGHT='10' WC='0.9' CONTENT='Text'/>"
        b"</TextLine></TextBlock></PrintSpace></Page></Layout></alto>")


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("1 Inledning", level=1)
    document.add_paragraph("Punkt", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf() -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(200, 200)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SEEDS = {"edition.hocr": HOCR, "edition.alto.xml": ALTO}


def _mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    def mutate(data: tuple[list[tuple[int, int]], int]) -> bytes:
        flips, cut = data
        raw = bytearray(seed)
        for position, value in flips:
            raw[position % len(raw)] = value
        return bytes(raw[: max(1, cut % (len(raw) + 1))])
    return st.tuples(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
                     st.integers(0, 10**7)).map(mutate)


def _check(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        edition = formats.load(path, cache_dir=path.parent / "cache")
    except EditionError as exc:
        assert path.name in str(exc)
    else:
        assert edition.text.strip()


@pytest.mark.parametrize("name", list(SEEDS))
def test_damaged_ocr_xml(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(_mutations(SEEDS[name]))
    def run(data: bytes) -> None:
        _check(folder / name, data)

    run()


@pytest.mark.parametrize("name, make", [("draft.docx", _docx), ("print.pdf", _pdf)])
def test_damaged_office_and_pdf_files(tmp_path_factory: pytest.TempPathFactory, name: str, make) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    seed = make()

    @settings(max_examples=60, deadline=None)
    @given(_mutations(seed))
    def run(data: bytes) -> None:
        _check(folder / name, data)

    run()


def test_a_docx_with_damaged_members(tmp_path: Path) -> None:
    """Each member of a real DOCX replaced by junk in turn: always the one clear error."""
    seed = _docx()
    names = zipfile.ZipFile(io.BytesIO(seed)).namelist()
    for victim in names:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(seed)) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                target.writestr(info.filename, b"<junk" if info.filename == victim else source.read(info))
        _check(tmp_path / "draft.docx", out.getvalue())
