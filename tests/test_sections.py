"""Tests for :mod:`app.sections`: heading detection and section pairing on the real sample.

The expected numbering was read off the two sample files by hand: six chapters with
5, 7, 5, 5, 3 and 3 subsections (``grep -n '^ *[0-9]\\.[0-9]* '`` on either file shows them).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resources
from app.loading import load_edition
from app.model import Edition, Heading, Role, SectionPair, Span
from app.sections import align_sections, find_headings

SUBSECTIONS = {1: 5, 2: 7, 3: 5, 4: 5, 5: 3, 6: 3}
EXPECTED = [n for ch, count in SUBSECTIONS.items()
            for n in [str(ch)] + [f"{ch}.{k}" for k in range(1, count + 1)]]


@pytest.fixture(scope="module")
def editions() -> tuple[Edition, Edition]:
    base, ref = resources.sample_paths()
    return load_edition(base), load_edition(ref)


def edition(text: str, name: str = "x.txt") -> Edition:
    return Edition(path=Path(name), text=text, encoding="utf-8", sha256="")


def numbers(text: str) -> list[str]:
    return [h.number for h in find_headings(text)]


def line_start(text: str, prefix: str) -> int:
    """Offset of the one line starting with ``prefix`` (it must be there, and only once)."""
    hits = [m.start() for m in re.finditer(rf"^{re.escape(prefix)}", text, re.MULTILINE)]
    assert len(hits) == 1, prefix
    return hits[0]


def assert_tiles(pairs: tuple[SectionPair, ...], base: str, ref: str) -> None:
    """Both sides in order, gapless, covering the text; headings open their sections."""
    for side, text in (("base", base), ("reference", ref)):
        spans = [getattr(p, side) for p in pairs]
        assert spans[0].start == 0 and spans[-1].end == len(text)
        assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
        for pair, span in zip(pairs, spans):
            heading = getattr(pair, f"{side}_heading")
            if heading is None:
                assert pair.key == "front" or len(span) == 0
            else:
                assert span.start == heading.span.start and heading.span.end <= span.end
    assert len({p.key for p in pairs}) == len(pairs)


# --------------------------------------------------------------------------- the sample


def test_sample_headings_found_in_both_editions(editions: tuple[Edition, Edition]) -> None:
    base, ref = editions
    assert numbers(base.text) == EXPECTED
    assert numbers(ref.text) == EXPECTED
    assert len(EXPECTED) == 34


def test_sample_sections_all_paired_with_reference_titles(
        editions: tuple[Edition, Edition]) -> None:
    base, ref = editions
    pairs = align_sections(base, ref)
    assert pairs[0].key == "1"  # both texts open with " 1.", so no preamble
    assert [p.key for p in pairs if p.number] == EXPECTED
    assert all(p.only_in is None and p.base_heading and p.reference_heading for p in pairs)
    by_key = {p.key: p for p in pairs}
    assert by_key["1"].title == "Likvärdiga möjligheter till boende, arbete och välfärd"
    assert by_key["1"].base_heading.title == ("Likvardiga mojligheter till boende, arbete "
                                              "och valfard")
    assert by_key["5"].title == "Anslag 1:1 Regionala utvecklingsåtgärder"
    assert_tiles(pairs, base.text, ref.text)


def test_wrapped_titles_are_joined(editions: tuple[Edition, Edition]) -> None:
    base, ref = editions
    ocr = {h.number: h for h in find_headings(base.text)}
    digital = {h.number: h for h in find_headings(ref.text)}
    assert ocr["3"].title == "Innovation och fornyelse samt entreprenorskap och foretagande"
    assert digital["3"].title == "Innovation och förnyelse samt entreprenörskap och företagande"
    assert digital["1.2"].title.endswith("social och miljömässig hållbarhet för att möta "
                                         "samhällsutmaningarna.")
    # the digital extract puts a blank line inside this title; the span still covers it
    assert digital["2.1"].title.endswith("för regionens kompetensförsörjningsarbete.")
    assert digital["2.1"].span.slice(ref.text).endswith("kompetensförsörjningsarbete. ")
    # a three-line title, and the span stops before the newline
    assert ocr["1.5"].title.endswith("en uppfoljning, utvardering eller egen beddmning.")
    assert base.text[ocr["1.5"].span.end] == "\n"


@pytest.mark.parametrize("prefix", [
    "2 Ibid.",  # footnotes: a bare number, no dot
    "3 Foljande aktorer ingdr:",
    "13 For definitioner",
    "2024 har mal och",  # years opening a sentence
    "2025 trader den nya",
    "111 miljoner kronor",  # amounts
    "4483 unika deltagare",
    "40 deltagare, 5 informationsmoten",
    "18 manader sedan",
])
def test_footnotes_years_and_amounts_are_not_headings(
        editions: tuple[Edition, Edition], prefix: str) -> None:
    text = editions[0].text
    assert line_start(text, prefix) not in {h.span.start for h in find_headings(text)}


# --------------------------------------------------------------------------- detection


def test_ocr_damaged_numbers_are_recovered() -> None:
    text = ("l. Inledning\n\nText.\n\nl.1 Bakgrund\n\nText.\n\n1,2 Syfte\n\nText.\n\n"
            "[.3 Metod\n\nText.\n\n1 .4 Resultat\n\nText.\n\n2. Slutsatser\n\nText.\n")
    headings = find_headings(text)
    assert [h.number for h in headings] == ["1", "1.1", "1.2", "1.3", "1.4", "2"]
    assert [h.title for h in headings][1:4] == ["Bakgrund", "Syfte", "Metod"]
    start = line_start(text, "[.3")
    assert headings[3].span == Span(start, start + len("[.3 Metod"))


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_numbered_list_items_are_not_headings(sep: str) -> None:
    items = sep.join(["We did three things:", "1. First thing", "2. Second thing",
                      "3. Third thing", "More text."])
    text = (f" 1. Alpha\n\nIntro.\n\n1.1 Beta\n\n{items}\n\n1.2 Gamma\n\nText.\n\n"
            "2. Delta\n2.1 Epsilon\n\nText.\n")
    assert numbers(text) == ["1", "1.1", "1.2", "2", "2.1"]
    # after the last heading, a list whose numbers would fit the sequence
    assert numbers(f"{text}\n{items}\n") == ["1", "1.1", "1.2", "2", "2.1"]


def test_empty_sections_are_kept() -> None:
    """An unanswered question has no text before the next one, yet it is a heading."""
    text = "1. Alpha\n\n1.1 Beta\n\nText.\n\n1.2 Gamma\n\n1.3 Delta\n\nText.\n\n2. Epsilon\n"
    assert numbers(text + "\nText.\n") == ["1", "1.1", "1.2", "1.3", "2"]


def test_headings_need_a_plausible_place_in_the_numbering() -> None:
    text = ("1. Alpha\n\n1.1 Beta\n\n7.3 Ekonomi looks like a heading but is out of place\n\n"
            "1.2 Gamma\n\nText.\n\n2.1 Missing chapter heading is tolerated\n\nText.\n")
    assert numbers(text) == ["1", "1.1", "1.2", "2.1"]


def test_text_without_headings() -> None:
    assert find_headings("Just a letter.\n\n2024 was a year.\n3 Footnote.\n") == []
    pairs = align_sections(edition("Just a letter.\n"), edition("Just a letter!\n"))
    assert len(pairs) == 1 and pairs[0].key == "front" and pairs[0].number == ""
    assert pairs[0].base == Span(0, 15) and pairs[0].reference == Span(0, 15)


# --------------------------------------------------------------------------- pairing


def section_text(ed: Edition, number: str) -> str:
    pair = next(p for p in align_sections(ed, ed) if p.number == number)
    return pair.base.slice(ed.text)


@pytest.mark.parametrize("missing_from", [Role.REFERENCE, Role.BASE])
def test_section_in_one_edition_only(editions: tuple[Edition, Edition],
                                     missing_from: Role) -> None:
    base, ref = editions
    if missing_from is Role.REFERENCE:
        ref = replace(ref, text=ref.text.replace(section_text(ref, "2.3"), "", 1))
    else:
        base = replace(base, text=base.text.replace(section_text(base, "2.3"), "", 1))
    pairs = align_sections(base, ref)
    assert [p.key for p in pairs if p.number] == EXPECTED
    index = [p.key for p in pairs].index("2.3")
    lonely, before = pairs[index], pairs[index - 1]
    absent = "reference" if missing_from is Role.REFERENCE else "base"
    present = "base" if absent == "reference" else "reference"
    assert lonely.only_in is Role(present)
    assert getattr(lonely, f"{absent}_heading") is None
    assert getattr(lonely, absent) == Span(getattr(before, absent).end, getattr(before, absent).end)
    assert len(getattr(lonely, present)) > 0
    assert lonely.title.startswith("Beskriv hur ytterligare strategiskt")
    assert_tiles(pairs, base.text, ref.text)


def test_unrepaired_number_is_paired_by_title(editions: tuple[Edition, Edition]) -> None:
    base, ref = editions
    damaged = [replace(h, number="1.8") if h.number == "1.3" else h
               for h in find_headings(base.text)]
    pairs = align_sections(base, ref, base_headings=damaged)
    assert [p.key for p in pairs if p.number] == EXPECTED
    paired = next(p for p in pairs if p.key == "1.3")
    assert paired.base_heading.number == "1.8" and paired.reference_heading.number == "1.3"
    assert paired.title == "Beskriv hur ni har beaktat olika territoriella perspektiv i " \
                           "arbetet inom detta område."


def test_preamble_becomes_the_front_pair(editions: tuple[Edition, Edition]) -> None:
    base, ref = editions
    ref = replace(ref, text="Årsredovisning 2024\n\n" + ref.text)
    pairs = align_sections(base, ref)
    assert pairs[0].key == "front" and pairs[0].number == "" and pairs[0].only_in is None
    assert pairs[0].base == Span(0, 0) and pairs[0].reference == Span(0, 21)
    assert [p.key for p in pairs[1:] if p.number] == EXPECTED
    assert_tiles(pairs, base.text, ref.text)


def test_repeated_numbering_gets_unique_keys(editions: tuple[Edition, Edition]) -> None:
    base, ref = (replace(e, text=e.text * 3) for e in editions)
    pairs = align_sections(base, ref)
    once = len(align_sections(*editions))
    assert len(pairs) == 3 * once and all(p.only_in is None for p in pairs)
    assert [p.number for p in pairs if p.number] == EXPECTED * 3
    assert [p.key for p in pairs[once:once + 2]] == ["1#2", "1.1#2"] and pairs[-1].key == "6.3#3"
    assert_tiles(pairs, base.text, ref.text)


def test_hundredfold_sample_aligns(editions: tuple[Edition, Edition]) -> None:
    """Speed is the benchmark's business (scripts/benchmark.py); here: it is all paired."""
    base, ref = (replace(e, text=e.text * 100) for e in editions)
    pairs = align_sections(base, ref)
    assert len(pairs) == 100 * len(align_sections(*editions)) and pairs[-1].key == "6.3#100"
    assert all(p.only_in is None for p in pairs)


