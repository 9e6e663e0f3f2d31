"""The change map beside the panes, and the legend of kinds.

:class:`OverviewStrip` draws every change of the document as a tick at its place in the
base edition (pending ticks full width in the kind's colour, decided ones short and grey),
with the visible stretch shaded; a click emits ``change_requested(id)`` for the nearest
tick — an intent, the window moves there. :class:`KindLegend` shows each kind's colour
*and* line style, so the legend works without colour vision too.

Both take plain data (:class:`Tick` tuples); neither knows the review.
Imports: Qt, :mod:`app.model`, :mod:`ui.palette`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from app.model import Kind
from ui.palette import kind_styles

PEN_STYLES = {
    Kind.TYPOGRAPHY: Qt.PenStyle.DotLine,
    Kind.LAYOUT: Qt.PenStyle.DashLine,
    Kind.CONTENT: Qt.PenStyle.SolidLine,
}


class Tick(NamedTuple):
    position: float  # 0..1 through the document
    kind: Kind
    pending: bool
    change_id: str


class OverviewStrip(QWidget):
    """A narrow clickable map of all changes."""

    change_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.retranslate_ui()
        self.setFixedWidth(14)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._ticks: list[Tick] = []
        self._positions: list[float] = []
        self._view = (0.0, 0.0)
        self._current = -1.0
        self.dark = False

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Change map"))
        self.setAccessibleDescription(self.tr("Every change in the document; click to go to one"))
        self.setToolTip(self.tr("Change map: click to go to the nearest change"))

    def set_ticks(self, ticks: Sequence[Tick]) -> None:
        self._ticks = sorted(ticks)
        self._positions = [t.position for t in self._ticks]
        self.update()

    def set_view(self, top: int, length: int) -> None:
        self._view = (top / length if length else 0.0, 0.0)
        self.update()

    def set_current(self, position: float) -> None:
        self._current = position
        self.update()

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(14, 200)

    def paintEvent(self, event) -> None:  # Qt override
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        height, width = self.height() - 4, self.width()
        colors = {k: s.underline_color or s.background for k, s in kind_styles(self.dark).items()}
        muted = palette.color(QPalette.ColorRole.Mid)
        for tick in self._ticks:
            y = 2 + int(tick.position * height)
            if tick.pending:
                painter.fillRect(1, y, width - 2, 2, colors[tick.kind])
            else:
                painter.fillRect(width // 2, y, width // 2 - 1, 1, muted)
        if self._current >= 0:
            y = 2 + int(self._current * height)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2))
            painter.drawRect(0, y - 2, width - 1, 5)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(0, 0, width - 1, self.height() - 1)
        painter.end()

    def mousePressEvent(self, event) -> None:  # Qt override
        if not self._ticks:
            return
        where = (event.position().y() - 2) / max(self.height() - 4, 1)
        i = bisect_left(self._positions, where)
        near = [j for j in (i - 1, i) if 0 <= j < len(self._ticks)]
        best = min(near, key=lambda j: abs(self._positions[j] - where))
        self.change_requested.emit(self._ticks[best].change_id)


class _Swatch(QWidget):
    """A sample of one kind: its background with its underline drawn below."""

    def __init__(self, kind: Kind, parent=None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.dark = False
        self.setFixedSize(28, 16)

    def paintEvent(self, event) -> None:  # Qt override
        style = kind_styles(self.dark)[self.kind]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 1, 28, 11), style.background)
        pen = QPen(QColor(style.underline_color or style.background), 1.5)
        if self.kind is Kind.OCR:  # the wave
            path = QPainterPath(QPointF(0, 14))
            for x in range(1, 29):
                path.lineTo(QPointF(x, 14 + 1.5 * math.sin(x * math.pi / 3)))
            painter.setPen(pen)
            painter.drawPath(path)
        else:
            pen.setStyle(PEN_STYLES[self.kind])
            painter.setPen(pen)
            painter.drawLine(QPointF(0, 14), QPointF(28, 14))
            if self.kind is Kind.CONTENT:
                painter.drawLine(QPointF(0, 1), QPointF(28, 1))
        painter.end()


class KindLegend(QWidget):
    """Swatch + name per kind, in one row."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Legend of change kinds"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._swatches: list[_Swatch] = []
        self._labels: list[QLabel] = []
        for kind in (Kind.OCR, Kind.TYPOGRAPHY, Kind.LAYOUT, Kind.CONTENT):
            swatch = _Swatch(kind)
            label = QLabel()
            self._swatches.append(swatch)
            self._labels.append(label)
            layout.addWidget(swatch)
            layout.addWidget(label)
            layout.addSpacing(10)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_dark(False)

    def set_dark(self, dark: bool) -> None:
        """Swatches for ``dark`` and labels in the language installed now."""
        self.setAccessibleName(self.tr("Legend of change kinds"))
        styles = kind_styles(dark)
        for swatch, label in zip(self._swatches, self._labels, strict=True):
            swatch.dark = dark
            label.setText(styles[swatch.kind].label)
            swatch.update()
