"""OCR with Tesseract: image-only PDFs and page images -> Edition with geometry.

Tesseract is an optional system component, run as a subprocess (``tesseract IMAGE stdout
-l LANG --psm N hocr``) per page, :data:`WORKERS` pages side by side with one thread each; each
finished page reports progress, and a cancel stops the running pages at once. A page is read
as one column of text first, and again with Tesseract's automatic segmentation where that
reading shows rows side by side (two columns): :mod:`app.formats.segmentation`. Its hOCR is
read by :mod:`app.formats.hocr` and laid out as its own text output would be. The page images
are the PDF's embedded scan images taken out unchanged when a page is one image (exactly what
a digitisation service OCR'd), else the page rendered at 300 dpi; image files are OCR'd as
they are (each frame of a TIFF).

Cache: each page's hOCR is kept under ``cache_dir/<sha256 of the file>-<language>/``
(default :func:`default_cache_dir`), so opening the same scan again, or resuming a
cancelled run, OCRs no page twice, and a cached scan opens even where Tesseract is not
installed. A cache that cannot be written is simply not used. A saved session keeps its
scans' pages in a folder of the same shape beside it (``beside``, read before the user
cache; :func:`store_pages` fills it), so a reopen OCRs nothing even on another machine or
after the user cache was cleared. A stored page is used as it is, whatever segmentation read
it (pages an older ProofPair read with the automatic one too): a saved review must reopen
on the very text it was made on.

Errors (each an EditionError naming the file): Tesseract or the language not installed
(saying what to install), an image too large to OCR, Tesseract failing on a page.
:class:`OcrCancelled` (an EditionError) when ``should_cancel`` said stop.

Entry points: :func:`ocr_pdf`, :func:`ocr_images`, :func:`store_pages`. Imports: the standard
library, Pillow, pypdfium2, the formats base.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app.formats.base import MAX_BYTES, check_regular, file_sha256
from app.formats.hocr import parse_hocr
from app.formats.layout import OcrPage, ocr_edition
from app.formats.segmentation import READINGS, next_reading
from app.loading import EditionError
from app.model import Edition, PageImage

#: The most pixels one page may have to be OCR'd (a 600 dpi A3 page is 70 million).
MAX_PIXELS = 80_000_000
#: Rendering resolution for PDF pages that are not one embedded image.
RENDER_DPI = 300
#: Seconds one page may take before Tesseract is stopped.
PAGE_TIMEOUT = 600
#: Pages OCR'd side by side (each Tesseract on one thread).
WORKERS = max(1, min(4, os.cpu_count() or 1))
INSTALL_HINT = ("Install Tesseract OCR with the language packs you need, e.g. on Debian/Ubuntu: "
                "sudo apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-swe tesseract-ocr-deu")

#: An OCR'd edition's ``encoding`` names how its text came to be: Tesseract in a language.
OCR_ENCODING = "tesseract:"

Progress = Callable[[int, int, str], Any] | None
Cancel = Callable[[], bool] | None


class OcrCancelled(EditionError):
    """The OCR was stopped on request; the pages done so far stay in the cache."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "proofpair" / "ocr"


def tesseract_path() -> str | None:
    """The Tesseract executable (``PROOFPAIR_TESSERACT`` overrides the search path)."""
    configured = os.environ.get("PROOFPAIR_TESSERACT")
    if configured is not None:
        return configured if configured and Path(configured).is_file() else None
    return shutil.which("tesseract")


def installed_languages() -> set[str]:
    exe = tesseract_path()
    if exe is None:
        return set()
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.strip() for line in done.stdout.splitlines()[1:] if line.strip()}


def require_tesseract(name: str, language: str) -> str:
    """Tesseract's path, after checking it can read ``language`` (``swe+eng`` allowed)."""
    exe = tesseract_path()
    if exe is None:
        raise EditionError(f"{name}: is a scan without a text layer; reading it needs Tesseract OCR, "
                           f"which is not installed. {INSTALL_HINT}")
    missing = [lang for lang in language.split("+") if lang not in installed_languages()]
    if missing:
        raise EditionError(f"{name}: Tesseract cannot read the language {', '.join(missing)}: install "
                           f"tesseract-ocr-{missing[0]} (Debian/Ubuntu), or choose another OCR language.")
    return exe


def ocr_pdf(path: Path, raw: bytes, *, language: str | None = None, progress: Progress = None,
            should_cancel: Cancel = None, cache_dir: Path | None = None, beside: Path | None = None) -> Edition:
    """The edition of the image-only PDF ``path`` (``raw``: its bytes), OCR'd page by page."""
    from app.formats.pdf import open_pdf

    language = language or "eng"
    import pypdfium2 as pdfium

    document = open_pdf(raw, path.name)
    try:
        count = len(document)
        sources = (_pdf_page_image(document, index, path.name) for index in range(count))
        pages = _ocr_pages(path, _sha(raw), language, count, sources, progress, should_cancel, cache_dir, beside)
    except pdfium.PdfiumError as exc:
        raise EditionError(f"{path.name}: the PDF is damaged and cannot be read ({exc}).") from None
    finally:
        document.close()
    images = [PageImage(path.resolve(), index, page.width, page.height) for index, page in enumerate(pages)]
    return ocr_edition(path, raw, pages, "pdf-ocr", images, encoding=OCR_ENCODING + language)


