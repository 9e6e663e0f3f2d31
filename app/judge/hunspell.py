"""A Hunspell dictionary of the system, read with spylls, fast enough to ask during a comparison.

Entry point: :class:`Dictionary` (``Dictionary(path).knows(word)``), ``path`` being a
dictionary's files without their ``.aff``/``.dic`` suffix (found by :mod:`app.judge.language`).

spylls (a pure-Python Hunspell) reads a whole ``.dic`` of 150 000 entries in 2-6 s, and a
comparison asks about a few dozen tokens. So nothing is read until the first question; then
the ``.dic`` is only indexed by stem (a fraction of a second) and an entry is parsed, by spylls's
own reader, the first time spylls's lookup asks for its stem. Each verdict is kept on disk in
the user's cache folder, in a file keyed by the dictionary's files, so a document compared again
loads neither spylls nor the dictionary.

Imports: the standard library, :mod:`app.fileio`; spylls when a verdict is not in the cache (a
missing spylls makes every dictionary unavailable: :func:`available` is False).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.util
import io
import json
import os
import re
from collections import Counter
from pathlib import Path

from app.fileio import atomic_write_text

#: how a data tag starts after a stem (spylls's and Hunspell's rule: `` po:noun``, or a tab)
_TAG = re.compile(r"[ \t]\w{2}:")
_COUNT = re.compile(r"\d+(\s|$)")
#: bumped when the cached verdicts' meaning changes
CACHE_FORMAT = 1
#: the verdicts kept per dictionary, the most recently asked: every kept one is read at each
#: comparison (after ten thousand fuzzed documents, 25,000 of them cost 6 % of the sample's
#: whole comparison; 4,096 still 2.5 ms of its 0.1 s), and a document asks few (the sample 6,
#: the corpus's seven editions 97 of Swedish, 52 of German, 5 of English), so this keeps the
#: last few dozen documents' verdicts
CACHE_VERDICTS = 1024


def available() -> bool:
    """Whether spylls is installed (without importing it)."""
    return importlib.util.find_spec("spylls") is not None


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "proofpair" / "lexicon"


def identity(path: Path) -> str:
    """A key for the dictionary at ``path``: its real files (a link's target, told by device
    and inode: resolving the path cost a system call per folder of it), their sizes and times."""
    parts = [str(CACHE_FORMAT)]
    for suffix in (".aff", ".dic"):
        stat = os.stat(f"{path}{suffix}")
        parts.append(f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=10).hexdigest()


class Dictionary:
    """One Hunspell dictionary: ``knows(word)`` says whether it spells ``word`` as a word."""

    def __init__(self, path: Path, cache: Path | None = None) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self._file = (cache or cache_dir()) / f"{self.name}-{identity(self.path)}.json"
        self._verdicts: dict[str, bool] = {k: v for k, v in read_json(self._file).items() if isinstance(v, bool)}
        self._new = 0
        self._asked: dict[str, None] = {}  # the words asked in this process, in order
        self._lookup = None
        self._broken = False
        self._at_exit = False  # whether save() is registered to run at exit
        self._untrimmed = len(self._verdicts) > CACHE_VERDICTS  # kept before the bound
        if self._untrimmed:
            self._save_at_exit()

    def knows(self, word: str) -> bool:
        """Whether the dictionary spells ``word``; True when it cannot be read (a dictionary is
        optional evidence: a broken one counts as none, and never stops a comparison)."""
        verdict = self._verdicts.get(word)
        self._asked[word] = None
        if verdict is None:
            if self._broken:
                return True
            try:
                if self._lookup is None:
                    self._lookup = _open(self.path)
                verdict = bool(self._lookup(word))
            except Exception:  # noqa: BLE001 - whatever spylls or the files raise, the answer is "no evidence"
                self._broken = True
                return True
            self._verdicts[word] = verdict
            self._new += 1
            self._save_at_exit()
        return verdict

    def _save_at_exit(self) -> None:
        if not self._at_exit:
            self._at_exit = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the verdicts learned since opening to the cache, those asked in this process
        last, and keep the newest :data:`CACHE_VERDICTS` (quietly gives up on a read-only one)."""
        if self._new or self._untrimmed:
            asked = {word: self._verdicts[word] for word in self._asked if word in self._verdicts}
            kept = {k: v for k, v in read_json(self._file).items() if isinstance(v, bool) and k not in asked}
            if write_json(self._file, newest({**kept, **asked}, CACHE_VERDICTS)):
                self._new = 0
                self._untrimmed = False
                _remove_superseded(self._file, self.name)


