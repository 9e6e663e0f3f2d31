<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Bulk</name>
    <message>
        <source>Accept suggestions</source>
        <translation>Acceptera förslag</translation>
    </message>
    <message>
        <source>Accept suggestions of a kind</source>
        <translation>Acceptera förslag av en typ</translation>
    </message>
    <message>
        <source>Kind (pending changes with a suggestion):</source>
        <translation>Typ (obeslutade ändringar med förslag):</translation>
    </message>
    <message>
        <source>Accept suggestions of a pattern</source>
        <translation>Acceptera förslag med ett mönster</translation>
    </message>
    <message>
        <source>OCR confusion (pending changes):</source>
        <translation>OCR-förväxling (obeslutade ändringar):</translation>
    </message>
    <message>
        <source>%1 content changes (a person decides)</source>
        <translation>%1 innehållsändringar (en människa avgör)</translation>
    </message>
    <message>
        <source>%1 changes touching a number</source>
        <translation>%1 ändringar som rör ett tal</translation>
    </message>
    <message>
        <source>%1 without a suggestion</source>
        <translation>%1 utan förslag</translation>
    </message>
    <message>
        <source>%1 below the confidence threshold (%2%)</source>
        <translation>%1 under säkerhetsgränsen (%2 %)</translation>
    </message>
    <message>
        <source>%1 below the threshold (%2%) since you overruled the same pattern elsewhere</source>
        <translation>%1 under tröskeln (%2 %) eftersom du frångick samma mönster på andra ställen</translation>
    </message>
    <message>
        <source>Nothing to accept</source>
        <translation>Inget att acceptera</translation>
    </message>
    <message>
        <source>No pending OCR pattern is left.</source>
        <translation>Det finns inga obeslutade OCR-mönster kvar.</translation>
    </message>
    <message>
        <source>By kind:</source>
        <translation>Per typ:</translation>
    </message>
    <message>
        <source>This is one step you can undo.</source>
        <translation>Det här är ett steg som du kan ångra.</translation>
    </message>
    <message>
        <source>No pending change %1 has a suggestion that may be applied in bulk.</source>
        <translation>Ingen obeslutad ändring %1 har ett förslag som får tillämpas på en gång.</translation>
    </message>
    <message>
        <source>For example:</source>
        <translation>Till exempel:</translation>
    </message>
    <message>
        <source>Skipped, left for you:</source>
        <translation>Hoppas över, lämnas åt dig:</translation>
    </message>
    <message>
        <source>Apply the suggestion to %1 pending changes %2?</source>
        <translation>Använda förslaget för %1 obeslutade ändringar %2?</translation>
    </message>
    <message>
        <source>Apply the suggestion to %1 pending changes %2?

Content changes and changes touching numbers are never included. This is one step you can undo.</source>
        <translation type="vanished">Tillämpa förslaget på %1 obeslutade ändringar %2?

Innehållsändringar och ändringar som rör tal tas aldrig med. Det här är ett enda steg som du kan ångra.</translation>
    </message>
</context>
<context>
    <name>CanonicalView</name>
    <message>
        <source>Canonical text</source>
        <translation>Kanonisk text</translation>
    </message>
