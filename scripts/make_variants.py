#!/usr/bin/env python3
"""Build a *variant corpus*: new tesseract editions of the corpus scans, made with settings
the corpus does not have, to measure ProofPair on OCR it was not tuned on.

Contract
--------
Input: ``CORPUS`` laid out as the development corpus (see its README): pair folders holding
``canonical.txt``, ``draft.txt``, ``edits.json``, ``meta.json`` and ``scan.pdf`` (image-only,
one grayscale JPEG per page), ``score.py`` at the root.

Output: ``OUT`` with the same layout, readable by ``scripts/accuracy.py OUT``:

* ``OUT/score.py`` — a copy of the corpus scorer;
* ``OUT/<pair>/{canonical.txt,draft.txt,edits.json,meta.json}`` — relative symlinks to the
  corpus files (copies with ``--copy``);
* ``OUT/<pair>/ocr_<lang>-<variant>.txt`` — the new OCR editions: tesseract text of every page
  of ``scan.pdf`` in order, a form feed after every page (as tesseract's own txt output).

No original ``ocr_*.txt`` is copied, so ``accuracy.py OUT`` measures the variants only.

Variants (``<lang>`` = the pair's main language, from ``meta.json["language"]``):

* ``psm4`` — ``--psm 4``. Where the corpus already OCR'd that language with ``--psm 4`` (the
  English pair) ``--psm 3`` is used instead and the file is named ``-psm3``.
* ``oem0`` — ``--oem 0`` (legacy engine), only if the installed traineddata has the legacy
  model components; otherwise skipped with a printed reason.
* ``poor`` — a deliberately poor scan: each page downscaled to ``--poor-scale`` (60 %) and back
  up, salt-and-pepper noise on ``--poor-noise`` (0.4 %) of the pixels, a Gaussian blur of
  ``--poor-blur`` px at 300 dpi (scaled to the pair's dpi); the pair's psm.
* ``lang-wrong`` — ``-l deu`` on the Swedish and English pairs, ``-l swe`` on the German one
  (file named after the language used, e.g. ``ocr_deu-lang-wrong.txt`` for a Swedish pair).
* ``ocrad``, ``gocr`` — another OCR engine over the same page images (GNU Ocrad, JOCR/gocr:
  Debian packages ``ocrad`` and ``gocr``), one page at a time, a form feed after every page;
  named ``ocr_ocrad.txt``, ``ocr_gocr.txt``. Neither knows a language; both write glyphs they
  cannot read as ``_`` and read some letters as marks (ocrad: ``[`` for ``t``). Skipped with a
  printed reason where the program is not on PATH.
* ``font`` — another typeface: the printed text (``canonical.txt``) set anew in the font file
  ``--font`` (a historic or display face, e.g. Debian's ``fonts-oldstandard`` or
  ``fonts-adf-oldania``), one column, a centred folio under each page, lightly blurred and
  specked, OCR'd in the pair's language; named ``ocr_<lang>-<font file stem>.txt``. Skipped
  without ``--font``. ``--font-lang`` OCRs it instead in each of a comma-separated list of
  tesseract languages, as ``-l`` takes them (``frk``, ``script/Fraktur``, ``deu+frk``), so a
  blackletter face can be read by a Fraktur model too; the name then carries that language,
  lower case, ``/`` as ``-`` (``ocr_script-fraktur-blankenburg.txt``, ``ocr_deu+frk-….txt``).
  A language tesseract does not list is a usage error. ``--catchwords`` sets it as a
  hand-press book: the next page's first word under each page's last line, a signature mark
  (``A``, ``A2``, ``A3``) on three pages of each gathering of eight; the name ends
  ``-catchwords``. ``--long-s`` sets every ``s`` that a small letter follows as the long ``ſ``,
  as print did until about 1800 (the face must have the glyph: DejaVu Serif, Old Standard); the
  name ends ``-longs``. The truth stays the modern text: the reconciled text is the reference's
  spelling of the print's words.

Reproducible: page images are the JPEGs embedded in ``scan.pdf`` (extracted byte for byte, so
they are exactly what the corpus OCR'd); the noise is seeded by ``--seed``, the pair name and
the page number. Tesseract runs one page at a time with ``OMP_THREAD_LIMIT=1``; ``--dpi`` is
passed from ``meta.json``. An existing output file is kept unless ``--force`` (so an
interrupted run resumes). Exit 0 on success, 2 on a usage error.

Usage: ``python scripts/make_variants.py CORPUS OUT [--variants psm4,poor] [--pairs NAME ...]
[--font FILE [--font-lang LANG,...] [--catchwords]]``
Needs: Python standard library, pypdfium2, Pillow, and ``tesseract`` on PATH (``ocrad``, ``gocr``
for their variants).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw, ImageFilter, ImageFont

VARIANTS = ("psm4", "oem0", "poor", "lang-wrong", "font", "ocrad", "gocr")
#: other OCR engines (Debian packages of the same names; GPL programs, run here as tools only):
#: the command reading one PNM page image, and the encoding of what it prints
ENGINES = {"ocrad": (["ocrad", "--charset=iso-8859-15"], "iso8859_15"),
           "gocr": (["gocr", "-f", "UTF8", "-i"], "utf-8")}
PAIR_FILES = ("canonical.txt", "draft.txt", "edits.json", "meta.json")
MAIN_LANG = {"sv": "swe", "en": "eng", "de": "deu"}
WRONG_LANG = {"sv": "deu", "en": "deu", "de": "swe"}
# components of a traineddata file the legacy engine (--oem 0) needs
LEGACY_PARTS = ("inttemp", "pffmtable", "normproto")


def legacy_support(lang: str) -> str | None:
    """None if ``lang`` can run with ``--oem 0``, else the reason it cannot."""
    if not shutil.which("combine_tessdata"):
        return "combine_tessdata not found, cannot inspect the traineddata"
    prefix = os.environ.get("TESSDATA_PREFIX")
    found = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    path = None
    for line in (found.stdout + found.stderr).splitlines():
        if line.startswith("List of available languages in"):
            path = Path(line.split('"')[1]) / f"{lang}.traineddata"
    if prefix:
        path = Path(prefix) / f"{lang}.traineddata"
    if path is None or not path.is_file():
        return f"{lang}.traineddata not found"
    listing = subprocess.run(["combine_tessdata", "-d", str(path)], capture_output=True, text=True)
    parts = {line.split(":")[1] for line in (listing.stdout + listing.stderr).splitlines()
             if line.count(":") >= 2 and line.split(":")[0].isdigit()}
    missing = [p for p in LEGACY_PARTS if p not in parts]
    if missing:
        return (f"{path.name} is LSTM-only (has {', '.join(sorted(parts))}; lacks the legacy "
                f"components {', '.join(missing)})")
    return None


def installed_langs() -> set[str]:
    """The languages tesseract lists (``script/Fraktur`` where the model lies in ``script/``),
    so a misspelt ``--font-lang`` stops the run before any page is typeset."""
    found = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    lines = (found.stdout + found.stderr).splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("List of")}


def font_jobs(lang: str, args: argparse.Namespace) -> list[tuple[str, str, list[str], str]]:
    """The font variant's OCR jobs: one per ``--font-lang`` language (the pair's own without
    it), each named after that language so the editions of one font stay apart."""
    stem = args.font.stem.lower() + ("-catchwords" if args.catchwords else "") + ("-longs" if args.long_s else "")
    return [(f"ocr_{tag.lower().replace('/', '-')}-{stem}.txt", tag, ["--psm", "3"], "font")
            for tag in (args.font_lang or [lang])]


def page_images(scan: Path, folder: Path, dpi: int) -> list[Path]:
    """The page images of ``scan``: the embedded JPEG of each page, extracted unchanged
    (rendered at ``dpi`` if a page has no single embedded image)."""
    pdf = pdfium.PdfDocument(str(scan))
    paths = []
    for number, page in enumerate(pdf, 1):
        images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
        target = folder / f"scan-{number:02d}"
        if len(images) == 1:
            images[0].extract(str(target))  # adds the extension (.jpg for DCTDecode)
            path = next(folder.glob(f"scan-{number:02d}.*"))
        else:
            path = target.with_suffix(".png")
            page.render(scale=dpi / 72, grayscale=True).to_pil().save(path)
        paths.append(path)
    return paths


def degrade(image: Path, out: Path, seed: str, dpi: int, scale: float, noise: float,
            blur: float) -> Path:
    """Write a poor copy of ``image`` to ``out``: down/up-scaled, salt and pepper, blurred."""
    rng = random.Random(seed)
    img = Image.open(image).convert("L")
    size = img.size
    small = (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))
    img = img.resize(small, Image.Resampling.BILINEAR).resize(size, Image.Resampling.BILINEAR)
    pixels = img.load()
    for _ in range(round(size[0] * size[1] * noise)):
        pixels[rng.randrange(size[0]), rng.randrange(size[1])] = rng.choice((0, 255))
    img = img.filter(ImageFilter.GaussianBlur(blur * dpi / 300))
    img.save(out, dpi=(dpi, dpi))
    return out


class PageSet:
    """An A4 page at ``dpi`` with 2 cm margins and an 11 pt ``font_file``: its measures, and a
    text's lines wrapped to its width (one paragraph a line of the text)."""

    def __init__(self, dpi: int, font_file: Path) -> None:
        self.width, self.height, self.margin = round(8.27 * dpi), round(11.69 * dpi), round(0.79 * dpi)
        self.size = round(11 / 72 * dpi)
        self.font = ImageFont.truetype(str(font_file), self.size)
        self.columns = max(20, int((self.width - 2 * self.margin) / self.font.getlength("n")))

    def lines(self, text: str) -> list[str]:
        out: list[str] = []
        for paragraph in text.split("\n"):
            out += textwrap.wrap(paragraph, width=self.columns) or [""]
        return out


