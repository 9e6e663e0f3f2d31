"""A French report the corpus lacks, typeset and OCR'd by Tesseract (``scripts/make_pair.py
fr_dechets_2023``): its print spaces ``« »`` and ``:`` from their words and sets ``’``, its
draft has straight quotes and apostrophes. Both OCR editions are the real engine's output
(``-l fra`` in C059, ``-l eng`` in DejaVu Serif); the draft's genuine edits are listed in
``scripts/pairs/fr_dechets_2023.py``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.engine import compare
from app.loading import load_edition
from app.model import Kind
from app.review import Review

PAIR = Path(__file__).parent / "fixtures" / "fr_dechets_2023"


@pytest.fixture(scope="module", params=["ocr_fra-c059.txt", "ocr_eng-dejavuserif.txt"])
def review(request: pytest.FixtureRequest) -> Review:
    return Review(compare(load_edition(PAIR / request.param), load_edition(PAIR / "draft.txt")))


def test_the_prints_spacing_and_apostrophes_stay_in_the_canonical_text(review: Review) -> None:
    base = review.comparison.base.text
    review.apply_suggestions()
    text = review.canonical_text()
    assert not re.search(r"«\S|\S»", text)  # every guillemet still spaced from its word, as printed
    assert text.count("'") <= base.count("'")  # no straight apostrophe of the draft's taken in
    assert not re.search(r"(?<!\w)[I|]’", text)  # ``I’activité``, ``|’extension`` repaired to ``l’``


def test_each_number_edit_is_its_own_change_and_no_lone_letter_is_taken_for_words_set_apart(review: Review) -> None:
    content = {(c.base_text, c.reference_text) for c in review.changes if c.kind is Kind.CONTENT}
    assert {("15", "8"), ("142", "138"), ("412", "409")} <= content
    for change in review.changes:
        if "set apart" in change.reason:
            assert any(len(w) > 1 for w in (change.base_text + " " + change.reference_text).split()), change


def test_the_pair_is_built_again_from_its_module_as_the_fixtures_hold_it(tmp_path: Path) -> None:
    """``scripts/make_pair.py`` rebuilds the printed text and the draft from
    ``scripts/pairs/fr_dechets_2023.py`` byte for byte (without fonts: no OCR), and every genuine
    edit's offsets point at its printed text."""
    import importlib.util
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, str(root / "scripts" / "make_pair.py"), "fr_dechets_2023", str(tmp_path),
                    "--score", str(tmp_path / "none.py")], check=True, capture_output=True)
    built = tmp_path / "fr_dechets_2023"
    for name in ("canonical.txt", "draft.txt"):
        assert (built / name).read_bytes() == (PAIR / name).read_bytes(), name
    text = (built / "canonical.txt").read_text(encoding="utf-8")
    edits = json.loads((built / "edits.json").read_text(encoding="utf-8"))["edits"]
    spec = importlib.util.spec_from_file_location("pair", root / "scripts" / "pairs" / "fr_dechets_2023.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert len(edits) == len(module.EDITS) and all(text[e["t_start"]:e["t_end"]] == e["t_text"] for e in edits)
