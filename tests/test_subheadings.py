"""Unnumbered headings inside a numbered outline (:mod:`app.subheadings`), long headings the
base confirms (:mod:`app.unnumbered`), and the same sections whichever format the draft is in."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from app import formats
from app.sections import align_sections
from app.unnumbered import LAYOUT, layout_headings
from formats_fixtures import PAIRS, corpus_pair
from test_sections import assert_tiles, edition
from test_unnumbered import _ocr

REPORT = """Annual report of the water board

Letterhead Street 12

3 Water supply

3.1 Sources

The region draws its water from two lakes. Both were full this year.

Groundwater levels

Wells in the north fell by a metre. Rain in autumn made up for it.

3.2 Treatment

The new plant opened in May. It treats twice the water of the old one.

Costs of the new plant...

The plant cost more than planned. Steel prices rose.

... and how they were met

A loan from the state bank covered the rest.

3.3 Outlook
"""


def test_unnumbered_sub_headings_become_sections_of_their_own() -> None:
    base = _ocr(REPORT)
    pairs = align_sections(edition(base), edition(REPORT))
    assert [p.number or p.title for p in pairs] == [
        "Annual report of the water board", "3", "3.1", "Groundwater levels", "3.2",
        "Costs of the new plant...", "... and how they were met", "3.3"]
    assert all(p.only_in is None for p in pairs)  # every one found in the OCR, and paired
    assert_tiles(pairs, base, REPORT)
    sub = next(p for p in pairs if p.title == "Groundwater levels")
    assert sub.base.slice(base).split("\n")[0] == sub.base_heading.title  # OCR-damaged
    assert fuzz.ratio(sub.base_heading.title, sub.title) >= LAYOUT.title_match
    assert sub.key.startswith("h") and sub.number == ""


def test_a_sub_heading_the_base_does_not_show_is_no_section() -> None:
    """The reference's layout suggests a heading; without a base line that matches it,
    there is nothing to confirm it, and the numbered section stays whole."""
    base = _ocr(REPORT.replace("Groundwater levels", "Ground floor plans"))
    pairs = align_sections(edition(base), edition(REPORT))
    assert "Groundwater levels" not in [p.title for p in pairs]
    assert [p.number for p in pairs if p.number] == ["3", "3.1", "3.2", "3.3"]
    assert_tiles(pairs, base, REPORT)


def test_ellipses_link_headings_and_are_no_sentence_marks() -> None:
    titles = [h.title for h in layout_headings(REPORT)]
    assert "Costs of the new plant..." in titles and "... and how they were met" in titles
    assert not layout_headings("\n... and then it rained.\n\nthe plant cost more...\n")


LONG = "Insatser på plan- och byggområdet med anledning av att staten ska kunna ta emot fler människor"
REFERENCE = f"Inledning\n\nKort text här.\n\n{LONG}\n\nMer text följer här.\n\nAvslutning\n\nSlut.\n"


def test_a_long_line_is_a_heading_where_the_base_sets_it_apart() -> None:
    assert len(LONG.split()) > LAYOUT.max_words  # too long for a heading on layout alone
    assert LONG not in [h.title for h in layout_headings(REFERENCE)]
    assert [h.title for h in layout_headings(REFERENCE, long=True)] == [LONG]
    base = _ocr(REFERENCE)  # wrapped onto three lines, a block of its own
    assert base.count("\n\n") == REFERENCE.count("\n\n") + 1 and LONG not in base
    pairs = align_sections(edition(base), edition(REFERENCE))
    assert [p.title for p in pairs] == ["Inledning", LONG, "Avslutning"]
    assert_tiles(pairs, base, REFERENCE)


def test_a_long_line_the_base_runs_on_is_a_paragraph() -> None:
    """The base prints the words as the start of a paragraph that runs on: no heading."""
    base = _ocr(REFERENCE.replace(f"{LONG}\n", f"{LONG} som söker skydd undan kriget under våren, "
                                                "och kommunerna ska få hjälp med kostnaderna.\n"))
    pairs = align_sections(edition(base), edition(REFERENCE))
    assert [p.title for p in pairs] == ["Inledning", "Avslutning"]
    assert_tiles(pairs, base, REFERENCE)


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_the_same_sections_from_a_text_draft_as_from_a_word_draft(pair: str) -> None:
    """The OCR is cut in the same places whether the draft is plain text (layout headings)
    or a Word file (its heading styles); the memo's lettered headings and its appendix, which
    only the Word styles mark, are the text draft's shortfall."""
    folder = corpus_pair(pair)
    cuts = []
    for reference in ("draft.txt", "draft.docx"):
        base, ref = formats.load_pair(folder / f"ocr_{PAIRS[pair]}.txt", folder / reference)
        pairs = align_sections(base, ref)
        assert all(p.only_in is None for p in pairs)
        cuts.append([p.base.start for p in pairs])
    text, word = cuts
    if pair.startswith("en_"):
        assert set(text) < set(word) and len(word) - len(text) == 3
    else:
        assert text == word


TWINS = """1 Transport

1.1 Outcomes

The year in short.

Effects on rail traffic

Trains ran on time more often than last year.

Effects on road traffic

Fewer lorries crossed the bridge.

1.2 Costs
"""


def test_a_damaged_title_keeps_its_own_line_when_the_next_title_reads_closer() -> None:
    """``Efects 0n raii trafic`` matches its title less than the next heading's line does;
    taking each title's best line in turn would give that line to the first title and lose
    the second. Lines are given in order for the best total match instead."""
    base = TWINS.replace("Effects on rail traffic", "Efects 0n raii trafic")
    pairs = align_sections(edition(base), edition(TWINS))
    subs = [(p.base_heading.title, p.title) for p in pairs if p.key.startswith("h")]
    assert subs == [("Efects 0n raii trafic", "Effects on rail traffic"),
                    ("Effects on road traffic", "Effects on road traffic")]
    assert_tiles(pairs, base, TWINS)
