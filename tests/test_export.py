"""Export: canonical text (printed and reflowed), decision log, summary, atomic writes.

The golden files in ``tests/fixtures/`` were written from a small hand-made pair
(``small-base.txt`` / ``small-reference.txt``: OCR misreadings, a footnote number read as
``X``, OCR'd bullets, a page number, a changed number and a changed word) with the
decisions of :func:`golden_review`; the canonical texts were written by hand first and the
code checked against them.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import compare_files
from app.export import (
    LOG_FIELDS,
    canonical,
    decision_log,
    export_log,
    export_summary,
    export_text,
    join_hyphenated,
    reflow_text,
    summary,
)
from app.fileio import atomic_write_text
from app.model import ACCEPT, Decision, Kind, Provenance, Source, Verdict
from app.review import Review, accept_all

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = ("small-base.txt", "small-reference.txt")


def small_pair(folder: Path) -> tuple[Path, Path]:
    """The small fixture pair copied into ``folder`` (names kept: the logs record them)."""
    return tuple(Path(shutil.copy(FIXTURES / name, folder / name)) for name in SMALL)  # type: ignore[return-value]


def golden_review(base: Path, reference: Path) -> Review:
    """The review behind the golden files.

    Every suggestion taken in bulk (the page number's removal too); the number 12 -> 14 and
    the footnote number read as X accepted by hand (the editor checked them); "natts" edited
    by hand to "uppnåtts"; the word "startats" -> "bildats" left pending. The provenances
    carry fixed times, so the logs can be compared byte for byte.
    """
    review = Review(compare_files(base, reference))
    review.apply_suggestions(numbers=True, provenance=Provenance(Source.BULK, "Accept Suggestions in Document",
                                                                 "the document", "2026-03-02T09:00:00+00:00"))
    by_texts = {(c.base_text, c.reference_text): c.id for c in review.changes}
    review.decide({by_texts["12", "14"]: ACCEPT, by_texts["X", "1"]: ACCEPT},
                  Provenance(Source.HAND, "key", at="2026-03-02T09:01:00+00:00"))
    review.decide({by_texts["natts", "nåtts"]: Decision(Verdict.EDITED, "uppnåtts")},
                  Provenance(Source.HAND, "edit", at="2026-03-02T09:02:00+00:00"))
    assert review.decision(by_texts["startats", "bildats"]).verdict is Verdict.PENDING
    return review


@pytest.fixture
def small_review(tmp_path: Path) -> Review:
    return golden_review(*small_pair(tmp_path))


# -- golden files ------------------------------------------------------------------------------

def test_canonical_matches_golden(small_review: Review) -> None:
    assert canonical(small_review) == (FIXTURES / "small-canonical.txt").read_text(encoding="utf-8")


def test_reflowed_canonical_matches_golden(small_review: Review) -> None:
    expected = (FIXTURES / "small-canonical-reflow.txt").read_text(encoding="utf-8")
    assert canonical(small_review, reflow=True) == expected


@pytest.mark.parametrize(("fmt", "golden"), [("csv", "small-log.csv"), ("json", "small-log.json")])
def test_log_matches_golden(small_review: Review, tmp_path: Path, fmt: str, golden: str) -> None:
    out = tmp_path / f"log.{fmt}"
    export_log(small_review, out, fmt)
    assert out.read_bytes() == (FIXTURES / golden).read_bytes()


def test_summary_matches_golden(small_review: Review, tmp_path: Path) -> None:
    out = tmp_path / "summary.json"
    export_summary(small_review, out)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        (FIXTURES / "small-summary.json").read_text(encoding="utf-8"))


# -- decision log --------------------------------------------------------------------------------

def test_decision_log_has_every_change_with_its_fields(small_review: Review) -> None:
    rows = decision_log(small_review)
    assert [r["id"] for r in rows] == [c.id for c in small_review.changes]
    assert all(tuple(r) == LOG_FIELDS for r in rows)
    number = next(r for r in rows if r["base_text"] == "12")
    assert number | {"id": None} == number | {
        "id": None, "section": "1.1", "kind": "content", "suggestion": None, "decision": "accepted",
        "final_text": "14", "reference_text": "14"}
    bullet = next(r for r in rows if r["base_text"] == "e")
    assert (bullet["kind"], bullet["suggestion"], bullet["suggestion_text"], bullet["final_text"]) == (
        "typography", "edit", "•", "•")
    assert next(r for r in rows if r["base_text"] == "Mal")["pattern"] == "a→å"


def test_csv_log_reads_back_with_the_csv_module(small_review: Review, tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    export_log(small_review, out, "csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(small_review.changes)
    furniture = next(r for r in rows if r["base_text"].startswith("SID"))
    assert furniture["base_text"] == "SID 3\n\n" and furniture["final_text"] == ""


def test_unknown_log_format_is_refused(small_review: Review, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="xml"):
        export_log(small_review, tmp_path / "log.xml", "xml")
    assert not list(tmp_path.glob("log.*"))


# -- summary -----------------------------------------------------------------------------------------

def test_summary_counts_and_error_rates(small_review: Review) -> None:
    data = summary(small_review)
    assert data["changes"] == len(small_review.changes)
    assert data["by_kind"]["content"] == 3  # the changed word and number, the footnote number
    assert sum(s["changes"] for s in data["by_section"].values()) == data["changes"]
    assert data["decisions"]["pending"] == 1
    metrics = data["metrics"]
    assert metrics["canonical_vs_reference"]["cer"] < metrics["base_vs_reference"]["cer"]
    assert metrics["base_vs_reference"]["wer"] > 0.2


def test_error_rates_are_zero_for_identical_texts(sample_paths: tuple[Path, Path]) -> None:
    review = Review(compare_files(sample_paths[1], sample_paths[1]))
    for pair in summary(review)["metrics"].values():
        assert pair["cer"] == pair["wer"] == 0.0


def test_accept_all_gives_the_reference_and_zero_error(sample_paths: tuple[Path, Path]) -> None:
    review = Review(compare_files(*sample_paths))
    accept_all(review)
    assert canonical(review) == review.comparison.reference.text
    assert summary(review)["metrics"]["canonical_vs_reference"]["char_distance"] == 0


def test_summary_sections_sum_like_whole_text_on_the_small_pair(small_review: Review) -> None:
    from rapidfuzz.distance import Levenshtein

    from app.export import _Normal

    c = small_review.comparison
    whole = Levenshtein.distance(_Normal.of(c.base.text).text, _Normal.of(c.reference.text).text)
    assert summary(small_review)["metrics"]["base_vs_reference"]["char_distance"] == whole


# -- reflow ---------------------------------------------------------------------------------------------

def test_hyphenation_is_undone_when_the_word_occurs_joined() -> None:
    text = "Förvaltningen samordnar.\n\nDen nya förvalt-\nningen arbetar.\n"
    assert reflow_text(text) == "Förvaltningen samordnar.\n\nDen nya förvaltningen arbetar.\n"


def test_hyphen_before_a_conjunction_is_kept_with_a_space() -> None:
    assert reflow_text("gäller miljö-\noch klimatfrågor\n") == "gäller miljö- och klimatfrågor\n"
    assert reflow_text("hälso-\neller sjukvård\n") == "hälso- eller sjukvård\n"


def test_hyphen_kept_before_a_capital_a_digit_and_in_urls() -> None:
    assert reflow_text("i Stockholm-\nMälardalsregionen.\n") == "i Stockholm-Mälardalsregionen.\n"
    assert reflow_text("åren 2020-\n2024 gick\n") == "åren 2020-2024 gick\n"
    url = "se https://example.org/kompetens-och-\ndigitala-arbetssatt/ där\n"
    assert reflow_text(url) == "se https://example.org/kompetens-och-digitala-arbetssatt/ där\n"


def test_hyphen_kept_after_one_letter_or_when_the_document_writes_it() -> None:
    assert reflow_text("teknik och e-\nhälsa driver\n") == "teknik och e-hälsa driver\n"
    assert reflow_text("EU-\nprojekt nu\n") == "EU-projekt nu\n"
    text = "Ett kultur-arv.\n\nVårt kultur-\narv finns.\n"
    assert reflow_text(text) == "Ett kultur-arv.\n\nVårt kultur-arv finns.\n"


def test_unknown_hyphenated_word_is_joined_and_soft_hyphen_dropped() -> None:
    assert reflow_text("regionala turism-\norganisationer samt\n") == "regionala turismorganisationer samt\n"
    assert join_hyphenated("en ut\u00ad", "veckling") == "en utveckling"


def test_headings_bullets_and_paragraph_breaks_are_kept() -> None:
    text = ("2. Kompetens\n2.1 Beskriv hur ni har\narbetat\n\n\n\nBrödtext på\ntvå rader.\n"
            "• första punkten\nsom fortsätter\n– andra punkten\n- tredje\n3. fjärde\n\uf0b7 femte\n")
    assert reflow_text(text) == (
        "2. Kompetens\n2.1 Beskriv hur ni har\narbetat\n\nBrödtext på två rader.\n"
        "• första punkten som fortsätter\n– andra punkten\n- tredje\n3. fjärde\n\uf0b7 femte\n")


def test_known_heading_with_a_wrapped_title_is_one_line(tmp_path: Path) -> None:
    base = tmp_path / "b.txt"
    ref = tmp_path / "r.txt"
    base.write_text("3. Innovation och förnyelse samt\nentreprenörskap\nText som\nfortsätter.\n", encoding="utf-8")
    ref.write_text("3. Innovation och förnyelse samt\nentreprenörskap\nText som\nfortsätter.\n", encoding="utf-8")
    review = Review(compare_files(base, ref))
    heading = review.sections[0].base_heading
    if heading is None or "\n" not in heading.span.slice(review.comparison.base.text).strip():
        pytest.skip("the section finder does not read this title as wrapped")
    assert canonical(review, reflow=True) == (
        "3. Innovation och förnyelse samt entreprenörskap\nText som fortsätter.\n")


def test_reflow_keeps_every_word_of_the_sample(sample_paths: tuple[Path, Path]) -> None:
    review = Review(compare_files(*sample_paths))
    review.apply_suggestions()
    printed, reflowed = canonical(review), canonical(review, reflow=True)
    squash = lambda s: "".join(s.split()).replace("-", "").replace("\u00ad", "")  # noqa: E731
    assert squash(printed) == squash(reflowed)
    assert "miljö- och klimatförändringar" in reflowed
    assert reflowed.count("\n") < printed.count("\n") / 2
    assert "\n\n\n" not in reflowed and not any(line != line.rstrip() for line in reflowed.split("\n"))


# -- writing ---------------------------------------------------------------------------------------

def test_export_text_keeps_the_base_line_endings(tmp_path: Path) -> None:
    base, ref = small_pair(tmp_path)
    base.write_bytes(base.read_bytes().replace(b"\n", b"\r\n"))
    review = golden_review(base, ref)
    out = tmp_path / "out.txt"
    export_text(review, out)
    expected = (FIXTURES / "small-canonical.txt").read_bytes().replace(b"\n", b"\r\n")
    assert out.read_bytes() == expected


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    atomic_write_text(target, "old\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_atomic_write_creates_readable_files_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write_text(target, "å\n")
    assert target.read_bytes() == "å\n".encode()
    if os.name == "posix":
        umask = os.umask(0o022)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask
        target.chmod(0o600)
        atomic_write_text(target, "b\n")
        assert target.stat().st_mode & 0o777 == 0o600


def test_kinds_present_in_small_pair(small_review: Review) -> None:
    kinds = {c.kind for c in small_review.changes}
    assert kinds == {Kind.LAYOUT, Kind.TYPOGRAPHY, Kind.OCR, Kind.CONTENT}


# -- reflow properties -------------------------------------------------------------------------------

_LINES = st.lists(st.text(alphabet="abcåö ABC-–•.12\t", max_size=25), max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_reflow_keeps_the_text_and_is_stable(text: str) -> None:
    once = reflow_text(text)
    squash = lambda s: "".join(s.split()).replace("-", "")  # noqa: E731
    assert squash(once) == squash(text)  # only whitespace and hyphens may change
    assert reflow_text(once) == once
    assert "\n\n\n" not in once and all(line == line.rstrip() for line in once.split("\n"))