def newest(data: dict, n: int) -> dict:
    """The last ``n`` entries of ``data`` (a cache file's, oldest first)."""
    return data if len(data) <= n else dict(list(data.items())[-n:])


def read_json(path: Path) -> dict:
    """A cache file's mapping ({} when it is missing or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: dict) -> bool:
    """Replace a cache file at once (:func:`app.fileio.atomic_write_text`, which also removes
    what a killed write left), its entries in ``data``'s order (oldest first), False when the
    cache folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(data, ensure_ascii=False))
    except OSError:
        return False
    return True


def _remove_superseded(current: Path, name: str) -> None:
    """Remove the dictionary ``name``'s other verdict files: those of another identity (its
    files were updated, or an older ProofPair keyed them otherwise) and the temporaries an
    older ProofPair's killed write left (``NAME-KEY.PID.tmp``). Nothing reads them again."""
    own = re.compile(rf"{re.escape(name)}-[0-9a-f]{{20}}(?:\.json|\.\d+\.tmp)")
    with contextlib.suppress(OSError), os.scandir(current.parent) as listing:
        for entry in listing:
            if entry.name != current.name and own.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _open(path: Path):
    """spylls's lookup over the dictionary at ``path``, its ``.dic`` parsed lazily."""
    from spylls.hunspell import readers
    from spylls.hunspell.algo.lookup import Lookup
    from spylls.hunspell.data.dic import Dic
    from spylls.hunspell.readers.file_reader import BaseReader

    class Text(BaseReader):
        """spylls's reader over the ``.aff`` file's bytes (its own leaves the file open)."""

        def __init__(self, raw: bytes) -> None:
            self.raw = raw
            super().__init__(self.decoded("Windows-1252"))  # spylls's default until SET says

        def reset_encoding(self, encoding: str) -> None:
            self.reset_io(self.decoded(encoding))

        def decoded(self, encoding: str) -> io.StringIO:
            return io.StringIO(self.raw.decode(encoding, errors="surrogateescape"))

    aff, context = readers.read_aff(Text(Path(f"{path}.aff").read_bytes()))
    with open(f"{path}.dic", encoding=context.encoding, errors="surrogateescape") as handle:
        lines = [line.strip() for line in handle.read().lstrip("\ufeff").splitlines()]
    if lines and _COUNT.match(lines[0]):
        lines[0] = ""
    # one pass in C for the plain lines (``stem/flags``), spylls's rules for the others
    keys = [line.partition("/")[0] for line in lines]
    for i, line in enumerate(lines):
        if line.startswith("/") or "\\" in line or "\t" in line or " " in line or context.ignore:
            keys[i] = _stem(line, context)
    by_stem: dict[str, list[str]] = {key: [lines[i]] for i, key in enumerate(keys) if key}
    if len(by_stem) < sum(1 for key in keys if key):  # homonyms: one stem on several lines
        shared = {key for key, n in Counter(keys).items() if n > 1 and key}
        for key in shared:
            by_stem[key] = []
        for i, key in enumerate(keys):
            if key in shared:
                by_stem[key].append(lines[i])

    class LazyDic(Dic):
        """spylls's word list, each stem's entries parsed by spylls the first time it is asked for."""

        lower: dict[str, list[str]] | None = None

        def homonyms(self, stem: str, *, ignorecase: bool = False) -> list:
            if ignorecase:  # entries whose stem has capitals, by their lowercase form
                if self.lower is None:
                    self.lower = {}
                    for key in by_stem:
                        if key.lower() != key:
                            self.lower.setdefault(key.lower(), []).append(key)
                return [w for key in self.lower.get(stem, ()) for w in self.homonyms(key) if w.stem == key]
            words = self.index.get(stem)
            if words is None:
                entries = by_stem.get(stem, ())
                words = readers.read_dic(((2, line) for line in entries), aff=aff, context=context).words \
                    if entries else []
                self.index[stem] = words
            return words

    return Lookup(aff, LazyDic(words=[]))


def _stem(line: str, context) -> str:
    """The stem of a ``.dic`` line, as spylls's reader would make it (before its flags and tags)."""
    word = line
    if " " in line or "\t" in line:
        tag = _TAG.search(line)
        end = tag.start() if tag else len(line)
        tab = line.find("\t")
        word = line[:end if tab == -1 else min(tab, end)]
    if "\\" in word:
        if not word.startswith("/"):
            word = re.split(r"(?<!\\)/", word, maxsplit=1)[0]
        word = word.replace("\\/", "/")
    elif not word.startswith("/"):
        word = word.partition("/")[0]
    if context.ignore:
        word = word.translate(context.ignore.tr)
    return word
