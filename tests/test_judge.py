"""The judge's evidence, each piece on text made for it, and the whole on the corpus's real OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.classify import classify
from app.diffing import Hunk
from app.engine import compare
from app.judge.digits import touches_number
from app.judge.lexicon import Words
from app.judge.pages import find_furniture
from app.judge.refine import refine
from app.loading import load_edition
from app.model import Edition, Kind, Verdict
from app.review import Review, accept_all

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def edition(text: str, name: str = "e.txt") -> Edition:
    return Edition(Path(name), text, "utf-8", "0")


def test_running_heads_and_folios_are_found_from_the_page_structure() -> None:
    body = "Ordinary running text of the report, line after line, about nothing in particular.\n"
    pages = [f"Annual Report 2024 {n}\n\n" + body * 5 + ("\n- %d -\n" % n) for n in range(1, 7)]
    pages[3] = pages[3].replace("Annual Report 2024 4", "Annual Report 2024 | ., 4")  # damaged by specks
    text = "\f".join(pages)
    found = {text[a:b] for a, b in find_furniture(text, body * 30)}
    assert {"Annual Report 2024 1", "Annual Report 2024 | ., 4", "- 6 -"} <= found
    assert not any("running text" in line for line in found)


def test_a_folio_whose_dash_the_ocr_read_as_an_underscore_is_furniture() -> None:
    """An underscore is a word character to a regex but ink debris to a page: "_4-" is the
    folio "– 4 –" on page 4, as "-5-" is on page 5."""
    body = "Ordinary running text of the report, line after line, about nothing in particular.\n"
    pages = [body * 5 + f"\n-{n}-\n" for n in range(1, 7)]
    pages[3] = body * 5 + "\n_4-\n"
    text = "\f".join(pages)
    assert "_4-" in {text[a:b] for a, b in find_furniture(text, body * 30)}


def test_a_heading_the_reference_repeats_is_not_furniture() -> None:
    page = "Chapter heading\n\n" + "Some body text here.\n" * 8
    text = "\f".join([page] * 5)
    assert find_furniture(text, text) == []



def test_a_running_head_that_repeats_the_chapter_title_is_furniture_but_the_heading_stays() -> None:
    """A book's recto heads repeat the current chapter's title (with or without the folio the
    OCR kept), too few times each to recur as a running head must: the base holds the title
    more often than the reference, which sets it once, as a heading. The heading itself (the
    title's first line, numbered as the reference numbers it) stays, on a page's top or not."""
    body = "Ordinary running text of the report, line after line, about nothing in particular.\n"
    chapters = ["Technical indicators", "Financial indicators"]
    pages, reference = [], ""
    for c, title in enumerate(chapters, 1):
        reference += f"{c}. {title}\n\n" + body * 12
        pages.append(f"{c}. {title}\n\n" + body * 4)  # the chapter opens a page
        pages += [f"{title} {2 * c + 1}\n\n" + body * 4, f"{title}\n\n" + body * 4]
    text = "\f".join(pages)
    found = [text[a:b] for a, b in find_furniture(text, reference)]
    assert found == ["Technical indicators 3", "Technical indicators", "Financial indicators 5", "Financial indicators"]


def test_label_lines_page_breaks_cut_are_not_furniture_but_the_running_head_is() -> None:
    """A list whose entries end in label lines (``SFS 2022:404``, ``Entry into force: 1 July
    2022``) puts them at the top of one page and the bottom of another, as often as a running
    head recurs on a quarter of the pages; but they stand in the pages' bodies too, and at no
    one edge of most pages, so only the head on every page is furniture."""
    body = "Ordinary running text of the report, line after line, about nothing in particular.\n"
    months = ["1 July 2022", "2 May 2022", "15 March 2022", "1 August 2022"]
    entry = [f"SFS 2022:{400 + n}\nEntry into force: {months[n % 4]}\n" for n in range(25)]
    pages = []
    for n in range(1, 9):
        top = entry[n] if n % 2 == 0 else ""
        bottom = entry[n + 8] if n % 2 and n > 1 else ""
        pages.append(f"Annual Report 2024 {n}\n{top}\n" + body * 4 + entry[n + 16] + body * 4 + bottom)
    text = "\f".join(pages)
    found = [text[a:b] for a, b in find_furniture(text, body * 30)]
    assert found == [f"Annual Report 2024 {n}" for n in range(1, 9)]


def test_catchwords_and_signature_marks_of_a_hand_press_book_are_furniture(tmp_path: Path) -> None:
    """Under each page's last line a hand-press book prints the next page's first word (the
    catchword), and on some pages a signature mark (``A``, ``A2``, ``B``). The reference has the
    word once, where the next page begins: the print's repeat at the page's foot is furniture,
    found by its place, and so are the signatures of a book that prints catchwords (each too
    rare for a running foot); the reference's text comes out whole. A page that merely ends on
    the word the next begins with, once, is no habit of the book."""
    words = ("the custom code shall be made available for reuse across agencies so that "
             "duplicate work is avoided and costs fall over time while quality rises steadily").split()
    lines = [" ".join(words[(k * 7) % len(words):][:9]) for k in range(100)]
    pages = [lines[k:k + 10] for k in range(0, 100, 10)]
    marks = {0: "A", 2: "A2", 4: "B", 6: "B2", 8: "C"}
    printed = []
    for n, page in enumerate(pages):
        foot = [marks[n]] if n in marks else []
        if n + 1 < len(pages):
            foot.append(" " * 30 + pages[n + 1][0].split()[0])
        printed.append("\n".join(page + foot) + "\n")
    base, reference = "\f".join(printed), "\n".join(lines) + "\n"
    from app.judge.pages import find_catchwords

    furniture = find_furniture(base, reference)
    assert furniture == []  # no line recurs at the foot of enough pages
    found = [base[a:b].strip() for a, b in find_catchwords(base, furniture)]
    assert sorted(found) == sorted([pages[n + 1][0].split()[0] for n in range(9)] + list(marks.values()))
    (tmp_path / "b.txt").write_text(base, encoding="utf-8")
    (tmp_path / "r.txt").write_text(reference, encoding="utf-8")
    review = Review(compare(*(load_edition(tmp_path / n) for n in ("b.txt", "r.txt"))))
    review.apply_suggestions(numbers=True)
    assert review.canonical_text().split() == reference.split()
    once = "\f".join(["\n".join(page) + "\n" for page in pages])
    assert find_catchwords(once.replace("\f", pages[1][0].split()[0] + "\n\f", 1), []) == []


@pytest.mark.parametrize(("base", "ref", "touches"), [
    ("2024", "2023", True), ("X", "1", True), ("system??,", "system12.", True),
    ("6kad", "ökad", False), ("f6r", "för", False), ("4r", "är", False), ("1 152", "1152", False),
    ("12 3", "123", False), ("2023", "2 024", True),
    ("30 000", "30\u00a0000", False), ("2024 /25:1", "2024/25:1", False), ("l7", "17", True),
])
def test_the_numbers_guard(base: str, ref: str, touches: bool) -> None:
    assert touches_number(base, ref) is touches


def test_a_number_that_differs_is_one_change_of_the_whole_number() -> None:
    """``5 940`` against the draft's ``5\u00a0490`` was cut as a typography change (the no-break
    space) and ``940`` -> ``490``; ``10,21`` against ``10,12`` as ``21`` -> ``12``. The editor
    decides the number, so the change holds all of it, separators and all, and nothing else."""
    middle = " viajeros por día laborable en la línea que une el hospital con la estación de trenes, y "
    base = f"Una media de 5 940{middle}una tasa del 10,21 por ciento en 2024.\n"
    ref = f"Una media de 5\u00a0490{middle}una tasa del 10,12 por ciento en 2024.\n"
    review = Review(compare(edition(base), edition(ref, "r.txt")))
    numbers = [(c.base_text, c.reference_text) for c in review.changes if c.touches_number]
    assert numbers == [("5 940", "5\u00a0490"), ("10,21", "10,12")]
    assert all(c.kind is Kind.CONTENT for c in review.changes if c.touches_number)
    accept_all(review)
    assert review.canonical_text() == ref


def test_a_hunk_is_cut_so_a_number_stands_apart_from_the_misreads_around_it() -> None:
    b, r = "0,77 ar 2024 Kommunsektom och", "0,77 år 2023 Kommunsektorn och"
    pieces = refine([Hunk(5, len(b) - 4, 5, len(r) - 4)], b, r)
    assert [(b[h.b_start:h.b_end], r[h.r_start:h.r_end]) for h in pieces] == [
        ("ar", "år"), ("2024", "2023"), ("Kommunsektom", "Kommunsektorn")]


def test_specks_are_ocr_and_one_sided_words_are_content() -> None:
    words = Words("some text", "some text")
    speck = classify(" = ", "", "t", "x", False, words)
    assert speck.kind is Kind.OCR and speck.suggestion.decision.verdict is Verdict.ACCEPTED
    assert classify("Hela meningen finns bara här. ", "", "\n", "x", False, words).kind is Kind.CONTENT
    assert classify("", "\u2612 ", "\n", "N", False, words).kind is Kind.CONTENT  # a checkbox alone


def test_a_non_word_against_a_word_is_a_misread_and_two_words_are_an_edit() -> None:
    words = Words("Luftschadstoffe mindre små", "Luftschadstoffe små")
    assert classify("Lufischadstolfe", "Luftschadstoffe", " ", " ", False, words).kind is Kind.OCR
    assert classify("mindre", "små", " ", " ", False, words).kind is Kind.CONTENT


def test_the_print_glyph_is_kept_against_a_plain_fallback() -> None:
    words = Words("“a” ’s", "\"a\" 's")
    verdict = classify("’", "'", "y", "s", False, words)
    assert verdict.kind is Kind.TYPOGRAPHY and verdict.suggestion.decision.verdict is Verdict.REJECTED


def test_a_misread_beside_the_prints_apostrophe_is_a_misread_that_keeps_the_apostrophe() -> None:
    """``I’activité`` against the draft's ``l'activité``: ``l`` read as ``I`` and the print's
    apostrophe against a straight one, in one token. Neither judge explains both, and whole
    it was content; each part judged alone, it is a misread whose repair keeps the print's ``’``."""
    base = "Le rapport de I’activité du service, de |’extension du tri et de l’ensemble des communes.\n"
    ref = "Le rapport de l'activité du service, de l'extension du tri et de l'ensemble des communes.\n"
    review = Review(compare(edition(base), edition(ref, "r.txt")))
    misreads = [c for c in review.changes if c.base_text in ("I’activité", "I’", "|’extension", "|’")]
    assert len(misreads) == 2 and all(c.kind is Kind.OCR for c in misreads)
    review.apply_suggestions()
    assert review.canonical_text() == base.replace("I’", "l’").replace("|’", "l’")


