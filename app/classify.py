"""Say what kind each difference is, what to do about it, and how sure we are.

Entry points: :func:`classify` for one hunk (pure, cheap, needs only the two texts and the
characters around the base side), and :func:`reinforced_confidences`, which lets the document teach
itself: an OCR confusion confirmed many times in one pair raises the confidence of its
other occurrences. The order of the tests in :func:`classify` is the policy:

1. whitespace only -> ``layout`` (and page furniture, end-of-line hyphenation);
2. the numbers guard: a standalone number that differs -> ``content``, before any OCR
   explanation is tried (a footnote number read as debris is the one exception);
3. the same text in other glyphs -> ``typography``;
4. every character substitution explained by the OCR tables -> ``ocr``;
5. anything else -> ``content``, with no suggestion: the editor decides.

Imports: the standard library, :mod:`app.model`, :mod:`app.tables`, :mod:`app.align`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.align import char_diff
from app.model import ACCEPT, REJECT, Change, Decision, Kind, Suggestion, Verdict
from app.tables import (
    FOOTNOTE_DEBRIS,
    GLYPH_CLASSES,
    OCR_CONFUSIONS,
    PAGE_FURNITURE_PATTERNS,
    STANDARD_FORM,
    STRAY_MARKS,
)

_NUMBER = re.compile(r"(?<!\w)\d+(?:[.,:/-]\d+)*(?!\w)")
_MARKER = re.compile(r"(?<=[^\s\d])(\d{1,3})([.,;:)]?)$")
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in PAGE_FURNITURE_PATTERNS))
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+(?=\n)")
_BLANK_RUN = re.compile(r"\n[ \t\n]*\n")
_CONFUSION_PAIRS = frozenset((wrong, right) for right, wrongs in OCR_CONFUSIONS.items() for wrong in wrongs)
_GLYPH_OF = {ch: name for name, (glyphs, _debris) in GLYPH_CLASSES.items() for ch in glyphs}
_SPACE_GLYPHS = GLYPH_CLASSES["space"][0] - {" "}
_DEBRIS_OF = {d: name for name, (_glyphs, debris) in GLYPH_CLASSES.items() for d in debris}


@dataclass(frozen=True, slots=True)
class Classification:
    """The classification of one hunk (everything a :class:`Change` needs but its place)."""

    kind: Kind
    suggestion: Suggestion | None
    confidence: float
    pattern: tuple[tuple[str, str], ...] = ()
    reason: str = ""
    touches_number: bool = False


@lru_cache(maxsize=1 << 16)
def classify(base: str, ref: str, before: str = "\n", after: str = "\n") -> Classification:
    """Classify the hunk ``base`` -> ``ref``; ``before``/``after`` are the base's neighbours.

    Pure, so cached: a report repeats its misreads (``for`` -> ``för``) hundreds of times.
    """
    if not base.strip() and not ref.strip():
        if base.count("\n") == ref.count("\n") and _odd_spaces(base + ref):
            return _space_glyphs(base, ref)
        return _layout_whitespace(base, ref)
    furniture = _page_furniture(base, ref, before, after)
    if furniture is not None:
        return furniture
    if _dehyphenated(base) == ref:
        return Classification(Kind.LAYOUT, Suggestion(REJECT, "end-of-line hyphen from the print; "
                              "keep the printed line break (reflowed export joins it)"), 0.9,
                              reason="hyphenation")
    footnote = _footnote(base, ref, before)
    if footnote is not None:
        return footnote
    if _numbers(base) != _numbers(ref):
        return Classification(Kind.CONTENT, None, 0.95, reason="a number differs", touches_number=True)
    typo = _typography(base, ref)
    if typo is not None:
        return typo
    return _ocr_or_content(base, ref)


# -- layout -------------------------------------------------------------------------------

def clean_whitespace(text: str) -> str:
    """Whitespace as ProofPair writes it: no trailing spaces, at most one blank line."""
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUN.sub("\n\n", text)


def _layout_whitespace(base: str, ref: str) -> Classification:
    target = clean_whitespace(base)
    if "\n" not in base and "\n" in ref:
        target = base  # the print's lines rule; the digital edition's break is not followed
    what = "line break" if ("\n" in base) != ("\n" in ref) else "spacing"
    if "\n" in base and base.count("\n") != ref.count("\n"):
        what = "blank lines"
    if _TRAILING_SPACE.search(base + "\n") or _TRAILING_SPACE.search(ref + "\n"):
        what = "trailing spaces"
    return Classification(Kind.LAYOUT, _toward(target, base, ref, f"{what}: keep the base's line "
                          "breaks, drop trailing spaces and extra blank lines"), 0.99, reason=what)


def _odd_spaces(text: str) -> bool:
    return any(ch in _SPACE_GLYPHS for ch in text)


def _space_glyphs(base: str, ref: str) -> Classification:
    """A no-break or thin space against a plain one: typography, not layout."""
    target = "".join(" " if ch in _SPACE_GLYPHS and ch not in "\u00a0\u202f" else ch for ch in ref)
    return Classification(Kind.TYPOGRAPHY, _toward(target, base, ref, "space glyph: keep no-break "
                          "spaces, plain spaces otherwise"), 0.95, pattern=((base, ref),), reason="space")


def _page_furniture(base: str, ref: str, before: str, after: str) -> Classification | None:
    """A line only the print has (page number, ``SID 3``, running head)."""
    if ref.strip() or not (before in ("", "\n") or base.startswith("\n")):
        return None
    lines = [line.strip() for line in base.split("\n") if line.strip()]
    if lines and all(_FURNITURE.fullmatch(line) for line in lines):
        target = clean_whitespace(ref) if "\n" in ref or not ref else ref
        return Classification(Kind.LAYOUT, _toward(target, base, ref, "page furniture of the "
                              "print: remove it"), 0.9, reason="page furniture")
    return None


def _dehyphenated(base: str) -> str | None:
    if "-\n" not in base:
        return None
    return re.sub(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)", "", base)


# -- numbers and footnotes ----------------------------------------------------------------

def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def _footnote(base: str, ref: str, before: str) -> Classification | None:
    """A footnote number (raised after a word, or leading a footnote line) read as debris.

    The words the marker hangs on may carry OCR errors of their own; they are classified as
    usual and the marker joins their pattern.
    """
    marker = _MARKER.search(ref)
    if marker is None and (before in ("", "\n") or not before.isspace()):
        marker = re.fullmatch(r"(\d{1,3})()", ref)  # the hunk starts right at the marker
    if marker is None or any(ch.isdigit() for ch in base):
        return None
    body_r = ref[: marker.start()]
    body_b = base.rstrip(".,;:)")
    cut = len(body_b)
    while cut > 0 and _is_debris(body_b[cut - 1]):
        cut -= 1
    debris, body_b = body_b[cut:], body_b[:cut]
    if not debris and not body_r and len(body_b) == 1:
        debris, body_b = body_b, ""  # one letter where a lone number stood: X or L for 1
    if not debris:
        return None
    pattern = ((debris, marker.group(1)),)
    why = f"footnote number {marker.group(1)} read as {debris!r}"
    if body_b != body_r:
        rest = _ocr_or_content(body_b, body_r)
        if rest.kind is not Kind.OCR:
            return None
        pattern = rest.pattern + pattern
        why = f"{rest.suggestion.reason if rest.suggestion else ''}; {why}"
    return Classification(Kind.OCR, Suggestion(ACCEPT, why), 0.75, pattern=pattern, reason="footnote number")


def _is_debris(ch: str) -> bool:
    return ch in FOOTNOTE_DEBRIS or not (ch.isalnum() or ch.isspace() or ch in ".,;:")


# -- typography -----------------------------------------------------------------------------

def _typography(base: str, ref: str) -> Classification | None:
    """The same text in other glyphs: quotes, dashes, bullets, checkboxes, ligatures, spaces."""
    prefix = _common_prefix(base, ref)
    suffix = _common_suffix(base[prefix:], ref[prefix:])
    b_core = base[prefix:len(base) - suffix].strip()
    r_core = ref[prefix:len(ref) - suffix].strip()
    if not b_core and not r_core:
        return None  # only a space inside a word moved: a split word, not a glyph
    name = _glyph_match(b_core, r_core)
    if name is None and _standard(b_core) == _standard(r_core):
        name = "ligature or private-use glyph"
    if name is None:
        return None
    standard = _standard(ref)
    return Classification(Kind.TYPOGRAPHY, _toward(standard, base, ref, f"{name}: use the "
                          "standard Unicode form"), 0.95, pattern=((b_core, r_core),), reason=name)


def _glyph_match(b: str, r: str) -> str | None:
    """The glyph class both sides belong to (one side may be known OCR debris of it)."""
    b_class, r_class = _GLYPH_OF.get(b), _GLYPH_OF.get(r)
    if b_class and b_class == r_class:
        return b_class
    if r_class and (_DEBRIS_OF.get(b) == r_class or b == ""):
        return r_class
    if b_class and _DEBRIS_OF.get(r) == b_class:
        return b_class
    return None


def _standard(text: str) -> str:
    return "".join(STANDARD_FORM.get(ch, ch) for ch in text)


# -- OCR ------------------------------------------------------------------------------------

def substitutions(base: str, ref: str) -> tuple[tuple[str, str], ...]:
    """The character substitutions turning ``base`` into ``ref`` as ``(base, ref)`` pairs."""
    pairs: list[tuple[str, str]] = []
    pending_del = pending_ins = ""
    for op, text in char_diff(base, ref) + [(0, "")]:
        if op < 0:
            pending_del += text
        elif op > 0:
            pending_ins += text
        elif pending_del or pending_ins:
            pairs.append((pending_del, pending_ins))
            pending_del = pending_ins = ""
    return tuple(pairs)


def _explains(wrong: str, right: str) -> str | None:
    """Why an OCR engine would read ``right`` as ``wrong``, or None if the tables can't say."""
    if (wrong, right) in _CONFUSION_PAIRS:
        return f"{right!r} misread as {wrong!r}"
    if wrong and _strip_marks(right) == wrong:
        return f"diacritic lost on {right!r}"
    if not wrong.strip() and not right.strip():
        return "word split or joined"
    if _all_stray(wrong) and not right or _all_stray(right) and not wrong:
        return "stray mark"
    if len(right) == 1 and len(wrong) > 1 and all(_explains(ch, right) for ch in wrong):
        return f"{right!r} read as {len(wrong)} marks {wrong!r}"
    if len(wrong) == len(right) > 1:
        parts = [None if w == r else _explains(w, r) for w, r in zip(wrong, right)]
        if all(p or w == r for p, w, r in zip(parts, wrong, right)):
            return "; ".join(p for p in parts if p)
    return None