# --------------------------------------------------------------------------- properties

LINES = st.one_of(
    st.sampled_from([
        "1. Alpha", " 2. Beta", "1.1 Gamma", "1.2 Delta", "2.1 Epsilon", "2.1.1 Zeta",
        "l.2 Eta", "1,3 Theta", "3. Iota wraps and", "continues here", "", "", "",
        "Body text.", "3 Footnote text", "2024 was a year", "1. List item", "Ärende Åtta",
    ]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r"), max_size=12),
)
TEXTS = st.lists(LINES, max_size=30).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS, TEXTS)
def test_pairs_tile_both_texts(base_text: str, ref_text: str) -> None:
    pairs = align_sections(edition(base_text), edition(ref_text))
    assert_tiles(pairs, base_text, ref_text)


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.data())
def test_renumbered_headings_still_tile(text: str, data: st.DataObject) -> None:
    """Numbers that no longer match send headings through title pairing; nothing is lost."""
    headings = find_headings(text)
    renumbered = [replace(h, number=data.draw(st.sampled_from([h.number, "9.9"])))
                  for h in headings]
    pairs = align_sections(edition(text), edition(text), reference_headings=renumbered)
    assert_tiles(pairs, text, text)
    if not headings:  # no heading at all: pages or blocks stand in (app.unnumbered)
        return
    assert [p.base_heading for p in pairs if p.base_heading] == headings
    assert [p.reference_heading for p in pairs if p.reference_heading] == renumbered


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_headings_are_ordered_lines(text: str) -> None:
    headings = find_headings(text)
    assert all(a.span.end < b.span.start for a, b in zip(headings, headings[1:]))
    for h in headings:
        assert h.span.start == 0 or text[h.span.start - 1] == "\n"
        assert h.span.end <= len(text) and "\n" not in text[h.span.end - 1 : h.span.end]
        assert isinstance(h, Heading) and re.fullmatch(r"\d+(\.\d+)*", h.number)


