"""Footnote markers the OCR read as debris: an OCR misread of the document's own count,
suggested, yet never in a bulk accept (the numbers guard)."""

from __future__ import annotations

import re
from pathlib import Path

from app.engine import compare_files
from app.judge.footnotes import footnote_numbers, lost_marker
from app.model import Kind, Verdict
from app.review import Review


def _never(base: str, ref: str) -> bool:
    return False


def test_the_count_is_the_glued_numbers_that_count_up_from_one() -> None:
    text = "Ett ord1 och en mening.2 Utsläpp av CO2 år 2024. Till sist3, och 17 kronor."
    assert footnote_numbers(text) == {"1", "2", "3"}
    # a glued figure that does not fit the count, and a count too short to be footnotes
    assert footnote_numbers("Fö2021 och H2O, ord1 och ord2.") == frozenset()


def test_debris_glued_where_the_reference_has_a_marker_of_the_count() -> None:
    count = frozenset({"1", "2", "3", "4", "5"})
    assert lost_marker("®", "5", "livsmedel", count, _never) == "5"
    assert lost_marker("'*", "4", "till.", count, _never) == "4"
    assert lost_marker("®", "5", "livsmedel ", count, _never) is None  # set apart: not a marker
    assert lost_marker("®", "9", "livsmedel", count, _never) is None  # not in the count
    assert lost_marker("7", "5", "livsmedel", count, _never) is None  # a digit read: a number differs
    assert lost_marker("ord?", "ord4", "", count, _never) == "4"
    assert lost_marker("ort?", "ord4", "", count, _never) is None  # the word must be a misread
    assert lost_marker("ort?", "ord4", "", count, lambda b, r: (b, r) == ("ort", "ord")) == "4"


def test_the_samples_lost_markers_are_ocr_kept_out_of_bulk(sample_paths: tuple[Path, Path]) -> None:
    comparison = compare_files(*sample_paths)
    reference = sample_paths[1].read_text(encoding="utf-8")
    markers = [c for c in comparison.changes if c.kind is Kind.OCR and c.touches_number]
    assert markers, "the sample's print lost footnote markers to debris"
    for change in markers:
        assert not change.bulk_safe and change.suggestion.decision.verdict is Verdict.ACCEPTED
        assert not re.search(r"\d", change.base_text)
        # in the reference the marker is glued to the word before it
        digit = change.reference.start + re.search(r"\d", change.reference_text).start()
        assert not reference[digit - 1].isspace()
    content = [c for c in comparison.changes if c.kind is Kind.CONTENT]
    assert len(content) <= 10, [(c.base_text, c.reference_text) for c in content]

    review = Review(comparison)
    review.apply_suggestions()  # a bulk accept of every suggestion leaves the markers pending
    assert all(review.decision(c.id).verdict is Verdict.PENDING for c in markers)
    review.apply_suggestions(numbers=True)  # `proofpair apply` takes them
    assert all(review.decision(c.id).verdict is Verdict.ACCEPTED for c in markers)
