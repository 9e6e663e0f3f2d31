"""The one place where Python code-point offsets meet Qt's UTF-16 positions.

The core counts code points (``str`` indices); ``QTextDocument``/``QTextCursor`` count UTF-16
code units, so every character outside the Basic Multilingual Plane (emoji, some math and
historic letters) is one Python index but two Qt positions. :class:`Utf16Index` converts
both ways in O(log n) with a sorted list of the astral characters; text without any (the
usual case) converts by identity.

Imports: the standard library only (no Qt, so it is tested without a display).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (its length as Qt sees it)."""
    return len(text.encode("utf-16-le")) // 2


class Utf16Index:
    """Converts offsets into one text between code points and UTF-16 units."""

    __slots__ = ("_astral", "_astral_qt", "length")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]  # a C scan: ~15 ms for 6.5 MB
        # the Qt position of each astral character: its index plus the astrals before it
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)

    def replace(self, start: int, end: int, text: str) -> None:
        """Follow the text's ``[start, end)`` being replaced by ``text`` (costs ``text``, not the whole)."""
        lo, hi = bisect_left(self._astral, start), bisect_left(self._astral, end)
        delta = len(text) - (end - start)
        tail = [i + delta for i in self._astral[hi:]] if delta else self._astral[hi:]
        self._astral[lo:] = [start + m.start() for m in _ASTRAL.finditer(text)] + tail
        if self._astral or self._astral_qt:
            self._astral_qt = [i + n for n, i in enumerate(self._astral)]
        self.length += delta

    def to_qt(self, offset: int) -> int:
        """The UTF-16 position of code-point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_py(self, position: int) -> int:
        """The code-point offset of UTF-16 ``position`` (the middle of a pair rounds down)."""
        if not self._astral:
            return position
        whole = bisect_right(self._astral_qt, position - 2)  # astral pairs fully before
        middle = whole < len(self._astral_qt) and self._astral_qt[whole] == position - 1
        return position - whole - middle
