"""Open a zip-based document (DOCX, ODT) safely: a bounded, honest archive or one error.

Before any library sees the archive, :func:`check_zip` refuses a file that is not a zip, a
zip whose entries would unpack to more than :data:`MAX_UNPACKED` bytes or compress more
than :data:`MAX_RATIO` to one (a zip bomb), and XML entries that declare entities.

Entry point: :func:`check_zip`. Imports: the standard library, :mod:`app.loading`.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from app.loading import EditionError

MAX_UNPACKED = 512 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 20_000
_ENTITY = re.compile(rb"<!ENTITY", re.I)


def check_zip(raw: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """The archive in ``raw`` (a ``kind`` document, named in messages), checked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
        raise EditionError(f"{name}: is not a readable {kind} (the zip archive is damaged: {exc}).") from None
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if len(infos) > MAX_ENTRIES or total > MAX_UNPACKED or total / packed > MAX_RATIO:
        raise EditionError(f"{name}: the archive would unpack to {total // 2**20} MB in {len(infos)} "
                           f"files; ProofPair refuses it (a {kind} is far smaller).")
    for info in infos:
        if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError, ValueError, EOFError) as exc:
                raise EditionError(f"{name}: is not a readable {kind} ({info.filename} is damaged: {exc}).") from None
            if _ENTITY.search(data):
                raise EditionError(f"{name}: {info.filename} declares XML entities, which can hide an "
                                   "'XML bomb'; ProofPair refuses to read it.")
    return archive
