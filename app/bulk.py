"""Bulk plans: which pending changes a bulk action takes, which it skips, and why.

Entry point: :func:`plan`. A bulk action takes the suggestion of every pending change in its
scope (a section with its subsections, the document, one kind, one confusion pattern) that is
:attr:`~app.model.Change.bulk_safe` — never content, never a change where a digit appears,
disappears or differs (the engine sets ``touches_number``; this module does not re-derive it)
— and whose confidence reaches the threshold. The confidence compared is the one the
editor's decisions taught (:meth:`app.review.Review.learned`): once the editor rejected a
pattern's suggestion elsewhere, its other cases fall below the threshold and are left for a
person (``Skip.OVERRULED``); once the editor took it many times, its unsure cases may rise
above it. Everything else in scope is counted by the reason it was
skipped, so the confirmation can say what it leaves for a person. The plan's
:attr:`BulkPlan.provenance` is what the decisions record.

Imports: the standard library and the core.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass

from app.model import Change, Decision, Kind, Provenance, Source, Verdict
from app.review import Review

#: The default threshold: a suggestion less likely than this to be right is left for a person.
DEFAULT_THRESHOLD = 0.9
#: How many of the changes a plan takes it shows as examples.
EXAMPLES = 4


class Scope(enum.StrEnum):
    SECTION = "section"
    DOCUMENT = "document"
    KIND = "kind"
    PATTERN = "pattern"
    CONFIDENT = "confident"  # the review plan's one key: the document, at the threshold


#: Each scope's action as the decision log names it (English, stable: logs travel).
ACTION_NAMES = {
    Scope.SECTION: "Accept Suggestions in Section",
    Scope.DOCUMENT: "Accept Suggestions in Document",
    Scope.KIND: "Accept Suggestions of a Kind",
    Scope.PATTERN: "Accept Suggestions of a Pattern",
    Scope.CONFIDENT: "Accept the Confident Suggestions",
}


class Skip(enum.StrEnum):
    """Why a pending change in scope is not taken, in the order the reasons are checked."""

    CONTENT = "content"
    NUMBER = "number"
    NO_SUGGESTION = "no suggestion"
    LOW_CONFIDENCE = "low confidence"
    OVERRULED = "overruled"  # confident enough, until the editor overruled its pattern elsewhere


@dataclass(frozen=True, slots=True)
class BulkPlan:
    """What one bulk action would do."""

    decisions: dict[str, Decision]
    by_kind: Counter[Kind]
    skipped: Counter[Skip]
    examples: tuple[Change, ...]
    provenance: Provenance
    threshold: float

    def __len__(self) -> int:
        return len(self.decisions)


def skip_reason(change: Change, threshold: float, learned: float | None = None) -> Skip | None:
    """Why a bulk action leaves ``change`` alone, or None when it may take it; ``learned`` is
    its confidence with the editor's decisions taken in (the engine's when None)."""
    if change.kind is Kind.CONTENT:
        return Skip.CONTENT
    if not change.bulk_safe:
        return Skip.NUMBER
    if change.suggestion is None:
        return Skip.NO_SUGGESTION
    confidence = change.confidence if learned is None else learned
    if confidence < threshold:
        return Skip.OVERRULED if change.confidence >= threshold else Skip.LOW_CONFIDENCE
    return None


def _learned(review: Review, change: Change) -> float | None:
    """The confidence the editor's decisions taught (:meth:`Review.learned`'s), asked only
    where it can matter."""
    return review.feedback.confidence(change) if change.suggestion is not None and change.kind is not Kind.CONTENT \
        else None


def plan(review: Review, scope: Scope, *, section: str | None = None, kind: Kind | None = None,
         pattern: tuple[str, str] | None = None, threshold: float = DEFAULT_THRESHOLD) -> BulkPlan:
    """The suggestions a bulk action over ``scope`` takes among the pending changes."""
    ids = review.select(section=section, kinds=None if kind is None else {kind}, pattern=pattern,
                        verdicts={Verdict.PENDING})
    decisions: dict[str, Decision] = {}
    by_kind: Counter[Kind] = Counter()
    skipped: Counter[Skip] = Counter()
    examples: list[Change] = []
    for change_id in ids:
        change = review.change(change_id)
        reason = skip_reason(change, threshold, _learned(review, change))
        if reason is not None:
            skipped[reason] += 1
            continue
        assert change.suggestion is not None
        decisions[change_id] = change.suggestion.decision
        by_kind[change.kind] += 1
        if len(examples) < EXAMPLES and change.kind is not Kind.LAYOUT:
            examples.append(change)
    return BulkPlan(decisions, by_kind, skipped, tuple(examples),
                    Provenance(Source.BULK, ACTION_NAMES[scope],
                               _filter(section, kind, pattern, threshold)), threshold)


def _filter(section: str | None, kind: Kind | None, pattern: tuple[str, str] | None, threshold: float) -> str:
    """The scope as the decision log's ``filter`` column says it."""
    parts = ["pending", "bulk-safe", f"confidence >= {threshold:g}"]
    if section is not None:
        parts.insert(0, f"section {section}")
    if kind is not None:
        parts.insert(0, f"kind {kind.value}")
    if pattern is not None:
        parts.insert(0, f"pattern {pattern[0]}→{pattern[1]}")
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ReviewPlan:
    """What a review takes, for the plan shown when a comparison finishes: the confident
    suggestions one key accepts, and what is left for a person, section by section."""

    confident: BulkPlan
    for_a_person: dict[str, Counter[Skip]]  # section key -> why its pending changes need one

    @property
    def people_count(self) -> int:
        return sum(sum(reasons.values()) for reasons in self.for_a_person.values())


def review_plan(review: Review, threshold: float = DEFAULT_THRESHOLD) -> ReviewPlan:
    """The confident suggestions over the document and, per section in document order, the
    pending changes a bulk accept leaves (content, numbers, no or an unsure suggestion)."""
    for_a_person: dict[str, Counter[Skip]] = {}
    for change in review.changes:
        if review.decision(change.id).verdict is Verdict.PENDING \
                and (reason := skip_reason(change, threshold, _learned(review, change))) is not None:
            for_a_person.setdefault(change.section, Counter())[reason] += 1
    return ReviewPlan(plan(review, Scope.CONFIDENT, threshold=threshold), for_a_person)