#: an ``s`` the long ``ſ`` stood for in older print: one a small letter follows (``ſome``, ``is``)
LONG_S = re.compile(r"s(?=[a-z])")


def typeset(text: str, font_file: Path, folder: Path, seed: str, dpi: int, catchwords: bool = False) -> list[Path]:
    """``text`` set in ``font_file`` on A4 pages at ``dpi`` (11 pt, 2 cm margins, a folio
    under each page), lightly blurred and specked as a clean scan is; the page image paths.
    With ``catchwords``, as a hand-press book: under each page's last line, at the right, the
    next page's first word, and on the first three odd pages of each gathering of eight a
    signature mark at the left (``B``, ``B2``, ``B3``)."""
    page_set = PageSet(dpi, font_file)
    width, height, margin, size, font = page_set.width, page_set.height, page_set.margin, page_set.size, page_set.font
    lines = page_set.lines(text)
    per_page = int((height - 2 * margin) / (size * 1.35)) - 2
    rng = random.Random(seed)
    paths = []
    for number, start in enumerate(range(0, len(lines), per_page), 1):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for k, line in enumerate(lines[start:start + per_page]):
            draw.text((margin, margin + round(k * size * 1.35)), line, font=font, fill=0)
        following = next((line for line in lines[start + per_page:] if line.strip()), "")
        if catchwords and following:
            foot = margin + round(per_page * size * 1.35)
            draw.text((width - margin, foot), following.split()[0], font=font, fill=0, anchor="ra")
            leaf = (number - 1) % 8
            if leaf in (0, 2, 4):
                mark = chr(ord("A") + (number - 1) // 8) + (str(leaf // 2 + 1) if leaf else "")
                draw.text((width // 2, foot), mark, font=font, fill=0, anchor="ma")
        draw.text((width // 2, height - margin // 2), str(number), font=font, fill=0, anchor="mm")
        paths.append(scanned(page, rng, dpi, folder / f"font-{number:02d}.png"))
    return paths


def scanned(page: Image.Image, rng: random.Random, dpi: int, path: Path) -> Path:
    """A typeset ``page`` as a clean scan has it (lightly blurred, specked), saved to ``path``."""
    page = page.filter(ImageFilter.GaussianBlur(0.8 * dpi / 300))
    pixels = page.load()
    width, height = page.size
    for _ in range(round(width * height * 0.0005)):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    page.save(path, dpi=(dpi, dpi))
    return path


def ocr(images: list[Path], lang: str, dpi: int, extra: list[str]) -> str:
    """Tesseract text of ``images`` one page at a time, a form feed after every page."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    pages = []
    for image in images:
        done = subprocess.run(["tesseract", str(image), "stdout", "-l", lang, "--dpi", str(dpi),
                               *extra], capture_output=True, text=True, env=env, check=True)
        pages.append(done.stdout.rstrip("\f") + "\f")
    return "".join(pages)


def other_engine(images: list[Path], engine: str) -> str:
    """The text another OCR engine (:data:`ENGINES`) reads in ``images``, one page at a time
    (each turned into a grayscale PNM, which both read), a form feed after every page."""
    command, encoding = ENGINES[engine]
    pages = []
    for image in images:
        pnm = image.with_suffix(".pgm")
        Image.open(image).convert("L").save(pnm)
        done = subprocess.run([*command, str(pnm)], capture_output=True, check=True)
        pages.append(done.stdout.decode(encoding, errors="replace").rstrip("\f") + "\f")
    return "".join(pages)


def link_pair(pair: Path, out: Path, copy: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in PAIR_FILES:
        target = out / name
        if target.is_symlink() or target.exists():
            target.unlink()
        if copy:
            shutil.copyfile(pair / name, target)
        else:
            target.symlink_to(os.path.relpath(pair / name, out))


def build_pair(pair: Path, out: Path, args: argparse.Namespace) -> None:
    meta = json.loads((pair / "meta.json").read_text(encoding="utf-8"))
    language = meta["language"]
    dpi = int(meta["scan"]["config"]["dpi"])
    lang = MAIN_LANG[language]
    psm = int(meta["ocr_config"]["psm"])
    corpus_psm = {v["tesseract_lang"]: v["psm"] for v in meta["ocr"].values()}
    link_pair(pair, out, args.copy)

    jobs = []  # (file name, language or other engine, extra args, which pages: scan, poor or font)
    for variant in args.variants:
        if variant == "psm4":
            new = 3 if corpus_psm.get(lang) == 4 else 4
            jobs.append((f"ocr_{lang}-psm{new}.txt", lang, ["--psm", str(new)], "scan"))
        elif variant == "oem0":
            reason = legacy_support(lang)
            if reason:
                print(f"  skip oem0 for {pair.name}: {reason}", flush=True)
                continue
            jobs.append((f"ocr_{lang}-oem0.txt", lang, ["--oem", "0", "--psm", str(psm)], "scan"))
        elif variant == "poor":
            jobs.append((f"ocr_{lang}-poor.txt", lang, ["--psm", str(psm)], "poor"))
        elif variant == "lang-wrong":
            wrong = WRONG_LANG[language]
            jobs.append((f"ocr_{wrong}-lang-wrong.txt", wrong, ["--psm", str(psm)], "scan"))
        elif variant == "font" and args.font is not None:
            jobs += font_jobs(lang, args)
        elif variant in ENGINES:
            if shutil.which(ENGINES[variant][0][0]) is None:
                print(f"  skip {variant} for {pair.name}: {ENGINES[variant][0][0]} is not on PATH", flush=True)
                continue
            jobs.append((f"ocr_{variant}.txt", variant, [], "scan"))
    jobs = [j for j in jobs if args.force or not (out / j[0]).exists()]
    if not jobs:
        return

    with tempfile.TemporaryDirectory(prefix="variants-") as tmp:
        folder = Path(tmp)
        images = page_images(pair / "scan.pdf", folder, dpi)
        for name, job_lang, extra, which in jobs:
            started = time.perf_counter()
            pages = images
            if which == "poor":
                pages = [degrade(img, folder / f"poor-{n:02d}.png", f"{args.seed}:{pair.name}:{n}",
                                 dpi, args.poor_scale, args.poor_noise, args.poor_blur)
                         for n, img in enumerate(images, 1)]
            elif which == "font":
                printed = (pair / "canonical.txt").read_text(encoding="utf-8")
                if args.long_s:
                    printed = LONG_S.sub("ſ", printed)
                pages = typeset(printed, args.font, folder, f"{args.seed}:{pair.name}:font", dpi, args.catchwords)
            text = other_engine(pages, job_lang) if job_lang in ENGINES else ocr(pages, job_lang, dpi, extra)
            (out / name).write_text(text, encoding="utf-8")
            print(f"  {pair.name}/{name}: {len(pages)} pages, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the corpus folder (pair folders, score.py)")
    parser.add_argument("out", type=Path, help="the variant corpus to write")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help=f"comma-separated subset of {','.join(VARIANTS)} (default: all)")
    parser.add_argument("--pairs", nargs="*", help="only these pair folders (default: all)")
    parser.add_argument("--copy", action="store_true", help="copy the pair files, not symlink")
    parser.add_argument("--force", action="store_true", help="redo existing OCR editions")
    parser.add_argument("--seed", default="proofpair-variants", help="seed of the poor scans")
    parser.add_argument("--poor-scale", type=float, default=0.6)
    parser.add_argument("--poor-noise", type=float, default=0.004, help="share of pixels")
    parser.add_argument("--poor-blur", type=float, default=0.8, help="px at 300 dpi")
    parser.add_argument("--font", type=Path, help="the font file of the font variant (TTF/OTF)")
    parser.add_argument("--catchwords", action="store_true",
                        help="set the font variant as a hand-press book: catchwords and signature marks")
    parser.add_argument("--long-s", action="store_true",
                        help="set the font variant with the long s (ſ) where a small letter follows an s")
    parser.add_argument("--font-lang", metavar="LANG,...",
                        help="tesseract languages of the font variant, comma-separated "
                             "(e.g. frk,script/Fraktur,deu+frk; default: the pair's own)")
    args = parser.parse_args(argv)

    args.variants = [v for v in args.variants.split(",") if v]
    unknown = [v for v in args.variants if v not in VARIANTS]
    if unknown or not (args.corpus / "score.py").is_file():
        parser.error(f"unknown variant {unknown}" if unknown else f"no score.py in {args.corpus}")
    if not shutil.which("tesseract"):
        parser.error("tesseract not found on PATH")
    args.font_lang = [v for v in (args.font_lang or "").split(",") if v]
    wanted = {part for v in args.font_lang for part in v.split("+")}
    missing = sorted(wanted - installed_langs()) if wanted else []
    if missing:
        parser.error(f"tesseract has no language {', '.join(missing)} (see tesseract --list-langs)")
    pairs = sorted(p for p in args.corpus.iterdir() if (p / "scan.pdf").is_file())
    if args.pairs:
        pairs = [p for p in pairs if p.name in args.pairs]

    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.corpus / "score.py", args.out / "score.py")
    print("German pair de_lebensqualitaet_2016 is already set in two columns "
          "(no separate twocol variant).", flush=True)
    for pair in pairs:
        print(pair.name, flush=True)
        build_pair(pair, args.out / pair.name, args)
    print(f"done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
