"""Bulk decisions: choose a scope, see how many changes it takes, confirm, then one command.

Scopes: the current section (with its subsections), the whole document, one kind, one
confusion pattern (``a→ä``). A plan is :meth:`Review.suggested_decisions` over the *pending*
changes of the scope — which already leaves out content changes and anything touching a
number — so a bulk action can never overwrite a decision the editor made, nor accept a
content change. The confirmation always names the number before anything happens.

Imports: Qt, the core.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.classify import pattern_label
from app.model import Decision, Kind, Verdict
from app.review import Review
from ui.palette import kind_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("Bulk", text)


def plan(review: Review, *, section: str | None = None, kind: Kind | None = None,
         pattern: tuple[str, str] | None = None) -> dict[str, Decision]:
    """The suggested decisions for the pending changes in a scope."""
    ids = review.select(section=section, kinds=None if kind is None else {kind}, pattern=pattern,
                        verdicts={Verdict.PENDING}, bulk_safe=True)
    return review.suggested_decisions(ids)


def confirm(parent: QWidget, count: int, scope: str) -> bool:
    """Ask before applying ``count`` suggestions; says so when there is nothing to do."""
    if not count:
        QMessageBox.information(parent, _tr("Nothing to accept"),
                                _tr("No pending change %1 has a suggestion that may be applied in bulk.")
                                .replace("%1", scope))
        return False
    answer = QMessageBox.question(
        parent, _tr("Accept suggestions"),
        _tr("Apply the suggestion to %1 pending changes %2?\n\nContent changes and changes "
            "touching numbers are never included. This is one step you can undo.")
        .replace("%1", str(count)).replace("%2", scope))
    return answer == QMessageBox.StandardButton.Yes


def choose_kind(parent: QWidget, review: Review) -> Kind | None:
    kinds = [k for k in (Kind.OCR, Kind.TYPOGRAPHY, Kind.LAYOUT)]
    items = [f"{kind_label(k)} ({len(plan(review, kind=k))})" for k in kinds]
    item, ok = QInputDialog.getItem(parent, _tr("Accept suggestions of a kind"),
                                    _tr("Kind (pending changes with a suggestion):"), items, 0, False)
    return kinds[items.index(item)] if ok else None


def choose_pattern(parent: QWidget, review: Review) -> tuple[str, str] | None:
    patterns = [p for p, _n in review.patterns().most_common()]
    counts = {p: len(plan(review, pattern=p)) for p in patterns}
    patterns = [p for p in patterns if counts[p]]
    if not patterns:
        QMessageBox.information(parent, _tr("Nothing to accept"), _tr("No pending OCR pattern is left."))
        return None
    items = [f"{pattern_label([p])}  ({counts[p]})" for p in patterns]
    item, ok = QInputDialog.getItem(parent, _tr("Accept suggestions of a pattern"),
                                    _tr("OCR confusion (pending changes):"), items, 0, False)
    return patterns[items.index(item)] if ok else None
