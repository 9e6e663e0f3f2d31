"""Read an edition file into an :class:`~app.model.Edition`, or say clearly why not.

Entry point: :func:`load_edition`. Every user error (missing path, a folder, a FIFO or a
device, an empty, binary or too large file, text in no encoding we can name) raises
:class:`EditionError` whose message names the file and what is wrong, so the CLI and the
window can show it as it is.

Reading: regular files only (a FIFO or ``/dev/zero`` is refused before it is read), at most
:data:`MAX_BYTES` counted as they are read (:func:`app.fileio.read_regular`).

Charsets, honestly (:func:`decode`):

* a byte-order mark says UTF-8/16/32; UTF-16/32 without one is recognised by its pattern
  of NUL bytes (ASCII text in UTF-16 has a NUL in every other byte);
* valid UTF-8 is UTF-8;
* *damaged* UTF-8 stays UTF-8: each undecodable byte becomes U+FFFD, visible, and a note
  names its lines. More than :data:`MAX_BAD_BYTES` such bytes and the file is refused, naming
  the first line. Never a silent switch to a legacy charset because of one stray byte. Which
  files are damaged UTF-8 rather than legacy text is decided in one place,
  :func:`_damaged_utf8` (why is said there);
* otherwise a legacy charset from :data:`LEGACY_CHARSETS` (identified by
  charset-normalizer, never EBCDIC), and only when the whole text is plausible in it (no
  control characters, non-ASCII characters that are letters or common signs); the note says
  which charset was used.

The notes travel in ``Edition.notes`` (the CLI prints them, the window shows them).

Exact round trip: the text is given ``\\n`` newlines and NFC form; every stretch that either
rewrote is kept in ``Edition.nfc_patches`` so :func:`original_text` gives the file's own
code points and line endings back. A file with one kind of line ending has
``Edition.newline`` set to it (the writer puts it back); a file with mixed line endings has
``newline == "\\n"`` and a patch for each ``\\r\\n`` or ``\\r``.

Imports: the standard library, charset-normalizer (lazily), :mod:`app.model`, :mod:`app.fileio`.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import hashlib
import re
import unicodedata
from pathlib import Path

from app.fileio import NotRegularFile, TooLarge, describe_os_error, read_regular, shown_path
from app.model import Edition

MAX_BYTES = 512 * 1024 * 1024
#: More undecodable bytes than this in a mostly-UTF-8 file: refused rather than patched.
MAX_BAD_BYTES = 64
#: A file with fewer non-UTF-8 bytes than one in this many is damaged UTF-8, not legacy text
#: (see :func:`_damaged_utf8`).
LEGACY_BYTES_PER_LETTER = 2000
#: Lines named in a note before "…".
_LINES_NAMED = 8

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The legacy charsets a file may be read in when it is not UTF-8, by charset-normalizer's
#: names. Deliberately no EBCDIC (cp037, cp500, cp1140…), no HP Roman-8 and no rare ISO
#: parts: any byte string "decodes" in those, so they are never a plausible guess.
LEGACY_CHARSETS = (
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "iso8859_5",
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1257", "iso8859_13", "cp1255", "cp1256",
    "mac_roman", "cp437", "cp850", "shift_jis", "cp932", "euc_jp", "gb18030", "big5", "euc_kr",
    "cp949", "tis_620",
)
#: Non-letters a legacy text may hold outside ASCII (anything else makes the guess implausible).
_LEGACY_SIGNS = frozenset("«»‹›–—‘’‚“”„•…€£¥¢§¶°±²³¹µ·×÷©®™¼½¾¿¡ªº\u00a0\u00ad¦¬¯´¸¨†‡‰")
_NEWLINE = re.compile(r"\r\n?")
#: A byte UTF-8 could not decode, as ``surrogateescape`` keeps it: a pattern compiled by
#: :mod:`re` when a file first holds one, not at every start
_ESCAPED = r"[\udc80-\udcff]"
#: Control characters (category Cc) other than tab, newline, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class EditionError(Exception):
    """A user error reading an edition: the message is for the user, as it stands."""


def load_edition(path: str | Path) -> Edition:
    """Load ``path`` as an edition, raising :class:`EditionError` on any user error."""
    path = Path(path)
    raw = _read_bytes(path)
    text, encoding, had_bom, notes = decode_with_notes(raw, path)
    if not text.strip():
        raise EditionError(f"{path.name}: the file holds only blank space, no text to compare.")
    normalized, newline, patches = normalize(text)
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        resolved = path.absolute()
    return Edition(
        path=resolved,
        text=normalized,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        had_bom=had_bom,
        newline=newline,
        nfc_patches=patches,
        notes=notes,
    )


def file_sha256(path: str | Path) -> str | None:
    """The SHA-256 of a file's bytes, or None if it cannot be read (used to spot changes)."""
    try:
        return hashlib.sha256(read_regular(path, MAX_BYTES)).hexdigest()
    except OSError:
        return None


