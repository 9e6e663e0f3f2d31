"""Which language a text is written in, told by the Hunspell dictionaries installed on the system.

Entry points: :func:`detect_language` (a text -> the name of the dictionary of its language,
such as ``sv_SE``, or None), :func:`dictionary_for` (a text's :func:`frequent_words` -> its
:class:`Dictionary`, or None), :func:`installed_dictionaries`.

No word list of our own: a language's frequent words (its articles, prepositions, pronouns) are
stems of its dictionary, so the language of a text is the installed dictionary whose stems
cover most of the text's most frequent distinct words. The answer is kept in the user's cache folder,
keyed by those words and the dictionaries' files.

Dictionaries are looked for where Hunspell looks (:data:`DICTIONARY_DIRS`, and the folders of
the ``DICPATH`` variable first); ``PROOFPAIR_DICTIONARIES`` (folders separated by
``os.pathsep``) replaces the search, and set empty it turns the lexicon off.

Imports: the standard library, :mod:`app.judge.hunspell`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from app.judge import hunspell
from app.judge.hunspell import Dictionary

#: where Hunspell dictionaries are installed (Debian/Ubuntu, Fedora, macOS, the user's own)
DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                   "/usr/local/share/hunspell", "~/.local/share/hunspell", "/Library/Spelling",
                   "~/Library/Spelling")
#: how many of the text's most frequent words decide its language
FREQUENT = 60
#: the share of those words the language's dictionary must know (on the corpus: 0.63-0.88 for
#: the text's language, at most 0.37 for another)
MIN_SHARE = 0.5

#: the language answers kept in the cache, the newest (each is read at every detection)
LANGUAGE_ANSWERS = 256

_WORD = re.compile(r"[^\W\d_]+")


def dictionary_dirs() -> list[Path]:
    configured = os.environ.get("PROOFPAIR_DICTIONARIES")
    if configured is not None:
        return [Path(p).expanduser() for p in configured.split(os.pathsep) if p]
    extra = [p for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    return [Path(p).expanduser() for p in (*extra, *DICTIONARY_DIRS)]


def installed_dictionaries() -> dict[str, Path]:
    """Each installed dictionary by name (``sv_SE``) -> its files without suffix; one name per
    pair of real files (``de_BE`` is a link to ``de_DE``: only ``de_DE`` is listed).

    Asked at every comparison, so each folder is listed once (``os.scandir``, whose entries
    know their type) and a real file is told by its device and inode: globbing and resolving
    every file with pathlib took 3 ms of the sample's 0.12 s."""
    if not hunspell.available():
        return {}
    found: dict[str, Path] = {}
    seen: set[tuple[int, int]] = set()  # the real .dic files, by device and inode
    for folder in dictionary_dirs():
        try:
            with os.scandir(folder) as listing:
                entries = {entry.name: entry for entry in listing}
        except OSError:
            continue
        # a file of its own before a link to it, so the real name is kept
        affs = sorted((e for name, e in entries.items() if name.endswith(".aff")),
                      key=lambda e: (e.is_symlink(), e.name))
        for aff in affs:
            stem = aff.name[:-4]
            dic = entries.get(f"{stem}.dic")
            if stem in found or dic is None or not (aff.is_file() and dic.is_file()):
                continue
            try:
                real = dic.stat()
            except OSError:
                continue
            if (real.st_dev, real.st_ino) not in seen:
                seen.add((real.st_dev, real.st_ino))
                found[stem] = folder / stem
    return found


def frequent_words(text: str, n: int = FREQUENT) -> list[tuple[str, int]]:
    """The ``n`` most frequent words of ``text``, case-folded, with their counts."""
    return Counter(w.casefold() for w in _WORD.findall(text)).most_common(n)


def detect_language(text: str) -> str | None:
    """The name of the installed dictionary of ``text``'s language (``sv_SE``, ``en_US``,
    ``de_DE``), or None when none knows most of its frequent words (or none is installed).

    Its language part (``sv``) is the ISO 639-1 code, also a fair default OCR language."""
    return language_of(frequent_words(text))


def language_of(frequent: list[tuple[str, int]], dictionaries: dict[str, Path] | None = None) -> str | None:
    """:func:`detect_language` of the text whose :func:`frequent_words` are ``frequent``, among
    ``dictionaries`` (by default the :func:`installed_dictionaries`)."""
    if dictionaries is None:
        dictionaries = installed_dictionaries()
    if not frequent or not dictionaries:
        return None
    key = _detection_key(frequent, dictionaries)
    memo = hunspell.cache_dir() / "languages.json"
    known = hunspell.read_json(memo)
    if len(known) > LANGUAGE_ANSWERS:  # kept before the bound
        known = hunspell.newest(known, LANGUAGE_ANSWERS)
        hunspell.write_json(memo, known)
    if key in known and (known[key] is None or known[key] in dictionaries):
        return known[key]
    shares = {name: sum(1 for w, _ in frequent if w in _stems(path)) / len(frequent)
              for name, path in dictionaries.items()}
    # the best share; between equals, the larger word list
    best = max(shares, key=lambda name: (shares[name], len(_stems(dictionaries[name])), name))
    answer = best if shares[best] >= MIN_SHARE else None
    known = hunspell.read_json(memo)
    known.pop(key, None)
    hunspell.write_json(memo, hunspell.newest({**known, key: answer}, LANGUAGE_ANSWERS))
    return answer


def dictionary_for(frequent: list[tuple[str, int]]) -> Dictionary | None:
    """The dictionary of the language of the text whose :func:`frequent_words` are
    ``frequent``, opened once per process (None if there is none, or if its files went away
    while it was being found). The installed dictionaries are looked for once (a search of
    the dictionary folders, a tenth of the lexicon's first question)."""
    try:
        dictionaries = installed_dictionaries()
        name = language_of(frequent, dictionaries)
        return None if name is None else _open(dictionaries[name])
    except (OSError, KeyError):
        return None


@lru_cache(maxsize=8)
def _open(path: Path) -> Dictionary:
    return Dictionary(path)


@lru_cache(maxsize=16)
def _stems(path: Path) -> frozenset[str]:
    """The case-folded stems of a dictionary (its ``.dic`` lines up to the flags)."""
    encoding = "utf-8"
    try:
        with open(f"{path}.aff", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith("SET "):
                    encoding = line.split()[1]
                    break
        text = Path(f"{path}.dic").read_text(encoding=encoding, errors="replace")
    except (OSError, LookupError, IndexError):
        return frozenset()
    return frozenset(re.findall(r"^[^/\t\n]+", text.casefold(), re.M))


def _detection_key(frequent: list[tuple[str, int]], dictionaries: dict[str, Path]) -> str:
    parts = [" ".join(w for w, _ in frequent)]
    parts += [f"{name}:{hunspell.identity(path)}" for name, path in sorted(dictionaries.items())]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest()
