"""What ProofPair knows about OCR and typography, as data.

Every table here is plain data read by :mod:`app.diffing` and :mod:`app.classify`; teaching
the engine a new confusion or glyph means adding a row, not an ``if``.

Imports: nothing.
"""

from __future__ import annotations

#: Single characters that are the same mark in other clothes, folded for alignment.
TYPOGRAPHIC_FOLD: dict[str, str] = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00ad": "-",
    "\uf0b7": "\u2022", "\uf0a7": "\u2022", "\u25cf": "\u2022", "\u25aa": "\u2022", "\u00b7": "\u2022",
    "\u2219": "\u2022", "\u25e6": "\u2022", "\uf0d8": "\u2022", "\uf076": "\u2022",
    "\u2612": "\u2610", "\u2611": "\u2610", "\u25a1": "\u2610",
    "\u2026": "...",
}

#: Characters (after case and diacritic folding) that OCR swaps among themselves; word
#: alignment keys leave them out so a misread word still lines up with its true form.
OCR_VOLATILE: frozenset[str] = frozenset("aeiouyd0146&[]|!l")

#: One-letter words an OCR engine makes of a bullet; aligned as a bullet (only a pairing
#: hint: what the change is, classification decides).
BULLET_LOOKALIKES: frozenset[str] = frozenset({"e", "o", "O", "0"})

#: Private-use and legacy glyphs and their standard Unicode form for the canonical text.
STANDARD_FORM: dict[str, str] = {
    "\uf0b7": "\u2022",  # Symbol-font bullet from Word
    "\uf0a7": "\u25aa",  # Wingdings small square
    "\uf0d8": "\u27a2",  # Wingdings arrowhead
    "\uf076": "\u2756",  # Wingdings diamond
    "\uf0fc": "\u2713",  # Wingdings check mark
    "\uf06f": "\u2610",  # Wingdings empty box
    "\u00ad": "",  # soft hyphen: invisible in print
    "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl",
}

#: Letterforms of older prints that Unicode gives no compatibility mapping, and the modern
#: letters they are (MUFI's recommendations): the superscript e over a, o, u that became the
#: umlaut, and r rotunda. A base letter in one of these forms where the reference has the
#: modern letter is the print's letterform (typography), as a long s is by NFKC.
HISTORICAL_FORMS: dict[str, str] = {
    "a\u0364": "\u00e4", "o\u0364": "\u00f6", "u\u0364": "\u00fc",
    "A\u0364": "\u00c4", "O\u0364": "\u00d6", "U\u0364": "\u00dc",
    "\ua75b": "r", "\ua75a": "R",
}

#: Glyph classes whose typographic members an OCR engine shows when the print has them: where
#: the OCR emits such members elsewhere in the document, its plain reading is the print's.
DISTINCT_GLYPH_CLASSES: frozenset[str] = frozenset({"dash"})

#: How likely the reference's glyph is the print's, by glyph class, where the OCR showed none of
#: the class's typographic glyphs (default 0.95). A dash or a quotation mark the OCR read plain
#: may be plain in the print too (a typeface whose dash looks like a hyphen, a print set with
#: straight quotes): over the corpus and its variants (another segmentation, a poorer scan, a
#: wrong OCR language, two other typefaces), the reference's dash was the print's 205 times of
#: 229 and its quotation mark 64 of 74; its ligatures, spaces, bullets and ellipses every time.
STANDARD_FORM_CONFIDENCE: dict[str, float] = {"dash": 0.85, "quotation mark": 0.85}

#: The plain typewriter forms a digital edition falls back to (Word's "straight quotes", the
#: hyphen for a dash): a typographic glyph the OCR read against one of these is the print's.
PLAIN_FALLBACKS: frozenset[str] = frozenset({'"', "'", "-"})

#: Glyph classes for typography: each class has its real glyphs (any two of them are the same
#: mark in other clothes) and the debris an OCR engine leaves for one of them. Debris only
#: counts against a real glyph, so an ``e`` is never "the same" as an ``o``.
GLYPH_CLASSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "quotation mark": (frozenset('"\u201c\u201d\u201e\u00ab\u00bb\u2033'), frozenset({"''", ",,"})),
    "apostrophe": (frozenset("'\u2018\u2019\u201a\u2032`\u00b4"), frozenset()),
    "dash": (frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"), frozenset({"--", "_", "~"})),
    "bullet": (frozenset("\u2022\uf0b7\uf0a7\u25cf\u25aa\u25e6\u2219\uf0d8\uf076\u27a2\u2756"),
               frozenset({"e", "o", "\u00ab", "\u00bb", "*", "-", "\u00b7", "\u00a9", "\u00ae", "+",
                          "0", "O", "®", "°", "«", "»", "¢", "©", "oe", "ee", "@"})),
    "checkbox": (frozenset("\u2610\u2612\u2611\u25a1\u25a0\uf06f\uf0fe\uf0a8"),
                 frozenset({"[", "]", "[]", "[X]", "[x]", "X", "x", "O", "0", "Ol", "U]", "LJ", "U",
                            "d", "|", "|]", "[]]", "KX", "IX]", "&", "O]", "0]", "Oo", "M", "Bd", "XI",
                            "L]", "lJ", "LI", "[1", "[]", "Xx", "IX"})),
    "space": (frozenset(" \u00a0\u202f\u2009\u2007\u2002\u2003"), frozenset()),
    "ellipsis": (frozenset({"\u2026", "..."}), frozenset({". . .", ".."})),
}

