"""The review's invariants, on generated pairs and on the sample.

All rejected gives the base text, all accepted gives the reference text, the canonical text
does not depend on the order decisions were made in, and bulk actions report their counts.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine import compare
from app.loading import load_edition
from app.model import ACCEPT, PENDING, REJECT, Decision, Kind, Verdict
from app.review import Review, accept_all
from strategies import edition_pairs


def _review(tmp_path: Path, base: str, reference: str) -> Review:
    (tmp_path / "b.txt").write_text(base, encoding="utf-8")
    (tmp_path / "r.txt").write_text(reference, encoding="utf-8")
    return Review(compare(load_edition(tmp_path / "b.txt"), load_edition(tmp_path / "r.txt")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=edition_pairs(), seed=st.integers(0, 2**32))
def test_extremes_and_order_independence(tmp_path: Path, pair: tuple[str, str], seed: int) -> None:
    base, reference = pair
    if not base.strip() or not reference.strip():
        return
    review = _review(tmp_path, base, reference)
    assert review.canonical_text() == base
    accept_all(review)
    assert review.canonical_text() == reference

    rng = random.Random(seed)
    choices = {c.id: rng.choice([ACCEPT, REJECT, Decision(Verdict.EDITED, "§")]) for c in review.changes}
    forward, backward = Review(review.comparison), Review(review.comparison)
    for cid in choices:
        forward.decide({cid: choices[cid]})
    for cid in reversed(list(choices)):
        backward.decide({cid: choices[cid]})
    assert forward.canonical_text() == backward.canonical_text()
    assert forward.decisions() == backward.decisions()


@pytest.fixture(scope="module")
def sample_review(sample_paths: tuple[Path, Path]) -> Review:
    return Review(compare(*(load_edition(p) for p in sample_paths)))


def test_sample_extremes(sample_paths: tuple[Path, Path], sample_review: Review) -> None:
    base_text, ref_text = (p.read_text(encoding="utf-8") for p in sample_paths)
    review = Review(sample_review.comparison)
    assert review.canonical_text() == base_text
    changed = accept_all(review)
    assert len(changed) == len(review.changes)
    assert review.canonical_text() == ref_text


def test_decide_reports_only_what_changed(sample_review: Review) -> None:
    review = Review(sample_review.comparison)
    first = review.changes[0]
    assert len(review.decide({first.id: ACCEPT})) == 1
    again = review.decide({first.id: ACCEPT})
    assert len(again) == 0 and not again.sections
    undo = review.decide(review.decide({first.id: REJECT}).before)
    assert undo.after == {first.id: ACCEPT}
    assert review.counts().accepted == 1


def test_bulk_by_kind_section_and_pattern(sample_review: Review) -> None:
    review = Review(sample_review.comparison)
    ocr_ids = review.select(kinds={Kind.OCR}, bulk_safe=True)
    pattern = ("a", "ä")
    by_pattern = review.select(pattern=pattern)
    assert by_pattern and all(pattern in review.change(i).pattern for i in by_pattern)
    assert set(by_pattern) <= set(review.select(kinds={Kind.OCR}))
    section_ids = review.select(section="2")
    assert section_ids and all(review.change(i).section.split("#")[0].startswith("2") for i in section_ids)
    done = review.apply_suggestions(ocr_ids)
    assert len(done) == len(ocr_ids)
    assert review.counts(kinds={Kind.OCR}).accepted == len(ocr_ids)


def test_a_section_takes_in_the_unnumbered_sections_that_stand_in_it(sample_review: Review) -> None:
    """The sample's 4.1 holds two sub-headings the report does not number: choosing 4.1 (or 4)
    for a bulk action takes their changes too, as the navigator shows them under it; choosing
    one of them takes only its own."""
    review = Review(sample_review.comparison)
    keys = [s.key for s in review.sections]
    inside = keys[keys.index("4.1") + 1:keys.index("4.2")]
    assert inside and all(not review.section(k).number for k in inside)
    chosen = {review.change(i).section for i in review.select(section="4.1")}
    assert chosen == {"4.1", *inside} - {k for k in inside if not review.section_changes(k)}
    assert set(inside) <= {review.change(i).section for i in review.select(section="4")}
    assert {review.change(i).section for i in review.select(section=inside[0])} == {inside[0]}


def test_bulk_never_touches_content_or_numbers(sample_review: Review) -> None:
    review = Review(sample_review.comparison)
    review.apply_suggestions()
    for change in review.changes:
        if change.kind is Kind.CONTENT or change.touches_number:
            assert review.decision(change.id).verdict is Verdict.PENDING


def test_extend_grows_a_review_like_building_it_whole(sample_review: Review) -> None:
    from app.model import Comparison

    sample_comparison = sample_review.comparison
    sections, changes = sample_comparison.sections, sample_comparison.changes
    some = {changes[0].id: ACCEPT, changes[-1].id: ACCEPT}
    grown = Review(Comparison(sample_comparison.base, sample_comparison.reference, (), ()))
    for i in range(0, len(sections), 5):
        keys = {s.key for s in sections[i:i + 5]}
        grown.extend(sections[i:i + 5], [c for c in changes if c.section in keys], some)
    whole = Review(sample_comparison, some)
    assert grown.changes == whole.changes and grown.sections == whole.sections
    assert grown.counts() == whole.counts() and grown.counts().accepted == 2
    assert grown.canonical_text() == whole.canonical_text()
    assert grown.position(changes[-1].id) == len(changes) - 1
    assert grown.section_marks(changes[0].section) == whole.section_marks(changes[0].section)
    for change in changes:  # the identical cases, indexed as the review grows, as a walk finds them
        alike = [c.id for c in changes if (c.base_text, c.reference_text, c.kind)
                 == (change.base_text, change.reference_text, change.kind)]
        assert grown.same_texts(change.id) == alike == whole.same_texts(change.id)
        assert grown.same_texts(change.id, pending_only=True) == [i for i in alike if i not in some]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=edition_pairs(), seed=st.integers(0, 2**32))
def test_patched_text_and_marks_equal_a_rebuild(tmp_path: Path, pair: tuple[str, str], seed: int) -> None:
    """A keypress patches the built section text in place; it must equal building it anew."""
    base, reference = pair
    if not base.strip() or not reference.strip():
        return
    review = _review(tmp_path, base, reference)
    rng = random.Random(seed)
    review.canonical_with_marks()  # every section built, so the decisions below patch
    for _ in range(3 * len(review.changes)):
        change = rng.choice(review.changes)
        review.decide({change.id: rng.choice([ACCEPT, REJECT, Decision(Verdict.EDITED, "§§"),
                                              Decision(Verdict.PENDING)])})
    assert review.canonical_with_marks() == Review(review.comparison, review.decisions()).canonical_with_marks()


def test_the_editor_teaches_the_same_pattern_elsewhere(sample_paths: tuple[Path, Path]) -> None:
    """Rejecting an OCR suggestion lowers the confidence of the same pattern's other cases;
    taking it raises them; and the identical cases are offered for the same decision."""
    from app.feedback import Feedback, identical_cases
    from app.model import BY_KEY

    review = Review(compare(*(load_edition(p) for p in sample_paths)))
    by_texts: dict[tuple[str, str], list] = {}
    for change in review.changes:
        if change.kind is Kind.OCR and change.suggestion is not None:
            by_texts.setdefault((change.base_text, change.reference_text), []).append(change)
    group = max(by_texts.values(), key=len)
    assert len(group) >= 3
    first, second, third = group[:3]
    others = identical_cases(review, first.id)
    assert second.id in others and first.id not in others and len(others) == len(group) - 1
    before = Feedback.of(review).confidence(third)
    assert before == third.confidence
    review.decide({first.id: REJECT, second.id: REJECT}, BY_KEY)
    lowered = Feedback.of(review).confidence(third)
    assert lowered < before
    review.decide({first.id: first.suggestion.decision, second.id: second.suggestion.decision}, BY_KEY)
    assert Feedback.of(review).confidence(third) > lowered
    assert first.id not in identical_cases(review, third.id)  # decided ones are not offered


def test_the_review_keeps_what_the_editor_taught_as_decisions_come_and_go(sample_paths: tuple[Path, Path]) -> None:
    """Review.learned (kept up to date by decide, undo included) says what a fresh
    Feedback.of says, and why: the pattern whose record spoke and its counts."""
    import random

    from app.export import learned_counts
    from app.feedback import Feedback
    from app.model import BY_KEY, Provenance, Source

    review = Review(compare(*(load_edition(p) for p in sample_paths)))
    group = [c for c in review.changes if (c.base_text, c.reference_text) == ("for", "för")]
    assert review.learned(group[1].id).confidence == group[1].confidence  # nothing taught yet
    assert learned_counts(review) == {"lowered": 0, "raised": 0, "below_bulk_threshold": 0}
    review.decide({group[0].id: REJECT}, Provenance(Source.BULK, "Same Decision for Identical Cases"))
    assert not review.learned(group[1].id).lowered  # a bulk step teaches nothing
    review.decide({group[0].id: REJECT}, BY_KEY)  # the editor, by hand: teaches
    learned = review.learned(group[1].id)
    assert learned.lowered and (learned.pattern, learned.taken, learned.overruled) == (("for", "för"), 0, 1)
    counts = learned_counts(review)
    assert counts["lowered"] >= len(group) - 1 and counts["below_bulk_threshold"] >= len(group) - 1
    rng = random.Random(7)
    suggested = [c for c in review.changes if c.suggestion is not None]
    for _ in range(300):
        change = rng.choice(suggested)
        review.decide({change.id: rng.choice([ACCEPT, REJECT, change.suggestion.decision, Decision(Verdict.PENDING)])},
                      rng.choice([BY_KEY, Provenance(Source.BULK, "Accept Suggestions in Document")]))
    fresh = Feedback.of(review)
    for change in rng.sample(review.changes, 400):
        assert review.learned(change.id) == fresh.learned(change)


def test_decide_records_provenance_and_a_hand_confirms_a_bulk_accept(sample_review) -> None:
    from app.model import Provenance, Source

    review = Review(sample_review.comparison)
    ocr = review.select(kinds=[Kind.OCR])[:3]
    bulk = Provenance(Source.BULK, "Accept Suggestions in Section", "section 1")
    done = review.apply_suggestions(ocr, provenance=bulk)
    assert len(done) == 3 and all(p.source is Source.BULK and p.at for p in done.provenance_after.values())
    assert review.counts().in_bulk == 3 and review.counts().by_hand == 0
    hand = review.decide({ocr[0]: ACCEPT}, Provenance(Source.HAND, "key"))
    assert len(hand) == 1 and hand.provenance_before[ocr[0]].source is Source.BULK
    assert review.counts().by_hand == 1 and review.counts().in_bulk == 2
    assert not review.decide({ocr[0]: ACCEPT}, Provenance(Source.HAND, "key")), "the same keypress again"
    undo = review.decide(hand.before, hand.provenance_before)
    assert review.provenance(ocr[0]) == done.provenance_after[ocr[0]], "undo restores the bulk provenance"
    assert len(undo) == 1 and review.counts().in_bulk == 3
    review.decide({ocr[1]: PENDING}, Provenance(Source.HAND, "key"))
    assert review.provenance(ocr[1]) is None and review.counts().in_bulk == 2
    section = review.change(ocr[2]).section
    assert review.counts(section).in_bulk == sum(1 for c in review.section_changes(section) if c.id in (ocr[0], ocr[2]))