def test_a_colon_for_the_dot_and_a_speck_before_the_number_are_ocr_damage() -> None:
    """``7: Implementation`` and ``‘7.1 Roles`` as an OCR read ``7. Implementation`` and
    ``7.1 Roles``: still headings, as the chain of numbers says."""
    text = ("6. Exceptions\n\nSome text here.\n\n7: Implementation\n\n‘7.1 Roles and Responsibilities\n"
            "The act creates clear responsibilities.\n\n7.2 Code Inventories\n\nMore text.\n")
    assert [(h.number, h.title) for h in find_headings(text)] == [
        ("6", "Exceptions"), ("7", "Implementation"), ("7.1", "Roles and Responsibilities"),
        ("7.2", "Code Inventories")]


# --------------------------------------------------------------------------- misread numbers

MEMO = ("7. Implementation\n\nText.\n\n7.1 Roles\n\nText.\n\n7.2 Code Repositories\n\nText.\n\n"
        "7.3 Licensing\n\nText.\n\n{n} Accountability Mechanisms\n\nText.\n\nAppendix\n")


def test_a_misread_number_takes_the_number_the_reference_gives_its_title() -> None:
    """The OCR read ``7.2`` for ``7.4``: alone the chain drops it (7.2 does not follow 7.3),
    but its title is the reference's 7.4's, and as 7.4 it continues the numbering."""
    base, ref = MEMO.format(n="7.2"), MEMO.format(n="7.4")
    assert numbers(base) == ["7", "7.1", "7.2", "7.3"]  # the misread line is lost alone
    found = find_headings(base, known=find_headings(ref))
    assert [h.number for h in found] == ["7", "7.1", "7.2", "7.3", "7.4"]
    assert found[-1].span.slice(base) == "7.2 Accountability Mechanisms"
    pairs = align_sections(edition(base), edition(ref))
    assert [p.key for p in pairs if p.number] == ["7", "7.1", "7.2", "7.3", "7.4"]
    assert next(p for p in pairs if p.key == "7.4").base_heading.title == "Accountability Mechanisms"
    assert_tiles(pairs, base, ref)


