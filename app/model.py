"""The value types that flow through ProofPair's core.

Data flows one way: files -> :class:`Edition` -> :class:`SectionPair` -> :class:`Change`
-> :class:`Decision` -> canonical text. Every type here is immutable and hashable so that
"what changed after a re-diff" is a set difference and a value can be shared between threads
without locks. Offsets are code points into an edition's normalized text (``Edition.text``);
the Qt layer converts to UTF-16 at one place of its own.

Imports: the standard library only.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.reasons import Reason


#: The bidirectional control characters, by their Unicode abbreviations. Invisible in text,
#: they reorder what follows (an RLO shows ``abc`` as ``cba``): the window shows them, and a
#: change that adds or removes one is never bulk-accepted (:attr:`Change.bulk_safe`).
BIDI_CONTROLS = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
}


def bidi_controls(text: str) -> list[str]:
    """The bidirectional control characters in ``text``, by name, in order."""
    return [BIDI_CONTROLS[ch] for ch in text if ch in BIDI_CONTROLS]


class Kind(enum.StrEnum):
    """What sort of difference a change is; ordered from least to most important."""

    LAYOUT = "layout"
    TYPOGRAPHY = "typography"
    OCR = "ocr"
    CONTENT = "content"


class Verdict(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"  # take the reference text
    REJECTED = "rejected"  # keep the base text
    EDITED = "edited"  # take Decision.text


class Role(enum.StrEnum):
    BASE = "base"
    REFERENCE = "reference"


class _SpanFields:
    """A :class:`Span`'s storage, writable while the span is made (see :class:`_ChangeFields`)."""

    __slots__ = ("start", "end")