def test_the_same_letters_with_blank_space_moved_are_a_split_or_joined_word() -> None:
    """``201 1`` against ``2011`` (an engine that sets a blank inside numbers) and ``Ila`` and a
    line break against ``Il a`` are one OCR split or join: the reference's reading, as sure as a
    glyph's standard form; neither is a glyph (a ligature, as a typography rule once said)."""
    for base, ref in (("201 1 ", "2011"), ("Ila\n", "Il a ")):
        verdict = classify(base, ref, " ", "m")
        assert verdict.kind is Kind.OCR and verdict.reason == "word split or joined"
        assert verdict.suggestion.decision.verdict is Verdict.ACCEPTED and verdict.confidence >= 0.9


def test_a_glyph_the_ocr_never_showed_is_suggested_only_as_sure_as_its_class_allows() -> None:
    """An OCR that shows no en dash or curly quote anywhere cannot tell whether the print set
    one: the reference's is suggested, below the bulk threshold (a typeface whose dash looks
    like a hyphen, a print with straight quotes); a ligature it cannot show is the print's."""
    from app.bulk import DEFAULT_THRESHOLD

    words = Words("Bildung - nicht nur \"hier\" und Ziffern.", "Bildung – nicht nur „hier“ und Ziﬀern.")
    for base, ref in (("-", "–"), ('"', "„")):
        verdict = classify(base, ref, " ", "h", False, words)
        assert verdict.kind is Kind.TYPOGRAPHY and verdict.suggestion.decision.verdict is Verdict.ACCEPTED
        assert verdict.confidence < DEFAULT_THRESHOLD
    ligature = classify("Ziffern", "Ziﬀern", " ", ".", False, words)
    assert ligature.kind is Kind.TYPOGRAPHY and ligature.confidence >= DEFAULT_THRESHOLD


