"""Judge the two halves of a moved paragraph together (:mod:`app.compare.moves`).

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
from app.model import ACCEPT, Decision, Kind, Suggestion, Verdict
from app.reasons import because

#: how sure a move's suggestion is (a paragraph pair that shares most of its words)
MOVE_CONFIDENCE = 0.85


def judge_move(moved: tuple[Move, bool], b_text: str, r_text: str, hunk: tuple[int, int, int, int],
               evidence: Evidence) -> Classification:
    """The classification of one half of a move (``moved`` = the move, and True for the
    base half); ``hunk`` is the half's change in section offsets."""
    move, base_half = moved
    corrected, edits = settle(b_text[move.base[0]:move.base[1]], r_text[move.reference[0]:move.reference[1]],
                              evidence)
    digits = any(ch.isdigit() for ch in b_text[move.base[0]:move.base[1]] + r_text[move.reference[0]:move.reference[1]])
    if edits:
        return Classification(Kind.CONTENT, None, 0.9, reason=because("moved_with_edits"),
                              touches_number=digits)
    if base_half:
        return Classification(Kind.LAYOUT, Suggestion(ACCEPT, because("moved_remove")),
                              MOVE_CONFIDENCE, reason=because("moved_paragraph"),
                              touches_number=digits)
    b0, b1, r0, r1 = hunk
    text = r_text[r0:move.reference[0]] + corrected + r_text[move.reference[1]:r1]
    decision = ACCEPT if text == r_text[r0:r1] else Decision(Verdict.EDITED, text)
    return Classification(Kind.LAYOUT, Suggestion(decision, because("moved_fill")),
                          MOVE_CONFIDENCE, reason=because("moved_paragraph"),
                          touches_number=digits)


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
