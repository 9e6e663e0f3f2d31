"""The review state: a decision per change, and the canonical text they produce.

Entry point: :class:`Review`. Its one mutation is :meth:`Review.decide`; a keypress, a
button, a bulk action, an undo and the CLI all go through it, each saying how with a
:class:`~app.model.Provenance` (by hand, which bulk action, the CLI, a re-attach; stamped
with the time), and it returns a :class:`DecisionsChanged` saying exactly which changes and
sections moved so a view can refresh only those. Selections (:meth:`Review.select`) and bulk plans
(:meth:`Review.suggested_decisions`) are pure queries; applying them is one ``decide``.

The canonical text is the base edition with accepted and edited changes applied. It is
kept per section, so a decision costs one section's rebuild, not the whole document's.

Imports: the standard library, :mod:`app.model`, :mod:`app.loading`, :mod:`app.feedback`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from itertools import filterfalse, groupby
from operator import attrgetter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.loading import original_text
from app.model import (ACCEPT, PENDING, UNRECORDED, Change, Comparison, Decision, Kind, Provenance, SectionPair,
                       Source, Verdict)

if TYPE_CHECKING:
    from app.engine import Ending
    from app.feedback import Feedback, Learned


@dataclass(frozen=True, slots=True)
class DecisionsChanged:
    """What one :meth:`Review.decide` call did: ``before``/``after`` per change it altered,
    and the provenance each had before and has now (None for a pending change)."""

    before: Mapping[str, Decision]
    after: Mapping[str, Decision]
    sections: frozenset[str] = frozenset()
    provenance_before: Mapping[str, Provenance | None] = field(default_factory=dict)
    provenance_after: Mapping[str, Provenance | None] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return list(self.after)

    def __len__(self) -> int:
        return len(self.after)


@dataclass(frozen=True, slots=True)
class Counts:
    """Review progress over some set of changes."""

    pending: int = 0
    accepted: int = 0
    rejected: int = 0
    edited: int = 0

    @property
    def total(self) -> int:
        return self.pending + self.accepted + self.rejected + self.edited

    by_hand: int = 0  # decided by the editor, one change at a time
    in_bulk: int = 0  # decided by a bulk action or ``proofpair apply``

    @property
    def reviewed_share(self) -> float:
        return 1.0 if not self.total else (self.total - self.pending) / self.total

    @property
    def other(self) -> int:
        """Decided, but neither by hand nor in bulk: re-attached, or saved before provenance."""
        return self.total - self.pending - self.by_hand - self.in_bulk


#: The sources that count as "in bulk" in :class:`Counts`.
BULK_SOURCES = frozenset({Source.BULK, Source.CLI})


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a change landed in the canonical text (for marking decided spots)."""

    start: int
    end: int
    change_id: str
    verdict: Verdict


class _SectionCache:
    """A section's canonical text, where each of its changes starts in it, and the marks
    (built when asked: a keypress patches ``text`` and ``starts`` and drops ``marks``).
    A plain class with slots: nothing compares or prints one, and its dataclass's methods
    were compiled at every import (the whole ``compare --json`` of the sample: 1,537.3 ->
    1,532.9 M instructions)."""

    __slots__ = ("text", "starts", "marks")

    def __init__(self) -> None:
        self.text: str | None = None
        self.starts: list[int] = []
        self.marks: list[Mark] | None = None


_SECTION, _ID = attrgetter("section"), attrgetter("id")

#: A decide() touching more of one section's changes than this rebuilds its text instead of
#: patching it change by change (each patch copies the section's text once).
PATCH_AT_MOST = 8


