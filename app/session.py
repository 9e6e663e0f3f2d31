"""Save and reopen a review: the ``.proofpair`` session file.

A session is JSON: a format tag and schema version, both editions' paths (absolute, and
relative to the session so a moved folder still opens) with their SHA-256, the settings, and
the decisions keyed by stable change id. Each decision also carries the two texts and the
section it was made on, so when an edition has changed on disk the decision can be
re-attached to the same difference even if its id moved; what cannot be placed is kept in
the file (``orphaned``) and reported, never silently dropped. Each decision records its
provenance (by hand, which bulk action, the CLI, a re-attach; and when) since schema 2; a
schema 1 session opens with its decisions marked "unrecorded" and is rewritten only when
saved. The OCR channel model the changes were judged with (:mod:`app.judge.channel`) is kept
too (``channel``, rows of base glyphs, reference glyphs and a count): a reopen of the same
editions judges with it instead of learning anew, so it gives the same result.

A scan OCR'd by ProofPair keeps its OCR beside the session: ``NAME.proofpair-ocr/`` next
to ``NAME.proofpair`` holds each page's hOCR under ``<sha256 of the scan>-<language>/``
(:func:`ocr_folder`; the shape of the user's OCR cache, :mod:`app.formats.ocr`). It is filled
before the session file is written and read before the user cache when the session's
editions are loaded, so a reopen OCRs nothing, even after the cache was cleared or on
another machine; pages of scans the session no longer names are removed at a save.

Writes go through :func:`app.fileio.atomic_write_text`: a session is never half-written,
and the temporaries of a killed save are removed at the next save or load. The whole file is
validated against :mod:`app.session_schema` at load; a corrupt session, one that breaks the
schema (the message names the field) or one from a newer ProofPair raises
:class:`SessionError` and is left untouched. A session may point at any file, so editions
that do not match their recorded hash or lie outside the session's folder
(:func:`trust_problems`) open only when the user trusts them.

Entry points: :func:`save_session`, :func:`load_session`, :func:`trust_problems`,
:func:`attach`, :func:`open_session`.
Imports: the standard library and the core.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app import __version__
from app.engine import compare
from app.fileio import atomic_write_text, clean_stale_temporaries, describe_os_error, read_regular, \
    shown_path
from app.formats import load_pair, ocr_language_of
from app.judge.channel import Channel, Rows
from app.loading import EditionError, file_sha256
from app.model import UNRECORDED, Change, Comparison, Decision, Edition, Provenance, Source, Verdict
from app.review import Review
from app.session_schema import FORMAT, SCHEMA, EditionEntry, NewerSchema, NotASession, SchemaError, \
    decode_session, encode_session

#: A session file larger than this is refused unread (a real one is a few MB at most).
MAX_SESSION_BYTES = 256 * 2**20
SESSION_SUFFIX = ".proofpair"
#: What the folder of a session's OCR'd pages adds to the session's file name.
OCR_FOLDER_SUFFIX = "-ocr"
_OCR_KEY = re.compile(r"[0-9a-f]{64}-[A-Za-z0-9_+-]+")


class SessionError(Exception):
    """A session file that cannot be used; the message is for the user as it stands."""


@dataclass
class ReattachReport:
    """How the saved decisions met the editions as they are now."""

    attached: int = 0
    moved: int = 0
    orphaned: list[str] = field(default_factory=list)
    editions_changed: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        if not self.editions_changed and not self.orphaned:
            return ""
        parts = []
        if self.editions_changed:
            parts.append(f"The {' and '.join(self.editions_changed)} edition changed on disk since "
                         "this session was saved.")
        parts.append(f"{self.attached} decisions re-attached"
                     + (f" ({self.moved} to a moved difference)" if self.moved else "") + ".")
        if self.orphaned:
            parts.append(f"{len(self.orphaned)} decisions no longer match any difference; they are "
                         "kept in the session file but not applied.")
        return " ".join(parts)


@dataclass
class LoadedSession:
    """A parsed session file, before its editions are compared."""

    path: Path
    base_path: Path
    reference_path: Path
    base_sha256: str
    reference_sha256: str
    records: dict[str, dict[str, Any]]
    settings: dict[str, Any]
    orphaned: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The absolute paths as the file recorded them (``base_path`` may be the moved one).
    base_recorded: Path | None = None
    reference_recorded: Path | None = None
    #: each edition's format as it was read (``"text"`` for sessions saved before formats)
    base_format: str = "text"
    reference_format: str = "text"
    #: the Tesseract language an OCR'd edition was read in (None: no OCR ran)
    ocr_language: str | None = None
    #: the OCR channel model the review was judged with (None: a session saved without one)
    channel: Rows | None = None

    def channel_for(self, base: Edition, reference: Edition) -> Channel | None:
        """The saved channel model, to judge the reopened editions with it, so a reopen gives
        the same result whatever a newer ProofPair would learn; None when an edition changed
        (the model was learned from other text: learn it anew) or none was saved."""
        if self.channel is None or (base.sha256, reference.sha256) != (self.base_sha256, self.reference_sha256):
            return None
        return Channel.of_rows(self.channel)

    @property
    def decisions(self) -> dict[str, Decision]:
        return {cid: _decision(rec) for cid, rec in self.records.items()}

    @property
    def ocr_folder(self) -> Path | None:
        """Where this session keeps its scans' OCR (None for a session with no file)."""
        return ocr_folder(self.path) if self.path is not None else None

    @property
    def provenance(self) -> dict[str, Provenance]:
        """How each saved decision was made ("unrecorded" in a schema 1 session)."""
        return {cid: _provenance(rec) for cid, rec in self.records.items()}


