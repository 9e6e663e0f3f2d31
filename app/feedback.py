"""Learning from the editor: a decision on one change speaks for the same pattern elsewhere.

Entry points: :meth:`Feedback.of` (a snapshot of what the editor's decisions taught, built in
one pass over a :class:`~app.review.Review`), :meth:`Feedback.learned` (a change's confidence
once that is taken into account, and why: a :class:`Learned`) and :func:`identical_cases`
(the other pending changes an editor's decision could be applied to: "apply to the 12 other
identical cases?"). A review keeps one ``Feedback`` up to date through :meth:`Feedback.follow`
as decisions are made; :meth:`app.review.Review.learned` is the one call the window's
inspector, the bulk actions (:mod:`app.bulk`) and the command line's summary ask.

A change's *patterns* are its exact texts (``base -> reference``) and each confusion it shows
(``a -> ä``). Every change with a suggestion the editor decided *by hand* is evidence about
its patterns: taking the suggestion confirms them, rejecting or editing it contradicts them.
A bulk action, ``apply`` on the command line or the same decision given to identical cases
teaches nothing: they apply the engine's word (or one judgement) and would only echo it. A pending change's
confidence is its engine confidence moved toward what its patterns' record says, as a
Beta-binomial update whose prior weight is :data:`PRIOR_WEIGHT` decisions. Nothing here is
stored: the decisions are in the session, so a reopened session teaches the same.

Imports: the standard library, :mod:`app.model` (:mod:`app.review` only for its types: the
review imports this module).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.model import Change, Decision, Provenance, Verdict

if TYPE_CHECKING:
    from app.review import DecisionsChanged, Review

#: how many decisions the engine's own confidence is worth against the editor's record
PRIOR_WEIGHT = 4.0

Pattern = tuple[str, str]


def patterns(change: Change) -> Iterator[Pattern]:
    """The patterns a decision on ``change`` speaks for (its texts, then its confusions)."""
    yield (change.base_text, change.reference_text)
    yield from change.pattern


@dataclass(frozen=True, slots=True)
class Learned:
    """A change's confidence with the editor's record taken in, and the record that moved it.

    ``engine`` is the engine's own confidence; ``pattern`` the pattern whose record spoke
    (None when no decision touches the change's patterns), taken ``taken`` and overruled
    ``overruled`` times by the editor's decisions."""

    confidence: float
    engine: float
    pattern: Pattern | None = None
    taken: int = 0
    overruled: int = 0

    @property
    def lowered(self) -> bool:
        return self.confidence < self.engine

    @property
    def raised(self) -> bool:
        return self.confidence > self.engine


@dataclass
class Feedback:
    """How often each pattern's suggestion was taken and overruled by the editor."""

    taken: Counter[Pattern] = field(default_factory=Counter)
    overruled: Counter[Pattern] = field(default_factory=Counter)

    @classmethod
    def of(cls, review: Review) -> Feedback:
        feedback = cls()
        for change_id, decision in review.decisions().items():
            feedback._count(review.change(change_id), decision, review.provenance(change_id), 1)
        return feedback

    def follow(self, review: Review, changed: DecisionsChanged) -> None:
        """Take in what one :meth:`~app.review.Review.decide` did (its cost is the changes it
        touched, not the review's)."""
        for change_id, after in changed.after.items():
            change = review.change(change_id)
            self._count(change, changed.before[change_id], changed.provenance_before.get(change_id), -1)
            self._count(change, after, changed.provenance_after.get(change_id), 1)

    def _count(self, change: Change, decision: Decision, how: Provenance | None, step: int) -> None:
        if change.suggestion is None or decision.verdict is Verdict.PENDING or how is None or not how.by_hand:
            return
        tally = self.taken if decision == change.suggestion.decision else self.overruled
        for pattern in patterns(change):
            tally[pattern] += step
            if not tally[pattern]:
                del tally[pattern]  # an undone decision leaves no trace

    def _speaker(self, change: Change) -> Pattern | None:
        """The first of ``change``'s patterns with the most decisions, None when none has any
        (a bulk plan asks for every change of the document: no generator, no key function)."""
        taken, overruled = self.taken.get, self.overruled.get
        texts = (change.base_text, change.reference_text)
        best, most = (texts, n) if (n := taken(texts, 0) + overruled(texts, 0)) else (None, 0)
        for pattern in change.pattern:
            if (n := taken(pattern, 0) + overruled(pattern, 0)) > most:
                best, most = pattern, n
        return best

    def _moved(self, engine: float, pattern: Pattern) -> float:
        taken, overruled = self.taken[pattern], self.overruled[pattern]
        return round((engine * PRIOR_WEIGHT + taken) / (PRIOR_WEIGHT + taken + overruled), 3)

    def learned(self, change: Change) -> Learned:
        """``change``'s confidence with the editor's record on its patterns taken in (the
        pattern with the most decisions speaks; unchanged when none has any), and why.
        Meant for a pending change: a decided one's own decision is part of the record."""
        best = self._speaker(change)
        if best is None:
            return Learned(change.confidence, change.confidence)
        return Learned(self._moved(change.confidence, best), change.confidence, best, self.taken[best],
                       self.overruled[best])

    def confidence(self, change: Change) -> float:
        """``change``'s confidence with the editor's record taken in (:meth:`learned`, without the why)."""
        best = self._speaker(change)
        return change.confidence if best is None else self._moved(change.confidence, best)


def identical_cases(review: Review, change_id: str) -> list[str]:
    """The other pending changes with the same texts and kind as ``change_id``, in order."""
    others = review.same_texts(change_id, pending_only=True)
    if change_id in others:
        others.remove(change_id)
    return others
