"""Judge the two halves of a moved paragraph, or of words set apart, together
(:mod:`app.compare.moves`, :mod:`app.compare.fragments`).

Entry point: :func:`judge_move`. The base half (the paragraph where the OCR put it) is
suggested removed; the reference half (an insertion where the reference has it) is
suggested filled with the *base's* words, corrected by the paragraph's own inner differences
as the policy judges them: OCR misreads take the reference's reading, anything else keeps
the print's. When an inner difference is one for the editor, both halves are ``content``
with no suggestion, since taking one half without the other would lose or double the text.
A moved paragraph with digits in it is never bulk-safe (the numbers guard), but its
suggestion stands for the command line's "apply every suggestion".

Imports: the standard library, :mod:`app.model`, :mod:`app.diffing`, :mod:`app.classify`,
:mod:`app.judge`.
"""

from __future__ import annotations

from app.classify import Classification, classify
from app.compare.moves import Move
from app.diffing import diff_texts
from app.judge.evidence import Evidence
from app.judge.refine import refine
from app.model import ACCEPT, Kind, Suggestion, Verdict
from app.reasons import because

#: how sure a move's suggestion is (a paragraph pair that shares most of its words)
MOVE_CONFIDENCE = 0.85

#: what a move is called, by its kind (:attr:`Move.kind`): (reason, reason with edits,
#: suggestion on the base half, suggestion on the reference half)
WORDING = {
    "paragraph": (because("moved_paragraph"), because("moved_with_edits"),
                  because("moved_remove"),
                  because("moved_fill")),
    "fragment": (because("words_apart"), because("words_apart_with_edits"),
                 because("words_apart_remove"),
                 because("words_apart_put_back")),
}


def judge_move(moved: tuple[Move, bool], b_text: str, r_text: str, hunk: tuple[int, int, int, int],
               evidence: Evidence) -> Classification:
    """The classification of one half of a move (``moved`` = the move, and True for the
    base half); ``hunk`` is the half's change in section offsets."""
    move, base_half = moved
    reason, edited, remove, put = WORDING[move.kind]
    base_words, reference_words = move.texts(b_text, r_text)
    corrected, edits = settle(base_words, reference_words, evidence)
    digits = any(ch.isdigit() for ch in base_words + reference_words)
    if edits:
        return Classification(Kind.CONTENT, None, 0.9, reason=edited, touches_number=digits)
    if base_half:
        return Classification(Kind.LAYOUT, Suggestion(ACCEPT, remove), MOVE_CONFIDENCE, reason=reason,
                              touches_number=digits)
    b0, b1, r0, r1 = hunk
    text = r_text[r0:move.reference[0]] + corrected + r_text[move.reference[1]:r1]
    return Classification(Kind.LAYOUT, Suggestion.toward(text, b_text[b0:b1], r_text[r0:r1], put),
                          MOVE_CONFIDENCE, reason=reason, touches_number=digits)


def settle(base: str, reference: str, evidence: Evidence) -> tuple[str, int]:
    """``base`` with its differences from ``reference`` decided as the policy suggests, and
    how many of them are left to the editor."""
    out: list[str] = []
    edits = 0
    cursor = 0
    for h in refine(diff_texts(base, reference), base, reference):
        verdict = classify(base[h.b_start:h.b_end], reference[h.r_start:h.r_end],
                           base[h.b_start - 1:h.b_start] or "\n", base[h.b_end:h.b_end + 1], False, evidence.words)
        out.append(base[cursor:h.b_start])
        if verdict.kind is Kind.CONTENT or verdict.suggestion is None:
            edits += verdict.kind is Kind.CONTENT
            out.append(base[h.b_start:h.b_end])
        else:
            decision = verdict.suggestion.decision
            out.append(reference[h.r_start:h.r_end] if decision.verdict is Verdict.ACCEPTED
                       else decision.text if decision.verdict is Verdict.EDITED and decision.text is not None
                       else base[h.b_start:h.b_end])
        cursor = h.b_end
    out.append(base[cursor:])
    return "".join(out), edits