def _all_stray(text: str) -> bool:
    return bool(text) and all(ch in STRAY_MARKS for ch in text)


def _noisy(wrong: str, right: str) -> bool:
    """A substitution that looks like scan noise (digits or symbols inside a word, accents)."""
    odd = set(wrong + right)
    return any(ch.isdigit() or not ch.isalnum() and not ch.isspace() or _strip_marks(ch) != ch
               for ch in odd)


def _ocr_or_content(base: str, ref: str) -> Classification:
    subs = substitutions(base, ref)
    reasons = [_explains(w, r) for w, r in subs]
    wordy = any(ch.isalpha() for ch in base + ref) or _all_stray(base.strip()) and not ref.strip()
    if subs and all(reasons) and wordy:
        return Classification(Kind.OCR, Suggestion(ACCEPT, "OCR: " + "; ".join(dict.fromkeys(
            r for r in reasons if r))), 0.8, pattern=subs, reason="confusion table")
    unexplained = [s for s, why in zip(subs, reasons) if not why]
    small = sum(len(w) + len(r) for w, r in unexplained) <= max(2, len(ref))
    if subs and wordy and small and all(_noisy(w, r) for w, r in unexplained) and " " not in ref.strip():
        return Classification(Kind.OCR, Suggestion(ACCEPT, "OCR noise inside a word: take the "
                              "reference reading"), 0.55, pattern=subs, reason="noise")
    return Classification(Kind.CONTENT, None, 0.9, pattern=(), reason="different text")


