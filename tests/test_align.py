"""The aligner's promises on every path it can take: exact text, bounded work.

Tiny :class:`~app.align.Limits` force the paths a real document takes only when it is huge
or badly damaged (anchors, gram anchors, the bit-parallel LCS, block replacement, the
token-first character diff), so generated inputs of a few dozen keys exercise them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from app import align
from app.align import Limits, Opcode, char_diff, opcodes
from app.engine import compare
from app.loading import load_edition
from app.review import Review, accept_all
from strategies import edition_pairs

#: Every region beyond 6 x 6 keys is anchored or replaced; Myers only when nearly free.
TINY = Limits(exact_cells=36, myers_cost=40, gram_sizes=(2, 4), lookup_chars=50,
              char_cells=30, char_myers_cost=20)
PATHS = [None, TINY, Limits(exact_cells=0, gram_sizes=()), Limits(myers_cost=0, char_myers_cost=0)]

keys = st.lists(st.sampled_from("aabbcx "), max_size=60)


def _check_script(a: list[str], b: list[str], ops: list[Opcode]) -> None:
    """The opcodes tile both sequences in order, and every ``equal`` really is."""
    i = j = 0
    for op in ops:
        assert (op.a_start, op.b_start) == (i, j)
        if op.tag == "equal":
            assert a[op.a_start:op.a_end] == b[op.b_start:op.b_end]
        else:
            assert (op.tag == "insert") == (op.a_start == op.a_end)
            assert (op.tag == "delete") == (op.b_start == op.b_end)
        i, j = op.a_end, op.b_end
    assert (i, j) == (len(a), len(b))


@pytest.mark.parametrize("limits", PATHS)
@given(a=keys, b=keys)
def test_opcodes_tile_both_sides_on_every_path(limits: Limits | None, a: list[str], b: list[str]) -> None:
    _check_script(a, b, opcodes(a, b, limits))


@given(a=keys, b=keys)
def test_within_limits_the_script_is_minimal(a: list[str], b: list[str]) -> None:
    for limits in (None, Limits(myers_cost=0)):
        ops = opcodes(a, b, limits, cleanup=False)
        changed = sum(op.a_end - op.a_start + op.b_end - op.b_start for op in ops if op.tag != "equal")
        assert changed == Indel.distance("".join(a), "".join(b))


@pytest.mark.parametrize("cleanup", [True, False])
@given(a=keys, b=keys)
def test_cleaned_scripts_tile_too(cleanup: bool, a: list[str], b: list[str]) -> None:
    _check_script(a, b, opcodes(a, b, TINY, cleanup=cleanup))


def test_a_lone_equal_key_between_changes_is_folded_into_them() -> None:
    """``: : _An 28`` against ``An 26``: a minimal script cuts the damaged stretch at a
    coincidental space; cleaned up, it is one change for the judge to cut by evidence."""
    a, b = [":", " ", ":", "\n", "_An", " ", "28", " ", "Prozent"], ["An", " ", "26", " ", "Prozent"]
    assert opcodes(a, b, cleanup=False) == [Opcode("replace", 0, 5, 0, 1), Opcode("equal", 5, 6, 1, 2),
                                            Opcode("replace", 6, 7, 2, 3), Opcode("equal", 7, 9, 3, 5)]
    assert opcodes(a, b) == [Opcode("replace", 0, 7, 0, 3), Opcode("equal", 7, 9, 3, 5)]


@given(a=keys, b=keys)
def test_a_lone_insertion_or_deletion_sits_rightmost(a: list[str], b: list[str]) -> None:
    """Where Myers could put a run of keys in several places, the cleaned script puts it as
    far right as the keys after it allow (the next equality keeps at least one key)."""
    ops = opcodes(a, b)
    for before, op, after in zip(ops, ops[1:], ops[2:]):
        if op.tag in ("delete", "insert") and before.tag == after.tag == "equal" and after.a_end - after.a_start > 1:
            text, start, end = (a, op.a_start, op.a_end) if op.tag == "delete" else (b, op.b_start, op.b_end)
            assert text[start] != text[end]


def test_a_slid_deletion_can_fold_into_the_change_after_it() -> None:
    a = ["B", "B", "B", " ", " ", "C", "B", "B"]
    b = ["A", "B", "B", " ", "C", " "]
    assert opcodes(a, b, cleanup=False)[2] == Opcode("delete", 3, 4, 3, 3)
    assert opcodes(a, b) == [Opcode("replace", 0, 1, 0, 1), Opcode("equal", 1, 4, 1, 4),
                             Opcode("replace", 4, 8, 4, 6)]


def test_repeated_lines_anchor_at_their_seams() -> None:
    """Each line repeated 50 times has no key unique in the region, but the run that joins
    two different lines is unique, so every line of the short side is still found."""
    lines = [f"line {n} says {n * 7} things".split() for n in range(12)]
    long_side = [word for line in lines for _ in range(50) for word in line]
    short_side = [word for line in lines for word in line]
    ops = opcodes(long_side, short_side, Limits(exact_cells=400), cleanup=False)
    _check_script(long_side, short_side, ops)
    assert sum(op.b_end - op.b_start for op in ops if op.tag == "equal") == len(short_side)


def test_region_without_anchors_is_one_replacement() -> None:
    a, b = list("xyxyxyxyxyxy"), list("yxyxyxyxyxyx")
    ops = opcodes(a, b, Limits(exact_cells=4, gram_sizes=()), cleanup=False)
    assert ops == [Opcode("replace", 0, 12, 0, 12)]


def test_huge_unbalanced_region_is_cut_without_quadratic_work() -> None:
    """A paragraph against itself plus 200,000 repeated keys: the paragraph is found
    whole, and the repeated run is one insertion (work bounded by the limits, not n·m)."""
    paragraph = [f"w{i}" for i in range(300)]
    ops = opcodes(paragraph + ["tail"], paragraph + ["x", " "] * 100_000 + ["tail"], Limits(exact_cells=1000))
    assert [op.tag for op in ops] == ["equal", "insert", "equal"]


@pytest.mark.parametrize("limits", PATHS)
@given(a=st.text("aäb c.\n", max_size=80), b=st.text("aäb c.\n", max_size=80))
def test_char_diff_reassembles_both_strings(limits: Limits | None, a: str, b: str) -> None:
    diffs = char_diff(a, b, limits)
    assert "".join(t for op, t in diffs if op <= 0) == a
    assert "".join(t for op, t in diffs if op >= 0) == b


@example(a="fér", b="för")
@example(a="6kad", b="ökad")
@example(a="ab", b="abc")
@given(a=st.text("aäbc .", max_size=12), b=st.text("aäbc .", max_size=12))
def test_one_glyph_shortcut_is_what_diff_match_patch_says(a: str, b: str) -> None:
    quick = align._one_glyph(a, b)
    if (a, b) == ("fér", "för"):
        assert quick == [(0, "f"), (-1, "é"), (1, "ö"), (0, "r")]
    if quick is not None:
        dmp = align._engine()
        expected = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(expected)
        assert quick == [tuple(d) for d in expected]


def test_long_char_diff_is_cut_by_token_first() -> None:
    a = "ett två tre " * 2000 + "fyra"
    b = "ett två tre " * 2000 + "fem"
    diffs = char_diff(a, b, Limits(char_cells=10_000))
    assert "".join(t for op, t in diffs if op <= 0) == a
    assert "".join(t for op, t in diffs if op >= 0) == b
    assert sum(len(t) for op, t in diffs if op) <= len("fyra") + len("fem")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=edition_pairs())
def test_extremes_hold_on_the_cheap_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          pair: tuple[str, str]) -> None:
    """All rejected gives the base and all accepted the reference, byte for byte, when every
    section takes the anchored, LCS and block-replacement paths. (The character limits stay:
    classification caches its verdicts, so char_diff must give what it always gives.)"""
    monkeypatch.setattr(align, "LIMITS", Limits(exact_cells=36, myers_cost=40, gram_sizes=(2, 4), lookup_chars=50))
    base, reference = pair
    (tmp_path / "b.txt").write_text(base, encoding="utf-8")
    (tmp_path / "r.txt").write_text(reference, encoding="utf-8")
    review = Review(compare(load_edition(tmp_path / "b.txt"), load_edition(tmp_path / "r.txt")))
    assert review.canonical_text() == base
    accept_all(review)
    assert review.canonical_text() == reference


def test_sample_with_a_long_repeated_line_keeps_both_extremes(tmp_path: Path, sample_paths: tuple[Path, Path],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's reproducer, scaled down: a line of ``x x x …`` appended to the reference,
    every section anchored (no region may be aligned whole), and still all rejected is the
    OCR and all accepted the digital edition, byte for byte."""
    monkeypatch.setattr(align, "LIMITS", Limits(exact_cells=10_000))
    base_text = sample_paths[0].read_text(encoding="utf-8")
    reference = sample_paths[1].read_text(encoding="utf-8") + "\n" + "x " * 50_000 + "\n"
    (tmp_path / "b.txt").write_text(base_text, encoding="utf-8")
    (tmp_path / "r.txt").write_text(reference, encoding="utf-8")
    review = Review(compare(load_edition(tmp_path / "b.txt"), load_edition(tmp_path / "r.txt")))
    assert review.canonical_text() == base_text
    accept_all(review)
    assert review.canonical_text() == reference
