"""Which reader a file needs, from its bytes first and its name second.

Magic bytes decide binaries (``%PDF-``, PNG, JPEG, TIFF, and zips by their members: DOCX has
``word/document.xml``, ODT a ``mimetype`` of OpenDocument text); XML by its root element
(``alto``, ``PcGts``, or hOCR's ``ocr_page`` classes in (X)HTML); other HTML by its start;
Markdown only by its suffix (it is plain text otherwise). Anything else is plain text
(:mod:`app.loading` then refuses binaries as it always has), even when it starts with a
``<``. XML (an ``<?xml`` declaration, or an XML suffix) that is none of the formats
ProofPair reads is refused here, naming the file.

Entry point: :func:`sniff`. Imports: the standard library, :mod:`app.loading`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from app.loading import EditionError

HEAD = 65536
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
XML_SUFFIXES = frozenset({".xml", ".hocr", ".alto"})
#: An XML document's root element, and what may stand before it (with ``re.S``): patterns
#: compiled by :mod:`re` the first time markup is sniffed, not at every start (1.4 M
#: instructions a plain-text compare paid for them)
_ROOT = rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]"
_DOCTYPE_OR_DECL = rb"\s*(<\?[^>]*\?>|<!--.*?-->|<![^>]*>|\s)*"

#: What each format is, in words for the editor.
DESCRIPTIONS = {"text": "plain text", "pdf": "PDF", "image": "page image", "docx": "Word document",
                "odt": "OpenDocument text", "hocr": "hOCR (OCR with word boxes)", "alto": "ALTO XML (OCR)",
                "page": "PAGE XML (OCR)", "html": "HTML", "markdown": "Markdown"}


def sniff(path: Path, head: bytes, raw: bytes | None = None) -> str:
    """The format of the file ``path`` whose first bytes are ``head`` (``raw``: all of them,
    needed only for zips). One of :data:`DESCRIPTIONS`' keys."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, raw if raw is not None else head)
    if start.startswith(b"<"):
        return _markup_kind(path, start)
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _zip_kind(path: Path, raw: bytes) -> str:
    import zipfile  # here, not at the top: a plain-text compare need not pay for it
    import zlib

    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
        archive = zipfile.ZipFile(io.BytesIO(raw))
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, KeyError, RuntimeError, EOFError) as exc:
        raise EditionError(f"{path.name}: is a damaged zip archive, not a document ProofPair can read "
                           f"({exc}).") from None
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text") or (
            "content.xml" in names and path.suffix.lower() == ".odt"):
        return "odt"
    raise EditionError(f"{path.name}: is a zip archive that is neither a Word (.docx) nor an "
                       "OpenDocument (.odt) document; ProofPair cannot read it.")


def _markup_kind(path: Path, start: bytes) -> str:
    lowered = start[:HEAD].lower()
    if b"<!entity" in lowered:
        raise EditionError(f"{path.name}: the XML declares entities, which no OCR or office format "
                           "needs and which can hide an 'XML bomb'; ProofPair refuses to read it.")
    if b"ocr_page" in lowered or b"ocr-system" in lowered:
        return "hocr"
    body = start[re.match(_DOCTYPE_OR_DECL, start, re.S).end():]  # type: ignore[union-attr]
    root = re.match(_ROOT, body)
    name = root.group(2).decode("ascii", "replace") if root else ""
    if name == "alto":
        return "alto"
    if name == "PcGts":
        return "page"
    if name.lower() == "html" or lowered.startswith(b"<!doctype html") or path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    if lowered.startswith(b"<?xml") or path.suffix.lower() in XML_SUFFIXES:
        raise EditionError(f"{path.name}: is XML (root <{name or '?'}>) but none of the OCR formats "
                           "ProofPair reads (hOCR, ALTO, PAGE XML); export the text or the OCR in one of those.")
    return "text"
