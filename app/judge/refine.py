"""Cut raw hunks so that each change carries one kind of evidence.

Entry point: :func:`refine`. The token diff of :mod:`app.diffing` gives one hunk for a run of
tokens whose keys did not align; such a run often mixes a differing number with the misread
words around it, or a running head with the body word it touches. Here:

* a *wall* (a span of the base that must stand alone, such as page furniture) is cut out of
  any hunk it lies in and becomes a hunk of its own with nothing on the reference side;
* a hunk with several tokens on both sides is re-aligned token by token, scoring a pair of
  words by their character similarity (a weighted edit distance over tokens, as in
  Needleman-Wunsch), and cut wherever the two sides agree, and wherever what differs turns
  from words to numbers or to bare marks (a number is its own change; so is debris).

Only the cut changes: the hunks still tile the same differences, so every text the
decisions can produce is unchanged when every hunk is accepted or rejected.

Imports: the standard library, rapidfuzz, :mod:`app.diffing`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from app.diffing import COMBINING, Hunk, without_marks

#: marks that stand apart from a word even when they touch it: running text's punctuation
#: (a full stop, a bracket that closes, a hyphen between two words), footnote marks and the
#: symbols an OCR reads a raised footnote number as (``livsmedel®`` for ``livsmedel5``)
SEPARATE_MARKS = ".,;:!?\"'’‘“”„«»()/-–—…*%&+®©°™"
_LETTERS = rf"[\w\u00ad{COMBINING}]"
#: the diff's tokens, with a number trailing a word (a footnote marker, ``system12``) cut off.
#: A word takes in any other mark that follows one of its letters, with the letters after it:
#: a glyph the OCR read as a mark inside a word (``kvali[e[``, ``s$ora``, ``a[[``) leaves the
#: word one token, so a misread word pairs with its reading instead of falling into pieces
#: that pair with pieces of other words (``isk[`` against ``faktiskt``).
_TOKEN = re.compile(rf"\s+|[^\W\d_]+(?=\d+(?!\w))"
                    rf"|{_LETTERS}+(?:(?<=[^\W\d_])[^\w\s{re.escape(SEPARATE_MARKS)}]+{_LETTERS}*)*|[^\w\s]")

#: the re-alignment is skipped above this many token pairs (a quadratic table)
MAX_CELLS = 40_000
#: cost of leaving a token of this sort unpaired
GAP_WORD, GAP_MARK, GAP_SPACE = 1.0, 0.6, 0.3


def refine(hunks: Sequence[Hunk], base: str, reference: str, walls: Sequence[tuple[int, int]] = (),
           editorial: Callable[[Hunk], bool] | None = None,
           reference_walls: Sequence[tuple[int, int]] = (), edits: set[Hunk] | None = None,
           worded: Callable[[Hunk], bool] | None = None) -> list[Hunk]:
    """``hunks`` (section offsets) with walls cut out and mixed hunks split.

    ``reference_walls`` are cut out of the reference side the same way (a moved paragraph).
    ``editorial`` tells whether a piece is one for the editor (content): a split that leaves
    two or more of those is undone, since a reworded or reordered sentence is one edit to
    decide, not a scatter of word pairs. Such a piece is added to ``edits`` where one of its
    editorial pieces is ``worded`` (a genuine edit's mark: :func:`app.classify.holds_edit`,
    such as two different words): it holds an edit for the editor, so it is one whatever its whole text would
    be judged (a long hunk of misread words around a reworded phrase reads as one misread by
    its looks). Pieces made content only by misreads no rule explains do not make it one."""
    out: list[Hunk] = []
    cutting = bool(walls or reference_walls)
    for hunk in hunks:
        for piece in _cut_both(hunk, walls, reference_walls, base, reference) if cutting else (hunk,):
            if piece.b_start == piece.b_end or piece.r_start == piece.r_end:
                out.append(piece)
                continue
            split = _split(piece, base, reference)
            if editorial is not None and len(split) > 1 and sum(map(editorial, split)) >= 2:
                if edits is not None and worded is not None and any(worded(h) and editorial(h) for h in split):
                    edits.add(piece)
                split = [piece]
            out.extend(split)
    # a cut can leave a piece whose two sides read the same (a wall took the difference): none
    return [h for h in out if base[h.b_start:h.b_end] != reference[h.r_start:h.r_end]]


def _cut_both(hunk: Hunk, walls: Sequence[tuple[int, int]], reference_walls: Sequence[tuple[int, int]],
              base: str, reference: str) -> list[Hunk]:
    pieces = _cut_walls(hunk, walls, base, reference)
    if not reference_walls:
        return pieces
    out = []
    for piece in pieces:
        swapped = Hunk(piece.r_start, piece.r_end, piece.b_start, piece.b_end)
        out.extend(Hunk(h.r_start, h.r_end, h.b_start, h.b_end)
                   for h in _cut_walls(swapped, reference_walls, reference, base))
    return out


def _cut_walls(hunk: Hunk, walls: Sequence[tuple[int, int]], base: str, reference: str) -> list[Hunk]:
    inside = sorted((max(a, hunk.b_start), min(b, hunk.b_end)) for a, b in walls
                    if a < hunk.b_end and b > hunk.b_start)  # furniture and moves come apart
    if not inside:
        return [hunk]
    pieces: list[tuple[int, int, bool]] = []  # base start, end, is wall
    cursor = hunk.b_start
    for a, b in inside:
        if b <= cursor:
            continue
        a = max(a, cursor)  # walls that overlap are one
        if a > cursor:
            pieces.append((cursor, a, False))
        pieces.append((a, b, True))
        cursor = b
    if cursor < hunk.b_end:
        pieces.append((cursor, hunk.b_end, False))
    open_pieces = [p for p in pieces if not p[2] and base[p[0]:p[1]].strip()] or [p for p in pieces if not p[2]]
    # the reference text goes to the body piece most like it (the rest keep none)
    keeper = max(open_pieces, key=lambda p: _similarity(base[p[0]:p[1]], reference[hunk.r_start:hunk.r_end]),
                 default=None)
    out: list[Hunk] = []
    r = hunk.r_start
    for a, b, wall in pieces:
        if (a, b, wall) == keeper:
            out.append(Hunk(a, b, r, hunk.r_end))
            r = hunk.r_end
        else:
            out.append(Hunk(a, b, r, r))
    if keeper is None and hunk.r_end > hunk.r_start:  # only walls: the reference text, after them
        out.append(Hunk(hunk.b_end, hunk.b_end, hunk.r_start, hunk.r_end))
    return [h for h in out if h.b_start < h.b_end or h.r_start < h.r_end]


#: hunks whose two texts are longer than this together are split without the memo
MEMO_CHARS = 400


def _split(hunk: Hunk, base: str, reference: str) -> list[Hunk]:
    """:func:`_split_at`, memoized on the hunk's two texts (the cut depends on nothing else,
    and a report repeats its misreads); the memo holds short hunks only."""
    b_text, r_text = base[hunk.b_start:hunk.b_end], reference[hunk.r_start:hunk.r_end]
    if len(b_text) + len(r_text) > MEMO_CHARS:
        return _split_at(hunk, base, reference)
    pieces = _split_texts(b_text, r_text)
    if pieces is None:
        return [hunk]  # not split (most hunks: one word)
    b0, r0 = hunk.b_start, hunk.r_start
    return [Hunk(b0 + h.b_start, b0 + h.b_end, r0 + h.r_start, r0 + h.r_end) for h in pieces]


def pieces(base: str, reference: str) -> list[Hunk]:
    """The pieces the hunk ``base`` -> ``reference`` is cut into (offsets in the two texts),
    without walls or verdicts: the alignment's word pairs (itself when it stays whole, as a
    hunk with one side empty always does: :func:`refine` never cuts one)."""
    whole = Hunk(0, len(base), 0, len(reference))
    return [whole] if not base or not reference else _split(whole, base, reference)


@lru_cache(maxsize=1 << 16)
def _split_texts(base: str, reference: str) -> tuple[Hunk, ...] | None:
    """The pieces of the hunk ``base`` -> ``reference``, None when it stays whole."""
    whole = Hunk(0, len(base), 0, len(reference))
    pieces = _split_at(whole, base, reference)
    return None if pieces == [whole] else tuple(pieces)


def _split_at(hunk: Hunk, base: str, reference: str) -> list[Hunk]:
    if _one_token(base, hunk.b_start, hunk.b_end) and _one_token(reference, hunk.r_start, hunk.r_end):
        return [hunk]  # most hunks: a word against a word, nothing to cut
    b_tokens = _tokens(base, hunk.b_start, hunk.b_end)
    r_tokens = _tokens(reference, hunk.r_start, hunk.r_end)
    if len(b_tokens) < 2 and len(r_tokens) < 2 or len(b_tokens) * len(r_tokens) > MAX_CELLS:
        return [hunk]
    path = _align([t for t, _ in b_tokens], [t for t, _ in r_tokens])
    out: list[Hunk] = []
    start: tuple[int, int] | None = None
    kind = ""
    i = j = 0

    def close(to_i: int, to_j: int) -> None:
        nonlocal start
        if start is not None and (start[0] < to_i or start[1] < to_j):
            out.append(Hunk(_at(b_tokens, start[0], hunk.b_end), _at(b_tokens, to_i, hunk.b_end),
                            _at(r_tokens, start[1], hunk.r_end), _at(r_tokens, to_j, hunk.r_end)))
        start = None

    for step in path:
        x = b_tokens[i][0] if step != "ins" else ""
        y = r_tokens[j][0] if step != "del" else ""
        if step == "pair" and (x == y or x.isspace() and y.isspace()):
            close(i, j)
            if x != y:  # a whitespace difference stands alone: layout
                start = (i, j)
                close(i + 1, j + 1)
        else:
            # blank space between two differing tokens of one kind belongs to them: a run of
            # words in one edition only is one piece, not a word and a space at a time
            step_kind = kind if start is not None and (x + y).isspace() else _evidence_kind(x + y)
            if start is not None and step_kind != kind and _word_boundary(b_tokens, r_tokens, i, j, x + y):
                close(i, j)
            if start is None:
                start, kind = (i, j), step_kind
        i += step != "ins"
        j += step != "del"
    close(i, j)
    return out if out else [hunk]


def _word_boundary(b_tokens: list[tuple[str, int]], r_tokens: list[tuple[str, int]], i: int, j: int,
                   text: str) -> bool:
    """A cut here falls between words (after or at white space), never inside one."""
    return (text.isspace() or i > 0 and b_tokens[i - 1][0].isspace()
            or j > 0 and r_tokens[j - 1][0].isspace())


def _evidence_kind(text: str) -> str:
    """What a differing step speaks of: a number, marks only (debris, punctuation), or words."""
    if any(ch.isdigit() for ch in text):
        return "number"
    return "word" if any(ch.isalpha() for ch in text) else "marks"


def _one_token(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is at most one of :func:`_tokens`, told by one match in C instead of
    a list of them (the pattern matches every character, so the first token starts at
    ``start``): the sample's load and compare 1,350.8 -> 1,342.5 M instructions."""
    if start == end:
        return True
    match = _TOKEN.match(text, start, end)
    return match is not None and match.end() == end


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _TOKEN.finditer(text, start, end)]