def test_a_renumbered_reference_does_not_renumber_a_consistent_base() -> None:
    """The draft numbered "Licensing" 7.4 and the print 7.3: the print's own numbering holds,
    so the number as read wins over the reference's (a misread costs a little)."""
    ref = MEMO.format(n="7.5").replace("7.3 Licensing", "7.4 Licensing")
    base = MEMO.format(n="7.4")
    assert [h.number for h in find_headings(base, known=find_headings(ref))] == numbers(base)


def test_a_title_of_another_heading_is_no_misread() -> None:
    """A line whose number's own reference heading has its title keeps its number."""
    base = MEMO.format(n="7.4")
    assert [h.number for h in find_headings(base, known=find_headings(base))] == numbers(base)


def test_the_corpus_memo_s_misread_7_7_is_its_section() -> None:
    from formats_fixtures import corpus_pair

    folder = corpus_pair("en_omb_m_16_21_source_code")
    base, ref = (load_edition(folder / name) for name in ("ocr_eng.txt", "draft.txt"))
    assert "\n7.4 Accountability Mechanisms\n" in base.text  # the OCR's misread
    pair = next(p for p in align_sections(base, ref) if p.key == "7.7")
    assert pair.base_heading.span.slice(base.text).startswith("7.4 Accountability")
    assert pair.reference_heading.title == "Accountability Mechanisms"


# --------------------------------------------------------------------------- bare chapter numbers


def test_a_bare_chapter_number_is_a_heading_over_its_first_section() -> None:
    """Word exports a chapter's number without its dot (``13<tab>Kommunsektorn``)."""
    text = "13\tKommunsektorn\n\n13.1 Inledning\n\nText.\n\n13.2 Styrning\n\nText.\n"
    assert numbers(text) == ["13", "13.1", "13.2"]
    assert numbers(text.replace("\t", " ")) == ["13", "13.1", "13.2"]


@pytest.mark.parametrize("text", [
    "13 For definitioner se bilagan\n\n14.1 Inledning\n\nText.\n",  # not its own child
    "13 For definitioner\nse bilagan.\n\n13.1 Inledning\n\nText.\n",  # body text between
    "1.1 Alpha\n\nText.\n\n2 Foo bar\n\nText.\n\n1.2 Beta\n",  # a footnote, no child
])
def test_a_bare_number_without_its_first_section_is_no_heading(text: str) -> None:
    assert all("." in n for n in numbers(text))


