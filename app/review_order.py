"""The order the editor steps through changes in: the document's, or least confident first.

The rule, in one sentence: a change is as certain as the least of its suggestion's
confidence and, where the base edition came with OCR word confidences, the OCR engine's
confidence in the least sure word under the change. "Least confident first" steps through
the changes by that certainty, lowest first, ties in document order; so the differences
the judge and the scanner were both unsure of come first, and the confident bulk last.

Entry points: :class:`Order`, :func:`certainty`, :class:`ConfidenceOrder`. Imports:
:mod:`app.model` only (no Qt: the window's navigation consults it).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from app.model import Change, Comparison, Edition


class Order(enum.StrEnum):
    """How next and previous step through the changes."""

    DOCUMENT = "document"
    LEAST_CONFIDENT = "least_confident"


def certainty(change: Change, base: Edition) -> float:
    """How sure ProofPair is of ``change``: its confidence, lowered to the OCR's own
    confidence in the least sure word under its base side where the base has one."""
    word = base.geometry.lowest_confidence(change.base.start, change.base.end) if base.geometry else None
    return change.confidence if word is None else min(change.confidence, word)


class ConfidenceOrder:
    """The changes of one comparison, least certain first (ties in document order), and
    each change's rank in that order. Built once per comparison (a sort: ~0.1 s for 100,000
    changes); a comparison that grows or is concluded is a new comparison, so a new order."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        changes, base = comparison.changes, comparison.base
        keys = [certainty(change, base) for change in changes]
        ranked = sorted(range(len(changes)), key=keys.__getitem__)  # stable: ties stay in document order
        self.ids: tuple[str, ...] = tuple(changes[i].id for i in ranked)
        self.certainties: tuple[float, ...] = tuple(keys[i] for i in ranked)
        self.rank: dict[str, int] = {cid: r for r, cid in enumerate(self.ids)}

    def walk(self, change_id: str | None, step: int) -> Iterator[str]:
        """The change ids after (``step`` 1) or before (-1) ``change_id`` in this order; from
        the start (or the end) when ``change_id`` is None or not in it."""
        if change_id in self.rank:
            here = self.rank[change_id]
        else:
            here = -1 if step > 0 else len(self.ids)
        stop = len(self.ids) if step > 0 else -1
        for i in range(here + step, stop, step):
            yield self.ids[i]
