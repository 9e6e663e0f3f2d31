"""The fuzzing harness of issue 10: hostile editions, session files and CLI paths.

One case = one seeded random input, run through the real CLI (:func:`app.cli.main`, in
process, its streams captured) and the core entry points, then checked against the promises:

* ``traceback`` — an exception escaped ``main`` (or ``load_session``/``open_session`` raised
  anything but ``SessionError``);
* ``exit`` — an exit status other than 0 or 2, or an error that is not one line;
* ``input-changed`` — an edition, a session file or a special file was altered;
* ``half-written`` — a failed command left an output, a successful one left an output that
  is not the complete expected text, or a temporary file stayed behind;
* ``not-exact`` — ``apply --accept none`` said "byte for byte" and was not, or wrote
  something other than the base as loaded (its own code points and line endings);
* ``charset`` — a silent charset switch: a legacy charset not named on stderr, a mostly-
  UTF-8 file read as a legacy charset, or EBCDIC at all;
* ``trust`` — ``export`` read an edition outside the session's folder without ``--trust-paths``.

Hangs are the caller's to catch (``scripts/fuzz.py`` watches each case from another process;
the pytest slice arms ``signal.alarm``).

Entry points: :func:`edition_case`, :func:`session_case`, :func:`cli_path_case`, each
``(seed, workdir) -> list[Problem]``. Material: slices of the built-in sample.

Imports: the standard library and the core.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import random
import shutil
import stat
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import resources
from app.cli import main
from app.loading import EditionError, load_edition, original_text

EBCDIC = ("cp037", "cp500", "cp1140", "cp273", "cp875", "cp1026")
FORMATS = ("text", "reflow", "csv", "json", "summary")
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
COMBINING = "\u0300\u0301\u0302\u0308\u0323\u0327\u0336\u034f\u0489\u05b4\u0e49\u20d7\u3099\u1161\u11a8"


@dataclass(frozen=True)
class Problem:
    kind: str
    case: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.case}: {self.detail}"


_SAMPLE: tuple[str, str] | None = None


def _sample() -> tuple[str, str]:
    global _SAMPLE
    if _SAMPLE is None:
        base, reference = resources.sample_paths()
        _SAMPLE = base.read_text(encoding="utf-8"), reference.read_text(encoding="utf-8")
    return _SAMPLE


def sample_slice(rng: random.Random, most: int = 12000) -> tuple[str, str]:
    """A stretch of the sample's base and the matching stretch of its reference."""
    base, reference = _sample()
    size = rng.randint(200, most)
    start = rng.random() * max(0.0, 1 - size / len(base))
    b0 = int(start * len(base))
    r0 = int(start * len(reference))
    return base[b0:b0 + size], reference[r0:r0 + int(size * len(reference) / len(base))]


# -- running the CLI -----------------------------------------------------------------------------

@dataclass
class Run:
    code: int | None
    out: str
    err: str
    crash: str | None


#: How the runs ended, ``"apply exit 0"`` -> count (the long run reports it: proof the cases
#: reach both the success and the refusal paths).
STATS: Counter[str] = Counter()


def run_cli(argv: list[str]) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except BaseException as exc:  # noqa: BLE001  # anything escaping main is what we look for
        if isinstance(exc, KeyboardInterrupt):
            raise
        STATS[f"{argv[0]} traceback"] += 1
        return Run(None, out.getvalue(), err.getvalue(), "".join(traceback.format_exception(exc))[-2000:])
    STATS[f"{argv[0]} exit {code}"] += 1
    return Run(code, out.getvalue(), err.getvalue(), None)


def check_run(run: Run, case: str, problems: list[Problem]) -> None:
    if run.crash is not None:
        problems.append(Problem("traceback", case, run.crash))
    elif run.code not in (0, 2):
        problems.append(Problem("exit", case, f"exit {run.code}: {run.err[-300:]}"))
    elif run.code == 2:
        lines = run.err.splitlines()
        errors = [line for line in lines if line.startswith("proofpair: error:")]
        if len(errors) != 1 or lines[-1] != errors[0] or not run.err.endswith("\n"):
            problems.append(Problem("exit", case, f"error not one line: {run.err[-300:]!r}"))
        elif any(not line.startswith("proofpair: ") for line in lines):
            problems.append(Problem("exit", case, f"stray stderr: {run.err[-300:]!r}"))