def ocr_folder(session_path: str | Path) -> Path:
    """The folder beside the session ``session_path`` that keeps its scans' OCR."""
    session_path = Path(session_path)
    return session_path.with_name(session_path.name + OCR_FOLDER_SUFFIX)


def save_session(path: str | Path, review: Review, settings: dict[str, Any] | None = None, *,
                 keep_ocr: bool = True, ocr_sources: tuple[Path, ...] = ()) -> None:
    """Write ``review`` to ``path`` atomically; with ``keep_ocr``, its scans' OCR first goes
    into :func:`ocr_folder` (taken from ``ocr_sources``, e.g. the folder of the session it
    was opened from, or the user's OCR cache)."""
    path = Path(path)
    comparison = review.comparison
    if keep_ocr:
        store_ocr(path, (comparison.base, comparison.reference), ocr_sources)
    records = {cid: _record(review.change(cid), d, review.provenance(cid)) for cid, d in review.decisions().items()}
    doc = {
        "format": FORMAT,
        "schema": SCHEMA,
        "app_version": __version__,
        "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "editions": {
            "base": _edition_entry(comparison.base, path),
            "reference": _edition_entry(comparison.reference, path),
        },
        "settings": settings or {},
        "decisions": records,
        "orphaned": getattr(review, "orphaned", {}),
        "channel": [list(row) for row in comparison.channel] if comparison.channel is not None else None,
    }
    atomic_write_text(path, dumps_session(doc))


def store_ocr(path: Path, editions: tuple[Edition, ...], sources: tuple[Path, ...] = ()) -> None:
    """Keep the OCR of ``editions`` beside the session ``path`` and drop what it no longer
    names. Best effort: a folder that cannot be written only means a reopen OCRs again."""
    from app.formats.ocr import cache_key, store_pages

    folder = ocr_folder(path)
    wanted = {cache_key(e.sha256, lang) for e in editions if (lang := ocr_language_of(e))}
    for edition in editions:
        if ocr_language_of(edition):
            store_pages(edition, folder, sources)
    try:
        stale = [p for p in folder.iterdir() if _OCR_KEY.fullmatch(p.name) and p.name not in wanted]
    except OSError:
        return
    for old in stale:
        shutil.rmtree(old, ignore_errors=True)
    if not wanted:
        try:
            folder.rmdir()  # only when empty: nothing else of the editor's is ever removed
        except OSError:
            pass