def test_an_ocr_that_shows_dashes_apart_from_words_may_not_show_them_between_words() -> None:
    """This OCR reads a spaced dash as ``—`` (it shows the class), so its spaced hyphen is the
    print's; but it shows no dash between two words or digits, so its ``19-23`` against the
    reference's ``19–23`` is the short range dash it cannot show there, not a print hyphen."""
    base = "Bildung — hier. Lernen — dort. Gute Bildung - nicht nur. Kurse für 19-23 Jahre."
    ref = "Bildung – hier. Lernen – dort. Gute Bildung – nicht nur. Kurse für 19–23 Jahre."
    words = Words(base, ref, lexicon=None)
    spaced = classify("-", "–", " ", " ", False, words)
    assert spaced.kind is Kind.TYPOGRAPHY and spaced.suggestion.decision.verdict is Verdict.REJECTED
    joined = classify("-", "–", "9", "2", False, words)
    assert joined.kind is Kind.TYPOGRAPHY and joined.suggestion.decision.verdict is Verdict.ACCEPTED


def test_a_number_that_begins_a_line_is_no_page_number() -> None:
    """``1`` alone on its line is a folio; the ``1`` of ``1 3.2.1 Produktivitet`` (an OCR's
    spaced heading number ``13.2.1``) is text, and its digit is the editor's."""
    folio = classify("1", "", "\n", "\n", False, None)
    assert folio.kind is Kind.LAYOUT and folio.reason == "page furniture"
    spaced = classify("1", "", "\n", " ", False, None)
    assert spaced.reason != "page furniture" and spaced.kind is Kind.CONTENT