def ocr_images(path: Path, *, language: str | None = None, progress: Progress = None,
               should_cancel: Cancel = None, cache_dir: Path | None = None, beside: Path | None = None) -> Edition:
    """The edition of the page image ``path`` (PNG, JPEG, TIFF; every frame a page)."""
    if check_regular(path).st_size > MAX_BYTES:
        raise EditionError(f"{path.name}: the image file is larger than {MAX_BYTES // 2**20} MB; "
                           "ProofPair does not OCR it.")
    language = language or "eng"
    image = _open_image(path)
    with image:
        count = getattr(image, "n_frames", 1)
        sources = (_frame(image, index, path) for index in range(count))
        pages = _ocr_pages(path, file_sha256(path), language, count, sources, progress, should_cancel,
                           cache_dir, beside)
    images = [PageImage(path.resolve(), index, page.width, page.height) for index, page in enumerate(pages)]
    return ocr_edition(path, file_sha256(path), pages, "image-ocr", images, encoding=OCR_ENCODING + language)


# -- the page loop -------------------------------------------------------------------------------

Source = Callable[[Path], Path]  # writes the page image into a folder, returns its file


def _ocr_pages(path: Path, sha: str, language: str, count: int, sources: Iterator[Source],
               progress: Progress, should_cancel: Cancel, cache_dir: Path | None,
               beside: Path | None = None) -> list[OcrPage]:
    """Every page's hOCR parsed, from a session's folder ``beside``, the cache, or Tesseract
    (:data:`WORKERS` pages at a time). ``progress`` hears how many pages are read; a cancel
    stops every running page."""
    cache = (cache_dir or default_cache_dir()) / cache_key(sha, language)
    kept = beside / cache_key(sha, language) if beside is not None else None
    page_sources = list(sources)
    found = _stored_pages(count, [kept, cache] if kept is not None else [cache])
    todo = [(index, READINGS[0]) for index in range(count) if index not in found]
    report = (lambda: progress(len(found), count, f"OCR of {path.name}: page {len(found)} of {count} read")) \
        if progress is not None else (lambda: None)
    report()
    running: dict[int, tuple[subprocess.Popen, float, int]] = {}
    images: dict[int, Path] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="proofpair-ocr-") as scratch:
            exe = require_tesseract(path.name, language) if todo else ""
            while todo or running:
                if should_cancel is not None and should_cancel():
                    raise OcrCancelled(f"{path.name}: OCR cancelled after {len(found)} of {count} pages.")
                while todo and len(running) < WORKERS:
                    index, psm = todo.pop(0)
                    if index not in images:
                        images[index] = page_sources[index](Path(scratch))
                    running[index] = (_start(exe, images[index], language, path.name, psm), time.monotonic(), psm)
                for index in sorted(running):
                    process, started, psm = running[index]
                    out = _finished((process, started), path.name, index)
                    if out is None:
                        continue
                    del running[index]
                    again = next_reading(psm, _parse_page(out, path.name))
                    if again is not None:
                        todo.insert(0, (index, again))  # this page's reading was wrong: read it anew first
                        continue
                    _write_cache(cache / page_name(index), out)
                    found[index] = out
                    report()
                    if should_cancel is not None and should_cancel():
                        raise OcrCancelled(f"{path.name}: OCR cancelled after {len(found)} of {count} pages.")
    finally:
        for process, _started, _psm in running.values():
            process.kill()
            process.communicate()
    return [_parse_page(found[index], path.name) for index in range(count)]


def _stored_pages(count: int, folders: list[Path]) -> dict[int, bytes]:
    """The pages already OCR'd, by index, each from the first of ``folders`` that has it."""
    found: dict[int, bytes] = {}
    for index in range(count):
        stored = next((d for d in (_read_cache(f / page_name(index)) for f in folders) if d is not None), None)
        if stored is not None:
            found[index] = stored
    return found


def _parse_page(hocr: bytes, name: str) -> OcrPage:
    """One page's hOCR parsed (a file of several pages, from elsewhere, as one page)."""
    parsed = parse_hocr(hocr, name)
    return parsed[0] if len(parsed) == 1 else _merge(parsed)


