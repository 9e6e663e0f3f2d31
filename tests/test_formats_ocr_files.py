"""hOCR, ALTO and PAGE XML: the text laid out as Tesseract's own, boxes on the right words."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from app import formats
from app.loading import load_edition
from formats_fixtures import PAIRS, corpus_pair

_HOCR_WORD = re.compile(r"<span class='ocrx_word' id='[^']*' title='bbox (\d+) (\d+) (\d+) (\d+); x_wconf (\d+)'>"
                        r"(.*?)</span>")
_ALTO_WORD = re.compile(r'<String ID="[^"]*" HPOS="(\d+)" VPOS="(\d+)" WIDTH="(\d+)" HEIGHT="(\d+)" '
                        r'WC="([\d.]+)" CONTENT="([^"]*)"/>')


def _ocr_files() -> list[tuple[str, str]]:
    out = []
    for pair, lang in PAIRS.items():
        out.append((pair, f"ocr_{lang}.hocr"))
        if lang != "eng":
            out.append((pair, "ocr_eng.hocr"))
    return [*out, ("en_omb_m_16_21_source_code", "ocr_eng.alto.xml")]


@pytest.mark.parametrize("pair, name", _ocr_files())
def test_ocr_xml_reads_as_tesseracts_own_text(pair: str, name: str) -> None:
    folder = corpus_pair(pair)
    edition = formats.load(folder / name)
    txt = folder / (name.split(".")[0] + ".txt")
    assert edition.text == load_edition(txt).text
    assert edition.source_format == ("alto" if name.endswith(".alto.xml") else "hocr")
    geometry = edition.geometry
    assert geometry is not None
    pages = edition.text.count("\f") + 1
    assert len(geometry.pages) == pages
    # the named scan-NN.jpg is not beside the file: scan.pdf (same page count) stands in
    assert {page.source.name for page in geometry.pages} == {"scan.pdf"}
    assert [page.index for page in geometry.pages] == list(range(pages))


@pytest.mark.parametrize("pair", list(PAIRS))
def test_hocr_word_boxes_cover_their_words(pair: str) -> None:
    folder = corpus_pair(pair)
    path = folder / f"ocr_{PAIRS[pair]}.hocr"
    source = path.read_text(encoding="utf-8").split("<div class='ocr_page'")[1:]
    edition = formats.load(path)
    assert edition.geometry is not None
    by_box = {(w.page, w.box): w for w in edition.geometry.words}
    expected = [(page, m) for page, text in enumerate(source) for m in _HOCR_WORD.finditer(text)
                if m.group(6).strip()]
    for page, match in random.Random(pair).sample(expected, 50):
        box = tuple(int(v) for v in match.groups()[:4])
        word = by_box[page, box]
        assert edition.text[word.start:word.end] == _unescape(match.group(6)).strip()
        assert word.confidence == pytest.approx(int(match.group(5)) / 100)
        assert edition.geometry.words_in(word.start, word.end) == (word,)


def test_alto_word_boxes_cover_their_words() -> None:
    folder = corpus_pair("en_omb_m_16_21_source_code")
    path = folder / "ocr_eng.alto.xml"
    pages = path.read_text(encoding="utf-8").split("<Page ")[1:]
    edition = formats.load(path)
    assert edition.geometry is not None
    by_box = {(w.page, w.box): w for w in edition.geometry.words}
    expected = [(page, m) for page, text in enumerate(pages) for m in _ALTO_WORD.finditer(text)]
    for page, match in random.Random(7).sample(expected, 50):
        x, y, w, h = (int(v) for v in match.groups()[:4])
        word = by_box[page, (x, y, x + w, y + h)]
        assert edition.text[word.start:word.end] == _unescape(match.group(6))
        assert word.confidence == pytest.approx(float(match.group(5)))


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


PAGE_2019 = """<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
 <Metadata><Creator>test</Creator><Created>2024-01-01T00:00:00</Created><LastChange>2024-01-01T00:00:00</LastChange></Metadata>
 <Page imageFilename="page1.png" imageWidth="1000" imageHeight="800">
  <ReadingOrder><OrderedGroup id="ro"><RegionRefIndexed index="0" regionRef="r2"/>
   <RegionRefIndexed index="1" regionRef="r1"/></OrderedGroup></ReadingOrder>
  <TextRegion id="r1"><Coords points="10,400 900,400 900,500 10,500"/>
   <TextLine id="l3"><Coords points="10,400 900,400 900,450 10,450"/>
    <TextEquiv><Unicode>Andra stycket, en rad utan ord.</Unicode></TextEquiv></TextLine>
  </TextRegion>
  <TextRegion id="r2"><Coords points="10,10 900,10 900,200 10,200"/>
   <TextLine id="l1"><Coords points="10,10 900,10 900,60 10,60"/>
    <Word id="w1"><Coords points="10,10 200,10 200,60 10,60"/><TextEquiv conf="0.91"><Unicode>1.1</Unicode></TextEquiv></Word>
    <Word id="w2"><Coords points="220,12 600,12 600,58 220,58"/><TextEquiv conf="0.42"><Unicode>Länets</Unicode></TextEquiv></Word>
    <TextEquiv><Unicode>1.1 Länets</Unicode></TextEquiv></TextLine>
   <TextLine id="l2"><Coords points="10,80 900,80 900,130 10,130"/>
    <Word id="w3"><Coords points="10,80 300,80 300,130 10,130"/><TextEquiv><Unicode>utveckling</Unicode></TextEquiv></Word>
   </TextLine>
  </TextRegion>
 </Page>
