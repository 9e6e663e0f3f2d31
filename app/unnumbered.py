"""Sections of a report whose headings carry no numbers, or that has no headings at all.

Contract: :func:`layout_headings` gives the headings a text shows by layout alone (see
:class:`Layout`; with ``long``, the lines too long for that, which are headings only where
the base sets them apart as a block of their own: :meth:`_Located.confirmed`); :func:`pair_unnumbered` gives the heading pairs ``(base, reference)`` that
:func:`app.sections.align_sections` turns into sections, in document order on both sides,
each side's headings strictly after the previous one's, and the key prefix of the sections:

* ``"h"`` - headings: the reference's (found by layout, or the ones a caller knows, as a
  structured import will) located in the base through a word alignment of the whole pair
  (:func:`app.align.opcodes`, anchored, so linear even on long, damaged OCR), then confirmed
  on the nearby base line that matches the title best (fuzzy: OCR-damaged);
* ``"p"`` - no headings, but the base has pages (form feeds): one section per base page, cut
  in the reference where the page's first words align;
* ``"b"`` - neither: blocks of the reference of about :attr:`Layout.block_chars`, cut at
  paragraph starts, and where they align in the base.

A page or block boundary is an empty-span :class:`~app.model.Heading` whose title is the
reference's first words there, so navigation still shows where each section starts.

Nothing is language-specific: letter case is Unicode's, words are ``\\w+`` runs folded to
lower case without diacritics. Imports: the standard library, rapidfuzz, :mod:`app.align`,
:mod:`app.model`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, takewhile
from typing import Final

from rapidfuzz import fuzz

from app.align import Opcode, opcodes
from app.diffing import without_marks
from app.model import Heading, Span

Pair = tuple[Heading | None, Heading | None]


@dataclass(frozen=True, slots=True)
class Layout:
    """What a heading looks like when nothing numbers it, and how big a fallback section is."""

    max_chars: int = 100  # a heading is a short line...
    max_words: int = 14
    long_chars: int = 200  # ...or, where the other edition sets it as a block of its own too,
    long_words: int = 30  # one of up to two printed lines (a long heading wraps, a title does)
    block_lines: int = 3  # lines a heading's block in the other edition may take
    final_marks: str = ".,;:"  # ...that does not end as a sentence, a clause or a label does,
    label_mark: str = ": "  # is not a "Label: value" line,
    sentence_mark: str = ". "  # holds no sentence break, and starts with a capital letter
    continuation: tuple[str, ...] = ("...", "\u2026")  # an ellipsis that ends a heading (it
    # goes on in the next one) or starts it (it goes on from the last) is no sentence mark
    min_headings: int = 2  # fewer than this, and blocks or pages are the better outline
    block_chars: int = 3000  # about a printed page
    title_match: float = 60.0  # rapidfuzz ratio that confirms a base line as the heading
    search_lines: int = 3  # base lines either side of the aligned place looked at
    title_words: int = 8  # words of a page or block shown as its title


LAYOUT: Final = Layout()

#: a word of :class:`_Words` (compiled by :mod:`re` when a text is first read so, not at every start)
_WORD = r"\w+"


# --------------------------------------------------------------------------- headings


def layout_headings(text: str, layout: Layout = LAYOUT, long: bool = False) -> list[Heading]:
    """The lines of ``text`` that stand alone as headings: a blank line (or the text's edge)
    above and below, short, no final period, and title case, all caps or sentence case.
    With ``long``, the lines that would be headings but for being longer than short: headings
    only where the other edition confirms them (:func:`confirmed`)."""
    return headings_by_length(text, layout)[long]


def headings_by_length(text: str, layout: Layout = LAYOUT) -> tuple[list[Heading], list[Heading]]:
    """Both kinds of :func:`layout_headings`, short and long, in one pass over the text."""
    found: tuple[list[Heading], list[Heading]] = ([], [])
    for match in _ALONE.finditer("\n\n" + text):  # the text's edge stands for a blank line
        line = match[1]
        title = line.strip()
        if _looks_like_heading(title, layout):
            start = match.start(1) - 2 + len(line) - len(line.lstrip())
            found[_is_long(title, layout)].append(Heading("", title, Span(start, start + len(title))))
    return found


#: A line alone (group 1): a blank line (or the text's edge) above and below. A pattern (its
#: quantifiers possessive, so a line is scanned once) finds the few such lines in C, where a
#: loop over every line cost more than the rest of a numbered report's outline.
_ALONE = re.compile(r"\n[^\S\n]*+\n([^\S\n]*+\S[^\n]*+)(?=\n[^\S\n]*+(?:\n|\Z)|\Z)")


def _is_long(title: str, layout: Layout) -> bool:
    return len(title) > layout.max_chars or len(title.split()) > layout.max_words


def _looks_like_heading(title: str, layout: Layout) -> bool:
    core, continued = _uncontinued(title, layout.continuation)
    return (len(title) <= layout.long_chars and len(title.split()) <= layout.long_words and bool(core)
            and (core[0].isupper() or continued) and core[-1] not in layout.final_marks
            and layout.label_mark not in title and layout.sentence_mark not in core)


def _uncontinued(title: str, marks: tuple[str, ...]) -> tuple[str, bool]:
    """The title without the ellipses that link it to the heading before or after it
    (``... och ställer högre krav``), and whether it goes on from the one before (its
    case then says nothing: it continues a sentence)."""
    continued = title.startswith(marks)
    for mark in marks:
        title = title.removeprefix(mark).removesuffix(mark)
    return title.strip(), continued


# --------------------------------------------------------------------------- pairing


def pair_unnumbered(base: str, reference: str, known: Sequence[Heading] | None = None,
                    layout: Layout = LAYOUT) -> tuple[list[Pair], str]:
    """The heading pairs of two editions with no numbered headings, and their key prefix."""
    if known is not None:  # the caller knows the outline, even when it is empty
        headings = sorted(known, key=lambda h: h.span.start)
        return (_Located(base, reference, layout).headings(headings) if headings else []), "h"
    headings = layout_headings(reference, layout)
    located = _Located(base, reference, layout)
    if len(headings) >= layout.min_headings:
        headings += located.confirmed(layout_headings(reference, layout, long=True))
        return located.headings(sorted(headings, key=lambda h: h.span.start)), "h"
    if "\f" in base.rstrip():
        return located.pages(), "p"
    return located.blocks(), "b"


def fold_title(text: str) -> str:
    """A title (or a line) as titles are compared: casefolded, without marks, its spaces one."""
    return " ".join(without_marks(text.casefold(), compatibility=True).split())


def fold_title_lines(text: str) -> list[str]:
    """The lines of ``text`` folded as :func:`fold_title` folds, their spaces kept: all at
    once, as folding never makes or takes a line break (marks attach within a line)."""
    return without_marks(text.casefold(), compatibility=True).split("\n")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return without_marks(word.casefold(), compatibility=True)


class _Words:
    """One text's words: their start offsets and folded keys."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(re.finditer(_WORD, text))
        self.starts = [m.start() for m in matches]
        self.keys = [_fold(m.group()) for m in matches]

    def at(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def offset(self, index: int) -> int:
        return self.starts[index] if index < len(self.starts) else len(self.text)


class _Map:
    """Word indices of one edition carried to the other through an alignment's opcodes."""

    def __init__(self, ops: Sequence[Opcode], swap: bool) -> None:
        flipped = (Opcode(o.tag, o.b_start, o.b_end, o.a_start, o.a_end) for o in ops) if swap else ops
        self.ops = [o for o in flipped if o.a_end > o.a_start]  # those covering a word of this side
        self.firsts = [o.a_start for o in self.ops]
        self.end = max((o.b_end for o in ops), default=0) if not swap else max((o.a_end for o in ops), default=0)

    def exact(self, j: int) -> int | None:
        """Where word ``j`` is in the other edition, if it aligned as equal."""
        op = self._op(j)
        return op.b_start + j - op.a_start if op is not None and op.tag == "equal" else None

    def near(self, j: int) -> int:
        """Where word ``j`` would be in the other edition (proportionally inside a change)."""
        op = self._op(j)
        if op is None:
            return self.end
        return op.b_start + (j - op.a_start) * (op.b_end - op.b_start) // (op.a_end - op.a_start)

    def run(self, j0: int, j1: int) -> int:
        """Where the run of words ``j0:j1`` starts in the other edition: from its first word
        that aligned, stepped back over the words before it; else proportionally."""
        for j in range(j0, j1):
            found = self.exact(j)
            if found is not None:
                return max(0, found - (j - j0))
        return self.near(j0)

    def _op(self, j: int) -> Opcode | None:
        k = bisect_right(self.firsts, j) - 1
        return self.ops[k] if k >= 0 and j < self.ops[k].a_end else None


class _Located:
    """The two editions aligned word by word, ready to carry cut points across."""

    def __init__(self, base: str, reference: str, layout: Layout) -> None:
        self.layout = layout
        self.base, self.ref = _Words(base), _Words(reference)
        ops = opcodes(self.ref.keys, self.base.keys, cleanup=False)  # word for word
        self.to_base, self.to_ref = _Map(ops, swap=False), _Map(ops, swap=True)
        lines = base.split("\n")
        self.line_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))[:-1]
        self.lines = lines

    def headings(self, headings: Sequence[Heading], strict: bool = False) -> list[Pair]:
        pairs: list[Pair] = []
        floor = 0
        for heading in headings:
            j0, j1 = self.ref.at(heading.span.start), self.ref.at(heading.span.end)
            aligned = self.base.offset(self.to_base.run(j0, j1))
            found = self._base_line(aligned, heading.title, floor, strict)
            if found is not None:
                floor = found.span.end + 1
            pairs.append((found, heading))
        return pairs

    def confirmed(self, headings: Sequence[Heading]) -> list[Heading]:
        """The ``headings`` the base sets as a block of their own: the lines from the base
        line that shows one to the next blank line (at most :attr:`Layout.block_lines`) hold
        its title and no more. A long line alone in the reference is a heading or a paragraph
        with no final period; the print sets a heading apart, a paragraph runs on."""
        found: list[Heading] = []
        for base, heading in self.headings(headings, strict=True):
            if base is None:
                continue
            k = bisect_right(self.line_starts, base.span.start) - 1
            if fuzz.ratio(self._block(k), " ".join(_fold(heading.title).split())) >= self.layout.title_match:
                found.append(heading)
        return found

    def _block(self, k: int) -> str:
        """The block of base lines that starts at line ``k`` (after a blank line) and runs
        to the next blank line, folded; "" if it starts before or runs longer than a heading."""
        if k and self.lines[k - 1].strip():
            return ""
        block = list(takewhile(str.strip, self.lines[k : k + self.layout.block_lines + 1]))
        return " ".join(_fold(" ".join(block)).split()) if len(block) <= self.layout.block_lines else ""

    def _base_line(self, aligned: int, title: str, floor: int, strict: bool) -> Heading | None:
        """The base line at or near ``aligned`` that is the heading titled ``title`` (alone,
        or with the lines it wraps onto); the line at ``aligned`` if none matches, unless
        ``strict``."""
        here = bisect_right(self.line_starts, aligned) - 1
        lo = max(0, here - self.layout.search_lines)
        hi = min(len(self.lines), here + self.layout.search_lines + 1)
        want = " ".join(_fold(title).split())
        scored = [(max(fuzz.ratio(" ".join(_fold(self.lines[k]).split()), want), fuzz.ratio(self._block(k), want)),
                   -abs(k - here), k)
                  for k in range(lo, hi) if self.line_starts[k] >= floor and self.lines[k].strip()]
        if not scored:
            return None
        best = max(scored)
        if strict and best[0] < self.layout.title_match:
            return None
        k = best[2] if best[0] >= self.layout.title_match else here
        if self.line_starts[k] < floor or not self.lines[k].strip():
            return None
        line = self.lines[k]
        start = self.line_starts[k]  # indent and specks before the title are the heading's
        return Heading("", line.strip(), Span(start, start + len(line.rstrip())))

    def pages(self) -> list[Pair]:
        """One pair per base page; the reference is cut where the page's first words align."""
        text = self.base.text
        cuts = [0] + [m.end() for m in re.finditer("\f", text) if text[m.end():].strip()]
        pairs: list[Pair] = []
        floor = 0
        for cut in cuts:
            i0 = self.base.at(cut)
            ref_at = max(floor, self.ref.offset(self.to_ref.run(i0, i0 + 8)))
            floor = ref_at
            title = self._title(ref_at)
            pairs.append((Heading("", title, Span(cut, cut)), Heading("", title, Span(ref_at, ref_at))))
        return pairs

    def blocks(self) -> list[Pair]:
        """Blocks of the reference cut at paragraph starts; the base cut at the line where
        the block's first words align."""
        ref = self.ref.text
        size = self.layout.block_chars
        cuts = [0]
        for m in re.finditer(r"\n[^\S\n]*\n\s*(?=\S)", ref):
            if m.end() - cuts[-1] >= size and len(ref) - m.end() >= size // 2:
                cuts.append(m.end())
        if len(cuts) < 2:
            return []
        pairs: list[Pair] = []
        floor = 0
        for cut in cuts:
            j0 = self.ref.at(cut)
            at = self.base.offset(self.to_base.run(j0, j0 + 8))
            line_start = self.base.text.rfind("\n", 0, at) + 1
            at = max(floor, line_start)
            floor = at
            title = self._title(cut)
            pairs.append((Heading("", title, Span(at, at)), Heading("", title, Span(cut, cut))))
        return pairs

    def _title(self, offset: int) -> str:
        j = self.ref.at(offset)
        end = self.ref.offset(min(j + self.layout.title_words, len(self.ref.starts)))
        return " ".join(self.ref.text[self.ref.offset(j):end].split())
