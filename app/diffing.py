"""Find the differences inside one pair of sections, as raw hunks with exact offsets.

Two levels, as the sections already are the first: the texts are cut into tokens (words,
whitespace runs, single punctuation marks) and aligned on a *folded key* per token
(diacritics, case, whitespace kind and typographic variants folded away) with the core's one
aligner, :func:`app.align.opcodes`. Because almost every token of two editions of one report
folds to the same key, the Myers diff only has to explain the few real differences, so even
a long paragraph gets the exact minimal answer quickly - there is no timeout to give up at.

The key of a word keeps only its OCR-stable letters (consonants that scanners rarely
confuse): ``gdllande`` and ``gällande`` share the key ``glln``. A key shared by two different
words costs nothing but a pairing choice - every raw difference is still reported - while a
key that misses an OCR variant would leave Myers a larger diff to explain.

Then: a token pair whose keys agree but whose raw text differs is one hunk (one misread
word is one change); a run of tokens that did not align is one hunk. Whitespace between two
misread words aligns, so two misreads on one line are two hunks.

Entry point: :func:`diff_texts`. Imports: the standard library, :mod:`app.align`, :mod:`app.tables`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, compress
from operator import ne
from typing import NamedTuple, TypeVar

from app.align import opcodes
from app.tables import BULLET_LOOKALIKES, OCR_VOLATILE, TYPOGRAPHIC_FOLD

#: The combining marks (the Unicode blocks of combining diacritics, as a character-class body):
#: part of the word they stand on, though ``\w`` does not match them. After NFC only marks with
#: no precomposed letter are left, such as the superscript e over ``u`` (``uͤ``) of older prints.
COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

#: The three kinds start with disjoint characters, so their order changes no token; words,
#: the most common, are tried first (15 % faster than whitespace first). A word keeps its soft
#: hyphens (a digital edition's break hints) and its combining marks inside it. Every run of
#: one character class is possessive (``++``, ``*+``): what follows a run never starts with
#: what the run takes, so giving a character back never finds another token, and the engine
#: keeps no state to give it back (the 10x sample's tokens are found in a fifth less time).
#: The repeat of the group is not: before Python 3.11.5 a possessive repeat of a group
#: matched what the plain one does not (CPython gh-106052: ``x\u00ad`` before a blank took
#: the soft hyphen into the word, in a quarter of random texts), and Debian 12 ships 3.11.2.
TOKEN = re.compile(rf"\w++(?:[{COMBINING}]++\w*+|\u00ad\w++)*|\s++|[^\w\s]")


K = TypeVar("K")
V = TypeVar("V")


class Hunk(NamedTuple):
    """``base[b_start:b_end]`` differs from ``reference[r_start:r_end]`` (section offsets)."""

    b_start: int
    b_end: int
    r_start: int
    r_end: int


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """The tokens of ``text`` and their start offsets (``starts`` has one extra: the end).

    The pattern matches every character, so the tokens tile the text and offsets are sums.
    """
    tokens = TOKEN.findall(text)
    return tokens, [0, *accumulate(map(len, tokens))]


class Memo(dict[K, V]):
    """A dict that computes a missing value once, as ``compute(key)``: after that ``memo[key]``
    is read in C, with no Python call (a section's verdicts, a translation table)."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self.compute(key)
        return value


def _dropping(drop: Callable[[str], object]) -> Memo[int, int | None]:
    """A :meth:`str.translate` table deleting the characters ``drop`` names and keeping the
    others, each decided the first time it is met: then the text is filtered in C, where a
    generator over its characters cost a Python step per character (most of :func:`fold`'s
    and :func:`without_marks`' time)."""
    return Memo(lambda code: None if drop(chr(code)) else code)


_MARKS = _dropping(unicodedata.combining)
#: what a word's key leaves out: marks, the letters OCR confuses, soft hyphens
_UNSTABLE = _dropping(lambda ch: unicodedata.combining(ch) or ch in OCR_VOLATILE or ch == "\u00ad")


#: a word: from its first letter or digit (``[^\W_]`` is ``str.isalnum``) to the next blank
_WORDISH = re.compile(r"[^\W_]\S*")


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    """How many of the blank-separated pieces of ``text[start:end]`` hold a letter or a digit:
    its words, counted in C (the moves and the judge count them for hunk after hunk)."""
    return len(_WORDISH.findall(text, start, len(text) if end is None else end))


def without_marks(text: str, compatibility: bool = False) -> str:
    """``text`` with its diacritics (combining marks) taken off; with ``compatibility`` also
    its compatibility forms spelled out (``ﬁ`` -> ``fi``). The one way the core strips marks."""
    decomposed = unicodedata.normalize("NFKD" if compatibility else "NFD", text)
    return decomposed if decomposed.isascii() else decomposed.translate(_MARKS)  # ASCII has no marks


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """The alignment key of a token: what two editions' versions of it have in common."""
    first = token[0]
    if first.isspace():
        return " "
    if len(token) == 1 and not first.isalnum():
        return TYPOGRAPHIC_FOLD.get(first, first)
    if token in BULLET_LOOKALIKES:
        return "\u2022"
    if token.isdigit():
        return token  # a number keeps its digits: "60" never pairs with debris ("aa") by key
    if token.isascii():  # no decomposition, no combining marks: the same key, in C
        return token.lower().translate(_DROP_VOLATILE) or "·"
    return unicodedata.normalize("NFD", token.casefold()).translate(_UNSTABLE) or "·"


_DROP_VOLATILE = str.maketrans("", "", "".join(OCR_VOLATILE))


#: The keys of the tokens seen so far (a plain dict reads in half the time of fold's cache);
#: emptied when it reaches :data:`_KEYS_HELD` entries, so it stays bounded.
_KEYS: dict[str, str] = {}
#: The same tokens' keys where the token is a word (starts with a letter or digit), else
#: None: filled and emptied with :data:`_KEYS`, so words are counted by key in C.
_WORD_KEYS: dict[str, str | None] = {}
_KEYS_HELD = 1 << 17


def _keys(tokens: list[str]) -> list[str]:
    """``[fold(t) for t in tokens]``, read from :data:`_KEYS` in C when every token is known."""
    try:
        return list(map(_KEYS.__getitem__, tokens))
    except KeyError:
        if len(_KEYS) >= _KEYS_HELD:
            _KEYS.clear()
            _WORD_KEYS.clear()
        for token in set(tokens).difference(_KEYS):
            _KEYS[token] = key = fold(token)
            _WORD_KEYS[token] = key if token[0].isalnum() else None
        return list(map(_KEYS.__getitem__, tokens))


def diff_texts(base: str, reference: str) -> list[Hunk]:
    """Every difference between two section texts, in document order, non-overlapping."""
    return diff_tokenized(Tokenized.of(base), Tokenized.of(reference))


class Tokenized(NamedTuple):
    """A text cut into tokens, with their offsets and alignment keys (computed once)."""

    text: str
    tokens: list[str]
    starts: list[int]
    keys: list[str]

    @classmethod
    def of(cls, text: str) -> Tokenized:
        tokens, starts = tokenize(text)
        return cls(text, tokens, starts, _keys(tokens))

    def word_keys(self) -> Counter[str]:
        """How often each word's key occurs (the tokens that start with a letter or digit),
        counted in C: the 100x sample has 3.7 million tokens. The others (None) are dropped
        before counting, not after (a word's key is never empty)."""
        try:
            return Counter(filter(None, map(_WORD_KEYS.__getitem__, self.tokens)))  # type: ignore[arg-type]
        except KeyError:  # emptied since this text was cut (it is bounded): known again
            _keys(self.tokens)
            return Counter(filter(None, map(_WORD_KEYS.__getitem__, self.tokens)))  # type: ignore[arg-type]


def diff_tokenized(b: Tokenized, r: Tokenized, cleanup: bool = True) -> list[Hunk]:
    """:func:`diff_texts` for texts already tokenized (``cleanup``: see :func:`app.align.opcodes`)."""
    if b.text == r.text:
        return []
    hunks: list[Hunk] = []
    b_starts, r_starts, b_text, r_text = b.starts, r.starts, b.text, r.text
    for tag, a0, a1, b0, b1 in opcodes(b.keys, r.keys, cleanup=cleanup):
        if tag == "equal":
            # the tokens whose keys agree but whose texts differ, found in C (most are equal)
            for k in compress(range(a1 - a0), map(ne, b.tokens[a0:a1], r.tokens[b0:b1])):
                i, j = a0 + k, b0 + k
                _add(hunks, Hunk(b_starts[i], b_starts[i + 1], r_starts[j], r_starts[j + 1]), b_text, r_text)
        else:
            _add(hunks, Hunk(b_starts[a0], b_starts[a1], r_starts[b0], r_starts[b1]), b_text, r_text)
    return hunks


def diff_anchored(b: Tokenized, r: Tokenized) -> list[Hunk]:
    """A minimal diff (:func:`diff_tokenized` without cleanup) that pairs words first, then
    the whitespace and marks between the paired words.

    Minimal is not unique: ``_ nachdriicklich`` against ``nachdrücklich zu den`` pairs as
    many tokens by its spaces as by its word, and Myers may pick the spaces, leaving the word
    against the inserted ``zu den``. Where the words decide, the diff follows them; what lies
    between two paired words is diffed token by token, as before."""
    if b.text == r.text:
        return []
    b_words = [i for i, token in enumerate(b.tokens) if not token[0].isspace()]
    r_words = [j for j, token in enumerate(r.tokens) if not token[0].isspace()]
    hunks: list[Hunk] = []
    i0 = j0 = 0  # the tokens after the last paired word
    for op in opcodes([b.keys[i] for i in b_words], [r.keys[j] for j in r_words], cleanup=False):
        if op.tag != "equal":
            continue
        for i, j in zip(b_words[op.a_start:op.a_end], r_words[op.b_start:op.b_end]):
            _between(b, r, i0, i, j0, j, hunks)
            if b.tokens[i] != r.tokens[j]:
                _add(hunks, Hunk(b.starts[i], b.starts[i + 1], r.starts[j], r.starts[j + 1]), b.text, r.text)
            i0, j0 = i + 1, j + 1
    _between(b, r, i0, len(b.tokens), j0, len(r.tokens), hunks)
    return hunks


def _between(b: Tokenized, r: Tokenized, i0: int, i1: int, j0: int, j1: int, hunks: list[Hunk]) -> None:
    """The hunks of the tokens ``b[i0:i1]`` against ``r[j0:j1]`` (between two paired words)."""
    if i1 - i0 == j1 - j0 and b.tokens[i0:i1] == r.tokens[j0:j1]:
        return
    if i1 - i0 == 1 and j1 - j0 == 1 and b.keys[i0] == r.keys[j0]:  # the usual one space
        _add(hunks, Hunk(b.starts[i0], b.starts[i1], r.starts[j0], r.starts[j1]), b.text, r.text)
        return
    for op in opcodes(b.keys[i0:i1], r.keys[j0:j1], cleanup=False):
        a_start, a_end, b_start, b_end = op.a_start + i0, op.a_end + i0, op.b_start + j0, op.b_end + j0
        if op.tag != "equal":
            _add(hunks, Hunk(b.starts[a_start], b.starts[a_end], r.starts[b_start], r.starts[b_end]), b.text, r.text)
            continue
        for k in range(a_end - a_start):
            if b.tokens[a_start + k] != r.tokens[b_start + k]:
                i, j = a_start + k, b_start + k
                _add(hunks, Hunk(b.starts[i], b.starts[i + 1], r.starts[j], r.starts[j + 1]), b.text, r.text)


def _add(hunks: list[Hunk], hunk: Hunk, base: str, reference: str) -> None:
    """Append ``hunk``, merging it with the previous one when nothing equal lies between.

    A misread word and the footnote debris stuck to it are one difference to an editor;
    a whitespace difference stays apart, since it is layout whatever its neighbour is.
    """
    if (hunks and hunks[-1].b_end == hunk.b_start and hunks[-1].r_end == hunk.r_start
            and not _blank(hunks[-1], base, reference) and not _blank(hunk, base, reference)):
        last = hunks[-1]
        hunks[-1] = Hunk(last.b_start, hunk.b_end, last.r_start, hunk.r_end)
    else:
        hunks.append(hunk)


def _blank(hunk: Hunk, base: str, reference: str) -> bool:
    return not base[hunk.b_start:hunk.b_end].strip() and not reference[hunk.r_start:hunk.r_end].strip()