def test_two_specks_before_a_number_are_ocr_damage() -> None:
    text = ("13.3 Förslag\n\nText.\n\n\":13.3.1 En garantimodell\n\nText.\n\n"
            "13.3.2 Bättre redovisning\n\nText.\n")
    assert numbers(text) == ["13.3", "13.3.1", "13.3.2"]


# --------------------------------------------------------------------------- numbers other engines misread

CHAPTER = ("13\tKommunsektorn\n\n13.1 Inledning\n\nI delbetänkandet analyseras sektorn.\n\n"
           "13.2 Produktivitet, demografi och styrning\n\n"
           "13.2.1 Produktivitet och effektivitet i kommunsektorn\n\nText om produktiviteten.\n\n"
           "13.2.2 En förändrad demografi innebär förändrade förutsättningar\n\nText om demografin.\n\n"
           "13.2.3 Statens styrning är omfattande\n\nText om styrningen.\n\n"
           "13.3 Bedömningar och förslag\n\nText om förslagen.\n\n"
           "13.3.1 En garantimodell för kommunsektorns finansiering\n\nText om modellen.\n\n"
           "13.3.2 Bättre redovisning av statsbidragens effekter\n\nText om redovisningen.\n\n"
           "13.4 Konsekvenser\n\nText om konsekvenserna.\n")
CHAPTER_NUMBERS = ["13", "13.1", "13.2", "13.2.1", "13.2.2", "13.2.3", "13.3", "13.3.1", "13.3.2", "13.4"]


def assert_chapter_paired(base: str, ref: str = CHAPTER) -> tuple[SectionPair, ...]:
    """Every section of the chapter paired, each on the base line that reads its title."""
    pairs = align_sections(edition(base), edition(ref))
    assert [p.key for p in pairs] == CHAPTER_NUMBERS
    assert all(p.only_in is None for p in pairs)
    assert_tiles(pairs, base, ref)
    return pairs


def test_a_number_with_a_blank_inside_is_the_reference_s_number() -> None:
    """gocr reads ``13.2.1`` as ``1 3.2.1``: alone no heading of the chapter is found (``1`` is
    a bare number, and ``13`` has no first section under it), so all is one section."""
    base = CHAPTER.replace("\t", " ").replace("13.", "1 3.")
    assert numbers(base) == []
    pairs = assert_chapter_paired(base)
    assert pairs[3].base_heading.span.slice(base) == "1 3.2.1 Produktivitet och effektivitet i kommunsektorn"
    assert pairs[3].base_heading.title == "Produktivitet och effektivitet i kommunsektorn"


@pytest.mark.parametrize(("number", "line"), [
    ("13", "3 Kommunsektorn"),  # a bare number: a chapter only over its first section, alone
    ("13.2.2", "      3.2.2 En törändrad demograti innebär törändrade törutsättningar"),  # indented
    ("13.2.2", "3.2.2 En törändrad demograti innebär törändrade törutsättningar"),  # one part away
])
def test_a_lost_leading_digit_is_read_where_the_title_is_the_reference_s(number: str, line: str) -> None:
    """The engine dropped a number's first digit; the title is the reference's heading's."""
    heading = next(h for h in find_headings(CHAPTER) if h.number == number)
    base = CHAPTER.replace(heading.span.slice(CHAPTER), line)
    assert number not in numbers(base)
    pairs = assert_chapter_paired(base)
    assert pairs[CHAPTER_NUMBERS.index(number)].base_heading.span.slice(base) == line


def test_a_lowercase_glyph_for_the_title_s_capital_is_read_where_the_title_is_the_reference_s() -> None:
    """ocrad reads ``Inledning`` as ``lnledning``: a title starting lowercase is body text to
    the strict reading, so 13.1 is lost, and 13 with it (no first section under it)."""
    base = CHAPTER.replace("Inledning", "lnledning")
    assert numbers(base)[:2] == ["13.2", "13.2.1"]
    pairs = assert_chapter_paired(base)
    assert pairs[1].base_heading.span.slice(base) == "13.1 lnledning"


def test_an_unreadable_digit_an_indent_and_dust_after_the_title_are_ocr_damage() -> None:
    """gocr's ``_`` for a glyph it could not read, a line indented as deep as the page's
    column, and specks read along the rest of the heading's line."""
    base = (CHAPTER.replace("13.3.2 Bättre", "         1 3.3._ Bättre")
            .replace("13.3.1 En garantimodell för kommunsektorns finansiering",
                     "       ' .1 3.3.1 En garantimod- ell för kommunsektorns finansiering      '"))
    pairs = assert_chapter_paired(base)
    assert pairs[7].base_heading.span.slice(base).lstrip().startswith("' .1 3.3.1 En garantimod")
    assert pairs[8].base_heading.span.slice(base).lstrip().startswith("1 3.3._ Bättre")


