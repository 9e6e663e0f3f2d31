"""The language lexicon: Hunspell dictionaries of the system read with spylls, the document's
language detected from its text, and the dictionary's verdict in the lexical evidence.

The tests that need the system's dictionaries skip with a reason where one is missing
(``bash dev.sh test`` installs hunspell-en-us, hunspell-sv and hunspell-de-de)."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

import pytest

from app.classify import classify
from app.judge import hunspell, language
from app.judge.hunspell import Dictionary
from app.judge.lexicon import Words
from app.model import Kind
from formats_fixtures import corpus_pair


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every verdict and language answer goes to this test's own cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def system_dictionary(name: str) -> Dictionary:
    path = language.installed_dictionaries().get(name)
    if path is None:
        pytest.skip(f"the Hunspell dictionary {name} is not installed (bash dev.sh test installs it)")
    return Dictionary(path)


# -- reading a dictionary ---------------------------------------------------------------------

AFF = """SET UTF-8
FLAG long
SFX Aa Y 2
SFX Aa 0 s [^y]
SFX Aa y ies [^aeiou]y
PFX Bb Y 1
PFX Bb 0 re .
"""
DIC = """6
walk/AaBb
city/Aa
walk/Bb
and\\/or
house/Aa po:noun
NATO
"""


def test_the_lazy_reader_agrees_with_spylls_reading_the_whole_dictionary(tmp_path: Path) -> None:
    from spylls.hunspell import Dictionary as Whole

    (tmp_path / "xx_XX.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text(DIC, encoding="utf-8")
    with warnings.catch_warnings():  # spylls's own reader leaves its files open
        warnings.simplefilter("ignore", ResourceWarning)
        whole = Whole.from_files(str(tmp_path / "xx_XX"))
        gc.collect()
    lazy = Dictionary(tmp_path / "xx_XX", cache=tmp_path / "c")
    words = ["walk", "walks", "rewalk", "rewalks", "city", "cities", "citys", "and/or", "house", "houses",
             "House", "HOUSES", "NATO", "nato", "walkz", "ity", ""]
    assert [lazy.knows(w) for w in words] == [whole.lookup(w) for w in words]
    assert lazy.knows("cities") and lazy.knows("rewalks") and not lazy.knows("citys")


def test_verdicts_are_kept_on_disk_so_a_second_run_needs_no_dictionary(tmp_path: Path) -> None:
    (tmp_path / "xx_XX.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text(DIC, encoding="utf-8")
    first = Dictionary(tmp_path / "xx_XX", cache=tmp_path / "c")
    assert first.knows("cities") and not first.knows("citys")
    first.save()
    second = Dictionary(tmp_path / "xx_XX", cache=tmp_path / "c")
    assert second.knows("cities") and not second.knows("citys")
    assert second._lookup is None  # answered from the cache: spylls never opened the files
    # a changed dictionary is another cache entry
    (tmp_path / "xx_XX.dic").write_text(DIC.replace("city/Aa", "citys"), encoding="utf-8")
    assert Dictionary(tmp_path / "xx_XX", cache=tmp_path / "c").knows("citys")


def test_a_save_removes_the_verdict_files_nothing_reads_again(tmp_path: Path) -> None:
    """The verdicts of the dictionary's files before an update, and what a killed write of an
    older ProofPair left, go at the next save; another dictionary's file stays."""
    (tmp_path / "xx_XX.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text(DIC, encoding="utf-8")
    cache = tmp_path / "c"
    first = Dictionary(tmp_path / "xx_XX", cache=cache)
    first.knows("city")
    first.save()
    killed = cache / f"{first._file.stem}.4242.tmp"  # an older version's temporary
    killed.write_text("{", encoding="utf-8")
    other = cache / "yy_YY-0123456789abcdef0123.json"
    other.write_text("{}", encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text(DIC.replace("city/Aa", "citys"), encoding="utf-8")
    updated = Dictionary(tmp_path / "xx_XX", cache=cache)
    assert updated._file != first._file
    updated.knows("citys")
    updated.save()
    assert sorted(p.name for p in cache.iterdir()) == sorted([updated._file.name, other.name])


def test_the_verdict_cache_keeps_the_newest_verdicts_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every kept verdict is read at each comparison: the cache keeps the most recently asked,
    at most :data:`hunspell.CACHE_VERDICTS` (ten thousand fuzzed documents had left 25,000)."""
    monkeypatch.setattr(hunspell, "CACHE_VERDICTS", 3)
    (tmp_path / "xx_XX.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text(DIC, encoding="utf-8")
    first = Dictionary(tmp_path / "xx_XX", cache=tmp_path / "c")
    for word in ("walk", "walks", "city", "cities"):
        first.knows(word)
    first.save()
    second = Dictionary(tmp_path / "xx_XX", cache=tmp_path / "c")
    assert set(second._verdicts) == {"walks", "city", "cities"}  # the oldest went
    second.knows("walks")  # asked again: now the newest
    second.knows("house")
    second.save()
    assert list(hunspell.read_json(second._file)) == ["cities", "walks", "house"]


def test_the_language_answers_kept_are_the_newest(monkeypatch: pytest.MonkeyPatch, own_cache: Path) -> None:
    monkeypatch.setattr(language, "LANGUAGE_ANSWERS", 2)
    dictionaries = language.installed_dictionaries()
    if not dictionaries:
        pytest.skip("no Hunspell dictionary is installed (bash dev.sh test installs some)")
    for n in range(4):
        language.language_of([(f"ord{n}", 3), ("och", 2)], dictionaries)
    assert len(hunspell.read_json(hunspell.cache_dir() / "languages.json")) == 2


# -- detecting the language ---------------------------------------------------------------------

@pytest.mark.parametrize(("pair", "expected"), [
    ("sv_sou_2025_96_kommunsektorn", "sv"), ("sv_rk_lagar_halvar_2022", "sv"),
    ("en_omb_m_16_21_source_code", "en"), ("de_lebensqualitaet_2016", "de"),
])
def test_the_language_of_each_corpus_pair_is_detected_from_either_edition(pair: str, expected: str) -> None:
    folder = corpus_pair(pair)
    wanted = {"sv": "sv_SE", "en": "en_US", "de": "de_DE"}[expected]
    system_dictionary(wanted)
    for edition in [folder / "draft.txt", *sorted(folder.glob("ocr_*.txt"))]:
        found = language.detect_language(edition.read_text(encoding="utf-8"))
        assert found is not None and found.split("_")[0] == expected, (edition.name, found)
    # asked again, the answer comes from the cache and is the same
    assert language.detect_language((folder / "draft.txt").read_text(encoding="utf-8")).split("_")[0] == expected


def test_a_text_in_no_installed_language_has_none() -> None:
    system_dictionary("en_US")
    assert language.detect_language("Ngũgĩ wa Thiong'o: ũrĩa mũndũ ekuga nĩ ũhoro wa ũrĩa ekwenda " * 5) is None
    assert language.detect_language("1 2 3 4 — 5") is None


# -- the dictionary's verdict in the lexical evidence ---------------------------------------------

BASE = "The gevernment said. The gevernment will act. The gevernment has a plan, at some cost."
REFERENCE = "The government said. The government will act. The government has a plan, at some coat."


def test_a_repeated_misread_that_is_no_word_of_the_language_is_ocr() -> None:
    english = system_dictionary("en_US")
    verdict = classify("gevernment", "government", " ", " ", False, Words(BASE, REFERENCE, lexicon=english))
    assert verdict.kind is Kind.OCR and verdict.suggestion is not None
    assert "not a word" in verdict.suggestion.reason


def test_two_different_words_of_the_language_are_content() -> None:
    english = system_dictionary("en_US")
    base, reference = "cost, cost and cost but " + BASE, "coat, cost and cost but " + REFERENCE
    verdict = classify("cost", "coat", " ", ",", False, Words(base, reference, lexicon=english))
    assert verdict.kind is Kind.CONTENT and verdict.suggestion is None


def test_without_a_dictionary_the_lexical_evidence_is_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """No dictionary installed (or spylls missing): a token the base repeats is a word, as
    without a lexicon; nothing fails."""
    monkeypatch.setenv("PROOFPAIR_DICTIONARIES", "")
    assert language.installed_dictionaries() == {}
    assert language.detect_language(REFERENCE) is None
    words = Words(BASE, REFERENCE)
    assert words.lexicon is None
    assert words.is_word("gevernment")  # the base repeats it three times
    verdict = classify("gevernment", "government", " ", " ", False, words)
    assert verdict.kind is Kind.CONTENT
    monkeypatch.setattr(hunspell, "available", lambda: False)
    monkeypatch.delenv("PROOFPAIR_DICTIONARIES")
    assert language.installed_dictionaries() == {} and Words(BASE, REFERENCE).lexicon is None


def test_a_comparison_runs_the_same_with_and_without_dictionaries_where_none_is_needed(
        sample_paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample's reference is Swedish; with no dictionary the comparison still pairs every
    section and finds the same changes."""
    from app.engine import compare_files

    with_lexicon = compare_files(*sample_paths)
    monkeypatch.setenv("PROOFPAIR_DICTIONARIES", "")
    import app.classify

    app.classify.classify.cache_clear()
    without = compare_files(*sample_paths)
    assert [(c.base_text, c.reference_text) for c in without.changes] == \
        [(c.base_text, c.reference_text) for c in with_lexicon.changes]


def test_a_non_word_that_adds_a_run_of_letters_is_words_run_together_not_a_misread() -> None:
    """'ofthe' against 'the' (the 'of' inserted beside it) is two words the OCR ran together:
    the lexical rule does not call it a misread of 'the' (taking 'the' would lose the 'of');
    one letter more or less is still a misread."""
    words = Words("ofthe code and the goverment", "of the code and the government", lexicon=None)
    joined = classify("ofthe", "the", " ", " ", False, words)
    assert joined.reason != "not a word" and joined.suggestion is None
    dropped = classify("goverment", "government", " ", "\n", False, words)
    assert dropped.kind is Kind.OCR and dropped.reason == "not a word"


def test_a_dictionary_that_cannot_be_read_is_no_evidence(tmp_path: Path) -> None:
    (tmp_path / "xx_XX.aff").write_text("SET NO-SUCH-ENCODING\n", encoding="utf-8")
    (tmp_path / "xx_XX.dic").write_text("1\nwalk\n", encoding="utf-8")
    broken = Dictionary(tmp_path / "xx_XX", cache=tmp_path / "c")
    assert broken.knows("walk") and broken.knows("qqqq")  # as if there were no dictionary
    broken.save()
    assert not (tmp_path / "c").exists()  # nothing cached: a repaired dictionary is asked again
    words = Words(BASE, REFERENCE, lexicon=broken)
    assert classify("gevernment", "government", " ", " ", False, words).kind is Kind.CONTENT


def test_the_channel_learns_misreads_that_change_a_words_stable_letters() -> None:
    """``rn`` for ``m`` and ``fi`` for ``A`` change the alignment key (which keeps the letters
    OCR seldom confuses); the word's end still finds its true form, and the repeated misread
    is learned as often as the document shows it."""
    from app.judge.channel import Channel

    base = "Der rnoderne Staat. " * 3 + "Die fintwort kam. " * 5 + "Ein Haus."
    reference = "Der moderne Staat. Die Antwort kam. Ein Haus."
    counts = Channel.learn(base, reference).counts
    assert counts[("rn", "m")] == 3 and counts[("fi", "A")] == 5


def test_a_part_of_a_compound_the_reference_joins_is_a_word() -> None:
    words = Words("Die fintwort kam.", "Die Online-Antwort kam.", lexicon=None)
    assert words.is_word("Antwort") and words.is_word("Online-Antwort") and not words.is_word("fintwort")


# -- glyphs an engine reads as marks (ocrad's ``[`` for ``t``, gocr's ``_`` for a glyph it cannot read)

#: a reference and its OCR by an engine that reads every ``t`` as ``[`` and a few glyphs as ``_``
STANDING_REFERENCE = ("Kapitlet beskriver att staten ska utveckla den offentliga sektorn, samt att "
                      "kommunerna ska ta ansvar. Det betyder att alla ska veta vad som gäller. ") * 5
STANDING_BASE = ("Kapi[le[ beskriver a[[ s[a[en ska u[veckla den offen[liga sek[orn, sam[ _t[ "
                 "kommunerna ska [a ansvar. De[ be[yder a[[ _lla ska ve[a vad som gäller. ") * 5


def test_the_channel_learns_the_glyphs_an_engine_reads_as_marks() -> None:
    """A word whose letters stand where the reference word has them, with a mark or ``_`` for
    each of the others, shows the engine's confusion; one that several reference words fit
    (``a[``: ``at``, ``av``) teaches nothing, nor does a word with a speck after it."""
    import re
    from collections import Counter

    from app.judge.channel import Channel, stand_ins

    counts = Channel.learn(STANDING_BASE, STANDING_REFERENCE).counts
    assert counts[("[", "t")] >= 25 and counts[("_", "a")] == 5
    learned = {piece: word for piece, word, _ in stand_ins(Counter(STANDING_BASE.split()),
                                                             Counter(re.findall(r"\w+", STANDING_REFERENCE)))}
    assert learned["u[veckla"] == "utveckla" and learned["sek[orn"] == "sektorn"
    assert stand_ins(Counter({"kan.#": 1, "a[": 4}), Counter({"kan": 1, "at": 1, "av": 1})) == []


def test_a_run_read_for_a_run_is_seen_as_often_as_its_rarest_glyph() -> None:
    from collections import Counter

    from app.judge.channel import Channel

    channel = Channel(Counter({("[", "t"): 9, ("_", "a"): 6, ("W", "tt"): 2}))
    assert channel.seen([("_t[", "att")]) == 6  # the character diff keeps the run whole
    assert channel.seen([("[[", "tt")]) == 9
    assert channel.seen([("aW", "att")]) == 0  # not one for one: only as seen whole


def test_a_word_the_engine_wrote_with_marks_is_its_misread() -> None:
    """``_t[`` for ``att`` looks too little like it to be a misread by its letters alone, and
    is one where every glyph of it is a confusion this engine makes often."""
    words = Words(STANDING_BASE, STANDING_REFERENCE, lexicon=None)
    verdict = classify("_t[", "att", " ", " ", False, words)
    assert verdict.kind is Kind.OCR and verdict.suggestion is not None
    assert classify("ta", "att", " ", " ", False, words).kind is Kind.CONTENT  # no such confusion


def test_a_non_word_too_unlike_its_reading_is_a_misread_the_engine_makes_often() -> None:
    """``aW`` (not a word: a capital inside) for ``att`` shares one letter of three; where
    this engine reads ``tt`` as ``W`` eight times elsewhere, it is that misread again."""
    from collections import Counter

    from app.judge.channel import Channel

    base, reference = "Vi vill aW de kommer. " * 2, "Vi vill att de kommer. " * 2
    often = Words(base, reference, lexicon=None, channel=Channel(Counter({("W", "tt"): 8})))
    assert classify("aW", "att", " ", " ", False, often).kind is Kind.OCR
    never = Words(base, reference, lexicon=None, channel=Channel(Counter({("W", "tt"): 2})))
    assert classify("aW", "att", " ", " ", False, never).kind is Kind.CONTENT


def test_a_misread_of_another_word_of_the_document_is_an_edit() -> None:
    """``novgmber`` is ``november`` to an OCR that reads ``g`` for ``e`` again and again: against
    the reference's ``december`` it is a genuine edit under the noise, though a non-word that
    looks enough like it to pass for its misread. Against ``november`` it is that misread."""
    from collections import Counter

    from app.judge.channel import Channel

    reference = "I november kom de. I december gick de. Det var en lång höst."
    base = "I novgmber kom dg. I novgmber gick dg. Dgt var gn lång höst."
    words = Words(base, reference, lexicon=None, channel=Channel(Counter({("g", "e"): 40})))
    assert classify("novgmber", "december", " ", " ", False, words).kind is Kind.CONTENT
    assert classify("novgmber", "november", " ", " ", False, words).kind is Kind.OCR
    seldom = Words(base, reference, lexicon=None, channel=Channel(Counter({("g", "e"): 2})))
    assert classify("novgmber", "december", " ", " ", False, seldom).kind is Kind.OCR  # looks alone


# -- the alignment teaches the channel, and the cut keeps an OCR's words whole ---------------------

def test_the_channel_learns_from_the_pairs_the_diff_aligns(tmp_path: Path) -> None:
    """``aW`` for ``att`` is too short for the vocabularies to pair (``at``, ``av``, ``att``
    all lie near it); the diff sets it against ``att`` every time, and each sighting teaches
    ``W`` for ``tt``. A token of the reference, a number, or one too far from its word
    teaches nothing, and a model that is complete (a session's) learns no more."""
    from collections import Counter

    from app.engine import compare
    from app.judge.channel import Channel
    from app.loading import load_edition

    reference = "Vi vill att de kommer, och de vill att vi går. Men inte att ni går nu. " * 4
    base = reference.replace("att", "aW")
    learned = Channel.learn(base, reference)
    assert learned.counts[("W", "tt")] == 0  # the vocabularies alone
    learned.learn_aligned(Counter([("aW", "att")] * 6 + [("vill", "vil"), ("2", "att"), ("xyzzy", "att")]),
                          Counter({"att": 12, "vill": 8}))
    assert learned.counts[("W", "tt")] == 6 and learned.taught is None
    learned.learn_aligned(Counter([("aW", "att")]), Counter({"att": 1}))
    assert learned.counts[("W", "tt")] == 6  # complete: learns once
    # a capital the OCR reads small (Fraktur's F) is learned where the word is the reference's
    small = Channel.learn("förslag och förslag", "Förslag och förslag")
    small.learn_aligned(Counter({("förslag", "Förslag"): 6}), Counter({"förslag": 12}))
    assert small.counts[("f", "F")] == 6
    words = Words("förslag om förslag", "Förslag om förslag", lexicon=None, channel=small)
    assert classify("förslag", "Förslag", " ", " ", False, words).kind is Kind.OCR
    # a digit read for a letter inside a word is a letter misread; a number teaches nothing
    digits = Channel.learn("50m vi", "som vi")
    digits.learn_aligned(Counter({("50m", "som"): 6, ("2023", "2024"): 6}), Counter({"som": 6}))
    assert digits.counts[("50", "so")] == 6 and digits.counts[("3", "4")] == 0
    given = Channel(Counter({("W", "tt"): 1}))
    given.learn_aligned(Counter({("aW", "att"): 6}), Counter({"att": 1}))
    assert given.counts[("W", "tt")] == 1
    (tmp_path / "b.txt").write_text(base, encoding="utf-8")
    (tmp_path / "r.txt").write_text(reference, encoding="utf-8")
    comparison = compare(load_edition(tmp_path / "b.txt"), load_edition(tmp_path / "r.txt"))
    misreads = [c for c in comparison.changes if c.base_text == "aW"]
    assert len(misreads) == 12 and all(c.kind is Kind.OCR for c in misreads)


def test_a_word_with_a_mark_read_for_a_letter_stays_one_piece_of_the_cut() -> None:
    """``s[arka`` is one word read with a glyph as a mark: cut into ``s``, ``[``, ``arka``, its
    pieces were paired with nothing and with the whole reference word (``arka`` against
    ``starka``, two pieces for the editor).
    Punctuation and a footnote number read as ``®`` stay apart from the word they touch."""
    from app.judge.refine import pieces

    base, reference = "faMs s[arka och s[abila sådana", "fanns starka och stabila sådana"
    cut = [(base[p.b_start:p.b_end], reference[p.r_start:p.r_end]) for p in pieces(base, reference)]
    assert cut == [("faMs", "fanns"), ("s[arka", "starka"), ("s[abila", "stabila")]
    base, reference = "projektet® och bl.a. x", "projektet5 och bl.a. y"
    cut = [(base[p.b_start:p.b_end], reference[p.r_start:p.r_end]) for p in pieces(base, reference)]
    assert ("®", "5") in cut


def test_words_one_edition_adds_inside_a_misread_piece_are_an_edit() -> None:
    """A misread never makes whole words out of a mark: ``myndighe[.`` against ``myndighet.
    Därtill kommer kostnader.`` holds a sentence the draft adds, so the piece is an edit, and a
    run that adds words is no misread of the whole. Two unlike words the dictionary spells are
    an edit too, though the base uses its word once; letters one edition adds before a word
    (``små`` in ``småföretag``) are not noise, accented or not."""
    from app.classify import holds_edit

    swedish = system_dictionary("sv_SE")
    reference = "Det gäller myndighet. Därtill kommer kostnader. Syftet är att hjälpa småföretag med begränsad verksamhet."
    base = "Det gäller myndighe[. Syftet är att hjälpa företag med liten verksamhet."
    words = Words(base, reference, lexicon=swedish)
    assert holds_edit("myndighe[.", "myndighet. Därtill kommer kostnader.", words)
    verdict = classify("myndighe[.\nSyf[et", "myndighet. Därtill kommer kostnader.\n\nSyftet", " ", " ", False, words)
    assert verdict.kind is Kind.CONTENT
    assert holds_edit("liten", "begränsad", words)
    assert not holds_edit("myndighe[", "myndighet", words)
    assert classify("företag", "småföretag", " ", " ", False, words).kind is Kind.CONTENT


def test_a_word_that_shares_only_its_start_with_the_references_is_no_misread() -> None:
    """``Straffskalan`` (a compound the dictionary does not list) against the draft's
    ``Straffet`` looks like it by its first six letters, but an OCR does not read the six
    clean letters ``skalan`` for the two of ``et``: another word. A misread that grows a run
    by a letter or two (``rn`` for ``m``) still is one."""
    base = "Straffskalan ska vara fängelse. Det moderna straffet är hårt. " * 2
    reference = "Straffet ska vara fängelse. Det moderna straffet är hårt. " * 2
    words = Words(base, reference, lexicon=None)
    assert classify("Straffskalan", "Straffet", " ", " ", False, words).kind is Kind.CONTENT
    assert classify("rnoderna", "moderna", " ", " ", False, words).kind is Kind.OCR
    # nor is it noise where the letters it adds have an accent: ``en`` against ``frågan``
    assert classify("en", "frågan", " ", " ", False, words).kind is Kind.CONTENT


def test_letters_one_edition_adds_to_a_word_are_no_learned_misread_however_often() -> None:
    """A draft in the old spelling (``skall``) against the print's ``ska``, 19 times: the
    alignment teaches ``ll`` added as often, but an OCR does not add two letters to a word,
    so the pair of words stays a genuine difference for the editor (it had been taken at
    0.925 as a learned misread)."""
    from collections import Counter

    from app.judge.channel import Channel

    base = "Kommunen ska betala. Staten ska svara. " * 19
    reference = "Kommunen skall betala. Staten skall svara. " * 19
    learned = Channel.learn(base, reference)
    learned.learn_aligned(Counter({("ska", "skall"): 38}), Counter({"skall": 38}))
    words = Words(base, reference, lexicon=None, channel=learned)
    assert learned.seen([("", "ll")]) >= 38
    assert classify("ska", "skall", " ", " ", False, words).kind is Kind.CONTENT


def test_a_dictionary_word_beside_a_reword_is_part_of_the_edit() -> None:
    """``Das subjektive Sicherheitsgefühl der Menschen ist durch politische Maßnahmen nur
    indirekt beeinflussbar`` is reworded in the draft (``… nur mittelbar beeinflussen``). Its
    last word stands alone in the diff: no word of the draft, and its ``bar`` for ``en`` is no
    confusion this OCR makes, but German spells it. Beside the reword it is part of the edit,
    not a misread in a bulk accept."""
    dictionary = system_dictionary("de_DE")
    reference = "Politische Maßnahmen können das Gefühl nur mittelbar beeinflussen. Mehr Text folgt hier.\n"
    base = "Das Gefiihl ist durch politische MaBnahmen nur indirekt beeinflussbar. Mehr Text folgt hier.\n"
    words = Words(base, reference, lexicon=dictionary)
    verdict = classify("beeinflussbar", "beeinflussen", " ", ".", False, words)
    from app.classify import WORD_LIKE

    assert verdict.kind is Kind.OCR and verdict.reason == WORD_LIKE  # alone: still a misread
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "de_lebensqualitaet_2016"
    if not corpus.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    from app.engine import compare
    from app.loading import load_edition

    changes = compare(load_edition(corpus / "ocr_eng.txt"), load_edition(corpus / "draft.txt")).changes
    edit = next(c for c in changes if "beeinflussbar" in c.base_text)
    assert edit.kind is Kind.CONTENT and "indirekt beeinflussbar" in edit.base_text
