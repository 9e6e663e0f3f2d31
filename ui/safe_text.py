"""Strings from a document or a file name, shown safely: never as rich text, never with an
invisible bidirectional control character taking effect.

Qt renders a tooltip, a message box or an auto-format label as rich text when the string
*looks* like HTML, so a section titled ``<img src=…>`` or a file named ``<b>x</b>.txt`` would
be rendered, not shown. Every string that comes from an edition, a session or a path goes
through :func:`plain_tip` (tooltips) or a label/box set to ``Qt.PlainText``.

Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends, :data:`app.model.BIDI_CONTROLS`)
reorder the text after them and are themselves invisible. :func:`visible_controls` swaps
each for a visible glyph of the same UTF-16 length (the panes' offsets do not move; the
text kept, exported and searched is untouched); :func:`named_controls` names them, for the
inspector and the change list.

Imports: the standard library and :mod:`app.model`; no Qt (pure string functions).
"""

from __future__ import annotations

import html
import re

from app.model import BIDI_CONTROLS

#: What a pane shows in place of a bidirectional control: one BMP glyph, so one UTF-16 unit.
MARKER = "\u21c4"  # ⇄
_TO_MARKER = str.maketrans({ch: MARKER for ch in BIDI_CONTROLS})
_TO_NAME = str.maketrans({ch: f"\u27e6{name}\u27e7" for ch, name in BIDI_CONTROLS.items()})  # ⟦RLO⟧


def plain_tip(text: str) -> str:
    """``text`` as a tooltip that Qt shows literally (escaped, in a rich-text wrapper that
    keeps its line breaks), bidi controls named."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(named_controls(text)) + "</p>"


def visible_controls(text: str) -> str:
    """``text`` with each bidi control replaced by :data:`MARKER` (same length)."""
    return text.translate(_TO_MARKER)


def named_controls(text: str) -> str:
    """``text`` with each bidi control written as its name, ``⟦RLO⟧``."""
    return text.translate(_TO_NAME)


_PLACEHOLDER = re.compile(r"%(\d)")


def filled(template: str, *values: str) -> str:
    """A translated ``template`` with ``%1``, ``%2``… replaced by ``values`` in one pass, so a
    value holding ``%2`` (a file name, a document's text) is shown as it is, never filled in."""
    return _PLACEHOLDER.sub(lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values) else m[0], template)