</context>
<context>
    <name>ChangeEditor</name>
    <message>
        <source>Edited text</source>
        <translation>Redigerad text</translation>
    </message>
    <message>
        <source>Text to use; Ctrl+Enter saves, Esc cancels</source>
        <translation>Text att använda; Ctrl+Enter sparar, Esc avbryter</translation>
    </message>
    <message>
        <source>Word by word</source>
        <translation>Ord för ord</translation>
    </message>
    <message>
        <source>Line by line</source>
        <translation>Rad för rad</translation>
    </message>
    <message>
        <source>Take part of the change</source>
        <translation>Ta en del av ändringen</translation>
    </message>
    <message>
        <source>Tick a piece to take the reference&apos;s reading:</source>
        <translation>Kryssa i en del för att ta referensens lydelse:</translation>
    </message>
    <message>
        <source>Pieces of the change</source>
        <translation>Ändringens delar</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Spara (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>ChangeInspector</name>
    <message>
        <source>Change inspector</source>
        <translation>Ändringsdetaljer</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Base text</source>
        <translation>Bastext</translation>
    </message>
    <message>
        <source>Reference text</source>
        <translation>Referenstext</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Förslag</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation type="vanished">&amp;Acceptera</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="vanished">A&amp;vvisa</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="vanished">&amp;Redigera…</translation>
    </message>
    <message>
        <source>Take the reference text (A)</source>
        <translation>Använd referenstexten (A)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Acceptera</translation>
    </message>
    <message>
        <source>Keep the base text (R)</source>
        <translation>Behåll bastexten (R)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <source>Write the text yourself (E)</source>
        <translation>Skriv texten själv (E)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <source>OCR word confidence %1%</source>
        <translation>OCR-säkerhet för orden %1 %</translation>
    </message>
    <message>
        <source>Adds or removes a bidirectional control character (%1): it can make text read in reverse.</source>
        <translation>Lägger till eller tar bort ett dubbelriktat styrtecken (%1): det kan få text att läsas baklänges.</translation>
    </message>
    <message>
        <source>Never included in bulk accepts (content, a number or a bidi control).</source>
        <translation>Tas aldrig med i massgodkännanden (innehåll, ett tal eller ett dubbelriktat styrtecken).</translation>
    </message>
    <message>
        <source>lowered from %1% — you overruled this pattern (%2) %3×, took it %4×</source>
        <translation>sänkt från %1 % — du frångick det här mönstret (%2) %3×, följde det %4×</translation>
    </message>
    <message>
        <source>raised from %1% — you took this pattern (%2) %4×, overruled it %3×</source>
        <translation>höjd från %1 % — du följde det här mönstret (%2) %4×, frångick det %3×</translation>
    </message>
    <message>
        <source>Edited text</source>
        <translation type="vanished">Redigerad text</translation>
    </message>
    <message>
        <source>Text to use; Enter saves, Esc cancels</source>
        <translation type="vanished">Text att använda; Enter sparar, Esc avbryter</translation>
    </message>
    <message>
        <source>%1 · confidence %2%</source>
        <translation>%1 · säkerhet %2 %</translation>
    </message>
    <message>
        <source>none — decide yourself</source>
        <translation>inget – bestäm själv</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>acceptera</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>avvisa</translation>
    </message>
    <message>
        <source>edit to “%1”</source>
        <translation>ändra till ”%1”</translation>
    </message>
    <message>
        <source>Never included in bulk accepts (content or a number).</source>
        <translation type="vanished">Tas aldrig med när flera ändringar accepteras på en gång (innehåll eller ett tal).</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <source>Filter by kind</source>
        <translation>Filtrera efter typ</translation>
    </message>
    <message>
        <source>All but layout</source>
        <translation>Alla utom layout</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>No change in this section matches these filters (%1 hidden).</source>
        <translation>Ingen ändring i avsnittet passar filtren (%1 dolda).</translation>
    </message>
    <message>
        <source>No changes in this section.</source>
        <translation>Inga ändringar i det här avsnittet.</translation>
    </message>
    <message>
        <source>Filter by decision</source>
        <translation>Filtrera efter beslut</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>Alla beslut</translation>
    </message>
    <message>
        <source>Changes in this section</source>
        <translation>Ändringar i detta avsnitt</translation>
    </message>
    <message>
        <source>Changes in section</source>
        <translation>Ändringar i avsnittet</translation>
    </message>
</context>
<context>
    <name>ChangeTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Edited: %1</source>
        <translation>Redigerad: %1</translation>
    </message>
</context>
<context>
    <name>ComparePanes</name>
    <message>
        <source>Base edition (OCR)</source>
        <extracomment>How much text a pane takes per event-loop turn while a long edition is fed in (~3 ms). layer name -&gt; priority (higher paints on top)</extracomment>
        <translation>Basutgåva (OCR)</translation>
    </message>
    <message>
        <source>Reference edition (digital)</source>
        <translation>Referensutgåva (digital)</translation>
    </message>
</context>
<context>
    <name>Decider</name>
    <message>
        <source>Every change is decided: File › Export › Canonical Text (Ctrl+E) writes the result.</source>
        <translation>Alla ändringar är beslutade: Arkiv › Exportera › Kanonisk text (Ctrl+E) skriver resultatet.</translation>
    </message>
    <message>
        <source>Review complete</source>
        <translation>Granskningen är klar</translation>
    </message>
    <message>
        <source>Every change is decided. Export the canonical text now?</source>
        <translation>Alla ändringar är beslutade. Exportera den kanoniska texten nu?</translation>
    </message>
    <message>
        <source>Accept change</source>
        <translation>Acceptera ändring</translation>
    </message>
    <message>
        <source>Reject change</source>
        <translation>Avvisa ändring</translation>
    </message>
    <message>
        <source>Edit change</source>
        <translation>Redigera ändring</translation>
    </message>
    <message>
        <source>%1 identical cases are pending: Review › Same Decision for Identical Cases (Ctrl+Shift+I) gives them this decision.</source>
        <translation>%1 identiska fall är obeslutade: Granska › Samma beslut för identiska fall (Ctrl+Skift+I) ger dem detta beslut.</translation>
    </message>
    <message>
        <source>Decide this change first; then its identical pending cases can take the same decision.</source>
        <translation>Besluta först om den här ändringen; sedan kan dess identiska obeslutade fall få samma beslut.</translation>
    </message>
    <message>
        <source>Same decision for %1 identical cases</source>
        <translation>Samma beslut för %1 identiska fall</translation>
    </message>
    <message>
        <source>in section %1</source>
        <translation>i avsnitt %1</translation>
    </message>
    <message>
        <source>in the document</source>
        <translation>i dokumentet</translation>
    </message>
    <message>
        <source>of this kind</source>
        <translation>av den här typen</translation>
    </message>
    <message>
        <source>with this confusion</source>
        <translation>med den här förväxlingen</translation>
    </message>
    <message>
        <source>Accept %1 suggestions</source>
        <translation>Acceptera %1 förslag</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find bar</source>
        <translation>Sökfält</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>Sök text</translation>
    </message>
    <message>
        <source>Find in both editions and the canonical text</source>
        <translation>Sök i båda utgåvorna och i den kanoniska texten</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Träffar</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Föregående träff</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nästa träff</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Stäng sökfältet</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Sök:</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Inga träffar</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>OCR error</source>
        <translation>OCR-fel</translation>
    </message>
    <message>
        <source>Typography</source>
        <translation>Typografi</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Innehåll</translation>
    </message>
</context>
<context>
    <name>KindLegend</name>
    <message>
        <source>Legend of change kinds</source>
        <translation>Teckenförklaring för ändringstyper</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Canonical text (live)</source>
        <translation>Kanonisk text (uppdateras medan du granskar)</translation>
    </message>
    <message>
        <source>Document progress</source>
        <translation>Förlopp i dokumentet</translation>
    </message>
    <message>
        <source>Section progress</source>
        <translation>Förlopp i avsnittet</translation>
    </message>
    <message>
        <source>Comparison progress</source>
        <translation>Jämförelsens förlopp</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel comparison</source>
        <translation>Avbryt jämförelsen</translation>
    </message>
    <message>
        <source>Comparing the editions…</source>
        <extracomment>The comparison is complete and shown: Save and Export are possible from now on.</extracomment>
        <translation>Jämför utgåvorna…</translation>
    </message>
    <message>
        <source>Cannot open session</source>
        <translation>Det går inte att öppna sessionen</translation>
    </message>
    <message>
        <source>The session %1 points at editions it was not saved with:</source>
        <translation>Sessionen %1 pekar på utgåvor som den inte sparades med:</translation>
    </message>
    <message>
        <source>Open them only if you know this session and these files. Open anyway?</source>
        <translation>Öppna dem bara om du känner till sessionen och filerna. Öppna ändå?</translation>
    </message>
    <message>
        <source>Session not opened</source>
        <translation>Sessionen öppnades inte</translation>
    </message>
    <message>
        <source>Open these editions?</source>
        <translation>Öppna dessa utgåvor?</translation>
    </message>
    <message>
        <source>&amp;Open anyway</source>
        <translation>&amp;Öppna ändå</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Det går inte att öppna</translation>
    </message>
    <message>
        <source>Drop two editions (the OCR&apos;d scan and the digital text) or one ProofPair session.</source>
        <translation>Släpp två utgåvor (den OCR-lästa skanningen och den digitala texten) eller en ProofPair-session.</translation>
    </message>
    <message>
        <source>Cannot open edition</source>
        <translation>Det går inte att öppna utgåvan</translation>
    </message>
    <message>
        <source>%1 is the OCR&apos;d base (guessed)</source>
        <translation type="vanished">%1 är den OCR-lästa basen (gissning)</translation>
    </message>
    <message>
        <source>%1 is the OCR&apos;d base</source>
        <translation type="vanished">%1 är den OCR-lästa basen</translation>
    </message>
    <message>
        <source>Which edition is the base?</source>
        <translation type="vanished">Vilken utgåva är basen?</translation>
    </message>
    <message>
        <source>The base is the OCR&apos;d scan; its text is kept unless you accept a change.</source>
        <translation>Basen är den OCR-lästa skanningen; dess text behålls om du inte accepterar en ändring.</translation>
    </message>
    <message>
        <source>Comparison cancelled: the sections compared so far can be reviewed; to save or export, use File › Compare Again.</source>
        <translation>Jämförelsen avbröts: de avsnitt som hunnit jämföras kan granskas; för att spara eller exportera, välj Arkiv › Jämför igen.</translation>
    </message>
    <message>
        <source>Base (OCR): %1</source>
        <translation>Bas (OCR): %1</translation>
    </message>
    <message>
        <source>Reference (digital): %1</source>
        <translation>Referens (digital): %1</translation>
    </message>
    <message>
        <source>Compared: %1 sections, %2 changes.</source>
        <translation>Jämfört: %1 avsnitt, %2 ändringar.</translation>
    </message>
    <message>
        <source>Session reopened with differences</source>
        <translation>Sessionen öppnades igen med skillnader</translation>
    </message>
    <message>
        <source>How the editions were read</source>
        <translation>Hur utgåvorna lästes</translation>
    </message>
    <message>
        <source>Check the editions</source>
        <translation>Kontrollera utgåvorna</translation>
    </message>
    <message>
        <source>Cannot compare the editions</source>
        <translation>Det går inte att jämföra utgåvorna</translation>
    </message>
    <message>
        <source>Next and previous go least confident first.</source>
        <translation>Nästa och föregående går till de minst säkra ändringarna först.</translation>
    </message>
    <message>
        <source>Next and previous go in document order.</source>
        <translation>Nästa och föregående följer dokumentets ordning.</translation>
    </message>
    <message>
        <source>Comparison cancelled; the sections compared so far can be reviewed but not saved.</source>
        <translation type="vanished">Jämförelsen avbröts; de avsnitt som hunnit jämföras kan granskas men inte sparas.</translation>
    </message>
    <message>
        <source>Section %1 is still being compared.</source>
        <translation type="vanished">Avsnitt %1 jämförs fortfarande.</translation>
    </message>
    <message>
        <source>No more pending changes in this direction.</source>
        <translation type="vanished">Inga fler obeslutade ändringar åt det här hållet.</translation>
    </message>
    <message>
        <source>No more changes in this direction.</source>
        <translation type="vanished">Inga fler ändringar åt det här hållet.</translation>
    </message>
    <message>
        <source>Accept change</source>
        <translation type="vanished">Acceptera ändring</translation>
    </message>
    <message>
        <source>Reject change</source>
        <translation type="vanished">Avvisa ändring</translation>
    </message>
    <message>
        <source>Edit change</source>
        <translation type="vanished">Redigera ändring</translation>
    </message>
    <message>
        <source>in section %1</source>
        <translation type="vanished">i avsnitt %1</translation>
    </message>
    <message>
        <source>in the document</source>
        <translation type="vanished">i dokumentet</translation>
    </message>
    <message>
        <source>of this kind</source>
        <translation type="vanished">av den här typen</translation>
    </message>
    <message>
        <source>with this confusion</source>
        <translation type="vanished">med den här förväxlingen</translation>
    </message>
    <message>
        <source>Accept %1 suggestions</source>
        <translation type="vanished">Acceptera %1 förslag</translation>
    </message>
    <message>
        <source>No editions open</source>
        <translation>Inga utgåvor öppna</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Section %1: %2 pending · %3% reviewed</source>
        <translation>Avsnitt %1: %2 obeslutade · %3 % granskat</translation>
    </message>
    <message>
        <source>Canonical text of section %1 (live)</source>
        <translation>Kanonisk text för avsnitt %1 (uppdateras medan du granskar)</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation type="vanished">Avsnitt %1</translation>
    </message>
    <message>
        <source>%1: %2 pending · %3 accepted · %4 rejected · %5 edited · %6% reviewed</source>
        <translation type="vanished">%1: %2 obeslutade · %3 accepterade · %4 avvisade · %5 redigerade · %6 % granskat</translation>
    </message>
    <message>
        <source>%1: %2 pending · %3 accepted · %4 rejected · %5 edited — %6% reviewed</source>
        <translation type="vanished">%1: %2 obeslutade · %3 accepterade · %4 avvisade · %5 redigerade – %6 % granskat</translation>
    </message>
    <message>
        <source>No editions</source>
        <translation>Inga utgåvor</translation>
    </message>
    <message>
        <source>Open the two editions</source>
        <translation>Öppna de två utgåvorna</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="vanished">Textfiler (*.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Öppna session</translation>
    </message>
    <message>
        <source>ProofPair sessions (*%1)</source>
        <translation>ProofPair-sessioner (*%1)</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Spara session</translation>
    </message>
    <message>
        <source>Cannot save yet</source>
        <translation>Det går inte att spara ännu</translation>
    </message>
    <message>
        <source>Wait until the comparison is complete.</source>
        <translation>Vänta tills jämförelsen är klar.</translation>
    </message>
    <message>
        <source>Cannot save session</source>
        <translation>Det går inte att spara sessionen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparade %1</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>Editions (*.txt *.pdf *.docx *.odt *.hocr *.xml *.html *.htm *.md *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Utgåvor (*.txt *.pdf *.docx *.odt *.hocr *.xml *.html *.htm *.md *.png *.jpg *.jpeg *.tif *.tiff);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Swap the editions?</source>
        <translation>Byta plats på utgåvorna?</translation>
    </message>
    <message>
        <source>Keep the order given</source>
        <translation>Behåll ordningen</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>Återställa osparat arbete?</translation>
    </message>
    <message>
        <source>Restore opens them as an unsaved review (Save asks where to save it); Discard deletes them.</source>
        <translation>Återställ öppnar dem som en osparad granskning (Spara frågar var den ska sparas); Förkasta tar bort dem.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Återställ</translation>
    </message>
    <message>
        <source>%1 is a scan to OCR, so it is the base.</source>
        <translation type="vanished">%1 är en skanning som ska OCR-läsas, så den är basen.</translation>
    </message>
    <message>
        <source>Use %1 as the base</source>
        <translation>Använd %1 som bas</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporterade %1</translation>
    </message>
    <message>
        <source>ProofPair did not close normally. Decisions from %1 were kept that were never saved.</source>
        <translation>ProofPair avslutades inte normalt. Beslut från %1 som aldrig sparades finns kvar.</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Kan inte återställa</translation>
    </message>
    <message>
        <source>%1 was given as the base, but %2 looks like the OCR&apos;d edition.</source>
        <translation>%1 angavs som bas, men %2 ser ut att vara den OCR-lästa utgåvan.</translation>
    </message>
    <message>
        <source>%1 accepted · %2 rejected · %3 edited · %4 decided otherwise (re-attached, or saved before ProofPair recorded how)</source>
        <translation>%1 accepterade · %2 avvisade · %3 redigerade · %4 beslutade på annat sätt (återkopplade, eller sparade innan ProofPair registrerade hur)</translation>
    </message>
    <message>
        <source>%1: %2 pending · %3 by hand · %4 in bulk · %5% reviewed</source>
        <translation>%1: %2 obeslutade · %3 för hand · %4 i klump · %5 % granskat</translation>
    </message>
    <message>
        <source>Unsaved decisions</source>
        <translation>Osparade beslut</translation>
    </message>
    <message>
        <source>Save your decisions before closing?</source>
        <translation>Vill du spara dina beslut innan du stänger?</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Open Editions…</source>
        <translation>&amp;Öppna utgåvor…</translation>
    </message>
    <message>
        <source>Open &amp;Session…</source>
        <translation type="vanished">Öppna sess&amp;ion…</translation>
    </message>
    <message>
        <source>Open Sess&amp;ion…</source>
        <translation>Öppna sess&amp;ion…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Öppna senas&amp;te</translation>
    </message>
    <message>
        <source>Open the Sa&amp;mple</source>
        <translation>Öppna e&amp;xemplet</translation>
    </message>
    <message>
        <source>&amp;Compare Again</source>
        <translation>&amp;Jämför igen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Spara s&amp;om…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Sök…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Granska</translation>
    </message>
    <message>
        <source>&amp;Accept Change</source>
        <translation>&amp;Acceptera ändring</translation>
    </message>
    <message>
        <source>&amp;Reject Change</source>
        <translation>A&amp;vvisa ändring</translation>
    </message>
    <message>
        <source>&amp;Edit Change…</source>
        <translation>&amp;Redigera ändring…</translation>
    </message>
    <message>
        <source>Accept and Go to &amp;Next Pending</source>
        <translation>Acceptera och gå till &amp;nästa obeslutade</translation>
    </message>
    <message>
        <source>Reject and Go to Ne&amp;xt Pending</source>
        <translation>Avvisa och gå till nästa o&amp;beslutade</translation>
    </message>
    <message>
        <source>Same Decision for &amp;Identical Cases</source>
        <translation>Samma beslut för &amp;identiska fall</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Gå &amp;till</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>&amp;Nästa ändring</translation>
    </message>
    <message>
        <source>&amp;Previous Change</source>
        <translation>&amp;Föregående ändring</translation>
    </message>
    <message>
        <source>Next Pendin&amp;g Change</source>
        <translation>Nästa o&amp;beslutade ändring</translation>
    </message>
    <message>
        <source>Previo&amp;us Pending Change</source>
        <translation>Föregående obesl&amp;utade ändring</translation>
    </message>
    <message>
        <source>Next &amp;Content Change</source>
        <translation>Nästa &amp;innehållsändring</translation>
    </message>
    <message>
        <source>Previous C&amp;ontent Change</source>
        <translation>Föregående innehålls&amp;ändring</translation>
    </message>
    <message>
        <source>Next Change of This &amp;Kind</source>
        <translation>Nästa ändring av samma t&amp;yp</translation>
    </message>
    <message>
        <source>Previous Change of This K&amp;ind</source>
        <translation>Föregående ändring av sa&amp;mma typ</translation>
    </message>
    <message>
        <source>Show &amp;Decided Changes</source>
        <translation>Visa &amp;beslutade ändringar</translation>
    </message>
    <message>
        <source>Review &amp;Order</source>
        <translation>Gransknings&amp;ordning</translation>
    </message>
    <message>
        <source>&amp;Canonical Text (Line Breaks Kept)…</source>
        <translation>&amp;Kanonisk text (radbrytningar kvar)…</translation>
    </message>
    <message>
        <source>Canonical Text (&amp;Reflowed)…</source>
        <translation>Kanonisk text (&amp;ombruten)…</translation>
    </message>
    <message>
        <source>Decision &amp;Log as CSV…</source>
        <translation>Beslutslogg som &amp;CSV…</translation>
    </message>
    <message>
        <source>Decision Log as &amp;JSON…</source>
        <translation>Beslutslogg som &amp;JSON…</translation>
    </message>
    <message>
        <source>S&amp;ummary…</source>
        <translation>&amp;Sammanfattning…</translation>
    </message>
    <message>
        <source>Accept the &amp;Confident Suggestions…</source>
        <translation>Acceptera de säkra försla&amp;gen…</translation>
    </message>
    <message>
        <source>Next Pe&amp;nding Change</source>
        <translation type="vanished">Nästa &amp;obeslutade ändring</translation>
    </message>
    <message>
        <source>Previous Pen&amp;ding Change</source>
        <translation type="vanished">Föregående o&amp;beslutade ändring</translation>
    </message>
    <message>
        <source>Next &amp;Section</source>
        <translation>Nästa &amp;avsnitt</translation>
    </message>
    <message>
        <source>Previous S&amp;ection</source>
        <translation>Föregående a&amp;vsnitt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Review &amp;Plan…</source>
        <translation>Gransk&amp;ningsplan…</translation>
    </message>
    <message>
        <source>Show &amp;Layout Changes</source>
        <translation>Visa &amp;layoutändringar</translation>
    </message>
    <message>
        <source>&amp;Bigger Text</source>
        <translation>&amp;Större text</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>&amp;Mindre text</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>S&amp;pråk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Canonical Text (Line Breaks Kept)…</source>
        <translation type="vanished">Kanonisk text (radbrytningar behållna)…</translation>
    </message>
    <message>
        <source>Canonical Text (Reflowed)…</source>
        <translation type="vanished">Kanonisk text (ombruten)…</translation>
    </message>
    <message>
        <source>Decision Log as CSV…</source>
        <translation type="vanished">Beslutslogg som CSV…</translation>
    </message>
    <message>
        <source>Decision Log as JSON…</source>
        <translation type="vanished">Beslutslogg som JSON…</translation>
    </message>
    <message>
        <source>Summary…</source>
        <translation type="vanished">Sammanfattning…</translation>
    </message>
    <message>
        <source>Accept Suggestions in &amp;Section…</source>
        <translation>Acceptera förslag i av&amp;snittet…</translation>
    </message>
    <message>
        <source>Accept Suggestions in &amp;Document…</source>
        <translation>Acceptera förslag i &amp;dokumentet…</translation>
    </message>
    <message>
        <source>Accept Suggestions of a &amp;Kind…</source>
        <translation>Acceptera förslag av en &amp;typ…</translation>
    </message>
    <message>
        <source>Accept Suggestions of a &amp;Pattern…</source>
        <translation>Acceptera förslag med ett &amp;mönster…</translation>
    </message>
    <message>
        <source>&amp;Document Order</source>
        <translation>&amp;Dokumentets ordning</translation>
    </message>
    <message>
        <source>&amp;Least Confident First</source>
        <translation>&amp;Minst säkra först</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Ljust</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Mörkt</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kortkommando</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(inga ännu)</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Section %1 is still being compared.</source>
        <extracomment>The current section is now ``key`` (emitted before ``current_changed``). The current change is now ``change_id`` (``&quot;&quot;``: none) in section ``key``. A move could not be made, in words for the status bar. Which changes a step may stop at (the window hides layout changes by default). The order next and previous step in (View › Review Order).</extracomment>
        <translation>Avsnitt %1 jämförs fortfarande.</translation>
    </message>
    <message>
        <source>No more pending changes in this direction.</source>
        <translation>Inga fler obeslutade ändringar åt det här hållet.</translation>
    </message>
    <message>
        <source>No more changes of this kind in this direction.</source>
        <translation>Inga fler ändringar av den här typen åt det här hållet.</translation>
    </message>
    <message>
        <source>No more changes in this direction.</source>
        <translation>Inga fler ändringar åt det här hållet.</translation>
    </message>
</context>
<context>
    <name>OpenEditions</name>
    <message>
        <source>English</source>
        <extracomment>Tesseract&apos;s language packs an editor is likely to have, named in the UI&apos;s language; other packs are named by Qt (in English) or by their code.</extracomment>
        <translation>engelska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <source>German</source>
        <translation>tyska</translation>
    </message>
    <message>
        <source>French</source>
        <translation>franska</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>norska</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>danska</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <source>German (Fraktur)</source>
        <translation>tyska (frakturstil)</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>ren text</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word-dokument</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument-text</translation>
    </message>
    <message>
        <source>hOCR (OCR with word boxes)</source>
        <translation>hOCR (OCR med ordrutor)</translation>
    </message>
    <message>
        <source>ALTO XML (OCR)</source>
        <translation>ALTO XML (OCR)</translation>
    </message>
    <message>
        <source>PAGE XML (OCR)</source>
        <translation>PAGE XML (OCR)</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>scan, %1 page, OCR needed</source>
        <translation>skanning, %1 sida, behöver OCR</translation>
    </message>
    <message>
        <source>scan, %1 pages, OCR needed</source>
        <translation>skanning, %1 sidor, behöver OCR</translation>
    </message>
    <message>
        <source>PDF with text, %1 page</source>
        <translation>PDF med text, %1 sida</translation>
    </message>
    <message>
        <source>PDF with text, %1 pages</source>
        <translation>PDF med text, %1 sidor</translation>
    </message>
    <message>
        <source>page image, %1 page, OCR needed</source>
        <translation>sidbild, %1 sida, behöver OCR</translation>
    </message>
    <message>
        <source>page images, %1 pages, OCR needed</source>
        <translation>sidbilder, %1 sidor, behöver OCR</translation>
    </message>
    <message>
        <source>Open Editions</source>
        <translation>Öppna utgåvor</translation>
    </message>
    <message>
        <source>Which edition is the base?</source>
        <translation>Vilken utgåva är basen?</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Jämför</translation>
    </message>
    <message>
        <source>%1 heading</source>
        <translation>%1 rubrik</translation>
    </message>
    <message>
        <source>%1 headings</source>
        <translation>%1 rubriker</translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation>%1 sida</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 sidor</translation>
    </message>
    <message>
        <source>%1 line</source>
        <translation>%1 rad</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 rader</translation>
    </message>
    <message>
        <source>The base is the OCR&apos;d scan; its text is kept unless you accept a change.</source>
        <translation>Basen är den OCR-lästa skanningen; dess text behålls om du inte accepterar en ändring.</translation>
    </message>
    <message>
        <source>Looking at the editions…</source>
        <translation>Tittar på utgåvorna…</translation>
    </message>
    <message>
        <source>OCR &amp;language:</source>
        <translation>OCR-&amp;språk:</translation>
    </message>
    <message>
        <source>%1 are read by OCR in this language.</source>
        <translation>%1 OCR-läses på det här språket.</translation>
    </message>
    <message>
        <source>Tesseract OCR is not installed, so the scan cannot be read unless it was read before. Install it with its language packs, e.g. on Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-swe</source>
        <translation>Tesseract OCR är inte installerat, så skanningen kan inte läsas om den inte har lästs tidigare. Installera det med språkpaketen, t.ex. på Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-swe</translation>
    </message>
    <message>
        <source>%1 is a scan to OCR, so it is the base.</source>
        <translation>%1 är en skanning som ska OCR-läsas, så den är basen.</translation>
    </message>
    <message>
        <source>%1 is read by OCR in this language (guessed from %2).</source>
        <translation>%1 OCR-läses på det här språket (gissat utifrån %2).</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <source>Change map</source>
        <extracomment>The strip counts ticks in this many slices of the document; a paint draws one row per pixel from them (a cached image), so 332,500 changes cost no more to show than 3,000. The lanes, in pixels from the left edge: [start, end) of each.</extracomment>
        <translation>Ändringskarta</translation>
    </message>
    <message>
        <source>Every change in the document; click to go to one</source>
        <translation>Alla ändringar i dokumentet; klicka för att gå till en</translation>
    </message>
    <message>
        <source>Change map: click to go to the nearest change</source>
        <translation>Ändringskarta: klicka för att gå till närmaste ändring</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>No page image for this edition</source>
        <extracomment>Lines of context above and below the change in the cropped view (in heights of its words).</extracomment>
        <translation>Ingen sidbild för den här utgåvan</translation>
    </message>
    <message>
        <source>The page image cannot be shown</source>
        <translation>Sidbilden kan inte visas</translation>
    </message>
    <message>
        <source>Rendering page %1…</source>
        <translation>Ritar sida %1…</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Sida %1</translation>
    </message>
    <message>
        <source>OCR confidence %1%</source>
        <translation>OCR-säkerhet %1 %</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Sida</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>quotation mark</source>
        <translation>citattecken</translation>
    </message>
    <message>
        <source>apostrophe</source>
        <translation>apostrof</translation>
    </message>
    <message>
        <source>dash</source>
        <translation>streck</translation>
    </message>
    <message>
        <source>bullet</source>
        <translation>punkt</translation>
    </message>
    <message>
        <source>checkbox</source>
        <translation>kryssruta</translation>
    </message>
    <message>
        <source>space</source>
        <translation>mellanslag</translation>
    </message>
    <message>
        <source>ellipsis</source>
        <translation>ellips</translation>
    </message>
    <message>
        <source>ligature or private-use glyph</source>
        <translation>ligatur eller privat tecken</translation>
    </message>
    <message>
        <source>historical or compatibility letterform</source>
        <translation>historisk bokstavsform eller kompatibilitetsform</translation>
    </message>
    <message>
        <source>line break</source>
        <translation>radbrytning</translation>
    </message>
    <message>
        <source>spacing</source>
        <translation>avstånd</translation>
    </message>
    <message>
        <source>blank lines</source>
        <translation>tomrader</translation>
    </message>
    <message>
        <source>trailing spaces</source>
        <translation>avslutande mellanslag</translation>
    </message>
    <message>
        <source>hyphenation</source>
        <translation>avstavning</translation>
    </message>
    <message>
        <source>a number differs</source>
        <translation>ett tal skiljer sig</translation>
    </message>
    <message>
        <source>different text</source>
        <translation>annan text</translation>
    </message>
    <message>
        <source>confusion table</source>
        <translation>förväxlingstabell</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>brus</translation>
    </message>
    <message>
        <source>keep the print&apos;s wording, with {count} misread word(s) read back as this OCR&apos;s misreads are elsewhere</source>
        <translation>behåll tryckets ordalydelse, med {count} felläst(a) ord återställda som denna OCR:s felläsningar är på andra ställen</translation>
    </message>
    <message>
        <source>not a word of this document, yet spelled like one, with a misread this OCR makes nowhere else</source>
        <translation>inget ord i detta dokument, men stavat som ett, med en felläsning som denna OCR inte gör någon annanstans</translation>
    </message>
    <message>
        <source>the print sets {mark} apart from its word ({count} times in this scan): keep the space</source>
        <translation>trycket sätter {mark} fritt från ordet ({count} gånger i denna skanning): behåll mellanslaget</translation>
    </message>
    <message>
        <source>footnote {marker} of the document&apos;s count: take it</source>
        <translation>fotnot {marker} i dokumentets numrering: ta den</translation>
    </message>
    <message>
        <source>the OCR engine doubted every word here: its noise, remove it</source>
        <translation>OCR-motorn tvivlade på varje ord här: brus, ta bort det</translation>
    </message>
    <message>
        <source>These editions look like different reports: only {shared} of their words are shared. Check that you opened the right pair.</source>
        <translation>Utgåvorna ser ut att vara olika rapporter: bara {shared} av orden är gemensamma. Kontrollera att du öppnat rätt par.</translation>
    </message>
    <message>
        <source>{share} of the base edition&apos;s text differs in content from the reference, though {shared} of their words are shared: the OCR may have read the page in another order (two columns line by line). Check the scan&apos;s reading order, or OCR it again with automatic page segmentation.</source>
        <translation>{share} av basutgåvans text skiljer sig i innehåll från referensen, fast {shared} av orden är gemensamma: OCR:en kan ha läst sidan i en annan ordning (två spalter rad för rad). Kontrollera skanningens läsordning, eller kör OCR igen med automatisk sidsegmentering.</translation>
    </message>
    <message>
        <source>{right} misread as {wrong}</source>
        <translation>{right} feltolkat som {wrong}</translation>
    </message>
    <message>
        <source>diacritic lost on {right}</source>
        <translation>diakritiskt tecken tappat på {right}</translation>
    </message>
    <message>
        <source>{right} read as {count} marks {wrong}</source>
        <translation>{right} läst som {count} tecken {wrong}</translation>
    </message>
    <message>
        <source>{parts}</source>
        <translation>{parts}</translation>
    </message>
    <message>
        <source>{name} looks like the OCR edition (score {score} against {other}: fewer diacritics, more digits or marks inside words)</source>
        <translation>{name} ser ut som OCR-utgåvan (poäng {score} mot {other}: färre diakritiska tecken, fler siffror eller märken inuti ord)</translation>
    </message>
    <message>
        <source>footnote number</source>
        <translation type="vanished">fotnotsnummer</translation>
    </message>
    <message>
        <source>page furniture</source>
        <translation>sidelement</translation>
    </message>
    <message>
        <source>word split or joined</source>
        <translation>ord delat eller ihopskrivet</translation>
    </message>
    <message>
        <source>stray mark</source>
        <translation>lösa märken</translation>
    </message>
    <message>
        <source>specks</source>
        <translation>skräptecken</translation>
    </message>
    <message>
        <source>punctuation misread</source>
        <translation>feltolkat skiljetecken</translation>
    </message>
    <message>
        <source>lost punctuation</source>
        <translation>förlorat skiljetecken</translation>
    </message>
    <message>
        <source>not a word</source>
        <translation>inget ord</translation>
    </message>
    <message>
        <source>text in one edition only</source>
        <translation>text i bara en utgåva</translation>
    </message>
    <message>
        <source>footnote number read as debris</source>
        <translation>fotnotsnummer tolkat som skräp</translation>
    </message>
    <message>
        <source>list marker</source>
        <translation>listmarkör</translation>
    </message>
    <message>
        <source>moved paragraph</source>
        <translation>flyttat stycke</translation>
    </message>
    <message>
        <source>moved paragraph with edits</source>
        <translation>flyttat stycke med ändringar</translation>
    </message>
    <message>
        <source>words set apart</source>
        <translation>utbrutna ord</translation>
    </message>
    <message>
        <source>words set apart, with edits</source>
        <translation>utbrutna ord, med ändringar</translation>
    </message>
    <message>
        <source>learned confusion</source>
        <translation>inlärd förväxling</translation>
    </message>
    <message>
        <source>end-of-line hyphen from the print; keep the printed line break (reflowed export joins it)</source>
        <translation>avstavning vid radslut i trycket; behåll den tryckta radbrytningen (omflödad export fogar ihop den)</translation>
    </message>
    <message>
        <source>OCR noise inside a word: take the reference reading</source>
        <translation>OCR-brus inuti ett ord: ta referensens läsning</translation>
    </message>
    <message>
        <source>space glyph: keep no-break spaces, plain spaces otherwise</source>
        <translation>mellanslagstecken: behåll hårda mellanslag, annars vanliga mellanslag</translation>
    </message>
    <message>
        <source>{what}: keep the base&apos;s line breaks, drop trailing spaces and extra blank lines</source>
        <translation>{what}: behåll basens radbrytningar, ta bort avslutande mellanslag och extra tomrader</translation>
    </message>
    <message>
        <source>page furniture of the print: remove it</source>
        <translation>sidelement från trycket: ta bort det</translation>
    </message>
    <message>
        <source>{name}: keep the print&apos;s glyph {glyph}</source>
        <translation>{name}: behåll tryckets tecken {glyph}</translation>
    </message>
    <message>
        <source>{name}: the print shows a bullet</source>
        <translation>{name}: trycket visar en punkt</translation>
    </message>
    <message>
        <source>{name}: use the standard Unicode form</source>
        <translation>{name}: använd standardformen i Unicode</translation>
    </message>
    <message>
        <source>OCR: {parts}</source>
        <translation>OCR: {parts}</translation>
    </message>
    <message>
        <source>OCR: {word} is not a word of this document; the reference reads {reading}</source>
        <translation>OCR: {word} är inget ord i detta dokument; referensen har {reading}</translation>
    </message>
    <message>
        <source>OCR: this scan misreads {pattern} {count} times elsewhere</source>
        <translation>OCR: den här skanningen feltolkar {pattern} {count} gånger på andra ställen</translation>
    </message>
    <message>
        <source>OCR: {right} misread as {wrong}</source>
        <translation>OCR: {right} feltolkat som {wrong}</translation>
    </message>
    <message>
        <source>OCR lost the mark {mark}</source>
        <translation>OCR tappade tecknet {mark}</translation>
    </message>
    <message>
        <source>scan specks {specks}: remove them</source>
        <translation>skräptecken från skanningen {specks}: ta bort dem</translation>
    </message>
    <message>
        <source>moved paragraph: the reference has it elsewhere; remove it here</source>
        <translation>flyttat stycke: referensen har det på annan plats; ta bort det här</translation>
    </message>
    <message>
        <source>moved paragraph: put the print&apos;s words here, where the reference has them</source>
        <translation>flyttat stycke: sätt in tryckets ord här, där referensen har dem</translation>
    </message>
    <message>
        <source>words the OCR set apart from their line: remove them here</source>
        <translation>ord som OCR:en brutit ut ur sin rad: ta bort dem här</translation>
    </message>
    <message>
        <source>words the OCR set apart from their line: put them back here</source>
        <translation>ord som OCR:en brutit ut ur sin rad: sätt tillbaka dem här</translation>
    </message>
    <message>
        <source>OCR: </source>
        <translation type="vanished">OCR: </translation>
    </message>
    <message>
        <source>%1 looks like the OCR edition (score %2 against %3: fewer diacritics, more digits or marks inside words)</source>
        <translation type="vanished">%1 ser ut som OCR-utgåvan (poäng %2 mot %3: färre diakritiska tecken, fler siffror eller märken inuti ord)</translation>
    </message>
    <message>
        <source>scan specks %1: remove them</source>
        <translation type="vanished">skräptecken från skanningen %1: ta bort dem</translation>
    </message>
    <message>
        <source>OCR: %1 is not a word of this document; the reference reads %2</source>
        <translation type="vanished">OCR: %1 är inget ord i detta dokument; referensen har %2</translation>
    </message>
    <message>
        <source>OCR lost the mark %1</source>
        <translation type="vanished">OCR tappade tecknet %1</translation>
    </message>
    <message>
        <source>OCR: this scan misreads %1 %2 times elsewhere</source>
        <translation type="vanished">OCR: den här skanningen feltolkar %1 %2 gånger på andra ställen</translation>
    </message>
    <message>
        <source>%1: the print shows a bullet</source>
        <translation type="vanished">%1: trycket visar en punkt</translation>
    </message>
    <message>
        <source>%1: keep the print&apos;s glyph %2</source>
        <translation type="vanished">%1: behåll tryckets tecken %2</translation>
    </message>
    <message>
        <source>%1: keep the base&apos;s line breaks, drop trailing spaces and extra blank lines</source>
        <translation type="vanished">%1: behåll basens radbrytningar, ta bort avslutande mellanslag och extra tomrader</translation>
    </message>
    <message>
        <source>%1: use the standard Unicode form</source>
        <translation type="vanished">%1: använd standardformen i Unicode</translation>
    </message>
    <message>
        <source>%1 misread as %2</source>
        <translation type="vanished">%1 feltolkat som %2</translation>
    </message>
    <message>
        <source>diacritic lost on %1</source>
        <translation type="vanished">diakritiskt tecken tappat på %1</translation>
    </message>
    <message>
        <source>%1 read as %2 marks %3</source>
        <translation type="vanished">%1 läst som %2 tecken %3</translation>
    </message>
    <message>
        <source>footnote number %1 read as %2</source>
        <translation type="vanished">fotnotsnummer %1 läst som %2</translation>
    </message>
</context>
<context>
    <name>ReviewPlanDialog</name>
    <message>
        <source>Review plan</source>
        <extracomment>The plan&apos;s columns after the section: why a person is needed.</extracomment>
        <translation>Granskningsplan</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 differences&lt;/b&gt; carry a confident suggestion (%2% or more): %3.</source>
        <translation>&lt;b&gt;%1 skillnader&lt;/b&gt; har ett säkert förslag (%2 % eller mer): %3.</translation>
    </message>
    <message>
        <source>Accept the Confident Suggestions… (Ctrl+Shift+A)</source>
        <translation>Acceptera de säkra förslagen… (Ctrl+Skift+A)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 need a person&lt;/b&gt;, by section (double-click one to go there):</source>
        <translation>&lt;b&gt;%1 behöver en människa&lt;/b&gt;, per avsnitt (dubbelklicka för att gå dit):</translation>
    </message>
    <message>
        <source>Start Reviewing</source>
        <translation>Börja granska</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Innehåll</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Tal</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Osäkra</translation>
    </message>
    <message>
        <source>No suggestion</source>
        <translation>Inget förslag</translation>
    </message>
    <message>
        <source>Changes that need a person, by section</source>
        <translation>Ändringar som behöver en människa, per avsnitt</translation>
    </message>
</context>
<context>
    <name>SectionNavigator</name>
    <message>
        <source>Sections</source>
        <translation>Avsnitt</translation>
    </message>
</context>
<context>
    <name>SectionTreeModel</name>
    <message>
        <source>Section</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Kvar</translation>
    </message>
    <message>
        <source>not compared yet</source>
        <translation>inte jämfört ännu</translation>
    </message>
    <message>
        <source>%1 of %2 changes pending</source>
        <translation>%1 av %2 ändringar obeslutade</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klar</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 obeslutade</translation>
    </message>
    <message>
        <source>(before the first heading)</source>
        <translation>(före första rubriken)</translation>
    </message>
    <message>
        <source>(only in base)</source>
        <translation>(bara i basen)</translation>
    </message>
    <message>
        <source>(only in reference)</source>
        <translation>(bara i referensen)</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>Pending</source>
        <extracomment>``beginFilterChange``/``endFilterChange(Direction)`` exist from Qt 6.10, which deprecates ``invalidateRowsFilter``; pyproject allows 6.8, so both are used, by version. the roles :meth:`ChangeTableModel.data` answers; a view asks for about nine per cell</extracomment>
        <translation>Obeslutad</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepterad</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Redigerad</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Page</source>
        <translation type="vanished">Sida</translation>
    </message>
</context>
</TS>
