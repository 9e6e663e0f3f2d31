"""A Spanish municipal report written by hand for ``scripts/make_pair.py``: the printed edition's
blocks, the draft's genuine edits and its export artifacts. Not a real document: a probe of a
language the corpus lacks, with its own marks (``¿`` ``¡`` opening a question or an exclamation,
``ñ``, ordinal indicators ``1.º``, ``«»`` quotes without inner spaces, ``%`` after a space)."""

NB = "\u00a0"  # no-break space (before % and inside numbers in this print)
LANGUAGES = ("spa", "eng")  # tesseract languages of the OCR editions: the right one and a wrong one
RUNNING_TITLE = "Movilidad urbana 2024"  # the even pages' running head of --book

BLOCKS = [
    "Informe anual de movilidad urbana sostenible",
    "Ayuntamiento de Villanueva del Río — ejercicio 2024",
    "1. Introducción",
    f"Este informe recoge la evolución de la movilidad en el término municipal durante el año 2024. Fue aprobado por el Pleno el 12 de marzo de 2025, de acuerdo con el artículo 1.º de la Ordenanza de Movilidad, y presenta los indicadores de uso del transporte público, de la bicicleta y de los desplazamientos a pie.",
    f"¿Qué ha cambiado desde el ejercicio anterior? La puesta en marcha de la zona de bajas emisiones, la ampliación de la red de carriles bici y la renovación de la flota de autobuses urbanos. Todas estas medidas se han desarrollado con la participación de las asociaciones vecinales.",
    "1.1 Marco normativo",
    f"La Ley de Movilidad Sostenible obliga a los municipios de más de 50{NB}000 habitantes a delimitar zonas de bajas emisiones. El plan municipal fija como objetivo reducir un 20{NB}% las emisiones del tráfico rodado antes de 2030, y establece una revisión bienal de sus indicadores.",
    "2. Indicadores de movilidad",
    "2.1 Transporte público",
    f"Los autobuses urbanos transportaron 8{NB}412{NB}300 viajeros en 2024, un 6,8{NB}% más que en el año anterior. La línea 3, que une el hospital con la estación, sigue siendo la más utilizada, con una media de 5{NB}940 viajeros por día laborable.",
    f"La renovación de la flota ha permitido retirar once vehículos diésel. Hoy circulan 37 autobuses híbridos o eléctricos, el 74{NB}% de la flota. La puntualidad media alcanzó el 91,2{NB}%, aunque los retrasos se concentran en las horas punta de la mañana.",
    "Las principales actuaciones del año han sido:",
    "• la ampliación del horario nocturno los viernes y sábados;",
    "• la instalación de 42 paneles de información en tiempo real;",
    "• la adaptación de todas las paradas para personas con movilidad reducida;",
    "• la creación de un abono joven para menores de 26 años.",
    "2.2 La bicicleta y los desplazamientos a pie",
    f"La red de carriles bici suma ya 64 kilómetros, tras la apertura del eje de la avenida de Castilla. El servicio de bicicleta compartida registró 1{NB}206{NB}000 préstamos, y el número de abonados creció hasta los 14{NB}530. ¡Nunca se había pedaleado tanto en la ciudad!",
    f"Los aforos peatonales del centro histórico muestran un aumento del 9{NB}% respecto de 2023. La peatonalización de la calle Mayor, inaugurada en mayo, ha reducido a la mitad el tráfico de paso en el barrio y ha mejorado la calidad del aire.",
    "3. Indicadores económicos",
    f"El coste total del servicio de transporte urbano fue de 21,7 millones de euros. Los ingresos por billetes y abonos cubrieron el 38{NB}% de ese importe; el resto se financió con aportaciones municipales y con las subvenciones del Estado para la descarbonización del transporte.",
    "4. Perspectivas",
    f"El Ayuntamiento estudiará en 2025 la implantación de un sistema de aparcamiento disuasorio en los accesos norte y sur. «La ciudad debe ganar espacio para las personas», señaló la concejala de Movilidad durante la presentación del informe.",
    f"Asimismo, se ampliará la zona de bajas emisiones al barrio de San Lorenzo y se revisarán las tarifas del servicio de bicicleta compartida. Las conclusiones de la revisión bienal se publicarán antes del 31 de diciembre de 2025.",
]

#: genuine edits: (type, printed text, draft text, the printed text right before it)
EDITS = [
    ("date", "12 de marzo", "5 de marzo", "el Pleno el "),
    ("number", "6,8", "6,3", "un "),
    ("number", "5\u00a0940", "5\u00a0490", "media de "),
    ("reword", "ha permitido retirar", "ha supuesto la retirada de", "flota "),
    ("heading", "La bicicleta y los desplazamientos a pie", "Movilidad activa", "2.2 "),
    ("only_in_draft", "", " El servicio funcionó sin incidencias graves.", "la calidad del aire."),
    ("only_in_printed", " ¡Nunca se había pedaleado tanto en la ciudad!", "", f"14{NB}530."),
    ("word_order", "norte y sur", "sur y norte", "accesos "),
    ("number", "38", "35", "cubrieron el "),
    ("reword", "estudiará", "analizará", "Ayuntamiento "),
    ("number", "64", "62", "suma ya "),
]

#: export artifacts of the draft, none a content change: (what, printed, draft), replaced throughout
ARTIFACTS = [
    ("straight quotes", "«", '"'), ("straight quotes", "»", '"'),
    ("plain space before %", f"{NB}%", " %"),
    ("bullet as the Symbol font's private-use glyph and a tab", "• ", "\uf0b7\t"),
]
#: words given a soft hyphen (U+00AD) after their fifth letter, once each
SOFT_HYPHENATED = ("descarbonización", "peatonalización", "participación", "implantación")
