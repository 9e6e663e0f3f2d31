"""Undoable decisions: one thin ``QUndoCommand`` per call of :meth:`app.review.Review.decide`.

A single accept and a bulk accept of 900 suggestions are the same command with a mapping
of a different size, so a bulk action is one undo step. The command keeps only what
``decide`` reported (``before``/``after`` and the provenance of each) and hands every
application to ``apply`` — the window's function that calls ``review.decide`` and refreshes
the views from the returned :class:`~app.review.DecisionsChanged` — so undo and redo refresh
exactly like a keypress. Undo gives each change back the provenance it had (a bulk accept
stays a bulk accept); redo replays the original one, time included.

Imports: Qt GUI, :mod:`app.model`, :mod:`app.review`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand

from app.model import Decision, Provenance
from app.review import DecisionsChanged

Apply = Callable[[Mapping[str, Decision], Provenance | Mapping[str, Provenance | None]], DecisionsChanged]


class DecideCommand(QUndoCommand):
    """Record ``updates`` made as ``provenance`` says through ``apply``; undo restores what
    each change had before."""

    def __init__(self, apply: Apply, updates: Mapping[str, Decision], text: str, provenance: Provenance,
                 replayed: Callable[[list[str]], None] | None = None) -> None:
        super().__init__(text)
        self._replayed = replayed  # told the ids after an undo or a redo (not the first do)
        self._apply = apply
        self._updates = dict(updates)
        self._provenance: Provenance | Mapping[str, Provenance | None] = provenance
        self._before: DecisionsChanged | None = None

    @property
    def size(self) -> int:
        return len(self._updates)

    @property
    def ids(self) -> list[str]:
        """The changes this command decides (in the order it was given them)."""
        return list(self._updates)

    def redo(self) -> None:  # Qt override
        changed = self._apply(self._updates, self._provenance)
        if self._before is None:  # the first time: remember what was there
            self._before = changed
            self._updates = dict(changed.after)
            self._provenance = dict(changed.provenance_after)
            if not changed:
                self.setObsolete(True)
        elif self._replayed is not None:
            self._replayed(self.ids)

    def undo(self) -> None:  # Qt override
        if self._before is not None:
            self._apply(self._before.before, self._before.provenance_before)
            if self._replayed is not None:
                self._replayed(self.ids)