def _at(tokens: list[tuple[str, int]], index: int, end: int) -> int:
    return tokens[index][1] if index < len(tokens) else end


def _align(a: list[str], b: list[str]) -> list[str]:
    """The cheapest pairing of two token lists: a list of ``pair``/``del``/``ins`` steps."""
    n, m = len(a), len(b)
    gap_a = [_gap(t) for t in a]
    gap_b = [_gap(t) for t in b]
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = cost[i - 1][0] + gap_a[i - 1]
    for j in range(1, m + 1):
        cost[0][j] = cost[0][j - 1] + gap_b[j - 1]
    for i in range(1, n + 1):
        row, prev, x = cost[i], cost[i - 1], a[i - 1]
        for j in range(1, m + 1):
            row[j] = min(prev[j - 1] + _pair_cost(x, b[j - 1]), prev[j] + gap_a[i - 1], row[j - 1] + gap_b[j - 1])
    steps: list[str] = []
    i, j = n, m
    while i or j:
        if i and j and abs(cost[i][j] - (cost[i - 1][j - 1] + _pair_cost(a[i - 1], b[j - 1]))) < 1e-9:
            steps.append("pair")
            i, j = i - 1, j - 1
        elif i and abs(cost[i][j] - (cost[i - 1][j] + gap_a[i - 1])) < 1e-9:
            steps.append("del")
            i -= 1
        else:
            steps.append("ins")
            j -= 1
    return steps[::-1]


def _gap(token: str) -> float:
    if token.isspace():
        return GAP_SPACE
    return GAP_WORD if token[0].isalnum() or token[0] == "_" else GAP_MARK


@lru_cache(maxsize=1 << 16)
def _pair_cost(x: str, y: str) -> float:
    """0 for the same token, rising to more than two gaps for tokens of different sorts."""
    if x == y:
        return 0.0
    if x.isspace() or y.isspace():
        return 0.1 if x.isspace() and y.isspace() else 9.0
    word_x, word_y = x[0].isalnum(), y[0].isalnum()
    if word_x != word_y:
        return 1.5 * max(_gap(x), _gap(y))
    return 1.6 * (1.0 - _similarity(x, y))


def _similarity(x: str, y: str) -> float:
    return Levenshtein.normalized_similarity(_folded(x), _folded(y))


@lru_cache(maxsize=1 << 16)
def _folded(text: str) -> str:
    return without_marks(text.casefold())