@dataclass(frozen=True, init=False)
class Span(_SpanFields):
    """A half-open range ``[start, end)`` of code points."""

    __slots__ = ()
    start: int
    end: int

    def __new__(cls, start: int, end: int) -> Span:
        if not 0 <= start <= end:
            raise ValueError(f"bad span {start}..{end}")
        self = object.__new__(_SpanFields)
        self.start = start
        self.end = end
        self.__class__ = cls  # type: ignore[assignment]  # see _ChangeFields
        return self  # type: ignore[return-value]

    def __len__(self) -> int:
        return self.end - self.start

    def __reduce__(self) -> tuple:
        return Span, (self.start, self.end)  # see Change.__reduce__

    def shifted(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Decision:
    """An editor's (or a suggestion's) verdict on one change; ``text`` only for EDITED."""

    verdict: Verdict
    text: str | None = None

    def __post_init__(self) -> None:
        if (self.verdict is Verdict.EDITED) != (self.text is not None):
            raise ValueError("an edited decision needs its text, and only it")


class Source(enum.StrEnum):
    """Who or what made a decision (a decision's :class:`Provenance`)."""

    HAND = "hand"  # the editor, on one change: a key, a button, an edit
    BULK = "bulk"  # a bulk action in the window, over a filter
    CLI = "cli"  # ``proofpair apply`` on the command line
    REATTACH = "reattach"  # a saved decision placed again after the editions changed
    UNRECORDED = "unrecorded"  # saved by a ProofPair that did not record provenance


@dataclass(frozen=True, slots=True)
class Provenance:
    """How and when a decision was made.

    ``action`` names what did it (``"key"``, ``"button"``, ``"edit"`` by hand; the bulk
    action's name; ``"apply --accept ocr"``); ``filter`` is the scope a bulk action took
    (``"section 2.1; confidence >= 0.9"``); ``at`` is an ISO 8601 UTC time, stamped by
    :meth:`app.review.Review.decide` when empty.
    """

    source: Source
    action: str = ""
    filter: str = ""
    at: str = ""

    def same_as(self, other: Provenance | None) -> bool:
        """The same origin, whenever it happened (a second identical keypress changes nothing)."""
        return other is not None and (self.source, self.action, self.filter) == (other.source, other.action,
                                                                                  other.filter)

    @property
    def by_hand(self) -> bool:
        return self.source is Source.HAND


BY_KEY = Provenance(Source.HAND, "key")
UNRECORDED = Provenance(Source.UNRECORDED)

PENDING = Decision(Verdict.PENDING)
ACCEPT = Decision(Verdict.ACCEPTED)
REJECT = Decision(Verdict.REJECTED)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the engine proposes, and why, in words an editor can check (a template and its
    arguments, :mod:`app.reasons`; as a string, the English sentence)."""

    decision: Decision
    reason: Reason

    @classmethod
    def toward(cls, target: str, base: str, reference: str, reason: Reason) -> Suggestion:
        """The suggestion that turns a change of ``base`` into ``reference`` into ``target``:
        reject, accept, or an edit."""
        if target == base:
            return cls(REJECT, reason)
        if target == reference:
            return cls(ACCEPT, reason)
        return cls(Decision(Verdict.EDITED, target), reason)


@dataclass(frozen=True, slots=True)
class WordBox:
    """Where one word of an edition stands on a page image.

    ``start``/``end``: the word's span in ``Edition.text`` (code points); ``page``: 0-based
    index into :attr:`Geometry.pages`; ``box``: ``(x0, y0, x1, y1)`` in pixels of that page
    image; ``confidence``: the OCR engine's word confidence 0..1, None where not given.
    """

    start: int
    end: int
    page: int
    box: tuple[int, int, int, int]
    confidence: float | None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end or self.page < 0:
            raise ValueError(f"bad word box span {self.start}..{self.end} on page {self.page}")
        x0, y0, x1, y1 = self.box
        if x1 < x0 or y1 < y0:
            raise ValueError(f"bad word box {self.box}")
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError("a word confidence is a probability")

    def __reduce__(self) -> tuple:
        return WordBox, (self.start, self.end, self.page, self.box, self.confidence)  # see Change.__reduce__


@dataclass(frozen=True, slots=True)
class PageImage:
    """One page the boxes refer to: the file holding its image, the page's index within
    that file (PDF, multi-page TIFF; 0 for a single image), and the pixel size of the
    page as the boxes measure it (:func:`app.formats.render.render_page` at scale 1)."""

    source: Path
    index: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Geometry:
    """An edition's geometry layer: its words' boxes in text order, and its pages."""

    words: tuple[WordBox, ...]
    pages: tuple[PageImage, ...]
    _starts: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False, hash=False)
    #: whether the OCR engine gave any word a confidence (hOCR, ALTO, PAGE; never a PDF's text)
    has_confidences: bool = field(default=False, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "has_confidences", any(w.confidence is not None for w in self.words))
        starts = tuple(w.start for w in self.words)
        if any(a > b for a, b in zip(starts, starts[1:])):
            raise ValueError("word boxes must be in text order")
        if any(w.page >= len(self.pages) for w in self.words):
            raise ValueError("a word box names a page the geometry does not have")
        object.__setattr__(self, "_starts", starts)

    def __reduce__(self) -> tuple:
        return Geometry, (self.words, self.pages)

    def words_in(self, start: int, end: int) -> tuple[WordBox, ...]:
        """The words overlapping ``[start, end)`` (an empty range: the word holding ``start``)."""
        end = max(end, start + 1)
        lo = max(bisect_right(self._starts, start) - 1, 0)
        hi = bisect_left(self._starts, end)
        return tuple(w for w in self.words[lo:hi] if w.end > start)

    def lowest_confidence(self, start: int, end: int) -> float | None:
        """The OCR engine's lowest word confidence over ``[start, end)`` (as :meth:`words_in`
        finds the words), or None where no word there has one: how sure the OCR itself was
        of the text under a change's base span."""
        known = [w.confidence for w in self.words_in(start, end) if w.confidence is not None]
        return min(known) if known else None


