"""Say what kind each difference is, what to do about it, and how sure we are.

Entry points: :func:`classify` for one hunk (pure, cheap, needs only the two texts and the
characters around the base side), and :func:`reinforced_confidences`, which lets the document teach
itself: an OCR confusion confirmed many times in one pair raises the confidence of its
other occurrences. The order of the tests in :func:`classify` is the policy:

1. whitespace only -> ``layout`` (and page furniture, found by the page structure or the
   furniture table, and end-of-line hyphenation);
2. the numbers guard (:mod:`app.judge.digits`): a digit appears, disappears or differs ->
   ``content``, before any OCR explanation is tried; page furniture may remove a page
   number, and a footnote marker of the document's own count read as debris is ``ocr``
   (:mod:`app.judge.footnotes`): the two changes that touch a number without being content,
   and neither is ever bulk-safe;
3. the same text in other glyphs -> ``typography``;
4. scan specks and punctuation with no word behind them -> ``ocr``;
5. text in one edition only -> ``content``, save base-only text whose every word the OCR
   engine doubted (:mod:`app.judge.doubt`): its noise -> ``ocr``;
6. every character substitution explained by the OCR tables, or a base that is no word of the
   document where the reference is and looks like it (:mod:`app.judge.lexicon`) -> ``ocr``;
7. anything else -> ``content``: the editor decides. Its suggestion, where the document
   gives one, is the print's wording with the words in it that this OCR misreads often
   elsewhere read back (:func:`print_repaired`, which the engine applies to every content
   change, an edit joined from several too); content is never in a bulk accept.

Imports: the standard library, rapidfuzz, :mod:`app.model`, :mod:`app.tables`, :mod:`app.align`,
:mod:`app.judge`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter

from rapidfuzz.distance import Levenshtein, Postfix, Prefix

from app.diffing import Memo, without_marks
from app.judge.channel import Channel, confusions
from app.judge.digits import touches_number
from app.judge.doubt import Doubt
from app.judge.footnotes import lost_marker
from app.judge.lexicon import Words, shaped_as_word
from app.model import ACCEPT, REJECT, Change, Kind, Suggestion, Verdict
from app.reasons import Reason, because, named
from app.tables import (
    GLYPH_CLASSES,
    HISTORICAL_FORMS,
    OCR_CONFUSIONS,
    PAGE_FURNITURE_PATTERNS,
    DISTINCT_GLYPH_CLASSES,
    PLAIN_FALLBACKS,
    STANDARD_FORM,
    STANDARD_FORM_CONFIDENCE,
    STRAY_MARKS,
)

_FURNITURE = re.compile("|".join(f"(?:{p})" for p in PAGE_FURNITURE_PATTERNS))
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+(?=\n)")
_BLANK_RUN = re.compile(r"\n[ \t\n]*\n")
_CONFUSION_PAIRS = frozenset((wrong, right) for right, wrongs in OCR_CONFUSIONS.items() for wrong in wrongs)
_GLYPH_OF = {ch: name for name, (glyphs, _debris) in GLYPH_CLASSES.items() for ch in glyphs}
_SPACE_GLYPHS = GLYPH_CLASSES["space"][0] - {" "}
_DEBRIS_OF = {d: name for name, (_glyphs, debris) in GLYPH_CLASSES.items() for d in debris}
_SPECK_EDGES = "-_.,' "  # specks an OCR leaves beside a glyph it half reads
LIST_MARKER = "list marker"


@dataclass(frozen=True, slots=True)
class Lexical:
    """How the lexical evidence turns likeness into confidence (see :func:`_lexical`)."""

    min_likeness: float = 0.5  # below this the two texts are different words, not a misread
    floor: float = 0.6  # confidence at the threshold, rising with likeness
    ceiling: float = 0.9
    channel_seen: int = 5  # a confusion the OCR makes this often elsewhere explains two words
    #: a misread read back into another word of the document than the reference's is an edit
    #: from this many letters (a short word is some other word after one glyph of anything)
    other_word_letters: int = 4
    #: a misread adds or drops at most this many letters in a row; more is words run together
    #: or cut apart ('ofthe' against 'the', the 'of' inserted beside it), not a misread
    one_sided_letters: int = 1
    #: a run of the diff holding this many whole words more than the other side's is text of
    #: one edition (a sentence the draft adds), not a misread: an OCR misreads a word's
    #: glyphs, it does not make words out of a mark or two (``[.`` against ``t. Därtill kommer``)
    one_sided_words: int = 2
    #: a run of clean letters an OCR reads for another is at most this many letters longer or
    #: shorter (the confusion table's by one at most: ``ée`` for ``ö``); more is another word
    #: that shares the start or end (``Straffskalan`` against ``Straffet``: ``skalan`` for ``et``)
    run_growth: int = 2
    #: a content change's print is repaired only where this share of it, once repaired, reads
    #: as text, or every piece of it is shaped as a word (:func:`print_repaired`): the rest is
    #: a poor engine's garbage
    legible_share: float = 0.8


LEXICAL = Lexical()
#: the lexical judge's reason for a word that only the reference's vocabulary calls a misread,
#: spelled like a word and with a confusion this OCR makes nowhere else (:func:`_lexical`);
#: beside an edit, :func:`app.engine._one_edit` makes it part of the edit
WORD_LIKE = because("word_like")
#: how often the OCR must emit other glyphs of a class to be trusted to tell them apart
TYPOGRAPHY_SEEN = 2
#: a base-only run of at most this many tokens of at most this many letters is scan specks
SPECK_LETTERS = (2, 2)
SOFT_HYPHEN = "\u00ad"
#: base-only text whose every word the OCR engine doubted: its noise, removed, not surely
DOUBTED_NOISE_CONFIDENCE = 0.7
#: a footnote marker read as debris: the document's count vouches for it, the print is not seen
FOOTNOTE_CONFIDENCE = 0.8
#: the same letters with blank space moved around them (:func:`_split_or_joined`)
SPLIT_CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class Classification:
    """The classification of one hunk (everything a :class:`Change` needs but its place)."""

    kind: Kind
    suggestion: Suggestion | None
    confidence: float
    pattern: tuple[tuple[str, str], ...] = ()
    reason: Reason | str = ""
    touches_number: bool = False


@lru_cache(maxsize=1 << 16)
def classify(base: str, ref: str, before: str = "\n", after: str = "\n", furniture: bool = False,
             words: Words | None = None, doubt: Doubt = Doubt.NONE) -> Classification:
    """Classify the hunk ``base`` -> ``ref``; ``before``/``after`` are the base's neighbours.

    ``furniture`` says the page structure found the base side to be a running head, foot or
    folio (:mod:`app.judge.pages`); ``words`` is the pair's vocabulary (:mod:`app.judge.lexicon`);
    ``doubt``, how many of the base's words the OCR engine itself doubted (:mod:`app.judge.doubt`).
    Pure, so cached: a report repeats its misreads (``for`` -> ``för``) hundreds of times.
    """
    return _printable(_classify(base, ref, before, after, furniture, words, doubt), base, ref)


def print_repaired(verdict: Classification, base: str, ref: str, words: Words | None) -> Classification:
    """A content change's suggestion, where the document gives one: the print's wording kept
    and the words in it that this OCR misreads often elsewhere read back (``Halfte`` in a
    reworded sentence, where the OCR reads ``a`` for ``ä`` a hundred times). The editor still
    decides the wording (content is never in a bulk accept); without the repair, keeping the
    print kept its misreads too. Not where less than :attr:`Lexical.legible_share` of the
    repaired text reads as text (:func:`_legible`) and some piece of it is not even shaped as
    a word (:func:`_well_formed`): a poor engine's garbage (``seJNice``, ``produk[ivite[``) in a
    block it could not align is no print to keep, repaired or not."""
    if verdict.kind is not Kind.CONTENT or verdict.suggestion is not None or words is None:
        return verdict
    repaired, count = words.repaired(base, LEXICAL.channel_seen, LEXICAL.other_word_letters)
    if not count or _legible_share(repaired, words) < LEXICAL.legible_share and not _well_formed(repaired):
        return verdict  # garbage left that no repair reads back (``seJNice``): no print to keep
    return replace(verdict, suggestion=Suggestion.toward(repaired, base, ref, because("print_repaired", count=count)))


def _legible_share(text: str, words: Words) -> float:
    """How much of ``text`` (its non-blank characters) stands in pieces that read as text.
    Each distinct piece asked once: a 5 MB run of ``x x x`` is one piece 2.6 million times
    (asked one by one, 75 s)."""
    pieces = Counter(text.split())
    total = sum(len(piece) * n for piece, n in pieces.items())
    legible = sum(len(piece) * n for piece, n in pieces.items() if _legible(piece, words))
    return legible / total if total else 1.0


def _well_formed(text: str) -> bool:
    """Every blank-separated piece of ``text`` is shaped as a number or a word, marks around
    it aside (:func:`app.judge.lexicon.shaped_as_word`): words of the print's language that the
    reference does not use and no dictionary knows (Polish read with the English model, in a
    sentence the draft rewords), not a poor engine's garbage. Over every corpus and engine,
    no repaired print of that shape was further from the print than the OCR's."""
    return all(_number_or(piece, shaped_as_word) for piece in set(text.split()))


