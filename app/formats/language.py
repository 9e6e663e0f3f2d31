"""Which Tesseract language to OCR a scan in, from the text of the other edition.

Counts the commonest short words of each language Tesseract is usually installed with
(the tables below are data, not rules) in a sample of the text; the language with most
hits wins. Used when the editor has not chosen an OCR language.

Entry point: :func:`guess_language`. Imports: the standard library.
"""

from __future__ import annotations

import re
from collections import Counter

#: Tesseract language code -> frequent function words of that language.
STOPWORDS: dict[str, frozenset[str]] = {
    "eng": frozenset("the of and to in is that for it as with be on by this are or not from at".split()),
    "swe": frozenset("och att det som en på är av för med till den har de inte om ett kan".split()),
    "deu": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine".split()),
    "fra": frozenset("le la les de des et est en une un du que dans pour qui au sur".split()),
    "nor": frozenset("og i det som på er av for med til den har ikke om et kan".split()),
    "dan": frozenset("og i det at en den til er som på de med af for ikke der".split()),
    "fin": frozenset("ja on ei että se oli mutta kun myös tai ovat joka".split()),
}
DEFAULT = "eng"
_WORD = re.compile(r"\w+")


def guess_language(text: str, available: set[str] | None = None) -> str:
    """The likeliest of ``available`` (default: every language above) for ``text``."""
    words = Counter(w.lower() for w in _WORD.findall(text[:200_000]))
    choices = [lang for lang in STOPWORDS if available is None or lang in available]
    if not choices:
        return DEFAULT
    scores = {lang: sum(words[w] for w in STOPWORDS[lang]) for lang in choices}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] else (DEFAULT if DEFAULT in choices else choices[0])
