"""Lexical evidence: is a token a word of this document's language? Which marks does the OCR emit?

Entry point: :class:`Words`, built once per comparison from the two editions. A token is a
*word* when the reference edition uses it (its own vocabulary, the strongest evidence: a
digital text has no misreads), or when the base uses it often enough that a misread is
unlikely to repeat letter for letter *and* the dictionary of the document's language spells
it (a maintained Hunspell dictionary of the system, :mod:`app.judge.language`; asked only
about such repeated tokens, so rarely). A misread this OCR repeats (``fér`` for ``för``,
``groBe`` for ``große``) is so told from a word of the text. Without a dictionary the
repetition alone decides, as before. A base token that is not a word, where the reference's
token is one, points to an OCR misread; two different words point to a genuine edit.

A dictionary word that the base uses once and the reference never is not a word of this
document: taken as one, it turned real-word misreads on clean OCR (``bath`` for ``both``,
``jag`` for ``lag``, ``cede`` for ``code``) into content, and the corpus had more content
flags (219 -> 221) and no fewer leaks.

Imports: the standard library, :mod:`app.judge.channel`, :mod:`app.judge.language`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from app.diffing import fold
from app.judge.channel import Channel, confusions
from app.judge.footnotes import footnote_numbers
from app.judge.hunspell import Dictionary
from app.judge.language import FREQUENT, dictionary_for

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: ``lexicon=`` default: the dictionary of the reference's language, found when first needed
DETECT = "detect"
_JOINS = re.compile(r"[-'’]")
#: a mark: neither a letter or a digit (``\w`` is :meth:`str.isalnum` and ``_``) nor blank
_MARK = re.compile(r"[^\w\s]|_")


class Words:
    """The vocabulary of a pair of editions (case-folded word counts of each)."""

    #: a base-only token repeated this often is taken as a word (misreads rarely repeat exactly)
    BASE_REPEATS = 3

    def __init__(self, base: str, reference: str, lexicon: Dictionary | None | str = DETECT,
                 channel: Channel | None = None) -> None:
        # each text is scanned once: the case-folded vocabulary and the channel's words
        # (its letter runs) are both counted from the distinct tokens
        base_pieces = Counter(base.split())
        ref_pieces = Counter(reference.split())
        base_tokens, ref_tokens = _word_counts(base_pieces), _word_counts(ref_pieces)
        ref_runs = _letter_runs(ref_tokens)
        # a part of a compound the reference joins (Online-Antwort) is a word of it too
        self.reference = _folded(ref_tokens, {r: n for r, n in ref_runs.items() if r not in ref_tokens})
        self.reference_spellings = frozenset(t for t in ref_tokens if not t[1:].islower() and _capital_inside(t))
        self.base = _folded(base_tokens)
        #: the marks the OCR emits (a glyph it emits is one it can read, see app.classify)
        self.base_marks = _marks(base_pieces)
        #: of those, the marks it emits between two letters or digits (``19—23``, ``a|b``)
        self.joined_marks = _marks(base_pieces, _JOINED_MARK)
        #: how this OCR misreads (learned from the two vocabularies, unless a session kept it)
        self.channel = channel if channel is not None else \
            Channel.learn_words(_letter_runs(base_tokens), ref_runs, base_pieces)
        #: the numbers of the reference's footnote markers (app.judge.footnotes)
        self.footnotes = footnote_numbers(reference)
        self._lexicon = lexicon
        self._reference_tokens = ref_tokens
        self._base_pieces, self._reference_pieces = base_pieces, ref_pieces
        self._word_like_asked = 0
        #: short base words the diff sets against one reference word only (:meth:`learn_readings`)
        self._aligned_readings: dict[str, tuple[str, int]] = {}

    @property
    def lexicon(self) -> Dictionary | None:
        """The dictionary of the document's language (None: none is installed), told by the
        reference's frequent words, counted from its tokens (scanning a 7 MB reference again
        took a second)."""
        if self._lexicon == DETECT:
            self._lexicon = dictionary_for(_folded(_letter_runs(self._reference_tokens, 1)).most_common(FREQUENT))
        return self._lexicon

    @cached_property
    def _mark_spacing(self) -> tuple[Counter[str], Counter[str]]:
        """How often the base sets each mark apart, blank on both sides (in a piece of marks
        only: ``«``, ``»,``), and against a letter or digit. Counted when a blank beside a mark
        is first judged (rarely)."""
        pieces = self._base_pieces
        apart = Counter({piece: n for piece, n in pieces.items() if not any(ch.isalnum() for ch in piece)})
        return _marks(apart), _marks(pieces, _MARK_AT_WORD)

    @cached_property
    def reference_marks(self) -> Counter[str]:
        """How often the reference uses each mark (counted when first asked, rarely)."""
        return _marks(self._reference_pieces)

    def spaced_mark(self, before: str, after: str) -> tuple[str, int] | None:
        """The mark on one side of a blank (``before`` it or ``after`` it, a word on the other
        side) and how often the base sets it apart from words, when it does so more often than
        it sets it against one; else None. French print spaces ``«`` ``»`` ``:`` ``;`` ``!`` ``?`` from their
        words, and its OCR shows those blanks; a draft with straight quotes or plain spacing
        lacks them. A mark that touches its words (``.``, ``,``, a hyphen, a bracket) is set
        apart only by a blank the OCR added."""
        if len(before) == 1 and _MARK.fullmatch(before) and after[:1].isalnum():
            mark = before
        elif len(after) == 1 and _MARK.fullmatch(after) and before[-1:].isalnum():
            mark = after
        else:
            return None
        apart, attached = self._mark_spacing
        return (mark, apart[mark]) if apart[mark] > attached[mark] else None

    @cached_property
    def _reference_marked(self) -> str:
        """The reference's words, each between ``^`` and ``$``, in one string (joined in C
        when first asked): the few tokens most documents ask about are looked up in it."""
        return "^" + "$^".join(self.reference) + "$"

    @cached_property
    def _reference_runs(self) -> frozenset[str]:
        """Every three letters in a row of :attr:`_reference_marked`: built (40 M instructions
        on the sample) only once :meth:`word_like` has been asked :data:`RUNS_AFTER` times, as
        a poor OCR's content asks about thousands of tokens, each of which searched the whole
        string (a second at the 70 KB page at 50 % CER)."""
        marked = self._reference_marked
        return frozenset(marked[i:i + 3] for i in range(len(marked) - 2))

    def word_like(self, token: str) -> bool:
        """``token`` is spelled as the reference spells its words: each three letters in a
        row of it, its start and its end too, stand in some word of the reference. A misread
        mostly leaves a sequence the language never writes (``hédvandigt``); a word of the
        language the reference does not use (another form of one of its words: ``tworzenia``
        against ``tworzenie``) has none, and where no dictionary knows the language this is
        the evidence left."""
        marked = f"^{token.casefold()}$"
        self._word_like_asked += 1
        # a run with no ^ or $ inside lies within one word; one with either, at a word's edge
        # (a run across two words, ``$^``, is never asked)
        words = self._reference_runs if self._word_like_asked > RUNS_AFTER else self._reference_marked
        return all(marked[i:i + 3] in words for i in range(len(marked) - 2))

    @cached_property
    def _by_key(self) -> dict[str, list[str]]:
        """The reference's words as it spells them, under their alignment keys (grouped when
        first asked: only a content change's words ask)."""
        out: dict[str, list[str]] = {}
        for word in self._reference_tokens:
            out.setdefault(fold(word), []).append(word)
        return out

    def reading(self, token: str, least: int) -> str | None:
        """The reference's word that ``token``, not a word, is this OCR's misread of, where the
        document tells it: the one word of the reference with its alignment key that differs
        from it only by confusions this OCR makes ``least`` times or more (``Halfte`` for
        ``Hälfte``, ``Sicherheitsgefiihl`` for ``Sicherheitsgefühl``), or that such a confusion
        of one glyph reads back. None where none or several do, or where ``token`` is a word
        (``tworzenia`` may be the print's own form)."""
        channel = self.channel
        # each word found once, in the case the print sets it (``Statsbidrag`` opening a
        # sentence, where the reference has ``statsbidrag`` inside one); only words within the
        # edits a misread makes (a long word's a few more), told in C before their confusions
        # are worked out: a poor OCR's token shares its key with many words
        edits = max(Channel.MAX_EDITS, len(token) // 4)
        found = {word.casefold(): _in_case(word, token) for word in self._by_key.get(fold(token), ())
                 if word != token and Levenshtein.distance(token, word, score_cutoff=edits) <= edits
                 and channel.seen(confusions(token, word)) >= least}
        # and the words a frequent confusion of a glyph that the key keeps reads back: ``fom``
        # is ``fem`` by its key, but ``som`` too to an OCR that reads the long s as ``f``
        found.update((word.casefold(), word) for word in channel.repairs(token, least, subsets=True)
                     if self.reference[word.casefold()] > 0)
        # asked last: a token the base repeats asks the dictionary, loaded when first asked
        return found.popitem()[1] if len(found) == 1 and not self.is_word(token) else None

    def learn_readings(self, pairs: Counter[tuple[str, str]]) -> None:
        """What the diff's alignment tells of the base's short words (``pairs``: how often it
        sets each base token against each reference token, :func:`app.engine._aligned`): a
        word of letters that the reference never uses and that every pair sets against one
        and the same reference word (``pa`` against ``på``, ``for`` against ``för`` in Swedish
        read with the English model). Found from the editions, so a reopened session finds
        them again."""
        against: dict[str, Counter[str]] = {}
        for (base, ref), n in pairs.items():
            if base.isalpha() and base != ref and self.reference[base.casefold()] == 0:
                against.setdefault(base, Counter())[ref] += n
        self._aligned_readings = {base: (ref, n) for base, refs in against.items()
                                  if len(refs) == 1 for ref, n in refs.items() if ref.isalpha()}

    def aligned_reading(self, token: str, least: int) -> str | None:
        """The reference word the diff sets ``token`` against ``least`` times or more and
        against nothing else, where this OCR makes every confusion between the two ``least``
        times or more (:meth:`learn_readings`); else None."""
        found = self._aligned_readings.get(token)
        if found is None or found[1] < least:
            return None
        word = found[0]
        return word if self.channel.seen(confusions(token, word)) >= least else None

    def repaired(self, text: str, least: int, letters: int) -> tuple[str, int]:
        """``text`` with each word of ``letters`` letters or more that :meth:`reading` reads
        back read back (a shorter one is some other word after one glyph of anything, unless
        the diff sets it against one word only, often: :meth:`aligned_reading`), and how many."""
        # each distinct word read once; the text rewritten only where one is read back (a 5 MB
        # run of ``x x x`` is 2.6 million words and one distinct one)
        readings = {token: word for token in set(_WORD.findall(text))
                    if (word := self.reading(token, least) if len(token) >= letters
                        else self.aligned_reading(token, least)) is not None}
        if not readings:
            return text, 0
        count = 0

        def back(match: re.Match[str]) -> str:
            nonlocal count
            token = match.group()
            word = readings.get(token)
            if word is None:
                return token
            count += 1
            return word
        return _WORD.sub(back, text), count

    def reads_as_word(self, token: str) -> bool:
        """``token`` is written as the reference writes its words: shaped as a word
        (:func:`shaped_as_word`), and a word of the reference or spelled like one
        (:meth:`word_like`); not ``produk[ivite[``, ``seJNice``. No dictionary asked."""
        return shaped_as_word(token) and (self.reference[token.casefold()] > 0 or self.word_like(token))

    def is_word(self, token: str) -> bool:
        """A word of the document. A capital inside a small-lettered token (``groBe``, ``HeIp``)
        is a word only as the reference spells it (``BAföG``): running text has no such
        spelling, an OCR's misread of ``ß`` or ``l`` has, however often it repeats."""
        if _capital_inside(token) and not token.isupper():
            return token in self.reference_spellings
        folded = token.casefold()
        if self.reference[folded] > 0:
            return True
        if self.base[folded] < self.BASE_REPEATS:
            return False
        return self.lexicon is None or self.lexicon.knows(token)

    def spelled(self, token: str) -> bool:
        """A word of the document, or one the dictionary of its language spells (False
        without a dictionary): a looser test than :meth:`is_word`, for a caller that has
        other evidence against a misread."""
        if self.is_word(token):
            return True
        lexicon = self.lexicon
        return lexicon is not None and lexicon.knows(token)

    def all_words(self, text: str) -> bool:
        """Every lettered token of ``text`` is a word (False for text with no letters)."""
        tokens = _WORD.findall(text)
        return bool(tokens) and all(self.is_word(t) for t in tokens)

    def any_word(self, text: str) -> bool:
        """Some lettered token of ``text`` is a word (False for text with no letters)."""
        return any(self.is_word(t) for t in _WORD.findall(text))

    def non_words(self, text: str) -> list[str]:
        return [t for t in _WORD.findall(text) if not self.is_word(t)]


#: :meth:`Words.word_like` searches the reference's joined words this many times, then builds
#: the set of their three-letter runs
RUNS_AFTER = 200


def _in_case(word: str, token: str) -> str:
    """``word`` in the case ``token`` is set in: all capitals, or capitalised (a sentence's
    first word), else as ``word`` is spelled."""
    if token.isupper() and len(token) > 1:
        return word.upper()
    if token[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def shaped_as_word(token: str) -> bool:
    """``token`` has a word's shape, whatever its language: letters (joined by a hyphen or an
    apostrophe), in one case or capitalised; not ``produk[ivite[``, ``seJNice``, ``2O22``."""
    return _WORD.fullmatch(token) is not None and (token[1:].islower() or token.isupper() or len(token) == 1)


def _capital_inside(token: str) -> bool:
    """An upper-case letter after the token's first character (``groBe``, ``BAföG``). Most
    tokens are all small after it, which :meth:`str.islower` tells in C."""
    rest = token[1:]
    return not rest.islower() and any(ch.isupper() for ch in rest)


# The counters below add into a plain dict and hand it to Counter at the end (copied in C, in
# the same order): ``Counter[key] += n`` calls Counter's Python ``__missing__`` for each new key.

def _word_counts(pieces: Counter[str]) -> Counter[str]:
    """``Counter(_WORD.findall(text))``, in the same order, at a third of the cost, from the
    counts of the text's blank-separated ``pieces`` (``Counter(text.split())``): :data:`_WORD`
    runs once per distinct piece (a word holds no white space, and the pattern looks neither
    behind nor ahead of it); a piece of letters only is one word as it stands."""
    out: dict[str, int] = {}
    get = out.get
    for piece, n in pieces.items():
        if piece.isalpha():
            out[piece] = get(piece, 0) + n
            continue
        for word in _WORD.findall(piece):
            out[word] = get(word, 0) + n
    return Counter(out)


def _marks(pieces: Counter[str], mark: re.Pattern[str] = _MARK) -> Counter[str]:
    """How often each ``mark`` (by default: neither a letter, a digit nor blank) stands in the
    text whose blank-separated ``pieces`` are counted, in the marks' sorted order. Read from the
    distinct pieces that are not all letters and digits, where every mark stands: the whole
    text's ``set`` and a ``str.count`` per mark were 4 of the sample's 65 ms, and grew with the
    text (0.2 s at 100x)."""
    out: dict[str, int] = {}
    get = out.get
    for piece, n in pieces.items():
        if not piece.isalnum():
            for found in mark.findall(piece):
                out[found] = get(found, 0) + n
    return Counter({found: out[found] for found in sorted(out)})


#: a mark between two letters or digits (``19—23``, ``a|b``), for :func:`_marks`
_JOINED_MARK = re.compile(r"(?<=[^\W_])[^\w\s](?=[^\W_])")
#: a mark right before or right after a letter or digit, for :meth:`Words.spaced_mark`
_MARK_AT_WORD = re.compile(r"(?<=[^\W_])[^\w\s]|[^\w\s](?=[^\W_])")


def _folded(*counts: dict[str, int]) -> Counter[str]:
    """The sum of ``counts`` case-folded (in the order the folded words first occur in them)."""
    out: dict[str, int] = {}
    get = out.get
    for tokens in counts:
        for token, n in tokens.items():
            folded = token.casefold()
            out[folded] = get(folded, 0) + n
    return Counter(out)


def _letter_runs(tokens: Counter[str], shortest: int = 2) -> Counter[str]:
    """The counts of the runs of ``shortest`` letters or more in ``tokens``, in the order they
    first occur in the text: of two letters or more, the words :meth:`Channel.learn` finds in
    the text; of one or more, those :func:`app.judge.language.frequent_words` counts. A token
    is letter runs joined by a hyphen or an apostrophe, and every run of the text lies in one
    token: most tokens are one run, which :meth:`str.isalpha` tells faster than a search for a
    join (the sample's runs 15.7 -> 7.7 M instructions)."""
    out: dict[str, int] = {}
    get = out.get
    for token, n in tokens.items():
        if token.isalpha():
            if len(token) >= shortest:
                out[token] = get(token, 0) + n
            continue
        for run in _JOINS.split(token):
            if len(run) >= shortest:
                out[run] = get(run, 0) + n
    return Counter(out)