def _legible(piece: str, words: Words) -> bool:
    """A blank-separated piece of print reads as text: a number, or, marks around it aside, a
    word as the reference writes words (:meth:`Words.reads_as_word`); not ``collect_``."""
    return _number_or(piece, words.reads_as_word)


def _number_or(piece: str, word: Callable[[str], bool]) -> bool:
    """``piece`` without the marks around it is nothing, a number, or passes ``word``."""
    core = _bare(piece)
    return not core or _NUMBER_PIECE.fullmatch(core) is not None or word(core)


_NUMBER_PIECE = re.compile(r"\d+(?:[.,:/–-]\d+)*%?")


def _printable(verdict: Classification, base: str, ref: str) -> Classification:
    """``verdict`` with a suggestion that takes the reference's reading, minus the soft hyphens
    the base lacks: a digital edition's break hints are never printed inside a line."""
    suggestion = verdict.suggestion
    if suggestion is None or SOFT_HYPHEN not in ref or SOFT_HYPHEN in base:
        return verdict
    decision = suggestion.decision
    if decision.verdict is Verdict.ACCEPTED:
        text = ref
    elif decision.verdict is Verdict.EDITED and decision.text is not None:
        text = decision.text
    else:
        return verdict
    return replace(verdict, suggestion=Suggestion.toward(text.replace(SOFT_HYPHEN, ""), base, ref, suggestion.reason))


