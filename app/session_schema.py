"""The ``.proofpair`` session file's schema: every field's type and bounds, in one place.

Entry point: :func:`decode_session`, bytes -> :class:`SessionDoc`, or :class:`SchemaError`
whose message names the field (``decisions[…].text``). The whole file is validated by
msgspec before any of it is used: types (``"schema": true`` is not a version, a decision's
texts are strings), bounds (string lengths, integer ranges, finite floats), depth (nesting
beyond msgspec's limit is refused, not a ``RecursionError``), lone surrogates (invalid JSON
for the decoder) and bytes that are not UTF-8.

Growing the format: a new optional field is one line here, with a default, in the struct it
belongs to (old files load, and unknown fields of newer minor writers are ignored). A change
that old files cannot meet raises :data:`SCHEMA` and adds a function to :data:`MIGRATIONS`
that turns a version ``n`` document (plain JSON data) into version ``n + 1``; an older file
is migrated in memory at load and rewritten only when the user saves.

Imports: the standard library and msgspec.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

FORMAT = "proofpair-session"
#: The version this ProofPair writes and reads (older versions are migrated).
SCHEMA = 2  # 2: each decision's provenance
#: ``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    # a schema 1 decision has no provenance: it stays absent and reads as "unrecorded"
    1: lambda doc: {**doc, "schema": 2},
}

_MAX_TEXT = 16 * 2**20  # one change's text; a whole edition is at most 512 MB, a change far less
_MAX_PATH = 4096

Path_ = Annotated[str, Meta(min_length=1, max_length=_MAX_PATH, pattern=r"^[^\x00]*$")]
Key = Annotated[str, Meta(min_length=1, max_length=256)]
Text = Annotated[str, Meta(max_length=_MAX_TEXT)]
Sha256 = Annotated[str, Meta(pattern=r"^(?:[0-9a-f]{64})?$")]
Int = Annotated[int, Meta(ge=-(2**53), le=2**53)]
Float = Annotated[float, Meta(ge=-1e300, le=1e300)]
Scalar = bool | Int | Float | Annotated[str, Meta(max_length=_MAX_PATH)] | None
Setting = Scalar | Annotated[list[Scalar], Meta(max_length=1000)]
Verdict = Literal["pending", "accepted", "rejected", "edited"]
#: one confusion of the OCR channel model: base glyphs, reference glyphs, how often seen
Confusion = tuple[Annotated[str, Meta(min_length=0, max_length=64)], Annotated[str, Meta(max_length=64)],
                  Annotated[int, Meta(ge=1, le=2**53)]]


class SchemaError(ValueError):
    """A session document that does not fit the schema; the message names the field."""


class EditionEntry(Struct, forbid_unknown_fields=False):
    """Where an edition was (absolute, and relative to the session) and its SHA-256."""

    path: Path_
    sha256: Sha256 = ""
    relative: Path_ | None = None
    #: the reader that made the edition (app.formats); sessions saved before formats: text
    format: Annotated[str, Meta(max_length=40, pattern=r"^[a-z0-9_-]+$")] = "text"
    #: the Tesseract language an OCR'd edition was read in
    ocr_language: Annotated[str, Meta(max_length=40, pattern=r"^[A-Za-z0-9_+-]+$")] | None = None


class Editions(Struct):
    base: EditionEntry
    reference: EditionEntry


class ProvenanceRecord(Struct, forbid_unknown_fields=False):
    """How and when a decision was made (app.model.Provenance)."""

    source: Literal["hand", "bulk", "cli", "reattach", "unrecorded"] = "unrecorded"
    action: Annotated[str, Meta(max_length=500)] = ""
    filter: Annotated[str, Meta(max_length=500)] = ""
    at: Annotated[str, Meta(max_length=40)] = ""


class DecisionRecord(Struct, forbid_unknown_fields=False, omit_defaults=True):
    """One saved decision, with the texts and section that re-find its change."""

    verdict: Verdict
    text: Text | None = None
    section: Annotated[str, Meta(max_length=256)] | None = None
    base_text: Text = ""
    reference_text: Text = ""
    provenance: ProvenanceRecord | None = None

    def __post_init__(self) -> None:
        if (self.verdict == "edited") != (self.text is not None):
            raise ValueError("an edited decision needs its text, and only an edited one has one")


class Header(Struct, forbid_unknown_fields=False):
    """What is read first: is it a session, and of which version."""

    format: Any = None
    schema: Any = None


class SessionDoc(Struct, forbid_unknown_fields=False):
    """A whole session document of the current :data:`SCHEMA`."""

    format: Literal["proofpair-session"]
    schema: Annotated[int, Meta(ge=1, le=SCHEMA)]
    editions: Editions
    decisions: dict[Key, DecisionRecord] = {}
    orphaned: dict[Key, DecisionRecord] = {}
    settings: Annotated[dict[Key, Setting], Meta(max_length=1000)] = {}
    app_version: Annotated[str, Meta(max_length=100)] = ""
    saved: Annotated[str, Meta(max_length=100)] = ""
    #: the OCR channel model the review was judged with (app.judge.channel); None: not kept
    channel: Annotated[list[Confusion], Meta(max_length=1_000_000)] | None = None


class NotASession(SchemaError):
    """Valid JSON, but not a ProofPair session at all."""


class NewerSchema(SchemaError):
    """A session from a newer ProofPair (``version`` is its schema)."""

    def __init__(self, version: int) -> None:
        super().__init__(f"session format {version}")
        self.version = version


def decode_session(data: bytes) -> SessionDoc:
    """Validate and decode a session file's bytes (raises :class:`SchemaError`)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SchemaError(f"is not UTF-8 text (line {line})") from None
    del text
    if not data.lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"{"):
        raise NotASession("not a ProofPair session")  # not even a JSON object: another kind of file
    header = _decode(data, Header)
    if header.format != FORMAT:
        raise NotASession("not a ProofPair session")
    version = header.schema
    if type(version) is not int or version < 1:
        raise SchemaError("has no valid format version (field schema)")
    if version > SCHEMA:
        raise NewerSchema(version)
    if version == SCHEMA:
        return _decode(data, SessionDoc)
    doc = _decode(data, dict)
    for step in range(version, SCHEMA):
        doc = MIGRATIONS[step](doc)
    try:
        return msgspec.convert(doc, SessionDoc)
    except msgspec.ValidationError as exc:
        raise SchemaError(_field_message(str(exc))) from None


def encode_session(doc: SessionDoc) -> dict[str, Any]:
    """``doc`` as plain JSON data (for the writer's ``json.dumps``)."""
    return msgspec.to_builtins(doc)


def _decode(data: bytes, kind: Any) -> Any:
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as exc:
        raise SchemaError(_field_message(str(exc))) from None
    except msgspec.DecodeError as exc:
        raise SchemaError(f"is not valid JSON ({_decode_reason(str(exc))})") from None
    except RecursionError:
        raise SchemaError("is nested too deeply to be a session") from None


def _field_message(message: str) -> str:
    reason, _, where = message.partition(" - at `")
    where = where.rstrip("`").removeprefix("$").lstrip(".") or "the top level"
    return f"has a bad value at {where}: {reason}"


def _decode_reason(message: str) -> str:
    if "escape" in message or "truncated" in message:
        return f"it ends too early or has a bad \\u escape, such as a lone surrogate: {message}"
    return message.removeprefix("JSON is malformed: ")
