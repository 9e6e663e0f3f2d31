"""The status bar's progress: the document's and the current section's, split by who decided.

:func:`show_progress` writes a review's counts into the two permanent labels of the status
bar. The document's line counts what a person decided ("by hand") apart from what a bulk
action or ``proofpair apply`` did ("in bulk"), so one bulk click never reads as a reviewed
document; its tooltip gives the verdicts.

Imports: Qt, :mod:`app.review`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.review import Counts, Review


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's strings, as before


def show_progress(document: QLabel, section: QLabel, review: Review | None, key: str | None) -> None:
    """Fill ``document`` and ``section`` from ``review`` (``key``: the current section)."""
    if review is None:
        document.setText(_tr("No editions open"))
        document.setToolTip("")
        section.setText("")
        return
    counts = review.counts()
    document.setText(document_text(_tr("Document"), counts))
    document.setToolTip(_tr("%1 accepted · %2 rejected · %3 edited · %4 decided otherwise "
                            "(re-attached, or saved before ProofPair recorded how)")
                        .replace("%1", str(counts.accepted)).replace("%2", str(counts.rejected))
                        .replace("%3", str(counts.edited)).replace("%4", str(counts.other)))
    if key is not None:
        here = review.counts(key)
        section.setText(_tr("Section %1: %2 pending · %3% reviewed").replace("%1", key)
                        .replace("%2", str(here.pending)).replace("%3", str(int(here.reviewed_share * 100))))


def document_text(name: str, counts: Counts) -> str:
    """"Document: 75 pending · 12 by hand · 3238 in bulk · 97% reviewed"."""
    return (_tr("%1: %2 pending · %3 by hand · %4 in bulk · %5% reviewed")
            .replace("%1", name).replace("%2", str(counts.pending)).replace("%3", str(counts.by_hand))
            .replace("%4", str(counts.in_bulk)).replace("%5", str(int(counts.reviewed_share * 100))))