def _classify(base: str, ref: str, before: str, after: str, furniture: bool, words: Words | None,
              doubt: Doubt = Doubt.NONE) -> Classification:
    if not base.strip() and not ref.strip():
        if base.count("\n") == ref.count("\n") and _odd_spaces(base + ref):
            return _space_glyphs(base, ref)
        spaced = _print_spaced(before, after, words) if words is not None and not ref else None
        if spaced is not None:
            return _print_spacing(base, ref, *spaced)
        return _layout_whitespace(base, ref)
    if furniture and not ref.strip():
        return _furniture(base, ref, "page structure")
    if _page_furniture(base, ref, before, after):
        return _furniture(base, ref, "furniture pattern")
    if _dehyphenated(base) == ref:
        return Classification(Kind.LAYOUT, Suggestion(REJECT, because("hyphen_kept")), 0.9,
                              reason=because("hyphenation"))
    if touches_number(base, ref):
        return _number(base, ref, before, words)
    split = _split_or_joined(base, ref)
    if split is not None:
        return split
    typo = _typography(base, ref, words, doubt >= Doubt.SOME, before, after)
    if typo is not None:
        return typo
    noise = _debris(base, ref, before, after, words)
    if noise is not None:
        return noise
    if not ref.strip() and doubt is Doubt.ALL and words is not None and not words.any_word(base):
        # a pictogram or stamp read as letters: doubted by the engine, and no word of the document
        return Classification(Kind.OCR, Suggestion(ACCEPT, because("doubted_noise")), DOUBTED_NOISE_CONFIDENCE,
                              reason=because("noise"))
    if not base.strip() or not ref.strip():
        return Classification(Kind.CONTENT, None, 0.9, reason=because("one_edition_only"))
    verdict = _ocr_or_content(base, ref, words)
    glyphs = _WORD_GLYPH.findall(ref)
    if len(glyphs) != 1:
        return verdict  # most hunks: no quote, apostrophe or dash to weigh (told in C)
    at = ref.index(glyphs[0])
    verdict = _misread_with_glyph(verdict, base, ref, at, before, after, words, doubt)
    return _in_ocr_glyphs(verdict, base, ref, at, words)


# -- layout -------------------------------------------------------------------------------

def clean_whitespace(text: str) -> str:
    """Whitespace as ProofPair writes it: no trailing spaces, at most one blank line."""
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUN.sub("\n\n", text)


def _layout_whitespace(base: str, ref: str) -> Classification:
    target = clean_whitespace(base)
    if "\n" not in base and "\n" in ref:
        target = base  # the print's lines rule; the digital edition's break is not followed
    if not base or not ref:
        target = ref  # words the OCR joined, or one word the print broke at a line end
    what = because("line_break") if ("\n" in base) != ("\n" in ref) else because("spacing")
    if "\n" in base and base.count("\n") != ref.count("\n"):
        what = because("blank_lines")
    if _TRAILING_SPACE.search(base + "\n") or _TRAILING_SPACE.search(ref + "\n"):
        what = because("trailing_spaces")
    return Classification(Kind.LAYOUT, Suggestion.toward(target, base, ref, because("whitespace", what=what)),
                          0.99, reason=what)


def _print_spaced(before: str, after: str, words: Words) -> tuple[str, int] | None:
    """The mark beside a blank only the base has, and how often the scan sets it apart from its
    words (:meth:`Words.spaced_mark`), when that is the print's spacing: seen often enough, and
    of a mark whose glyph the reference does not set typographically (the reference's „ against
    an OCR's ``» Schul``: the OCR misread the glyph, and its blank goes with the misread)."""
    spaced = words.spaced_mark(before, after)
    if spaced is None or spaced[1] < TYPOGRAPHY_SEEN:
        return None
    mark = spaced[0]
    name = _GLYPH_OF.get(mark)
    if name is not None and any(words.reference_marks[g] for g in GLYPH_CLASSES[name][0] - PLAIN_FALLBACKS):
        return None
    return spaced


def _print_spacing(base: str, ref: str, mark: str, seen: int) -> Classification:
    """A blank only the base has, between a word and a mark that this scan sets apart from its
    words more often than not (:meth:`Words.spaced_mark`): the print's typography (French
    ``« Chaque »``, ``ambitieux :``), which a draft with straight quotes or plain spacing lacks.
    Keep it: removed as a word-gluing blank it left ``«Chaque`` in the canonical text."""
    return Classification(Kind.TYPOGRAPHY, Suggestion(REJECT, because("print_spacing", mark=repr(mark), count=seen)),
                          0.9, pattern=((base, ref),), reason=because("spacing"))


def _odd_spaces(text: str) -> bool:
    return any(ch in _SPACE_GLYPHS for ch in text)


def _space_glyphs(base: str, ref: str) -> Classification:
    """A no-break or thin space against a plain one: typography, not layout."""
    target = "".join(" " if ch in _SPACE_GLYPHS and ch not in "\u00a0\u202f" else ch for ch in ref)
    return Classification(Kind.TYPOGRAPHY, Suggestion.toward(target, base, ref, because("space_glyph")),
                          0.95, pattern=((base, ref),), reason=because("space"))


def _page_furniture(base: str, ref: str, before: str, after: str = "\n") -> bool:
    """A line only the print has that the furniture table knows (``SID 3``, a bare page number):
    whole lines, so the base stands between line ends (a ``1`` that begins the line
    ``1 3.2.1 Produktivitet``, an OCR's spaced ``13.2.1``, is not a page number)."""
    if ref.strip() or not (before in ("", "\n") or base.startswith("\n")):
        return False
    if not (after in ("", "\n", "\f") or base.endswith(("\n", "\f"))):
        return False
    lines = [line.strip() for line in base.split("\n") if line.strip()]
    return bool(lines) and all(_FURNITURE.fullmatch(line) for line in lines)


def _furniture(base: str, ref: str, how: str) -> Classification:
    """Page furniture: remove it. Its page number is a digit the bulk accept must not take."""
    target = clean_whitespace(ref) if "\n" in ref or not ref else ref
    return Classification(Kind.LAYOUT, Suggestion.toward(target, base, ref, because("furniture_removed")),
                          0.97 if how == "page structure" else 0.9, reason=because("page_furniture"),
                          touches_number=any(ch.isdigit() for ch in base + ref))


