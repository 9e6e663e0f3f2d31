"""Bulk plans on the sample: only bulk-safe, confident suggestions; every skip counted."""

from __future__ import annotations

import pytest

from app.bulk import DEFAULT_THRESHOLD, Scope, Skip, plan, skip_reason
from app.engine import compare_files
from app.model import Kind, Source, Verdict
from app.review import Review


@pytest.fixture(scope="module")
def sample_comparison(sample_paths):
    return compare_files(*sample_paths)


@pytest.fixture
def sample_review(sample_comparison) -> Review:
    return Review(sample_comparison)


def test_a_document_plan_takes_no_number_no_content_and_nothing_unsure(sample_review: Review) -> None:
    whole = plan(sample_review, Scope.DOCUMENT)
    assert len(whole) > 100
    for change_id in whole.decisions:
        change = sample_review.change(change_id)
        assert change.bulk_safe and not change.touches_number and change.kind is not Kind.CONTENT
        assert change.confidence >= DEFAULT_THRESHOLD and change.suggestion is not None
    pending = sample_review.select(verdicts={Verdict.PENDING})
    assert len(whole) + sum(whole.skipped.values()) == len(pending), "every change is taken or skipped"
    assert whole.skipped[Skip.CONTENT] == sum(1 for c in sample_review.changes if c.kind is Kind.CONTENT)
    assert whole.skipped[Skip.NUMBER] == sum(1 for c in sample_review.changes
                                             if c.kind is not Kind.CONTENT and c.touches_number)
    assert sum(whole.by_kind.values()) == len(whole)
    assert whole.provenance.source is Source.BULK and "confidence >= 0.9" in whole.provenance.filter
    assert whole.examples and all(c.id in whole.decisions for c in whole.examples)


def test_the_threshold_moves_changes_from_taken_to_skipped(sample_review: Review) -> None:
    everything, strict = plan(sample_review, Scope.DOCUMENT, threshold=0.0), plan(sample_review, Scope.DOCUMENT)
    unsure = [c for c in sample_review.changes if skip_reason(c, DEFAULT_THRESHOLD) is Skip.LOW_CONFIDENCE]
    assert unsure and len(everything) - len(strict) == len(unsure) == strict.skipped[Skip.LOW_CONFIDENCE]
    assert everything.skipped[Skip.LOW_CONFIDENCE] == 0


def test_a_plan_never_overwrites_a_decision(sample_review: Review) -> None:
    from app.model import REJECT, Provenance

    first = plan(sample_review, Scope.SECTION, section="1")
    some = list(first.decisions)[:3]
    sample_review.decide({i: REJECT for i in some}, Provenance(Source.HAND, "key"))
    again = plan(sample_review, Scope.SECTION, section="1")
    assert not set(some) & set(again.decisions)
    # the three rejections taught: the same patterns' other cases are left for a person, and why
    assert len(first) - 3 - len(again) == again.skipped[Skip.OVERRULED] > 0
    assert again.provenance.filter.startswith("section 1;")


def test_the_review_plan_splits_every_pending_change_between_one_key_and_a_person(sample_review: Review) -> None:
    from app.bulk import review_plan

    made = review_plan(sample_review)
    assert len(made.confident) + made.people_count == len(sample_review.changes)
    assert made.confident.provenance.action == "Accept the Confident Suggestions"
    content_sections = {c.section for c in sample_review.changes if c.kind is Kind.CONTENT}
    assert content_sections <= set(made.for_a_person)
    assert list(made.for_a_person) == [s.key for s in sample_review.sections if s.key in made.for_a_person]
