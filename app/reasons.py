"""Why the engine says what it says: reasons as a template and its arguments.

The core never builds an explanation as a finished sentence. :data:`TEMPLATES` is the
catalogue: an id for each reason, with its English template (``"{name}: use the standard
Unicode form"``). :func:`because` makes a :class:`Reason`: the template's id and its
arguments, and, being a ``str``, the English sentence itself, so the command line, the
exports and any code comparing a reason with a sentence see exactly the text they always
saw. The window never parses that sentence: it translates the template by its id
(``QCoreApplication.translate("Reason", TEMPLATES[key])``, in :mod:`ui.reasons`) and fills in
the same arguments, translating those that are reasons themselves. ``str.format_map`` fills
each placeholder once, so a value holding ``{name}`` or ``%2`` is never substituted into.

An argument is a ``str`` (a quoted glyph such as ``'ä'``, a file name, a pattern), an ``int``,
a :class:`Reason` (a name from the catalogue: ``dash``, ``line break``) or a tuple of reasons
(shown joined by ``"; "``). Names that come from data tables (glyph classes) are looked up
by their English name with :func:`named`.

Reasons are not stored in sessions: a reopened session re-runs the comparison.

Imports: the standard library only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Union

#: Every reason the core gives, by id: the English template (placeholders ``{name}``).
#: ``scripts/update_translations.py`` hands each template to lupdate (context ``Reason``).
TEMPLATES: Mapping[str, str] = {
    # names: a change's short reason (Change.reason), and the {name} of a template below
    "quotation_mark": "quotation mark",
    "apostrophe": "apostrophe",
    "dash": "dash",
    "bullet": "bullet",
    "checkbox": "checkbox",
    "space": "space",
    "ellipsis": "ellipsis",
    "ligature": "ligature or private-use glyph",
    "letterform": "historical or compatibility letterform",
    "list_marker": "list marker",
    "line_break": "line break",
    "spacing": "spacing",
    "blank_lines": "blank lines",
    "trailing_spaces": "trailing spaces",
    "hyphenation": "hyphenation",
    "number_differs": "a number differs",
    "footnote_debris": "footnote number read as debris",
    "different_text": "different text",
    "one_edition_only": "text in one edition only",
    "confusion_table": "confusion table",
    "noise": "noise",
    "page_furniture": "page furniture",
    "specks": "specks",
    "punctuation_misread": "punctuation misread",
    "lost_punctuation": "lost punctuation",
    "not_a_word": "not a word",
    "print_repaired": "keep the print's wording, with {count} misread word(s) read back as this OCR's misreads are elsewhere",
    "word_like": "not a word of this document, yet spelled like one, with a misread this OCR makes nowhere else",
    "learned_confusion": "learned confusion",
    "moved_paragraph": "moved paragraph",
    "moved_with_edits": "moved paragraph with edits",
    "words_apart": "words set apart",
    "words_apart_with_edits": "words set apart, with edits",
    "word_split": "word split or joined",
    "stray_mark": "stray mark",
    # suggestions: what to do, and why
    "hyphen_kept": "end-of-line hyphen from the print; keep the printed line break (reflowed export joins it)",
    "whitespace": "{what}: keep the base's line breaks, drop trailing spaces and extra blank lines",
    "space_glyph": "space glyph: keep no-break spaces, plain spaces otherwise",
    "print_spacing": "the print sets {mark} apart from its word ({count} times in this scan): keep the space",
    "furniture_removed": "page furniture of the print: remove it",
    "footnote_marker": "footnote {marker} of the document's count: take it",
    "doubted_noise": "the OCR engine doubted every word here: its noise, remove it",
    # what says a whole comparison is in doubt (app.engine.alarm)
    "unrelated_editions": "These editions look like different reports: only {shared} of their words are "
                          "shared. Check that you opened the right pair.",
    "reading_order": "{share} of the base edition's text differs in content from the reference, though "
                     "{shared} of their words are shared: the OCR may have read the page in another order "
                     "(two columns line by line). Check the scan's reading order, or OCR it again with "
                     "automatic page segmentation.",
    "print_glyph": "{name}: keep the print's glyph {glyph}",
    "print_bullet": "{name}: the print shows a bullet",
    "standard_form": "{name}: use the standard Unicode form",
    "ocr_explained": "OCR: {parts}",
    "ocr_noise": "OCR noise inside a word: take the reference reading",
    "ocr_not_a_word": "OCR: {word} is not a word of this document; the reference reads {reading}",
    "ocr_learned": "OCR: this scan misreads {pattern} {count} times elsewhere",
    "ocr_punctuation": "OCR: {right} misread as {wrong}",
    "ocr_lost_mark": "OCR lost the mark {mark}",
    "specks_removed": "scan specks {specks}: remove them",
    "moved_remove": "moved paragraph: the reference has it elsewhere; remove it here",
    "moved_fill": "moved paragraph: put the print's words here, where the reference has them",
    "words_apart_remove": "words the OCR set apart from their line: remove them here",
    "words_apart_put_back": "words the OCR set apart from their line: put them back here",
    # the parts of "ocr_explained": how an OCR engine turns one reading into another
    "misread": "{right} misread as {wrong}",
    "diacritic_lost": "diacritic lost on {right}",
    "read_as_marks": "{right} read as {count} marks {wrong}",
    "parts": "{parts}",
    # which edition is the OCR one (app.roles)
    "looks_ocr": "{name} looks like the OCR edition (score {score} against {other}: fewer diacritics, "
                 "more digits or marks inside words)",
}

#: what a reason's arguments may be
Arg = Union[str, int, "Reason", tuple["Reason", ...]]

_BY_NAME = {template: key for key, template in TEMPLATES.items() if "{" not in template}


class Reason(str):
    """A reason from :data:`TEMPLATES`: ``key`` and ``args`` (pairs of placeholder and
    value), and, as a string, its English sentence. Make one with :func:`because`."""

    key: str
    args: tuple[tuple[str, Arg], ...]

    def __reduce__(self) -> tuple:
        return _rebuilt, (str(self), self.key, self.args)

    @property
    def text(self) -> str:
        """The English sentence, as a plain ``str``."""
        return str.__str__(self)

    @property
    def template(self) -> str:
        return TEMPLATES[self.key]


def _rebuilt(text: str, key: str, args: tuple[tuple[str, Arg], ...]) -> Reason:
    reason = str.__new__(Reason, text)
    reason.key, reason.args = key, args
    return reason


def render(value: Arg, say: Callable[[Reason], str] | None = None) -> str:
    """An argument as text: a reason through ``say`` (its English text when None), a tuple
    of reasons joined by ``"; "``."""
    if isinstance(value, Reason):
        return say(value) if say is not None else str.__str__(value)
    if isinstance(value, tuple):
        return "; ".join(render(v, say) for v in value)
    return str(value)


def fill(template: str, args: tuple[tuple[str, Arg], ...], say: Callable[[Reason], str] | None = None) -> str:
    """``template`` with its placeholders filled from ``args``, each exactly once."""
    return template.format_map({name: render(value, say) for name, value in args})


def because(key: str, **args: Arg) -> Reason:
    """The reason ``key`` of :data:`TEMPLATES` with ``args`` for its placeholders."""
    return _interned(key, tuple(args.items()))


@lru_cache(maxsize=1 << 16)
def _interned(key: str, pairs: tuple[tuple[str, Arg], ...]) -> Reason:
    """One object per distinct reason: a report gives ``'ä' misread as 'a'`` hundreds of times,
    and the changes carrying it then share it (pickled once per batch to the window)."""
    return _rebuilt(fill(TEMPLATES[key], pairs), key, pairs)


def named(name: str) -> Reason:
    """The reason whose whole English text is ``name`` (a glyph class of :mod:`app.tables`)."""
    return because(_BY_NAME[name])