def test_the_print_spacing_of_a_mark_the_scan_sets_apart_is_kept() -> None:
    """French print sets ``«`` ``»`` ``:`` apart from their words, and its OCR shows the blanks;
    a draft with straight quotes and plain spacing lacks them. The scan's habit (the marks
    apart more often than against a word) keeps the print's blank; where the reference sets
    the quote class typographically (``„``), the OCR's ``» `` is a misread glyph and its blank
    goes with it."""
    base = ("« Chaque geste compte » : le tri progresse.\n\nLes habitants trient : « papier » et "
            "« verre ».\n\nLe bilan : « bon ».\n")
    ref = ('"Chaque geste compte": le tri progresse.\n\nLes habitants trient: "papier" et '
           '"verre".\n\nLe bilan: "bon".\n')
    review = Review(compare(edition(base), edition(ref, "r.txt")))
    review.apply_suggestions()
    assert review.canonical_text() == base  # every glyph and blank is the print's
    german = "» Wir brauchen Wasser.\n\n» Luft ist gut.\n\n» Boden lebt.\n"
    german_ref = "„Wir brauchen Wasser.\n\n„Luft ist gut.\n\n„Boden lebt.\n"
    review = Review(compare(edition(german), edition(german_ref, "r.txt")))
    review.apply_suggestions()
    assert review.canonical_text() == german_ref


def test_a_moved_paragraph_is_one_move_and_apply_restores_the_order() -> None:
    a = "Die Luft in Deutschland ist in den letzten Jahren deutlich besser geworden und die Emissionen sanken."
    b = "Betrachtet man die fünf wichtigsten Luftschadstoffe getrennt, so zeigt sich ein gemischtes Bild für alle."
    c = "Ammoniak wird heute ähnlich häufig ausgestoßen wie zur Jahrtausendwende in allen Regionen des Landes."
    d = "Schluss: Es bleibt viel zu tun für die Bundesregierung und die Länder in den kommenden Jahren hier."
    base = "\n\n".join([a, c.replace("häufig", "hänfig"), b, d]) + "\n"
    ref = "\n\n".join([a, b, c, d]) + "\n"
    comparison = compare(edition(base), edition(ref, "r.txt"))
    moved = [x for x in comparison.changes if x.reason == "moved paragraph"]
    assert len(moved) == 2 and all(x.kind is Kind.LAYOUT for x in moved)
    review = Review(comparison)
    review.apply_suggestions()
    assert review.canonical_text() == ref  # the misread inside the moved paragraph corrected too
    accept_all(review)
    assert review.canonical_text() == ref


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_on_real_ocr_furniture_goes_and_no_genuine_edit_is_taken() -> None:
    pair = CORPUS / "sv_sou_2025_96_kommunsektorn"
    from app.loading import load_edition
    comparison = compare(load_edition(pair / "ocr_swe.txt"), load_edition(pair / "draft.txt"))
    furniture = [c for c in comparison.changes if c.reason == "page furniture"]
    assert len(furniture) >= 15 and all("SOU 2025:96" in c.base_text for c in furniture)
    review = Review(comparison)
    review.apply_suggestions(numbers=True)
    text = review.canonical_text()
    assert "SOU 2025:96 1" not in text.replace("SOU 2025:96)", "")
    content = [c for c in comparison.changes if c.kind is Kind.CONTENT]
    assert len(content) <= 15 + 19  # genuine edits plus one a page at most


def test_a_cut_never_leaves_two_equal_texts() -> None:
    """Found by hypothesis: a wall-cut piece whose two sides read the same is no change."""
    b, r = "länets 2024\n\n .1", "länets 2024\n\n 5.1"
    pieces = refine([Hunk(0, len(b), 0, len(r))], b, r, [(len(b) - 2, len(b))])
    assert all(b[h.b_start:h.b_end] != r[h.r_start:h.r_end] for h in pieces)
    comparison = compare(edition(b), edition(r, "r.txt"))
    review = Review(comparison)
    accept_all(review)
    assert review.canonical_text() == r


def test_a_bullet_the_ocr_read_is_a_bullet_against_the_drafts_checkbox() -> None:
    """A word processor's checkbox list printed as bullets: the OCR's round debris says bullet."""
    for base, ref in (("¢", "\u2612"), ("_©", "\u2610"), ("- ©", "\uf0b7")):
        verdict = classify(base, ref, "\n", " ")
        assert verdict.kind is Kind.TYPOGRAPHY and verdict.suggestion.decision.text == "\u2022", (base, ref)


def test_words_the_ocr_set_apart_from_their_lines_are_put_back() -> None:
    ref = ("Der Indikator Anteil der Menschen mit einem Abschluss der Sekundarstufe II zeigt, wie viele "
           "Menschen mindestens eine abgeschlossene Berufsausbildung oder eine Hochschulreife haben.\n\n"
           "Wer heute in Deutschland die Hochschulreife erlangt, hat gute Chancen.\n")
    base = ("Der Indikator Anteil der Menschen mit\nAbschluss der Sekundarstufe II zeigt,\n"
            "Menschen mindestens eine abgeschlossene\nBerufsausbildung oder eine Hochschulreife haben.\n\n"
            "einem\nwie viele\n\n"
            "Wer heute in Deutschland die Hochschulreife erlangt, hat gute Chancen.\n")
    comparison = compare(edition(base), edition(ref, "r.txt"))
    apart = [x for x in comparison.changes if x.reason == "words set apart"]
    assert len(apart) == 4 and all(x.kind is Kind.LAYOUT for x in apart)
    assert not [x for x in comparison.changes if x.kind is Kind.CONTENT]
    review = Review(comparison)
    review.apply_suggestions()
    assert review.canonical_text().split() == ref.split()  # the print's line breaks kept, the words back


