"""Headings from ALTO tags and PAGE region types: read from small real files, and the
sections of a comparison follow them as they follow a Word document's heading styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import formats
from app.engine import compare
from app.formats.regions import custom_type, kind_of
from app.loading import load_edition
from formats_fixtures import corpus_pair

FIXTURES = Path(__file__).parent / "fixtures" / "regions"
RK_HEADINGS = ["Arbetsmarknadsdepartementet",
               "Etableringsjobb – en helt ny modell införs för staten att stimulera anställningar för "
               "långtidsarbetslösa och nyanlända",
               "Finansdepartementet"]


def _headings(name: str) -> list[tuple[str, str]]:
    """Each heading's title and the text its span covers."""
    edition = formats.load(FIXTURES / name)
    return [(h.title, edition.text[h.span.start:h.span.end]) for h in edition.headings]


@pytest.mark.parametrize("name", ["page_2019_types.xml", "page_2013_transkribus.xml"])
def test_page_heading_regions_are_headings_and_furniture_is_not(name: str) -> None:
    found = _headings(name)
    assert [title for title, _ in found] == RK_HEADINGS
    # a heading region of two lines spans both, its title on one line
    assert found[1][1] == ("Etableringsjobb – en helt ny modell införs för staten att stimulera\n"
                           "anställningar för långtidsarbetslösa och nyanlända")
    # the running head and the folio stay in the text (the furniture judge finds them there)
    text = formats.load(FIXTURES / name).text
    assert text.startswith("Regeringskansliet\n\n") and text.endswith("\n\n3\n")


def test_alto_v4_blocks_tagged_as_headings_are_headings() -> None:
    # eScriptorium-style OtherTag zone names and a LayoutTag; the running title and the
    # numbering zone are furniture, though "RunningTitleZone" says "title"
    assert _headings("alto_v4_tags.xml") == [
        ("Arbetsmarknadsdepartementet", "Arbetsmarknadsdepartementet"),
        ("Etableringsjobb för långtids- arbetslösa", "Etableringsjobb för långtids-\narbetslösa")]


def test_alto_v2_structure_tags_are_read_and_survive_the_unit_conversion() -> None:
    edition = formats.load(FIXTURES / "alto_v2_structure.xml")  # mm10, no page image: converted at 300 dpi
    assert [h.title for h in edition.headings] == ["Gesundheit und Pflege"]
    assert edition.text == "Lebensqualität\n\nGesundheit und Pflege\n\nDie Lebenserwartung steigt.\n"


def test_alto_without_tags_has_no_headings() -> None:
    # Tesseract's ALTO tags nothing
    assert formats.load(corpus_pair("en_omb_m_16_21_source_code") / "ocr_eng.alto.xml").headings == ()


@pytest.mark.parametrize("name", ["page_2019_types.xml", "page_2013_transkribus.xml"])
def test_sections_follow_the_marked_headings_of_a_page_xml_reference(name: str, tmp_path: Path) -> None:
    base = load_edition(FIXTURES / "rk-03-ocr.txt")
    reference = formats.load(FIXTURES / name)
    sections = compare(base, reference).sections
    assert [s.title for s in sections if s.title] == RK_HEADINGS
    assert all(s.only_in is None for s in sections)
    # the same text without its structure is outlined by layout alone: the running head
    # becomes a section, and the heading wrapped onto two lines is missed
    plain = tmp_path / "reference.txt"
    plain.write_text(reference.text, encoding="utf-8")
    by_layout = [s.title for s in compare(base, load_edition(plain)).sections]
    assert "Regeringskansliet" in by_layout and RK_HEADINGS[1] not in by_layout


@pytest.mark.parametrize(("label", "kind"), [
    ("heading", "heading"), ("Heading 2", "heading"), ("Title", "heading"), ("MainZone-Head", "heading"),
    ("MainZone:head", "heading"), ("header", "furniture"), ("footer", "furniture"),
    ("page-number", "furniture"), ("PageNumber", "furniture"), ("RunningTitleZone", "furniture"),
    ("NumberingZone", "furniture"), ("catch-word", "furniture"), ("paragraph", None), ("MainZone", None),
    ("caption", None), ("TOC-entry", None), ("", None), (None, None),
])
def test_labels_name_their_kind(label: str | None, kind: str | None) -> None:
    assert kind_of(label) == kind


def test_transkribus_custom_structure_type() -> None:
    assert custom_type("readingOrder {index:1;} structure {type:heading;}") == "heading"
    assert custom_type("readingOrder {index:1;}") is None


@pytest.mark.parametrize("name", ["page_2019_types.xml", "page_2013_transkribus.xml"])
def test_sections_follow_the_marked_headings_of_a_page_xml_base(name: str, tmp_path: Path) -> None:
    """The OCR is usually the base: its heading regions outline the pair when the reference,
    a plain text, marks none."""
    base = formats.load(FIXTURES / name)
    reference = load_edition(FIXTURES / "rk-03-ocr.txt")
    sections = compare(base, reference).sections
    assert [s.title for s in sections if s.title] == RK_HEADINGS
    assert all(s.only_in is None for s in sections)
