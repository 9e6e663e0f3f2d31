"""Markdown -> Edition: rendered to HTML by markdown-it-py (CommonMark), then read as HTML
(:mod:`app.formats.html`), so headings, lists and paragraphs read as they would on screen
("## 2.1 Title" is the line "2.1 Title", "- item" is "• item"). Raw HTML in the Markdown
is not passed through.

Entry point: :func:`read_markdown`. Imports: markdown-it-py, the formats base.
"""

from __future__ import annotations

from pathlib import Path

from app.formats.base import make_edition
from app.formats.html import html_text
from app.loading import EditionError, decode
from app.model import Edition


def read_markdown(path: Path, raw: bytes) -> Edition:
    from markdown_it import MarkdownIt

    text, _encoding, _bom = decode(raw, path)
    try:
        rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    except (ValueError, RecursionError) as exc:
        raise EditionError(f"{path.name}: the Markdown cannot be read ({exc}).") from None
    return make_edition(path, raw, html_text(rendered or "<p></p>", path.name), "markdown")