def test_words_set_apart_go_back_past_a_line_break_the_reference_lacks() -> None:
    """A hyphenated line end (``EU-2020-`` + break + ``Strategie``) must not pair its break
    with the reference's space and leave ``Strategie`` unpaired: the words set apart (``für``,
    ``und``; ``für`` misread) go back where the reference has them, and a misread word
    against its inserted neighbours still pairs with its own word after they are put back."""
    ref = ("Damit kam Deutschland dem Ziel der „EU-2020-Strategie für Beschäftigung und intelligentes, "
           "nachhaltiges und integratives Wachstum“ sehr nahe. Die Bundesregierung bekennt sich "
           "nachdrücklich zu den Leitprinzipien für Wirtschaft.\n\nEuropaweit sank der Anteil.\n")
    base = ("Damit kam Deutschland dem Ziel der „EU-2020-\nStrategie Beschaftigung intelligentes,\n"
            "nachhaltiges und integratives Wachstum“ sehr nahe. Die Bundesregierung bekennt sich\n"
            "_ nachdriicklich\nLeitprinzipien fiir Wirtschaft.\n\nfiir und\n\nzu den\n\n"
            "Europaweit sank der Anteil.\n")
    review = Review(compare(edition(base), edition(ref, "r.txt")))
    review.apply_suggestions()
    text = " ".join(review.canonical_text().split())
    assert "EU-2020-Strategie für Beschäftigung und intelligentes" in text
    assert "nachdrücklich zu den Leitprinzipien" in text


def test_words_set_apart_after_a_misread_line_end_go_back_into_a_reworded_sentence() -> None:
    """The German print, OCR'd: ``umfangreiches`` and ``sowie mit`` left their lines for lines
    of their own after the paragraph, right after a misread word at a line's end
    (``Schutzausriistung``) and a line the draft rewords. The words set apart are whole lines
    and go back (``umfangreiches`` into the reworded sentence, kept as the draft's edit there);
    the misread line end before them is no part of their block."""
    ref = ("Politische Maßnahmen können das subjektive Sicherheitsgefühl der Menschen nur mittelbar "
           "beeinflussen. Ein umfangreiches Sicherheitspaket stärkt die Sicherheitsbehörden bundesweit, "
           "u.a. mit 4.000 neuen Stellen bei der Bundespolizei, sowie mit Schutzausrüstung und "
           "Einsatzmittel.\n\nUmfassende Sicherheit in Deutschland\n")
    base = ("Das subjektive Sicherheitsgefiihl der Menschen ist\ndurch politische MaBnahmen nur indirekt "
            "beeinflussbar.\nEin Sicherheitspaket stärkt die\nSicherheitsbehörden bundesweit, u.a. mit 4.000 "
            "neuen\nStellen bei der Bundespolizei, Schutzausriistung\nEinsatzmittel.\n\numfangreiches\n\n"
            "sowie mit und\n\nUmfassende Sicherheit in Deutschland\n")
    review = Review(compare(edition(base), edition(ref, "r.txt")))
    review.apply_suggestions(numbers=True)  # as `proofpair apply` does
    text = " ".join(review.canonical_text().split())
    assert "Bundespolizei, sowie mit Schutzausrüstung und Einsatzmittel." in text
    assert "Ein umfangreiches Sicherheitspaket" in text
    assert "Einsatzmittel. Umfassende Sicherheit" in text  # nothing left of the block


def test_a_reordered_sentence_inside_lines_is_not_taken_for_words_set_apart() -> None:
    ref = "Auf die Hälfte der Befragten traf dies im Jahr 2016 zu, sagt der Bericht.\n\nEin zweiter Absatz.\n"
    base = "Im Jahr 2016 traf dies auf die Hälfte der Befragten zu, sagt der Bericht.\n\nEin zweiter Absatz.\n"
    comparison = compare(edition(base), edition(ref, "r.txt"))
    assert not [x for x in comparison.changes if x.reason.startswith("words set apart")]
    assert [x for x in comparison.changes if x.kind is Kind.CONTENT]


def test_a_moved_paragraph_leaves_a_stray_word_at_its_edge_to_its_own_change() -> None:
    a = "Die Luft in Deutschland ist in den letzten Jahren deutlich besser geworden und die Emissionen sanken."
    b = "Betrachtet man die fünf wichtigsten Luftschadstoffe getrennt, so zeigt sich ein gemischtes Bild für alle."
    c = "Ammoniak wird heute ähnlich häufig ausgestoßen wie zur Jahrtausendwende in allen Regionen des Landes."
    d = "Schluss: Es bleibt viel zu tun für die Bundesregierung und die Länder in den kommenden Jahren hier."
    base = "\n\n".join([a, c, b + "\n\nallein", d]) + "\n"
    ref = "\n\n".join([a, b, c, d]) + "\n"
    comparison = compare(edition(base), edition(ref, "r.txt"))
    moved = [x for x in comparison.changes if x.reason == "moved paragraph"]
    assert len(moved) == 2 and "allein" not in moved[0].base_text + moved[1].base_text
    stray = [x for x in comparison.changes if "allein" in x.base_text]
    assert len(stray) == 1 and stray[0].kind is Kind.CONTENT and stray[0].base_text.strip() == "allein"


