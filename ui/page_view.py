"""The page view: the printed page behind the current change, its words boxed.

:class:`PageView` is a small widget that takes plain data and emits intents: it is given a
page (:class:`~app.model.PageImage`), the boxes to draw (each with its colour) and the box
to centre on, and it shows the page image cropped to the lines around that box (or the
full page, :meth:`PageView.set_full_page`), zoomed with Ctrl+wheel and Ctrl+= / Ctrl+−.
Clicking a word emits :attr:`PageView.offset_clicked` with the word's start offset in the
edition; the controller turns it into a change.

Pages are rendered by :func:`app.formats.render.render_page` on the global thread pool and
kept in a small cache (:class:`PageCache`); the pages before and after the one shown are
rendered ahead. Until a page has arrived the view says so; it never waits for one.

:func:`attach` is the controller: it docks a view beside the main window's panes, follows
the window's current change (``Navigation.current_changed``) and goes to the change of a
clicked word, so the main window only creates it.

Imports: Qt, :mod:`app.formats.render`, :mod:`app.model`, :mod:`ui.palette`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QSizePolicy, QWidget

from app.formats.render import render_page
from app.model import Edition, Kind, PageImage, WordBox

Box = tuple[int, int, int, int]
#: Lines of context above and below the change in the cropped view (in heights of its words).
CONTEXT_LINES = 4.0
ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
CACHE_PAGES = 16
DOCK_WIDTH = 440


class _Rendered(QObject):
    done = Signal(object, object)  # PageImage, QImage (or None when it could not be rendered)


class _RenderJob(QRunnable):
    def __init__(self, page: PageImage, signals: _Rendered) -> None:
        super().__init__()
        self.page, self.signals = page, signals

    def run(self) -> None:  # Qt override: on a pool thread; plain data in, a QImage out
        image = None
        try:
            pixels, width, height = render_page(self.page)
            gray = len(pixels) == width * height
            image = QImage(pixels, width, height, width if gray else 3 * width,
                           QImage.Format.Format_Grayscale8 if gray else QImage.Format.Format_RGB888).copy()
        except (OSError, ValueError):
            pass  # shown as "cannot be shown"
        try:
            self.signals.done.emit(self.page, image)
        except RuntimeError:  # the view was closed while the page rendered: nobody to tell
            pass


class PageCache(QObject):
    """Rendered pages, most recently used last; renders what is asked for on the pool."""

    arrived = Signal(object)  # PageImage

    def __init__(self, parent: QObject | None = None, size: int = CACHE_PAGES) -> None:
        super().__init__(parent)
        self._images: OrderedDict[PageImage, QImage | None] = OrderedDict()
        self._pending: set[PageImage] = set()
        self._size = size
        self._signals = _Rendered(self)
        self._signals.done.connect(self._on_done)

    def get(self, page: PageImage) -> QImage | None:
        """The page's image if rendered (None while it renders, and if it cannot be)."""
        if page in self._images:
            self._images.move_to_end(page)
            return self._images[page]
        self.request(page)
        return None

    def failed(self, page: PageImage) -> bool:
        return page in self._images and self._images[page] is None

    def request(self, page: PageImage) -> None:
        if page not in self._images and page not in self._pending:
            self._pending.add(page)
            QThreadPool.globalInstance().start(_RenderJob(page, self._signals))

    def _on_done(self, page: PageImage, image: QImage | None) -> None:
        self._pending.discard(page)
        self._images[page] = image
        while len(self._images) > self._size:
            self._images.popitem(last=False)
        self.arrived.emit(page)


