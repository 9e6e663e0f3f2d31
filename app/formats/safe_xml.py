"""Parse XML from an edition file safely: no entities, no network, no huge trees.

Every XML reader (hOCR, ALTO, PAGE, and the XML inside DOCX/ODT) parses through
:func:`parse_xml`. It refuses a document that declares entities (the "billion laughs" bomb
and external entities hide there; no OCR or office format needs them), never loads a DTD or
anything over the network, keeps lxml's limits on depth and node size (``huge_tree`` off),
and reads at most :data:`MAX_XML_BYTES`. Every failure is one EditionError naming the file.

Imports: lxml, :mod:`app.loading` (EditionError).
"""

from __future__ import annotations

import re

from lxml import etree

from app.loading import EditionError

MAX_XML_BYTES = 256 * 1024 * 1024
_ENTITY = re.compile(rb"<!ENTITY", re.I)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_comments=True, remove_pis=True)


def parse_xml(raw: bytes, name: str) -> etree._Element:
    """The root element of the XML document ``raw`` (from the file called ``name``)."""
    if len(raw) > MAX_XML_BYTES:
        raise EditionError(f"{name}: the XML is larger than {MAX_XML_BYTES // 2**20} MB; "
                           "ProofPair does not read it.")
    if _ENTITY.search(raw):
        raise EditionError(f"{name}: the XML declares entities, which no OCR or office format "
                           "needs and which can hide an 'XML bomb'; ProofPair refuses to read it.")
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        raise EditionError(f"{name}: is damaged XML and cannot be read ({exc.msg or exc}).") from None
    if root is None:
        raise EditionError(f"{name}: holds no XML document.")
    return root


def local(tag: object) -> str:
    """An element's tag without its namespace (``{ns}String`` -> ``String``)."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""