def _read_bytes(path: Path) -> bytes:
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise EditionError(f"{shown_path(path)}: no such file.") from None
    except TooLarge:
        raise EditionError(f"{path.name}: the file is larger than {MAX_BYTES // 2**20} MB; ProofPair "
                           f"reads editions up to {MAX_BYTES // 2**20} MB.") from None
    except NotRegularFile as exc:
        if "folder" in str(exc):
            raise EditionError(f"{shown_path(path)}: this is a folder, not a text file.") from None
        raise EditionError(f"{describe_os_error(exc, path)}; ProofPair reads editions from regular "
                           "files only.") from None
    except PermissionError:
        raise EditionError(f"{shown_path(path)}: permission denied; ProofPair may "
                           "not read this file.") from None
    except OSError as exc:
        raise EditionError(f"{describe_os_error(exc, path)}.") from None
    if not raw:
        raise EditionError(f"{path.name}: the file is empty.")
    return raw


# -- charsets ------------------------------------------------------------------------------------

def decode(raw: bytes, path: Path) -> tuple[str, str, bool]:
    """Decode ``raw`` to text; returns ``(text, encoding, had_bom)`` (see the module docstring)."""
    text, encoding, had_bom, _notes = decode_with_notes(raw, path)
    return text, encoding, had_bom


