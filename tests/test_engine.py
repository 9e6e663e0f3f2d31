"""The comparison pipeline on the sample pair and on made-up edge cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings

from formats_fixtures import two_column_pair
from strategies import edition_pairs

from app.align import opcodes
from app.classify import classify
from app.diffing import Tokenized, diff_anchored, diff_texts, tokenize
from app.engine import compare, compare_files, conclude, iter_compare, kinds_count
from app.loading import load_edition
from app.model import Kind, Verdict
from app.review import Review


@pytest.fixture(scope="module")
def sample(sample_paths: tuple[Path, Path]):
    return compare_files(*sample_paths)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\uf0b7", "\u2022")).strip()


def test_every_section_is_paired(sample) -> None:
    numbered = [s for s in sample.sections if s.number]
    assert len([s for s in numbered if s.level == 1]) == 6
    assert len([s for s in numbered if s.level == 2]) == 28
    assert all(s.only_in is None for s in numbered)


def test_default_suggestions_leave_only_content(sample, sample_paths: tuple[Path, Path]) -> None:
    """After the suggestions, the canonical text differs from the digital edition only where
    a content change kept the print's wording (left as base, or with its misreads read back:
    its suggested edit), or the print's glyph was kept (whitespace runs collapsed, U+F0B7 read
    as •)."""
    review = Review(sample)
    review.apply_suggestions(numbers=True)  # as `proofpair apply` does
    canonical = _collapse(review.canonical_text())
    reference = _collapse(sample_paths[1].read_text(encoding="utf-8"))
    content = [_collapse(c.base_text) for c in sample.changes if c.kind is Kind.CONTENT
               or c.suggestion is not None and c.suggestion.decision.verdict is Verdict.REJECTED
               and c.kind is Kind.TYPOGRAPHY]
    content += [_collapse(c.suggestion.decision.text) for c in sample.changes if c.kind is Kind.CONTENT
                and c.suggestion is not None and c.suggestion.decision.text is not None]
    a, b = tokenize(canonical)[0], tokenize(reference)[0]
    leftovers = ["".join(a[op.a_start:op.a_end]).strip() for op in opcodes(a, b) if op.tag != "equal"]
    assert leftovers, "the sample has content differences"
    for left in leftovers:
        assert not left or any(left in text or text.strip() and text in left for text in content), left


def test_sample_kinds_and_suggestions(sample) -> None:
    counts = kinds_count(sample.changes)
    assert 0 < counts[Kind.CONTENT] < 60
    assert counts[Kind.OCR] > 1000 and counts[Kind.LAYOUT] > 100 and counts[Kind.TYPOGRAPHY] > 20
    suggested = sum(c.suggestion is not None for c in sample.changes)
    assert suggested / len(sample.changes) > 0.95
    signature = [c for c in sample.changes if "Forvaltningsdirektor" in c.base_text]
    assert len(signature) == 1 and signature[0].kind is Kind.CONTENT


def test_no_private_use_character_is_ever_suggested(sample) -> None:
    for change in sample.changes:
        if change.suggestion is None:
            continue
        final = change.final_text(change.suggestion.decision)
        assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in final), change


def test_ids_are_stable_across_reloads(sample, sample_paths: tuple[Path, Path]) -> None:
    again = compare_files(*sample_paths)
    assert [c.id for c in again.changes] == [c.id for c in sample.changes]
    assert len({c.id for c in sample.changes}) == len(sample.changes)


def test_the_streamed_comparison_ends_as_the_whole_one(sample, sample_paths: tuple[Path, Path]) -> None:
    """The window streams the sections and then takes the ending (copies of the changes whose
    confidence the document raised); :func:`compare` settles its own changes in place. Both
    give the same changes, and the document did raise some."""
    base, reference = (load_edition(p) for p in sample_paths)
    streamed = [c for step in iter_compare(base, reference) for c in step.changes]
    ending = conclude([], streamed, 0, 0)
    assert len(ending.positions) > 100
    assert ending.apply(streamed) == list(sample.changes)
    assert [c.confidence for c in streamed] != [c.confidence for c in sample.changes]


@pytest.mark.parametrize("base, ref, kind", [
    ("6kad", "ökad", Kind.OCR),
    ("fér", "för", Kind.OCR),
    ("[", "I", Kind.OCR),
    ("lanets", "länets", Kind.OCR),
    ("2023", "2025", Kind.CONTENT),
    ("111", "117", Kind.CONTENT),
    ("webbplats®", "webbplats9", Kind.CONTENT),  # a digit appears: the numbers guard
    ('"', "\u201d", Kind.TYPOGRAPHY),
    ("-", "\u2013", Kind.TYPOGRAPHY),
    ("e", "\uf0b7", Kind.TYPOGRAPHY),
    ("\n", " \n", Kind.LAYOUT),
    (" ", "\u00a0", Kind.TYPOGRAPHY),
    ("\n\n\n\n", "\n\n", Kind.LAYOUT),
    ("kompetens-\nutveckling", "kompetensutveckling", Kind.LAYOUT),
    ("tre", "två", Kind.CONTENT),
    ("Ensatsning", "En satsning", Kind.OCR),
    ("iſt", "ist", Kind.TYPOGRAPHY),  # a long s: the print's letterform (Unicode's NFKC says so)
    ("Ｗasser", "Wasser", Kind.TYPOGRAPHY),  # a full-width letter
    ("²", "2", Kind.CONTENT),  # a digit in another form is still the numbers guard's
    ("m3", "m³", Kind.OCR),  # the OCR flattened the print's superscript
    ("Mu\u0364ller", "Müller", Kind.TYPOGRAPHY),  # the superscript e that became the umlaut
    ("fu\u0364r", "für", Kind.TYPOGRAPHY),
])
def test_classification_table(base: str, ref: str, kind: Kind) -> None:
    assert classify(base, ref, " ", " ").kind is kind


def test_bullet_suggestion_is_the_standard_form() -> None:
    verdict = classify("e", "\uf0b7", "\n", " ")
    assert verdict.suggestion is not None
    assert verdict.suggestion.decision.verdict is Verdict.EDITED
    assert verdict.suggestion.decision.text == "\u2022"


def test_any_one_mark_where_the_reference_has_a_bullet_is_the_bullet_read() -> None:
    """Fraktur's bullet read as ``>`` or ``~``, shapes no table lists: a bullet stands for
    nothing else, so one mark in its place is its shape (a letter there is not)."""
    for mark in (">", "~"):
        verdict = classify(mark, "\u2022", "\n", " ")
        assert verdict.kind is Kind.TYPOGRAPHY and verdict.suggestion is not None
    assert classify("x", "\u2022", "\n", " ").kind is not Kind.TYPOGRAPHY


def test_page_furniture_only_in_print_is_layout() -> None:
    verdict = classify("SID 3\n", "", "\n", "\n")
    assert verdict.kind is Kind.LAYOUT and verdict.suggestion is not None


def test_an_older_print_read_faithfully_differs_only_in_letterforms(tmp_path: Path) -> None:
    """A print of long s and superscript-e umlauts, OCR'd letter for letter, against its
    modern transcription: every difference is the print's letterform (typography, one per
    word, the combining mark kept in its word), and taking the suggestions gives the modern
    text."""
    modern = ("Das Wasser ist das erste unter allen Dingen. Die Häuser stehen still, und die Kälte "
              "ist groß; man muss es wissen, ehe man über das Meer fahren will.\n")
    older = (modern.replace("s", "\u017f").replace("\u017f ", "s ").replace("\u017f.", "s.").replace("\u017f,", "s,")
             .replace("ä", "a\u0364").replace("ü", "u\u0364"))
    (tmp_path / "print.txt").write_text(older, encoding="utf-8")
    (tmp_path / "modern.txt").write_text(modern, encoding="utf-8")
    comparison = compare_files(tmp_path / "print.txt", tmp_path / "modern.txt")
    assert len(comparison.changes) >= 10
    assert {c.kind for c in comparison.changes} == {Kind.TYPOGRAPHY}
    assert any(c.base_text == "Ka\u0364lte" for c in comparison.changes)
    review = Review(comparison)
    review.apply_suggestions()
    assert review.canonical_text() == modern


def test_two_misreads_on_a_line_are_two_changes() -> None:
    hunks = diff_texts("Dessa 6verenskommelser ligger till grund fér mal.",
                       "Dessa överenskommelser ligger till grund för mål.")
    assert len(hunks) == 3


def _applied(base: str, ref: str, hunks) -> str:
    out, at = [], 0
    for h in hunks:
        assert h.b_start >= at, "hunks in order, apart"
        out += [base[at:h.b_start], ref[h.r_start:h.r_end]]
        at = h.b_end
    return "".join(out) + base[at:]


def test_the_anchored_diff_pairs_a_word_with_its_word_not_with_spaces() -> None:
    base, ref = "bekennt _ nachdriicklich\nfür", "bekennt nachdrücklich zu den für"
    hunks = diff_anchored(Tokenized.of(base), Tokenized.of(ref))
    pairs = [(base[h.b_start:h.b_end], ref[h.r_start:h.r_end]) for h in hunks]
    assert ("_ nachdriicklich", "nachdrücklich") in pairs  # the debris joins its word's hunk
    assert _applied(base, ref, hunks) == ref


@settings(max_examples=60, deadline=None)
@given(edition_pairs())
def test_the_anchored_diff_turns_base_into_reference(pair: tuple[str, str]) -> None:
    base, ref = pair
    hunks = diff_anchored(Tokenized.of(base), Tokenized.of(ref))
    assert _applied(base, ref, hunks) == ref
    assert all(base[h.b_start:h.b_end] != ref[h.r_start:h.r_end] for h in hunks)


def test_long_paragraph_gets_the_exact_diff(tmp_path: Path) -> None:
    """No timeout: a 60,000-word paragraph with scattered misreads is diffed word by word."""
    words = [f"ord{i % 97}ä" for i in range(60000)]
    ref = " ".join(words)
    base_words = [w.replace("ä", "a") if i % 50 == 0 else w for i, w in enumerate(words)]
    (tmp_path / "b.txt").write_text(" ".join(base_words), encoding="utf-8")
    (tmp_path / "r.txt").write_text(ref, encoding="utf-8")
    comparison = compare(load_edition(tmp_path / "b.txt"), load_edition(tmp_path / "r.txt"))
    assert len(comparison.changes) == 1200
    assert all(c.kind is Kind.OCR for c in comparison.changes)


def test_unrelated_editions_load_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Lorem ipsum dolor sit amet consectetur. " * 50, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Helt annan rapport om skogsbruk och vatten. " * 50, encoding="utf-8")
    comparison = compare_files(tmp_path / "a.txt", tmp_path / "b.txt")
    assert comparison.similarity < 0.3
    assert any("different reports" in w for w in comparison.warnings)


def test_editions_whose_reading_orders_differ_are_said_to(tmp_path: Path) -> None:
    comparison = compare_files(*two_column_pair(tmp_path))
    assert comparison.similarity > 0.3  # the same words: not unrelated editions
    assert any("another order" in w for w in comparison.warnings)
    from app.engine import alarm
    assert "another order" in alarm(comparison)


def test_the_sample_raises_no_alarm(sample) -> None:
    from app.engine import alarm
    assert alarm(sample) is None and not sample.warnings


#: a paragraph as ocrad read it (``[`` for ``t``, ``_`` for glyphs it could not read) ...
_OCRAD = """Oviss utveckling av produktiuitet och errektivitet i kommunsektorn

