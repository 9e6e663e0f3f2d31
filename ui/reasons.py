"""The core's explanations of a change, in the language of the UI.

A reason from the core is a template of :data:`app.reasons.TEMPLATES` and its arguments
(:class:`app.reasons.Reason`). :func:`translated` puts the template through Qt's translator
(context ``Reason``; ``scripts/update_translations.py`` hands lupdate every template of the
catalogue) and fills in the arguments, translating those that are reasons themselves (a
glyph class's name, the parts of an OCR explanation). Nothing is parsed back out of an
English sentence; a translation that lost or renamed a placeholder is shown in English
rather than wrong (a test checks every Swedish template's placeholders).

Imports: Qt core, :mod:`app.reasons`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.reasons import Reason, fill


def translated(reason: Reason | str) -> str:
    """``reason`` in the UI's language (a plain string, which the core no longer gives, as it came)."""
    if not isinstance(reason, Reason):
        return str(reason)
    template = QCoreApplication.translate("Reason", reason.template)
    try:
        return fill(template, reason.args, translated)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return fill(reason.template, reason.args, translated)
