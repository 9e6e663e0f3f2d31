"""Live OCR with the real Tesseract: page images and image-only PDFs, progress, cancel, cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import formats
from app.cli import main
from app.formats.ocr import OcrCancelled
from app.session import load_session, open_session, save_session
from app.review import Review
from app.engine import compare_files
from formats_fixtures import page_image, scan_page, scan_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="Tesseract is not installed (bash dev.sh installs tesseract-ocr)")

PAGE_ONE = ["1 Introduction", "The county grew by 2 percent.", "Costs rose in every region."]
PAGE_TWO = ["2 Results", "Growth slowed in the second half."]


def test_a_page_image_is_ocred_with_boxes_and_confidences(tmp_path: Path) -> None:
    path = page_image(tmp_path / "page.png", PAGE_ONE)
    edition = formats.load(path, ocr_language="eng", cache_dir=tmp_path / "cache")
    assert edition.source_format == "image-ocr"
    assert formats.ocr_language_of(edition) == "eng"
    assert "The county grew by 2 percent." in edition.text
    assert edition.geometry is not None
    (page,) = edition.geometry.pages
    assert (page.source, page.index, page.width, page.height) == (path.resolve(), 0, 1100, 360)
    county = next(w for w in edition.geometry.words if edition.text[w.start:w.end] == "county")
    x0, y0, x1, y1 = county.box
    assert 60 < x0 < x1 < 400 and 90 < y0 < y1 < 150  # the second line, drawn at y = 100
    assert county.confidence is not None and county.confidence > 0.5


def test_a_scan_pdf_is_ocred_page_by_page_cached_and_cancellable(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = scan_pdf(tmp_path / "scan.pdf", [PAGE_ONE, PAGE_TWO])
    cache = tmp_path / "cache"
    asked: list[int] = []

    def cancel_after_first_page() -> bool:
        asked.append(1)
        return len(calls) >= 2

    calls: list[tuple[int, int, str]] = []
    with pytest.raises(OcrCancelled, match="scan.pdf: OCR cancelled"):
        formats.load(path, ocr_language="eng", cache_dir=cache, progress=lambda *a: calls.append(a),
                     should_cancel=cancel_after_first_page)
    assert calls[0][:2] == (0, 2) and calls[1][:2] == (1, 2)
    assert len(list(cache.glob("*/page-*.hocr"))) == 1  # the finished page is kept

    calls.clear()
    edition = formats.load(path, ocr_language="eng", cache_dir=cache, progress=lambda *a: calls.append(a))
    assert [c[:2] for c in calls] == [(1, 2), (2, 2)]  # the first page came from the cache
    assert edition.source_format == "pdf-ocr"
    first, second = edition.text.split("\f")
    assert first.startswith("1 Introduction\n") and "2 percent" in first
    assert second.startswith("2 Results\n")
    assert edition.geometry is not None
    assert [(p.index, p.width, p.height) for p in edition.geometry.pages] == [(0, 1100, 360), (1, 1100, 360)]
    assert {w.page for w in edition.geometry.words} == {0, 1}

    monkeypatch.setenv("PROOFPAIR_TESSERACT", "")  # Tesseract gone: the cache alone reopens it
    again = formats.load(path, ocr_language="eng", cache_dir=cache)
    assert again.text == edition.text and again.geometry == edition.geometry


def test_compare_and_apply_a_scan_against_a_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    scan = scan_pdf(tmp_path / "scan.pdf", [PAGE_ONE, PAGE_TWO])
    draft = docx.Document()
    draft.add_heading("1 Introduction", level=1)
    draft.add_paragraph("The county grew by 3 percent. Costs rose in every region.")
    draft.add_heading("2 Results", level=1)
    draft.add_paragraph("Growth slowed in the second half.")
    draft.save(tmp_path / "draft.docx")
    assert main(["compare", str(scan), str(tmp_path / "draft.docx")]) == 0
    out = capsys.readouterr().out
    assert "scan.pdf (pdf-ocr, tesseract:eng" in out and "draft.docx (docx" in out
    assert '"2" -> "3"' in out  # the number is a content change for the editor
    assert list((tmp_path / "xdg" / "proofpair" / "ocr").glob("*-eng/page-0002.hocr"))
    # the language came from the draft: English
    assert main(["apply", str(scan), str(tmp_path / "draft.docx"), "-o", str(tmp_path / "out.txt")]) == 0
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "grew by 2 percent" in text and "Growth slowed" in text

    review = Review(compare_files(scan, tmp_path / "draft.docx"))
    save_session(tmp_path / "r.proofpair", review)
    loaded = load_session(tmp_path / "r.proofpair")
    assert (loaded.base_format, loaded.reference_format, loaded.ocr_language) == ("pdf-ocr", "docx", "eng")
    reopened, report, _ = open_session(tmp_path / "r.proofpair")
    assert reopened.comparison.base.text == review.comparison.base.text and not report.message


def test_a_saved_session_keeps_its_scans_ocr_beside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.session import SessionError, ocr_folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    scan = scan_pdf(tmp_path / "scan.pdf", [PAGE_ONE, PAGE_TWO])
    (tmp_path / "draft.txt").write_text("\n".join(PAGE_ONE + PAGE_TWO) + "\n", encoding="utf-8")
    review = Review(compare_files(scan, tmp_path / "draft.txt"))
    base = review.comparison.base
    session = tmp_path / "r.proofpair"
    save_session(session, review)
    kept = ocr_folder(session) / f"{base.sha256}-eng"
    assert ocr_folder(session).name == "r.proofpair-ocr"
    assert sorted(p.name for p in kept.iterdir()) == ["page-0001.hocr", "page-0002.hocr"]
    written = {p.name: p.stat().st_mtime_ns for p in kept.iterdir()}

    shutil.rmtree(tmp_path / "xdg")  # the user cache is gone, and Tesseract too
    monkeypatch.setenv("PROOFPAIR_TESSERACT", "")
    reopened, report, _ = open_session(session)
    assert reopened.comparison.base.text == base.text and not report.message
    assert reopened.comparison.base.geometry == base.geometry
    assert not (tmp_path / "xdg").exists()  # nothing was OCR'd, so nothing was cached

    save_session(session, reopened)  # saved again: the kept pages stay as they are
    assert {p.name: p.stat().st_mtime_ns for p in kept.iterdir()} == written

    shutil.rmtree(ocr_folder(session))  # without the kept OCR it would need Tesseract
    with pytest.raises(SessionError, match="needs Tesseract OCR"):
        open_session(session)


def test_the_kept_ocr_follows_the_sessions_editions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.session import ocr_folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    scan = scan_pdf(tmp_path / "scan.pdf", [PAGE_ONE])
    (tmp_path / "draft.txt").write_text("\n".join(PAGE_ONE) + "\n", encoding="utf-8")
    session = tmp_path / "r.proofpair"
    save_session(session, Review(compare_files(scan, tmp_path / "draft.txt")))
    old = {p.name for p in ocr_folder(session).iterdir()}
    (tmp_path / "notes.txt").write_text("unrelated", encoding="utf-8")
    (ocr_folder(session) / "notes.txt").write_text("the editor's own file", encoding="utf-8")

    scan_pdf(scan, [PAGE_TWO])  # the scan changed: its old OCR is dropped at the next save
    save_session(session, Review(compare_files(scan, tmp_path / "draft.txt")))
    new = {p.name for p in ocr_folder(session).iterdir()}
    assert len(old) == 1 and not old & new and "notes.txt" in new and len(new) == 2

    save_session(session, Review(compare_files(tmp_path / "draft.txt", tmp_path / "draft.txt")))
    assert {p.name for p in ocr_folder(session).iterdir()} == {"notes.txt"}  # no scan: only the editor's file stays

    save_session(tmp_path / "recovery.proofpair", Review(compare_files(scan, tmp_path / "draft.txt")), keep_ocr=False)
    assert not ocr_folder(tmp_path / "recovery.proofpair").exists()


def _ocr_in_child(path: str, cache: str, scratch: str) -> None:
    import os

    os.environ["TMPDIR"] = scratch
    import tempfile

    tempfile.tempdir = scratch
    formats.load(path, ocr_language="eng", cache_dir=Path(cache))


def _tesseracts_in(folder: Path) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(folder) in (proc / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_stopping_the_reading_process_stops_tesseract(tmp_path: Path) -> None:
    import multiprocessing
    import time

    lines = [f"Line {n} of a long page that keeps Tesseract busy for a while." for n in range(80)]
    path = page_image(tmp_path / "long.png", lines, size=(2400, 5000))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    child = multiprocessing.get_context("spawn").Process(
        target=_ocr_in_child, args=(str(path), str(tmp_path / "cache"), str(scratch)))
    child.start()
    deadline = time.monotonic() + 60
    while not _tesseracts_in(scratch) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _tesseracts_in(scratch), "Tesseract never started"
    child.terminate()  # what the window's Cancel does to its comparing process
    child.join(10)
    deadline = time.monotonic() + 1.5  # killed with its parent, not after finishing the page
    while _tesseracts_in(scratch) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _tesseracts_in(scratch)
    assert not list((tmp_path / "cache").glob("*/page-*.hocr"))


def test_a_page_of_one_column_keeps_its_list_labels_on_their_lines(tmp_path: Path) -> None:
    """Tesseract's automatic segmentation drops a list's hanging labels (a strip of its own
    left of the text) or reads them as blocks apart; read as one column they stay put."""
    page = scan_page("en_omb_m_16_21_source_code", 6, tmp_path)
    text = formats.load(page, ocr_language="eng", cache_dir=tmp_path / "cache").text
    for label, start in [("C.", "Adopt a Regular Release Schedule"), ("D.", "Engage with the Community"),
                         ("F.", "Documentation:"), ("1.", "The sharing of the source code is restricted"),
                         ("2.", "The sharing of the source code would create")]:
        assert f"\n{label} {start}" in text


def test_a_page_of_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    """Read as one column, two columns give rows side by side; the page is then read with the
    automatic segmentation, which keeps each column's lines together."""
    from app.formats.hocr import parse_hocr
    from app.formats.ocr import cache_key, page_name
    from app.formats.segmentation import rows_side_by_side

    page = scan_page("de_lebensqualitaet_2016", 1, tmp_path)
    edition = formats.load(page, ocr_language="deu", cache_dir=tmp_path / "cache")
    text = edition.text
    assert "jeden Einzelnen,\nsondern Grundlage der Wissensgesellschaft. Gleiche\nChancen beim Zugang" in text
    assert "Ganztagsschulen. Gemeinsam haben sich Bund und\nLänder beim Bildungsgipfel" in text
    kept = tmp_path / "cache" / cache_key(edition.sha256, "deu") / page_name(0)
    assert rows_side_by_side(parse_hocr(kept.read_bytes(), "page")[0])  # the columns' lines, apart
