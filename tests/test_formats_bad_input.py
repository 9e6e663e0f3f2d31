"""Bad input in any format: one EditionError that names the file and says what is wrong."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from app import formats
from app.cli import main
from app.loading import EditionError
from formats_fixtures import scan_pdf

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page' title='bbox 0 0 10 10'>
<span class='ocrx_word' title='bbox 0 0 5 5; x_wconf 90'>&lol9;</span></div></body></html>
"""


def _encrypted_pdf() -> bytes:
    """A PDF under the standard security handler whose empty user password does not open it."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
               b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, b"ab" * 16, b"ab" * 16, xref))
    return bytes(out)


def _huge_png(width: int, height: int) -> bytes:
    """A PNG header claiming ``width`` × ``height`` pixels (the reader must refuse it unread)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


CASES = {
    "encrypted.pdf": (_encrypted_pdf, "encrypted"),
    "corrupt.pdf": (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40, "damaged"),
    "catalog.xml": (lambda: b'<?xml version="1.0"?>\n<catalog><book id="1">x</book></catalog>\n',
                    "none of the OCR formats"),
    "bomb.hocr": (lambda: BILLION_LAUGHS, "XML bomb"),
    "broken.hocr": (lambda: b"<html><body><div class='ocr_page' title='bbox 0 0 9 9'><span", "damaged XML"),
    "huge.png": (lambda: _huge_png(20000, 20000), "too large to OCR"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_files_get_one_clear_message(tmp_path: Path, name: str) -> None:
    make, expected = CASES[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(EditionError, match=expected) as info:
        formats.load(path, cache_dir=tmp_path / "cache")
    assert name in str(info.value)


def test_a_docx_that_is_a_zip_of_junk(tmp_path: Path) -> None:
    junk = _zip(tmp_path / "junk.docx", {"word/document.xml": b"\x00\xff not xml at all", "[Content_Types].xml": b"?"})
    with pytest.raises(EditionError, match="junk.docx.*(damaged|not a readable)"):
        formats.load(junk)
    other = _zip(tmp_path / "other.docx", {"readme.txt": b"hello", "data.bin": os.urandom(300)})
    with pytest.raises(EditionError, match="other.docx.*neither a Word"):
        formats.load(other)
    (tmp_path / "cut.docx").write_bytes(other.read_bytes()[:120])
    with pytest.raises(EditionError, match="cut.docx.*damaged zip"):
        formats.load(tmp_path / "cut.docx")


def test_a_scan_without_tesseract_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = scan_pdf(tmp_path / "scan.pdf", [["Nothing to read without OCR"]])
    monkeypatch.setenv("PROOFPAIR_TESSERACT", "")  # as on a machine without Tesseract
    with pytest.raises(EditionError, match=r"scan.pdf: .*needs Tesseract OCR.*apt-get install tesseract-ocr"):
        formats.load(path, cache_dir=tmp_path / "cache")


def test_an_ocr_language_that_is_not_installed(tmp_path: Path) -> None:
    path = scan_pdf(tmp_path / "scan.pdf", [["Any text"]])
    with pytest.raises(EditionError, match="scan.pdf: Tesseract cannot read the language xyz"):
        formats.load(path, ocr_language="xyz", cache_dir=tmp_path / "cache")


def test_special_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EditionError, match="not a regular file"):
        formats.load("/dev/zero")
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(EditionError, match="not a regular file"):
        formats.load(fifo)


def test_the_cli_reports_a_bad_pdf_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "locked.pdf"
    bad.write_bytes(_encrypted_pdf())
    good = tmp_path / "draft.txt"
    good.write_text("1 Inledning\n\nText.\n", encoding="utf-8")
    assert main(["compare", str(bad), str(good)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "locked.pdf" in err and "encrypted" in err