def _dehyphenated(base: str) -> str | None:
    if "-\n" not in base:
        return None
    return re.sub(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)", "", base)


# -- numbers and footnotes ----------------------------------------------------------------

def _number(base: str, ref: str, before: str, words: Words | None) -> Classification:
    """A digit appears, disappears or differs: the editor decides (:mod:`app.judge.digits`).
    A footnote marker of the document's sequence that the OCR read as debris is the one
    misread this stage names, suggested but kept out of bulk accepts like every number."""
    if words is not None and words.footnotes:
        lost = lost_marker(base, ref, before, words.footnotes, lambda b, r: _misread_word(b, r, words))
        if lost is not None:
            return Classification(Kind.OCR, Suggestion(ACCEPT, because("footnote_marker", marker=lost)),
                                  FOOTNOTE_CONFIDENCE, reason=because("footnote_debris"), touches_number=True)
    marker = ref.strip().rstrip(".,;:)")
    why = because("footnote_debris") if marker.isdigit() and not any(ch.isalnum() for ch in base) \
        else because("number_differs")
    return Classification(Kind.CONTENT, None, 0.95, reason=why, touches_number=True)


def _misread_word(base: str, ref: str, words: Words) -> bool:
    """``base`` is ``ref`` as this OCR misreads it (an OCR or typography verdict, no number)."""
    verdict = _classify(base, ref, "", "", False, words)
    return verdict.kind in (Kind.OCR, Kind.TYPOGRAPHY) and not verdict.touches_number


# -- typography -----------------------------------------------------------------------------

def _split_or_joined(base: str, ref: str) -> Classification | None:
    """The same letters or digits, blank space moved around them (``201 1`` against ``2011``,
    ``Ila`` and a line break against ``Il a``): the OCR split or joined a word; take the
    reference's reading. A blank alone inside a word (``ar bete`` against ``arbete``) is left to
    :func:`_ocr_or_content`, which reads the words around it."""
    if "".join(base.split()) != "".join(ref.split()):
        return None  # other letters, not only other blank space (told in C, for most hunks)
    _prefix, b_core, r_core = _cores(base, ref)
    if not b_core or b_core != r_core:
        return None
    return Classification(Kind.OCR, Suggestion.toward(_standard(ref), base, ref, because(
        "ocr_explained", parts=(because("word_split"),))), SPLIT_CONFIDENCE, reason=because("word_split"))


def _typography(base: str, ref: str, words: Words | None = None, doubted: bool = False,
                before: str = "", after: str = "") -> Classification | None:
    """The same text in other glyphs: quotes, dashes, bullets, checkboxes, ligatures, spaces.

    The print's glyph is the truth. The base's real glyph is kept when it is typographic
    against the reference's plain fallback (``’`` against ``'``), or when the OCR shows it tells
    the class apart (:func:`_print_glyph`); otherwise the reference's glyph, in its standard
    Unicode form (an OCR that never emits a ``–`` cannot show one, and one unsure of the word,
    ``doubted``, has not shown it)."""
    prefix, b_core, r_core = _cores(base, ref)
    if b_core == r_core:
        return None  # only blank space differs: a split word (:func:`_split_or_joined`), not a glyph
    name = _glyph_match(b_core, r_core)
    if name is None and _standard(b_core) == _standard(r_core):
        name = "ligature or private-use glyph"
    if name is None and _compatible(b_core, r_core):
        name = "historical or compatibility letterform"
    if name is None:
        return None
    kept = _GLYPH_OF.get(b_core) == name and _print_glyph(name, b_core, r_core, words,
                                                           _joined(base, prefix, b_core, before, after))
    plain = r_core not in PLAIN_FALLBACKS  # the base's plain glyph kept on the OCR's record elsewhere
    if kept and not (plain and doubted):
        confidence = 0.75 if plain else 0.9  # a plain glyph kept is less sure
        return Classification(Kind.TYPOGRAPHY, Suggestion(REJECT, because("print_glyph", name=named(name),
                              glyph=repr(b_core))), confidence, pattern=((b_core, r_core),), reason=named(name))
    if name == LIST_MARKER:  # the print's marker was round: a bullet, spaced as the print is
        standard = base.replace(b_core, "\u2022", 1)
        return Classification(Kind.TYPOGRAPHY, Suggestion.toward(standard, base, ref, because("print_bullet",
                              name=named(name))), 0.8, pattern=((b_core, r_core),), reason=named(name))
    standard = _standard(ref)
    return Classification(Kind.TYPOGRAPHY, Suggestion.toward(standard, base, ref, because("standard_form",
                          name=named(name))), 0.75 if kept else STANDARD_FORM_CONFIDENCE.get(name, 0.95),
                          pattern=((b_core, r_core),), reason=named(name))


#: the glyph classes a word carries inside it, whose form a misread word may also differ in
_WORD_GLYPH_CLASSES = frozenset({"quotation mark", "apostrophe", "dash"})
#: one glyph of those classes (found in C: most hunks hold none)
_WORD_GLYPH = re.compile("[" + re.escape("".join(sorted(ch for name in _WORD_GLYPH_CLASSES
                                                       for ch in GLYPH_CLASSES[name][0]))) + "]")


