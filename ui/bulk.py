"""Bulk decisions: choose a scope, see what it takes and what it leaves, confirm, one command.

Scopes: the current section (with its subsections), the whole document, one kind, one
confusion pattern (``a→ä``), and the review plan's "confident suggestions". A plan is
:func:`app.bulk.plan` over the *pending* changes of the scope: only bulk-safe changes (never
content, never a digit that appears, disappears or differs) whose confidence reaches the
threshold setting, so a bulk action never overwrites a decision nor takes a content change.
The confidence is the one the editor's decisions taught (:meth:`app.review.Review.learned`):
a suggestion the editor overruled for the same pattern elsewhere is skipped, and says so.
The confirmation breaks the count down by kind, shows a few examples, and says how many
changes were skipped and why, before anything happens.

Imports: Qt, the core.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.bulk import BulkPlan, Scope, Skip, plan
from app.classify import pattern_label
from app.model import Kind
from app.review import Review
from ui.change_model import shown
from ui.palette import kind_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("Bulk", text)


def skip_label(reason: Skip, count: int) -> str:
    """"12 content changes" and the like, in the UI's language."""
    text = {Skip.CONTENT: _tr("%1 content changes (a person decides)"),
            Skip.NUMBER: _tr("%1 changes touching a number"),
            Skip.NO_SUGGESTION: _tr("%1 without a suggestion"),
            Skip.LOW_CONFIDENCE: _tr("%1 below the confidence threshold (%2%)"),
            Skip.OVERRULED: _tr("%1 below the threshold (%2%) since you overruled the same pattern "
                                "elsewhere")}[reason]
    return text.replace("%1", str(count))


def plan_html(bulk: BulkPlan) -> str:
    """The breakdown a confirmation shows: by kind, examples, skipped and why."""
    kinds = ", ".join(f"{kind_label(k)} {n}" for k, n in sorted(bulk.by_kind.items(), key=lambda kv: -kv[1]))
    parts = [f"<p><b>{html.escape(_tr('By kind:'))}</b> {html.escape(kinds) or '—'}</p>"]
    if bulk.examples:
        rows = "".join(f"<li>{html.escape(shown(c.base_text))} → {html.escape(shown(c.reference_text))}</li>"
                       for c in bulk.examples)
        parts.append(f"<p><b>{html.escape(_tr('For example:'))}</b></p><ul>{rows}</ul>")
    skipped = [skip_label(reason, n).replace("%2", str(round(bulk.threshold * 100)))
               for reason, n in sorted(bulk.skipped.items(), key=lambda kv: list(Skip).index(kv[0])) if n]
    if skipped:
        items = "".join(f"<li>{html.escape(s)}</li>" for s in skipped)
        parts.append(f"<p><b>{html.escape(_tr('Skipped, left for you:'))}</b></p><ul>{items}</ul>")
    parts.append(f"<p>{html.escape(_tr('This is one step you can undo.'))}</p>")
    return "".join(parts)


def confirm(parent: QWidget, bulk: BulkPlan, scope: str) -> bool:
    """Ask before applying ``bulk``; says so, with what was skipped, when there is nothing to do."""
    box = QMessageBox(parent)
    box.setObjectName("bulk_confirmation")
    box.setInformativeText(plan_html(bulk))
    if not bulk:
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_tr("Nothing to accept"))
        box.setText(_tr("No pending change %1 has a suggestion that may be applied in bulk.").replace("%1", scope))
        box.exec()
        return False
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Accept suggestions"))
    box.setText(_tr("Apply the suggestion to %1 pending changes %2?").replace("%1", str(len(bulk)))
                .replace("%2", scope))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def choose_kind(parent: QWidget, review: Review, threshold: float) -> Kind | None:
    kinds = [Kind.OCR, Kind.TYPOGRAPHY, Kind.LAYOUT]
    items = [f"{kind_label(k)} ({len(plan(review, Scope.KIND, kind=k, threshold=threshold))})" for k in kinds]
    item, ok = QInputDialog.getItem(parent, _tr("Accept suggestions of a kind"),
                                    _tr("Kind (pending changes with a suggestion):"), items, 0, False)
    return kinds[items.index(item)] if ok else None


def choose_pattern(parent: QWidget, review: Review, threshold: float) -> tuple[str, str] | None:
    patterns = [p for p, _n in review.patterns().most_common()]
    counts = {p: len(plan(review, Scope.PATTERN, pattern=p, threshold=threshold)) for p in patterns}
    patterns = [p for p in patterns if counts[p]]
    if not patterns:
        QMessageBox.information(parent, _tr("Nothing to accept"), _tr("No pending OCR pattern is left."))
        return None
    items = [f"{pattern_label([p])}  ({counts[p]})" for p in patterns]
    item, ok = QInputDialog.getItem(parent, _tr("Accept suggestions of a pattern"),
                                    _tr("OCR confusion (pending changes):"), items, 0, False)
    return patterns[items.index(item)] if ok else None