class Review:
    """Decisions over one :class:`~app.model.Comparison`."""

    def __init__(self, comparison: Comparison, decisions: Mapping[str, Decision] | None = None,
                 provenance: Provenance | Mapping[str, Provenance | None] = UNRECORDED) -> None:
        self._comparison = comparison
        self._by_id = comparison.by_id
        self._section_list: list[SectionPair] = []
        self._change_list: list[Change] = []
        self._stale = False  # extend() appended to the lists; the tuples are rebuilt when asked
        self._decisions: dict[str, Decision] = {}
        self._provenance: dict[str, Provenance] = {}  # of every non-pending decision
        self._sources: Counter[Source] = Counter()  # the same, counted (kept by decide())
        self._by_section: dict[str, list[Change]] = {}
        self._first: dict[str, int] = {}  # position of each section's first change (they are contiguous)
        self._cache: dict[str, _SectionCache] = {}
        self._index: dict[str, int] = {}
        # each change's place in its section: small dicts, where one of 300,000 entries took
        # 15 ms to grow, in one streamed piece
        self._in_section: dict[str, dict[str, int]] = {}
        self._tally: Counter[Verdict] = Counter()  # non-pending verdicts, kept by decide()
        self._section_tally: dict[str, Counter[Verdict]] = {}  # the same per section
        self._section_sources: dict[str, Counter[Source]] = {}  # the sources per section
        self._feedback: Feedback | None = None  # what the decisions taught; built when first asked
        self._alike: dict[tuple[str, str, Kind], list[str]] = {}  # same_texts' index, kept by _grow
        self._grow(comparison.sections, comparison.changes)
        self._stale = False
        if decisions:
            self.decide({k: v for k, v in decisions.items() if k in comparison.by_id}, provenance)

    def extend(self, sections: Iterable[SectionPair], changes: Iterable[Change],
               decisions: Mapping[str, Decision] | None = None,
               provenance: Provenance | Mapping[str, Provenance | None] = UNRECORDED) -> None:
        """Grow a provisional review by the next streamed sections and their changes.

        Costs the size of the batch (plus a tuple copy), not of the review, so a window can
        keep one review while a comparison streams in. The review owns its comparison: the
        one it had is replaced, sharing its ``by_id`` (which grows too). ``decisions`` may
        name changes of later batches; those of this batch are applied.
        """
        changes = tuple(changes)
        self._by_id.update((c.id, c) for c in changes)
        self._grow(sections, changes)
        if decisions:
            self.decide({c.id: decisions[c.id] for c in changes if c.id in decisions}, provenance)

    def _grow(self, sections: Iterable[SectionPair], changes: Iterable[Change]) -> None:
        """Index sections and changes appended in document order, each section's changes together."""
        for section in sections:
            self._index[section.key] = len(self._section_list)
            self._section_list.append(section)
            self._by_section.setdefault(section.key, [])
            self._cache[section.key] = _SectionCache()
            self._section_tally.setdefault(section.key, Counter())
            self._section_sources.setdefault(section.key, Counter())
        last = self._change_list[-1].section if self._change_list else None
        for key, run in groupby(changes, _SECTION):  # a section's changes at once, not one by one
            batch = list(run)
            if key != last:
                if key in self._first:
                    raise ValueError(f"the changes of section {key} are not together")
                self._first[key], last = len(self._change_list), key
                self._by_section.setdefault(key, [])
                self._in_section.setdefault(key, {})
                self._cache.setdefault(key, _SectionCache())
                self._section_tally.setdefault(key, Counter())
                self._section_sources.setdefault(key, Counter())
            listed = self._by_section[key]
            self._in_section[key].update(zip(map(_ID, batch), range(len(listed), len(listed) + len(batch))))
            self._change_list.extend(batch)
            listed.extend(batch)
            for change in batch:
                self._alike.setdefault((change.base_text, change.reference_text, change.kind), []).append(change.id)
        self._stale = True  # no tuple copy per batch: that made streaming quadratic again

    def conclude(self, ending: Ending, start: int = 0, stop: int | None = None) -> bool:
        """Take the :class:`~app.engine.Ending` of the comparison this review streamed from.

        Applies the reinforced confidences ``[start:stop]`` (so a window can spread the
        work over several event-loop turns); returns True once all are applied, and the
        review's comparison then carries the ending's warnings and similarity.
        """
        total = len(ending.positions)
        stop = total if stop is None else min(stop, total)
        for position, confidence in zip(ending.positions[start:stop], ending.confidences[start:stop]):
            old = self._change_list[position]
            new = old.with_confidence(confidence)
            self._change_list[position] = self._by_id[new.id] = new
            self._by_section[new.section][position - self._first[new.section]] = new
        self._stale = True
        if stop < total:
            return False
        old_comparison = self._comparison
        self._comparison = Comparison(old_comparison.base, old_comparison.reference, tuple(self._section_list),
                                      tuple(self._change_list), ending.warnings, ending.similarity, self._by_id,
                                      ending.channel)
        self._stale = False
        return True

    # -- queries ---------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison:
        if self._stale:
            old = self._comparison
            self._comparison = Comparison(old.base, old.reference, tuple(self._section_list),
                                          tuple(self._change_list), old.warnings, old.similarity, self._by_id,
                                          old.channel)
            self._stale = False
        return self._comparison

    @property
    def changes(self) -> tuple[Change, ...]:
        return self.comparison.changes

    @property
    def sections(self) -> tuple[SectionPair, ...]:
        return self.comparison.sections

    def change(self, change_id: str) -> Change:
        return self._by_id[change_id]

    def decision(self, change_id: str) -> Decision:
        return self._decisions.get(change_id, PENDING)

    def decisions(self) -> dict[str, Decision]:
        """Every non-pending decision (a copy: the review changes only through decide)."""
        return dict(self._decisions)

    def provenance(self, change_id: str) -> Provenance | None:
        """How the change's decision was made (None while it is pending)."""
        return self._provenance.get(change_id)

    def provenances(self) -> dict[str, Provenance]:
        """The provenance of every non-pending decision (a copy)."""
        return dict(self._provenance)

    def section_changes(self, key: str) -> list[Change]:
        return self._by_section.get(key, [])

    def section(self, key: str) -> SectionPair:
        return self._section_list[self._index[key]]

    def has_section(self, key: str) -> bool:
        """Section ``key`` has arrived (a review grows while the comparison streams in)."""
        return key in self._index

    def same_texts(self, change_id: str, pending_only: bool = False) -> list[str]:
        """Every change with the same texts and kind as ``change_id`` (itself too), in order;
        with ``pending_only`` those still pending.

        Indexed as the review grows, so a keypress that asks after each decision costs a
        lookup, not a walk over every change (50-60 ms at the 100× pair)."""
        change = self._by_id[change_id]
        alike = self._alike[change.base_text, change.reference_text, change.kind]
        if pending_only:
            # _decisions holds the non-pending decisions only; filtered in C (thousands of
            # identical spaces at the 100× pair)
            return list(filterfalse(self._decisions.__contains__, alike))
        return list(alike)

    def position(self, change_id: str) -> int:
        """Where the change stands in :attr:`changes` (document order), in O(1)."""
        section = self._by_id[change_id].section
        return self._first[section] + self._in_section[section][change_id]

    def counts(self, section: str | None = None, kinds: Collection[Kind] | None = None) -> Counts:
        """Progress in the document or one section, optionally for some kinds only."""
        if kinds is None:  # the status line and the navigator ask on every keypress: O(1)
            tally = self._tally if section is None else self._section_tally.get(section, Counter())
            total = len(self._change_list if section is None else self.section_changes(section))
            decided = tally[Verdict.ACCEPTED] + tally[Verdict.REJECTED] + tally[Verdict.EDITED]
            sources = self._sources if section is None else self._section_sources.get(section, Counter())
            hand, bulk = sources[Source.HAND], sum(sources[s] for s in BULK_SOURCES)
            return Counts(total - decided, tally[Verdict.ACCEPTED], tally[Verdict.REJECTED],
                          tally[Verdict.EDITED], hand, bulk)
        changes = self.changes if section is None else self.section_changes(section)
        chosen = [c for c in changes if c.kind in kinds]
        tally = Counter(self.decision(c.id).verdict for c in chosen)
        sources = Counter(how.source for c in chosen if (how := self._provenance.get(c.id)) is not None)
        return Counts(tally[Verdict.PENDING], tally[Verdict.ACCEPTED], tally[Verdict.REJECTED],
                      tally[Verdict.EDITED], sources[Source.HAND], sum(sources[s] for s in BULK_SOURCES))

    def select(self, *, kinds: Collection[Kind] | None = None, section: str | None = None,
               pattern: tuple[str, str] | None = None, verdicts: Collection[Verdict] | None = None,
               bulk_safe: bool = False) -> list[str]:
        """Ids of the changes matching every given criterion, in document order.

        ``section`` includes its subsections (``"2"`` selects 2.1, 2.2 …); ``pattern`` is one
        confusion such as ``("a", "ä")``; ``bulk_safe`` leaves out content and numbers.
        """
        keys = self._section_keys(section) if section is not None else None
        out = []
        for change in self.changes:
            if kinds is not None and change.kind not in kinds:
                continue
            if keys is not None and change.section not in keys:
                continue
            if pattern is not None and pattern not in change.pattern:
                continue
            if verdicts is not None and self.decision(change.id).verdict not in verdicts:
                continue
            if bulk_safe and not change.bulk_safe:
                continue
            out.append(change.id)
        return out

    def suggested_decisions(self, ids: Iterable[str], numbers: bool = False) -> dict[str, Decision]:
        """The suggestion of each bulk-safe change among ``ids`` that has one; with ``numbers``
        also of the changes that touch a number yet carry a suggestion (page furniture with
        its folio: the command line's "apply every suggestion", never a bulk action)."""
        plan = {}
        for change_id in ids:
            change = self.change(change_id)
            if (change.bulk_safe or numbers) and change.suggestion is not None:
                plan[change_id] = change.suggestion.decision
        return plan

    def learned(self, change_id: str) -> Learned:
        """The change's confidence once the editor's decisions on its patterns elsewhere are
        taken in, and why (:mod:`app.feedback`): what the inspector shows and what a bulk
        action compares with its threshold (through :attr:`feedback`, the same record)."""
        return self.feedback.learned(self._by_id[change_id])

    @property
    def feedback(self) -> Feedback:
        """What the editor's decisions taught so far, kept up to date by :meth:`decide`."""
        if self._feedback is None:
            from app.feedback import Feedback  # here: a review no one asks what it learned never loads it

            self._feedback = Feedback.of(self)
        return self._feedback

    def patterns(self, kinds: Collection[Kind] = (Kind.OCR,)) -> Counter[tuple[str, str]]:
        """Every confusion pattern and how many changes show it (for "accept every a→ä")."""
        return Counter(p for c in self.changes if c.kind in kinds for p in c.pattern)

    # -- the one mutation ----------------------------------------------------------------------
    def decide(self, updates: Mapping[str, Decision],
               provenance: Provenance | Mapping[str, Provenance | None] = UNRECORDED) -> DecisionsChanged:
        """Record decisions, made as ``provenance`` says (one for all, or one per change as an
        undo restores them); returns what actually changed.

        A provenance without a time is stamped with now. A decision equal to the one the
        change has, from the same origin, is left out; the same verdict from another origin
        (a hand confirming a bulk accept) is recorded. A pending change has no provenance.
        """
        before: dict[str, Decision] = {}
        after: dict[str, Decision] = {}
        how_before: dict[str, Provenance | None] = {}
        how_after: dict[str, Provenance | None] = {}
        sections: set[str] = set()
        shared = provenance if isinstance(provenance, Provenance) else None
        if shared is not None and not shared.at and shared.source is not Source.UNRECORDED:
            shared = _stamped(shared)
        for change_id, decision in updates.items():
            change = self._by_id[change_id]  # KeyError for an unknown id: a bug
            old = self.decision(change_id)
            old_how = self._provenance.get(change_id)
            if decision.verdict is Verdict.PENDING:
                how = None
            elif shared is not None:
                how = shared
            else:
                assert not isinstance(provenance, Provenance)
                how = provenance.get(change_id) or UNRECORDED
                how = how if how.at or how.source is Source.UNRECORDED else _stamped(how)
            if old == decision and (how is None or how.same_as(old_how)):
                continue
            before[change_id], after[change_id] = old, decision
            how_before[change_id], how_after[change_id] = old_how, how
            section_sources = self._section_sources[change.section]
            if old_how is not None:
                self._sources[old_how.source] -= 1
                section_sources[old_how.source] -= 1
            if how is None:
                self._provenance.pop(change_id, None)
            else:
                self._provenance[change_id] = how
                self._sources[how.source] += 1
                section_sources[how.source] += 1
            section_tally = self._section_tally[change.section]
            if old.verdict is not Verdict.PENDING:
                self._tally[old.verdict] -= 1
                section_tally[old.verdict] -= 1
            if decision.verdict is not Verdict.PENDING:
                self._tally[decision.verdict] += 1
                section_tally[decision.verdict] += 1
            if decision.verdict is Verdict.PENDING:
                self._decisions.pop(change_id, None)
            else:
                self._decisions[change_id] = decision
            sections.add(change.section)
        self._follow(before, after, sections)
        changed = DecisionsChanged(before, after, frozenset(sections), how_before, how_after)
        if self._feedback is not None:
            self._feedback.follow(self, changed)
        return changed

    def _follow(self, before: Mapping[str, Decision], after: Mapping[str, Decision], sections: set[str]) -> None:
        """Bring the built section texts up to date: a few decisions patch their spots
        (a keypress costs its change, not the section), many rebuild when next asked."""
        touched: Counter[str] = Counter(self._by_id[cid].section for cid in after)
        for key in sections:
            if touched[key] > PATCH_AT_MOST or self._cache[key].text is None:
                self._cache[key] = _SectionCache()
        for cid, decision in after.items():
            change = self._by_id[cid]
            cache = self._cache[change.section]
            if cache.text is None or before[cid] == decision:  # only its provenance changed
                continue
            i = self._in_section[change.section][cid]
            start, old, new = cache.starts[i], self._output(change, before[cid]), self._output(change, decision)
            cache.text = cache.text[:start] + new + cache.text[start + len(old):]
            if delta := len(new) - len(old):
                cache.starts[i + 1:] = [s + delta for s in cache.starts[i + 1:]]
            cache.marks = None

    def apply_suggestions(self, ids: Iterable[str] | None = None, provenance: Provenance = UNRECORDED,
                          *, numbers: bool = False) -> DecisionsChanged:
        """Take every bulk-safe suggestion among ``ids`` (default: all changes); ``numbers`` as
        in :meth:`suggested_decisions`."""
        return self.decide(self.suggested_decisions(ids if ids is not None else self.comparison.by_id, numbers),
                           provenance)

    # -- canonical text ------------------------------------------------------------------------
    def canonical_text(self) -> str:
        return "".join(self.section_canonical(s.key) for s in self.sections)

    def canonical_with_marks(self) -> tuple[str, list[Mark]]:
        """The canonical text and where each decided change landed in it."""
        parts: list[str] = []
        marks: list[Mark] = []
        offset = 0
        for section in self.sections:
            text = self.section_canonical(section.key)
            marks.extend(Mark(m.start + offset, m.end + offset, m.change_id, m.verdict)
                         for m in self.section_marks(section.key))
            parts.append(text)
            offset += len(text)
        return "".join(parts), marks

    def section_marks(self, key: str) -> list[Mark]:
        """Where the section's decided changes landed, in offsets into its canonical text."""
        self.section_canonical(key)
        cache = self._cache[key]
        if cache.marks is None:
            cache.marks = []
            for change, start in zip(self.section_changes(key), cache.starts, strict=True):
                decision = self._decisions.get(change.id)
                if decision is not None:
                    cache.marks.append(Mark(start, start + len(self._output(change, decision)), change.id,
                                            decision.verdict))
        return cache.marks

    def section_canonical(self, key: str) -> str:
        cache = self._cache[key]
        if cache.text is None:
            cache.text, cache.starts = self._build_section(key)
            cache.marks = None
        return cache.text

    def _build_section(self, key: str) -> tuple[str, list[int]]:
        section = self._section_list[self._index[key]]
        base = self._comparison.base
        pos = section.base.start
        parts: list[str] = []
        starts: list[int] = []
        length = 0
        for change in self.section_changes(key):
            kept = original_text(base, pos, change.base.start)
            final = self._output(change, self.decision(change.id))
            parts += [kept, final]
            length += len(kept)
            starts.append(length)
            length += len(final)
            pos = change.base.end
        parts.append(original_text(base, pos, section.base.end))
        return "".join(parts), starts

    def _output(self, change: Change, decision: Decision) -> str:
        """What ``change`` puts in the canonical text: a change that keeps the base gives
        the base file's own code points and line endings (so "all rejected" is the base
        edition byte for byte), the others their final text."""
        if decision.verdict in (Verdict.ACCEPTED, Verdict.EDITED):
            return change.final_text(decision)
        return original_text(self._comparison.base, change.base.start, change.base.end)

    def _section_keys(self, section: str) -> set[str]:
        """The keys of ``section`` (a key or a heading number) and of the sections inside it:
        its numbered subsections, and the unnumbered ones that stand in it (as the window's
        outline nests them, :func:`outline_numbers`)."""
        return {key for key, number in outline_numbers(self.sections).items()
                if key == section or number == section or number.startswith(section + ".")}


def outline_numbers(sections: Iterable[SectionPair]) -> dict[str, str]:
    """Each section's place in the numbered outline, by key: its heading number, or for a
    section with none after a numbered one (a sub-heading the report does not number), the
    number of the numbered section it stands in ("" before the first)."""
    out: dict[str, str] = {}
    last = ""
    for section in sections:
        last = section.number or last
        out[section.key] = last
    return out


def accept_all(review: Review, provenance: Provenance = UNRECORDED) -> DecisionsChanged:
    """Accept every change (gives the reference text): the CLI's ``--accept all``."""
    return review.decide({c.id: ACCEPT for c in review.changes}, provenance)


def now() -> str:
    """The time a decision is stamped with: ISO 8601, UTC, to the second."""
    from datetime import datetime, timezone  # here: a command that decides nothing never loads it

    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _stamped(provenance: Provenance) -> Provenance:
    return Provenance(provenance.source, provenance.action, provenance.filter, now())