# -- learning from the document ---------------------------------------------------------------

def reinforced_confidences(changes: Sequence[Change]) -> list[float]:
    """Each change's confidence once the document has taught: an OCR change's rises by how
    often its confusions recur in this pair (the others keep theirs)."""
    counts: Counter[tuple[str, str]] = Counter(p for c in changes if c.kind is Kind.OCR for p in c.pattern)
    out: list[float] = []
    for change in changes:
        confidence = change.confidence
        if change.kind is Kind.OCR and change.pattern:
            seen = min(counts[p] for p in change.pattern)
            boost = 0.05 * math.log2(seen) if seen > 1 else 0.0
            confidence = round(min(0.99, change.confidence + boost), 3)
        out.append(confidence)
    return out


def pattern_label(pattern: Iterable[tuple[str, str]]) -> str:
    """How a confusion pattern reads in the UI and CLI: ``a→ä, 6→ö``."""
    return ", ".join(f"{w or '∅'}→{r or '∅'}" for w, r in pattern)


# -- helpers ----------------------------------------------------------------------------------

def _toward(target: str, base: str, ref: str, reason: str) -> Suggestion:
    """The suggestion that turns the change into ``target``: reject, accept, or an edit."""
    if target == base:
        return Suggestion(REJECT, reason)
    if target == ref:
        return Suggestion(ACCEPT, reason)
    return Suggestion(Decision(Verdict.EDITED, target), reason)


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
