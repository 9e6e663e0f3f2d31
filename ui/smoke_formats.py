"""``proofpair --smoke``'s check of the edition readers in an installed build.

Writes a small two-page PDF (Qt's own PDF writer, a real text layer) and a DOCX
(python-docx, a numbered heading style and a bullet) into a temporary folder, reads both
through :func:`app.formats.load` and renders the PDF's first page, so a bundle that lost
pypdfium2's library, python-docx's template or lxml says so. Tesseract is reported only
as present or not: it is an optional system component.

Entry point: :func:`check_formats`. Imports: Qt (QPdfWriter), :mod:`app.formats`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

EXPECTED_PDF = "1 Inledning"
EXPECTED_DOCX = "• Första punkten"


def check_formats() -> list[str]:
    """What is missing for reading PDF and DOCX editions (empty when both read)."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="proofpair-smoke-") as folder:
        for name, make, expected in (("PDF", _write_pdf, EXPECTED_PDF), ("DOCX", _write_docx, EXPECTED_DOCX)):
            try:
                path = make(Path(folder))
                problems.extend(_read(name, path, expected))
            except Exception as exc:  # a self-test reports every failure, whatever it is
                problems.append(f"{name} editions ({type(exc).__name__}: {exc})")
    return problems


def _read(name: str, path: Path, expected: str) -> list[str]:
    from app import formats
    from app.formats.render import render_page

    edition = formats.load(path)
    if expected not in edition.text:
        return [f"{name} editions (read {edition.text[:60]!r}, expected {expected!r})"]
    if edition.geometry is not None:
        pixels, width, height = render_page(edition.geometry.pages[0], 0.25)
        if not pixels or len(pixels) < width * height:
            return [f"{name} page rendering"]
    return []


def _write_pdf(folder: Path) -> Path:
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    path = folder / "smoke.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 11))
    painter.drawText(80, 120, EXPECTED_PDF)
    painter.drawText(80, 160, "Länets utveckling beskrivs här.")
    writer.newPage()
    painter.drawText(80, 120, "2 Resultat")
    painter.end()
    return path


def _write_docx(folder: Path) -> Path:
    import docx

    path = folder / "smoke.docx"
    document = docx.Document()
    document.add_heading("1 Inledning", level=1)
    document.add_paragraph(EXPECTED_DOCX.removeprefix("• "), style="List Bullet")
    document.save(str(path))
    return path