def decode_with_notes(raw: bytes, path: Path) -> tuple[str, str, bool, tuple[str, ...]]:
    """:func:`decode`, plus the notes the user must read (replaced bytes, a legacy charset)."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                raise EditionError(f"{path.name}: starts with a {codec.upper()} byte-order mark "
                                   "but is not valid in that encoding.") from None
            return _checked(text.removeprefix("\ufeff"), path), codec.removesuffix("-sig"), True, ()
    if b"\x00" in raw:
        wide = _wide_unicode(raw)
        if wide is None:
            raise EditionError(f"{path.name}: looks like a binary file (it contains NUL bytes), "
                               "not a plain-text edition.")
        text, codec = wide
        return _checked(text, path), codec, False, (f"{path.name}: read as {codec.upper()} (no byte-order mark).",)
    try:
        return _checked(raw.decode("utf-8"), path), "utf-8", False, ()
    except UnicodeDecodeError:
        pass
    escaped = raw.decode("utf-8", errors="surrogateescape")
    bad = [m.start() for m in re.finditer(_ESCAPED, escaped)]
    ascii_bytes = len(raw) - len(raw.translate(None, bytes(range(128))))
    good = len(escaped) - ascii_bytes - len(bad)  # valid multi-byte characters
    if _damaged_utf8(good, len(bad), len(raw)):
        return _mostly_utf8(escaped, bad, path)
    text, encoding = _legacy(raw, path, escaped, bad)
    return text, encoding, False, (f"{path.name}: not UTF-8; read as {encoding} "
                                   f"({_describe_charset(encoding)}).",)


def _damaged_utf8(good: int, bad: int, size: int) -> bool:
    """Whether a file that is not valid UTF-8 is UTF-8 with damage (its ``bad`` undecodable
    bytes shown as U+FFFD) rather than text in a legacy charset; ``good`` counts its valid
    multi-byte UTF-8 characters, ``size`` its bytes. The rule, and why:

    * at least as many valid multi-byte characters as bad bytes: UTF-8. A legacy text's
      non-ASCII letters almost never form valid UTF-8 sequences (``ä`` in Latin-1 is one
      byte above 0x7F followed by ASCII), so valid sequences are the writer's own UTF-8;
    * else the bad bytes must be frequent enough to be a language's letters. What a legacy
      charset puts above 0x7F are the letters and signs of the text's language (``é``, ``ä``,
      curly quotes), which recur all through it: Swedish, German or French prose has one
      every few dozen bytes, and even English with typographic quotes one every few hundred.
      Damage is a few bytes wherever it struck, whatever the size of the file. So fewer
      than one bad byte per :data:`LEGACY_BYTES_PER_LETTER` bytes is damage: one stray
      0xFF or 0xE9 in 100 KB of ASCII is a flipped or cut byte, shown and named, never a
      reason to read the whole file as cp1252. (A short file with one such byte, ``Café``
      in Latin-1, is read as a legacy charset when it is plausible in one, and the note says
      so.)"""
    return good >= bad or bad * LEGACY_BYTES_PER_LETTER < size


def _mostly_utf8(escaped: str, bad: list[int], path: Path) -> tuple[str, str, bool, tuple[str, ...]]:
    lines = _line_numbers(escaped, bad)
    if len(bad) > MAX_BAD_BYTES:
        raise EditionError(f"{path.name}: is UTF-8 with {len(bad)} bytes that are not (first on line "
                           f"{lines[0]}); convert it to UTF-8 and open it again.")
    text = _checked(re.sub(_ESCAPED, "\ufffd", escaped), path)
    named = ", ".join(map(str, lines[:_LINES_NAMED])) + (", …" if len(lines) > _LINES_NAMED else "")
    count = f"{len(bad)} byte{'s' if len(bad) > 1 else ''}"
    return text, "utf-8", False, (
        f"{path.name}: {count} not valid UTF-8 shown as \ufffd (line{'s' if len(lines) > 1 else ''} {named}).",)


def _line_numbers(text: str, positions: list[int]) -> list[int]:
    """The distinct 1-based line numbers of ``positions`` in ``text``, in order."""
    breaks = [m.start() for m in re.finditer(r"\r\n?|\n", text)]
    return list(dict.fromkeys(bisect.bisect_left(breaks, p) + 1 for p in positions))


def _legacy(raw: bytes, path: Path, escaped: str, bad: list[int]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    first = _line_numbers(escaped, bad[:1])[0]
    refused = (f"{path.name}: is not UTF-8 (line {first}) and not plausibly text in one legacy "
               "charset either; convert it to UTF-8 and open it again.")
    ranked = []
    for match in from_bytes(raw, cp_isolation=list(LEGACY_CHARSETS)):
        names = [n for n in (match.encoding, *match.could_be_from_charset) if n in LEGACY_CHARSETS]
        if names and match.chaos <= 0.25:
            # charset-normalizer's order between near-equal candidates is arbitrary (cp1250
            # before cp1252 for Swedish): near-equal ones go by LEGACY_CHARSETS' order
            name = min(names, key=LEGACY_CHARSETS.index)
            ranked.append((round(match.chaos, 2), -round(match.coherence, 1), LEGACY_CHARSETS.index(name), name))
    for *_, name in sorted(ranked):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return _checked(text, path), name.replace("_", "-")
    raise EditionError(refused)


def _plausible(text: str) -> bool:
    """Whether a legacy decoding reads as text: no controls, non-ASCII mostly letters."""
    odd = 0
    wide = 0
    for ch in set(text):
        if ch <= "\x7f":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cn", "Cs"):
            return False
        if not (category.startswith(("L", "M", "N")) or ch in _LEGACY_SIGNS):
            odd += 1
        wide += 1
    return odd <= max(1, wide // 10)


def _describe_charset(encoding: str) -> str:
    key = encoding.replace("-", "_")
    return {"cp1252": "Windows Western European", "latin_1": "ISO Latin-1", "iso8859_15": "ISO Latin-9",
            "cp1250": "Windows Central European", "iso8859_2": "ISO Latin-2", "cp1251": "Windows Cyrillic",
            "koi8_r": "Russian KOI8-R", "mac_roman": "Mac Roman", "cp437": "DOS US", "cp850": "DOS Western",
            "shift_jis": "Japanese Shift-JIS", "cp932": "Japanese Windows", "euc_jp": "Japanese EUC",
            "gb18030": "Chinese GB18030", "big5": "Chinese Big5", "euc_kr": "Korean EUC"}.get(key, "legacy")


def _wide_unicode(raw: bytes) -> tuple[str, str] | None:
    """UTF-16/32 without a byte-order mark, told by where the NUL bytes fall; else None."""
    sample = raw[: 1 << 16]
    quads = len(sample) // 4
    if quads < 2:
        return None
    nul = [sample[i : quads * 4 : 4].count(0) for i in range(4)]
    candidates = []
    if len(raw) % 4 == 0:
        if nul[2] == nul[3] == quads and nul[0] < quads // 20 + 1:
            candidates.append("utf-32-le")
        if nul[0] == nul[1] == quads and nul[3] < quads // 20 + 1:
            candidates.append("utf-32-be")
    if len(raw) % 2 == 0:
        if nul[1] + nul[3] >= quads * 2 * 0.3 and nul[0] + nul[2] <= quads * 2 * 0.02 + 1:
            candidates.append("utf-16-le")
        if nul[0] + nul[2] >= quads * 2 * 0.3 and nul[1] + nul[3] <= quads * 2 * 0.02 + 1:
            candidates.append("utf-16-be")
    for codec in candidates:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and not _looks_binary(text):
            return text, codec
    return None


def _checked(text: str, path: Path) -> str:
    if _looks_binary(text):
        raise EditionError(f"{path.name}: looks like a binary file (full of control characters), "
                           "not a plain-text edition.")
    return text


def _looks_binary(text: str) -> bool:
    head = text[:20000]
    controls = len(_CONTROLS.findall(head))
    return "\x00" in head or controls > max(8, len(head) // 100)


# -- normalization with an exact way back ----------------------------------------------------------

def normalize(text: str) -> tuple[str, str, tuple[tuple[int, int, str], ...]]:
    """``text`` with ``\\n`` newlines and in NFC, the newline to write back, and the patches
    that give the original back (see :func:`original_text`)."""
    kinds = set(_NEWLINE.findall(text))
    lf = "\n" in text.replace("\r\n", "")
    if not kinds:
        unified, newline, nl_patches = text, "\n", ()
    elif len(kinds) == 1 and not lf:  # one kind of line ending: the writer puts it back
        newline = kinds.pop()
        unified, nl_patches = _NEWLINE.sub("\n", text), ()
    else:  # mixed: each \r\n or \r is a patch, and the writer writes \n as it is
        newline = "\n"
        unified, nl_patches = _unify_with_patches(text)
    normalized, nfc_patches = nfc_with_patches(unified)
    if not nl_patches:
        return normalized, newline, nfc_patches
    if not nfc_patches:
        return normalized, newline, nl_patches
    return normalized, newline, _merge(normalized, unified, nl_patches, nfc_patches)


def _unify_with_patches(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    parts: list[str] = []
    patches: list[tuple[int, int, str]] = []
    pos = shift = 0
    for match in _NEWLINE.finditer(text):
        parts.append(text[pos : match.start()])
        at = match.start() - shift
        patches.append((at, at + 1, match.group()))
        parts.append("\n")
        shift += len(match.group()) - 1
        pos = match.end()
    parts.append(text[pos:])
    return "".join(parts), tuple(patches)


def _merge(normalized: str, unified: str, nl: tuple[tuple[int, int, str], ...],
           nfc: tuple[tuple[int, int, str], ...]) -> tuple[tuple[int, int, str], ...]:
    """Newline patches (offsets in ``unified``) and NFC patches (offsets in ``normalized``)
    as one sorted list in ``normalized`` offsets. NFC never touches a newline, so a newline
    is either outside every NFC patch (its offset shifts by what NFC took out before it) or
    the first character of one (a newline followed by combining marks), whose original then
    takes the newline's original."""
    out: list[tuple[int, int, str]] = []
    shrink = 0  # unified offset - normalized offset, before the current position
    nl_by_unified = {start: orig for start, _end, orig in nl}
    nl_starts = sorted(nl_by_unified)
    k = 0
    for p_start, p_end, orig in nfc:
        u_start = p_start + shrink
        while k < len(nl_starts) and nl_starts[k] < u_start:
            at = nl_starts[k] - shrink
            out.append((at, at + 1, nl_by_unified[nl_starts[k]]))
            k += 1
        if k < len(nl_starts) and nl_starts[k] == u_start and orig.startswith("\n"):
            orig = nl_by_unified[nl_starts[k]] + orig[1:]
            k += 1
        out.append((p_start, p_end, orig))
        shrink += len(_NEWLINE.sub("\n", orig)) - (p_end - p_start)
    while k < len(nl_starts):
        at = nl_starts[k] - shrink
        out.append((at, at + 1, nl_by_unified[nl_starts[k]]))
        k += 1
    return tuple(out)