def test_a_bullet_in_the_print_against_a_dash_list_marker_stays_a_bullet() -> None:
    for ocr in ("•", "«", "*"):
        verdict = classify(f"{ocr} ", "–\t", "\n", "F", False, None)
        assert verdict.kind is Kind.TYPOGRAPHY and verdict.reason == "list marker"
        decision = verdict.suggestion.decision
        taken = {Verdict.REJECTED: f"{ocr} ", Verdict.ACCEPTED: "–\t"}.get(decision.verdict, decision.text)
        assert taken == "• "


def test_words_set_apart_after_the_next_heading_go_back_to_their_section() -> None:
    ref = ("1. Bildung\n\nDer Indikator Anteil der Menschen mit einem Abschluss der Sekundarstufe II zeigt, wie "
           "viele Menschen eine Berufsausbildung haben.\n\n2. Sicherheit\n\nDie Menschen fühlen sich in "
           "Deutschland sicher, sagt die Umfrage des Jahres.\n")
    base = ("1. Bildung\n\nDer Indikator Anteil der Menschen mit\nAbschluss der Sekundarstufe II zeigt,\n"
            "Menschen eine Berufsausbildung haben.\n\n2. Sicherheit\n\neinem\nwie viele\n\n"
            "Die Menschen fühlen sich in Deutschland sicher, sagt die Umfrage des Jahres.\n")
    comparison = compare(edition(base), edition(ref, "r.txt"))
    apart = [x for x in comparison.changes if x.reason == "words set apart"]
    assert {x.section for x in apart} == {s.key for s in comparison.sections if s.number in ("1", "2")}
    assert not [x for x in comparison.changes if x.kind is Kind.CONTENT]
    review = Review(comparison)
    review.apply_suggestions()
    assert review.canonical_text().split() == ref.split()


def test_a_soft_hyphen_of_the_digital_edition_stays_inside_its_word() -> None:
    comparison = compare(edition("Die Qualitätsoffensive Lehrerbildung wirkt.\n"),
                         edition("Die Qualitäts\u00adoffensive Lehrerbildung wirkt.\n", "r.txt"))
    assert [(x.base_text, x.reference_text) for x in comparison.changes] == [
        ("Qualitätsoffensive", "Qualitäts\u00adoffensive")]


def test_a_capital_drawn_like_its_small_letter_is_an_ocr_case_misread_and_others_are_not() -> None:
    assert classify("Sig", "sig", " ", " ", False, None).kind is Kind.OCR
    assert classify("Strategic", "strategic", " ", " ", False, None).kind is Kind.OCR
    assert classify("Http", "http", " ", " ", False, None).kind is Kind.CONTENT


def test_walls_given_in_any_order_cut_a_hunk_into_pieces_that_tile_it() -> None:
    base = "Stickstoffoxid-\n\n\fLebensqualität in Deutschland\n\n"
    hunk = Hunk(0, len(base), 0, 0)
    walls = [(18, 47), (0, 14), (10, 20)]  # furniture, then a moved word, then one overlapping both
    pieces = refine([hunk], base, "", walls)
    covered = [(p.b_start, p.b_end) for p in pieces]
    assert covered == sorted(covered)
    assert all(a[1] <= b[0] for a, b in zip(covered, covered[1:]))  # no two pieces overlap
    assert "".join(base[a:b] for a, b in covered) == base  # nothing lost, nothing twice


def test_a_capital_inside_a_small_lettered_token_is_a_word_only_as_the_reference_spells_it() -> None:
    words = Words("groBe groBe groBe Maßnahmen BAföG", "große Maßnahmen BAföG grobe")
    assert not words.is_word("groBe") and words.is_word("BAföG") and words.is_word("grobe")
    assert classify("groBe", "große", " ", " ", False, words).kind is Kind.OCR