@dataclass(frozen=True, slots=True)
class Edition:
    """One loaded edition: its normalized text plus what is needed to give the file back.

    ``text`` has ``\\n`` newlines and is NFC. ``nfc_patches`` records each stretch that NFC
    rewrote as ``(start, end, original)`` in normalized offsets, so that text kept from this
    edition can be written out exactly as the file had it, mixed line endings included
    (see :mod:`app.loading`). ``geometry`` places the words on page images where the format
    tells (OCR, PDF); ``source_format`` names the reader that made the edition (:mod:`app.formats`);
    ``headings`` are the headings its structure marks (:mod:`app.sections` takes them when the
    text numbers too few).
    """

    path: Path
    text: str
    encoding: str
    sha256: str
    had_bom: bool = False
    newline: str = "\n"
    nfc_patches: tuple[tuple[int, int, str], ...] = ()
    #: What the user must be told about how the file was read (a legacy charset, bytes
    #: shown as U+FFFD), one sentence each, naming the file.
    notes: tuple[str, ...] = ()
    geometry: Geometry | None = None
    source_format: str = "text"
    #: The headings the file's structure marks (Word's heading styles), in text order, with
    #: no number (the text shows any); empty where the format has no such structure.
    headings: tuple[Heading, ...] = ()

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading found in one edition.

    ``number`` is the normalized dotted number without a trailing dot (``"1"``, ``"2.3.1"``);
    ``span`` covers the heading's text including a title wrapped onto the next line.
    """

    number: str
    title: str
    span: Span

    @property
    def level(self) -> int:
        return self.number.count(".") + 1 if self.number else 0


@dataclass(frozen=True, slots=True)
class SectionPair:
    """One section of the report as it stands in both editions.

    The pairs of a comparison are in document order and tile both texts with no gap or
    overlap, so changes can be computed per pair and offsets simply shifted. A section found
    in one edition only has an empty span in the other (at the place it would stand).
    ``key`` is stable across reloads (the number, made unique if a number repeats).
    """

    key: str
    number: str
    title: str
    base: Span
    reference: Span
    base_heading: Heading | None = None
    reference_heading: Heading | None = None

    @property
    def level(self) -> int:
        return self.number.count(".") + 1 if self.number else 0

    @property
    def only_in(self) -> Role | None:
        if self.base_heading is None and self.reference_heading is not None:
            return Role.REFERENCE
        if self.reference_heading is None and self.base_heading is not None:
            return Role.BASE
        return None

    @property
    def parent_number(self) -> str:
        return self.number.rpartition(".")[0]


class _ChangeFields:
    """A :class:`Change`'s storage, writable while the change is made.

    :class:`Change` and :class:`Span` are made this way: each is filled in as its writable
    twin (a plain class with the same slots) and then turned into the frozen dataclass, which
    adds no slot of its own (``__slots__ = ()``), so the two share one layout. A frozen
    dataclass's own ``__init__`` stores every field through ``object.__setattr__``: a change
    cost 2.2 µs that way against 0.5 µs this way, and the 100x sample makes 570,000 changes
    and 1.1 million spans. The dataclass still gives the fields, equality, hashing, ``repr``
    and the ``FrozenInstanceError``; the fields' defaults are those of ``__new__``."""

    __slots__ = ("id", "section", "base", "reference", "base_text", "reference_text", "kind", "suggestion",
                 "confidence", "pattern", "reason", "touches_number")


