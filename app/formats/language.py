"""Which Tesseract language to OCR a scan in, from the text of the other edition.

The language is told by the Hunspell dictionaries installed on the system
(:func:`app.judge.language.detect_language`: the dictionary that knows most of the text's
frequent words), not by a word list of our own; the dictionary's ISO 639-1 language is then
named as Tesseract names it (:data:`TESSERACT_CODES`, data). Used when the editor has not
chosen an OCR language; without a dictionary that knows the text, English.

Entry point: :func:`guess_language`. Imports: the standard library, :mod:`app.judge.language`.
"""

from __future__ import annotations

#: ISO 639-1 language (a Hunspell dictionary's name begins with it) -> Tesseract's code
TESSERACT_CODES: dict[str, str] = {
    "en": "eng", "sv": "swe", "de": "deu", "fr": "fra", "nb": "nor", "nn": "nor", "no": "nor",
    "da": "dan", "fi": "fin", "is": "isl", "nl": "nld", "es": "spa", "it": "ita", "pt": "por",
    "pl": "pol", "cs": "ces", "sk": "slk", "hu": "hun", "et": "est", "lv": "lav", "lt": "lit",
    "ru": "rus", "uk": "ukr", "el": "ell", "tr": "tur", "ca": "cat", "ro": "ron", "hr": "hrv",
    "sl": "slv", "sr": "srp", "bg": "bul",
}
DEFAULT = "eng"
#: how much of the text is looked at (its frequent words are known long before)
SAMPLE = 200_000


def guess_language(text: str, available: set[str] | None = None) -> str:
    """The Tesseract language of ``text`` among ``available`` (default: any), else English
    (or the first available language when English is not installed)."""
    from app.judge.language import detect_language

    name = detect_language(text[:SAMPLE]) if text.strip() else None
    code = TESSERACT_CODES.get(name.split("_")[0].split("-")[0].lower()) if name else None
    if code is not None and (available is None or code in available):
        return code
    if available is None or DEFAULT in available or not available:
        return DEFAULT
    return sorted(available)[0]
