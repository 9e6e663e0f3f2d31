"""What a review produces: the canonical text, the decision log and a summary with error rates.

Entry points:

* :func:`canonical` / :func:`export_text` — the canonical text, as printed (line breaks of
  the base edition) or reflowed into one line per paragraph (see :func:`reflow_text`);
* :func:`decision_log` / :func:`export_log` — one row per change, as CSV or JSON;
* :func:`summary` / :func:`export_summary` — counts by kind, section and decision, and the
  character and word error rates between the editions and the canonical text.

Every file is written through :func:`app.fileio.atomic_write_text`, so a failed export never
leaves a half-written file. ``OSError`` propagates for the caller to report.

Imports: the standard library, rapidfuzz, the core.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from itertools import repeat
from operator import attrgetter, is_not
from pathlib import Path
from typing import Any, NamedTuple

from rapidfuzz.distance import Levenshtein

from app.classify import pattern_label
from app.fileio import atomic_write_text
from app.model import Kind, Provenance, SectionPair, Suggestion, Verdict
from app.review import Review

#: How a suggestion's verdict is named in logs and the CLI's JSON.
SUGGESTION_WORD = {Verdict.ACCEPTED: "accept", Verdict.REJECTED: "reject", Verdict.EDITED: "edit"}

#: The columns of the decision log, in order (CSV header and JSON keys).
LOG_FIELDS = ("id", "section", "kind", "confidence", "pattern", "base_start", "base_end",
              "base_text", "reference_text", "suggestion", "suggestion_text", "reason",
              "decision", "final_text", "decided_by", "action", "filter", "decided_at")

LOG_FORMATS = ("csv", "json")

# -- reflow: knowledge as data -----------------------------------------------------------------

#: Words that follow a hyphen ending a compound part ("hälso- och sjukvård"): the hyphen is
#: the writer's, not the typesetter's, so it stays and the lines join with a space.
CONJUNCTIONS = frozenset({
    "och", "eller", "samt", "respektive", "resp", "som", "till", "men",  # sv
    "and", "or", "nor", "to", "versus", "vs",  # en
    "und", "oder", "bzw", "sowie", "bis",  # de
    "og", "eller", "ja", "tai", "et", "ou",  # da/no, fi, fr
})
#: Glyphs that start a list item when they begin a line (U+F0B7 is Word's Symbol bullet).
BULLETS = "•◦▪▫■□●○·*‣⁃–—-\uf0b7\uf0a7"
_HYPHENS = ("-", "\u2010", "\u00ad")
#: The reflowing's patterns, compiled by :mod:`re` when a text is first reflowed or joined:
#: ``compare`` imports this module and uses none of them (4.5 M instructions at its start)
_LIST_ITEM = rf"\s*(?:[{re.escape(BULLETS)}]\s|\d+[.)]\s|\(?[a-z]\)\s)"
_NUMBERED_HEADING = r"\s*\d+(?:\.\d+)+\.?\s+\S"
_HYPHEN_END = r"(\S*?)(\w+)([-\u2010\u00ad])"
_NEXT_WORD = r"[\w]+"
_WORD = r"\w+(?:[-\u2010]\w+)*"


# -- canonical text ------------------------------------------------------------------------------

def canonical(review: Review, reflow: bool = False) -> str:
    """The canonical text: as printed, or with each paragraph reflowed onto one line."""
    if not reflow:
        return review.canonical_text()
    chunks: list[str] = []
    headings: dict[int, int] = {}
    line = 0
    for section in review.sections:
        text = review.section_canonical(section.key)
        if lines := _heading_lines(review, section):
            headings[line] = lines
        line += text.count("\n")
        chunks.append(text)
    text = "".join(chunks)
    vocabulary = _Vocabulary(lambda: [text, review.comparison.reference.text])
    return reflow_text(text, headings, vocabulary)


def export_text(review: Review, path: str | Path, reflow: bool = False) -> None:
    """Write the canonical text: UTF-8, with the base edition's line endings."""
    atomic_write_text(path, canonical(review, reflow), newline=review.comparison.base.newline)


