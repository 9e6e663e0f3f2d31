"""Sections without numbers (:mod:`app.unnumbered`): layout headings, their place in the
OCR, and the page and block outlines of a document with no headings at all."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rapidfuzz import fuzz

import resources
from app.loading import load_edition
from app.model import Edition, Heading, Span
from app.review import Review, accept_all
from app.engine import compare
from app.sections import align_sections, find_headings
from app.unnumbered import LAYOUT, layout_headings
from test_sections import assert_tiles, edition

REPORT = """Annual review

Our year in short

The board met nine times. It approved the budget and a new plan for the region.

BUDGET AND FINANCE

Costs rose by four percent. Revenue followed.
Contact: the finance office

Staff and Skills

A new training scheme began in spring, and forty people took part.

what we learned
Lessons were many.

The outlook for next year
"""


def _ocr(text: str, seed: int = 1) -> str:
    """An OCR-like copy: lines wrapped at 40 columns, a few letters misread, furniture."""
    rng = random.Random(seed)
    damaged = "".join("e" if ch == "o" and rng.random() < 0.3 else ch for ch in text)
    lines = []
    for line in damaged.split("\n"):
        while len(line) > 40:
            cut = line.rfind(" ", 0, 40)
            cut = cut if cut > 0 else 40
            lines.append(line[:cut])
            line = line[cut + 1:]
        lines.append(line)
    return "\n".join(lines) + "\n\nPage 1\n"


def test_layout_headings_are_short_lone_capitalised_lines() -> None:
    titles = [h.title for h in layout_headings(REPORT)]
    assert titles == ["Annual review", "Our year in short", "BUDGET AND FINANCE", "Staff and Skills",
                      "The outlook for next year"]
    for h in layout_headings(REPORT):
        assert REPORT[h.span.start:h.span.end] == h.title and h.number == ""


def test_unnumbered_headings_are_found_in_damaged_ocr() -> None:
    base = _ocr(REPORT)
    pairs = align_sections(edition(base), edition(REPORT))
    assert [p.key for p in pairs] == ["h1", "h2", "h3", "h4", "h5"]
    for pair in pairs:
        assert pair.base_heading is not None and pair.only_in is None
        assert fuzz.ratio(pair.base_heading.title, pair.reference_heading.title) >= LAYOUT.title_match
    assert_tiles(pairs, base, REPORT)


@pytest.fixture(scope="module")
def sample() -> tuple[Edition, Edition]:
    base, ref = resources.sample_paths()
    return load_edition(base), load_edition(ref)


def test_known_headings_without_numbers_land_where_numbers_put_them(sample: tuple[Edition, Edition]) -> None:
    """A structured import that knows the headings but not their numbers: given the sample's
    reference headings with the numbers blanked, every one is found on the same OCR line the
    numbered pairing finds."""
    base, ref = sample
    numbered = [p for p in align_sections(base, ref) if p.number]
    known = [Heading("", p.reference_heading.title, p.reference_heading.span) for p in numbered]
    pairs = [p for p in align_sections(base, ref, reference_headings=known) if p.key != "front"]
    assert len(pairs) == len(numbered)
    for by_title, by_number in zip(pairs, numbered):
        assert by_title.reference.start == by_number.reference.start
        assert by_title.base.start == by_number.base.start, by_number.number
    assert_tiles(tuple(align_sections(base, ref, reference_headings=known)), base.text, ref.text)


def _plain(text: str) -> str:
    """The text with its heading lines made body text (a report with no headings at all)."""
    plain = re.sub(r"^ *\d+(?:\.\d+)*\.? +([^\n]*)$", r"Om \1 skriver vi följande.", text, flags=re.M)
    for heading in reversed(layout_headings(plain)):
        plain = plain[:heading.span.end] + "." + plain[heading.span.end:]
    assert not find_headings(plain) and not layout_headings(plain)
    return plain


def _paged(text: str, lines: int = 60) -> str:
    """The text with a form feed before every ``lines``-th line, as OCR marks page ends."""
    split = text.split("\n")
    return "\n".join("\f" + line if k and k % lines == 0 else line for k, line in enumerate(split))


def test_pages_become_sections_when_nothing_is_a_heading(sample: tuple[Edition, Edition]) -> None:
    base, ref = replace(sample[0], text=_paged(_plain(sample[0].text))), replace(sample[1], text=_plain(sample[1].text))
    pages = base.text.rstrip().split("\f")
    assert len(pages) > 5
    pairs = align_sections(base, ref)
    assert [p.key for p in pairs] == [f"p{k}" for k in range(1, len(pages) + 1)]
    assert_tiles(pairs, base.text, ref.text)
    for pair in pairs[1:]:
        assert base.text[pair.base.start - 1] == "\f"
        first = " ".join(pair.base.slice(base.text).split()[:6])
        here = " ".join(pair.reference.slice(ref.text).split()[:6])
        assert fuzz.ratio(first, here) > 40 or not first, (first, here)


def test_blocks_become_sections_without_pages_or_headings(sample: tuple[Edition, Edition]) -> None:
    base, ref = (replace(e, text=_plain(e.text)) for e in sample)
    pairs = align_sections(base, ref)
    assert len(pairs) >= len(ref.text) // (2 * LAYOUT.block_chars)
    assert all(re.fullmatch(r"b\d+", p.key) for p in pairs)
    assert_tiles(pairs, base.text, ref.text)
    sizes = [len(p.reference) for p in pairs[:-1]]
    assert min(sizes) >= LAYOUT.block_chars
    for pair in pairs[1:]:
        first = " ".join(pair.base.slice(base.text).split()[:6])
        here = " ".join(pair.reference.slice(ref.text).split()[:6])
        assert fuzz.ratio(first, here) > 40, (first, here)


def test_extremes_hold_on_an_unnumbered_outline(tmp_path: Path) -> None:
    reference = "\n".join([REPORT] * 3)
    base = _ocr(reference)
    (tmp_path / "b.txt").write_text(base, encoding="utf-8")
    (tmp_path / "r.txt").write_text(reference, encoding="utf-8")
    review = Review(compare(load_edition(tmp_path / "b.txt"), load_edition(tmp_path / "r.txt")))
    assert len(review.sections) == 15
    assert review.canonical_text() == base
    accept_all(review)
    assert review.canonical_text() == reference


def test_a_short_text_is_one_section() -> None:
    pairs = align_sections(edition("Just a letter.\n"), edition("Just a letter!\n"))
    assert [p.key for p in pairs] == ["front"] and pairs[0].reference == Span(0, 15)