def fingerprint(paths: list[Path]) -> dict[str, tuple]:
    """What must not change: each path's kind, inode and, for files, content hash."""
    marks = {}
    for path in paths:
        try:
            info = os.lstat(path)
            digest = ""
            if stat.S_ISREG(os.stat(path).st_mode):  # a symlink's target counts as its content
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except (OSError, ValueError):
            marks[str(path)] = ("absent",)
            continue
        marks[str(path)] = (stat.S_IFMT(info.st_mode), info.st_ino, digest)
    return marks


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- editions ------------------------------------------------------------------------------------

def _mutate_text(rng: random.Random, text: str) -> str:
    kind = rng.choice(["nfd", "newlines", "combining", "bidi", "long-line", "repeat", "controls", "unicode",
                       "none", "blank-runs"])
    if kind == "nfd":
        return unicodedata.normalize(rng.choice(["NFD", "NFKD", "NFKC"]), text)
    if kind == "newlines":
        lines = text.split("\n")
        return "".join(line + rng.choice(["\n", "\r\n", "\r", "\n"]) for line in lines)
    if kind == "combining":
        return "".join(ch + (rng.choice(COMBINING) * rng.randint(1, 3) if rng.random() < 0.05 else "") for ch in text)
    if kind == "bidi":
        chars = list(text)
        for _ in range(rng.randint(1, 5)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(BIDI))
        return "".join(chars)
    if kind == "long-line":
        return text + "\n" + "x " * rng.randint(500, 8000) + "\n"
    if kind == "repeat":
        lines = text.split("\n")
        return "\n".join(lines[: rng.randint(1, 20)] * rng.randint(2, 30))
    if kind == "controls":
        chars = list(text)
        for _ in range(rng.randint(1, 20)):
            chars.insert(rng.randrange(len(chars) + 1), chr(rng.choice([0x0b, 0x0c, 0x1b, 0x7f, 0x85, 0x2028, 0xfeff])))
        return "".join(chars)
    if kind == "unicode":
        chars = list(text)
        for _ in range(rng.randint(1, 30)):
            cp = rng.choice([rng.randint(0x80, 0x2fff), rng.randint(0xac00, 0xd7a3), rng.randint(0x10000, 0x1fbff)])
            chars.insert(rng.randrange(len(chars) + 1), chr(cp))
        return "".join(chars)
    if kind == "blank-runs":
        return text.replace("\n\n", "\n \n\t\n\n", rng.randint(1, 20))
    return text


def _encode(rng: random.Random, text: str) -> bytes:
    how = rng.choice(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be",
                                      "cp1252", "latin-1", "cp1250", "koi8-r", "mac-roman", *EBCDIC[:2]])
    return text.encode(how, errors="replace")


def _mutate_bytes(rng: random.Random, data: bytearray) -> bytearray:
    kind = rng.choice(["stray", "stray", "cut", "nul", "flip", "insert-latin1", "surrogate-bytes", "truncate-bom",
                       "splice-binary", "none", "none"])
    if not data:
        return data
    if kind == "stray":
        for _ in range(rng.choice([1, 1, 2, 3, 10, 80])):
            data[rng.randrange(len(data))] = rng.randint(0x80, 0xff)
    elif kind == "cut":
        del data[rng.randrange(len(data)):]
    elif kind == "nul":
        for _ in range(rng.randint(1, 4)):
            data.insert(rng.randrange(len(data) + 1), 0)
    elif kind == "flip":
        for _ in range(rng.randint(1, 50)):
            at = rng.randrange(len(data))
            data[at] ^= 1 << rng.randrange(8)
    elif kind == "insert-latin1":
        at = rng.randrange(len(data) + 1)
        data[at:at] = "fel på länets väg".encode("latin-1")
    elif kind == "surrogate-bytes":
        at = rng.randrange(len(data) + 1)
        data[at:at] = "\ud800x\udfff".encode("utf-8", "surrogatepass")
    elif kind == "truncate-bom":
        data[:] = data[:2]
    elif kind == "splice-binary":
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.randbytes(rng.randint(1, 4000))
    return data


