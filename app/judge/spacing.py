"""Keep words apart when every suggestion of a section is taken: the spacing guard.

Entry point: :func:`unglued`. Each change is judged alone, and each suggestion is right alone:
a speck goes with the blank after it, words set apart go back without theirs, an extra blank
line goes. Taken together, the removals around a word can leave it touching its neighbour
(``38ihnen``, ``derAusgaben``) where both editions keep the two apart. This pass writes the
section as "every suggestion taken" would, finds each place where two characters meet that
the reference keeps apart (blank space between them there, one of them a letter or digit;
the base's own blank is no evidence, an OCR splits words), and lets a change beside it keep
one blank (a line break when the base has one there, else a space).

Imports: the standard library, :mod:`app.model`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.model import Change, Suggestion


class _Piece:
    """A run of the written section: its text, where its first and last characters stand in
    the base and in the reference, and the change that wrote it (None: equal text). A plain
    class with slots: nothing compares or prints one, and its dataclass cost 2.3 M
    instructions at every import."""

    __slots__ = ("text", "base", "reference", "change")

    def __init__(self, text: str, base: tuple[int, int], reference: tuple[int, int], change: int | None) -> None:
        self.text, self.base, self.reference, self.change = text, base, reference, change


def unglued(changes: Sequence[Change], base: str, reference: str, starts: tuple[int, int]) -> list[Change]:
    """``changes`` (one section's, in order; ``base`` and ``reference`` the section's texts,
    which begin at document offsets ``starts``) with the suggestions that would glue two words
    given back a blank."""
    out = list(changes)
    if not any(map(_may_glue, changes)):  # most sections: no change can glue (looked at in C)
        return out
    pieces = [p for p in _written(changes, base, reference, starts) if p.text]
    for left, right in zip(pieces, pieces[1:]):
        a, b = left.text[-1], right.text[0]
        if a.isspace() or b.isspace() or not (a.isalnum() or b.isalnum()):
            continue
        between_b = base[left.base[1] + 1:right.base[0]]
        between_r = reference[left.reference[1] + 1:right.reference[0]]
        if not (_blank(between_r) or _edge_blank(changes, left, -1) or _edge_blank(changes, right, 0)):
            continue
        gap = "\n" if "\n" in between_b else " "
        for piece, at_end in ((left, True), (right, False)):
            if piece.change is not None and out[piece.change].suggestion is not None:
                out[piece.change] = _widened(out[piece.change], piece.text, gap, at_end)
                piece.text = piece.text + gap if at_end else gap + piece.text
                break
    return out


def _may_glue(change: Change) -> bool:
    """What the change writes has other blank space at an edge than its base text, or it writes
    nothing, or it was nothing in the base: only such a change can make two words meet."""
    base, suggestion = change.base_text, change.suggestion
    if not base:
        return True
    if suggestion is None:  # it writes its base: the edges are the base's own
        return False
    written = change.final_text(suggestion.decision)
    if written is base:
        return False
    if not written:
        return True
    return written[0].isspace() != base[0].isspace() or written[-1].isspace() != base[-1].isspace()


def _edge_blank(changes: Sequence[Change], piece: _Piece, edge: int) -> bool:
    """The piece is a change whose reference text has blank space at this edge (0: start,
    -1: end) that what it writes lacks (a kept base, with the reference's space unwritten)."""
    if piece.change is None:
        return False
    reference = changes[piece.change].reference_text
    return bool(reference) and reference[edge].isspace() and not piece.text[edge].isspace()


def _blank(text: str) -> bool:
    return any(ch.isspace() for ch in text)


def _written(changes: Sequence[Change], base: str, reference: str, starts: tuple[int, int]) -> list[_Piece]:
    """The section as written with every suggestion taken, piece by piece (section offsets)."""
    b0, r0 = starts
    pieces: list[_Piece] = []
    b, r = 0, 0
    for n, change in enumerate(changes):
        cb, cr = change.base.start - b0, change.reference.start - r0
        if cb > b:
            pieces.append(_Piece(base[b:cb], (b, cb - 1), (r, cr - 1), None))
        eb, er = change.base.end - b0, change.reference.end - r0
        text = change.base_text if change.suggestion is None else change.final_text(change.suggestion.decision)
        pieces.append(_Piece(text, (cb, eb - 1), (cr, er - 1), n))
        b, r = eb, er
    if b < len(base):
        pieces.append(_Piece(base[b:], (b, len(base) - 1), (r, len(reference) - 1), None))
    return pieces


def _widened(change: Change, written: str, gap: str, at_end: bool) -> Change:
    """``change`` whose suggestion writes ``written`` with ``gap`` added at its end or start."""
    text = written + gap if at_end else gap + written
    reason = change.suggestion.reason if change.suggestion is not None else ""
    return replace(change, suggestion=Suggestion.toward(text, change.base_text, change.reference_text, reason))
