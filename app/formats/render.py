"""Render a page image the geometry layer refers to, as raw pixels for any GUI to wrap.

:func:`render_page` gives ``(pixels, width, height)``: 8-bit grayscale when
``len(pixels) == width * height``, else RGB (3 bytes a pixel), rows packed without padding
(a QImage takes them as ``Format_Grayscale8`` / ``Format_RGB888`` with ``bytesPerLine``
``width`` / ``3 * width``). At ``scale`` 1 the size is the :class:`~app.model.PageImage`'s
own, the pixels the word boxes are measured in. PDF pages are rendered by pypdfium2;
image files (each frame of a TIFF a page) by Pillow.

Entry point: :func:`render_page`. Imports: pypdfium2, Pillow, :mod:`app.model`.
"""

from __future__ import annotations

import warnings
from typing import Any

from app.model import PageImage

#: The most pixels a rendered page may have (memory guard for a huge zoom).
MAX_RENDER_PIXELS = 60_000_000


def render_page(page: PageImage, scale: float = 1.0) -> tuple[bytes, int, int]:
    """The pixels of ``page`` at ``scale`` (raises OSError when its source is unreadable)."""
    width, height = max(1, round(page.width * scale)), max(1, round(page.height * scale))
    if width * height > MAX_RENDER_PIXELS:
        raise ValueError(f"a page of {width} × {height} pixels is too large to render")
    with open(page.source, "rb") as handle:
        magic = handle.read(1024)
    image = _pdf(page, width) if b"%PDF-" in magic else _image(page)
    if image.size != (width, height):
        from PIL import Image

        image = image.resize((width, height), Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.BILINEAR)
    if image.mode not in ("L", "RGB"):
        image = image.convert("L" if image.mode in ("1", "LA", "I", "I;16", "F") else "RGB")
    return image.tobytes(), image.width, image.height


def _pdf(page: PageImage, width: int) -> Any:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(page.source))
    try:
        pdf_page = document[page.index]
        points = pdf_page.get_size()[0]
        bitmap = pdf_page.render(scale=width / points, grayscale=True)
        return bitmap.to_pil().convert("L")
    except pdfium.PdfiumError as exc:
        raise OSError(f"{page.source.name}: page {page.index + 1} cannot be rendered ({exc})") from None
    finally:
        document.close()


def _image(page: PageImage) -> Any:
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(page.source)
        if page.index:
            image.seek(page.index)
        image.load()
    return image
