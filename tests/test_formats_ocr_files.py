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
