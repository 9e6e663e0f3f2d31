"""The change map beside the panes, and the legend of kinds.

:class:`OverviewStrip` draws every change of the document as a tick at its place in the
base edition from per-slice counts into a cached image. What needs a person (a pending
content change, or one touching a number) has a lane of its own on the left, 3 px tall in
the content colour, so thousands of OCR ticks never cover it; the other pending ticks fill
the right lane in their kind's colour (the most important kind on top), and decided ones
fade to a short grey mark. A decision
repaints one row and a paint is one image blit; a click emits ``change_requested(id)`` for the nearest
tick — an intent, the window moves there. :class:`KindLegend` shows each kind's colour
*and* line style, so the legend works without colour vision too.

Both take plain data (:class:`Tick` tuples); neither knows the review.
Imports: Qt, :mod:`app.model`, :mod:`ui.palette`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from app.model import Kind
from ui.palette import kind_styles

PEN_STYLES = {
    Kind.TYPOGRAPHY: Qt.PenStyle.DotLine,
    Kind.LAYOUT: Qt.PenStyle.DashLine,
    Kind.CONTENT: Qt.PenStyle.SolidLine,
}


#: The strip counts ticks in this many slices of the document; a paint draws one row per
#: pixel from them (a cached image), so 332,500 changes cost no more to show than 3,000.
BINS = 4096


class Tick(NamedTuple):
    position: float  # 0..1 through the document
    kind: Kind
    pending: bool
    change_id: str
    needs_person: bool = False  # content, or a number: drawn in its own lane


#: The lanes, in pixels from the left edge: [start, end) of each.
PERSON_LANE = (1, 5)
KIND_LANE = (6, 13)


class OverviewStrip(QWidget):
    """A narrow clickable map of all changes."""

    change_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.retranslate_ui()
        self.setFixedWidth(14)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._view = (0.0, 0.0)
        self._current = -1.0
        self._hidden: frozenset[Kind] = frozenset()
        self._hide_decided = False
        self._dark = False
        self.clear()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Change map"))
        self.setAccessibleDescription(self.tr("Every change in the document; click to go to one"))
        self.setToolTip(self.tr("Change map: click to go to the nearest change"))

    @property
    def dark(self) -> bool:
        return self._dark

    @dark.setter
    def dark(self, dark: bool) -> None:
        self._dark, self._image = dark, None
        self.update()

    def clear(self) -> None:
        self._kinds: list[Kind] = []
        self._pending: list[bool] = []
        self._bins: list[int] = []
        self._ids: list[str] = []
        self._person: list[bool] = []
        self._person_pending = [0] * BINS
        self._by_kind: dict[Kind, tuple[list[float], list[int]]] = {k: ([], []) for k in Kind}
        self._counts = {(k, p): [0] * BINS for k in Kind for p in (True, False)}
        self._image = None
        self.update()

    def set_ticks(self, ticks: Sequence[Tick]) -> None:
        self.clear()
        self.add_ticks(sorted(ticks))

    def add_ticks(self, ticks: Sequence[Tick]) -> None:
        """Append ticks in document order; the n-th tick ever added is index n."""
        first_bin, last_bin = BINS, -1
        for tick in ticks:
            b = min(BINS - 1, max(0, int(tick.position * BINS)))
            first_bin, last_bin = min(first_bin, b), max(last_bin, b)
            positions, indices = self._by_kind[tick.kind]
            positions.append(tick.position)
            indices.append(len(self._ids))
            self._kinds.append(tick.kind)
            self._pending.append(tick.pending)
            self._bins.append(b)
            self._ids.append(tick.change_id)
            self._person.append(tick.needs_person)
            self._person_pending[b] += tick.needs_person and tick.pending
            self._counts[tick.kind, tick.pending][b] += 1
        if last_bin >= 0:
            self._redraw_bins(first_bin, last_bin)

    def set_pending(self, index: int, pending: bool) -> None:
        """Tick ``index`` became pending or decided."""
        if index >= len(self._pending) or self._pending[index] == pending:
            return
        kind, b = self._kinds[index], self._bins[index]
        self._counts[kind, not pending][b] -= 1
        self._counts[kind, pending][b] += 1
        if self._person[index]:
            self._person_pending[b] += 1 if pending else -1
        self._pending[index] = pending
        self._redraw_bins(b, b)

    def set_hide_decided(self, hide: bool) -> None:
        """Draw only what is left, or decided changes too (short grey marks)."""
        self._hide_decided, self._image = hide, None
        self.update()

    def set_hidden(self, kinds: Iterable[Kind]) -> None:
        """Kinds not drawn and not reachable by a click (hidden layout changes)."""
        self._hidden = frozenset(kinds)
        self._image = None
        self.update()

    def set_view(self, top: int, length: int) -> None:
        self._view = (top / length if length else 0.0, 0.0)
        self.update()

    def set_current(self, position: float) -> None:
        self._current = position
        self.update()

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(14, 200)

    # -- the cached picture: one row per pixel, from counts in BINS bins ------------------------
    def _rows(self) -> int:
        return max(self.height() - 4, 1)

    def _row_state(self, row: int) -> tuple[Kind | None, bool, bool]:
        """The most important kind pending in ``row``, whether a decided change is there, and
        whether a pending change there needs a person."""
        rows = self._rows()
        lo, hi = -(-row * BINS // rows), -(-(row + 1) * BINS // rows)
        kinds = [k for k in Kind if k not in self._hidden]
        pending = next((k for k in reversed(kinds) if any(self._counts[k, True][lo:hi])), None)
        done = not self._hide_decided and any(any(self._counts[k, False][lo:hi]) for k in kinds)
        return pending, done, any(self._person_pending[lo:hi])

    def _draw_rows(self, image: QImage, first: int, last: int) -> None:
        rows = self._rows()
        palette = self.palette()
        colors = {k: s.underline_color or s.background for k, s in kind_styles(self.dark).items()}
        muted = palette.color(QPalette.ColorRole.Mid)
        background = palette.color(QPalette.ColorRole.AlternateBase)
        first, last = max(first, 0), min(last, rows - 1)
        top = max(first - 2, 0)  # a tick reaches two rows down: the rows above matter
        states = [self._row_state(r) for r in range(top, last + 1)]
        (p0, p1), (k0, k1) = PERSON_LANE, KIND_LANE
        painter = QPainter(image)
        for row in range(first, last + 1):
            here = [states[r - top] for r in range(max(row - 2, top), row + 1)]
            painter.fillRect(0, row, self.width(), 1, background)
            if any(person for _k, _d, person in here):  # 3 px tall, in a lane of its own
                painter.fillRect(p0, row, p1 - p0, 1, colors[Kind.CONTENT])
            kind = next((k for k, _d, _p in reversed(here[-2:]) if k is not None), None)
            if kind is not None:  # a pending tick is 2 px tall
                painter.fillRect(k0, row, k1 - k0, 1, colors[kind])
            elif here[-1][1]:
                painter.fillRect((k0 + k1) // 2, row, k1 - (k0 + k1) // 2, 1, muted)
        painter.end()

    def _redraw_bins(self, first: int, last: int) -> None:
        if self._image is not None:
            rows = self._rows()
            self._draw_rows(self._image, first * rows // BINS, last * rows // BINS + 2)  # ticks reach 2 rows down
        self.update()

    def resizeEvent(self, event) -> None:  # Qt override
        self._image = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # Qt override
        if self._image is None or self._image.size() != QSize(self.width(), self._rows()):
            self._image = QImage(self.width(), self._rows(), QImage.Format.Format_RGB32)
            self._draw_rows(self._image, 0, self._rows() - 1)
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawImage(0, 2, self._image)
        height, width = self.height() - 4, self.width()
        if self._current >= 0:
            y = 2 + int(self._current * height)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2))
            painter.drawRect(0, y - 2, width - 1, 5)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(0, 0, width - 1, self.height() - 1)
        painter.end()

    def mousePressEvent(self, event) -> None:  # Qt override
        where = (event.position().y() - 2) / max(self.height() - 4, 1)
        best, distance = None, 2.0
        for kind, (positions, indices) in self._by_kind.items():
            if kind in self._hidden:
                continue
            i = bisect_left(positions, where)
            for j in (i - 1, i):
                if 0 <= j < len(positions) and abs(positions[j] - where) < distance:
                    best, distance = indices[j], abs(positions[j] - where)
        if best is not None:
            self.change_requested.emit(self._ids[best])


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
