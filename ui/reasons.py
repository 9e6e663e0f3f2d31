"""The core's explanations of a change, in the language of the UI.

The core is Qt-free and writes its reasons in English (they go into exports and the CLI as
they are). The window shows them through :func:`translated`, which recognises each phrase
the classifier builds (:mod:`app.classify`) and puts it through Qt's translator; a phrase it
does not know is shown as it came, so a new reason in the core is never lost, only
untranslated until it is added here.

Imports: Qt core.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reason", text)


_QUOTED = r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"


# The classifier's names for what differs (glyph classes, whitespace kinds, reasons):
# marked for lupdate here, translated when shown.
_NAMES = frozenset((
    QT_TRANSLATE_NOOP("Reason", "quotation mark"), QT_TRANSLATE_NOOP("Reason", "apostrophe"),
    QT_TRANSLATE_NOOP("Reason", "dash"), QT_TRANSLATE_NOOP("Reason", "bullet"),
    QT_TRANSLATE_NOOP("Reason", "checkbox"), QT_TRANSLATE_NOOP("Reason", "space"),
    QT_TRANSLATE_NOOP("Reason", "ellipsis"), QT_TRANSLATE_NOOP("Reason", "ligature or private-use glyph"),
    QT_TRANSLATE_NOOP("Reason", "line break"), QT_TRANSLATE_NOOP("Reason", "spacing"),
    QT_TRANSLATE_NOOP("Reason", "blank lines"), QT_TRANSLATE_NOOP("Reason", "trailing spaces"),
    QT_TRANSLATE_NOOP("Reason", "hyphenation"), QT_TRANSLATE_NOOP("Reason", "a number differs"),
    QT_TRANSLATE_NOOP("Reason", "different text"), QT_TRANSLATE_NOOP("Reason", "confusion table"),
    QT_TRANSLATE_NOOP("Reason", "noise"), QT_TRANSLATE_NOOP("Reason", "footnote number"),
    QT_TRANSLATE_NOOP("Reason", "page furniture"), QT_TRANSLATE_NOOP("Reason", "word split or joined"),
    QT_TRANSLATE_NOOP("Reason", "stray mark"), QT_TRANSLATE_NOOP("Reason", "specks"),
    QT_TRANSLATE_NOOP("Reason", "punctuation misread"), QT_TRANSLATE_NOOP("Reason", "lost punctuation"),
    QT_TRANSLATE_NOOP("Reason", "not a word"), QT_TRANSLATE_NOOP("Reason", "text in one edition only"),
    QT_TRANSLATE_NOOP("Reason", "footnote number read as debris"), QT_TRANSLATE_NOOP("Reason", "list marker"),
    QT_TRANSLATE_NOOP("Reason", "moved paragraph"), QT_TRANSLATE_NOOP("Reason", "moved paragraph with edits"),
    QT_TRANSLATE_NOOP("Reason", "words set apart"), QT_TRANSLATE_NOOP("Reason", "words set apart, with edits"),
    QT_TRANSLATE_NOOP("Reason", "learned confusion"),
))


def _fill(template: str, *values: str) -> str:
    for n, value in enumerate(values, 1):
        template = template.replace(f"%{n}", value)
    return template


#: whole phrases, tried before a reason is split at "; "
_WHOLE: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"end-of-line hyphen from the print; keep the printed line break \(reflowed export joins it\)"),
     lambda m: _tr("end-of-line hyphen from the print; keep the printed line break (reflowed export joins it)")),
    (re.compile(r"OCR noise inside a word: take the reference reading"),
     lambda m: _tr("OCR noise inside a word: take the reference reading")),
    (re.compile(r"space glyph: keep no-break spaces, plain spaces otherwise"),
     lambda m: _tr("space glyph: keep no-break spaces, plain spaces otherwise")),
    (re.compile(r"(.+) looks like the OCR edition \(score (-?\d+) against (-?\d+): fewer diacritics, more digits "
                r"or marks inside words\)"),
     lambda m: _fill(_tr("%1 looks like the OCR edition (score %2 against %3: fewer diacritics, more digits or "
                         "marks inside words)"), m[1], m[2], m[3])),
    (re.compile(r"page furniture of the print: remove it"), lambda m: _tr("page furniture of the print: remove it")),
    (re.compile(r"scan specks " + _QUOTED + r": remove them"), lambda m: _fill(_tr("scan specks %1: remove them"), m[1])),
    (re.compile(r"OCR: " + _QUOTED + r" is not a word of this document; the reference reads " + _QUOTED),
     lambda m: _fill(_tr("OCR: %1 is not a word of this document; the reference reads %2"), m[1], m[2])),
    (re.compile(r"OCR lost the mark " + _QUOTED), lambda m: _fill(_tr("OCR lost the mark %1"), m[1])),
    (re.compile(r"OCR: this scan misreads (.+) (\d+) times elsewhere"),
     lambda m: _fill(_tr("OCR: this scan misreads %1 %2 times elsewhere"), m[1], m[2])),
    (re.compile(r"(.+): the print shows a bullet"), lambda m: _fill(_tr("%1: the print shows a bullet"), _name(m[1]))),
    (re.compile(r"moved paragraph: the reference has it elsewhere; remove it here"),
     lambda m: _tr("moved paragraph: the reference has it elsewhere; remove it here")),
    (re.compile(r"moved paragraph: put the print's words here, where the reference has them"),
     lambda m: _tr("moved paragraph: put the print's words here, where the reference has them")),
    (re.compile(r"words the OCR set apart from their line: remove them here"),
     lambda m: _tr("words the OCR set apart from their line: remove them here")),
    (re.compile(r"words the OCR set apart from their line: put them back here"),
     lambda m: _tr("words the OCR set apart from their line: put them back here")),
    (re.compile(r"(.+): keep the print's glyph " + _QUOTED),
     lambda m: _fill(_tr("%1: keep the print's glyph %2"), _name(m[1]), m[2])),
    (re.compile(r"(.+): keep the base's line breaks, drop trailing spaces and extra blank lines"),
     lambda m: _fill(_tr("%1: keep the base's line breaks, drop trailing spaces and extra blank lines"),
                     _name(m[1]))),
    (re.compile(r"(.+): use the standard Unicode form"),
     lambda m: _fill(_tr("%1: use the standard Unicode form"), _name(m[1]))),
]

#: one part of a reason made of parts joined by "; "
_PARTS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(_QUOTED + r" misread as " + _QUOTED), lambda m: _fill(_tr("%1 misread as %2"), m[1], m[2])),
    (re.compile(r"diacritic lost on " + _QUOTED), lambda m: _fill(_tr("diacritic lost on %1"), m[1])),
    (re.compile(_QUOTED + r" read as (\d+) marks " + _QUOTED),
     lambda m: _fill(_tr("%1 read as %2 marks %3"), m[1], m[2], m[3])),
    (re.compile(r"footnote number (\S+) read as " + _QUOTED),
     lambda m: _fill(_tr("footnote number %1 read as %2"), m[1], m[2])),
]


def _name(text: str) -> str:
    return _tr(text) if text in _NAMES else text


def _part(text: str) -> str:
    for pattern, render in _PARTS:
        if (m := pattern.fullmatch(text)) is not None:
            return render(m)
    return _name(text)


def translated(reason: str) -> str:
    """``reason`` from the core in the UI's language (as it came when not recognised)."""
    for pattern, render in _WHOLE:
        if (m := pattern.fullmatch(reason)) is not None:
            return render(m)
    prefix = ""
    if reason.startswith("OCR: "):
        prefix, reason = _tr("OCR: "), reason[len("OCR: "):]
    return prefix + "; ".join(_part(p) for p in reason.split("; "))
