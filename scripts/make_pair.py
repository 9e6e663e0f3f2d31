#!/usr/bin/env python3
"""Build a hand-written pair: a report in a language or typography the corpus lacks, written
as data in ``scripts/pairs/<name>.py``, made into the corpus layout so ``scripts/accuracy.py``
measures it like the corpus's own pairs.

    python scripts/make_pair.py fr_dechets_2023 OUT --font /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf

writes ``OUT/score.py`` (a copy of the corpus scorer, ``--score``) and ``OUT/<name>/``:

* ``canonical.txt`` — the printed edition: the module's ``BLOCKS`` joined by blank lines;
* ``draft.txt`` — the printed text with the module's genuine ``EDITS`` undone (the draft's
  reading), then its export ``ARTIFACTS``: glyphs replaced throughout, a tab after heading
  numbers, soft hyphens in ``SOFT_HYPHENATED`` words, 0-2 trailing spaces per line (seeded);
* ``edits.json`` — the genuine edits with their offsets in ``canonical.txt``, as ``score.py``
  reads them; ``meta.json`` — the language;
* ``ocr_<lang>-<font>.txt`` — real Tesseract OCR of the printed text typeset in each
  ``--font`` (:func:`make_variants.typeset`: A4, 11 pt, lightly blurred and specked), once per
  language of the module's ``LANGUAGES`` (the right one and a wrong one).

``--book`` sets it as a book instead (:func:`typeset_book`; ``ocr_<lang>-book-<font>.txt``,
the first language only): running heads over every page, the module's ``RUNNING_TITLE`` on
even pages and the current chapter's title on odd ones, the folio in the outer corner.
``--variants poor,psm4,ocrad,gocr`` adds, for each font, OCR editions made as
``scripts/make_variants.py`` makes them: a poorer scan of the pages (``ocr_<lang>-poor-<font>``),
``--psm 4`` (``ocr_<lang>-psm4-<font>``), GNU Ocrad and gocr (``ocr_ocrad-<font>``,
``ocr_gocr-<font>``; Debian packages ``ocrad`` and ``gocr``), in the first language.

``--copies N`` makes the report N times as long (its text, draft and edits repeated), so a
book's heads recur as a real book's do.

It needs Tesseract and the languages of the module's ``LANGUAGES`` (Debian's
``tesseract-ocr-fra``, ``tesseract-ocr-spa``, ``tesseract-ocr-pol``; ``dev.sh`` installs English, Swedish and German
only), and Pillow.

Nothing here is random but the trailing spaces (seeded by the pair's name): a rerun with the
same Tesseract gives the same files.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_variants  # noqa: E402  (the typesetting and OCR of the font variants)
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

DPI = 300
PSM = "3"


def printed(pair) -> str:
    return "\n\n".join(pair.BLOCKS) + "\n"


def edits_and_draft(pair, text: str) -> tuple[list[dict], str]:
    """The genuine edits with their offsets in ``text``, and the text with each undone."""
    spans = []
    for kind, printed_text, draft_text, before in pair.EDITS:
        if text.count(before + printed_text) != 1:
            raise SystemExit(f"edit {printed_text!r}: its context {before!r} is not unique")
        start = text.index(before + printed_text) + len(before)
        spans.append((start, start + len(printed_text), printed_text, draft_text, kind))
    edits, pieces, last = [], [], 0
    for number, (start, end, printed_text, draft_text, kind) in enumerate(sorted(spans), 1):
        pieces += [text[last:start], draft_text]
        last = end
        edits.append({"type": kind, "t_start": start, "t_end": end, "t_text": printed_text,
                      "draft_text": draft_text, "note": "", "id": number,
                      "t_context_before": text[max(0, start - 40):start], "t_context_after": text[end:end + 40]})
    return edits, "".join(pieces) + text[last:]


def with_artifacts(pair, draft: str, seed: str) -> str:
    """The draft as a word processor exports it (none of these is a content change)."""
    for _what, printed_glyph, draft_glyph in pair.ARTIFACTS:
        draft = draft.replace(printed_glyph, draft_glyph)
    draft = re.sub(r"^(\d(?:\.\d)?\.?) ", "\\1\t", draft, flags=re.M)  # numbered headings: a tab
    for word in pair.SOFT_HYPHENATED:
        draft = draft.replace(word, word[:5] + "\u00ad" + word[5:], 1)
    rng = random.Random(seed)
    return "\n".join(line + " " * rng.choice((0, 0, 1, 2)) if line else line for line in draft.split("\n"))


#: a chapter heading of the printed text (``2. Les indicateurs techniques``): the recto heads' title
_CHAPTER = re.compile(r"^\d+\. (.+)$")


def typeset_book(text: str, font_file: Path, folder: Path, seed: str, title: str) -> list[Path]:
    """``text`` set as a book's pages (A4, 11 pt, lightly blurred and specked, as
    :func:`make_variants.typeset`), with a running head over each: ``title`` and the folio on
    even pages, the chapter in force at the page's top and the folio on odd ones."""
    page_set = make_variants.PageSet(DPI, font_file)
    width, height, margin, size, font = page_set.width, page_set.height, page_set.margin, page_set.size, page_set.font
    small = ImageFont.truetype(str(font_file), round(9 / 72 * DPI))
    lines = page_set.lines(text)
    per_page = int((height - 2 * margin) / (size * 1.35)) - 4
    rng = random.Random(seed)
    chapter, paths = title, []
    for number, start in enumerate(range(0, len(lines), per_page), 1):
        for line in lines[:start + 1]:
            found = _CHAPTER.match(line)
            chapter = found.group(1) if found else chapter
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        head = margin - round(size * 1.6)
        if number % 2 == 0:
            draw.text((margin, head), str(number), font=small, fill=0)
            draw.text((width // 2, head), title, font=small, fill=0, anchor="ma")
        else:
            draw.text((width // 2, head), chapter, font=small, fill=0, anchor="ma")
            draw.text((width - margin, head), str(number), font=small, fill=0, anchor="ra")
        for k, line in enumerate(lines[start:start + per_page]):
            draw.text((margin, margin + round(k * size * 1.35)), line, font=font, fill=0)
        paths.append(make_variants.scanned(page, rng, DPI, folder / f"book-{number:02d}.png"))
    return paths


def _variants(pages: list[Path], variants: list[str], lang: str, tag: str, folder: Path, tmp: Path) -> None:
    """The ``--variants`` editions of one font's pages (see the module docstring)."""
    for variant in variants:
        if variant == "poor":
            poor = [make_variants.degrade(page, tmp / f"poor-{n}.png", f"poor:{n}", DPI, 0.6, 0.004, 1.0)
                    for n, page in enumerate(pages)]
            text = make_variants.ocr(poor, lang, DPI, ["--psm", PSM])
        elif variant == "psm4":
            text = make_variants.ocr(pages, lang, DPI, ["--psm", "4"])
        elif variant in make_variants.ENGINES and shutil.which(make_variants.ENGINES[variant][0][0]):
            text = make_variants.other_engine(pages, variant)
        else:
            print(f"  skip {variant}: unknown, or its program is not on PATH", flush=True)
            continue
        engine = variant if variant in make_variants.ENGINES else lang
        name = f"ocr_{engine}-{tag}.txt" if variant in make_variants.ENGINES else f"ocr_{lang}-{variant}-{tag}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        print(f"  {folder.name}/{name}", flush=True)


def build(name: str, out: Path, fonts: list[Path], score: Path, book: bool = False, copies: int = 1,
          variants: list[str] | None = None) -> None:
    variants = variants or []
    pair = importlib.import_module(f"pairs.{name}")
    missing = [lang for lang in pair.LANGUAGES if fonts and lang not in make_variants.installed_langs()]
    if missing:
        raise SystemExit(f"make_pair: tesseract lacks the language(s) {', '.join(missing)} "
                         f"(Debian: apt install {' '.join('tesseract-ocr-' + m for m in missing)})")
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    one = printed(pair)
    edits, draft = edits_and_draft(pair, one)
    text, draft = one * copies, with_artifacts(pair, draft, name.split("_")[0]) * copies
    edits = [dict(e, id=e["id"] + k * len(edits), t_start=e["t_start"] + k * len(one), t_end=e["t_end"] + k * len(one))
             for k in range(copies) for e in edits]
    (folder / "canonical.txt").write_text(text, encoding="utf-8")
    (folder / "draft.txt").write_text(draft, encoding="utf-8")
    (folder / "edits.json").write_text(json.dumps({"pair": name, "edits": edits}, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    (folder / "meta.json").write_text(json.dumps({"language": name.split("_")[0]}), encoding="utf-8")
    if score.is_file():
        shutil.copyfile(score, out / "score.py")
    for font in fonts:
        tag = font.stem.split("-")[0].lower()
        with tempfile.TemporaryDirectory(prefix="pair-") as tmp:
            if book:
                pages = typeset_book(text, font, Path(tmp), f"book:{tag}", pair.RUNNING_TITLE)
                lang = pair.LANGUAGES[0]
                (folder / f"ocr_{lang}-book-{tag}.txt").write_text(
                    make_variants.ocr(pages, lang, DPI, ["--psm", PSM]), encoding="utf-8")
                print(f"  {name}/ocr_{lang}-book-{tag}.txt: {len(pages)} pages", flush=True)
                continue
            pages = make_variants.typeset(text, font, Path(tmp), f"{name.split('_')[0]}:{tag}", DPI)
            _variants(pages, variants, pair.LANGUAGES[0], tag, folder, Path(tmp))
            for lang in pair.LANGUAGES:
                (folder / f"ocr_{lang}-{tag}.txt").write_text(make_variants.ocr(pages, lang, DPI, ["--psm", PSM]),
                                                             encoding="utf-8")
                print(f"  {name}/ocr_{lang}-{tag}.txt: {len(pages)} pages", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pair", help="a module of scripts/pairs, e.g. fr_dechets_2023")
    parser.add_argument("out", type=Path, help="the folder to write (a corpus for scripts/accuracy.py)")
    parser.add_argument("--font", type=Path, action="append", default=[], help="a font file to typeset the print in")
    parser.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "corpus" / "score.py",
                        help="the corpus scorer to copy (default: ../shared/corpus/score.py)")
    parser.add_argument("--book", action="store_true", help="set it as a book, with running heads")
    parser.add_argument("--copies", type=int, default=1, help="repeat the report this many times")
    parser.add_argument("--variants", default="", help="comma-separated: poor,psm4,ocrad,gocr")
    args = parser.parse_args(argv)
    build(args.pair, args.out, args.font, args.score, args.book, args.copies,
          [v for v in args.variants.split(",") if v])
    return 0


if __name__ == "__main__":
    sys.exit(main())
