"""DOCX (Word) -> Edition, as the reader of the document sees it.

Paragraphs (and table cells' paragraphs) in body order, separated by a blank line, as a
Word "save as text" gives them (the corpus ``draft.txt``). Word's automatic numbering is
rendered into the text from ``numbering.xml`` (the paragraph's own ``numPr`` or its
style's, through ``basedOn``): a heading numbered ``%1.%2`` reads "2.1 Title", a bullet
level reads "• item", lettered and roman levels as Word shows them; the label is followed
by one space (Word's tab). Paragraphs in a Heading 1–9 or Title style (or one based on
them, or with an outline level) are the edition's ``headings``. Footnotes are kept: each reference is its number in the text,
and the footnotes follow at the end under a "Footnotes" line, each "N text".

The package is checked by :mod:`app.formats.zipped` and then opened with python-docx; a zip
that is not a Word document is one EditionError naming the file.

Entry point: :func:`read_docx`. Imports: python-docx, lxml, the formats base.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from app.formats.base import TextBuilder, clean, make_edition, marked_heading
from app.formats.zipped import check_zip
from app.loading import EditionError
from app.model import Edition

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "•"
#: Word's built-in heading styles by name (their ids are localised, their names are not).
_HEADING_STYLE = re.compile(r"heading [1-9]|title")
FOOTNOTES_TITLE = "Footnotes"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def read_docx(path: Path, raw: bytes) -> Edition:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    archive = check_zip(raw, path.name, "Word document")
    if "word/document.xml" not in archive.namelist():
        raise EditionError(f"{path.name}: is a zip archive but not a Word document (no word/document.xml).")
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, AttributeError) as exc:
        raise EditionError(f"{path.name}: is not a readable Word document ({type(exc).__name__}: {exc}).") from None
    except Exception as exc:  # lxml's XMLSyntaxError and the like inside the package
        raise EditionError(f"{path.name}: the Word document is damaged ({exc}).") from None
    reader = _Reader(document)
    paragraphs = reader.paragraphs()
    out = TextBuilder()
    headings = []
    for index, (text, heading) in enumerate(paragraphs):
        if index:
            out.add("\n\n")
        text = clean(text)  # as the builder holds it, so the heading's span is its own
        start, _ = out.add(text)
        marked = marked_heading(text, start) if heading else None
        if marked is not None:
            headings.append(marked)
    if reader.footnotes:
        out.add("\n\n" + FOOTNOTES_TITLE + "\n\n" + "\n".join(f"{n} {t}" for n, t in reader.footnotes))
    return make_edition(path, raw, out.text() + "\n", "docx", headings=tuple(headings))


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = _Numbering(document)
        self.footnote_texts = _footnotes(document)
        self.footnotes: list[tuple[int, str]] = []

    def paragraphs(self) -> list[tuple[str, bool]]:
        """Each paragraph's text, and whether its style (or outline level) makes it a heading."""
        body = self.document.element.body
        out: list[tuple[str, bool]] = []
        for p in body.iter(f"{W}p"):
            if _inside(p, f"{W}del") or _inside(p, f"{W}txbxContent"):
                continue
            text = self._runs(p)
            style = self._style(p)
            label = self.numbering.label(p, style)
            if label is not None and text.strip():
                text = f"{label} {text.lstrip()}"
            out.append((text.rstrip(), not _inside(p, f"{W}tbl") and self._is_heading(p, style)))
        return [(text, heading) for text, heading in out if text.strip()]

    def _is_heading(self, p: Any, style: Any) -> bool:
        """Word's Heading 1–9 or Title style (or a style based on one), or an outline level."""
        if _val(p.find(f"{W}pPr"), "outlineLvl") not in (None, "9"):
            return True
        styles = self.numbering.styles
        for _ in range(20):  # the basedOn chain, bounded against a cycle
            if style is None:
                return False
            name = (_val(style, "name") or "").casefold()
            if _HEADING_STYLE.fullmatch(name) or _val(style.find(f"{W}pPr"), "outlineLvl") not in (None, "9"):
                return True
            based = _val(style, "basedOn")
            style = styles.get(based) if based is not None else None
        return False

    def _style(self, p: Any) -> Any:
        style_id = p.find(f"{W}pPr/{W}pStyle")
        styles = self.document.styles.element
        sid = style_id.get(f"{W}val") if style_id is not None else None
        if sid is None:
            return next((s for s in styles.iter(f"{W}style") if s.get(f"{W}default") == "1"
                         and s.get(f"{W}type") == "paragraph"), None)
        return next((s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == sid), None)

    def _runs(self, p: Any) -> str:
        parts: list[str] = []
        for el in p.iter():
            tag = el.tag
            if _inside(el, f"{W}del", stop=p) or _inside(el, f"{W}instrText", stop=p):
                continue
            if tag == f"{W}t":
                parts.append(el.text or "")
            elif tag == f"{W}tab" and el.getparent().tag == f"{W}r":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr") and el.get(f"{W}type") != "page":
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("\u2011")
            elif tag == f"{W}softHyphen":
                parts.append("\u00ad")
            elif tag == f"{W}sym":
                parts.append(chr(int(el.get(f"{W}char", "20"), 16)))
            elif tag == f"{W}footnoteReference":
                number = len(self.footnotes) + 1
                self.footnotes.append((number, self.footnote_texts.get(el.get(f"{W}id", ""), "")))
                parts.append(str(number))
        return "".join(parts)