def reflow_text(text: str, headings: Mapping[int, int] | None = None,
                vocabulary: _Vocabulary | None = None) -> str:
    """Join the hard-wrapped lines of each paragraph of ``text`` into one line.

    ``headings`` maps the (0-based) first line of each known heading to how many lines it
    takes (a title wrapped onto the next line). Rules:

    * a blank line ends a paragraph; runs of blank lines become one blank line;
    * a heading (a known one, its wrapped title joined, or a line numbered like ``2.3`` /
      ``2.3.1``) stands on its own line; a list item (a line starting with a bullet, ``–``, ``-``, ``3.`` or
      ``a)``) starts a new line, and its wrapped continuation lines join it;
    * other lines join the line before with one space; trailing spaces go, and so does the
      indentation of a joined line;
    * a line ending in a hyphen after a word is joined by :func:`join_hyphenated`, which
      decides whether the hyphen was the typesetter's (end-of-line hyphenation) or the
      writer's.

    The result ends with one newline.
    """
    if vocabulary is None:
        vocabulary = _Vocabulary(lambda: [text])
    headings = headings or {}
    out: list[str] = []  # finished lines; "" is a paragraph break
    pieces: list[str] = []  # the line being built, as pieces (no quadratic concatenation)
    heading_left = 0  # lines of a known heading still to come after this one

    def flush() -> None:
        if pieces:
            out.append("".join(pieces))
            pieces.clear()

    def join(line: str) -> None:
        pieces[-1], separator = _joint(pieces[-1], line, vocabulary)
        pieces.extend((separator, line))

    for number, line in enumerate(text.split("\n")):
        line = line.rstrip()
        if not line.strip():
            flush()
            if out and out[-1]:
                out.append("")
            continue
        if heading_left:  # the wrapped title of a known heading
            heading_left -= 1
            if pieces:
                join(line.lstrip())
            else:
                pieces.append(line.lstrip())
            if not heading_left:
                flush()
            continue
        is_heading = number in headings or bool(re.match(_NUMBERED_HEADING, line))
        if pieces and not is_heading and not re.match(_LIST_ITEM, line):
            join(line.lstrip())
        else:
            flush()
            pieces.append(line)
        heading_left = headings.get(number, 1) - 1 if is_heading else 0
        if is_heading and not heading_left:
            flush()
    flush()
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def join_hyphenated(left: str, right: str, vocabulary: _Vocabulary | None = None) -> str:
    """Join two lines of a paragraph; undo the end-of-line hyphenation where it is one.

    When ``left`` ends in ``word-`` the hyphen is kept or dropped by these rules, first
    match wins (documented here because the text alone cannot always say):

    1. a soft hyphen (U+00AD) is always the typesetter's: dropped, no space;
    2. the next word is a conjunction (``miljö-`` / ``och``): the hyphen ends a compound
       part and stays, the lines join with a space -> ``miljö- och``;
    3. the next line does not start with a lower-case letter (``Stockholm-`` /
       ``Mälardalen``, ``2020-`` / ``2024``) or the hyphenated token is part of a URL: a
       real hyphen, kept, no space;
    4. the document decides: the joined word and the hyphenated form are counted in
       ``vocabulary`` (the canonical text and the reference edition); the commoner wins,
       a tie joins (``förvalt-`` / ``ningen`` -> ``förvaltningen`` when ``förvaltningen``
       occurs elsewhere; ``e-`` / ``post`` -> ``e-post`` when ``e-post`` does);
    5. no evidence, and the part before the hyphen is one letter, an abbreviation in
       capitals or has digits (``e-`` / ``hälsa``, ``EU-`` / ``projekt``): kept, no space;
    6. otherwise the hyphen is dropped and the word joined. In typeset prose a hyphen at
       the end of a line before a lower-case word is far more often a syllable break than a
       compound hyphen, and Swedish writes compounds closed (``turismorganisationer``).
    """
    left, separator = _joint(left, right, vocabulary)
    return left + separator + right


