"""A Polish municipal report written by hand for ``scripts/make_pair.py``: the printed edition's
blocks, the draft's genuine edits and its export artifacts. Not a real document: a probe of a
language the corpus lacks and ``dev.sh`` installs no dictionary for, with its own letters
(``ą ę ł ń ó ś ź ż``, which no row of the hand prior names), its quotes (``„…”``, low then
high), a spaced en dash as the sentence dash, the decimal comma and no-break spaces inside
numbers."""

NB = "\u00a0"  # no-break space (inside numbers and before % in this print)
LANGUAGES = ("pol", "eng")  # tesseract languages of the OCR editions: the right one and a wrong one
RUNNING_TITLE = "Zieleń miejska 2024"  # the even pages' running head of --book

BLOCKS = [
    "Raport o stanie zieleni miejskiej",
    "Urząd Miasta Zielonowo – sprawozdanie za rok 2024",
    "1. Wprowadzenie",
    "Niniejszy raport przedstawia stan terenów zieleni w granicach administracyjnych miasta w roku "
    "2024. Został przyjęty przez Radę Miasta uchwałą z dnia 14 marca 2025 r. i obejmuje parki, "
    "skwery, zieleńce przyuliczne oraz lasy komunalne. Dane zebrano we współpracy z zarządem dróg "
    "i z wydziałem ochrony środowiska.",
    "Głównym celem polityki miejskiej pozostaje zwiększenie udziału powierzchni biologicznie czynnej "
    "w zabudowie śródmiejskiej. Mieszkańcy coraz częściej zgłaszają potrzebę tworzenia małych "
    "ogrodów sąsiedzkich – w ubiegłym roku wpłynęło w tej sprawie 46 wniosków.",
    "1.1 Podstawy prawne",
    f"Obowiązek prowadzenia ewidencji drzew wynika z ustawy o ochronie przyrody. Miasto prowadzi ją "
    f"w systemie informacji przestrzennej, w którym zapisano dotąd 38{NB}214 drzew. Każde drzewo "
    f"posiada kartę z gatunkiem, obwodem pnia i oceną stanu zdrowotnego.",
    "2. Tereny zieleni",
    "2.1 Parki i skwery",
    f"Łączna powierzchnia parków miejskich wynosi 312,6 ha, a skwerów i zieleńców 57,4 ha. W 2024 r. "
    f"oddano do użytku park „Nad Łąkami” o powierzchni 8,2 ha, z placem zabaw, siłownią plenerową i "
    f"ścieżką edukacyjną. Udział terenów zieleni w powierzchni miasta wzrósł do 23,5{NB}%.",
    "W ramach programu nasadzeń posadzono:",
    "• 1 240 drzew liściastych, głównie lip, klonów i dębów;",
    "• 3 815 krzewów w pasach drogowych;",
    "• 2 200 m² łąk kwietnych na skarpach i w rowach;",
    "• 64 drzewa owocowe w ogrodach szkolnych.",
    "2.2 Lasy komunalne",
    f"Lasy komunalne zajmują 1{NB}046 ha. Gospodarka leśna ma charakter ochronny: żadnego drzewostanu "
    f"nie przeznaczono do zrębu zupełnego, a pozyskanie drewna ograniczono do cięć sanitarnych. Ścieżki "
    f"spacerowe w lesie Grabowym odwiedziło w sezonie około 210{NB}000 osób.",
    "3. Finansowanie",
    f"Wydatki na utrzymanie zieleni wyniosły 18,9 mln zł, o 7{NB}% więcej niż przed rokiem. Źródłem "
    f"dodatkowych środków był wojewódzki fundusz ochrony środowiska, który pokrył koszt rewitalizacji "
    f"skweru przy ulicy Ogrodowej.",
    "4. Wnioski i zamierzenia",
    "W roku 2025 miasto zamierza opracować standardy ochrony drzew w procesie inwestycyjnym. "
    "„Każde wycięte drzewo powinno zostać zastąpione co najmniej dwoma nowymi” – podkreślił prezydent "
    "miasta podczas sesji Rady.",
    "Planowane jest także utworzenie trzech nowych ogrodów sąsiedzkich oraz zazielenienie dachów "
    "dwóch budynków komunalnych. Wyniki przeglądu drzewostanu zostaną opublikowane do 30 listopada 2025 r.",
]

#: genuine edits: (type, printed text, draft text, the printed text right before it)
EDITS = [
    ("date", "14 marca", "7 marca", "uchwałą z dnia "),
    ("number", "46", "41", "wpłynęło w tej sprawie "),
    ("number", f"38{NB}214", f"38{NB}124", "zapisano dotąd "),
    ("reword", "zgłaszają potrzebę tworzenia", "proszą o tworzenie", "coraz częściej "),
    ("heading", "Lasy komunalne", "Lasy gminne", "2.2 "),
    ("only_in_draft", "", " Prace prowadzono poza okresem lęgowym ptaków.", "do cięć sanitarnych."),
    ("only_in_printed", ", z placem zabaw, siłownią plenerową i ścieżką edukacyjną", "", "o powierzchni 8,2 ha"),
    ("word_order", "lip, klonów i dębów", "dębów, lip i klonów", "głównie "),
    ("number", "18,9", "18,6", "wyniosły "),
    ("reword", "zamierza opracować", "opracuje", "miasto "),
    ("number", "23,5", "23,2", "wzrósł do "),
]

#: export artifacts of the draft, none a content change: (what, printed, draft), replaced throughout
ARTIFACTS = [
    ("straight quotes", "„", '"'), ("straight quotes", "”", '"'),
    ("hyphen for the spaced en dash", " – ", " - "),
    ("plain space before %", f"{NB}%", " %"),
    ("bullet as the Symbol font's private-use glyph and a tab", "• ", "\uf0b7\t"),
]
#: words given a soft hyphen (U+00AD) after their fifth letter, once each
SOFT_HYPHENATED = ("rewitalizacji", "administracyjnych", "śródmiejskiej", "przestrzennej")
