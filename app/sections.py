"""Find a report's numbered headings and pair its sections across two editions.

Contract: :func:`find_headings` gives one text's numbered headings (``1.``, ``1.1``,
``2.3.1``) in document order; :func:`align_sections` turns two editions into
:class:`~app.model.SectionPair` s that are in document order on both sides and tile both texts
exactly (first span starts at 0, each starts where the previous ended, the last ends at the
text's end), so later stages can diff section by section and shift offsets.

Why a chain and not a pattern: many lines *look* like headings (list items ``1.``, decimals
at a line start, damaged footnotes). A candidate is a heading only if it continues the
numbering, so candidates get a layout weight and are linked into the best-scoring chain of
plausible successors (next sibling, first child, next at a higher level; a gap, or the
numbering starting again as in concatenated reports, costs a penalty). That is a small
dynamic programme, linear in the candidates.
A bare number (``13 Kommunsektorn``, as Word exports a chapter) is a candidate only right
over its first section (``13.1``). Given the other edition's headings, a line whose title is
one of theirs but whose number is one part away (OCR's ``7.4`` for ``7.7``) is also offered to
the chain with their number, at a small cost, so it is taken where it continues the numbering.
Where one of their headings is still left without a line, the lines between its neighbours
are read more loosely (:func:`_recovered`: other engines put a blank inside a number, lose a
digit, indent, lower a title's capital) and offered the same way, where the title or the
number as read is theirs.
Nothing is language-specific: titles are recognised by Unicode letter case only, and
OCR damage to numbers is the :data:`NUMBER_DAMAGE` table.

Pairing uses :func:`app.align.opcodes` over the number sequences (the project's one aligner),
so repeated numbering aligns too; numbers it cannot match are paired by title similarity.
A reference with fewer than :attr:`Scoring.min_numbered` numbered headings is outlined by
:mod:`app.unnumbered` instead (the headings its format marks, ``Edition.headings``, such as
Word's heading styles; else layout headings, pages or blocks); its sections are keyed
``h1``, ``p1``, ``b1``… in place of a number.

A numbered reference's unnumbered sub-headings become sections of their own too
(:mod:`app.subheadings`), keyed ``h7`` by their place.

Imports: the standard library, rapidfuzz, :mod:`app.align`, :mod:`app.diffing`, :mod:`app.model`,
:mod:`app.unnumbered`, :mod:`app.subheadings`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from app.align import opcodes
from app.diffing import without_marks
from app.model import Edition, Heading, SectionPair, Span
from app.subheadings import nest
from app.unnumbered import LAYOUT, pair_unnumbered

Number = tuple[int, ...]

#: What OCR makes of the characters of a heading number, mapped back. Only applied inside
#: the number at a line start; a number with no genuine digit left weighs less (Scoring).
NUMBER_DAMAGE: Final[Mapping[str, str]] = MappingProxyType({
    "l": "1", "I": "1", "|": "1", "[": "1", "]": "1", "!": "1",
    "O": "0", "o": "0",
    ",": ".", ":": ".",
})
#: Specks an OCR leaves before a heading number at a line start (``‘7.1``, ``":13.3.1``): part
#: of the heading. At most :attr:`Scoring.max_specks` of them.
NUMBER_SPECKS: Final = "‘’'`´\"“”„:"


@dataclass(frozen=True, slots=True)
class Scoring:
    """The weights of the heading chain; a chain's score is its weights minus its costs.

    A candidate's weight is the product of the factors that apply to it (1.0 when none
    does); weights only matter where candidates compete for a place in the numbering.
    """

    embedded: float = 0.25  # directly after running text (not blank, not its parent heading)
    list_item: float = -0.25  # the weight (not a factor) of an item of a numbered list (see
    # _list_items): negative, so it is taken only where it bridges a gap in the numbering
    damaged_only: float = 0.5  # no genuine digit in the number ("l.", "I.")
    gap: float = 0.3  # per heading missing between two linked ones (lost to OCR, say)
    restart: float = 3.0  # numbering starting again: it must carry several headings to pay
    window: int = 16  # how far back a gapped link may reach
    max_wrap: int = 3  # continuation lines a title may wrap onto
    title_match: float = 70.0  # rapidfuzz ratio for pairing headings whose numbers differ
    title_window: int = 8  # how far ahead a title match is looked for
    unrecognised_share: float = 0.5  # a one-sided section whose words the other edition's
    # neighbouring section holds this much of is a heading that edition did not show
    min_numbered: int = 2  # numbered headings that make the reference's outline numbered
    misread: float = 0.1  # cost of reading a number as the one the other edition's heading of
    # that title has (7.4 as 7.7): small, so the number as read wins a tie
    max_specks: int = 2  # speck characters before a number at a line start
    loose_pieces: int = 3  # blank-separated pieces a misread number may come in ("1 3.2.1")
    loose_edits: int = 1  # characters of a number the OCR may have lost or misread ("3.2.2"
    # for "13.2.2", "7j4" for "7.4") where the title is the other edition's heading's


SCORING: Final = Scoring()

_SEPARATORS = re.escape("".join(k for k, v in NUMBER_DAMAGE.items() if v == ".") + ".")
_DAMAGED = re.escape("".join(k for k, v in NUMBER_DAMAGE.items() if v != "."))
_PART = rf"[0-9{_DAMAGED}]{{1,3}}"
_SEP = rf"[^\S\n]?[{_SEPARATORS}]"
_HEADING_LINE = (
    rf"[^\S\n]{{0,4}}[{re.escape(NUMBER_SPECKS)}]{{0,{SCORING.max_specks}}}(?P<number>{_PART}(?:{_SEP}{_PART}){{0,3}}(?:{_SEP})?)"
    r"[^\S\n]+(?P<title>\S[^\n]*)$"
)
_LINE = re.compile("^" + _HEADING_LINE, re.MULTILINE)
#: the same after its line break, searched in the text after one more: a search for a literal
#: first character skips to each line in C, where ``^`` is tried at every character (4x slower)
_AFTER_BREAK = re.compile("\n" + _HEADING_LINE, re.MULTILINE)
#: every ASCII character has its entry (a heading number is ASCII once its blanks are out): one
#: that had none cost str.translate a KeyError raised and caught, per call and character
_UNDAMAGE = {code: NUMBER_DAMAGE.get(chr(code), chr(code)) for code in range(128)}
_TERMINAL = re.compile(r"[.?!:;]\S{0,3}\s*$")  # a sentence end, maybe with a footnote mark


@dataclass(frozen=True, slots=True)
class _Candidate:
    number: Number
    heading: Heading
    weight: float
    bare: bool = False  # a one-part number without its dot (``13``, not ``13.``)


# --------------------------------------------------------------------------- headings


def find_headings(text: str, scoring: Scoring = SCORING,
                  known: Sequence[Heading] = ()) -> list[Heading]:
    """The numbered headings of ``text`` in document order (see the module docstring).

    ``known`` are the other edition's numbered headings: a line whose title is one of theirs
    but whose number is not may have had its number misread (OCR's ``7.4`` for ``7.7``), so
    the chain may also take it with their number, where that continues the numbering. A
    heading of theirs the chain still leaves without a line is looked for on the lines around
    its place, read more loosely (:func:`_recovered`), and the chain is made again."""
    cands = _candidates(text, scoring)
    if not known:
        return [c.heading for c in _best_chain(cands, scoring)]
    cands = _with_misreads(cands, _Titles(known), scoring)
    chain = _best_chain(cands, scoring)
    recovered = _recovered(text, cands, chain, known, scoring)
    if recovered:  # seldom: only where a heading of theirs found no line of ours
        # stable: a recovered line follows the candidates that stand at its place (its twins)
        cands = sorted([*cands, *recovered], key=lambda c: c.heading.span.start)
        chain = _best_chain(cands, scoring)
    return [c.heading for c in chain]


def _read_number(raw: str) -> tuple[Number, bool] | None:
    """``"l .1"`` -> ``((1, 1), False)``, ``"13"`` -> ``((13,), True)``: the number, and whether
    it is bare (one part, no dot: a footnote, an amount or a year as often as a chapter);
    None if a part is no number. One reading answers both, where two parses did."""
    compact = "".join(raw.split()).translate(_UNDAMAGE)
    parts = compact.rstrip(".").split(".")
    if not all(map(str.isdigit, parts)):
        return None
    return tuple(map(int, parts)), len(parts) == 1 and not compact.endswith(".")


def _read_line(match: re.Match[str]) -> tuple[Number, bool] | None:
    """The number of a heading-like line (a title that starts with no lowercase letter) and
    whether it is bare (:func:`_read_number`)."""
    title = match["title"]
    if title[0].islower() or not any(map(str.isalpha, title)):
        return None
    return _read_number(match["number"])


def _candidates(text: str, scoring: Scoring) -> list[_Candidate]:
    """Every heading-like line, weighted by how much it looks like a heading in its place."""
    lines = [(m, *read) for m in _AFTER_BREAK.finditer("\n" + text) if (read := _read_line(m)) is not None]
    found: list[_Candidate] = []
    for k, (match, number, bare) in enumerate(lines):  # offsets one on: the break before the text
        if bare and not (k + 1 < len(lines) and _is_first_child(number, lines[k + 1][1])):
            continue  # no chapter (_chapters_kept): known before its title is read
        start, end = match.start(), _title_end(text, match.end() - 1, scoring.max_wrap)
        title = " ".join(text[match.start("title") - 1 : end].split())
        heading = Heading(".".join(map(str, number)), title, Span(start, end))
        genuine = any(map(str.isdigit, match["number"]))
        found.append(_Candidate(number, heading, 1.0 if genuine else scoring.damaged_only, bare=bare))
    found = _chapters_kept(text, found)
    listed = _list_items(text, found)
    # made anew, not dataclasses.replace: that reads the fields' definitions for every call
    return [_Candidate(c.number, c.heading, scoring.list_item if k in listed
                       else c.weight * _layout(text, c, found[k - 1] if k else None, scoring), c.bare)
            for k, c in enumerate(found)]


def _chapters_kept(text: str, found: Sequence[_Candidate]) -> list[_Candidate]:
    """The candidates without the bare numbers (``13 Kommunsektorn``) that are no chapter.

    A bare number opens footnotes, amounts and years as often as chapters (Word exports a
    chapter's ``13`` with no dot). It is a chapter heading when its first section follows
    with nothing but blank lines between (``13.1 Inledning``) and it does not end as a
    sentence: a footnote or a sum is not followed by a heading numbered under it."""
    return [c for k, c in enumerate(found)
            if not c.bare or k + 1 < len(found) and _adjacent(text, c, found[k + 1])
            and _is_first_child(c.number, found[k + 1].number) and not _TERMINAL.search(c.heading.title)]


class _Titles:
    """The other edition's numbered headings, looked up by a number one part away from
    theirs (a misread digit changes one part), with their titles folded."""

    def __init__(self, known: Sequence[Heading]) -> None:
        self.by_number: dict[Number, set[str]] = {}
        self.near: dict[tuple[int, Number], set[Number]] = {}
        for heading in known:
            read = _read_number(heading.number + ".")  # a final dot: never bare
            if read is None:
                continue
            number = read[0]
            self.by_number.setdefault(number, set()).add(_fold(heading.title))
            for k in range(len(number)):
                self.near.setdefault((k, number[:k] + (-1,) + number[k + 1:]), set()).add(number)

    def misread(self, number: Number, title: str, scoring: Scoring) -> Number | None:
        """The number the other edition gives ``title``, when it is one part away from
        ``number`` and the heading that has ``number`` there is titled otherwise.

        The numbers one part away are gathered only for a title that does not match its own
        number's: in a long report ``(k, 4)`` has a neighbour in every chapter, and gathering
        them for every candidate cost a quarter of the 100x sample's outline."""
        near = [self.near.get((k, number[:k] + (-1,) + number[k + 1:]), ()) for k in range(len(number))]
        if not any(len(ns) > 1 or number not in ns for ns in near if ns):
            return None  # no heading of theirs one part away: nothing to fold
        folded = _fold(title)
        if self._matches(number, folded, scoring):
            return None
        others = {n for ns in near for n in ns if n != number}
        scored = [(max(fuzz.ratio(folded, t) for t in self.by_number[n]), n) for n in others]
        best = max(scored, default=None)
        return best[1] if best is not None and best[0] >= scoring.title_match else None

    def _matches(self, number: Number, folded: str, scoring: Scoring) -> bool:
        return any(fuzz.ratio(folded, t) >= scoring.title_match for t in self.by_number.get(number, ()))


def _with_misreads(cands: Sequence[_Candidate], titles: _Titles,
                   scoring: Scoring) -> list[_Candidate]:
    """The candidates, each followed by its twin read with the number the other edition
    gives its title, if the number as read may be a misread (see :meth:`_Titles.misread`).
    A twin stands at its candidate's place; the chain takes one of the two at most."""
    out: list[_Candidate] = []
    for cand in cands:
        out.append(cand)
        number = titles.misread(cand.number, cand.heading.title, scoring) if cand.weight > 0 else None
        if number is not None:
            heading = replace(cand.heading, number=".".join(map(str, number)))
            out.append(replace(cand, number=number, heading=heading, weight=cand.weight - scoring.misread))
    return out


#: A line that may open a heading the strict reading (:data:`_LINE`) passed over: any indent and
#: a few specks, then a digit or a glyph OCR makes of one. Searched for only where a heading of
#: the other edition found no line (:func:`_recovered`); ``\A`` for a region at the text's start.
#: Compiled by :mod:`re` when first searched, as the core's other rarely used patterns are: most
#: pairs leave no such gap, and paid 0.7 M instructions for it at every start.
_LOOSE_LINE = rf"(?:\A|\n)[^\S\n]*(?:[^\w\s][^\S\n]*){{0,{SCORING.max_specks}}}?(?=[0-9{_DAMAGED}])(?P<line>[^\n]+)"


_PIECE = re.compile(r"\S+")


def _recovered(text: str, cands: Sequence[_Candidate], chain: Sequence[_Candidate],
               known: Sequence[Heading], scoring: Scoring) -> list[_Candidate]:
    """Candidates for the other edition's headings that ``chain`` left unmatched, each read
    on a line between the matched headings around it with that heading's number.

    The strict reading passes over what some OCR engines make of a heading: a number with a
    blank inside (``1 3.1``), a lost or unreadable digit or dot (``3.2.2``, ``13.3.q``, ``7_5``),
    a deep indent, a title whose capital became a lowercase letter (``lnledning``). Each is a
    misread of the number as ``7.4`` for ``7.7`` is, so it is read as the other edition's
    number where the evidence holds (:func:`_reads_as`), at the cost of a misread, and the
    chain takes it only where it continues the numbering. Only the lines of the gaps are
    read, and an outline both editions number alike costs one comparison of its numbers."""
    if [c.heading.number for c in chain] == [h.number for h in known]:
        return []  # as most: every heading of theirs has its line (a list compared in C)
    numbered = [(read[0], h) for h in known if (read := _read_number(h.number + ".")) is not None]
    found: list[_Candidate] = []
    at = {(c.heading.span.start, c.number) for c in cands}
    for op in opcodes([c.number for c in chain], [n for n, _ in numbered], cleanup=False):
        if op.tag == "equal" or op.tag == "delete":
            continue
        lo = chain[op.a_start - 1].heading.span.end if op.a_start else 0
        hi = chain[op.a_end].heading.span.start if op.a_end < len(chain) else len(text)
        gap = _Gap(numbered[op.b_start : op.b_end], scoring.loose_edits)
        for match in re.compile(_LOOSE_LINE).finditer(text, lo, hi):
            for cand in _loose_candidates(text, match, gap, scoring):
                if (cand.heading.span.start, cand.number) not in at:
                    found.append(cand)
    return found


class _Gap:
    """The other edition's headings of one gap in the chain, found by the number a line reads.

    Theirs is at most ``edits`` characters from the line's, so the two share a form with that
    many characters deleted (a symmetric-delete index): a line is compared with the few
    numbers near its own, never with every heading of the gap, which was quadratic where a
    whole outline went unread (the 10x sample with its headings indented: 1.9 s)."""

    def __init__(self, wanted: Sequence[tuple[Number, Heading]], edits: int) -> None:
        self.edits = edits
        self.titles: dict[str, tuple[Number, set[str]]] = {}  # by number: its titles, unspecked
        for number, heading in wanted:
            self.titles.setdefault(heading.number, (number, set()))[1].add(_unspecked(heading.title))
        self.near: dict[str, set[str]] = {}
        for theirs in self.titles:
            for form in _deleted(theirs, edits):
                self.near.setdefault(form, set()).add(theirs)

    def numbers(self, read: str) -> list[tuple[str, int]]:
        """Their numbers within reach of ``read`` and how far each is, in order (a set's order
        would follow the string hash, and candidates at one line break ties by order)."""
        near = set().union(*(self.near.get(form, ()) for form in _deleted(read, self.edits)))
        far = [(n, Levenshtein.distance(read, n, score_cutoff=self.edits + 1)) for n in sorted(near)]
        return [(n, d) for n, d in far if d <= self.edits]


def _deleted(text: str, most: int) -> set[str]:
    """``text`` with up to ``most`` of its characters deleted, every way."""
    forms = {text}
    for _ in range(most):
        forms |= {form[:k] + form[k + 1:] for form in forms for k in range(len(form))}
    return forms


def _loose_candidates(text: str, match: re.Match[str], gap: _Gap,
                      scoring: Scoring) -> Iterator[_Candidate]:
    """The line of ``match`` read as each heading of ``gap`` it may be (:func:`_reads_as`),
    one candidate a number, weighted as a misread (:func:`_with_misreads`). Its title is
    read only for a number near one of theirs: most lines that start with a digit are text."""
    line, offset = match["line"], match.start("line")
    start = end = -1
    taken: set[str] = set()
    for number, title_at in _loose_splits(line, scoring):
        near = [(theirs, edits) for theirs, edits in gap.numbers(number) if theirs not in taken]
        if not near:
            continue
        if end < 0:
            start = text.rfind("\n", 0, offset) + 1
            end = _title_end(text, match.end(), scoring.max_wrap)
        first = line[title_at:]
        title = " ".join(text[offset + title_at : end].split())
        read = (_unspecked(first), _unspecked(title))
        for theirs, edits in near:
            parts, titles = gap.titles[theirs]
            if not _reads_as(number, edits, first, read, titles, scoring):
                continue
            taken.add(theirs)
            genuine = any(map(str.isdigit, line[:title_at]))
            cand = _Candidate(parts, Heading(theirs, title, Span(start, end)),
                              1.0 if genuine else scoring.damaged_only, bare=len(parts) == 1)
            yield replace(cand, weight=cand.weight * _layout(text, cand, None, scoring) - scoring.misread)


def _loose_splits(line: str, scoring: Scoring) -> Iterator[tuple[str, int]]:
    """Each way ``line`` reads as a number and a title: the number with its blanks out and
    OCR's damage to it mapped back (:data:`NUMBER_DAMAGE`), and where in ``line`` the title
    starts. Each piece of the number holds a digit once mapped (``7j4``, ``13.3.q``); a piece
    after the first starts with one. A reading that is no number is many characters away from
    every heading's (:class:`_Gap`), so it is not weeded out here."""
    pieces = list(_PIECE.finditer(line))[: scoring.loose_pieces + 1]
    number = ""
    for k, piece in enumerate(pieces[:-1]):
        mapped = piece.group().translate(_UNDAMAGE)
        if not any(map(str.isdigit, mapped)) or k and not mapped[0].isdigit():
            return
        number += mapped
        yield number.rstrip("."), pieces[k + 1].start()


def _reads_as(number: str, edits: int, first: str, read: tuple[str, str], titles: Set[str],
              scoring: Scoring) -> bool:
    """Whether a line whose number reads ``number``, ``edits`` characters from the other
    edition's, and whose title reads ``first`` on its first line (``read``: that and the title
    with its wraps, unspecked) is their heading of that number, titled one of ``titles``.

    Two pieces of evidence, as for any misread: a number a character or so away
    (:attr:`Scoring.loose_edits`) and the heading's title; or the heading's number exactly,
    once the blanks the OCR put inside are out, with more than one part (a bare number opens
    footnotes and amounts as often as chapters) and a title that reads as one."""
    if any(fuzz.ratio(mine, want) >= scoring.title_match for want in titles for mine in read):
        return True
    return (not edits and "." in number and not first[0].islower()
            and any(map(str.isalpha, first)))


def _unspecked(title: str) -> str:
    """A title folded (:func:`_fold`) without the specks after it: some OCR engines read a
    page's dust along the rest of a heading's line (``Code.go_   :   ,  -.'``)."""
    return _TRAILING_SPECKS.sub("", _fold(title))


_TRAILING_SPECKS = re.compile(r"[\W_]+$")


def _title_end(text: str, end: int, max_wrap: int) -> int:
    """Where a title ending its first line at ``end`` really ends, following its wraps."""
    for _ in range(max_wrap):
        if _TERMINAL.search(text, text.rfind("\n", 0, end) + 1, end):
            break
        continued = _continuation(text, end)
        if continued is None:
            break
        end = continued
    return end


def _continuation(text: str, end: int) -> int | None:
    """End of the next line (after at most one blank line) if it continues the title.

    A continuation starts with a lowercase letter (body text after a heading starts a
    sentence). The digital extract sometimes puts a blank line inside a wrapped title; a line
    after a blank must also end the sentence, as a paragraph's first line seldom does.
    """
    pos = end + 1
    for blanks in range(2):
        if pos > len(text):
            return None
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        line = text[pos:stop]
        if line.strip():
            if not line.lstrip()[0].islower():
                return None  # as after most headings: asked first, it spares the patterns below
            match = _LINE.match(line)
            heading_like = match is not None and (read := _read_line(match)) is not None and not read[1]
            ends = not blanks or _TERMINAL.search(line) is not None
            return stop if ends and not heading_like else None
        pos = stop + 1
    return None


def _layout(text: str, cand: _Candidate, previous: _Candidate | None,
            scoring: Scoring) -> float:
    """A heading stands on its own: after a blank line, or as first child under its parent."""
    start = cand.heading.span.start
    if start == 0 or not text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip():
        return 1.0
    if (previous is not None and previous.heading.span.end == start - 1
            and _is_first_child(previous.number, cand.number)):
        return 1.0
    return scoring.embedded


def _list_items(text: str, found: Sequence[_Candidate]) -> set[int]:
    """The candidates that are items of a numbered list, not headings.

    A list is a run of next siblings with nothing but blank lines between them that starts
    a numbering of its own: at 1, and not straight under its parent (as "2." then "2.1").
    A run that does not start at 1 is a row of empty sections (unanswered questions).
    """
    listed: set[int] = set()
    k = 0
    while k < len(found):
        m = k
        while (m + 1 < len(found) and _adjacent(text, found[m], found[m + 1])
               and _is_next_sibling(found[m].number, found[m + 1].number)):
            m += 1
        under_parent = k > 0 and _adjacent(text, found[k - 1], found[k]) and _is_first_child(
            found[k - 1].number, found[k].number)
        if m > k and found[k].number[-1] == 1 and not under_parent:
            listed.update(range(k, m + 1))
        k = m + 1
    return listed


def _adjacent(text: str, first: _Candidate, second: _Candidate) -> bool:
    return not text[first.heading.span.end : second.heading.span.start].strip()


def _is_next_sibling(prev: Number, number: Number) -> bool:
    return len(number) == len(prev) and number[:-1] == prev[:-1] and number[-1] == prev[-1] + 1


def _is_first_child(parent: Number, number: Number) -> bool:
    return len(number) == len(parent) + 1 and number[:-1] == parent and number[-1] == 1


@lru_cache(maxsize=1 << 16)
def _missing(prev: Number, number: Number) -> int | None:
    """How many headings a complete numbering has between ``prev`` and ``number``.

    0 means ``number`` is a plausible successor; None means it does not come after at all.
    """
    if number <= prev:
        return None
    d = 0  # the first part where they differ: number is no prefix of prev, it comes after
    while d < len(prev) and prev[d] == number[d]:
        d += 1
    here = number[d] - (prev[d] if d < len(prev) else 0) - 1
    deeper = number[d + 1 :]  # each part x below: x - 1 elder siblings and the heading that opens
    # its level, so x; a 0 opens its level only, so 1 (sums in C, where generators cost a step a part)
    return max(here, 0) + sum(deeper) + deeper.count(0)


def _best_chain(cands: Sequence[_Candidate], scoring: Scoring) -> list[_Candidate]:
    """The highest-scoring chain of candidates, each linked to a predecessor (or none)."""
    numbers = [c.number for c in cands]
    scores: list[float] = []
    back: list[int] = []
    index: dict[tuple[bool, Number], int] = {}
    top = -1
    for j, cand in enumerate(cands):
        # never a line and its twins (they follow it: _with_misreads, _recovered)
        twin = j
        while twin and cands[twin - 1].heading.span.start == cand.heading.span.start:
            twin -= 1
        gain, link = _best_link(j, numbers, scores, index, top, twin, scoring)
        scores.append(gain + cand.weight)
        back.append(link)
        _remember(index, cand.number, j, scores)
        if top < 0 or scores[j] >= scores[top]:
            top = j
    chain: list[_Candidate] = []
    while top >= 0:
        chain.append(cands[top])
        top = back[top]
    return chain[::-1]


def _best_link(j: int, numbers: Sequence[Number], scores: Sequence[float],
               index: Mapping[tuple[bool, Number], int], top: int, twin: int,
               scoring: Scoring) -> tuple[float, int]:
    """The best ``(gain, predecessor)`` of candidate ``j`` (-1: none), the later one of equals;
    never one from ``twin`` on (the candidates at ``j``'s line: ``j`` reads it too).

    The links that cost nothing to find come first; then a candidate of the window is
    asked its gap only if its score alone could beat the best: a gap never adds. Along a
    numbering the scores grow, so few are asked (the gaps were most of the chain's time)."""
    number = numbers[j]
    fresh = scoring.gap * (_missing((), number) or 0)
    best = (0.0 - fresh, -1)
    if 0 <= top < twin:
        best = max(best, (scores[top] - (scoring.restart + fresh), top))
    if number[-1] > 1:
        sibling = index.get((False, number[:-1] + (number[-1] - 1,)))
    else:
        sibling = index.get((True, number[:-1])) if len(number) > 1 else None
    if sibling is not None and sibling < twin:
        best = max(best, (scores[sibling] - 0.0, sibling))
    for i in range(max(0, j - scoring.window), twin):
        if scores[i] < best[0]:  # an equal score may still win, as the later one
            continue
        missing = _missing(numbers[i], number)
        if missing is not None:
            best = max(best, (scores[i] - scoring.gap * missing, i))
    return best


def _remember(index: dict[tuple[bool, Number], int], number: Number, j: int,
              scores: Sequence[float]) -> None:
    """Index chain ends by exact number and by every prefix (a sibling's descendants)."""
    keys = [(True, number)] + [(False, number[:k]) for k in range(1, len(number) + 1)]
    for key in keys:
        old = index.get(key)
        if old is None or scores[j] >= scores[old]:
            index[key] = j


# --------------------------------------------------------------------------- pairing

Pair = tuple[Heading | None, Heading | None]


def align_sections(base: Edition, reference: Edition,
                   base_headings: Sequence[Heading] | None = None,
                   reference_headings: Sequence[Heading] | None = None,
                   ) -> tuple[SectionPair, ...]:
    """Pair the sections of two editions, tiling both texts exactly: by number when the
    reference numbers its headings (or the caller gives numbered ones), else by the
    headings the reference's format marks, else those the base's marks (an OCR's ALTO or PAGE
    heading regions), else the reference's layout headings, pages or blocks
    (:func:`app.unnumbered.pair_unnumbered`; unnumbered ``reference_headings`` are taken as the
    known headings)."""
    ref_h = _ordered(reference.text, reference_headings)
    numbered = [h for h in ref_h if h.number]
    if len(numbered) >= SCORING.min_numbered or numbered and reference_headings is not None:
        pairs = _pair_headings(_ordered(base.text, base_headings, numbered), numbered)
        if reference_headings is None:  # the caller's outline is the outline
            pairs = nest(base.text, reference.text, pairs, reference.headings)
        prefix = "h"
    else:  # the headings the caller knows, else those the reference's structure marks (Word's styles)
        known = [h for h in ref_h if not h.number] if reference_headings is not None else \
            list(reference.headings) if len(reference.headings) >= LAYOUT.min_headings else None
        if known is None and len(base.headings) >= LAYOUT.min_headings:
            # else those the base's marks (ALTO or PAGE heading regions): found in the reference
            found, prefix = pair_unnumbered(reference.text, base.text, base.headings)
            # the title is the marked heading's, whole (the reference's line may hold a part)
            pairs = [(b, r if r is None or b is None else replace(r, title=b.title)) for r, b in found]
        else:
            pairs, prefix = pair_unnumbered(base.text, reference.text, known)
    pairs = _drop_unrecognised(pairs, base.text, reference.text)
    first_base = next((b.span.start for b, _ in pairs if b is not None), len(base.text))
    first_ref = next((r.span.start for _, r in pairs if r is not None), len(reference.text))
    if first_base or first_ref or not pairs:
        pairs.insert(0, (None, None))
    base_spans = _side_spans(len(base.text), [b for b, _ in pairs])
    ref_spans = _side_spans(len(reference.text), [r for _, r in pairs])
    return tuple(_section(pair, b, r, key)
                 for pair, b, r, key in zip(pairs, base_spans, ref_spans, _keys(pairs, prefix)))


def _drop_unrecognised(pairs: list[Pair], base: str, reference: str) -> list[Pair]:
    """Pairs without the one-sided headings whose text the other edition has anyway.

    A heading found in one edition only is either a section the other edition lacks, or a
    heading the other edition has but was not recognised as one (OCR damage to its number, a
    list item that one edition's numbering took for a heading). In the second case the
    section's words stand in the other edition's neighbouring section; kept apart, the diff
    would report the whole section as deleted in one place and inserted in another.

    The spans are made at the first one-sided heading: most outlines have none (none of the
    100x sample's 4,700 pairs), and align_sections makes its own after."""
    spans: tuple[list[Span], list[Span]] | None = None
    kept: list[Pair] = []
    j = 0  # the last pair before k that is not one-sided
    for k, (b, r) in enumerate(pairs):
        if k and (b is None) != (r is None):
            if spans is None:
                spans = _side_spans(len(base), [b for b, _ in pairs]), _side_spans(len(reference), [r for _, r in pairs])
            base_spans, ref_spans = spans
            own = _words(b.span.start if b else r.span.start, base_spans[k].end if b else ref_spans[k].end,
                         base if b else reference)
            other = ref_spans[j] if b else base_spans[j]  # where the other edition has that text
            there = _words(other.start, other.end, reference if b else base)
            if own and sum((own & there).values()) >= SCORING.unrecognised_share * sum(own.values()):
                continue
        else:
            j = k
        kept.append((b, r))
    return kept


def _words(start: int, end: int, text: str) -> Counter[str]:
    return Counter(_fold(w) for w in re.findall(r"\w{3,}", text[start:end]))


def _ordered(text: str, headings: Sequence[Heading] | None,
             known: Sequence[Heading] = ()) -> list[Heading]:
    if headings is None:
        return find_headings(text, known=known)
    return sorted(headings, key=lambda h: h.span.start)


def _pair_headings(base_h: Sequence[Heading], ref_h: Sequence[Heading]) -> list[Pair]:
    pairs: list[Pair] = []
    for op in opcodes([h.number for h in base_h], [h.number for h in ref_h], cleanup=False):
        a, b = base_h[op.a_start : op.a_end], ref_h[op.b_start : op.b_end]
        if op.tag == "equal":
            pairs.extend(zip(a, b))
        else:
            pairs.extend(_pair_by_title(a, b))
    return pairs


def _pair_by_title(a: Sequence[Heading], b: Sequence[Heading]) -> list[Pair]:
    """Pair headings whose numbers differ (damaged, renumbered) by similar titles, in order."""
    folded_b = [_fold(h.title) for h in b]
    pairs: list[Pair] = []
    j = 0
    for heading in a:
        k = _best_title(_fold(heading.title), folded_b, j)
        if k is None:
            pairs.append((heading, None))
            continue
        pairs.extend((None, h) for h in b[j:k])
        pairs.append((heading, b[k]))
        j = k + 1
    pairs.extend((None, h) for h in b[j:])
    return pairs


def _best_title(title: str, folded: Sequence[str], start: int,
                scoring: Scoring = SCORING) -> int | None:
    stop = min(len(folded), start + scoring.title_window)
    scored = [(fuzz.ratio(title, folded[k]), -k) for k in range(start, stop)]
    best = max(scored, default=(0.0, 0))
    return -best[1] if best[0] >= scoring.title_match else None


def _fold(title: str) -> str:
    """Casefolded, without diacritics: OCR loses accents, and they say nothing of identity."""
    return " ".join(without_marks(title.casefold(), compatibility=True).split())


def _side_spans(length: int, headings: Sequence[Heading | None]) -> list[Span]:
    """One side's spans: each heading to the next; an absent one is empty where it would be."""
    spans: list[Span] = []
    end = length
    for k in range(len(headings) - 1, -1, -1):
        heading = headings[k]
        if k == 0 and heading is None:
            spans.append(Span(0, end))  # the preamble; if none, the first heading is at 0
        elif heading is None:
            spans.append(Span(end, end))
        else:
            spans.append(Span(heading.span.start, end))
            end = heading.span.start
    return spans[::-1]


def _keys(pairs: Sequence[Pair], prefix: str = "") -> Iterator[str]:
    """``front`` for the preamble, else the number, with ``#2``, ``#3`` when it repeats;
    an unnumbered section is ``prefix`` and its place (``h3``: the third heading)."""
    seen: dict[str, int] = {}
    for k, pair in enumerate(pairs):
        number = _number(pair)
        if k == 0 and not number and pair == (None, None):
            yield "front"
            continue
        if not number:
            number = f"{prefix or 's'}{k if pairs[0] == (None, None) else k + 1}"
        seen[number] = seen.get(number, 0) + 1
        yield number if seen[number] == 1 else f"{number}#{seen[number]}"


def _number(pair: Pair) -> str:
    base, ref = pair
    return ref.number if ref is not None else base.number if base is not None else ""


def _section(pair: Pair, base: Span, ref: Span, key: str) -> SectionPair:
    base_h, ref_h = pair
    title = ref_h.title if ref_h is not None else base_h.title if base_h is not None else ""
    return SectionPair(key=key, number=_number(pair), title=title, base=base, reference=ref,
                       base_heading=base_h, reference_heading=ref_h)
