"""How this OCR misreads, learned from the pair itself: a channel model per comparison.

Entry point: :meth:`Channel.learn`. Every word of the base edition that the reference never
uses is a likely misread; when the reference has exactly one word of the same alignment key
(:func:`app.diffing.fold`, which drops the letters OCR confuses) and nearly the same
spelling (or, where no reference word has its key at all, exactly one such word among those
ending in the same letters: ``rnodern`` for ``modern``), the pair shows one confusion of this OCR, weighted by how often the base shows
that misread word. A confusion seen many times in the document is near-certain; one never
seen elsewhere is suspect. This needs no diff, only the two vocabularies, so it is learned
before the first section is judged and every section is judged with the same model.

The generic prior (visual confusions of Latin, Fraktur and symbols) is
:data:`app.tables.OCR_CONFUSIONS`; this model adds what the document teaches.

Imports: the standard library, rapidfuzz, :mod:`app.diffing`, :mod:`app.align`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import product
from math import prod

from rapidfuzz.distance import Hamming, Levenshtein, Postfix, Prefix
from rapidfuzz.process import extract

from app.align import LIMITS, char_diff
from app.diffing import fold
from app.judge.digits import touches_number

_WORD = re.compile(r"[^\W\d_]{2,}")
#: the plain form of a model that a session keeps: ``(base, reference, count)`` rows, sorted
Rows = tuple[tuple[str, str, int], ...]


class Channel:
    """Counts of ``(base, reference)`` character confusions this OCR makes."""

    #: a misread word and its true form differ by at most this many edits
    MAX_EDITS = 2
    #: a word whose alignment key no reference word shares is compared with the reference
    #: words that end in the same letters as it (a misread of letters the key keeps, such as
    #: ``rn`` for ``m``, changes the key but seldom the word's end)
    SHARED_END = 3

    def __init__(self, counts: Counter[tuple[str, str]] | None = None, taught: frozenset[str] | None = None) -> None:
        self.counts: Counter[tuple[str, str]] = counts or Counter()
        #: the base words the vocabularies taught, while the model still learns from the
        #: diff's alignment (:meth:`learn_aligned`); None once it is complete (or a session's)
        self.taught = taught
        #: the confusions :meth:`repairs` undoes, with the count they were chosen at
        self._frequent: tuple[int, list[tuple[str, str]]] | None = None

    @classmethod
    def learn(cls, base: str, reference: str) -> Channel:
        return cls.learn_words(Counter(_WORD.findall(base)), Counter(_WORD.findall(reference)),
                               Counter(base.split()))

    @classmethod
    def learn_words(cls, base_words: Counter[str], ref_words: Counter[str],
                    base_pieces: Counter[str] | None = None) -> Channel:
        """:meth:`learn` from the two texts' counts of words (runs of two letters or more,
        as :meth:`learn` finds them), for a caller that has counted them already.

        The reference's words are grouped only under the keys and endings that the base's
        misread words ask for: most are asked for by none (the sample: 2,500 words, 1,000
        misread ones, a dozen of which look for an ending). With the counts of the base's
        blank-separated ``base_pieces``, the glyphs it read as marks inside words are learned
        too (:func:`stand_ins`)."""
        misread = {word: fold(word) for word in base_words if word not in ref_words}
        by_key = _grouped(ref_words, map(fold, ref_words), set(misread.values()))
        strangers = [w for w, key in misread.items() if key not in by_key and len(w) > cls.SHARED_END]
        ends = {_ending(w, cls.SHARED_END) for w in strangers}
        by_end = _grouped(ref_words, (_ending(w, cls.SHARED_END) for w in ref_words), ends) if ends else {}
        counts: Counter[tuple[str, str]] = Counter()
        taught: set[str] = set()
        for word, key in misread.items():
            same_key = by_key.get(key)
            if same_key is None and len(word) <= cls.SHARED_END:
                continue
            # no reference word has its key: a misread of stable letters (rn for m, fi for A)
            near = _only_near(word, same_key if same_key is not None else
                              by_end.get(_ending(word, cls.SHARED_END), []), cls.MAX_EDITS)
            if near is not None:
                n = base_words[word]
                taught.add(word)
                for pair in confusions(word, near):
                    counts[pair] += n
        if base_pieces:
            for piece, word, n in stand_ins(base_pieces, ref_words):
                taught.add(piece)
                for pair in confusions(piece, word):
                    counts[pair] += n
        return cls(counts, frozenset(taught))

    def learn_aligned(self, pairs: Counter[tuple[str, str]], ref_words: Counter[str]) -> None:
        """Add what the diff's alignment teaches: each ``(base token, reference token)`` pair
        that a change sets one against the other, counted by how often it does, where the base token is
        a likely misread (:func:`aligned_misread`) that the vocabularies could not pair
        (:meth:`learn_words` learns from a word whose one near reference word it can tell;
        the alignment tells which word a short misread stands for, ``aW`` for ``att``, or a
        real word read for another, ``tör`` for ``för``). Once: the model is then complete."""
        if self.taught is None:
            return
        taught, self.taught = self.taught, None
        for (base, reference), n in pairs.items():
            if base not in taught and aligned_misread(base, reference, ref_words):
                for pair in confusions(base, reference):
                    self.counts[pair] += n
        self._frequent = None

    def rows(self) -> Rows:
        """The model as plain data (:attr:`app.model.Comparison.channel`, the session file)."""
        return tuple(sorted((b, r, n) for (b, r), n in self.counts.items()))

    @classmethod
    def of_rows(cls, rows: Iterable[tuple[str, str, int]]) -> Channel:
        """The model :meth:`rows` describes (a saved session's, taken instead of learning anew)."""
        return cls(Counter({(b, r): n for b, r, n in rows}))

    def seen(self, pairs: Iterable[tuple[str, str]]) -> int:
        """How often the rarest of ``pairs`` was seen (0 when one never was). A run read for a
        run of the same length (``_t[`` for ``att``: a character diff keeps such a run whole)
        is also seen as often as the rarest of its glyphs read one for one (``_`` for ``a``,
        ``[`` for ``t``)."""
        return min((self._seen(p) for p in pairs), default=0)

    def repairs(self, token: str, least: int, subsets: bool = False) -> set[str]:
        """``token`` with a glyph this OCR reads for another at least ``least`` times read back,
        at one of its places or at all of them (``novgmber`` -> ``november`` where it reads
        ``g`` for ``e`` fifty times): the word the OCR may have misread. One glyph for one:
        a confusion that drops, adds or spreads letters makes other words of anything. Not
        ``token`` itself. With ``subsets``, at any of its places together too, the places of
        different confusions among them, where the token holds :data:`SUBSET_PLACES` such
        places at most (``omftällningfförmåga``: the long s read as ``f`` at two of its three
        ``f``; ``wptyneto``: ``ł`` read as ``t`` twice and ``ę`` as ``e``, in Polish read as
        English)."""
        if self._frequent is None or self._frequent[0] != least:
            self._frequent = (least, [(w, r) for (w, r), n in self.counts.items()
                                      if len(w) == len(r) == 1 and n >= least])
        out: set[str] = set()
        options: dict[int, list[str]] = {}  # each place a frequent confusion may have misread
        for wrong, right in self._frequent[1]:
            at = token.find(wrong)
            if at < 0:
                continue
            out.add(token.replace(wrong, right))
            while at >= 0:
                options.setdefault(at, [token[at]]).append(right)
                out.add(token[:at] + right + token[at + len(wrong):])
                at = token.find(wrong, at + 1)
        if subsets and 1 < len(options) <= SUBSET_PLACES and prod(map(len, options.values())) <= SUBSET_READINGS:
            places = sorted(options)
            for chosen in product(*(options[place] for place in places)):
                chars = list(token)
                for place, glyph in zip(places, chosen):
                    chars[place] = glyph
                out.add("".join(chars))
        out.discard(token)
        return out

    def _seen(self, pair: tuple[str, str]) -> int:
        wrong, right = pair
        direct = self.counts[pair]
        if len(wrong) < 2 or len(wrong) != len(right):
            return direct
        return max(direct, min((self.counts[w, r] for w, r in zip(wrong, right) if w != r), default=0))


#: a glyph that stands in a word for a letter the OCR could not read: a mark or ``_``, not a
#: join (``-``, ``'``: :mod:`app.judge.lexicon` splits words there) nor a digit (a digit is a
#: number, which the numbers guard leaves to the editor)
_STAND_IN = re.compile(r"[^\w\s\-'’]|_")
#: the marks running text sets around a word, taken off a piece before it is read as a word
_EDGES = ".,;:!?)»”\"'’(«“„‘"


#: :meth:`Channel.repairs` reads back every subset of a glyph's places up to this many
SUBSET_PLACES = 4
#: and tries at most this many readings of a token so (a poor OCR's channel can have many
#: frequent confusions of one glyph: ten at each of four places would be 14,641 readings)
SUBSET_READINGS = 81


def stand_ins(base_pieces: Counter[str], ref_words: Counter[str]) -> list[tuple[str, str, int]]:
    """The base's words with a letter read as a mark or ``_`` (``kapi[el``, ``_roduk[ivi[et``,
    ``komplet$erande``), each with the one reference word it can be and how often the base has
    it. A word's letters stay where they are and each stand-in is one letter of the reference
    word, so the word must have the piece's length and its letters at the same places; a piece
    that more than one reference word fits teaches nothing (``a[[``: ``att``, ``all``). Some
    engines write every glyph they cannot read so (ocrad's ``[`` for ``t``, gocr's ``_`` and
    ``$``), and then read the same word right nowhere: the vocabulary alone would never pair
    them. Left out: pieces with a digit or with more stand-ins than letters, and a word of the
    reference with specks after or before it (``till.#`` is ``till`` and a speck).

    A reference word fits when it is within as many substitutions (Hamming distance, in C) as
    the piece has stand-ins: a stand-in is never a letter, so every letter must then agree."""
    by_length: dict[int, list[str]] = {}
    out: list[tuple[str, str, int]] = []
    for raw, n in base_pieces.items():
        if raw.isalpha():  # most pieces: nothing stands in for a letter
            continue
        piece = raw.strip(_EDGES)
        if piece.isalpha() or not piece:  # a word and its punctuation
            continue
        stands = len(_STAND_IN.findall(piece))
        if not stands or piece in ref_words or stands * 2 > len(piece) or sum(ch.isalpha() for ch in piece) < 2:
            continue
        if any(ch.isdigit() for ch in piece) or _STAND_IN.sub("", piece) in ref_words \
                or _STAND_IN.sub(" ", piece).strip() in ref_words:
            continue
        if not by_length:  # the reference's words by length, grouped once, when first asked
            for word in ref_words:
                by_length.setdefault(len(word), []).append(word)
        found = extract(piece, by_length.get(len(piece), ()), scorer=Hamming.distance, score_cutoff=stands,
                        limit=2)
        if len(found) == 1:
            out.append((piece, found[0][0], n))
    return out


def aligned_misread(base: str, reference: str, ref_words: Counter[str]) -> bool:
    """``base``, set against ``reference`` by the diff, is likely this OCR's misread of it: one
    token each (no blank), no number (a number is the editor's; a digit read for a letter
    inside a word, ``50m`` for ``som``, is a letter misread: :func:`app.judge.digits.touches_number`),
    the reference's a word of letters, the base's a token with a letter that the reference never uses (``ref_words``:
    its case-folded words) or the reference's word in another case (a capital the OCR reads
    small, Fraktur's ``F`` and ``K``: ``förslag`` for ``Förslag``), within
    :attr:`Channel.MAX_EDITS` edits of it."""
    return (reference.isalpha() and base != reference
            and (ref_words[base.casefold()] == 0 or base.casefold() == reference.casefold())
            and Levenshtein.distance(base, reference, score_cutoff=Channel.MAX_EDITS) <= Channel.MAX_EDITS
            and any(ch.isalpha() for ch in base) and not any(ch.isspace() for ch in base)
            and not touches_number(base, reference))


def _grouped(words: Iterable[str], keys: Iterable[str], wanted: set[str]) -> dict[str, list[str]]:
    """The ``words`` under each of their ``keys`` (given in the same order) that is ``wanted``."""
    out: dict[str, list[str]] = {}
    for word, key in zip(words, keys):
        if key in wanted:
            out.setdefault(key, []).append(word)
    return out


def _ending(word: str, length: int) -> str:
    return word[-length:].casefold()


def _only_near(word: str, candidates: list[str], edits: int) -> str | None:
    """The one candidate within ``edits`` edits of ``word`` (None when none or several are):
    one call to rapidfuzz for a word with several candidates, not one per candidate."""
    if len(candidates) == 1:
        return candidates[0] if Levenshtein.distance(word, candidates[0], score_cutoff=edits) <= edits else None
    found = extract(word, candidates, scorer=Levenshtein.distance, score_cutoff=edits, limit=2)
    return found[0][0] if len(found) == 1 else None


def confusions(base: str, reference: str) -> list[tuple[str, str]]:
    """The character substitutions turning ``base`` into ``reference``."""
    return list(_confusions(base, reference))


@lru_cache(maxsize=1 << 16)
def _confusions(base: str, reference: str) -> tuple[tuple[str, str], ...]:
    """:func:`confusions`, memoized: the channel learns from the same word pairs that the
    classification then meets as one-word hunks, and a report repeats its misreads."""
    one = _one_glyph(base, reference)
    return (one,) if one is not None else _diffed_confusions(base, reference)


def _diffed_confusions(base: str, reference: str) -> tuple[tuple[str, str], ...]:
    """The substitutions of a character diff's runs: what :func:`_one_glyph` reads directly
    for the pairs it takes."""
    out: list[tuple[str, str]] = []
    dele = ins = ""
    for op, text in char_diff(base, reference) + [(0, "")]:
        if op < 0:
            dele += text
        elif op > 0:
            ins += text
        elif dele or ins:
            out.append((dele, ins))
            dele = ins = ""
    return tuple(out)


def _one_glyph(base: str, reference: str) -> tuple[str, str] | None:
    """The one substitution of two strings that differ in one run where one side is a single
    character not found in the other's run (``fér``/``för``, ``6kad``/``ökad``: most OCR
    misreads), or None for any other pair. :func:`char_diff` answers these pairs without a
    diff too (diff-match-patch's answer, built directly), but finds their common ends a
    character at a step in Python; rapidfuzz's prefix and suffix lengths are two calls in C
    (the sample's channel: the confusions of its 711 pairs of words 57 -> 46 M instructions)."""
    if len(base) * len(reference) > LIMITS.char_cells:  # char_diff aligns these by token first
        return None
    head = Prefix.similarity(base, reference)
    tail = min(Postfix.similarity(base, reference), min(len(base), len(reference)) - head)
    wrong, right = base[head:len(base) - tail], reference[head:len(reference) - tail]
    short, long_ = (wrong, right) if len(wrong) <= len(right) else (right, wrong)
    return (wrong, right) if len(short) == 1 and short not in long_ else None
