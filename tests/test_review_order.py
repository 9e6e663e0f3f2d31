"""Least confident first: the core's review order, alone (no Qt)."""

from __future__ import annotations

from pathlib import Path

from app import formats
from app.engine import compare
from app.loading import load_edition
from app.model import Comparison
from app.review_order import ConfidenceOrder, certainty
from formats_fixtures import corpus_pair


def hocr(path: Path, lines: list[list[tuple[str, int]]]) -> Path:
    """A one-page hOCR file: each line a list of (word, x_wconf 0..100)."""
    spans = []
    for row, words in enumerate(lines):
        y = 40 + row * 60
        cells = "".join(f"<span class='ocrx_word' title='bbox {40 + 150 * i} {y} {180 + 150 * i} {y + 40}; "
                        f"x_wconf {conf}'>{word}</span> " for i, (word, conf) in enumerate(words))
        spans.append(f"<span class='ocr_line' title='bbox 40 {y} 1000 {y + 40}'>{cells}</span>")
    path.write_text("<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body>"
                    "<div class='ocr_page' title='bbox 0 0 1100 400'><p class='ocr_par'>"
                    + "".join(spans) + "</p></div></body></html>", encoding="utf-8")
    return path


def test_the_ocrs_own_doubt_lowers_a_changes_certainty(tmp_path: Path) -> None:
    base = formats.load(hocr(tmp_path / "scan.hocr", [[("Tbe", 96), ("county", 95), ("grew", 94)],
                                                      [("by", 93), ("2", 31), ("percemt", 90)],
                                                      [("Costs", 97), ("r0se", 95), ("today", 96)]]))
    (tmp_path / "draft.txt").write_text("The county grew\nby 3 percent\nCosts rose today\n", encoding="utf-8")
    comparison = compare(base, load_edition(tmp_path / "draft.txt"))
    by_text = {c.base_text: c for c in comparison.changes}
    two = next(c for text, c in by_text.items() if "2" in text)
    assert base.geometry is not None
    assert base.geometry.lowest_confidence(two.base.start, two.base.end) == 0.31
    assert certainty(two, base) == min(two.confidence, 0.31)
    for change in comparison.changes:  # the rule: the least of the two
        word = base.geometry.lowest_confidence(change.base.start, change.base.end)
        assert certainty(change, base) == min(change.confidence, word if word is not None else 1.0)

    order = ConfidenceOrder(comparison)
    assert order.ids[0] == two.id  # the scanner's 31 % comes first
    assert list(order.certainties) == sorted(order.certainties)
    assert set(order.ids) == {c.id for c in comparison.changes}
    assert [order.ids[r] for r in sorted(order.rank.values())] == list(order.ids)


def test_without_word_confidences_the_changes_confidence_orders_ties_in_document_order(sample_paths) -> None:
    base, reference = (load_edition(p) for p in sample_paths)
    comparison = compare(base, reference)
    order = ConfidenceOrder(comparison)
    position = {c.id: i for i, c in enumerate(comparison.changes)}
    keys = [(comparison.by_id[cid].confidence, position[cid]) for cid in order.ids]
    assert keys == sorted(keys) and len(keys) == len(comparison.changes)
    assert len({c.confidence for c in comparison.changes}) > 1  # a real order, not document order again

    first, second = order.ids[0], order.ids[1]
    assert list(order.walk(None, 1))[:2] == [first, second]
    assert list(order.walk(second, -1)) == [first]
    assert list(order.walk(order.ids[-1], 1)) == []
    assert list(order.walk(None, -1))[0] == order.ids[-1]


def test_on_a_corpus_hocr_the_word_confidences_reorder_the_review() -> None:
    folder = corpus_pair("sv_sou_2025_96_kommunsektorn")
    comparison: Comparison = compare(formats.load(folder / "ocr_swe.hocr"), load_edition(folder / "draft.txt"))
    order = ConfidenceOrder(comparison)
    by_change = [comparison.by_id[cid].confidence for cid in order.ids]
    assert by_change != sorted(by_change)  # the OCR's word confidences moved some changes forward
    assert list(order.certainties) == sorted(order.certainties)
