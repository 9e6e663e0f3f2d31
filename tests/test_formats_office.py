"""DOCX, ODT, HTML and Markdown read as their reader sees them: numbering, bullets, notes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from app import formats
from rapidfuzz.distance import Levenshtein

from app.engine import compare_files
from app.loading import load_edition
from app.review import Review
from formats_fixtures import PAIRS, corpus_pair

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADING_NUMBERING = f"""<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
 <w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
 <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
 <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
 <w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve"> Källa: SCB 2024.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _numbered_docx(path: Path) -> Path:
    """Headings numbered by Word (1, 1.1, 1.2, 2), a lettered level, bullets, and a footnote."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(HEADING_NUMBERING))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, style in enumerate(("Heading 1", "Heading 2", "Heading 3")):
        p_pr = document.styles[style].element.get_or_add_pPr()
        p_pr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    document.add_paragraph("Rapportens titel", style="Title")
    document.add_heading("Inledning", level=1)
    document.add_paragraph("Länets utveckling beskrivs här.")
    document.add_heading("Bakgrund", level=2)
    document.add_paragraph("Första punkten", style="List Bullet")
    document.add_paragraph("Andra punkten", style="List Bullet")
    document.add_heading("Syfte", level=2)
    document.add_heading("Delmål", level=3)
    document.add_heading("Resultat", level=1)
    note = document.add_paragraph("Befolkningen växte")
    note.add_run().element.append(parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="1"/>'))
    note.add_run(" under året.")
    assert qn("w:p")
    document.save(path)
    _add_footnotes_part(path)
    return path


def _add_footnotes_part(path: Path) -> None:
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members["word/footnotes.xml"] = FOOTNOTES.encode()
    rels = members["word/_rels/document.xml.rels"].decode()
    members["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footnotes" Target="footnotes.xml"/></Relationships>')).encode()
    types = members["[Content_Types].xml"].decode()
    members["[Content_Types].xml"] = types.replace("</Types>", (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>')).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def test_docx_renders_word_numbering_bullets_and_footnotes(tmp_path: Path) -> None:
    edition = formats.load(_numbered_docx(tmp_path / "rapport.docx"))
    assert edition.source_format == "docx"
    assert edition.text == ("Rapportens titel\n\n1 Inledning\n\nLänets utveckling beskrivs här.\n\n"
                            "1.1 Bakgrund\n\n• Första punkten\n\n• Andra punkten\n\n1.2 Syfte\n\nA. Delmål\n\n"
                            "2 Resultat\n\nBefolkningen växte1 under året.\n\nFootnotes\n\n1 Källa: SCB 2024.\n")


@pytest.mark.parametrize("pair", list(PAIRS))
def test_corpus_docx_is_the_draft_text(pair: str) -> None:
    """draft.docx reads as draft.txt does, short of the export artifacts the corpus lists
    (tab after numbers, bullet glyphs, trailing spaces, blank runs, hard line breaks)."""

    folder = corpus_pair(pair)
    docx_text = formats.load(folder / "draft.docx").text
    draft = load_edition(folder / "draft.txt").text

    def plain(text: str) -> str:
        text = re.sub(r"^(\uf0b7|–|•|☒|☐)\s*", "", text, flags=re.M)
        return " ".join(text.replace("\u00ad", "").split())

    assert Levenshtein.normalized_distance(plain(docx_text), plain(draft)) < 0.002
    assert "\n\n\n" not in docx_text and not re.search(r" +\n", docx_text)


@pytest.mark.parametrize("pair", list(PAIRS))
def test_hocr_and_docx_compare_like_the_text_pair(pair: str) -> None:
    folder = corpus_pair(pair)
    ocr = f"ocr_{PAIRS[pair]}"
    texts = compare_files(folder / f"{ocr}.txt", folder / "draft.txt")
    files = compare_files(folder / f"{ocr}.hocr", folder / "draft.docx")
    assert (files.base.source_format, files.reference.source_format) == ("hocr", "docx")
    # every section both text editions share is there, and no new one-sided ones appear
    shared = {s.number for s in texts.sections if s.only_in is None}
    assert shared == {s.number for s in files.sections if s.only_in is None}
    assert sum(s.only_in is not None for s in files.sections) <= sum(s.only_in is not None for s in texts.sections)

    # classification at least as good: the canonical text after every suggestion is as close
    # to the printed truth (within a tenth of a percent of CER) as from the .txt pair
    truth = " ".join((folder / "canonical.txt").read_text(encoding="utf-8").split())

    def cer(comparison) -> float:  # type: ignore[no-untyped-def]
        review = Review(comparison)
        review.apply_suggestions(numbers=True)
        return Levenshtein.normalized_distance(" ".join(review.canonical_text().split()), truth)

    assert cer(files) <= cer(texts) + 0.001
    assert sum(c.kind == "content" for c in files.changes) <= 1.25 * sum(c.kind == "content" for c in texts.changes) + 3


def test_odt_headings_lists_and_notes(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, Note, \
        NoteBody, NoteCitation, P

    doc = OpenDocumentText()
    bullets = ListStyle(name="B")
    bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
    numbers = ListStyle(name="N")
    numbers.addElement(ListLevelStyleNumber(level=1, numformat="a", numsuffix=")"))
    doc.automaticstyles.addElement(bullets)
    doc.automaticstyles.addElement(numbers)
    doc.text.addElement(H(outlinelevel=1, text="2.1 Mål"))
    para = P(text="Text med not")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Notens text."))
    note.addElement(body)
    para.addElement(note)
    doc.text.addElement(para)
    for style, items in (("B", ["ett", "två"]), ("N", ["första", "andra"])):
        lst = List(stylename=style)
        for item in items:
            entry = ListItem()
            entry.addElement(P(text=item))
            lst.addElement(entry)
        doc.text.addElement(lst)
    doc.save(str(tmp_path / "utkast.odt"))
    edition = formats.load(tmp_path / "utkast.odt")
    assert edition.source_format == "odt"
    assert edition.text == ("2.1 Mål\n\nText med not1\n\n• ett\n\n• två\n\na) första\n\nb) andra\n\n"
                            "Footnotes\n\n1 Notens text.\n")


def test_html_and_markdown(tmp_path: Path) -> None:
    page = tmp_path / "rapport.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head><body>"
                    "<h1>1 Inledning</h1><p>Länets   utveckling<br>fortsätter.</p>"
                    "<ul><li>ett</li><li>två</li></ul><ol start='3'><li>tre</li></ol></body></html>",
                    encoding="utf-8")
    edition = formats.load(page)
    assert edition.source_format == "html"
    assert edition.text == "1 Inledning\n\nLänets utveckling\nfortsätter.\n\n• ett\n\n• två\n\n3. tre\n"
    notes = tmp_path / "rapport.md"
    notes.write_text("# 1 Inledning\n\nLänets *utveckling*\nfortsätter.\n\n## 1.1 Mål\n\n- ett\n- två\n",
                     encoding="utf-8")
    edition = formats.load(notes)
    assert edition.source_format == "markdown"
    assert edition.text == "1 Inledning\n\nLänets utveckling fortsätter.\n\n1.1 Mål\n\n• ett\n\n• två\n"
    # a .md file that is not Markdown but plain text with no markup reads the same way
    plain = tmp_path / "plain.txt"
    plain.write_text("1 Inledning\n", encoding="utf-8")
    assert formats.load(plain).source_format == "text"


def _unnumbered_report(path: Path) -> tuple[list[str], Path]:
    """A Word report whose Heading 1 paragraphs carry no numbers; one heading starts in lower
    case and a table caption looks like a heading, so layout alone would outline it wrongly."""
    import docx

    headings = ["Inledning", "eHälsa i regionerna", "Resultat och slutsatser", "Bilaga om metoden"]
    bodies = [["Rapporten beskriver hur kommunerna och regionerna har utvecklats under året.",
               "Tabell 1 Kostnader per invånare", "Kostnaderna steg i alla län utom två."],
              ["Digitala tjänster används allt mer i vården och omsorgen.", "Fler invånare loggar in varje månad."],
              ["Sammantaget är ekonomin stark men skillnaderna mellan länen ökar.",
               "Figur 2 Skatteintäkter per län", "Intäkterna ökade med två procent."],
              ["Uppgifterna kommer från räkenskapssammandraget och enkäter."]]
    document = docx.Document()
    for heading, body in zip(headings, bodies):
        document.add_heading(heading, level=1)
        for text in body:
            document.add_paragraph(text)
    document.save(path)
    return headings, path


def test_word_heading_styles_outline_a_report_whose_headings_carry_no_numbers(tmp_path: Path) -> None:
    from app.sections import align_sections

    headings, path = _unnumbered_report(tmp_path / "draft.docx")
    draft = formats.load(path)
    assert [h.title for h in draft.headings] == headings
    assert all(draft.text[h.span.start:h.span.end] == h.title for h in draft.headings)
    (tmp_path / "print.txt").write_text(draft.text, encoding="utf-8")  # the same report as plain text
    printed = load_edition(tmp_path / "print.txt")

    sections = [s for s in align_sections(printed, draft) if s.key != "front"]
    assert [s.title for s in sections] == headings  # one section a heading, each paired
    assert all(s.base_heading is not None and s.reference_heading is not None for s in sections)
    assert [printed.text[s.base.start:s.base.end].split("\n")[0] for s in sections] == headings

    # the text alone outlines it otherwise: the captions look like headings, "eHälsa" does not
    by_layout = [s.title for s in align_sections(printed, printed) if s.key != "front"]
    assert by_layout != headings and "Tabell 1 Kostnader per invånare" in by_layout

    review = Review(compare_files(tmp_path / "print.txt", path))  # through the engine, the same outline
    assert [s.title for s in review.sections if s.key != "front"] == headings