def _misread_with_glyph(verdict: Classification, base: str, ref: str, j: int, before: str, after: str,
                        words: Words | None, doubt: Doubt) -> Classification:
    """``verdict`` on a token that may hold a misread and a glyph in another form (``I’``
    against ``l'``: ``l`` read as ``I``, beside the print's apostrophe against the draft's
    straight one). The glyph is judged as it would be alone (:func:`_typography`); the rest,
    where ``verdict`` is content, with the glyph made the same on both sides (neither judge
    explained the whole). A misread then suggests the reference's letters with the glyph the
    typography verdict chose, not the draft's (``l’activité``, not ``l'activité``). ``j``: where
    the reference's one glyph of those classes stands."""
    if verdict.kind not in (Kind.OCR, Kind.CONTENT) or len(ref.split()) > 1 or len(base.split()) > 2:
        return verdict  # a run of words is no one misread token (the OCR may have split it: ``1 9-23``)
    b_glyphs = list(_WORD_GLYPH.finditer(base))
    if len(b_glyphs) != 1:
        return verdict
    i, b_glyph, r_glyph = b_glyphs[0].start(), b_glyphs[0].group(), ref[j]
    if b_glyph == r_glyph or _GLYPH_OF[b_glyph] != _GLYPH_OF[r_glyph]:
        return verdict
    if verdict.kind is Kind.OCR:  # a misread whose suggestion takes the reference's reading whole
        rest = verdict
        if rest.suggestion is None or rest.suggestion.decision.verdict is not Verdict.ACCEPTED:
            return verdict
    else:
        rest = _classify(base, ref[:j] + b_glyph + ref[j + 1:], before, after, False, words, doubt)
        if rest.kind is not Kind.OCR or rest.suggestion is None:
            return verdict
    glyph = _typography(b_glyph, r_glyph, words, doubt >= Doubt.SOME, (before + base)[:len(before) + i][-1:],
                        (base + after)[i + 1:i + 2])
    if glyph is None or glyph.suggestion is None:
        return verdict
    decision = glyph.suggestion.decision
    chosen = {Verdict.REJECTED: b_glyph, Verdict.ACCEPTED: r_glyph}.get(decision.verdict, decision.text or r_glyph)
    if chosen == r_glyph and rest is verdict:
        return verdict  # the misread's suggestion takes the reference's glyph already
    target = ref[:j] + chosen + ref[j + 1:]
    return Classification(Kind.OCR, Suggestion.toward(target, base, ref, rest.suggestion.reason),
                          min(rest.confidence, glyph.confidence), pattern=rest.pattern + glyph.pattern,
                          reason=rest.reason, touches_number=rest.touches_number)


def _in_ocr_glyphs(verdict: Classification, base: str, ref: str, j: int, words: Words | None) -> Classification:
    """``verdict``, whose repair takes from the reference a glyph the base lacks (``Lannée``
    against the draft's ``L'année``: the OCR lost the apostrophe), with the glyph as this OCR
    prints its class (:func:`_ocr_form`): the draft's straight fallback is not the print's.
    ``j``: where the reference's one glyph of the word glyph classes stands."""
    if verdict.kind is not Kind.OCR or verdict.suggestion is None or \
            verdict.suggestion.decision.verdict is not Verdict.ACCEPTED or words is None or _WORD_GLYPH.search(base):
        return verdict
    glyph = ref[j]
    form = _ocr_form(glyph, words)
    if form == glyph:
        return verdict
    return replace(verdict, suggestion=Suggestion.toward(ref[:j] + form + ref[j + 1:], base, ref,
                                                         verdict.suggestion.reason))


def _ocr_form(glyph: str, words: Words) -> str:
    """How this OCR prints ``glyph``, a plain fallback (``'``): the one typographic glyph of its
    class that it shows (``’``), at least :data:`TYPOGRAPHY_SEEN` times and the fallback never;
    else ``glyph`` itself (a class with two such glyphs, opening and closing quotes, cannot say
    which one stood here)."""
    name = _GLYPH_OF.get(glyph)
    if glyph not in PLAIN_FALLBACKS or name is None or words.base_marks[glyph]:
        return glyph
    shown = [g for g in sorted(GLYPH_CLASSES[name][0] - PLAIN_FALLBACKS) if words.base_marks[g]]
    return shown[0] if len(shown) == 1 and words.base_marks[shown[0]] >= TYPOGRAPHY_SEEN else glyph


def _print_glyph(name: str, b: str, r: str, words: Words | None, joined: bool = False) -> bool:
    """Whether the base's real glyph ``b`` is the print's, against the reference's ``r``: a
    typographic glyph against a plain fallback; or a plain glyph where this OCR shows the
    class's typographic glyphs elsewhere (it would have shown one here). Between two letters
    or digits (``joined``) only those it shows there count: an OCR that reads a spaced dash
    as ``—`` may read every short dash of a range (``19–23``, ``bonus–malus``) as a hyphen."""
    if r in PLAIN_FALLBACKS and b not in PLAIN_FALLBACKS:
        return True
    if name not in DISTINCT_GLYPH_CLASSES or b not in PLAIN_FALLBACKS or words is None:
        return False
    fancy = GLYPH_CLASSES[name][0] - PLAIN_FALLBACKS
    shown = words.joined_marks if joined else words.base_marks
    return sum(shown[g] for g in fancy) >= TYPOGRAPHY_SEEN


def _joined(base: str, prefix: int, core: str, before: str, after: str) -> bool:
    """The base's glyph ``core`` (found from ``prefix`` on in ``base``) stands between two
    letters or digits, with ``before`` and ``after`` the text around the change."""
    text, at = before + base + after, len(before) + base.find(core, prefix)
    return at > 0 and text[at - 1].isalnum() and text[at + len(core):at + len(core) + 1].isalnum()