class PageView(QWidget):
    """The page image around a change, with boxes; see the module docstring."""

    offset_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = PageCache(self)
        self.cache.arrived.connect(self._on_arrived)
        self.page: PageImage | None = None
        self.boxes: list[tuple[Box, QColor]] = []
        self.focus: Box | None = None
        self.words: Sequence[WordBox] = ()
        self.full_page = False
        self.zoom = 1.0
        self.caption = ""
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    # -- what the controller gives -------------------------------------------------------------
    def show_page(self, page: PageImage | None, boxes: list[tuple[Box, QColor]], focus: Box | None,
                  words: Sequence[WordBox] = (), neighbours: Sequence[PageImage] = (), caption: str = "") -> None:
        """Show ``page`` around ``focus`` with ``boxes`` drawn; ``words`` are the page's words
        (for clicks); ``neighbours`` are rendered ahead; ``caption`` is drawn in a corner."""
        self.page, self.boxes, self.focus, self.words = page, boxes, focus, words
        self.caption = caption
        if page is not None:
            self.cache.get(page)
        for other in neighbours:
            self.cache.request(other)
        self.update()

    def set_full_page(self, full: bool) -> None:
        self.full_page = full
        self.update()

    def zoom_by(self, step: int) -> None:
        index = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.zoom = ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, index + step))]
        self.update()

    # -- geometry ------------------------------------------------------------------------------
    def view_rect(self) -> QRectF:
        """The part of the page shown, in page pixels (it fills the widget's width)."""
        page = self.page
        if page is None:
            return QRectF()
        aspect = self.height() / max(self.width(), 1)
        if self.full_page or self.focus is None:
            width = page.width / self.zoom
            height = max(page.height / self.zoom, width * aspect)
            width = height / aspect if page.height / self.zoom > width * aspect else width
        else:
            x0, y0, x1, y1 = self.focus
            line = max(y1 - y0, 10)
            column = self._column()
            width = (column[1] - column[0]) / self.zoom
            height = max(width * aspect, line * (2 * CONTEXT_LINES + 1) / self.zoom)
            width = max(width, height / aspect)
        cx, cy = self._centre()
        left = min(max(cx - width / 2, 0.0), max(page.width - width, 0.0))
        top = min(max(cy - height / 2, 0.0), max(page.height - height, 0.0))
        return QRectF(left, top, width, height)

    def _column(self) -> tuple[float, float]:
        assert self.page is not None
        if self.words:
            return (max(min(w.box[0] for w in self.words) - 20, 0),
                    min(max(w.box[2] for w in self.words) + 20, self.page.width))
        return 0.0, float(self.page.width)

    def _centre(self) -> tuple[float, float]:
        assert self.page is not None
        if self.focus is None:
            return self.page.width / 2, self.page.height / 2
        x0, y0, x1, y1 = self.focus
        column = self._column() if not self.full_page else (0.0, float(self.page.width))
        cx = (column[0] + column[1]) / 2 if self.zoom <= 1 else (x0 + x1) / 2
        return cx, (y0 + y1) / 2

    def widget_point(self, point: QPointF) -> QPointF:
        """Where a point of the page (page pixels) is drawn in the widget."""
        rect = self.view_rect()
        scale = self.width() / max(rect.width(), 1)
        return QPointF((point.x() - rect.left()) * scale, (point.y() - rect.top()) * scale)

    def page_point(self, point: QPointF) -> QPointF:
        """Where a point of the widget falls on the page (page pixels)."""
        rect = self.view_rect()
        scale = rect.width() / max(self.width(), 1)
        return QPointF(rect.left() + point.x() * scale, rect.top() + point.y() * scale)

    # -- Qt overrides ----------------------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:  # Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        page = self.page
        image = self.cache.get(page) if page is not None else None
        if page is None or image is None:
            painter.setPen(self.palette().text().color())
            text = (self.tr("No page image for this edition") if page is None
                    else self.tr("The page image cannot be shown") if self.cache.failed(page)
                    else self.tr("Rendering page %1…").replace("%1", str(page.index + 1)))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            return
        rect = self.view_rect()
        sx, sy = image.width() / page.width, image.height() / page.height
        source = QRectF(rect.left() * sx, rect.top() * sy, rect.width() * sx, rect.height() * sy)
        target = QRectF(0, 0, self.width(), rect.height() * self.width() / max(rect.width(), 1))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image, source)
        scale = self.width() / max(rect.width(), 1)
        for (x0, y0, x1, y1), colour in self.boxes:
            pen = QPen(colour, 2)
            painter.setPen(pen)
            painter.drawRect(QRectF((x0 - rect.left()) * scale - 2, (y0 - rect.top()) * scale - 2,
                                    (x1 - x0) * scale + 4, (y1 - y0) * scale + 4))
        if self.caption:
            metrics = painter.fontMetrics()
            label = QRectF(4, 4, metrics.horizontalAdvance(self.caption) + 12, metrics.height() + 6)
            painter.fillRect(label, self.palette().toolTipBase())
            painter.setPen(self.palette().toolTipText().color())
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, self.caption)

    def event(self, event: Any) -> bool:  # Qt override
        """Ctrl+= / Ctrl++ / Ctrl+− zoom the page while it has focus (before the window's
        own shortcuts for the same keys, which size the text)."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            step = _zoom_step(event)
            if step:
                if event.type() == QEvent.Type.KeyPress:
                    self.zoom_by(step)
                event.accept()
                return True
        return super().event(event)

    def wheelEvent(self, event: Any) -> None:  # Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
        else:
            super().wheelEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:  # Qt override
        self.set_full_page(not self.full_page)

    def mousePressEvent(self, event: Any) -> None:  # Qt override
        if event.button() != Qt.MouseButton.LeftButton or self.page is None:
            return super().mousePressEvent(event)
        point = self.page_point(event.position())
        for word in self.words:
            x0, y0, x1, y1 = word.box
            if x0 - 2 <= point.x() <= x1 + 2 and y0 - 2 <= point.y() <= y1 + 2:
                self.offset_clicked.emit(word.start)
                return None
        return None

    def _on_arrived(self, page: PageImage) -> None:
        if page == self.page:
            self.update()


def _zoom_step(event: Any) -> int:
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return 0
    return {Qt.Key.Key_Equal: 1, Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1}.get(Qt.Key(event.key()), 0)


# -- the controller --------------------------------------------------------------------------------

def geometry_edition(editions: Sequence[Edition]) -> tuple[int, Edition] | None:
    """Which edition's pages to show: the first (the base) that has a geometry layer."""
    for index, edition in enumerate(editions):
        if edition.geometry is not None and edition.geometry.pages:
            return index, edition
    return None