def edition_bytes(rng: random.Random) -> tuple[bytes, bytes, str]:
    """A hostile base and a reference, and a label of what was done."""
    base, reference = sample_slice(rng, most=rng.choice([1500, 5000, 5000, 12000]))
    if rng.random() < 0.03:
        return rng.choice([b"", b" \n\t", b"\xef\xbb\xbf", b"\xff\xfe", rng.randbytes(rng.randint(1, 5000))]), \
            reference.encode(), "degenerate"
    text = _mutate_text(rng, base)
    data = bytearray(_encode(rng, text))
    for _ in range(rng.choice([0, 1, 1, 2])):
        data = _mutate_bytes(rng, data)
    ref = reference.encode() if rng.random() < 0.8 else _encode(rng, _mutate_text(rng, reference))
    return bytes(data), ref, "mutated"


def expected_none(path: Path) -> bytes | None:
    """What ``apply --accept none`` must write for base ``path`` (None: it must refuse)."""
    try:
        edition = load_edition(path)
    except EditionError:
        return None
    text = original_text(edition, 0, len(edition.text))
    if edition.newline != "\n":
        text = text.replace("\n", edition.newline)
    return text.encode("utf-8")


def charset_problems(data: bytes, path: Path, err: str, case: str) -> list[Problem]:
    try:
        edition = load_edition(path)
    except EditionError:
        return []
    enc = edition.encoding.replace("-", "_").lower()
    if any(enc == e.replace("-", "_") for e in EBCDIC):
        return [Problem("charset", case, f"read as EBCDIC {enc}")]
    if enc.startswith(("utf_8", "utf_16", "utf_32", "ascii")):
        if enc.startswith(("utf_16", "utf_32")) and not edition.had_bom and edition.encoding.upper() not in err.upper():
            return [Problem("charset", case, f"{edition.encoding} without BOM not said")]
        return []
    if edition.encoding not in err:
        return [Problem("charset", case, f"{edition.encoding} not named on stderr: {err[-200:]!r}")]
    escaped = data.decode("utf-8", "surrogateescape")
    bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in escaped if ch > "\x7f") - bad
    if good >= bad > 0:
        return [Problem("charset", case, f"mostly UTF-8 ({good} good, {bad} bad) read as {edition.encoding}")]
    return []


def edition_case(seed: int, workdir: Path) -> list[Problem]:
    """Compare and ``apply --accept none`` on a hostile pair; check every promise."""
    rng = random.Random(seed)
    case = f"edition seed={seed}"
    folder = workdir / f"e{seed}"
    folder.mkdir(parents=True)
    try:
        base_bytes, ref_bytes, _label = edition_bytes(rng)
        base, ref, out = folder / "base.txt", folder / "ref.txt", folder / "out.txt"
        base.write_bytes(base_bytes)
        ref.write_bytes(ref_bytes)
        before = fingerprint([base, ref])
        problems: list[Problem] = []
        json_run = run_cli(["compare", str(base), str(ref), "--json"]) if rng.random() < 0.3 else None
        if json_run is not None:
            check_run(json_run, case + " compare", problems)
        if json_run is not None and json_run.code == 0:
            try:
                doc = json.loads(json_run.out)
                keys = [s["key"] for s in doc["sections"]]
                if len(set(keys)) != len(keys):
                    problems.append(Problem("exit", case, "section keys repeat in compare --json"))
            except (ValueError, KeyError) as exc:
                problems.append(Problem("half-written", case, f"compare --json output not JSON: {exc}"))
        run = run_cli(["apply", str(base), str(ref), "--accept", "none", "-o", str(out)])
        check_run(run, case + " apply", problems)
        if fingerprint([base, ref]) != before:
            problems.append(Problem("input-changed", case, "an edition changed"))
        if run.code == 2 and out.exists():
            problems.append(Problem("half-written", case, "a failed apply left an output"))
        if run.code == 0:
            written = out.read_bytes() if out.exists() else None
            if written != expected_none(base):
                problems.append(Problem("not-exact", case, "--accept none is not the base as loaded"))
            if "byte for byte" in run.out and written != base_bytes:
                problems.append(Problem("not-exact", case, "said byte for byte and was not"))
            problems += charset_problems(base_bytes, base, run.err, case)
        if temporaries(folder):
            problems.append(Problem("half-written", case, f"temporaries left: {temporaries(folder)}"))
        return problems
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- session files ---------------------------------------------------------------------------------