def test_suggestions_taken_together_never_glue_two_words_the_reference_keeps_apart() -> None:
    from app.judge.spacing import unglued
    from app.model import ACCEPT, REJECT, Change, Span, Suggestion
    base, ref = "A B", "A der x Ausgaben B"

    def change(b: tuple[int, int], r: tuple[int, int], kind: Kind, decision=None) -> Change:
        return Change(f"c{r[0]}", "s", Span(*b), Span(*r), base[b[0]:b[1]], ref[r[0]:r[1]], kind,
                      None if decision is None else Suggestion(decision, "why"), 0.85)

    changes = [change((2, 2), (2, 5), Kind.LAYOUT, ACCEPT), change((2, 2), (5, 8), Kind.CONTENT),
               change((2, 2), (8, 16), Kind.LAYOUT, ACCEPT), change((2, 2), (16, 17), Kind.LAYOUT, REJECT)]
    fixed = unglued(changes, base, ref, (0, 0))
    written = "A " + "".join(c.base_text if c.suggestion is None else c.final_text(c.suggestion.decision)
                             for c in fixed) + "B"
    assert written == "A der Ausgaben B"
    assert unglued(fixed, base, ref, (0, 0)) == fixed  # nothing left to mend


def test_a_running_head_damaged_differently_on_each_page_is_one_running_head() -> None:
    body = "Ordinary running text of the report, line after line, about nothing in particular.\n"
    heads = ["Lebensqualitat in Deutschland", "Lebensqualitdat in Deutschland", "Lebensqualitat in Deutschland",
             "Lebensqualitdt in Deutschland", "Lebensqualitdat in Deutschland", "Lebensqualitat in Deutschland"]
    text = "\f".join(f"{head}\n\n" + body * 5 for head in heads)
    spans = find_furniture(text, body * 30)
    assert [text[a:b] for a, b in spans] == heads  # the lone 'Lebensqualitdt' too


def test_a_number_the_ocr_split_with_a_space_is_joined_and_a_different_number_is_not() -> None:
    verdict = classify("1 152", "1152", "/", "/", False, None)
    assert verdict.kind is Kind.OCR and verdict.suggestion.decision.verdict is Verdict.ACCEPTED
    assert classify("1 152", "1153", "/", "/", False, None).kind is Kind.CONTENT


def test_an_abbreviation_whose_dots_the_ocr_lost_is_one_misread_word() -> None:
    comparison = compare(edition("Det har framhållits av bla. Stiglitz och andra.\n"),
                         edition("Det har framhållits av bl.a. Stiglitz och andra.\n", "r.txt"))
    assert [(x.base_text, x.reference_text, x.kind) for x in comparison.changes] == [("bla.", "bl.a.", Kind.OCR)]
    review = Review(comparison)
    review.apply_suggestions()
    assert review.canonical_text() == "Det har framhållits av bl.a. Stiglitz och andra.\n"


def test_a_word_left_alone_once_its_neighbour_is_put_back_is_looked_for_again() -> None:
    base = ("Der Index umfasst Vogelarten, die in den wichtigsten Landschaftstypen\nsind. Änderungen\n\nfür\n\n"
            "heimisch im Bestand dieser\n\nVogelarten erlauben Aussagen zur Qualität der Landschaft.\n")
    ref = ("Der Index umfasst Vogelarten, die in den wichtigsten Landschaftstypen heimisch sind. Änderungen im "
           "Bestand dieser Vogelarten erlauben für Aussagen zur Qualität der Landschaft.\n")
    comparison = compare(edition(base), edition(ref, "r.txt"))
    assert not [x for x in comparison.changes if x.kind is Kind.CONTENT]
    review = Review(comparison)
    review.apply_suggestions()
    assert review.canonical_text().split() == ref.split()


def test_a_space_the_ocr_lost_between_two_words_is_one_misread() -> None:
    """``samti`` against ``samt i`` cut as ``samti``/``samt`` plus a lone inserted ``i``: the
    pieces differ from the reference only in a space, so they are one OCR join, not content."""
    comparison = compare(edition("Statens styrning är omfattande samti vissa delar oförutsägbar.\n"),
                         edition("Statens styrning är omfattande samt i vissa delar oförutsägbar.\n", "r.txt"))
    assert [x.kind for x in comparison.changes] == [Kind.OCR]
    review = Review(comparison)
    review.apply_suggestions()
    assert review.canonical_text() == "Statens styrning är omfattande samt i vissa delar oförutsägbar.\n"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_a_reworded_sentence_keeps_the_prints_wording_with_its_misreads_read_back() -> None:
    """German print OCR'd with the English model: ``Halfte``, ``Jahrigen`` inside a sentence the
    draft rewords. The content change suggests the print's wording with the misreads this OCR
    makes hundreds of times elsewhere (``a`` for ``ä``) read back; it is never in a bulk accept."""
    from app.bulk import Scope
    from app.bulk import plan as bulk_plan
    from app.loading import load_edition

    pair = CORPUS / "de_lebensqualitaet_2016"
    review = Review(compare(load_edition(pair / "ocr_eng.txt"), load_edition(pair / "draft.txt")))
    edit = next(c for c in review.changes if "Halfte der 18" in c.base_text)
    assert edit.kind is Kind.CONTENT and edit.suggestion is not None and not edit.bulk_safe
    repaired = edit.suggestion.decision.text
    assert repaired.startswith("Im Jahr 2016 traf dies auf die Hälfte der 18- bis 64-\nJährigen")
    assert edit.id not in bulk_plan(review, Scope.DOCUMENT).decisions
    review.apply_suggestions(numbers=True)  # as `proofpair apply` does
    assert "auf die Hälfte der 18- bis 64-\nJährigen zu" in review.canonical_text()