def test_a_changed_title_keeps_an_exact_number_with_a_blank_inside() -> None:
    """The print retitled 13.3.2: its number, once the blank is out, is evidence enough."""
    base = CHAPTER.replace("13.3.2 Bättre redovisning av statsbidragens effekter",
                           "1 3.3.2 Bättre redovisning för förbättrad tydlighet")
    assert_chapter_paired(base)


@pytest.mark.parametrize("line", [
    "3.2.2 Något helt annat står här",  # a lost digit and another title: one misread, no evidence
    "1 3.2.2 beskrivs hur staten styr",  # body text that starts with a section number
    "3.2.7 En förändrad demografi innebär förändrade förutsättningar",  # two characters away
])
def test_a_damaged_number_without_a_second_piece_of_evidence_is_no_heading(line: str) -> None:
    base = CHAPTER.replace("13.2.2 En förändrad demografi innebär förändrade förutsättningar", line)
    found = [h.number for h in find_headings(base, known=find_headings(CHAPTER))]
    assert found == [n for n in CHAPTER_NUMBERS if n != "13.2.2"]


def test_a_bare_number_with_a_blank_inside_needs_the_title() -> None:
    """``1 3`` over another title is no chapter 13: a bare number opens footnotes as often."""
    base = CHAPTER.replace("13\tKommunsektorn", "1 3 Kommunerna i siffror").replace("13.", "1 3.")
    pairs = align_sections(edition(base), edition(CHAPTER))
    assert [p.key for p in pairs][:2] == ["front", "13"] and pairs[1].only_in == "reference"
    assert [p.key for p in pairs][2:] == CHAPTER_NUMBERS[1:]


def test_a_recovered_line_is_taken_only_where_it_continues_the_numbering() -> None:
    """The title of 13.1, spaced, again after 13.2 (a running head, say): not taken there."""
    base = CHAPTER.replace("13.1 Inledning\n\n", "").replace(
        "13.2.1 Produktivitet", "1 3.1 Inledning\n\n13.2.1 Produktivitet")
    found = [h.number for h in find_headings(base, known=find_headings(CHAPTER))]
    assert found == [n for n in CHAPTER_NUMBERS if n != "13.1"]


def test_the_corpus_sou_s_43_3_1_is_13_3_1() -> None:
    """Tesseract read ``” 43.3.1 En garantimodell``: a misread digit, the title the draft's."""
    from formats_fixtures import corpus_pair

    folder = corpus_pair("sv_sou_2025_96_kommunsektorn")
    base, ref = (load_edition(folder / name) for name in ("ocr_eng.txt", "draft.txt"))
    assert "\n” 43.3.1 En garantimodell" in base.text
    pair = next(p for p in align_sections(base, ref) if p.key == "13.3.1")
    assert pair.base_heading.span.slice(base.text).startswith("” 43.3.1 En garantimodell")


NUMBER_TEXT = st.text(alphabet="0123_.", min_size=1, max_size=7)


@settings(max_examples=300, deadline=None)
@given(NUMBER_TEXT, st.lists(NUMBER_TEXT, min_size=1, max_size=6), st.integers(0, 2))
def test_a_gap_finds_exactly_the_numbers_within_reach(read: str, theirs: list[str], edits: int) -> None:
    """The symmetric-delete index of a gap's numbers answers as a comparison with every one."""
    from rapidfuzz.distance import Levenshtein

    from app.sections import _Gap

    gap = _Gap([((1,), Heading(n, "Titel", Span(0, 1))) for n in theirs], edits)
    assert gap.numbers(read) == sorted(
        (n, Levenshtein.distance(read, n)) for n in set(theirs) if Levenshtein.distance(read, n) <= edits)


def test_a_hundredfold_outline_all_indented_is_recovered(editions: tuple[Edition, Edition]) -> None:
    """Every heading of the base too deep for the strict reading: each is read loosely, in a
    gap as long as the text (the index keeps that linear; benchmark.py times it)."""
    base, ref = (e.text * 100 for e in editions)
    base = re.sub(r"(?m)^ *(?=\d)", "      ", base)
    assert numbers(base) == []
    assert [h.number for h in find_headings(base, known=find_headings(ref))] == EXPECTED * 100
