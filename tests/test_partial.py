"""Taking part of a change, word by word or line by line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.partial import compose, pieces

TEXT = st.text(alphabet="ab åä,.\n-", max_size=40)


@given(TEXT, TEXT, st.sampled_from(["word", "line"]))
def test_none_taken_is_the_base_all_taken_the_reference(base: str, reference: str, by: str) -> None:
    cut = pieces(base, reference, by)
    assert compose(cut, ()) == base
    assert compose(cut, range(len(cut))) == reference


def test_a_signature_block_line_by_line() -> None:
    base = "Med vanlig halsning\nAnna Svensson\nRegionstyrelsen\n"
    reference = "Med vänlig hälsning\nAnna Svensson\nRegionstyrelsens kansli\n"
    cut = pieces(base, reference, "line")
    differing = [i for i, p in enumerate(cut) if p.differs]
    assert len(differing) == 2
    assert compose(cut, differing[:1]) == "Med vänlig hälsning\nAnna Svensson\nRegionstyrelsen\n"


def test_word_by_word_takes_one_word() -> None:
    cut = pieces("lanets kommuner och regionens", "länets kommuner samt regionens", "word")
    first = next(i for i, p in enumerate(cut) if p.differs)
    assert compose(cut, {first}) == "länets kommuner och regionens"