def _glyph_match(b: str, r: str) -> str | None:
    """The glyph class both sides belong to (one side may be known OCR debris of it, with a
    speck or two beside it: ``- ©`` for a bullet). A bullet's shape in the OCR against the
    reference's checkbox or dash is a list marker (a word processor's checkbox or dash list
    printed as bullets)."""
    trimmed = b.strip(_SPECK_EDGES)
    if trimmed and trimmed != b and (_GLYPH_OF.get(trimmed) or _DEBRIS_OF.get(trimmed)):
        b = trimmed
    b_class, r_class = _GLYPH_OF.get(b), _GLYPH_OF.get(r)
    if r_class in ("checkbox", "dash") and "bullet" in (b_class, _DEBRIS_OF.get(b)) and b_class != r_class:
        return LIST_MARKER
    if b_class and b_class == r_class:
        return b_class
    if r_class and _DEBRIS_OF.get(b) == r_class:
        return r_class
    if r_class == "bullet" and len(b) == 1 and not b.isalnum() and not b.isspace():
        return r_class  # a bullet stands for nothing else: any one mark in its place is its shape
    if b_class and _DEBRIS_OF.get(r) == b_class:
        return b_class
    return None


def _standard(text: str) -> str:
    return "".join(STANDARD_FORM.get(ch, ch) for ch in text)


def _compatible(b: str, r: str) -> bool:
    """The base's text is the reference's in a compatibility form, in Unicode's own judgement:
    a long s (``ſ`` of ``iſt``), a ligature, a full-width or a letterlike form. Unicode's
    compatibility mappings (NFKC) are the table, for every script and century, with the older
    letterforms it does not map (:data:`~app.tables.HISTORICAL_FORMS`: ``uͤ`` for ``ü``). Only this way
    round: an OCR does not invent an ``ſ``, so the print set that letter so; the other way
    (``m3`` for ``m³``) the OCR may well have flattened the print's form, a misread."""
    return b != r and unicodedata.normalize("NFKC", _HISTORICAL.sub(_modern, b)) == r


#: the :data:`~app.tables.HISTORICAL_FORMS`, longest first
_HISTORICAL = re.compile("|".join(map(re.escape, sorted(HISTORICAL_FORMS, key=len, reverse=True))))


def _modern(match: re.Match[str]) -> str:
    return HISTORICAL_FORMS[match.group()]


# -- OCR ------------------------------------------------------------------------------------

def substitutions(base: str, ref: str) -> tuple[tuple[str, str], ...]:
    """The character substitutions turning ``base`` into ``ref`` as ``(base, ref)`` pairs."""
    return tuple(confusions(base, ref))


@lru_cache(maxsize=1 << 12)
def _explains(wrong: str, right: str) -> Reason | None:
    """Why an OCR engine would read ``right`` as ``wrong``, or None if the tables can't say.
    Memoized: a document's thousand misread words come from a few dozen substitutions."""
    if (wrong, right) in _CONFUSION_PAIRS:
        return because("misread", right=repr(right), wrong=repr(wrong))
    if wrong and without_marks(right) == wrong:
        return because("diacritic_lost", right=repr(right))
    if not wrong.strip() and not right.strip():
        return because("word_split")
    if _all_stray(wrong) and not right or _all_stray(right) and not wrong:
        return because("stray_mark")
    if len(right) == 1 and len(wrong) > 1 and all(_explains(ch, right) for ch in wrong):
        return because("read_as_marks", right=repr(right), count=len(wrong), wrong=repr(wrong))
    if len(wrong) == len(right) > 1:
        parts = [None if w == r else _explains(w, r) for w, r in zip(wrong, right)]
        if all(p or w == r for p, w, r in zip(parts, wrong, right)):
            return because("parts", parts=tuple(p for p in parts if p))
    return None


def _all_stray(text: str) -> bool:
    return bool(text) and all(ch in STRAY_MARKS for ch in text)


def _noisy(wrong: str, right: str) -> bool:
    """A substitution that looks like scan noise (digits or symbols inside a word, accents)."""
    odd = set(wrong + right)
    return any(ch.isdigit() or not ch.isalnum() and not ch.isspace() or without_marks(ch) != ch
               for ch in odd)


def _ocr_or_content(base: str, ref: str, words: Words | None = None) -> Classification:
    subs = substitutions(base, ref)
    reasons = [_explains(w, r) for w, r in subs]
    wordy = (any(ch.isalpha() for ch in base + ref) or _all_stray(base.strip()) and not ref.strip()
             or bool(subs) and all(not (w + r).strip() for w, r in subs))  # a number split by a space
    if subs and all(reasons) and wordy:
        return Classification(Kind.OCR, Suggestion(ACCEPT, because("ocr_explained", parts=tuple(dict.fromkeys(
            r for r in reasons if r)))), 0.8, pattern=subs, reason=because("confusion_table"))
    lexical = _lexical(base, ref, subs, words)
    if lexical is not None:
        return lexical
    unexplained = [s for s, why in zip(subs, reasons) if not why]
    small = sum(len(w) + len(r) for w, r in unexplained) <= max(2, len(ref))
    # letters one edition adds (``små`` before ``företag``) are words, not noise, accents or not
    added = any(_another_run(w, r) for w, r in unexplained)
    if subs and wordy and small and not added and all(_noisy(w, r) for w, r in unexplained) and " " not in ref.strip():
        return Classification(Kind.OCR, Suggestion(ACCEPT, because("ocr_noise")),
                              0.55, pattern=subs, reason=because("noise"))
    return Classification(Kind.CONTENT, None, 0.9, pattern=(), reason=because("different_text"))


