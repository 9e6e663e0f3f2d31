"""Learning from the editor: a decision on one change speaks for the same pattern elsewhere.

Entry points: :meth:`Feedback.of` (a snapshot of what the editor's decisions taught, built in
one pass over a :class:`~app.review.Review`), :meth:`Feedback.confidence` (a change's
confidence once that is taken into account) and :func:`identical_cases` (the other pending
changes an editor's decision could be applied to: "apply to the 12 other identical cases?").

A change's *patterns* are its exact texts (``base -> reference``) and each confusion it shows
(``a -> ä``). Every decided change with a suggestion is evidence about its patterns: taking
the suggestion confirms them, rejecting or editing it contradicts them. A pending change's
confidence is its engine confidence moved toward what its patterns' record says, as a
Beta-binomial update whose prior weight is :data:`PRIOR_WEIGHT` decisions. Nothing here is
stored: the decisions are in the session, so a reopened session teaches the same.

Imports: the standard library, :mod:`app.model`, :mod:`app.review`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.model import Change, Verdict
from app.review import Review

#: how many decisions the engine's own confidence is worth against the editor's record
PRIOR_WEIGHT = 4.0

Pattern = tuple[str, str]


def patterns(change: Change) -> Iterator[Pattern]:
    """The patterns a decision on ``change`` speaks for (its texts, then its confusions)."""
    yield (change.base_text, change.reference_text)
    yield from change.pattern


@dataclass
class Feedback:
    """How often each pattern's suggestion was taken and overruled by the editor."""

    taken: Counter[Pattern] = field(default_factory=Counter)
    overruled: Counter[Pattern] = field(default_factory=Counter)

    @classmethod
    def of(cls, review: Review) -> Feedback:
        feedback = cls()
        for change_id, decision in review.decisions().items():
            change = review.change(change_id)
            if change.suggestion is None:
                continue
            tally = feedback.taken if decision == change.suggestion.decision else feedback.overruled
            tally.update(patterns(change))
        return feedback

    def confidence(self, change: Change) -> float:
        """``change``'s confidence with the editor's record on its patterns taken in (the
        pattern with the most decisions speaks; unchanged when none has any)."""
        best = max(patterns(change), key=lambda p: self.taken[p] + self.overruled[p])
        taken, overruled = self.taken[best], self.overruled[best]
        if not taken and not overruled:
            return change.confidence
        return round((change.confidence * PRIOR_WEIGHT + taken) / (PRIOR_WEIGHT + taken + overruled), 3)


def identical_cases(review: Review, change_id: str) -> list[str]:
    """The other pending changes with the same texts and kind as ``change_id``, in order."""
    change = review.change(change_id)
    return [c.id for c in review.changes
            if c.id != change_id and c.base_text == change.base_text and c.reference_text == change.reference_text
            and c.kind is change.kind and review.decision(c.id).verdict is Verdict.PENDING]