@dataclass(frozen=True, init=False)
class Change(_ChangeFields):
    """One difference between the editions, with its kind, suggestion and confidence.

    ``pattern`` lists the character substitutions inside the change as ``(base, reference)``
    pairs (``("a", "ä")``); it keys bulk decisions "by confusion pattern". ``reason`` names
    why it is of its kind (an :class:`app.reasons.Reason`: ``different text``). ``id`` is stable:
    the same change in the same section gets the same id when the pair is reloaded.
    """

    __slots__ = ()
    id: str
    section: str
    base: Span
    reference: Span
    base_text: str
    reference_text: str
    kind: Kind
    suggestion: Suggestion | None
    confidence: float
    pattern: tuple[tuple[str, str], ...]
    reason: Reason | str
    touches_number: bool

    def __new__(cls, id: str, section: str, base: Span, reference: Span, base_text: str,  # noqa: A002
                reference_text: str, kind: Kind, suggestion: Suggestion | None, confidence: float,
                pattern: tuple[tuple[str, str], ...] = (), reason: Reason | str = "",
                touches_number: bool = False) -> Change:
        if base_text == reference_text:
            raise ValueError("a change needs two different texts")
        # the spans' lengths without Span.__len__ calls
        if base.end - base.start != len(base_text) or reference.end - reference.start != len(reference_text):
            raise ValueError("span and text lengths disagree")
        if not 0.0 <= confidence <= 1.0:
            raise ValueError("confidence is a probability")
        self = object.__new__(_ChangeFields)
        (self.id, self.section, self.base, self.reference, self.base_text, self.reference_text, self.kind,
         self.suggestion, self.confidence, self.pattern, self.reason, self.touches_number) = (
            id, section, base, reference, base_text, reference_text, kind, suggestion, confidence, pattern, reason,
            touches_number)
        self.__class__ = cls  # type: ignore[assignment]  # see _ChangeFields
        return self  # type: ignore[return-value]

    def with_confidence(self, confidence: float) -> Change:
        """This change with the confidence the whole document taught. Through the constructor:
        ``dataclasses.replace`` looks the fields up again for every copy, and a long report
        makes 300,000 of them."""
        return Change(self.id, self.section, self.base, self.reference, self.base_text, self.reference_text,
                      self.kind, self.suggestion, confidence, self.pattern, self.reason, self.touches_number)

    def __reduce__(self) -> tuple:
        """Pickle through the constructor: the window takes 332,500 changes from the comparing
        process, and this unpickles in half the time of the slots dataclasses' default
        ``__setstate__`` (which looks the fields up again for every object), validated too."""
        return Change, (self.id, self.section, self.base, self.reference, self.base_text, self.reference_text,
                        self.kind, self.suggestion, self.confidence, self.pattern, self.reason,
                        self.touches_number)

    def final_text(self, decision: Decision) -> str:
        """The text this change contributes to the canonical text under ``decision``."""
        if decision.verdict is Verdict.ACCEPTED:
            return self.reference_text
        if decision.verdict is Verdict.EDITED:
            assert decision.text is not None
            return decision.text
        return self.base_text

    @property
    def bulk_safe(self) -> bool:
        """Whether a bulk accept may include this change: never content, never a number,
        never one that adds or removes a bidirectional control character."""
        return self.kind is not Kind.CONTENT and not self.touches_number and not self.changes_bidi

    @property
    def changes_bidi(self) -> bool:
        """Whether the two texts differ in their bidirectional control characters."""
        return bidi_controls(self.base_text) != bidi_controls(self.reference_text)


def settle_confidences(changes: Sequence[Change], positions: Iterable[int], confidences: Iterable[float]) -> None:
    """Give ``changes[p]`` the confidence the whole document taught, for each position ``p``,
    in place: only for changes that a comparison has just made and shared with nobody (their
    hash and equality change with it). Bounds checked as the constructor checks them."""
    set_confidence = _ChangeFields.confidence.__set__  # the slot itself, under the frozen class
    for position, confidence in zip(positions, confidences):
        if not 0.0 <= confidence <= 1.0:
            raise ValueError("confidence is a probability")
        set_confidence(changes[position], confidence)


_ID = attrgetter("id")


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two editions, their aligned sections and every change between them."""

    base: Edition
    reference: Edition
    sections: tuple[SectionPair, ...]
    changes: tuple[Change, ...]
    warnings: tuple[str, ...] = ()
    similarity: float = 1.0
    by_id: dict[str, Change] = field(default_factory=dict, compare=False, hash=False)
    #: the OCR channel model the changes were judged with, as ``(base, reference, count)``
    #: rows (:meth:`app.judge.channel.Channel.rows`): a session keeps it, so a reopen judges alike
    #: (None while a streamed comparison has not reached its end)
    channel: tuple[tuple[str, str, int], ...] | None = None

    def __post_init__(self) -> None:
        if not self.by_id:  # keyed in C: a generator of pairs was 2 % of the 100x sample's time
            self.by_id.update(zip(map(_ID, self.changes), self.changes))
