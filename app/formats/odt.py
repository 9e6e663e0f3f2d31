"""ODT (OpenDocument text) -> Edition, laid out like DOCX (:mod:`app.formats.docx`).

Headings (``text:h``, with the number LibreOffice stores in ``text:number`` when the
outline is numbered) and paragraphs in body order, one blank line between them; list items
read "• item" when their list level is a bullet, "N. item" (the level's prefix, format and
suffix) when numbered; ``text:s`` / ``text:tab`` / ``text:line-break`` as space, tab and
line break; notes (``text:note``) become their citation in the text and are kept at the
end under "Footnotes", as DOCX footnotes are.

The archive is checked by :mod:`app.formats.zipped`, then parsed by odfpy.

Entry point: :func:`read_odt`. Imports: odfpy, the formats base.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from app.formats.base import TextBuilder, make_edition
from app.formats.docx import BULLET, FOOTNOTES_TITLE, _format
from app.formats.zipped import check_zip
from app.loading import EditionError
from app.model import Edition

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def read_odt(path: Path, raw: bytes) -> Edition:
    from odf.opendocument import load

    archive = check_zip(raw, path.name, "OpenDocument text")
    if "content.xml" not in archive.namelist():
        raise EditionError(f"{path.name}: is a zip archive but not an OpenDocument text (no content.xml).")
    try:
        document = load(io.BytesIO(raw))
    except Exception as exc:  # odfpy raises whatever its SAX parser or zip reader raise
        raise EditionError(f"{path.name}: the OpenDocument text is damaged ({type(exc).__name__}: {exc}).") from None
    reader = _Reader(document)
    reader.walk(document.text, [])
    out = TextBuilder()
    paragraphs = [p.rstrip() for p in reader.paragraphs if p.strip()]
    out.add("\n\n".join(paragraphs))
    if reader.notes:
        out.add("\n\n" + FOOTNOTES_TITLE + "\n\n" + "\n".join(f"{n} {t}" for n, t in reader.notes))
    return make_edition(path, raw, out.text() + "\n", "odt")


class _Reader:
    def __init__(self, document: Any) -> None:
        self.paragraphs: list[str] = []
        self.notes: list[tuple[str, str]] = []
        self.list_styles = {}
        for root in (document.automaticstyles, document.styles):
            for el in getattr(root, "childNodes", []):
                if _is(el, TEXT, "list-style"):
                    self.list_styles[el.getAttrNS(STYLE, "name")] = el

    def walk(self, node: Any, lists: list[tuple[Any, list[int]]]) -> None:
        for el in getattr(node, "childNodes", []):
            if _is(el, TEXT, "h") or _is(el, TEXT, "p"):
                self.paragraphs.append(self._inline(el))
            elif _is(el, TEXT, "list"):
                name = el.getAttrNS(TEXT, "style-name") or (lists[-1][0] if lists else None)
                self.walk(el, [*lists, (name, [0])])
            elif _is(el, TEXT, "list-item") and lists:
                lists[-1][1][0] += 1
                before = len(self.paragraphs)
                self.walk(el, lists)
                if len(self.paragraphs) > before:
                    self.paragraphs[before] = f"{self._label(lists)} {self.paragraphs[before].lstrip()}"
            elif el.nodeType == el.ELEMENT_NODE:
                self.walk(el, lists)

    def _label(self, lists: list[tuple[Any, list[int]]]) -> str:
        name, counter = lists[-1]
        style = self.list_styles.get(name)
        level = str(len(lists))
        for el in getattr(style, "childNodes", []):
            if el.getAttrNS(TEXT, "level") != level:
                continue
            if _is(el, TEXT, "list-level-style-number"):
                fmt = _FORMATS.get(el.getAttrNS(STYLE, "num-format") or "1", "decimal")
                prefix, suffix = el.getAttrNS(STYLE, "num-prefix") or "", el.getAttrNS(STYLE, "num-suffix") or ""
                return f"{prefix}{_format(counter[0], fmt)}{suffix}"
            return BULLET
        return BULLET

    def _inline(self, node: Any) -> str:
        parts: list[str] = []
        for el in getattr(node, "childNodes", []):
            if el.nodeType == el.TEXT_NODE:
                parts.append(str(el.data))
            elif _is(el, TEXT, "s"):
                parts.append(" " * int(el.getAttrNS(TEXT, "c") or 1))
            elif _is(el, TEXT, "tab"):
                parts.append("\t")
            elif _is(el, TEXT, "line-break"):
                parts.append("\n")
            elif _is(el, TEXT, "note"):
                citation = next((c for c in el.childNodes if _is(c, TEXT, "note-citation")), None)
                body = next((c for c in el.childNodes if _is(c, TEXT, "note-body")), None)
                label = self._inline(citation) if citation is not None else str(len(self.notes) + 1)
                text = " ".join(self._inline(p) for p in getattr(body, "childNodes", []))
                self.notes.append((label, " ".join(text.split())))
                parts.append(label)
            elif _is(el, TEXT, "number"):
                parts.append(self._inline(el) + " ")
            elif el.nodeType == el.ELEMENT_NODE:
                parts.append(self._inline(el))
        return "".join(parts)


def _is(el: Any, namespace: str, name: str) -> bool:
    return getattr(el, "qname", None) == (namespace, name)
