"""Save and reopen a review: the ``.proofpair`` session file.

A session is JSON: a format tag and schema version, both editions' paths (absolute, and
relative to the session so a moved folder still opens) with their SHA-256, the settings, and
the decisions keyed by stable change id. Each decision also carries the two texts and the
section it was made on, so when an edition has changed on disk the decision can be
re-attached to the same difference even if its id moved; what cannot be placed is kept in
the file (``orphaned``) and reported, never silently dropped. Each decision records its
provenance (by hand, which bulk action, the CLI, a re-attach; and when) since schema 2; a
schema 1 session opens with its decisions marked "unrecorded" and is rewritten only when
saved.

Writes go through :func:`app.fileio.atomic_write_text`: a session is never half-written.
A corrupt session or one from a newer ProofPair raises :class:`SessionError` and is left
untouched.

Entry points: :func:`save_session`, :func:`load_session`, :func:`attach`, :func:`open_session`.
Imports: the standard library and the core.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app import __version__
from app.engine import compare
from app.fileio import atomic_write_text
from app.loading import EditionError, load_edition
from app.model import UNRECORDED, Change, Comparison, Decision, Provenance, Source, Verdict
from app.review import Review

FORMAT = "proofpair-session"
SCHEMA = 2  # 2: each decision's provenance
SESSION_SUFFIX = ".proofpair"


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

    @property
    def decisions(self) -> dict[str, Decision]:
        return {cid: _decision(rec) for cid, rec in self.records.items()}

    @property
    def provenance(self) -> dict[str, Provenance]:
        """How each saved decision was made ("unrecorded" in a schema 1 session)."""
        return {cid: _provenance(rec) for cid, rec in self.records.items()}


def save_session(path: str | Path, review: Review, settings: dict[str, Any] | None = None) -> None:
    """Write ``review`` to ``path`` atomically."""
    path = Path(path)
    comparison = review.comparison
    records = {cid: _record(review.change(cid), d, review.provenance(cid)) for cid, d in review.decisions().items()}
    doc = {
        "format": FORMAT,
        "schema": SCHEMA,
        "app_version": __version__,
        "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "editions": {
            "base": _edition_entry(comparison.base.path, comparison.base.sha256, path),
            "reference": _edition_entry(comparison.reference.path, comparison.reference.sha256, path),
        },
        "settings": settings or {},
        "decisions": records,
        "orphaned": getattr(review, "orphaned", {}),
    }
    atomic_write_text(path, json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def load_session(path: str | Path) -> LoadedSession:
    """Parse a session file (raises :class:`SessionError` with a readable reason)."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SessionError(f"{path}: no such session file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionError(f"{path.name}: cannot be read ({exc}).") from None
    except json.JSONDecodeError as exc:
        raise SessionError(f"{path.name}: is damaged and cannot be opened (invalid JSON at line "
                           f"{exc.lineno}). The file was left as it is.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError(f"{path.name}: is not a ProofPair session file.")
    schema = doc.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise SessionError(f"{path.name}: has no valid format version; it cannot be opened.")
    if schema > SCHEMA:
        raise SessionError(f"{path.name}: was saved by a newer ProofPair (session format {schema}; "
                           f"this version reads format {SCHEMA}). Update ProofPair to open it; "
                           "the file was not changed.")
    try:
        editions = doc["editions"]
        records = {str(k): dict(v) for k, v in doc.get("decisions", {}).items()}
        for record in records.values():
            _decision(record)
            _provenance(record)
        return LoadedSession(
            path=path,
            base_path=_resolve(editions["base"], path),
            reference_path=_resolve(editions["reference"], path),
            base_sha256=str(editions["base"].get("sha256", "")),
            reference_sha256=str(editions["reference"].get("sha256", "")),
            records=records,
            settings=dict(doc.get("settings", {})),
            orphaned={str(k): dict(v) for k, v in doc.get("orphaned", {}).items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SessionError(f"{path.name}: is damaged ({type(exc).__name__}: {exc}); it cannot be "
                           "opened. The file was left as it is.") from None


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


def open_session(path: str | Path) -> tuple[Review, ReattachReport, dict[str, Any]]:
    """Load a session, its two editions, compare them and attach the decisions."""
    loaded = load_session(path)
    try:
        base = load_edition(loaded.base_path)
        reference = load_edition(loaded.reference_path)
    except EditionError as exc:
        raise SessionError(f"{Path(path).name}: one of its editions cannot be opened: {exc}") from None
    review, report = attach(loaded, compare(base, reference))
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


def _edition_entry(edition_path: Path, sha256: str, session_path: Path) -> dict[str, str]:
    entry = {"path": str(edition_path), "sha256": sha256}
    try:
        entry["relative"] = os.path.relpath(edition_path, session_path.resolve().parent)
    except ValueError:  # another drive on Windows
        pass
    return entry


def _resolve(entry: dict[str, str], session_path: Path) -> Path:
    """The edition's path: as saved, or beside the session if the folder was moved."""
    absolute = Path(entry["path"])
    if absolute.exists() or "relative" not in entry:
        return absolute
    moved = (session_path.resolve().parent / entry["relative"]).resolve()
    return moved if moved.exists() else absolute