def dumps_session(doc: dict[str, Any]) -> str:
    """A session document as JSON text: one top-level field, and one decision, per line.

    Readable in a diff, and every line made by the C encoder (``indent`` would turn it off
    and make a save of a long report ten times slower, which also widens the moment a
    ``kill`` can catch a save in the middle)."""
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    items = sorted(doc.items())
    lines = ["{"]
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, dict) and value and key in ("decisions", "orphaned"):
            inner = sorted(value.items())
            lines.append(f" {encode(key)}: {{")
            lines += [f"  {encode(k)}: {encode(v)}{',' if j < len(inner) - 1 else ''}" for j, (k, v) in enumerate(inner)]
            lines.append(" }" + comma)
        else:
            lines.append(f" {encode(key)}: {encode(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def load_session(path: str | Path) -> LoadedSession:
    """Parse and validate a session file (raises :class:`SessionError` with a readable
    reason naming the file, and the field when a value is wrong). The file is never changed."""
    path = Path(path)
    try:
        data = read_regular(path, MAX_SESSION_BYTES)
    except FileNotFoundError:
        raise SessionError(f"{shown_path(path)}: no such session file.") from None
    except OSError as exc:
        raise SessionError(f"{describe_os_error(exc, path)}; the session cannot be read.") from None
    try:
        doc = decode_session(data)
    except NotASession:
        raise SessionError(f"{path.name}: is not a ProofPair session file.") from None
    except NewerSchema as exc:
        raise SessionError(f"{path.name}: was saved by a newer ProofPair (session format {exc.version}; "
                           f"this version reads format {SCHEMA}). Update ProofPair to open it; "
                           "the file was not changed.") from None
    except SchemaError as exc:
        raise SessionError(f"{path.name}: is damaged and cannot be opened: it {exc}. "
                           "The file was left as it is.") from None
    clean_stale_temporaries(path)
    editions = doc.editions
    return LoadedSession(
        path=path,
        base_path=_resolve(editions.base, path),
        reference_path=_resolve(editions.reference, path),
        base_sha256=editions.base.sha256,
        reference_sha256=editions.reference.sha256,
        records={k: encode_session(v) for k, v in doc.decisions.items()},
        settings=dict(doc.settings),
        orphaned={k: encode_session(v) for k, v in doc.orphaned.items()},
        base_recorded=Path(editions.base.path),
        reference_recorded=Path(editions.reference.path),
        base_format=editions.base.format,
        reference_format=editions.reference.format,
        ocr_language=editions.base.ocr_language or editions.reference.ocr_language,
        channel=tuple(map(tuple, doc.channel)) if doc.channel is not None else None,
    )


def trust_problems(loaded: LoadedSession) -> list[str]:
    """Why the session's editions need the user's say-so before they are opened (empty
    when they do not): an edition whose bytes do not match the hash the session recorded,
    or one that lies neither in the session's folder nor at the absolute path recorded
    (a relative path that climbs out of the folder). A session is a file from anywhere:
    without this, one could point at any file of the user's and export its contents."""
    problems = []
    folder = _real(loaded.path.parent) if loaded.path is not None else None
    for role, where, recorded, sha in (
            ("base", loaded.base_path, loaded.base_recorded, loaded.base_sha256),
            ("reference", loaded.reference_path, loaded.reference_recorded, loaded.reference_sha256)):
        real = _real(where)
        inside = folder is not None and (real == folder or folder in real.parents)
        actual = file_sha256(where)
        if actual is None:  # unreadable: nothing to leak, and opening it says why
            continue
        if actual != sha:
            problems.append(f"the {role} edition {_clipped(where)} is not the file the session was saved with")
        elif not inside and (recorded is None or real != _real(recorded)):
            problems.append(f"the {role} edition {_clipped(where)} lies outside the session's folder")
    return problems


def attach(loaded: LoadedSession, comparison: Comparison) -> tuple[Review, ReattachReport]:
    """Apply the saved decisions to a fresh comparison, re-finding moved differences."""
    found = reattach(loaded, comparison)
    review = Review(comparison, found.decisions, found.provenance)
    review.orphaned = found.orphaned  # type: ignore[attr-defined]  # carried to the next save
    return review, found.report


@dataclass(frozen=True, slots=True)
class Reattached:
    """Where a session's saved decisions land in a comparison (see :func:`reattach`)."""

    decisions: dict[str, Decision]
    orphaned: dict[str, dict[str, Any]]
    report: ReattachReport
    provenance: dict[str, Provenance] = field(default_factory=dict)


def reattach(loaded: LoadedSession, comparison: Comparison) -> Reattached:
    """The saved decisions by the comparison's change ids: a decision whose id is gone is
    re-found by its texts (same section first); one that matches nothing is orphaned.
    A decision placed on a moved difference, or on an edition that changed, is marked as
    re-attached (its provenance names how it was first made)."""
    report = ReattachReport()
    for role, saved, edition in (("base", loaded.base_sha256, comparison.base),
                                 ("reference", loaded.reference_sha256, comparison.reference)):
        if saved and saved != edition.sha256:
            report.editions_changed.append(role)
    by_content: dict[tuple[str, str], list[Change]] = {}
    for change in comparison.changes:
        by_content.setdefault((change.base_text, change.reference_text), []).append(change)
    decisions: dict[str, Decision] = {}
    provenance: dict[str, Provenance] = {}
    orphaned = dict(loaded.orphaned)
    for cid, record in loaded.records.items():
        target = cid if cid in comparison.by_id else _refind(record, by_content, decisions)
        if target is None:
            orphaned[cid] = record
            report.orphaned.append(cid)
            continue
        report.moved += target != cid
        decisions[target] = _decision(record)
        how = _provenance(record)
        if target != cid or report.editions_changed:
            how = Provenance(Source.REATTACH, f"{how.source.value} {how.action}".strip(), how.filter)
        provenance[target] = how
    report.attached = len(decisions)
    return Reattached(decisions, orphaned, report, provenance)


def open_session(path: str | Path, trust_paths: bool = False) -> tuple[Review, ReattachReport, dict[str, Any]]:
    """Load a session, its two editions, compare them and attach the decisions.

    Editions with :func:`trust_problems` are refused unless ``trust_paths`` (the CLI's
    ``--trust-paths``; the window asks the user)."""
    loaded = load_session(path)
    if not trust_paths and (problems := trust_problems(loaded)):
        raise SessionError(f"{Path(path).name}: {'; '.join(problems)}. Check the session, then "
                           "open it with --trust-paths if it is yours.")
    try:
        base, reference = load_pair(loaded.base_path, loaded.reference_path, ocr_language=loaded.ocr_language,
                                    ocr_beside=loaded.ocr_folder)
    except EditionError as exc:
        raise SessionError(f"{Path(path).name}: one of its editions cannot be opened: {exc}") from None
    review, report = attach(loaded, compare(base, reference, loaded.channel_for(base, reference)))
    return review, report, loaded.settings


def _refind(record: dict[str, Any], by_content: dict[tuple[str, str], list[Change]],
            taken: dict[str, Decision]) -> str | None:
    candidates = [c for c in by_content.get((record.get("base_text", ""), record.get("reference_text", "")), [])
                  if c.id not in taken]
    same_section = [c for c in candidates if c.section == record.get("section")]
    pick = same_section or candidates
    return pick[0].id if pick else None


def _record(change: Change, decision: Decision, provenance: Provenance | None) -> dict[str, Any]:
    how = provenance or UNRECORDED
    return {"verdict": decision.verdict.value, "text": decision.text, "section": change.section,
            "base_text": change.base_text, "reference_text": change.reference_text,
            "provenance": {"source": how.source.value, "action": how.action, "filter": how.filter, "at": how.at}}


def _decision(record: dict[str, Any]) -> Decision:
    return Decision(Verdict(record["verdict"]), record.get("text"))


def _provenance(record: dict[str, Any]) -> Provenance:
    """A record's provenance; a schema 1 record has none, and migrates to "unrecorded"."""
    saved = record.get("provenance")
    if saved is None:
        return UNRECORDED
    return Provenance(Source(saved["source"]), str(saved.get("action", "")), str(saved.get("filter", "")),
                      str(saved.get("at", "")))


def _edition_entry(edition: Edition, session_path: Path) -> dict[str, str]:
    edition_path = edition.path
    entry = {"path": str(edition_path), "sha256": edition.sha256, "format": edition.source_format}
    language = ocr_language_of(edition)
    if language:
        entry["ocr_language"] = language
    try:
        entry["relative"] = os.path.relpath(edition_path, session_path.resolve().parent)
    except ValueError:  # another drive on Windows
        pass
    return entry


def _resolve(entry: EditionEntry, session_path: Path) -> Path:
    """The edition's path: as saved, or beside the session if the folder was moved."""
    absolute = Path(entry.path)
    if _exists(absolute) or entry.relative is None:
        return absolute
    try:
        moved = Path(os.path.realpath(_real(session_path).parent / entry.relative))
    except (OSError, ValueError):
        return absolute
    return moved if _exists(moved) else absolute


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long, a symlink loop, a NUL
        return False


def _real(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return path.absolute()


def _clipped(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 100 else text[:49] + "…" + text[-50:]