#: Marks an OCR engine scatters on a page that stand for nothing in the text.
STRAY_MARKS: frozenset[str] = frozenset("&|®©*~^`´¨°¢§_\\")

#: OCR confusions: what a reference character (sequence) is often misread as in the scan.
#: Keys are the true (reference) text; values the misreadings seen in OCR output.
OCR_CONFUSIONS: dict[str, tuple[str, ...]] = {
    "ä": ("a", "d", "4", "i", "é", "&", "ai", "di", "3", "e", "á", "à", "&a", "ia"),
    "Ä": ("A", "4", "Ai", "À", "Á"),
    "ö": ("o", "6", "é", "d", "ø", "0", "e", "ó", "ò", "€", "a", "O", "oi", "6é", "é6", "ée"),
    "Ö": ("O", "6", "0", "Ø", "Ó"),
    "å": ("a", "d", "4", "á", "à", "é", "ä", "&", "i", "A"),
    "Å": ("A", "Á", "À"),
    "é": ("e", "é", "è"),
    "ü": ("u",), "Ü": ("U",),
    "I": ("[", "|", "l", "1", "]", "!", "i", "L"),
    "l": ("1", "I", "|", "i", "I1", "1I"),
    "i": ("l", "1", "í", "ï"),
    "m": ("rn", "nn", "in"),
    "rn": ("m",),
    "O": ("0", "Q", "D"),
    "o": ("0",),
    "0": ("O", "o"),
    "1": ("l", "I", "|"),
    "5": ("S", "s"),
    "S": ("5",),
    "B": ("8",),
    "cl": ("d",),
    "d": ("cl",),
    "h": ("b", "li"),
    "u": ("ii", "n"),
    "n": ("ri", "u"),
    "w": ("vv",),
    "c": ("e",),
    "e": ("c",),
    # symbols read as the glyphs they are drawn from (a digit read for one is the numbers guard's)
    "%": ("°/o", "o/o", "°/0", "%o", "o/"),
    "§": ("$", "&", "S", "§§"),
}

#: Letters whose capital is the small letter drawn larger: an OCR engine misjudges their case
#: (``Sig`` for ``sig``), where an ``H`` is never read for an ``h``.
CASE_LOOKALIKES = "cosuvwxz"
for _small in CASE_LOOKALIKES:
    OCR_CONFUSIONS[_small] = (*OCR_CONFUSIONS.get(_small, ()), _small.upper())
    OCR_CONFUSIONS[_small.upper()] = (*OCR_CONFUSIONS.get(_small.upper(), ()), _small)

#: Lines that only the print has: running heads, page numbers, "SID n" page marks.
PAGE_FURNITURE_PATTERNS: tuple[str, ...] = (
    r"(?:SID|Sid|sid|Sida|SIDA|Page|PAGE|page|Seite|S\.)\s*\d+(?:\s*(?:av|of|/)\s*\d+)?",
    r"\d{1,4}",
    r"-\s*\d{1,4}\s*-",
    r"\d{1,4}\s*(?:/|av|of)\s*\d{1,4}",
)

#: A hand-press book's signature mark, alone on a line at a page's foot: the gathering's
#: letters (``B``, ``Aa``, ``Bbb``) and the leaf's number in figures or roman (``B2``, ``C iij``).
#: Taken as furniture only where the pages show catchwords too (see :mod:`app.judge.pages`).
SIGNATURE_MARK = r"[A-Z]{1,3}[a-z]{0,2}\s?(?:\d{1,2}|[ivxj]{1,5})?"

#: Words of a folio line ("Sida 3 av 17", "Page 12 of 40", "Seite 4 von 9"), case-folded: a
#: line of these and digits at a page edge is a page number (see :mod:`app.judge.pages`).
FOLIO_WORDS: frozenset[str] = frozenset({
    "sida", "sid", "s", "av", "page", "p", "pp", "of", "seite", "von", "bl", "blatt", "side", "af",
    "pagina", "página", "de", "di", "folio", "fol", "strona", "z", "sivu", "bladsida", "bilaga",
})

#: Digits an OCR engine reads for letters: a digit inside a base word where the reference has
#: no digit at all is a letter misread when it is one of these (``6kad``, ``4r``, ``l0``).
DIGIT_LOOKALIKES: frozenset[str] = frozenset("01345689")
