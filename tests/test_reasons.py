"""The core's reasons: a template id and its arguments, and the English sentence they make."""

from __future__ import annotations

import pickle

import pytest

from app.classify import LIST_MARKER, classify
from app.reasons import TEMPLATES, Reason, because, named
from app.tables import GLYPH_CLASSES


def test_a_reason_is_its_template_filled_and_keeps_its_parts() -> None:
    part = because("misread", right=repr("ä"), wrong=repr("a"))
    reason = because("ocr_explained", parts=(part, because("diacritic_lost", right=repr("ö"))))
    assert reason == "OCR: 'ä' misread as 'a'; diacritic lost on 'ö'"
    assert reason.key == "ocr_explained" and reason.args == (("parts", (part, reason.args[0][1][1])),)
    assert type(reason.text) is str and str(reason) == reason.text
    again = pickle.loads(pickle.dumps(reason, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == reason and again.key == reason.key and again.args[0][1][0].key == "misread"


def test_a_value_is_never_filled_into() -> None:
    assert because("ocr_lost_mark", mark="'{mark}'") == "OCR lost the mark '{mark}'"
    assert because("looks_ocr", name="%2{score}.txt", score="3", other="1").startswith("%2{score}.txt looks like")


def test_a_missing_argument_or_an_unknown_id_fails_loudly() -> None:
    with pytest.raises(KeyError):
        because("ocr_lost_mark")
    with pytest.raises(KeyError):
        because("no such reason")


def test_every_name_the_tables_give_is_in_the_catalogue() -> None:
    for name in [*GLYPH_CLASSES, LIST_MARKER, "ligature or private-use glyph",
                 "historical or compatibility letterform"]:
        assert named(name) == name and named(name).key in TEMPLATES


@pytest.mark.parametrize(("base", "ref", "key", "text"), [
    ("lanets", "länets", "ocr_explained", "OCR: 'ä' misread as 'a'"),
    ("\n\n\n", "\n\n", "whitespace", "blank lines: keep the base's line breaks, drop trailing spaces and extra blank lines"),
    ("\u201c", '"', "print_glyph", "quotation mark: keep the print's glyph '\u201c'"),
    ("-", "\u2013", "standard_form", "dash: use the standard Unicode form"),
])
def test_classify_gives_structured_reasons_with_the_old_sentences(base, ref, key, text) -> None:
    suggestion = classify(base, ref).suggestion
    assert isinstance(suggestion.reason, Reason) and suggestion.reason.key == key and suggestion.reason == text


def test_every_change_of_the_sample_carries_a_catalogued_reason(sample_paths) -> None:
    from app.engine import compare
    from app.loading import load_edition

    comparison = compare(*(load_edition(p) for p in sample_paths))
    for change in comparison.changes:
        assert isinstance(change.reason, Reason) and change.reason.key in TEMPLATES, change
        if change.suggestion is not None and change.suggestion.reason:  # (the spacing guard may give
            # a change with none a suggestion with no reason: the change's own is shown)
            assert isinstance(change.suggestion.reason, Reason) and change.suggestion.reason.key in TEMPLATES
