"""A French report written by hand for ``scripts/make_pair.py``: the printed edition's blocks,
the draft's genuine edits and its export artifacts. Not a real document: a probe of a language
and a typography the corpus lacks (``« »`` spaced inside, a space before ``:`` and ``%``, ``’``,
narrow no-break spaces in thousands, ``œ``)."""

NB = "\u00a0"  # no-break space (French typography before : ; ? ! % and inside « »)
NN = "\u202f"  # narrow no-break space (thousands)
LANGUAGES = ("fra", "eng")  # tesseract languages of the OCR editions: the right one and a wrong one
RUNNING_TITLE = "Gestion des déchets 2023"  # the even pages' running head of --book

BLOCKS = [
"Rapport annuel sur la gestion des déchets ménagers et assimilés",
"Communauté d’agglomération du Val de Loire — exercice 2023",
"1. Introduction",
f"Le présent rapport rend compte de l’activité du service public de prévention et de gestion des déchets au cours de l’année 2023. Il a été adopté par le conseil communautaire le 15 mars 2024, conformément à l’article L.{NB}2224-17-1 du code général des collectivités territoriales. Il présente les indicateurs techniques et financiers du service ainsi que les principales évolutions intervenues depuis l’exercice précédent.",
f"L’année a été marquée par l’extension des consignes de tri à l’ensemble des emballages plastiques, par l’ouverture d’une nouvelle déchèterie à Saint-Cyr-sur-Loire et par la poursuite du programme local de prévention. Les communes membres ont été associées à chacune de ces étapes, qui ont fait l’objet d’une concertation avec les usagers.",
"1.1 Contexte réglementaire",
f"La loi relative à la lutte contre le gaspillage et à l’économie circulaire fixe des objectifs ambitieux{NB}: réduire de 15{NB}% les quantités de déchets ménagers par habitant entre 2010 et 2030, et généraliser le tri à la source des biodéchets avant le 1er janvier 2024. Ces obligations s’imposent à toutes les collectivités compétentes, quelle que soit leur taille.",
f"Le plan régional de prévention et de gestion des déchets, approuvé en octobre 2019, décline ces objectifs à l’échelle du territoire. Il prévoit notamment une diminution progressive des capacités de stockage et un renforcement du réemploi.",
"1.2 Organisation du service",
f"Le service compte 142 agents répartis entre la collecte, les déchèteries et l’administration. La collecte des ordures ménagères résiduelles est assurée en régie sur 18 communes, tandis que les 7 communes du secteur nord sont desservies par un prestataire privé dans le cadre d’un marché public attribué en 2021.",
"2. Les indicateurs techniques",
"2.1 Les tonnages collectés",
f"En 2023, le service a collecté au total 58{NN}914 tonnes de déchets, soit 412 kilogrammes par habitant. Ce chiffre est en baisse de 3,2{NB}% par rapport à l’année précédente. La diminution concerne principalement les ordures ménagères résiduelles, dont le tonnage s’établit à 24{NN}706 tonnes.",
f"Les quantités apportées en déchèterie restent stables. Les déchets verts représentent toujours la part la plus importante des apports, devant les gravats et le tout-venant. Les apports de mobilier, orientés vers la filière de responsabilité élargie du producteur, progressent de 11{NB}%.",
"2.2 La collecte sélective",
f"Depuis le 1er juillet 2023, les habitants peuvent déposer tous leurs emballages dans le bac jaune{NB}: bouteilles, flacons, pots de yaourt, barquettes et films plastiques. Cette simplification a entraîné une hausse sensible des tonnages collectés, qui atteignent 6{NN}218 tonnes, soit une progression de 14,6{NB}%.",
f"Le taux de refus de tri, c’est-à-dire la part des déchets déposés à tort dans le bac jaune, s’élève à 18,4{NB}%. Il reste supérieur à la moyenne nationale. Des actions de sensibilisation seront menées en 2024 auprès des habitants des quartiers où les erreurs sont les plus fréquentes.",
"Les principaux flux de la collecte sélective sont les suivants :",
"• les emballages en papier et en carton, qui représentent près de la moitié des tonnages ;",
"• les bouteilles et flacons en plastique, dont la reprise est assurée par la filière ;",
"• le verre, collecté en points d’apport volontaire sur l’ensemble du territoire ;",
"• les métaux, acier et aluminium, triés au centre de Chambray.",
"2.3 Le traitement et la valorisation",
f"Les ordures ménagères résiduelles sont acheminées vers l’unité de valorisation énergétique de Saint-Pierre, qui produit de l’électricité et alimente un réseau de chaleur urbain. En 2023, l’installation a fonctionné 7{NN}960 heures et a fourni l’équivalent de la consommation de 9{NN}400 logements.",
f"Le taux de valorisation matière et organique atteint 46,8{NB}%. L’objectif fixé par la loi, soit 55{NB}% en 2025, ne sera atteint qu’au prix d’un effort important sur les biodéchets, qui constituent encore près d’un tiers du contenu des poubelles.",
"3. Les indicateurs financiers",
f"Le coût complet du service s’élève à 14,3 millions d’euros, soit 100 euros par habitant. Il est financé à 82{NB}% par la taxe d’enlèvement des ordures ménagères, dont le taux a été maintenu à 9,75{NB}%. Les recettes issues de la vente des matériaux et des soutiens des éco-organismes couvrent le solde.",
f"La hausse du prix de l’énergie et la revalorisation des salaires ont pesé sur les charges de fonctionnement, qui progressent de 4,1{NB}%. Les investissements de l’année, d’un montant de 3,6 millions d’euros, ont porté pour l’essentiel sur la nouvelle déchèterie et le renouvellement de six véhicules de collecte.",
"4. Perspectives",
f"Le conseil communautaire a engagé une réflexion sur la mise en place d’une tarification incitative, qui ferait dépendre une partie de la contribution des usagers de la quantité de déchets qu’ils produisent. Une étude de faisabilité sera conduite en 2024 et ses conclusions seront présentées avant la fin de l’année.",
f"La collectivité entend également développer le compostage de proximité. Plus de 1{NN}200 composteurs individuels ont été distribués gratuitement depuis 2020, et une vingtaine de sites de compostage partagé fonctionnent dans les quartiers d’habitat collectif. « Chaque kilogramme de biodéchets détourné de la poubelle est une économie pour tous », rappelle le vice-président chargé de l’environnement.",
f"Enfin, la réduction des déchets passe par le changement des habitudes de consommation. La communauté soutiendra les associations qui œuvrent au réemploi et à la réparation, et poursuivra l’accompagnement des écoles dans leurs projets pédagogiques{NB}: ateliers, visites de sites et défis «{NB}zéro déchet{NB}».",
]

