"""What the open question proposes for two edition files: the base, why, the OCR language.

Contract: :func:`propose` takes the two paths and what each file is
(:class:`~app.formats.describe.FileFacts`) and returns a :class:`Proposal`. A scan to OCR is
surely the base, and nothing is OCR'd to find that out; its language is guessed from the
other edition's text (:func:`app.formats.language.guess_language`), as the command line
does. Two files that both need OCR propose the first as base and the default language; two
readable files are both read and :func:`app.roles.guess_roles` decides.

Why a module of its own: proposing reads a whole edition and asks the Hunspell dictionaries,
which takes long enough on a real report to freeze a window, so the window has it done
elsewhere (:mod:`ui.open_dialog`): :func:`propose_apart` runs it in a child process, for the
reasons :mod:`app.remote` gives the comparison one (pure Python on a thread of the window
holds the interpreter lock the window needs) and one more: PDFium, which reads a PDF, is not
thread-safe, and the window renders page images with it on its own thread. It returns plain
data; the words shown are the UI's.

Raises :class:`~app.loading.EditionError` for an unreadable file. Imports: the standard
library, :mod:`app.formats`, :mod:`app.roles`, :mod:`app.reasons`. Never Qt.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, wait
from pathlib import Path
from typing import NamedTuple

from app.formats.describe import FileFacts
from app.reasons import Reason


class Proposal(NamedTuple):
    """The likelier base (an index into the paths), why, and the OCR language to propose.

    ``scan`` names the file to OCR when that decided the base (the UI says so in its own
    words); otherwise ``reason`` is the role guess's reason, or None when nothing was weighed.
    ``language`` is None when no file needs OCR."""

    base_index: int
    scan: str | None
    reason: Reason | None
    language: str | None


def propose(paths: Sequence[str | Path], found: Sequence[FileFacts]) -> Proposal:
    """The proposal for ``paths`` (two files) described by ``found`` (see the module doc)."""
    from app.formats import load, load_pair
    from app.formats.language import guess_language
    from app.formats.ocr import installed_languages

    ocr = [f.needs_ocr for f in found]
    if ocr[0] != ocr[1]:
        scan = ocr.index(True)
        other = load(paths[1 - scan])
        return Proposal(scan, Path(paths[scan]).name, None, guess_language(other.text, installed_languages() or None))
    if all(ocr):
        return Proposal(0, None, None, guess_language("", installed_languages() or None))
    from app.roles import guess_roles

    first, second = load_pair(paths[0], paths[1])
    guess = guess_roles(first, second)
    return Proposal(0 if guess.base is first else 1, None, guess.reason, None)


def propose_apart(paths: Sequence[str | Path], found: Sequence[FileFacts],
                  cancelled: Callable[[], bool] = lambda: False) -> Proposal | None:
    """:func:`propose` in a child process (``spawn``: no fork of a threaded GUI), looking at
    ``cancelled()`` every 50 ms; None when cancelled (the child is left to finish alone).
    Re-raises what :func:`propose` raised."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        future = pool.submit(propose, [str(p) for p in paths], list(found))
        while not wait([future], timeout=0.05).done:
            if cancelled():
                return None
        return future.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
