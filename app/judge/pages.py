"""Find the print's page furniture in the OCR edition: running heads, feet and folios.

Entry points: :func:`find_furniture`, and :func:`find_catchwords` for a hand-press book's
catchwords and signature marks at the foot of its pages. Nothing here knows a language or a
document: a line is furniture when the page structure says so. Pages are the form-feed-separated parts of the
text (Tesseract and PDF text layers put one after each page); a report without form feeds is
taken as one page, and then only lines that repeat through the whole text count.

A line's *shape* is its words, case-folded, with every run of digits made ``#`` and tokens of
punctuation or symbols (scan debris) dropped: ``SOU 2025:96 | 14`` and ``SOU 2025:96 15`` have
the shape ``sou # #`` (a number with separators is one ``#``, since OCR loses separators). A shape seen at the edge of many pages (its first or last lines) and
rare in the reference edition is furniture; so is an edge line that begins with such a shape
and trails only debris (``SOU 2025:96 + Ks oo - 6``), and a bare page number or ``# av #``
line at a page edge when folios are common in the document or its number is the page's own.

A book's running head that repeats the current chapter's title (``Les indicateurs techniques
7``, over that chapter's odd pages) recurs too seldom for that: it is furniture when the title,
numbers aside, is a line of the reference and the base holds it more often. A chapter heading
that opens a page groups with its running heads; as many lines of a shape as the reference
spells, number and all, stay text.

A running head or foot has a place on the page: it recurs at one edge (the top, or the
bottom) of many pages, and seldom stands anywhere else. So a shape's pages are counted at each
edge apart, and a shape the pages' bodies hold as often as their edges is text the page breaks
happened to cut (a law list's labels, ``SFS: 2022:404`` and ``Ikraftträdande: 1 juli 2022``,
at the top of one page and the bottom of another), not furniture, even where the OCR damaged
it past the reference's recognition. A folio shape the bodies hold as often (``# # #``, or a
table's bare numbers) is a folio only where its number is its page's, and not at all where it
recurs at the edges as a running head would.

Given the base edition's word boxes (``geometry``: OCR, PDF), a line whose every word box
sits in the top or bottom :attr:`Furniture.band` of its page counts as a page edge line too,
wherever the reading order put it (a running head read after a column, a folio in the
margin), and is weighed by the same rules.

Imports: the standard library, rapidfuzz, :mod:`app.model`, :mod:`app.tables`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extractOne

from app.model import Geometry
from app.tables import FOLIO_WORDS, SIGNATURE_MARK

_TOKEN = re.compile(r"[^\W_]+(?:[.:/,-][^\W_]+)*|\S")  # "_" is debris on a page, not a letter
_DIGITS = re.compile(r"\d+")
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit (``str.isalnum``)
_NUMBERISH = re.compile(r"\d+(?:[.:/,-]\d+)*")  # ``2025:96`` and ``202596`` (a lost colon) alike
_SIGNATURE = re.compile(SIGNATURE_MARK)


@dataclass(frozen=True, slots=True)
class Furniture:
    """Thresholds of the furniture evidence (shares of pages, not counts, so any length works)."""

    edge_lines: int = 3  # lines at the top and bottom of a page that may be furniture
    min_pages: int = 3  # a shape must recur on at least this many pages...
    page_share: float = 0.25  # ...and on this share of them
    max_tokens: int = 12  # a running head is short
    reference_share: float = 0.34  # the reference may hold the shape at most this often per base page
    folio_slack: int = 3  # a lone folio line counts when its number is the page's, give or take this
    near: float = 0.85  # shapes this alike (rapidfuzz ratio) are one running head, damaged differently
    near_letters: int = 8  # ...when they have this many letters (shorter ones are too alike)
    band: float = 0.1  # with word boxes: the top and bottom share of a page where furniture stands
    catch_tokens: int = 3  # a catchword line: the catchword and a signature mark or two beside it
    signature_chars: int = 4  # a signature mark is short (``B2``, ``Aa3``, ``C``)

    def pages_needed(self, pages: int) -> float:
        """On how many of ``pages`` a line must recur to be the page structure's."""
        return max(self.min_pages, self.page_share * pages)


FURNITURE = Furniture()


def shape(line: str) -> str:
    """The furniture shape of a line (see the module docstring): its tokens with a letter or a
    digit, case-folded, numbers as ``#``. Each step runs in C over the whole line (case
    folding and the numbers know no context, and no number crosses the spaces between tokens)."""
    return _NUMBERISH.sub("#", " ".join(filter(_ALNUM.search, _TOKEN.findall(line))).casefold())


