"""HTML (and, through it, Markdown) -> Edition: the text a reader sees, block by block.

Block elements (headings, paragraphs, list items, quotes, table cells, ``pre``) each become
one paragraph, separated by a blank line; inline whitespace collapses to one space (kept
as is inside ``pre``); ``<br>`` is a line break. A ``<ul>`` item reads "• item", an
``<ol>`` item "N. item" (honouring ``start`` and ``type``). Scripts, styles, templates and
the head are left out. Parsed by lxml's HTML parser with no network access and no entities
beyond HTML's own; the charset is the document's declared one, else UTF-8 with errors shown.

Entry points: :func:`read_html`, :func:`html_text`. Imports: lxml, the formats base.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.formats.base import make_edition
from app.loading import EditionError
from app.model import Edition

BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th",
                    "dt", "dd", "caption", "figcaption", "section", "article", "header", "footer", "main",
                    "aside", "nav", "address", "table", "tr", "ul", "ol", "dl", "hr", "title", "body", "form",
                    "fieldset", "details", "summary", "figure"})
SKIP = frozenset({"script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object"})
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def read_html(path: Path, raw: bytes, source_format: str = "html") -> Edition:
    return make_edition(path, raw, html_text(raw, path.name), source_format)


def html_text(raw: bytes | str, name: str) -> str:
    """The readable text of the HTML document ``raw``."""
    from lxml import etree, html

    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
                             encoding=None if isinstance(raw, str) else _charset(raw))
    try:
        root = html.document_fromstring(raw, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise EditionError(f"{name}: is not readable HTML ({exc}).") from None
    blocks: list[list[str]] = [[]]
    _walk(root, blocks, pre=False)
    paragraphs = ["".join(block).strip(" ") for block in blocks]
    paragraphs = ["\n".join(line.strip(" ") for line in p.split("\n")) for p in paragraphs]
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"


def _charset(raw: bytes) -> str:
    head = raw[:4096].decode("ascii", "replace")
    match = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    return match.group(1) if match else "utf-8"


def _walk(el, blocks: list[list[str]], pre: bool) -> None:  # type: ignore[no-untyped-def]
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in SKIP or not isinstance(el.tag, str):
        _tail(el, blocks, pre)
        return
    block = tag in BLOCKS
    if block and blocks[-1]:
        blocks.append([])
    if tag == "li":
        blocks[-1].append(_marker(el))
    if tag == "br":
        blocks[-1].append("\n")
    inner_pre = pre or tag == "pre"
    if el.text:
        blocks[-1].append(el.text if inner_pre else _SPACE.sub(" ", el.text))
    for child in el:
        _walk(child, blocks, inner_pre)
    if block and blocks[-1]:
        blocks.append([])
    _tail(el, blocks, pre)


def _tail(el, blocks: list[list[str]], pre: bool) -> None:  # type: ignore[no-untyped-def]
    if el.tail:
        blocks[-1].append(el.tail if pre else _SPACE.sub(" ", el.tail))


def _marker(li) -> str:  # type: ignore[no-untyped-def]
    parent = li.getparent()
    if parent is None or parent.tag != "ol":
        return "• "
    items = [c for c in parent if isinstance(c.tag, str) and c.tag == "li"]
    try:
        start = int(parent.get("start", "1"))
    except ValueError:
        start = 1
    number = start + items.index(li)
    kind = parent.get("type", "1")
    if kind in ("a", "A"):
        label = chr(ord("a") + (number - 1) % 26)
        label = label.upper() if kind == "A" else label
    elif kind in ("i", "I"):
        from app.formats.docx import _format

        label = _format(number, "upperRoman" if kind == "I" else "lowerRoman")
    else:
        label = str(number)
    return f"{label}. "
