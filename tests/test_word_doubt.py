"""The OCR engine's own doubt as evidence: a plain glyph kept as the print's is not kept from
a word the engine was unsure of (hOCR ``x_wconf``)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from app.judge.doubt import UNSURE_WORD
from app.engine import compare_files
from app.model import Kind, Verdict


def _hocr(lines: list[list[tuple[str, int]]]) -> str:
    """An hOCR page: one ``ocr_line`` per line, each word with its confidence (0..100)."""
    out, y = [], 10
    for n, line in enumerate(lines):
        x, words = 10, []
        for k, (word, conf) in enumerate(line):
            words.append(f'<span class="ocrx_word" id="w{n}_{k}" title="bbox {x} {y} {x + 40} {y + 20}; '
                         f'x_wconf {conf}">{escape(word)}</span>')
            x += 50
        out.append(f'<span class="ocr_line" id="l{n}" title="bbox 10 {y} {x} {y + 20}">{" ".join(words)}</span>')
        y += 30
    body = "\n".join(out)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            '<meta name="ocr-system" content="tesseract"/></head><body>'
            f'<div class="ocr_page" id="page_1" title="bbox 0 0 1000 1000"><p class="ocr_par">{body}</p></div>'
            '</body></html>')


def test_a_glyph_from_a_doubted_word_is_not_kept_as_the_prints(tmp_path: Path) -> None:
    sure, unsure = 96, int(UNSURE_WORD * 100) - 30
    # the OCR reads en dashes elsewhere (it tells the dash class apart), then a hyphen twice
    lines = [[("Sidor", sure), ("1–2", sure), ("och", sure), ("3–4", sure), ("läses.", sure)],
             [("Alfa", sure), ("-", sure), ("beta", sure), ("och", sure), ("gamma", sure)],
             [("Delta", sure), ("-", unsure), ("epsilon", sure), ("och", sure), ("zeta", sure)]]
    base = tmp_path / "scan.hocr"
    base.write_text(_hocr(lines), encoding="utf-8")
    reference = tmp_path / "digital.txt"
    reference.write_text("Sidor 1–2 och 3–4 läses.\nAlfa – beta och gamma\nDelta – epsilon och zeta\n",
                         encoding="utf-8")
    dashes = [c for c in compare_files(base, reference).changes if c.kind is Kind.TYPOGRAPHY]
    assert [c.base_text.strip() for c in dashes] == ["-", "-"]
    kept, doubted = dashes
    assert kept.suggestion.decision.verdict is Verdict.REJECTED  # the print's hyphen, read surely
    assert doubted.suggestion.decision.verdict is Verdict.ACCEPTED  # a doubted word: the reference's dash
    assert doubted.confidence < 0.9


def test_base_only_text_the_engine_doubted_word_by_word_is_its_noise(tmp_path: Path) -> None:
    low, sure = int(UNSURE_WORD * 100) - 50, 95
    said = ["Lagen gäller från den 1 juli.", "Den ändrar tre förordningar.", "Men lagen gäller alla som bor och arbetar i landet från och med den dagen.",
            "Beslutet togs i maj."]
    lines = [[(w, sure) for w in said[0].split()],
             [(";", low), ("SS", low), ("SIOENG", low)],  # a pictogram read as letters
             [(w, sure) for w in said[1].split()],
             [("tre", low), ("|", low)],  # doubted, yet a word of the document
             [(w, sure) for w in said[2].split()],
             [("Strykt", sure), ("mening.", sure)],  # read surely: text the reference dropped
             [(w, sure) for w in said[3].split()]]
    base = tmp_path / "scan.hocr"
    base.write_text(_hocr(lines), encoding="utf-8")
    reference = tmp_path / "digital.txt"
    reference.write_text("\n".join(said) + "\n", encoding="utf-8")
    one_sided = {c.base_text.strip(): c for c in compare_files(base, reference).changes if not c.reference_text.strip()}
    assert set(one_sided) == {"; SS SIOENG", "tre |", "Strykt mening."}
    noise = one_sided["; SS SIOENG"]
    assert noise.kind is Kind.OCR and noise.suggestion.decision.verdict is Verdict.ACCEPTED
    assert one_sided["tre |"].kind is Kind.CONTENT
    assert one_sided["Strykt mening."].kind is Kind.CONTENT
