"""What the pair of editions tells as a whole, gathered once before any section is judged.

Entry point: :meth:`Evidence.of`. It holds the print's page furniture in the base edition
(:mod:`app.judge.pages`) and the pair's vocabulary (:mod:`app.judge.lexicon`); the engine
asks it, per section, for the walls that :func:`app.judge.refine.refine` cuts out and for
whether a hunk is furniture.

Imports: the standard library, :mod:`app.model`, the other :mod:`app.judge` modules.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from app.judge.lexicon import Words
from app.judge.pages import find_furniture
from app.model import Edition, Span


@dataclass(frozen=True, eq=False)
class Evidence:
    """The document-wide evidence of one comparison (compared by identity: one per pair)."""

    furniture: tuple[tuple[int, int], ...]
    words: Words
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, base: Edition, reference: Edition) -> Evidence:
        spans = tuple(find_furniture(base.text, reference.text))
        return cls(spans, Words(base.text, reference.text), [a for a, _ in spans])

    def walls(self, span: Span) -> list[tuple[int, int]]:
        """The furniture inside the base ``span``, in offsets relative to its start."""
        first = bisect_left(self._starts, span.start)
        out = []
        for a, b in self.furniture[first:]:
            if a >= span.end:
                break
            out.append((a - span.start, min(b, span.end) - span.start))
        return out


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