</PcGts>
"""


@pytest.mark.parametrize("namespace", ["2019-07-15", "2013-07-15"])
def test_page_xml_follows_the_reading_order(tmp_path: Path, namespace: str) -> None:
    from PIL import Image

    Image.new("L", (1000, 800), 255).save(tmp_path / "page1.png")
    path = tmp_path / "page.xml"
    path.write_text(PAGE_2019.replace("2019-07-15", namespace), encoding="utf-8")
    edition = formats.load(path)
    assert edition.source_format == "page"
    assert edition.text == "1.1 Länets\nutveckling\n\nAndra stycket, en rad utan ord.\n"
    assert edition.geometry is not None
    first, second, third, line = edition.geometry.words
    assert (edition.text[second.start:second.end], second.box, second.confidence) == ("Länets", (220, 12, 600, 58), 0.42)
    assert third.confidence is None and edition.text[third.start:third.end] == "utveckling"
    assert edition.text[line.start:line.end] == "Andra stycket, en rad utan ord."
    assert edition.geometry.pages[0].source == (tmp_path / "page1.png").resolve()
    assert edition.geometry.words_in(0, 5) == (first, second)


def _alto(path: Path, unit: str, page: tuple[int, int], words: list[tuple[str, int, int, int, int]],
          image: str | None = None) -> Path:
    """A one-page ALTO v4 file in ``unit``; each word (content, HPOS, VPOS, WIDTH, HEIGHT)."""
    strings = "".join(f'<String CONTENT="{c}" HPOS="{x}" VPOS="{y}" WIDTH="{w}" HEIGHT="{h}" WC="0.9"/><SP/>'
                      for c, x, y, w, h in words)
    source = f"<sourceImageInformation><fileName>{image}</fileName></sourceImageInformation>" if image else ""
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">'
                    f"<Description><MeasurementUnit>{unit}</MeasurementUnit>{source}</Description>"
                    f'<Layout><Page ID="p1" WIDTH="{page[0]}" HEIGHT="{page[1]}" PHYSICAL_IMG_NR="1">'
                    f'<PrintSpace><TextBlock ID="b1"><TextLine ID="l1">{strings}</TextLine></TextBlock>'
                    f"</PrintSpace></Page></Layout></alto>", encoding="utf-8")
    return path


def _boxes(path: Path) -> tuple[list[tuple[int, int]], list[tuple[int, int, int, int]]]:
    edition = formats.load(path)
    assert edition.geometry is not None
    return [(p.width, p.height) for p in edition.geometry.pages], [w.box for w in edition.geometry.words]


def test_alto_in_tenths_of_a_millimetre_is_measured_against_its_page_image(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("L", (1240, 1754), 255).save(tmp_path / "page.png")  # A4 at 150 dpi
    # "Inledning" one inch from the left, two inches down; A4 is 2100 × 2970 tenths of a mm
    path = _alto(tmp_path / "page.alto.xml", "mm10", (2100, 2970), [("Inledning", 254, 508, 508, 51)], "page.png")
    pages, boxes = _boxes(path)
    assert pages == [(1240, 1754)]  # the image's own pixels
    assert boxes == [(150, 300, 450, 330)]  # 1 inch = 150 px at this image's resolution


def test_alto_in_1200ths_of_an_inch_is_converted_to_pixels(tmp_path: Path) -> None:
    from PIL import Image

    words = [("Inledning", 1200, 2400, 2400, 240)]  # 1 in, 2 in, 2 in wide, 0.2 in high
    pages, boxes = _boxes(_alto(tmp_path / "bare.xml", "inch1200", (9921, 14031), words))
    assert pages == [(2480, 3508)] and boxes == [(300, 600, 900, 660)]  # no image: 300 dpi

    Image.new("L", (1654, 2339), 255).save(tmp_path / "scan-01.png")  # the same page at 200 dpi
    pages, boxes = _boxes(_alto(tmp_path / "scanned.xml", "inch1200", (9921, 14031), words, "scan-01.png"))
    assert pages == [(1654, 2339)] and boxes == [(200, 400, 600, 440)]

    pages, boxes = _boxes(_alto(tmp_path / "pixels.xml", "pixel", (2480, 3508), [("Inledning", 300, 600, 600, 60)]))
    assert pages == [(2480, 3508)] and boxes == [(300, 600, 900, 660)]  # pixels stay as they are