def test_garbage_is_no_print_to_repair() -> None:
    """Where most of a content change does not read as text, nothing is suggested, however
    many of its words a confusion reads back."""
    from collections import Counter

    from app.classify import Classification, print_repaired
    from app.judge.channel import Channel

    reference = "Die Hälfte der Jährigen und die Hälfte der Menschen " * 3
    words = Words("", reference, lexicon=None, channel=Channel(Counter({("a", "ä"): 40})))
    content = Classification(Kind.CONTENT, None, 0.9)
    clean = print_repaired(content, "die Halfte der Menschen", "mehr als die Hälfte", words)
    assert clean.suggestion is not None and clean.suggestion.decision.text == "die Hälfte der Menschen"
    garbage = print_repaired(content, "die Halfte g__I5ch Ma_nahm[n A(_u(kp2u", "die Hälfte", words)
    assert garbage.suggestion is None
    assert print_repaired(content, "die Hälfte der Leute", "die Menschen", words).suggestion is None  # nothing to read back


def test_a_print_of_unknown_but_well_formed_words_is_repaired() -> None:
    """Most of a Polish sentence the draft rewords is words the reference never uses and no
    installed dictionary knows: each piece is still shaped as a word, so it is print to keep,
    with the misreads the channel knows read back. Garbage of the same share is not."""
    from collections import Counter

    from app.classify import Classification, print_repaired
    from app.judge.channel import Channel

    reference = "proszą o tworzenie małych ogrodów w ubiegłym roku " * 3
    words = Words("", reference, lexicon=None, channel=Channel(Counter({("t", "ł"): 14, ("o", "ó"): 17})))
    content = Classification(Kind.CONTENT, None, 0.9)
    polish = print_repaired(content, "zgtaszaja potrzebe tworzenia matych ogrodow", "proszą o tworzenie", words)
    assert polish.suggestion is not None
    assert polish.suggestion.decision.text == "zgtaszaja potrzebe tworzenia małych ogrodów"
    garbage = print_repaired(content, "zg[aszaja pOtrzebe tw_rzenia matych ogrodow", "proszą o tworzenie", words)
    assert garbage.suggestion is None


def test_a_print_word_is_read_back_in_its_own_case_and_at_some_of_its_places() -> None:
    """The long s read as ``f``: ``omftällningfförmåga`` holds three ``f``, two of them long s;
    ``Statfbidrag`` opens a sentence where the reference has ``statsbidrag`` inside one."""
    from collections import Counter

    from app.judge.channel import Channel

    reference = "omställningsförmåga och statsbidrag, som sagt, för alla " * 2
    words = Words("", reference, lexicon=None, channel=Channel(Counter({("f", "s"): 200})))
    assert words.reading("omftällningfförmåga", 5) == "omställningsförmåga"
    assert words.reading("Statfbidrag", 5) == "Statsbidrag"
    assert words.reading("fom", 5) == "som"
    assert words.reading("för", 5) is None  # a word of the document stays


def test_a_print_word_is_read_back_through_two_confusions() -> None:
    """Polish read with the English model: ``wptyneto`` is ``wpłynęło``, ``ł`` read as ``t``
    twice and ``ę`` as ``e`` once; each confusion alone reads back no word of the reference."""
    from collections import Counter

    from app.judge.channel import Channel

    reference = "w ubiegłym roku wpłynęło w tej sprawie 41 wniosków " * 2
    words = Words("", reference, lexicon=None, channel=Channel(Counter({("t", "ł"): 14, ("e", "ę"): 7})))
    assert words.reading("wptyneto", 5) == "wpłynęło"
    assert words.reading("wptyneto", 10) is None  # ``e`` for ``ę`` is too rare at that bar
    assert words.reading("ubiegtym", 5) == "ubiegłym"


def test_a_short_word_is_read_back_where_the_diff_sets_it_against_one_word_only() -> None:
    """Swedish read with the English model: ``pa`` for ``på``, ``for`` for ``för``. Words this
    short are some other word after one glyph of anything, so their own looks read none back;
    but where the diff sets each against one reference word only, time after time, a reworded
    sentence's print gets them back too. One the diff sets against two words does not."""
    from collections import Counter

    from app.judge.channel import Channel

    reference = "arbete på vissa orter för alla och inget annat än det, så som sagt"
    words = Words("", reference, lexicon=None, channel=Channel(Counter({("a", "å"): 40, ("o", "ö"): 30})))
    words.learn_readings(Counter({("pa", "på"): 12, ("for", "för"): 9, ("sa", "så"): 7, ("sa", "sagt"): 1,
                                  ("ar", "är"): 2}))
    repaired, count = words.repaired("de ska for mindre foretag pa orten sa ar det", 5, 4)
    assert repaired == "de ska för mindre foretag på orten sa ar det" and count == 2