def _lexical(base: str, ref: str, subs: tuple[tuple[str, str], ...], words: Words | None) -> Classification | None:
    """The base is not made of words where the reference is, and the two look alike: a misread.

    Two texts that are both words are left to the editor (a genuine edit), whatever they look
    like; the confusion table and the learned channel model speak for the common misreads.
    A base word spelled as the reference spells its words or as the dictionary of the
    document's language does, with a confusion this OCR makes nowhere else, is still judged a
    misread, under its own reason (``word_like``): it may be another form of the reference's
    word, and beside an edit :func:`app.engine._one_edit` makes it part of the edit."""
    if words is None or not words.all_words(ref):
        return None
    if any(_another_run(w, r) or abs(whole_words(w) - whole_words(r)) >= LEXICAL.one_sided_words
           for w, r in subs):
        return None  # no misread makes these runs, however often the document shows them
    strange = words.non_words(base)
    if not strange:
        return _learned(base, ref, subs, words.channel)
    if _another_word(base, ref, words):
        return Classification(Kind.CONTENT, None, 0.9, reason=because("different_text"))
    likeness = _likeness(base, ref)
    if likeness < LEXICAL.min_likeness:
        # too unlike to be read as a misread by looks alone (``_t[`` for ``att``): still one
        # where every difference is a confusion this OCR makes often elsewhere
        return _learned(base, ref, subs, words.channel)
    confidence = round(min(LEXICAL.ceiling, LEXICAL.floor + (likeness - LEXICAL.min_likeness)), 3)
    # still a misread taken alone; beside an edit, part of it (app.engine._one_edit): spelled
    # as the reference spells its words, or as the dictionary of its language does
    # (``beeinflussbar`` against ``beeinflussen``, a reword's last word)
    word_like = words.channel.seen(subs) <= 1 and all(words.word_like(w) or words.spelled(w) for w in strange)
    return Classification(Kind.OCR, Suggestion(ACCEPT, because("ocr_not_a_word", word=repr(strange[0]),
                          reading=repr(ref.strip()))), confidence, pattern=subs,
                          reason=WORD_LIKE if word_like else because("not_a_word"))


def _another_run(wrong: str, right: str) -> bool:
    """A run of the diff that no misread makes: letters one side adds outright, more than
    :attr:`Lexical.one_sided_letters`; or clean letters read for a run more than
    :attr:`Lexical.run_growth` letters longer or shorter (``skalan`` for ``et`` in
    ``Straffskalan`` against ``Straffet``, ``fråga`` for ``e`` in ``frågan`` against ``en``)."""
    if not wrong or not right:
        return sum(ch.isalpha() for ch in wrong + right) > LEXICAL.one_sided_letters
    return wrong.isalpha() and right.isalpha() and abs(len(wrong) - len(right)) > LEXICAL.run_growth


def holds_edit(base: str, ref: str, words: Words) -> bool:
    """The two texts are the mark of a genuine edit, whatever the text around them: words on
    both sides (two different words); whole words in one beyond the other's
    (:attr:`Lexical.one_sided_words`), all words of the document; or one word each side, both
    spelled by the dictionary of the document's language and too unlike to be a misread
    (``liten`` against ``begränsad``: a word the base uses once is no word of the document to
    :meth:`Words.is_word`, lest a real-word misread such as ``bath`` for ``both`` pass for
    one, but a misread looks like its word)."""
    b, r = base.strip(), ref.strip()
    in_base, in_ref = whole_words(b), whole_words(r)
    if abs(in_base - in_ref) >= LEXICAL.one_sided_words:
        return words.all_words(b if in_base > in_ref else r)
    if words.all_words(b) and words.all_words(r):
        return True
    return (b.isalpha() and r.isalpha() and _likeness(b, r) < LEXICAL.min_likeness
            and words.spelled(b) and words.spelled(r))


def whole_words(text: str) -> int:
    """How many words of two letters or more ``text`` holds whole (not a piece of one cut
    off at its ends: ``t. Därtill kommer`` holds two)."""
    return len(_WHOLE_WORD.findall(text))


_WHOLE_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}(?![^\W\d_])")


def _another_word(base: str, ref: str, words: Words) -> bool:
    """The base word, a non-word, is this OCR's misread of a word of the document other than
    the reference's (``novgmber``, ``november`` read with the ``g`` for ``e`` this OCR shows
    fifty times, against ``oktober``): two different words, so a genuine edit under the noise,
    however alike the two look. Not where a reading is the reference's or is near enough to
    it to be its misread still (``Fiille`` is ``Fülle`` or ``Fälle`` to an OCR that reads both
    ``ü`` and ``ä`` as ``ii``; ``ambitionsniv_`` is ``ambitionsnivå``, a letter short of
    ``ambitionsnivån``). One word on each side; a confusion counts from
    :attr:`Lexical.channel_seen` sightings."""
    b, r = base.strip(), _bare(ref.strip()).replace(SOFT_HYPHEN, "").casefold()
    if not b or not r or any(ch.isspace() for ch in b + r):
        return False
    # a reading with a mark left in it is no word (``göra$``: one of two misreads read back)
    forms = {form.casefold() for form in words.channel.repairs(b, LEXICAL.channel_seen) if form.isalpha()}
    return r not in forms and any(
        len(form) >= LEXICAL.other_word_letters and words.is_word(form)
        and Levenshtein.distance(form, r, score_cutoff=Channel.MAX_EDITS + 1) > Channel.MAX_EDITS
        for form in forms)


def _bare(word: str) -> str:
    """``word`` without the marks around it (``-Württembergs``, ``kapitel,``)."""
    return _EDGE_MARKS.sub("", word)


_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")


def _learned(base: str, ref: str, subs: tuple[tuple[str, str], ...], channel: Channel | None) -> Classification | None:
    """Two words, but every difference between them is a confusion this OCR makes often
    elsewhere in the document (``cade`` for ``code`` where it reads ``a`` for ``o`` forty times)."""
    if channel is None or not subs or " " in base.strip() or " " in ref.strip():
        return None
    seen = channel.seen(subs)
    if seen < LEXICAL.channel_seen:
        return None
    confidence = round(min(LEXICAL.ceiling, LEXICAL.floor + 0.05 * math.log2(seen / LEXICAL.channel_seen + 1)), 3)
    return Classification(Kind.OCR, Suggestion(ACCEPT, because("ocr_learned", pattern=pattern_label(subs),
                          count=seen)), confidence, pattern=subs, reason=because("learned_confusion"))


