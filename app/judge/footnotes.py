"""Footnote markers the OCR lost: a print's small raised number read as debris.

Entry points: :func:`footnote_numbers` (once per pair, from the reference) and
:func:`lost_marker` (per hunk).

A digital edition's footnote markers are numbers glued to the end of a word or to the mark
that closes it (``branschaktörer4``, ``till.13``), and in reading order they count 1, 2, 3, …
The print sets them small and raised, where OCR often reads them as debris (``®``, ``!!``,
``'*``, a lone ``X``). A hunk whose base side holds such debris where the reference holds a
marker of the document's own sequence is an OCR misread of the footnote, not a figure that
was edited. It is still a number the editor must confirm: the numbers guard keeps it out of
every bulk accept (:attr:`app.model.Change.bulk_safe`); it is just not counted a genuine edit.

Imports: the standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: a number of at most three digits after a letter, or after a letter and a closing mark, with
#: no word character after it: a superset of the glued numbers (:func:`_glued` decides). It
#: starts with its digit, so the search skips to the text's digits in C (a pattern starting
#: with the look behind was tried at every character, five times slower than ``\d+``).
_GLUED = re.compile(r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_][.,;:)\]”’\"']\d))\d{0,2}(?!\w)")
#: marks that may close a word before its footnote marker (``till.13``)
_CLOSERS = frozenset(".,;:)]”’\"'")
#: a reference side: the word the marker is glued to (maybe none), the marker, a closing mark
_MARKED = re.compile(r"(?P<word>[^\s\d]*?)(?P<marker>\d{1,3})(?P<tail>[.,;:]?)")
#: a base side: the word, then the debris the marker was read as (a lone letter on its own)
_DEBRIS = re.compile(r"(?P<word>[^\s\d]*?[^\W\d_])(?P<debris>[^\w\s]{1,3})|(?P<alone>[^\w\s]{1,3}|[^\W\d_])")
#: the document's markers must count at least this far to be taken for a footnote sequence
MIN_SEQUENCE = 3


def footnote_numbers(reference: str) -> frozenset[str]:
    """The numbers of the reference's footnote sequence: the glued numbers that, read in
    order, count up from 1 (a figure glued to a word, ``CO2``, joins only if it fits the count).
    Empty when the count stops short of :data:`MIN_SEQUENCE`.

    Only the numbers :data:`_GLUED` finds are weighed: each is a whole run of digits (a letter
    or a mark before it, no digit after), and every glued number is among them. Weighing every
    number of the text in Python was a fifth of the pair-wide evidence of a long report."""
    expect = 1
    for match in _GLUED.finditer(reference):
        if _glued(reference, match.start(), match.end()) and int(match.group()) == expect:
            expect += 1
    return frozenset(str(n) for n in range(1, expect)) if expect > MIN_SEQUENCE else frozenset()


def _glued(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a number of at most three digits glued to a word, or to the mark
    that closes one, and standing before no letter or digit."""
    if end - start > 3 or start == 0 or end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    before = text[start - 1]
    if before in _CLOSERS and start > 1:
        before = text[start - 2]
    return before.isalpha()


def lost_marker(base: str, ref: str, before: str, numbers: frozenset[str],
                misread: Callable[[str, str], bool]) -> str | None:
    """The footnote number the base lost in this hunk, or None.

    ``ref`` must be a marker of ``numbers``, maybe after the word it is glued to; ``base`` the
    same word as a misread (``misread(base_word, reference_word)``), then debris with no digit;
    with no word in the hunk, the debris must be glued to what stands ``before`` it."""
    marked = _MARKED.fullmatch(ref)
    found = _DEBRIS.fullmatch(base)
    if marked is None or found is None or marked["marker"] not in numbers:
        return None
    r_word = marked["word"]
    if found["alone"] is not None:
        glued = bool(before) and not before[-1].isspace()
        return marked["marker"] if not r_word and glued else None
    if r_word and (found["word"] == r_word or misread(found["word"], r_word)):
        return marked["marker"]
    return None