@functools.cache
def _composition_seconds() -> frozenset[str]:
    """Characters that NFC may compose onto the character before them (built once, lazily:
    only a text that is not already NFC needs it)."""
    seconds = {chr(cp) for cp in range(0x1161, 0x1176)} | {chr(cp) for cp in range(0x11A8, 0x11C3)}
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(chr(int(parts[1], 16)))
    return frozenset(seconds)


def _segments(text: str) -> re.Pattern[str]:
    """A pattern matching the stretches NFC normalizes independently in ``text``: each
    starts at a stable starter (combining class 0, never composed onto what precedes it,
    and so is the first character of its canonical decomposition: ``é`` and U+F96E are,
    U+0F73 is not) and runs to the next one."""
    seconds = _composition_seconds()
    unstable = []
    for ch in set(text):
        first = unicodedata.normalize("NFD", ch)[0]  # what NFC could join to the text before
        if unicodedata.combining(ch) or ch in seconds or unicodedata.combining(first) or first in seconds:
            unstable.append(ch)
    if not unstable:
        return re.compile(r".", re.S)
    group = "".join(sorted(re.escape(ch) for ch in unstable))
    return re.compile(rf".[{group}]*", re.S)


def nfc_with_patches(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """NFC-normalize ``text`` and record every stretch NFC rewrote.

    The fast path (already NFC, the usual case) costs one ``is_normalized`` call.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, ()
    out: list[str] = []
    patches: list[tuple[int, int, str]] = []
    pos = 0
    for match in _segments(text).finditer(text):
        segment = match.group()
        norm = unicodedata.normalize("NFC", segment)
        if norm != segment:
            patches.append((pos, pos + len(norm), segment))
        out.append(norm)
        pos += len(norm)
    joined = "".join(out)
    whole = unicodedata.normalize("NFC", text)
    if joined != whole:  # cannot happen with stable starters; kept as a safe fallback
        return whole, ((0, len(whole), text),)
    return joined, tuple(patches)


def original_text(edition: Edition, start: int, end: int) -> str:
    """The edition's text for the normalized range ``[start, end)`` as the file had it
    (its code points, and its line endings where they were mixed).

    A patch only partly inside the range is given in normalized form (it cannot be split).
    """
    text = edition.text[start:end]
    patches = edition.nfc_patches
    if not patches:
        return text
    parts: list[str] = []
    pos = start
    first = bisect.bisect_right(patches, start, key=lambda p: p[1])
    for p_start, p_end, orig in patches[first:]:
        if p_start >= end:
            break
        if p_start < pos or p_end > end:
            continue
        parts.append(edition.text[pos:p_start])
        parts.append(orig)
        pos = p_end
    parts.append(edition.text[pos:end])
    return "".join(parts)
