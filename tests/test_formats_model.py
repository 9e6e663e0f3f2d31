"""The geometry value types, sniffing by content, the OCR language guess, old sessions."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

from app import formats
from app.formats.language import guess_language
from app.model import Geometry, PageImage, WordBox
from app.review import Review
from app.engine import compare_files
from app.session import load_session, open_session, save_session
from formats_fixtures import corpus_pair


def _geometry() -> Geometry:
    page = PageImage(Path("scan.pdf"), 0, 100, 100)
    words = (WordBox(0, 5, 0, (0, 0, 10, 10), 0.9), WordBox(6, 11, 0, (12, 0, 20, 10), None),
             WordBox(12, 14, 0, (22, 0, 30, 10), 0.2))
    return Geometry(words, (page,))


def test_words_in_finds_overlapping_words() -> None:
    geometry = _geometry()
    first, second, third = geometry.words
    assert geometry.words_in(0, 14) == (first, second, third)
    assert geometry.words_in(3, 7) == (first, second)
    assert geometry.words_in(5, 6) == ()  # the space between two words
    assert geometry.words_in(7, 7) == (second,)  # an insertion point inside a word
    assert geometry.words_in(20, 30) == ()
    assert pickle.loads(pickle.dumps(geometry)) == geometry
    assert pickle.loads(pickle.dumps(geometry)).words_in(3, 7) == (first, second)


@pytest.mark.parametrize("bad", [dict(start=5, end=2), dict(box=(10, 0, 5, 5)), dict(confidence=1.5),
                                 dict(page=-1)])
def test_word_boxes_refuse_nonsense(bad: dict) -> None:
    fields = dict(start=0, end=3, page=0, box=(0, 0, 5, 5), confidence=None) | bad
    with pytest.raises(ValueError):
        WordBox(**fields)


def test_geometry_refuses_unordered_words_and_unknown_pages() -> None:
    page = PageImage(Path("p.png"), 0, 10, 10)
    with pytest.raises(ValueError):
        Geometry((WordBox(5, 6, 0, (0, 0, 1, 1), None), WordBox(0, 1, 0, (0, 0, 1, 1), None)), (page,))
    with pytest.raises(ValueError):
        Geometry((WordBox(0, 1, 1, (0, 0, 1, 1), None),), (page,))


def test_the_format_comes_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    folder = corpus_pair("en_omb_m_16_21_source_code")
    disguised = tmp_path / "ocr-output.txt"
    shutil.copy(folder / "ocr_eng.hocr", disguised)
    assert formats.detect(disguised) == "hocr"
    renamed = tmp_path / "print.dat"
    shutil.copy(folder / "print.pdf", renamed)
    assert formats.load(renamed).source_format == "pdf"
    word = tmp_path / "draft.bin"
    shutil.copy(folder / "draft.docx", word)
    assert formats.detect(word) == "docx"
    assert formats.detect(folder / "ocr_eng.alto.xml") == "alto"


def test_the_ocr_language_is_guessed_from_the_other_edition() -> None:
    # told by the system's Hunspell dictionaries (dev.sh installs sv, en, de), no word list of ours
    for pair, code in (("sv_sou_2025_96_kommunsektorn", "swe"), ("de_lebensqualitaet_2016", "deu"),
                       ("en_omb_m_16_21_source_code", "eng")):
        draft = (corpus_pair(pair) / "draft.txt").read_text(encoding="utf-8")
        assert guess_language(draft) == code
        assert guess_language(draft, available={code, "fin"}) == code
        assert guess_language(draft, available={"eng", "fin"} - {code} | {"eng"}) == "eng"  # not installed
    assert guess_language("") == "eng"


def test_sessions_remember_formats_and_old_sessions_still_open(tmp_path: Path) -> None:
    folder = corpus_pair("en_omb_m_16_21_source_code")
    review = Review(compare_files(folder / "ocr_eng.hocr", folder / "draft.docx"))
    session = tmp_path / "review.proofpair"
    save_session(session, review)
    doc = json.loads(session.read_text(encoding="utf-8"))
    assert doc["editions"]["base"]["format"] == "hocr"
    assert doc["editions"]["reference"]["format"] == "docx"
    assert "ocr_language" not in doc["editions"]["base"]  # no OCR ran to read hOCR
    reopened, report, _ = open_session(session)
    assert reopened.comparison.base.geometry is not None and not report.message
    for entry in doc["editions"].values():  # as a session saved before formats existed
        del entry["format"]
    session.write_text(json.dumps(doc), encoding="utf-8")
    loaded = load_session(session)
    assert (loaded.base_format, loaded.reference_format, loaded.ocr_language) == ("text", "text", None)
    assert open_session(session)[0].comparison.reference.source_format == "docx"


def test_plain_text_that_starts_with_markup_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("<b>1 Inledning</b> är rubriken.\n\nText.\n", encoding="utf-8")
    assert formats.load(path).text.startswith("<b>1 Inledning</b>")
    (tmp_path / "data.xml").write_text("<records><r/></records>", encoding="utf-8")
    with pytest.raises(formats.EditionError, match="data.xml: is XML"):
        formats.load(tmp_path / "data.xml")


def test_files_are_described_before_anything_slow(tmp_path: Path) -> None:
    from app.formats.describe import describe

    folder = corpus_pair("sv_sou_2025_96_kommunsektorn")
    assert describe(folder / "scan.pdf") == "scan, 19 pages, OCR needed"
    assert describe(folder / "print.pdf") == "PDF with text, 19 pages"
    assert describe(folder / "ocr_swe.hocr") == "hOCR (OCR with word boxes), 19 pages"
    assert describe(folder / "draft.docx").startswith("Word document, ") and "0 headings" not in describe(folder / "draft.docx")
    assert describe(folder / "draft.txt").startswith("plain text, ")
