"""The numbers guard, stated once: does a change make a digit appear, disappear or differ?

Entry point: :func:`touches_number`. The engine classes such a change ``content`` (the
editor decides), save page furniture and a footnote marker read as debris (see
:mod:`app.classify`), and a bulk accept never includes one (:attr:`app.model.Change.bulk_safe`).

What counts is the sequence of *numbers* on each side: runs of digits that stand as numbers.
A digit inside a word on the base side whose reference word has a letter there (``6kad`` for
``ökad``, ``f6r`` or ``4r`` for ``för``, ``är``) is a letter misread, not a number: where the
reference has no digit, base digits that stand in a word and look like letters
(:data:`~app.tables.DIGIT_LOOKALIKES`) do not count; anywhere else every digit does. Separators (``2 000``,
``2024 /25``, ``30 000`` with a no-break space, ``1 152`` against ``1152``) do not count: the
digits do, in order.

Imports: the standard library, :mod:`app.tables`.
"""

from __future__ import annotations

import re

from app.tables import DIGIT_LOOKALIKES

_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"\w+")


def numbers(text: str) -> list[str]:
    """The digit runs of ``text`` that stand as numbers (not inside a lettered word)."""
    out: list[str] = []
    for word in _WORD.findall(text):
        if any(ch.isdigit() for ch in word) and not _lettered(word):
            out.extend(_NUMBER.findall(word))
    return out


#: what stands between two digits of one number (``58 914``, ``1.206.000``, ``9,75``, a no-break,
#: narrow or thin space): the separators that do not count above, and that a number's change
#: spans (:func:`within_number`)
NUMBER_SEPARATORS = frozenset(" \u00a0\u202f\u2009.,")


def within_number(text: str, at: int) -> bool:
    """``text[at]`` is a digit, or a separator with a digit on either side: a character of a
    number as it is written (the engine widens a number's change over such characters)."""
    ch = text[at]
    return ch.isdigit() or (ch in NUMBER_SEPARATORS and 0 < at < len(text) - 1
                            and text[at - 1].isdigit() and text[at + 1].isdigit())


def lettered_digits(text: str) -> list[str]:
    """The digit runs inside lettered words (``6kad``): possible letter misreads."""
    return [d for word in _WORD.findall(text) if _lettered(word) for d in _NUMBER.findall(word)]


def touches_number(base: str, reference: str) -> bool:
    """True when a number appears, disappears or differs between the two sides.

    Digits inside lettered words count too when the other side also has digits there
    (``system12`` against ``system13``), and whenever the reference side holds them: a
    reference digit is a number the editor must see."""
    if not any(map(str.isdigit, base)) and not any(map(str.isdigit, reference)):
        return False  # no digit at all (most changes): every rule below says False
    if numbers(reference) or lettered_digits(reference):
        lettered = lettered_digits(reference)
        return ("".join(numbers(base)) != "".join(numbers(reference))
                or bool(lettered) and lettered_digits(base) != lettered)
    return any(not _misread_letters(word) for word in _WORD.findall(base) if any(ch.isdigit() for ch in word))


def _misread_letters(word: str) -> bool:
    """A base word whose digits all look like letters and which has a letter of its own
    (``4r`` for ``är``, ``f6r``): where the reference has no digit, a letter misread."""
    return any(ch.isalpha() for ch in word) and all(
        ch in DIGIT_LOOKALIKES for ch in word if ch.isdigit())


def _lettered(word: str) -> bool:
    """A word of letters with digits among them (``6kad``, ``f6r``), not ``2024a`` or ``3D``."""
    letters = sum(ch.isalpha() for ch in word)
    return letters >= 2 and letters >= sum(ch.isdigit() for ch in word)
