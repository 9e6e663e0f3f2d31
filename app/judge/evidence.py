"""What the pair of editions tells as a whole, gathered once before any section is judged.

Entry point: :meth:`Evidence.of`. It holds the print's page furniture in the base edition
(:mod:`app.judge.pages`) and the pair's vocabulary (:mod:`app.judge.lexicon`); the engine
asks it, per section, for the walls that :func:`app.judge.refine.refine` cuts out and for
whether a hunk is furniture.

Imports: the standard library, :mod:`app.model`, the other :mod:`app.judge` modules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from app.diffing import fold, tokenize
from app.judge.channel import Channel
from app.judge.lexicon import Words
from app.judge.pages import find_catchwords, find_furniture
from app.model import Edition, Span


@dataclass(frozen=True, eq=False)
class Evidence:
    """The document-wide evidence of one comparison (compared by identity: one per pair)."""

    furniture: tuple[tuple[int, int], ...]
    words: Words
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, base: Edition, reference: Edition, channel: Channel | None = None) -> Evidence:
        """The pair's evidence; ``channel``: the OCR channel model to judge with (a reopened
        session's), instead of learning it from the pair."""
        found = find_furniture(base.text, reference.text, geometry=base.geometry)
        # a catchword's word is the reference's next word: it is furniture by its place alone
        catchwords = find_catchwords(base.text, found)
        spans = tuple(sorted({*_not_in_reference_here(found, base.text, reference.text), *catchwords}))
        return cls(spans, Words(base.text, reference.text, channel=channel), [a for a, _ in spans])

    def walls(self, span: Span) -> list[tuple[int, int]]:
        """The furniture inside the base ``span``, in offsets relative to its start."""
        first = bisect_left(self._starts, span.start)
        out = []
        for a, b in self.furniture[first:]:
            if a >= span.end:
                break
            out.append((a - span.start, min(b, span.end) - span.start))
        return out


#: words before a furniture line that, found with it in the reference, say it is text there
CONTEXT_WORDS = 2


def _not_in_reference_here(spans: list[tuple[int, int]], base: str, reference: str) -> list[tuple[int, int]]:
    """``spans`` without the lines the reference reads at the same place: a report's title
    that is also its running head ("Lebensqualität in Deutschland" under "Bericht der
    Bundesregierung zur") is the title where the reference has it, with the words before it.
    Only the reference around each place that holds the line's first word is read; it is
    case-folded once, when first needed (a copy of the whole reference, 0.06 s at 100x, made
    for nothing where the print has no furniture)."""
    folded_reference: str | None = None
    kept = []
    for a, b in spans:
        own = _word_keys(base[a:b])
        before = _word_keys(base[max(0, a - 200):a])[-CONTEXT_WORDS:]
        said = False
        if len(before) == CONTEXT_WORDS and own:
            if folded_reference is None:
                folded_reference = reference.casefold()
            said = _said_near(before + own, base[a:b], reference, folded_reference)
        if not said:
            kept.append((a, b))
    return kept


def _said_near(keys: list[str], line: str, reference: str, folded_reference: str) -> bool:
    """``keys`` stand in a row somewhere in ``reference``. Only the reference around the places
    that may hold the line's longest word is read: its key's letters in order inside one word
    (a superset of the words with that key, found by one regular expression)."""
    words = [t for t in tokenize(line)[0] if t[0].isalnum()]
    longest = fold(max(words, key=len)) if words else ""
    if not longest.strip("·"):
        return False
    pattern = re.compile(r"\w*?".join(map(re.escape, longest)))
    wanted = "\0" + "\0".join(keys) + "\0"
    for found in pattern.finditer(folded_reference):
        window = reference[max(0, found.start() - 200 - len(line)):found.end() + 200 + len(line)]
        if wanted in "\0" + "\0".join(_word_keys(window)) + "\0":
            return True
    return False


def _word_keys(text: str) -> list[str]:
    return [fold(t) for t in tokenize(text)[0] if t[0].isalnum()]


def is_wall(start: int, end: int, text: str, walls: list[tuple[int, int]]) -> bool:
    """``text[start:end]`` is furniture and blank space only, with some furniture in it."""
    if not walls:
        return False
    covered = [(max(a, start), min(b, end)) for a, b in walls if a < end and b > start]
    if not covered:
        return False
    rest = list(text[start:end])
    for a, b in covered:
        rest[a - start:b - start] = [" "] * (b - a)
    return not "".join(rest).strip()
