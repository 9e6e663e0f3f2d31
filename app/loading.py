"""Read an edition file into an :class:`~app.model.Edition`, or say clearly why not.

Entry point: :func:`load_edition`. Every user error (missing path, a directory, an empty or
binary file, text in no encoding we can name) raises :class:`EditionError` whose message
names the file and what is wrong, so the CLI and the window can show it as it is.

Encodings: UTF-8 (with or without BOM) and UTF-16/32 with BOM are read directly; anything
else is identified by charset-normalizer, never by hand-rolled guessing. The text is then
given ``\\n`` newlines and NFC form; the stretches NFC rewrote are kept (``nfc_patches``)
so :func:`original_text` can give the base edition back exactly when nothing is changed.

Imports: the standard library, charset-normalizer, :mod:`app.model`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from app.model import Edition

MAX_BYTES = 512 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CLUSTER = re.compile(r".[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f"
                      r"\u0e31-\u0e3a\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


class EditionError(Exception):
    """A user error reading an edition: the message is for the user, as it stands."""


def load_edition(path: str | Path) -> Edition:
    """Load ``path`` as an edition, raising :class:`EditionError` on any user error."""
    path = Path(path)
    raw = _read_bytes(path)
    text, encoding, had_bom = decode(raw, path)
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EditionError(f"{path.name}: the file holds only blank space, no text to compare.")
    normalized, patches = nfc_with_patches(text)
    return Edition(
        path=path.resolve(),
        text=normalized,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        had_bom=had_bom,
        newline=newline,
        nfc_patches=patches,
    )


def file_sha256(path: str | Path) -> str | None:
    """The SHA-256 of a file's bytes, or None if it cannot be read (used to spot changes)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise EditionError(f"{path}: no such file.")
    if path.is_dir():
        raise EditionError(f"{path}: this is a folder, not a text file.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise EditionError(f"{path.name}: the file is {size // 2**20} MB; ProofPair reads "
                               f"editions up to {MAX_BYTES // 2**20} MB.")
        raw = path.read_bytes()
    except PermissionError:
        raise EditionError(f"{path}: permission denied; ProofPair may not read this file.") from None
    except OSError as exc:
        raise EditionError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if not raw:
        raise EditionError(f"{path.name}: the file is empty.")
    return raw


def decode(raw: bytes, path: Path) -> tuple[str, str, bool]:
    """Decode ``raw`` to text; returns ``(text, encoding, had_bom)``."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                raise EditionError(f"{path.name}: starts with a {codec.upper()} byte-order mark "
                                   "but is not valid in that encoding.") from None
            return text.lstrip("\ufeff"), codec.removesuffix("-sig"), True
    if b"\x00" in raw:
        raise EditionError(f"{path.name}: looks like a binary file (it contains NUL bytes), "
                           "not a plain-text edition.")
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(raw, path)
    if _looks_binary(text):
        raise EditionError(f"{path.name}: looks like a binary file (full of control characters), "
                           "not a plain-text edition.")
    return text, encoding, False


def _detect(raw: bytes, path: Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise EditionError(f"{path.name}: is not text in any encoding ProofPair can recognise "
                           "(is it a binary or word-processor file? Export it as plain text).")
    return str(best), best.encoding.replace("_", "-")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:20000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > max(8, len(text[:20000]) // 100)


def nfc_with_patches(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """NFC-normalize ``text`` and record every cluster NFC rewrote.

    The fast path (already NFC, the usual case) costs one ``is_normalized`` call.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, ()
    out: list[str] = []
    patches: list[tuple[int, int, str]] = []
    pos = 0
    for match in _CLUSTER.finditer(text):
        cluster = match.group()
        norm = unicodedata.normalize("NFC", cluster)
        if norm != cluster:
            patches.append((pos, pos + len(norm), cluster))
        out.append(norm)
        pos += len(norm)
    joined = "".join(out)
    if joined != unicodedata.normalize("NFC", text):  # a composition across clusters (rare)
        return unicodedata.normalize("NFC", text), ((0, len(unicodedata.normalize("NFC", text)), text),)
    return joined, tuple(patches)


def original_text(edition: Edition, start: int, end: int) -> str:
    """The edition's text for the normalized range ``[start, end)`` as the file had it.

    A patch only partly inside the range is given in normalized form (it cannot be split).
    """
    text = edition.text[start:end]
    if not edition.nfc_patches:
        return text
    parts: list[str] = []
    pos = start
    for p_start, p_end, orig in edition.nfc_patches:
        if p_end <= start or p_start < pos:
            continue
        if p_start >= end:
            break
        if p_end > end:
            continue
        parts.append(edition.text[pos:p_start])
        parts.append(orig)
        pos = p_end
    parts.append(edition.text[pos:end])
    return "".join(parts)
