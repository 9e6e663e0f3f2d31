"""What an OCR layout file says a region is: a heading, page furniture, or body text.

ALTO tags a ``TextBlock`` through ``TAGREFS`` to a tag of its ``Tags`` (``LayoutTag``,
``StructureTag``, ``RoleTag``, ``OtherTag``) whose ``LABEL`` names the kind; tools write
their own vocabulary there (eScriptorium the block type, "Title", "Heading"; SegmOnto zone
names, "MainZone-Head", "RunningTitleZone", "NumberingZone"). PAGE XML types a
``TextRegion`` (``type="heading"``, ``"header"``, ``"page-number"``), or, as Transkribus
writes it, ``custom="structure {type:heading;}"``.

Why words and not exact names: the vocabularies differ in case and joining ("page-number",
"PageNumber", "page_number"), so a label is split into lower-case words and matched against
the phrases below. Furniture is looked at first, so a running title is not a heading. The
phrases are data: a new tool's vocabulary is one more entry, not one more branch.

Entry point: :func:`kind_of`. Imports: the standard library.
"""

from __future__ import annotations

import re
from typing import Final, Literal

Kind = Literal["heading", "furniture"]

#: Word sequences that make a label page furniture (running heads and feet, folios, the
#: printer's marks at a page foot). Stays in the text; never a heading.
FURNITURE: Final[tuple[tuple[str, ...], ...]] = (
    ("header",), ("footer",), ("running",), ("page", "number"), ("pagenumber",), ("numbering", "zone"),
    ("folio",), ("catch", "word"), ("catchword",), ("signature", "mark"),
)
#: Word sequences that make a label a heading.
HEADING: Final[tuple[tuple[str, ...], ...]] = (
    ("heading",), ("head",), ("headline",), ("title",), ("subtitle",), ("subheading",), ("chapter",),
    ("section", "title"),
)
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_CUSTOM_TYPE = re.compile(r"structure\s*\{[^}]*?\btype\s*:\s*([^;}\s]+)")


def words(label: str) -> tuple[str, ...]:
    """``label`` as lower-case words: "RunningTitleZone" -> running, title, zone."""
    return tuple(w.lower() for w in _WORD.findall(label))


def kind_of(label: str | None) -> Kind | None:
    """The kind ``label`` names, or None for body text (or no label)."""
    if not label:
        return None
    found = words(label)
    for kind, phrases in (("furniture", FURNITURE), ("heading", HEADING)):
        if any(_contains(found, phrase) for phrase in phrases):
            return kind  # type: ignore[return-value]
    return None


def custom_type(custom: str | None) -> str | None:
    """The structure type a PAGE ``custom`` attribute gives (Transkribus), or None."""
    found = _CUSTOM_TYPE.search(custom or "")
    return found.group(1) if found else None


def _contains(found: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(found[i:i + n] == phrase for i in range(len(found) - n + 1))