def _debris(base: str, ref: str, before: str, after: str, words: Words | None) -> Classification | None:
    """Scan specks and lost punctuation: marks with no word behind them.

    A base-only run of marks (``=``, ``|``, ``.``, ``«``) with short junk letters at most is
    noise to remove; punctuation the reference has and the base lost is taken back; one mark
    read as another is an OCR misread. A bullet or checkbox in one edition only is not debris:
    it is text (content)."""
    b, r = base.strip(), ref.strip()
    if r and b:
        if _marks_only(b) and _marks_only(r) and not _glyph_text(b + r):
            return Classification(Kind.OCR, Suggestion(ACCEPT, because("ocr_punctuation", right=repr(r),
                                  wrong=repr(b))), 0.7, pattern=((b, r),), reason=because("punctuation_misread"))
        return None
    if r:
        if _marks_only(r) and not _glyph_text(r) and all(unicodedata.category(ch)[0] == "P" for ch in r):
            return Classification(Kind.OCR, Suggestion(ACCEPT, because("ocr_lost_mark", mark=repr(r))), 0.6,
                                  pattern=(("", r),), reason=because("lost_punctuation"))
        return None
    if not b or not _specks(b, words):
        return None
    alone = (not before or before.isspace() or base[:1].isspace()) and (not after or after.isspace() or base[-1:].isspace())
    target = Suggestion.toward(clean_whitespace(ref) if "\n" in ref else ref, base, ref,
                     because("specks_removed", specks=repr(b)))
    lettered = any(ch.isalpha() for ch in b)
    confidence = (0.9 if alone else 0.7) - (0.2 if lettered else 0.0)
    return Classification(Kind.OCR, target, confidence, pattern=((b, ""),), reason=because("specks"))


def _specks(text: str, words: Words | None) -> bool:
    """Marks, maybe with short junk letters, and no word of three letters or more; or a few
    letters standing alone (a speck read as ``i``, ``l``, ``oo``)."""
    if _glyph_text(text):
        return False
    tokens = re.findall(r"[^\W\d_]+", text)
    marks = sum(1 for ch in text if not ch.isalnum() and not ch.isspace())
    if not marks:
        return 0 < len(tokens) <= SPECK_LETTERS[0] and all(len(t) <= SPECK_LETTERS[1] for t in tokens)
    if marks * 3 < sum(1 for ch in text if not ch.isspace()):
        return False
    return all(len(t) <= 2 or words is not None and not words.is_word(t) for t in tokens)


def _marks_only(text: str) -> bool:
    return bool(text) and not any(ch.isalnum() for ch in text)


def _glyph_text(text: str) -> bool:
    """Holds a bullet or checkbox glyph: text of its own, never debris."""
    return any(_GLYPH_OF.get(ch) in ("bullet", "checkbox") for ch in text)


def _likeness(base: str, ref: str) -> float:
    """How alike two texts look, 0..1, once case and diacritics are folded away."""
    return Levenshtein.normalized_similarity(without_marks(base.casefold()), without_marks(ref.casefold()))


# -- learning from the document ---------------------------------------------------------------

def reinforced_confidences(changes: Sequence[Change]) -> list[float]:
    """Each change's confidence once the document has taught: an OCR change's rises by how
    often its confusions recur in this pair (the others keep theirs)."""
    ocr = compress(changes, map(Kind.OCR.__eq__, map(_KIND, changes)))
    counts: Counter[tuple[str, str]] = Counter(chain.from_iterable(map(_PATTERN, ocr)))

    def raised(judged: tuple[Kind, tuple[tuple[str, str], ...], float]) -> float:
        kind, pattern, confidence = judged
        if kind is not Kind.OCR or not pattern:
            return confidence
        seen = min(counts[p] for p in pattern)
        boost = 0.05 * math.log2(seen) if seen > 1 else 0.0
        return round(min(0.99, confidence + boost), 3)

    # a report repeats its misreads: each (kind, pattern, confidence) is reckoned once, and
    # every change is looked up in C
    return list(map(Memo(raised).__getitem__, map(_JUDGED, changes)))


_KIND, _PATTERN = attrgetter("kind"), attrgetter("pattern")
_JUDGED = attrgetter("kind", "pattern", "confidence")


def pattern_label(pattern: Iterable[tuple[str, str]]) -> str:
    """How a confusion pattern reads in the UI and CLI: ``a→ä, 6→ö``."""
    return ", ".join(f"{w or '∅'}→{r or '∅'}" for w, r in pattern)


# -- helpers ----------------------------------------------------------------------------------

def _cores(base: str, ref: str) -> tuple[int, str, str]:
    """Where the two texts start to differ, and what differs in each, blank space at its ends
    taken off (the typography and the split-word judges read the same stretch)."""
    prefix = _common_prefix(base, ref)
    suffix = _common_suffix(base[prefix:], ref[prefix:])
    return prefix, base[prefix:len(base) - suffix].strip(), ref[prefix:len(ref) - suffix].strip()


def _common_prefix(a: str, b: str) -> int:
    """How many characters the two texts begin with alike (counted in C by rapidfuzz: a loop
    in Python over every hunk's texts was 6 % of the sample's judging)."""
    return Prefix.similarity(a, b)


def _common_suffix(a: str, b: str) -> int:
    """How many characters the two texts end with alike."""
    return Postfix.similarity(a, b)
