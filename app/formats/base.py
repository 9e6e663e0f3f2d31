"""What every reader shares: bounded reading of regular files, and building an Edition.

Every reader obeys the safe-reading rules of plain text (:mod:`app.loading`): only regular
files are read (never a FIFO, a device or a folder), a read is bounded by the bytes actually
read, and every user error is one :class:`EditionError` whose message names the file.

:class:`TextBuilder` assembles an edition's text piece by piece, NFC-normalizing each piece
as it comes so that the spans of the words it places (:class:`~app.model.WordBox`) are
offsets into the final text. :func:`make_edition` wraps the result.

Imports: the standard library, :mod:`app.model`, :mod:`app.loading` (for EditionError).
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from pathlib import Path

from app.loading import EditionError
from app.model import Edition, Geometry, Heading, PageImage, Span, WordBox

#: The largest file any reader takes (a scan PDF of a long report is tens of MB).
MAX_BYTES = 512 * 1024 * 1024


def check_regular(path: Path) -> os.stat_result:
    """``path``'s stat if it is a regular file; an EditionError naming it otherwise."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise EditionError(f"{path}: no such file.") from None
    except PermissionError:
        raise EditionError(f"{path}: permission denied; ProofPair may not read this file.") from None
    except OSError as exc:
        raise EditionError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise EditionError(f"{path}: this is a folder, not an edition file.")
    if not stat.S_ISREG(info.st_mode):
        raise EditionError(f"{path}: is not a regular file (a device, pipe or socket); "
                           "ProofPair reads editions from ordinary files only.")
    return info


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, refusing more than ``limit`` bytes read."""
    check_regular(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except PermissionError:
        raise EditionError(f"{path}: permission denied; ProofPair may not read this file.") from None
    except OSError as exc:
        raise EditionError(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    if len(raw) > limit:
        raise EditionError(f"{path.name}: the file is larger than {limit // 2**20} MB, the most "
                           "ProofPair reads for one edition.")
    if not raw:
        raise EditionError(f"{path.name}: the file is empty.")
    return raw


def clean(text: str) -> str:
    """A piece of text as an edition holds it: ``\\n`` newlines, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


class TextBuilder:
    """Builds an edition's text and its word boxes in one pass, in text order."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self.words: list[WordBox] = []

    @property
    def position(self) -> int:
        return self._pos

    def add(self, text: str) -> tuple[int, int]:
        """Append ``text`` (cleaned); returns its span in the final text."""
        text = clean(text)
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        return start, self._pos

    def add_word(self, text: str, page: int, box: tuple[int, int, int, int],
                 confidence: float | None = None) -> None:
        """Append a word and remember where it stands on ``page``."""
        start, end = self.add(text)
        if end > start:
            x0, y0, x1, y1 = box
            self.words.append(WordBox(start, end, page, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)),
                                      None if confidence is None else min(max(confidence, 0.0), 1.0)))

    def ends_with(self, suffix: str) -> bool:
        return "".join(self._parts[-3:]).endswith(suffix)

    def text(self) -> str:
        return "".join(self._parts)


def marked_heading(text: str, start: int) -> Heading | None:
    """The heading a file's structure marks on ``text``, which stands at ``start`` of the
    edition's text: unnumbered (the text shows any number), its span without the blanks
    around it; None when ``text`` is blank."""
    title = " ".join(text.split())
    if not title:
        return None
    lead = len(text) - len(text.lstrip())
    return Heading("", title, Span(start + lead, start + len(text.rstrip())))


def make_edition(path: Path, raw_or_sha: bytes | str, text: str, source_format: str,
                 words: list[WordBox] | tuple[WordBox, ...] = (),
                 pages: list[PageImage] | tuple[PageImage, ...] = (), encoding: str = "utf-8",
                 headings: tuple[Heading, ...] = ()) -> Edition:
    """The :class:`Edition` a reader hands back (refusing one with no text at all)."""
    if not text.strip():
        raise EditionError(f"{path.name}: holds no text to compare (is it empty, or a scan whose "
                           "OCR found nothing?).")
    sha = raw_or_sha if isinstance(raw_or_sha, str) else hashlib.sha256(raw_or_sha).hexdigest()
    geometry = Geometry(tuple(words), tuple(pages)) if pages else None
    return Edition(path=path.resolve(), text=text, encoding=encoding, sha256=sha,
                   geometry=geometry, source_format=source_format, headings=headings)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a regular file, read in blocks (the OCR cache key)."""
    check_regular(path)
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