def spot(edition: Edition, start: int, end: int) -> tuple[int, list[WordBox]] | None:
    """The page and the words of ``[start, end)`` (an empty span: the word before it)."""
    geometry = edition.geometry
    if geometry is None or not geometry.words:
        return None
    words = list(geometry.words_in(start, end))
    if not words:
        index = max(bisect_right([w.start for w in geometry.words], start) - 1, 0)
        words = [geometry.words[index]]
    page = words[0].page
    return page, [w for w in words if w.page == page]


def caption(page: int, words: Sequence[WordBox]) -> str:
    """"Page 5 · OCR confidence 42%": the page, and the least confident boxed word's confidence."""

    text = QCoreApplication.translate("PageView", "Page %1").replace("%1", str(page + 1))
    known = [w.confidence for w in words if w.confidence is not None]
    if known:
        text += " · " + QCoreApplication.translate("PageView", "OCR confidence %1%").replace(
            "%1", str(round(min(known) * 100)))
    return text


def union(boxes: Sequence[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


class PageController(QObject):
    """Keeps a :class:`PageView` on the window's current change (see :func:`attach`)."""

    def __init__(self, window: Any, view: PageView) -> None:
        super().__init__(view)
        self.window, self.view = window, view
        self._words_by_page: dict[tuple[int, int], list[WordBox]] = {}
        self._edition_key: int | None = None
        view.offset_clicked.connect(self.go_to_offset)

    def show_change(self, change_id: str) -> None:
        """The page behind ``change_id``; none ("") shows none, but the dock stays up for
        an edition with pages (a section may open with nothing to show, as a front matter
        of page furniture does)."""
        review = self.window.review
        if review is None:
            return
        comparison = review.comparison
        found = geometry_edition((comparison.base, comparison.reference))
        self._set_shown(found is not None)
        if found is None or change_id not in comparison.by_id:
            self.view.show_page(None, [], None)
            return
        role, edition = found
        change = review.change(change_id)
        span = change.base if role == 0 else change.reference
        located = spot(edition, span.start, span.end)
        if located is None:
            self.view.show_page(None, [], None)
            return
        page_index, words = located
        geometry = edition.geometry
        assert geometry is not None
        colour = _kind_colour(change.kind, getattr(self.window, "dark", False))
        boxes = [(w.box, colour) for w in words]
        pages = geometry.pages
        neighbours = [pages[i] for i in (page_index + 1, page_index - 1) if 0 <= i < len(pages)]
        self.view.show_page(pages[page_index], boxes, union([w.box for w in words]),
                            self._page_words(edition, page_index), neighbours, caption(page_index, words))

    def _set_shown(self, shown: bool) -> None:
        """The dock appears for editions with page images only (plain text has none)."""
        dock = getattr(self.view, "dock", None)
        if dock is not None and dock.isHidden() == shown:
            dock.setVisible(shown)

    def go_to_offset(self, offset: int) -> None:
        """The change at ``offset`` of the shown edition becomes current."""
        review = self.window.review
        if review is None:
            return
        found = geometry_edition((review.comparison.base, review.comparison.reference))
        if found is None:
            return
        role = found[0]
        spans = [c.base if role == 0 else c.reference for c in review.changes]
        index = bisect_right([s.start for s in spans], offset) - 1
        for candidate in (index, index + 1):
            if 0 <= candidate < len(spans) and spans[candidate].start <= offset <= max(spans[candidate].end,
                                                                                         spans[candidate].start):
                self.window.go_to_change(review.changes[candidate].id)
                return

    def _page_words(self, edition: Edition, page: int) -> list[WordBox]:
        key = (id(edition), page)
        if self._edition_key != id(edition):
            self._words_by_page.clear()
            self._edition_key = id(edition)
        if key not in self._words_by_page:
            assert edition.geometry is not None
            self._words_by_page[key] = [w for w in edition.geometry.words if w.page == page]
        return self._words_by_page[key]


def _kind_colour(kind: Kind, dark: bool) -> QColor:
    from ui.palette import kind_styles

    style = kind_styles(dark)[kind]
    return style.underline_color or style.background


def attach(window: Any) -> PageView:
    """Dock a page view on ``window`` (a MainWindow) and keep it on the current change."""
    view = PageView()
    dock = QDockWidget(QCoreApplication.translate("PageView", "Page"), window)
    dock.setObjectName("page_view_dock")
    dock.setWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    dock.hide()  # until a review with page images is shown
    controller = PageController(window, view)
    window.navigation.current_changed.connect(lambda _key, change_id: controller.show_change(change_id))
    view.controller = controller  # type: ignore[attr-defined]  # kept alive with the view
    view.dock = dock  # type: ignore[attr-defined]
    return view


__all__ = ["PageView", "PageCache", "PageController", "attach", "spot", "geometry_edition"]