def _joint(left: str, right: str, vocabulary: _Vocabulary | None) -> tuple[str, str]:
    """``left`` (its hyphen dropped if it was the typesetter's) and what goes before ``right``."""
    if not left.endswith(_HYPHENS):
        return left, " "
    match = re.compile(_HYPHEN_END).fullmatch(left, max(left.rfind(" "), left.rfind("\t")) + 1)
    next_word = re.match(_NEXT_WORD, right)
    if match is None or next_word is None:
        return left, " "
    token, stem, hyphen = match.group(1) + match.group(2), match.group(2), match.group(3)
    head = left[: match.start(3)]
    word = next_word.group()
    if hyphen == "\u00ad":
        return head, ""
    if word.casefold() in CONJUNCTIONS:
        return left, " "
    if not word[0].islower() or "://" in token or token.casefold().startswith("www."):
        return left, ""
    joined = vocabulary.count(stem + word) if vocabulary else 0
    hyphenated = vocabulary.count(f"{stem}-{word}") if vocabulary else 0
    if joined or hyphenated:
        return (left, "") if hyphenated > joined else (head, "")
    if len(stem) == 1 or stem.isupper() or any(ch.isdigit() for ch in stem):
        return left, ""
    return head, ""


class _Vocabulary:
    """Casefolded word counts of some texts, built only if a hyphenated line needs them."""

    def __init__(self, texts: Any) -> None:
        self._texts = texts
        self._counts: Counter[str] | None = None

    def count(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter()
            for text in self._texts():
                self._counts.update(w.casefold().replace("\u2010", "-") for w in re.findall(_WORD, text))
        return self._counts[word.casefold()]


def _heading_lines(review: Review, section: SectionPair) -> int:
    """How many lines the section's heading takes at the start of its canonical text."""
    heading = section.base_heading
    if heading is None or heading.span.start != section.base.start:
        return 0
    return heading.span.slice(review.comparison.base.text).rstrip("\n").count("\n") + 1


# -- decision log ----------------------------------------------------------------------------------

def suggestion_dict(suggestion: Suggestion | None) -> dict[str, Any] | None:
    """A suggestion as plain data: ``{"decision": accept|reject|edit, "text", "reason"}``."""
    if suggestion is None:
        return None
    return {"decision": SUGGESTION_WORD[suggestion.decision.verdict],
            "text": suggestion.decision.text, "reason": str(suggestion.reason)}


def section_numbers(review: Review) -> dict[str, str]:
    """Each section key's heading number (the key itself when the section has none)."""
    return {s.key: s.number or s.key for s in review.sections}


def decision_log(review: Review) -> list[dict[str, Any]]:
    """One row per change in document order, with its suggestion, decision and final text."""
    numbers = section_numbers(review)
    rows = []
    for change in review.changes:
        decision = review.decision(change.id)
        suggestion = suggestion_dict(change.suggestion)
        rows.append({
            "id": change.id,
            "section": numbers.get(change.section, change.section),
            "kind": change.kind.value,
            "confidence": change.confidence,
            "pattern": pattern_label(change.pattern),
            "base_start": change.base.start,
            "base_end": change.base.end,
            "base_text": change.base_text,
            "reference_text": change.reference_text,
            "suggestion": suggestion["decision"] if suggestion else None,
            "suggestion_text": suggestion["text"] if suggestion else None,
            "reason": suggestion["reason"] if suggestion else str(change.reason),
            "decision": decision.verdict.value,
            "final_text": change.final_text(decision),
            **_provenance_columns(review.provenance(change.id)),
        })
    return rows


def _provenance_columns(how: Provenance | None) -> dict[str, str | None]:
    """How a decision was made, as log columns (all empty while the change is pending)."""
    if how is None:
        return {"decided_by": None, "action": None, "filter": None, "decided_at": None}
    return {"decided_by": how.source.value, "action": how.action or None, "filter": how.filter or None,
            "decided_at": how.at or None}


def export_log(review: Review, path: str | Path, fmt: str = "csv") -> None:
    """Write the decision log as ``"csv"`` or ``"json"``.

    CSV: the :data:`LOG_FIELDS` columns, RFC 4180 quoting by the :mod:`csv` module (texts
    with line breaks stay one field), UTF-8 with a byte-order mark so that spreadsheet
    programs read å, ä and ö correctly; an empty cell for "no value". The last four columns
    say how each decision was made (``decided_by``: hand, bulk, cli, reattach or unrecorded;
    the ``action`` and bulk ``filter``; ``decided_at``, ISO 8601 UTC). JSON: an object with
    the editions' names and the rows as ``changes``, one change per line (readable in a
    diff, and written by the fast C encoder, which ``indent`` would turn off).
    """
    rows = decision_log(review)
    if fmt == "csv":
        import csv  # here: only this export writes CSV, and `compare` imports this module

        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=LOG_FIELDS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        atomic_write_text(path, buffer.getvalue(), encoding="utf-8-sig")
    elif fmt == "json":
        head = {"format": "proofpair-decision-log", "schema": 2, **_edition_names(review)}
        lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "changes": [']
        lines.append(",\n".join(json.dumps(row, ensure_ascii=False) for row in rows))
        lines.append("]}\n")
        atomic_write_text(path, "\n".join(lines))
    else:
        raise ValueError(f"unknown log format {fmt!r}; use one of {', '.join(LOG_FORMATS)}")


# -- summary ---------------------------------------------------------------------------------------

def learned_counts(review: Review) -> dict[str, int]:
    """How many pending suggestions the editor's decisions elsewhere made less or more
    likely (:meth:`Review.learned`), and how many of them fell below the bulk threshold."""
    from app.bulk import DEFAULT_THRESHOLD  # here: `compare` imports this module, and needs no bulk

    counts = {"lowered": 0, "raised": 0, "below_bulk_threshold": 0}
    for change in review.changes:
        if change.suggestion is None or review.decision(change.id).verdict is not Verdict.PENDING:
            continue
        learned = review.learned(change.id)
        counts["lowered"] += learned.lowered
        counts["raised"] += learned.raised
        counts["below_bulk_threshold"] += learned.lowered and learned.engine >= DEFAULT_THRESHOLD > learned.confidence
    return counts


def summary(review: Review) -> dict[str, Any]:
    """Counts and error rates of a review, as plain JSON-ready data.

    ``metrics`` holds the character and word error rates (CER, WER) of three pairs:
    base edition vs reference edition, canonical text vs reference and canonical vs base.
    Each is the Levenshtein distance (rapidfuzz) divided by the length of the second text
    of the pair, over characters and over words. The texts are compared with every run of
    whitespace read as one space (line breaks and trailing spaces are layout, not errors)
    and in NFC.

    The distances are summed section by section over the comparison's aligned
    :class:`~app.model.SectionPair` s (the canonical of a section being
    ``review.section_canonical(key)``), not computed over the whole text: a whole-document
    Levenshtein over a 7 MB report is far too slow, and since the sections tile both texts
    the per-section sum equals the whole-text distance whenever no edit would cross a
    section boundary — always the case for sections that are aligned.
    """
    numbers = section_numbers(review)
    counts = review.counts()
    # one pass over the changes, in C (not one per section, nor one for the totals)
    kinds = Counter(map(attrgetter("section", "kind"), review.changes))
    totals: Counter[Kind] = Counter()
    for (_section, kind), n in kinds.items():
        totals[kind] += n
    by_section: dict[str, Any] = {}
    for section in review.sections:
        changes = review.section_changes(section.key)
        c = review.counts(section.key)
        by_section[section.key] = {
            "number": numbers[section.key], "title": section.title, "changes": len(changes),
            "by_kind": {kind.value: kinds[section.key, kind] for kind in Kind}, "pending": c.pending}
    return {
        "format": "proofpair-summary",
        "schema": 1,
        **_edition_names(review),
        "sections": len(review.sections),
        "changes": len(review.changes),
        "by_kind": {kind.value: totals[kind] for kind in Kind},
        # by identity, in C (``list.count(None)`` called each suggestion's dataclass ``__eq__``)
        "with_suggestion": sum(map(is_not, map(attrgetter("suggestion"), review.changes), repeat(None))),
        "decisions": {"pending": counts.pending, "accepted": counts.accepted,
                      "rejected": counts.rejected, "edited": counts.edited,
                      "by_hand": counts.by_hand, "in_bulk": counts.in_bulk, "other": counts.other,
                      "reviewed_share": round(counts.reviewed_share, 4),
                      "by_hand_share": round(counts.by_hand / counts.total, 4) if counts.total else 0.0},
        "by_section": by_section,
        "metrics": error_rates(review),
        "similarity": round(review.comparison.similarity, 4),
        "warnings": list(review.comparison.warnings),
    }


def export_summary(review: Review, path: str | Path) -> None:
    """Write :func:`summary` as JSON, with what the editor's decisions taught
    (:func:`learned_counts`, under ``learned``; ``compare --json`` has no decisions to count)."""
    data = {**summary(review), "learned": learned_counts(review)}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def error_rates(review: Review) -> dict[str, dict[str, Any]]:
    """CER and WER of the three pairs of texts, summed per section (see :func:`summary`)."""
    base, reference = review.comparison.base.text, review.comparison.reference.text
    pairs = {"base_vs_reference": _Tally(), "canonical_vs_reference": _Tally(),
             "canonical_vs_base": _Tally()}
    # nothing accepted or edited (``compare --json``, a fresh review): the canonical text is
    # the base, so two of the three Levenshtein sums are known without computing them
    keeps_base = all(d.verdict in (Verdict.PENDING, Verdict.REJECTED) for d in review.decisions().values())
    for section in review.sections:
        b = _Normal.of(section.base.slice(base))
        r = _Normal.of(section.reference.slice(reference))
        # about one edit per change (0.94 on the sample): where rapidfuzz's banded search starts
        hint = max(1, len(review.section_changes(section.key)))
        pairs["base_vs_reference"].add(b, r, hint)
        if keeps_base:
            pairs["canonical_vs_base"].add_identical(b)
            continue
        c = _Normal.of(review.section_canonical(section.key))
        pairs["canonical_vs_reference"].add(c, r, hint)
        pairs["canonical_vs_base"].add(c, b, hint)
    if keeps_base:
        pairs["canonical_vs_reference"] = pairs["base_vs_reference"]
    return {name: tally.as_dict() for name, tally in pairs.items()}


class _Tally:
    def __init__(self) -> None:
        self.char_distance = self.chars = self.word_distance = self.words = 0

    def add(self, text: _Normal, truth: _Normal, hint: int) -> None:
        """Count the distances of ``text`` to ``truth``, about ``hint`` edits apart.

        The hint only picks rapidfuzz's faster banded method, whose band starts there and
        doubles until the distance fits in it (the distance stays exact): a section's two
        texts differ in a few places, and the 100x sample's sum took a second. Started at
        the section's number of changes instead of its two lengths' difference, it costs
        about half (the words' distance too; each edit of a character touches a word)."""
        self.char_distance += Levenshtein.distance(text.text, truth.text,
                                                   score_hint=max(hint, abs(len(text.text) - len(truth.text))))
        self.chars += len(truth.text)
        self.word_distance += Levenshtein.distance(text.words, truth.words, score_hint=hint)
        self.words += len(truth.words)

    def add_identical(self, text: _Normal) -> None:
        """:meth:`add` of a text against itself: distance 0, no Levenshtein to run."""
        self.chars += len(text.text)
        self.words += len(text.words)

    def as_dict(self) -> dict[str, Any]:
        return {"cer": round(self.char_distance / self.chars, 6) if self.chars else 0.0,
                "wer": round(self.word_distance / self.words, 6) if self.words else 0.0,
                "char_distance": self.char_distance, "chars": self.chars,
                "word_distance": self.word_distance, "words": self.words}


class _Normal(NamedTuple):
    """A text as the error rates see it (NFC, whitespace runs as one space, no ends) with its
    words, split once: the 100x sample's sum split every section's texts twice, a third of
    its time."""

    text: str
    words: list[str]

    @classmethod
    def of(cls, text: str) -> _Normal:
        words = unicodedata.normalize("NFC", text).split()  # str.split's whitespace is the regex's \s
        return cls(" ".join(words), words)


def _edition_names(review: Review) -> dict[str, Any]:
    """The editions by file name and hash (never a full path: logs travel between machines)."""
    comparison = review.comparison
    return {"base": {"name": comparison.base.name, "sha256": comparison.base.sha256},
            "reference": {"name": comparison.reference.name, "sha256": comparison.reference.sha256}}


__all__ = ["BULLETS", "CONJUNCTIONS", "LOG_FIELDS", "LOG_FORMATS", "canonical",
           "decision_log", "error_rates", "export_log", "export_summary", "export_text",
           "join_hyphenated", "reflow_text", "suggestion_dict", "summary"]