#: genuine edits: (type, printed text, draft text, the printed text right before it)
EDITS = [
    ("number", "412", "409", "soit "),
    ("date", "15 mars", "8 mars", "le "),
    ("reword", "associées à", "consultées lors de", "ont été "),
    ("heading", "et la valorisation", "des déchets", "2.3 Le traitement "),
    ("only_in_draft", "", " Deux arrêts techniques ont eu lieu en février.", f"9{NN}400 logements."),
    ("only_in_printed", " Il reste supérieur à la moyenne nationale.", "", f"18,4{NB}%."),
    ("word_order", "les gravats et le tout-venant", "le tout-venant et les gravats", "devant "),
    ("number", "18,4", "16,4", "s’élève à "),
    ("number", "142", "138", "compte "),
    ("reword", "engagé une réflexion", "lancé une étude", "a "),
    ("number", "9,75", "9,50", "maintenu à "),
]

#: export artifacts of the draft, none a content change: (what, printed, draft), replaced throughout
ARTIFACTS = [
    ("straight apostrophe", "’", "'"),
    ("straight quotes", f"«{NB}", '"'), ("straight quotes", f"{NB}»", '"'),
    ("straight quotes", "« ", '"'), ("straight quotes", " »", '"'),
    ("no-break space for the narrow one", NN, NB),
    ("plain space before %", f"{NB}%", " %"),
    ("bullet as the Symbol font's private-use glyph and a tab", "• ", "\uf0b7\t"),
]
#: words given a soft hyphen (U+00AD) after their fifth letter, once each
SOFT_HYPHENATED = ("communautaire", "réglementaire", "sensibilisation", "responsabilité")
