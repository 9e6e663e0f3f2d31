"""Undoable decisions: one thin ``QUndoCommand`` per call of :meth:`app.review.Review.decide`.

A single accept and a bulk accept of 900 suggestions are the same command with a mapping
of a different size, so a bulk action is one undo step. The command keeps only what
``decide`` reported (``before``/``after``) and hands every application to ``apply`` — the
window's function that calls ``review.decide`` and refreshes the views from the returned
:class:`~app.review.DecisionsChanged` — so undo and redo refresh exactly like a keypress.

Imports: Qt GUI, :mod:`app.model`, :mod:`app.review`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand

from app.model import Decision
from app.review import DecisionsChanged

Apply = Callable[[Mapping[str, Decision]], DecisionsChanged]


class DecideCommand(QUndoCommand):
    """Record ``updates`` through ``apply``; undo restores what each change had before."""

    def __init__(self, apply: Apply, updates: Mapping[str, Decision], text: str) -> None:
        super().__init__(text)
        self._apply = apply
        self._updates = dict(updates)
        self._before: dict[str, Decision] | None = None

    @property
    def size(self) -> int:
        return len(self._updates)

    def redo(self) -> None:  # Qt override
        changed = self._apply(self._updates)
        if self._before is None:  # the first time: remember what was there
            self._before = dict(changed.before)
            self._updates = dict(changed.after)
            if not changed:
                self.setObsolete(True)

    def undo(self) -> None:  # Qt override
        self._apply(self._before or {})