def _inside(el: Any, tag: str, stop: Any = None) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _footnotes(document: Any) -> dict[str, str]:
    from app.formats.safe_xml import parse_xml

    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/footnotes"):
            root = parse_xml(rel.target_part.blob, "footnotes.xml")
            out = {}
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "".join(t.text or "" for t in note.iter(f"{W}t"))
                out[note.get(f"{W}id", "")] = " ".join(text.split())
            return out
    return {}


class _Numbering:
    """Word's list counters, rendered as the reader sees them."""

    def __init__(self, document: Any) -> None:
        self.styles = {s.get(f"{W}styleId"): s for s in document.styles.element.iter(f"{W}style")}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        self.abstract: dict[str, Any] = {}
        self.nums: dict[str, tuple[str, Any]] = {}
        if root is not None:
            self.abstract = {a.get(f"{W}abstractNumId"): a for a in root.iter(f"{W}abstractNum")}
            for num in root.iter(f"{W}num"):
                ref = num.find(f"{W}abstractNumId")
                if ref is not None:
                    self.nums[num.get(f"{W}numId")] = (ref.get(f"{W}val"), num)
        self.counters: dict[str, list[int]] = {}

    def label(self, p: Any, style: Any) -> str | None:
        num_id, level = self._num_pr(p, style)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, _num = self.nums[num_id]
        abstract = self.abstract.get(abstract_id)
        if abstract is None:
            return None
        abstract = self._linked(abstract)
        levels = {int(lvl.get(f"{W}ilvl", "0")): lvl for lvl in abstract.iter(f"{W}lvl")}
        if level not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, [0] * 9)
        starts = [int(_val(levels.get(i), "start") or 1) for i in range(9)]
        counters[level] = counters[level] + 1 if counters[level] else starts[level]
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        fmt = _val(levels[level], "numFmt") or "decimal"
        text = _val(levels[level], "lvlText")
        if fmt == "bullet":
            return BULLET
        if fmt == "none" or text is None:
            return None if not text else text
        for i in range(9):
            value = counters[i] or starts[i]
            text = text.replace(f"%{i + 1}", _format(value, _val(levels.get(i), "numFmt") or "decimal"))
        return text.rstrip() or None

    def _linked(self, abstract: Any) -> Any:
        link = abstract.find(f"{W}numStyleLink")
        if link is None:
            return abstract
        style = self.styles.get(link.get(f"{W}val"))
        num = style.find(f"{W}pPr/{W}numPr/{W}numId") if style is not None else None
        if num is not None and num.get(f"{W}val") in self.nums:
            return self.abstract.get(self.nums[num.get(f"{W}val")][0], abstract)
        return abstract

    def _num_pr(self, p: Any, style: Any) -> tuple[str | None, int]:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id = level = None
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            level = _val(num_pr, "ilvl")
        seen = 0
        while (num_id is None or level is None) and style is not None and seen < 20:
            s_pr = style.find(f"{W}pPr/{W}numPr")
            if s_pr is not None:
                num_id = num_id if num_id is not None else _val(s_pr, "numId")
                level = level if level is not None else _val(s_pr, "ilvl")
            based = style.find(f"{W}basedOn")
            style = self.styles.get(based.get(f"{W}val")) if based is not None else None
            seen += 1
        return num_id, int(level or 0)


def _val(el: Any, child: str) -> str | None:
    if el is None:
        return None
    found = el.find(f"{W}{child}")
    return found.get(f"{W}val") if found is not None else None


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for number, numeral in _ROMAN:
            while value >= number:
                out += numeral
                value -= number
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