A[[ má[a produk[ivi[e[ i den offen[liga sek[orn och i kommunsek[orn ár
förena[ med be[ydande urmaningar och problem. De[[a beskrivs i kapitel
12 och i _roduktivite[skommissionens delbetänkande. De[ gor inte en hög
produk[ivite[ och effek[ivi[e[ i komrnunsek[orn mindre be[ydelsefull. Om
produk[ivi[e[en och effek[ivi[e[en ókar be[yder det a[[ dagens u[bud av
kommunala verksarme[er kan finansieras till en lagre ko_[nad, eller at[
verksamhe[erna [ill samma kosCnad kan u[foras med en högre kvali[e[.

Kostnaden är hög.
"""
#: ... and the draft, reworded in the middle ("inte en hög ... betydelsefull")
_DRAFT = """Oviss utveckling av produktivitet och effektivitet i kommunsektorn

Att mäta produktivitet i den offentliga sektorn och i kommunsektorn är förenat med betydande \
utmaningar och problem. Detta beskrivs i kapitel 12 och i Produktivitetskommissionens \
delbetänkande. Det gör dock inte frågan om produktivitet och effektivitet i kommunsektorn \
mindre viktig. Om produktiviteten och effektiviteten ökar betyder det att dagens utbud av \
kommunala verksamheter kan finansieras till en lägre kostnad, eller att verksamheterna till \
samma kostnad kan utföras med en högre kvalitet.

Kostnaden är hög.
"""


def test_a_reworded_phrase_among_misread_words_is_left_to_the_editor(tmp_path: Path) -> None:
    """The token diff gives one hunk for a run of misread words with a reworded phrase inside;
    cut apart, two of its pieces are for the editor and one of them is two different words of
    the document (``hög`` / ``om``), so it stays one change, and that change is content:
    whole, it looks enough like its reading to pass for one long misread."""
    base, reference = tmp_path / "ocrad.txt", tmp_path / "draft.txt"
    base.write_text(_OCRAD, encoding="utf-8")
    reference.write_text(_DRAFT, encoding="utf-8")
    comparison = compare_files(base, reference)
    reworded = [c for c in comparison.changes if "frågan" in c.reference_text]
    assert len(reworded) == 1 and reworded[0].kind is Kind.CONTENT and reworded[0].suggestion is None
    assert "viktig" in reworded[0].reference_text  # the whole edit, not a scatter of its words


def test_a_space_one_edition_lacks_beside_an_edit_goes_with_the_edit(tmp_path: Path) -> None:
    """``vara fängelse i …`` against ``vara lägst … fängelse``: the diff cut the space before
    ``fängelse`` apart from the reworded phrase. Taken alone (layout, accepted) with the edit
    kept as printed, it glued ``varafängelse``; it is part of the edit. (Real OCR of the print
    set in Fraktur; the draft's own reading of the sentence differs.)"""
    ocr = ("Straffet för de allvarligaste fallen av djurplågeri höjs genom att ett groot djurplågeribrott införs i\n"
           "brottsbalken. Straffstalan sta vara fängelse i lägst sex månader och högst fyra år.\n")
    draft = ("Straffet för de allvarligaste fallen av djurplågeri höjs genom att ett grovt djurplågeribrott införs i "
             "brottsbalken. Straffet ska vara lägst sex månaders och högst fyra års fängelse.\n")
    (tmp_path / "b.txt").write_text(ocr, encoding="utf-8")
    (tmp_path / "r.txt").write_text(draft, encoding="utf-8")
    review = Review(compare(load_edition(tmp_path / "b.txt"), load_edition(tmp_path / "r.txt")))
    edit = [c for c in review.changes if "fängelse i" in c.base_text]
    assert len(edit) == 1 and edit[0].kind is Kind.CONTENT
    review.apply_suggestions(numbers=True)
    assert "vara fängelse i lägst" in review.canonical_text()