HOSTILE_VALUES = [
    "9" * 5000, "-" + "9" * 400, "[" * 1000 + "]" * 1000, "{\"a\":" * 600 + "1" + "}" * 600, "NaN", "Infinity",
    "-1e999", "1e308", "true", "false", "null", "0", "-1", "1.5", "[]", "{}", '""', '"\\ud800"', '"\\udfff\\ud800"',
    '"\\u0000"', '"x\\u001b[31m"', json.dumps("x" * 200_000), '["a", "b"]', '{"x": 1}', json.dumps("/dev/zero"),
    json.dumps("/dev/null"), json.dumps("a/" * 3000), json.dumps("../" * 40 + "etc/hostname"),
    json.dumps("p" * 300), json.dumps("accepted"), json.dumps("edited"), json.dumps("pending"),
    json.dumps("\u202eevil"), json.dumps("0" * 64), json.dumps("proofpair-session"),
]


def _paths_in(node: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths_in(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths_in(value, (*prefix, i))
    return found


def _set(doc: dict, path: tuple, value: object) -> dict:
    if not path:
        return value  # type: ignore[return-value]
    node = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


def session_bytes(rng: random.Random, pristine: bytes, special: dict[str, Path]) -> bytes:
    doc = json.loads(pristine)
    for _ in range(rng.choice([1, 1, 2, 3])):
        kind = rng.choice(["value", "value", "value", "delete", "rename", "path", "bytes"])
        targets = _paths_in(doc)
        where = rng.choice(targets)
        if kind == "value":
            doc = _set(doc, where, "\x00HOSTILE\x00")
            raw = json.dumps(doc, ensure_ascii=False).replace('"\\u0000HOSTILE\\u0000"', rng.choice(HOSTILE_VALUES), 1)
            doc = None
            return raw.encode("utf-8", "surrogatepass") if rng.random() < 0.9 else _flip(rng, raw.encode("utf-8", "surrogatepass"))
        if kind == "delete" and where:
            parent = doc
            for step in where[:-1]:
                parent = parent[step]
            del parent[where[-1]]
        elif kind == "rename" and where and isinstance(where[-1], str):
            parent = doc
            for step in where[:-1]:
                parent = parent[step]
            parent[where[-1] + rng.choice(["x", "_", ""])] = parent.pop(where[-1])
        elif kind == "path":
            role = rng.choice(["base", "reference"])
            entry = doc.get("editions", {}).get(role) if isinstance(doc.get("editions"), dict) else None
            if isinstance(entry, dict):
                target = rng.choice(list(special.values()))
                entry[rng.choice(["path", "relative"])] = str(target) if rng.random() < 0.5 else os.path.relpath(target, special["folder"])
        elif kind == "bytes":
            return _flip(rng, json.dumps(doc, ensure_ascii=False).encode())
    return json.dumps(doc, ensure_ascii=False, indent=rng.choice([None, 1])).encode()


def _flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    how = rng.choice(["flip", "cut", "insert"])
    if how == "flip":
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif how == "cut":
        del buf[rng.randrange(len(buf)):]
    else:
        at = rng.randrange(len(buf) + 1)
        buf[at:at] = rng.choice([b"\xff", b"\xed\xa0\x80", b"\x00", b"}", b"[", b'"'])
    return bytes(buf)


def prepare_session_folder(workdir: Path) -> tuple[Path, bytes, dict[str, Path]]:
    """A small pair with a saved session in ``workdir/s``; the special files a hostile
    session may point at; the session's pristine bytes."""
    from app.engine import compare_files
    from app.model import ACCEPT, REJECT, Decision, Verdict
    from app.review import Review
    from app.session import save_session

    folder = workdir / "s"
    folder.mkdir(parents=True, exist_ok=True)
    base, reference = sample_slice(random.Random(7), most=6000)
    (folder / "base.txt").write_text(base, encoding="utf-8")
    (folder / "ref.txt").write_text(reference, encoding="utf-8")
    review = Review(compare_files(folder / "base.txt", folder / "ref.txt"))
    ids = [c.id for c in review.changes]
    review.decide({cid: random.Random(i).choice([ACCEPT, REJECT, Decision(Verdict.EDITED, "eget ✓")])
                   for i, cid in enumerate(ids[:40])})
    save_session(folder / "review.proofpair", review, {"show_layout": True})
    secret = workdir / "secret.txt"
    secret.write_text(base + "\nHEMLIGT\n", encoding="utf-8")
    fifo = workdir / "fifo"
    if not fifo.exists():
        os.mkfifo(fifo)
    loop = workdir / "loop"
    if not loop.is_symlink():
        loop.symlink_to(workdir / "loop2")
        (workdir / "loop2").symlink_to(loop)
    special = {"folder": folder, "secret": secret, "fifo": fifo, "loop": loop, "zero": Path("/dev/zero"),
               "dir": workdir, "missing": workdir / "missing.txt", "long": workdir / ("l" * 300)}
    return folder, (folder / "review.proofpair").read_bytes(), special


def session_case(seed: int, workdir: Path, prepared: tuple[Path, bytes, dict[str, Path]] | None = None) -> list[Problem]:
    """A hostile session through ``load_session``, ``open_session`` and ``export``."""
    from app.session import SessionError, load_session, open_session

    rng = random.Random(seed)
    case = f"session seed={seed}"
    folder, pristine, special = prepared or prepare_session_folder(workdir)
    data = session_bytes(rng, pristine, special)
    session = folder / f"case-{seed}.proofpair"
    session.write_bytes(data)
    out = folder / f"out-{seed}.{rng.choice(['txt', 'csv', 'json'])}"
    watched = [session, folder / "base.txt", folder / "ref.txt", special["secret"], special["fifo"], Path("/dev/null")]
    before = fingerprint(watched)
    problems: list[Problem] = []
    try:
        for call in (load_session, lambda p: open_session(p, trust_paths=True)):
            try:
                call(session)
            except SessionError:
                pass
            except BaseException as exc:  # noqa: BLE001
                if isinstance(exc, KeyboardInterrupt):
                    raise
                problems.append(Problem("traceback", case, "".join(traceback.format_exception(exc))[-2000:]))
        trust = rng.random() < 0.5
        argv = ["export", str(session), "-o", str(out), "--format", rng.choice(FORMATS)] + (["--trust-paths"] if trust else [])
        run = run_cli(argv)
        check_run(run, case + " export", problems)
        if fingerprint(watched) != before:
            problems.append(Problem("input-changed", case, "a session, an edition or a special file changed"))
        if run.code == 2 and out.exists():
            problems.append(Problem("half-written", case, "a failed export left an output"))
        if run.code == 0:
            problems += _export_complete(out, argv[-1] if not trust else argv[-2], case)
            if not trust and "HEMLIGT" in out.read_text(encoding="utf-8-sig", errors="replace"):
                problems.append(Problem("trust", case, "exported a file outside the session folder untrusted"))
        if temporaries(folder):
            problems.append(Problem("half-written", case, f"temporaries left: {temporaries(folder)}"))
        return problems
    finally:
        for path in (session, out):
            with contextlib.suppress(OSError):
                path.unlink()


def _export_complete(out: Path, fmt: str, case: str) -> list[Problem]:
    if not out.is_file():
        return [Problem("half-written", case, "export said done and wrote nothing")]
    text = out.read_text(encoding="utf-8-sig")
    try:
        if fmt in ("json", "summary"):
            json.loads(text)
        elif fmt == "csv":
            # a decision's text may be longer than the reader's default cap on a field (128 KB):
            # the log holds it whole, as it must
            csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
            rows = list(csv.reader(io.StringIO(text), strict=True))  # a torn quote raises
            if not rows or rows[0][0] != "id":
                raise ValueError("no header")
    except (ValueError, csv.Error) as exc:
        return [Problem("half-written", case, f"{fmt} output incomplete: {exc}")]
    return []


# -- CLI paths -------------------------------------------------------------------------------------

def _path_kinds(folder: Path, good: Path) -> dict[str, Callable[[], Path]]:
    def make(name: str, build: Callable[[Path], None]) -> Callable[[], Path]:
        def made() -> Path:
            path = folder / name
            if not (path.exists() or path.is_symlink()):
                build(path)
            return path
        return made

    return {
        "good": lambda: good,
        "missing": lambda: folder / "missing.txt",
        "folder": make("dir", lambda p: p.mkdir()),
        "fifo": make("fifo", lambda p: os.mkfifo(p)),
        "dev-null": lambda: Path(os.devnull),
        "dev-zero": lambda: Path("/dev/zero"),
        "loop": make("loop", lambda p: (p.symlink_to(folder / "loop2"), (folder / "loop2").symlink_to(p))),
        "long": lambda: folder / ("n" * 300 + ".txt"),
        "long-folder": lambda: folder / ("d" * 255) / ("d" * 255) / "x.txt",
        "symlink": make("link.txt", lambda p: p.symlink_to(good)),
        "dangling": make("dangling.txt", lambda p: p.symlink_to(folder / "nowhere" / "x.txt")),
        "not-a-folder": lambda: good / "x.txt",
        "odd-name": make("odd\n\x1b[31mname\u202e.txt", lambda p: shutil.copy(good, p)),
        "nul-in-name": lambda: Path(str(folder / "a") + "\x00b"),
    }


def cli_path_case(seed: int, workdir: Path) -> list[Problem]:
    """``compare``/``apply``/``export`` with hostile paths in every position."""
    rng = random.Random(seed)
    case = f"cli seed={seed}"
    folder = workdir / f"c{seed}"
    folder.mkdir(parents=True)
    try:
        base_text, ref_text = sample_slice(rng, most=4000)
        good_base, good_ref = folder / "base.txt", folder / "ref.txt"
        good_base.write_text(base_text, encoding="utf-8")
        good_ref.write_text(ref_text, encoding="utf-8")
        kinds = _path_kinds(folder, good_base)
        names = list(kinds)
        pick = lambda: kinds[rng.choice(names)]()  # noqa: E731
        command = rng.choice(["compare", "apply", "apply", "export"])
        base = pick() if rng.random() < 0.6 else good_base
        ref = pick() if rng.random() < 0.3 else good_ref
        out = pick() if rng.random() < 0.7 else folder / "out.txt"
        if command == "compare":
            argv = ["compare", str(base), str(ref)] + (["--json"] if rng.random() < 0.5 else [])
        elif command == "apply":
            argv = ["apply", str(base), str(ref), "-o", str(out)]
        else:
            argv = ["export", str(base), "-o", str(out)]
        if "\x00" in "".join(argv):
            return []  # a NUL cannot reach argv from a shell; the parser is not the point
        inputs = [base, ref] if command != "export" else [base]
        watched = [*inputs, folder / "fifo", Path(os.devnull)]  # a symlink output may write its target
        before = fingerprint(watched)
        problems: list[Problem] = []
        run = run_cli(argv)
        check_run(run, f"{case} {command}", problems)
        after = fingerprint(watched)
        changed = [k for k in before if before[k] != after[k]]
        if changed:
            problems.append(Problem("input-changed", case, f"changed: {changed}"))
        if temporaries(folder):
            problems.append(Problem("half-written", case, f"temporaries left: {temporaries(folder)}"))
        return problems
    finally:
        shutil.rmtree(folder, ignore_errors=True)