def find_furniture(text: str, reference: str, rules: Furniture = FURNITURE,
                   geometry: Geometry | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of furniture lines of ``text`` (without their newline);
    ``geometry``, the word boxes of ``text`` where it has them."""
    pages = list(_pages(text))
    sides = [_edges(text, start, end, rules, geometry) for start, end in pages]
    edge = [sorted({*top, *bottom}) for top, bottom in sides]
    shapes = {(a, b): shape(text[a:b]) for lines in edge for a, b in lines}  # each line's, once
    seen: Counter[str] = Counter()
    for lines in edge:
        seen.update({shapes[span] for span in lines} - {""})
    kin = _kin(seen, rules.near, rules.near_letters)
    placed = _placed(sides, shapes, kin)
    need = rules.pages_needed(len(pages))
    recurring = {s for s, n in placed.items() if n >= need}
    folio_shapes = {kin[s] for s in seen if _is_folio(s)}
    text_lines = _in_body_too(text, pages, shapes, kin, recurring | folio_shapes, rules)
    cut = recurring & text_lines  # text the page breaks cut, however often
    candidates = {s: n for s, n in placed.items()
                  if s in recurring - cut and len(s.split()) <= rules.max_tokens}
    # the reference's lines by shape: to weigh the candidates and the chapters' titles (pages only)
    in_reference = Counter(shape(line) for line in reference.splitlines()) if candidates or len(pages) > 1 \
        else Counter()
    common = {s for s, n in candidates.items() if in_reference[s] <= rules.reference_share * n}
    folios = sum(n for s, n in seen.items() if _is_folio(s) and kin[s] not in text_lines) >= need
    # a heading whose title the running heads repeat (``2. Technical indicators`` opening its
    # chapter's page) groups with them, but the reference sets it, number and all: as many
    # lines of its shape as the reference has stay text, the first ones
    at_edges = set(shapes.values())
    spelled = Counter({s: n for s, n in in_reference.items() if s in at_edges}) if common else Counter()
    spans = []
    for number, lines in enumerate(edge, 1):
        for a, b in lines:
            s = shapes[a, b]
            if s and kin[s] not in cut and (
                    kin[s] in common or _extends(s, common)
                    or _is_folio(s) and (folios and kin[s] not in text_lines
                                         or _numbers_page(text[a:b], number, rules.folio_slack))):
                if spelled[s] > 0 and not _is_folio(s):
                    spelled[s] -= 1
                    continue
                spans.append((a, b))
    return sorted(spans + _title_heads(text, pages, sides, shapes, in_reference, rules, set(spans)))


def _title_heads(text: str, pages: list[tuple[int, int]], sides: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]],
                 shapes: dict[tuple[int, int], str], in_reference: Counter[str], rules: Furniture,
                 taken: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Running heads that repeat the current chapter's title (a book's recto heads: ``Les
    indicateurs techniques 7`` over the pages of chapter 2), too few of each to recur as
    :func:`find_furniture` asks: a page's top line whose words, numbers aside, are a title the
    reference sets as a line of its own, where the base holds that title more often than the
    reference. The title's first line in the base (the heading, or a contents line) and any line
    the reference spells alike, number and all, stay. ``in_reference``: the reference's
    lines counted by shape."""
    if len(pages) < 2:
        return []  # a text without pages has no running heads (and is walked line by line below)
    wanted: dict[str, list[tuple[int, int]]] = {}
    for top, _bottom in sides:
        for span in top[:1]:
            title = _title(shapes[span])
            if span not in taken and _has_letters(title, rules.near_letters) and len(title.split()) <= rules.max_tokens:
                wanted.setdefault(title, []).append(span)
    if not wanted:
        return []
    reach = 2 * max(b - a for spans in wanted.values() for a, b in spans)
    in_base: Counter[str] = Counter()
    first: dict[str, int] = {}
    for start, end in pages:
        for a, b in _lines(text, start, end):
            title = _title(shape(text[a:b])) if b - a <= reach else ""
            if title in wanted:
                in_base[title] += 1
                first.setdefault(title, a)
    titles: Counter[str] = Counter()
    for line_shape, n in in_reference.items():
        titles[_title(line_shape)] += n
    return [span for title, spans in wanted.items() if in_base[title] > titles[title] >= 1
            for span in spans if span[0] > first[title] and shapes[span] not in in_reference]


def _title(line_shape: str) -> str:
    """A line shape's words without its numbers (a heading's and a folio's alike)."""
    return " ".join(w for w in line_shape.split() if w != "#")


def find_catchwords(text: str, furniture: list[tuple[int, int]], rules: Furniture = FURNITURE) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of catchword lines: a page's last line that announces the
    next page's first word (``the`` under the last line, the next page beginning ``the``), maybe
    with a short signature mark beside it (``B2   the``), as hand-press books print them. The
    reference has that word once, where the next page begins; the print twice. Only where the
    pages show the habit: on as many pages as furniture must recur on (:class:`Furniture`).
    ``furniture``: the lines already found, passed over (a folio under the catchword, a
    running head above the next page's first line of text)."""
    pages = list(_pages(text))
    skip = set(furniture)
    found: list[tuple[int, int]] = []
    for (start, end), (next_start, next_end) in zip(pages, pages[1:]):
        foot = next((span for span in _lines_backwards(text, start, end) if span not in skip), None)
        first = next((span for span in _lines(text, next_start, next_end) if span not in skip), None)
        if foot is None or first is None:
            continue
        words = [t for t in _TOKEN.findall(text[foot[0]:foot[1]]) if _ALNUM.search(t)]
        opening = next((t for t in _TOKEN.findall(text[first[0]:first[1]]) if _ALNUM.search(t)), "")
        if (0 < len(words) <= rules.catch_tokens and all(len(w) <= rules.signature_chars for w in words[:-1])
                and _announces(words[-1], opening)):
            found.append(foot)
    if len(found) < rules.pages_needed(len(pages)):
        return []
    # a book that prints catchwords marks its gatherings too: a signature alone at a page's foot
    skip.update(found)
    for start, end in pages:
        feet = islice((span for span in _lines_backwards(text, start, end) if span not in skip), 2)
        found.extend(span for span in feet if _SIGNATURE.fullmatch(text[span[0]:span[1]].strip()))
    return sorted(found)


def _announces(catchword: str, opening: str) -> bool:
    """``catchword`` is the next page's ``opening`` word, or the first part of it where the
    word is divided at the page's turn (``Ex-`` for ``Example``)."""
    c, o = catchword.casefold(), opening.casefold()
    return c.isalpha() and (c == o or len(c) >= 3 and o.startswith(c))


def _edges(text: str, start: int, end: int, rules: Furniture,
           geometry: Geometry | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """One page's top and bottom edge lines: its first and last lines, and with word boxes the
    lines standing in its top or bottom band besides."""
    lines = list(_edge_lines(text, start, end, rules.edge_lines))
    half = (len(lines) + 1) // 2  # a short page's lines: its upper half at the top
    top, bottom = lines[:half], lines[half:]
    if geometry is None or not geometry.words:
        return top, bottom
    band = list(_band_lines(text, start, end, geometry, rules.band))
    return (sorted({*top, *(span for span, up in band if up)}),
            sorted({*bottom, *(span for span, up in band if not up)}))


def _placed(sides: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]],
            shapes: dict[tuple[int, int], str], kin: dict[str, str]) -> Counter[str]:
    """Each shape group's pages at its likelier edge: a running head keeps to the top, a foot to
    the bottom, while a line the page breaks cut stands at either, page by page."""
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for top, bottom in sides:
        tops.update({kin[s] for s in map(shapes.__getitem__, top) if s})  # "": debris only
        bottoms.update({kin[s] for s in map(shapes.__getitem__, bottom) if s})
    return Counter({s: max(tops[s], bottoms[s]) for s in tops | bottoms})


def _in_body_too(text: str, pages: list[tuple[int, int]], shapes: dict[tuple[int, int], str],
                 kin: dict[str, str], groups: set[str], rules: Furniture) -> set[str]:
    """The shape ``groups`` whose lines the pages' bodies hold at least as often as their edges
    (``shapes``: the edge lines'): text the page breaks cut, since furniture lives at the edges.
    Body shapes join a group as edge shapes do (:func:`_kin`), so a label the OCR damages
    differently each time is still one. Only body lines up to twice as long as the groups'
    longest edge line are shaped: a longer one holds more than their words (and the pages'
    text is mostly such lines, which would double the time of the whole search)."""
    reach = 2 * max((b - a for (a, b), s in shapes.items() if s and kin[s] in groups), default=0)
    if not reach:
        return set()
    at_edge = Counter(kin[s] for s in shapes.values() if s)
    lettered = [s for s in groups if _has_letters(s, rules.near_letters)]
    in_body: Counter[str] = Counter()
    for start, end in pages:
        for a, b in _lines(text, start, end):
            if b - a <= reach and (a, b) not in shapes:
                in_body[_group(shape(text[a:b]), kin, lettered, rules)] += 1
    return {s for s in groups if in_body[s] >= at_edge[s]}


def _group(line_shape: str, kin: dict[str, str], lettered: list[str], rules: Furniture) -> str:
    """The group of a body line's shape: its edge kin's, else the lettered group it nearly equals."""
    if line_shape in kin or not _has_letters(line_shape, rules.near_letters):
        return kin.get(line_shape, line_shape)
    found = extractOne(line_shape, lettered, scorer=ratio, score_cutoff=rules.near * 100)
    return found[0] if found else line_shape


def _kin(seen: Counter[str], near: float, min_letters: int) -> dict[str, str]:
    """Each shape's representative: the most frequent shape it nearly equals (an OCR damages a
    running head differently on each page: ``lebensqualitdat`` and ``lebensqualitat``). Only
    shapes with letters of some length group, so folios and short lines stay themselves."""
    reps: list[str] = []
    kin: dict[str, str] = {}
    for s, _n in seen.most_common():
        lettered = _has_letters(s, min_letters)
        rep = next((r for r in reps if lettered and ratio(s, r) >= near * 100), None)
        if rep is None:
            reps.append(s)
            rep = s
        kin[s] = rep
    return kin


def _has_letters(text: str, count: int) -> bool:
    """``text`` has at least ``count`` letters (counted in C, and only as far as needed)."""
    return count <= 0 or next(islice(filter(str.isalpha, text), count - 1, None), None) is not None


def _pages(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    k = text.find("\f")
    while k >= 0:  # str.find, not a Python loop over every character
        yield start, k
        start = k + 1
        k = text.find("\f", start)
    if text[start:].strip():
        yield start, len(text)


def _edge_lines(text: str, start: int, end: int, count: int) -> Iterator[tuple[int, int]]:
    """The first and last ``count`` non-blank lines of one page. Only the page's two ends are
    read, from each end: a long page without form feeds (a text layer of one page) was cut into
    all its lines for its six (a fifth of the pair-wide evidence of the 100x sample)."""
    head = list(islice(_lines(text, start, end), 2 * count + 1))
    if len(head) <= 2 * count:  # a short page: all its lines
        yield from head
        return
    yield from head[:count]
    yield from reversed(list(islice(_lines_backwards(text, start, end), count)))


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The non-blank lines of one page, as spans, from its top (a page holds no form feed:
    its lines end at "\n")."""
    at = start
    while True:
        k = text.find("\n", at, end)
        stop = end if k < 0 else k
        if text[at:stop].strip():
            yield at, stop
        if k < 0:
            return
        at = k + 1


def _lines_backwards(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """:func:`_lines` from the page's bottom up."""
    stop = end
    while True:
        k = text.rfind("\n", start, stop)
        at = start if k < 0 else k + 1
        if text[at:stop].strip():
            yield at, stop
        if k < 0:
            return
        stop = k


def _band_lines(text: str, start: int, end: int, geometry: Geometry,
                band: float) -> Iterator[tuple[tuple[int, int], bool]]:
    """The non-blank lines of one page whose every word box lies in its top or bottom ``band``,
    each with whether it is the top."""
    for a, b in _lines(text, start, end):
        words = geometry.words_in(a, b)
        if not words or len({w.page for w in words}) > 1:
            continue
        height = geometry.pages[words[0].page].height
        if height > 0 and all(w.box[3] <= band * height for w in words):
            yield (a, b), True
        elif height > 0 and all(w.box[1] >= (1 - band) * height for w in words):
            yield (a, b), False


def _extends(line_shape: str, common: set[str]) -> bool:
    """``line_shape`` is a common shape followed only by short debris tokens."""
    words = line_shape.split()
    for s in common:
        stem = s.split()
        while stem and stem[-1] == "#":
            stem.pop()
        if stem and words[:len(stem)] == stem and len(words) > len(stem):
            rest = words[len(stem):]
            if all(len(t) <= 3 for t in rest):
                return True
    return False


def _numbers_page(line: str, page: int, slack: int) -> bool:
    """The line's first number is (about) its page's ordinal: a folio even where few survived."""
    found = _DIGITS.search(line)
    return found is not None and abs(int(found.group()[:6]) - page) <= slack


def _is_folio(line_shape: str) -> bool:
    """A bare page number, ``# av #``, ``page #``: a line of digits and folio words only."""
    words = line_shape.split()
    return bool(words) and "#" in words and all(w == "#" or w in FOLIO_WORDS for w in words)