def _start(exe: str, image: Path, language: str, name: str, psm: int) -> subprocess.Popen:
    """Tesseract reading ``image`` into hOCR on its stdout, cutting it into lines with page
    segmentation mode ``psm`` (one thread: pages run side by side instead, and OpenMP's
    spinning threads cost 4x the CPU on a busy machine)."""
    environment = dict(os.environ)
    environment.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return subprocess.Popen([exe, str(image), "stdout", "-l", language, "--psm", str(psm), "hocr"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    except OSError as exc:
        raise EditionError(f"{name}: Tesseract could not be started ({exc.strerror or exc}). "
                           f"{INSTALL_HINT}") from None


def _finished(running: tuple[subprocess.Popen, float], name: str, index: int) -> bytes | None:
    """The page's hOCR once Tesseract is done, None while it runs (its pipes are drained
    meanwhile, so a long page never blocks on a full pipe)."""
    process, started = running
    try:
        out, err = process.communicate(timeout=0.05)
    except subprocess.TimeoutExpired:
        if time.monotonic() - started > PAGE_TIMEOUT:
            raise EditionError(f"{name}: Tesseract took over {PAGE_TIMEOUT} s on page {index + 1} "
                               "and was stopped.") from None
        return None
    if process.returncode != 0 or not out.strip():
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise EditionError(f"{name}: Tesseract failed on page {index + 1} ({detail[0]}).")
    return out


def _merge(pages: list[OcrPage]) -> OcrPage:
    first = pages[0]
    for page in pages[1:]:
        first.paragraphs.extend(page.paragraphs)
    return first


# -- the cache -------------------------------------------------------------------------------------

def cache_key(sha: str, language: str) -> str:
    """The folder holding one scan's pages OCR'd in one language."""
    return f"{sha}-{language}"


def page_name(index: int) -> str:
    return f"page-{index + 1:04d}.hocr"


def store_pages(edition: Edition, folder: Path, sources: Sequence[Path] = ()) -> bool:
    """Keep the OCR'd pages of ``edition`` in ``folder`` (a session's OCR folder), taken from
    ``sources`` or the user cache; True when every page is there afterwards. Pages already
    there are left alone, each page is written whole (a temporary renamed into place), and an
    edition that was not OCR'd by ProofPair has nothing to keep (False)."""
    language = edition.encoding.removeprefix(OCR_ENCODING)
    if not edition.encoding.startswith(OCR_ENCODING) or edition.geometry is None:
        return False
    key = cache_key(edition.sha256, language)
    target = folder / key
    origins = [Path(s) / key for s in sources] + [default_cache_dir() / key]
    complete = True
    for index in range(len(edition.geometry.pages)):
        name = page_name(index)
        if (target / name).is_file():
            continue
        data = next((d for d in (_read_cache(o / name) for o in origins) if d is not None), None)
        if data is None or not _write_cache(target / name, data):
            complete = False
    return complete

def _read_cache(path: Path) -> bytes | None:
    try:
        return path.read_bytes() or None
    except OSError:
        return None


def _write_cache(path: Path, data: bytes) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        return False  # no cache: the next open OCRs again, nothing worse
    return True


def _sha(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


# -- page images -----------------------------------------------------------------------------------

def _check_size(name: str, width: int, height: int, what: str) -> None:
    if width * height > MAX_PIXELS:
        raise EditionError(f"{name}: {what} is {width} × {height} pixels, too large to OCR (the limit "
                           f"is {MAX_PIXELS // 1_000_000} million pixels a page). Scale it down to 300 dpi.")


def _pdf_page_image(document: Any, index: int, name: str) -> Source:
    import pypdfium2.raw as pdfium_c

    page = document[index]
    width_pt, height_pt = page.get_size()
    images = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1))
    if len(images) == 1 and images[0].get_filters() == ["DCTDecode"]:
        width, height = images[0].get_px_size()
        _check_size(name, width, height, f"page {index + 1}")

        def extract(folder: Path, image: Any = images[0]) -> Path:
            target = folder / f"page-{index + 1:04d}"
            image.extract(str(target))
            return target.with_suffix(".jpg")

        return extract
    scale = RENDER_DPI / 72
    _check_size(name, round(width_pt * scale), round(height_pt * scale), f"page {index + 1}")

    def render(folder: Path) -> Path:
        target = folder / f"page-{index + 1:04d}.png"
        page.render(scale=scale, grayscale=True).to_pil().save(target)
        return target

    return render


def _open_image(path: Path) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except Image.DecompressionBombError:
        raise EditionError(f"{path.name}: the image is too large to OCR.") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise EditionError(f"{path.name}: the image cannot be read ({exc}).") from None
    _check_size(path.name, image.width, image.height, "the image")
    return image


def _frame(image: Any, index: int, path: Path) -> Source:
    def save(folder: Path) -> Path:
        image.seek(index)
        _check_size(path.name, image.width, image.height, f"page {index + 1}")
        target = folder / f"page-{index + 1:04d}.png"
        try:
            frame = image.convert("L") if image.mode not in ("1", "L", "RGB") else image
            frame.save(target)
        except OSError as exc:
            raise EditionError(f"{path.name}: page {index + 1} of the image cannot be read ({exc}).") from None
        return target

    return save
