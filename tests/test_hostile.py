"""Hostile and damaged input (issue 10): each failure the fuzzing run found, with its reproducer.

Real files in a temporary folder, the real CLI in-process (``main``) or as a process; no mocks.
Never a silent corruption, never a traceback, never a hang: every case ends in the right
text, or in one line on stderr naming the file with exit status 2.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from app.cli import main, user_message, write_blocks
from app.engine import compare_files
from app.fileio import atomic_write_text, clean_stale_temporaries, describe_os_error, temporary_pattern
from app.loading import EditionError, load_edition
from app.model import ACCEPT, REJECT, Decision, Verdict
from app.review import Review
from app.session import SessionError, load_session, open_session, save_session
from app.session_schema import SCHEMA

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str, name: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("proofpair: error:"), err
    assert name in err and "Traceback" not in err


# -- charsets: never a silent switch -----------------------------------------------------------------

def test_one_bad_byte_keeps_utf8_and_names_the_line(capsys, tmp_path, sample_paths) -> None:
    raw = bytearray(sample_paths[0].read_bytes())
    raw[30000] = 0xFF
    bad = tmp_path / "bad.txt"
    bad.write_bytes(raw)
    line = raw.count(b"\n", 0, 30000) + 1
    code, out, err = run(capsys, "apply", bad, sample_paths[1], "--accept", "none", "-o", tmp_path / "out")
    assert code == 0
    assert f"line {line}" in err and "bad.txt" in err and "U+FFFD" in out
    written = (tmp_path / "out").read_text(encoding="utf-8")
    expected = raw.decode("utf-8", errors="replace")
    assert written == expected  # one U+FFFD, every other character as it was: no mojibake
    assert written.count("\ufffd") == 1 and "Ã" not in written


def test_a_file_cut_inside_a_character_stays_utf8(tmp_path, sample_paths) -> None:
    text = sample_paths[0].read_bytes()
    cut = text + "ä".encode()[:1]
    path = tmp_path / "cut.txt"
    path.write_bytes(cut)
    edition = load_edition(path)
    assert edition.encoding == "utf-8" and edition.text.endswith("\ufffd")
    assert "line" in edition.notes[0]


def test_many_bad_bytes_in_utf8_are_refused_with_the_line(tmp_path, sample_paths) -> None:
    raw = bytearray(sample_paths[0].read_bytes())
    for at in range(20000, 30000, 100):
        raw[at] = 0xFF
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw)
    with pytest.raises(EditionError, match=r"mixed\.txt.*line \d+"):
        load_edition(path)


def test_legacy_charset_only_when_plausible_and_said(capsys, tmp_path, sample_paths) -> None:
    text = sample_paths[0].read_text(encoding="utf-8")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode("cp1252", errors="replace"))
    edition = load_edition(legacy)
    assert edition.encoding == "cp1252" and "cp1252" in edition.notes[0]
    assert edition.text == text.encode("cp1252", errors="replace").decode("cp1252")
    code, _, err = run(capsys, "compare", legacy, sample_paths[1])
    assert code == 0 and "cp1252" in err


def _ascii_sample(sample_paths) -> bytes:
    """The sample's OCR edition made pure ASCII (about 65 KB): each non-ASCII letter a '?'."""
    return sample_paths[0].read_text(encoding="utf-8").encode("ascii", errors="replace")


@pytest.mark.parametrize("stray", [0xFF, 0xE9])
def test_one_stray_byte_in_ascii_is_damage_not_a_legacy_charset(capsys, tmp_path, sample_paths, stray) -> None:
    raw = bytearray(_ascii_sample(sample_paths))
    at = raw.index(b"kommuner") + 3  # between two ASCII letters, as a Latin-1 letter would stand
    raw[at] = stray
    path = tmp_path / "ascii.txt"
    path.write_bytes(raw)
    line = raw.count(b"\n", 0, at) + 1
    edition = load_edition(path)
    assert edition.encoding == "utf-8"
    assert edition.text == raw.decode("utf-8", errors="replace") and edition.text.count("\ufffd") == 1
    assert len(edition.notes) == 1 and f"line {line}" in edition.notes[0] and "ascii.txt" in edition.notes[0]
    code, out, err = run(capsys, "apply", path, sample_paths[1], "--accept", "none", "-o", tmp_path / "out")
    assert code == 0 and f"line {line}" in err and "cp1252" not in err and "U+FFFD" in out


def test_a_few_stray_bytes_in_ascii_are_damage_too(tmp_path, sample_paths) -> None:
    raw = bytearray(_ascii_sample(sample_paths))
    for at in (1000, 30000, 60000):  # three bytes in 65 KB: far rarer than a language's letters
        raw[at] = 0xE4
    path = tmp_path / "ascii.txt"
    path.write_bytes(raw)
    edition = load_edition(path)
    assert edition.encoding == "utf-8" and edition.text.count("\ufffd") == 3
    lines = [raw.count(b"\n", 0, at) + 1 for at in (1000, 30000, 60000)]
    assert f"lines {', '.join(map(str, lines))}" in edition.notes[0]


def test_latin1_letters_through_the_file_are_legacy_text(tmp_path, sample_paths) -> None:
    """The other side of the rule: high bytes that recur through the file as letters do
    (an 'a' made Latin-1 'ä' about every 500 bytes) are a legacy text, read as one and said;
    and so is a short file with one (which charset, charset-normalizer decides)."""
    raw = bytearray(_ascii_sample(sample_paths))
    letters = [m.start() for m in re.finditer(rb"(?<=[a-z])a(?=[a-z])", raw)]
    spread = [at for n, at in enumerate(letters) if n % 20 == 0]
    assert len(spread) * 600 > len(raw)
    for at in spread:
        raw[at] = 0xE4
    for name, data in (("latin.txt", bytes(raw)), ("short.txt", "Caf\u00e9 au lait\n".encode("latin-1"))):
        path = tmp_path / name
        path.write_bytes(data)
        edition = load_edition(path)
        assert edition.encoding != "utf-8" and "\ufffd" not in edition.text
        assert edition.notes and edition.encoding in edition.notes[0]


def test_ebcdic_is_never_a_guess(tmp_path, sample_paths) -> None:
    path = tmp_path / "ebcdic.txt"
    path.write_bytes(sample_paths[0].read_text(encoding="utf-8").encode("cp037", errors="replace"))
    with pytest.raises(EditionError, match="ebcdic.txt"):
        load_edition(path)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_read(tmp_path, sample_paths, codec) -> None:
    text = sample_paths[0].read_text(encoding="utf-8")
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(codec))
    edition = load_edition(path)
    assert edition.text == text and edition.encoding == codec
    assert codec.upper() in edition.notes[0]


# -- all rejected = the base, byte for byte --------------------------------------------------------

def _rejected_all(capsys, tmp_path: Path, base: Path, reference: Path) -> bytes:
    out = tmp_path / "none.txt"
    code, stdout, err = run(capsys, "apply", base, reference, "--accept", "none", "-o", out)
    assert code == 0, err
    assert "byte for byte" in stdout
    return out.read_bytes()


@pytest.mark.parametrize("form", ["NFD", "NFKD-ish", "mixed-newlines", "mixed-NFD", "cr-only"])
def test_accept_none_is_the_base_byte_for_byte(capsys, tmp_path, sample_paths, form) -> None:
    text = sample_paths[0].read_text(encoding="utf-8")
    lines = text.split("\n")
    if form == "NFD":
        data = unicodedata.normalize("NFD", text)
    elif form == "NFKD-ish":  # combining-heavy: stacked marks, Hangul jamo, out-of-order marks
        data = text.replace("a", "a\u0323\u0302").replace("e", "e\u0301\u0323") + "\n\u1100\u1161\u11a8 \u0915\u093c\n"
    elif form == "mixed-newlines":
        data = "".join(line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(lines))
    elif form == "mixed-NFD":
        data = unicodedata.normalize("NFD", "".join(line + ("\r\n", "\n")[i % 2] for i, line in enumerate(lines)))
    else:
        data = "\r".join(lines)
    base = tmp_path / "base.txt"
    base.write_bytes(data.encode("utf-8"))
    assert _rejected_all(capsys, tmp_path, base, sample_paths[1]) == data.encode("utf-8")


def test_rejected_changes_keep_the_base_in_the_review_too(tmp_path, sample_paths) -> None:
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", sample_paths[0].read_text(encoding="utf-8")), encoding="utf-8")
    review = Review(compare_files(nfd, sample_paths[1]))
    ids = [c.id for c in review.changes]
    review.decide({cid: REJECT for cid in ids})
    review.decide({ids[3]: ACCEPT})  # a keypress patches the section in place
    review.decide({ids[3]: REJECT})
    assert review.canonical_text() == nfd.read_text(encoding="utf-8")


# -- reading: regular files only, bounded -------------------------------------------------------------

def test_devices_and_fifos_are_refused_without_reading(capsys, tmp_path, sample_paths) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    one_line_error(*run(capsys, "compare", fifo, sample_paths[1])[::2], "pipe.txt")
    one_line_error(*run(capsys, "compare", "/dev/zero", sample_paths[1])[::2], "/dev/zero")
    assert time.monotonic() - started < 5


def test_a_session_pointing_at_a_fifo_is_refused(capsys, tmp_path, sample_copy) -> None:
    session = tmp_path / "s.proofpair"
    save_session(session, Review(compare_files(*sample_copy)))
    sample_copy[0].unlink()
    os.mkfifo(sample_copy[0])
    code, _, err = run(capsys, "export", session, "-o", tmp_path / "out.txt", "--trust-paths")
    one_line_error(code, err, "s.proofpair")
    assert "regular" in err


# -- writing: special files refused, symlinks written through, no stale temporaries -------------------

def test_output_to_a_fifo_or_a_device_is_refused(capsys, tmp_path, sample_paths) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "apply", *sample_paths, "-o", fifo)
    one_line_error(code, err, "out.fifo")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    null = Path(os.devnull)
    before = os.stat(null)
    code, _, err = run(capsys, "apply", *sample_paths, "-o", null)
    one_line_error(code, err, os.devnull)
    after = os.stat(null)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_output_through_a_symlink_writes_its_target(capsys, tmp_path, sample_paths) -> None:
    target = tmp_path / "real" / "canonical.txt"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run(capsys, "apply", *sample_paths, "--accept", "none", "-o", link)[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == sample_paths[0].read_bytes()
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_stale_temporaries_go_on_the_next_save_and_open(tmp_path, sample_copy) -> None:
    session = tmp_path / "review.proofpair"
    review = Review(compare_files(*sample_copy))
    save_session(session, review)
    stale = [tmp_path / f".review.proofpair.{n:08x}.tmp" for n in (1, 2)]
    for path in stale:
        path.write_bytes(b'{"half": ')
    other = tmp_path / ".other.txt.00000001.tmp"  # another target's: not ours to remove
    other.write_bytes(b"x")
    save_session(session, review)
    assert not any(p.exists() for p in stale) and other.exists()
    stale[0].write_bytes(b"{")
    load_session(session)
    assert not stale[0].exists()


def test_a_temporary_being_written_is_left_alone(tmp_path) -> None:
    """A save in progress holds a lock on its temporary; the clean-up must not take it."""
    import fcntl

    target = tmp_path / "out.txt"
    busy = tmp_path / ".out.txt.0000abcd.tmp"
    with open(busy, "wb") as handle:
        handle.write(b"partial")
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert clean_stale_temporaries(target) == []
        assert busy.exists()
    assert clean_stale_temporaries(target) == [busy]
    assert temporary_pattern("out.txt").fullmatch(busy.name)


# -- CLI paths: one line naming the file, exit 2 --------------------------------------------------------

def test_a_300_character_name_is_one_line(capsys, tmp_path, sample_paths) -> None:
    long = tmp_path / ("n" * 300 + ".txt")
    one_line_error(*run(capsys, "compare", long, sample_paths[1])[::2], "nnnn")
    code, _, err = run(capsys, "apply", *sample_paths, "-o", long)
    one_line_error(code, err, "nnnn")
    assert "too long" in err


def test_a_symlink_loop_is_one_line(capsys, tmp_path, sample_paths) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    one_line_error(*run(capsys, "compare", loop, sample_paths[1])[::2], "loop")
    one_line_error(*run(capsys, "apply", *sample_paths, "-o", loop)[::2], "loop")
    one_line_error(*run(capsys, "export", loop, "-o", tmp_path / "x.txt")[::2], "loop")


@pytest.mark.skipif(ROOT_USER or os.name != "posix", reason="root may enter any folder")
def test_a_folder_that_cannot_be_entered(capsys, tmp_path, sample_paths) -> None:
    closed = tmp_path / "closed"
    closed.mkdir()
    shutil.copy(sample_paths[0], closed / "base.txt")
    closed.chmod(0)
    try:
        one_line_error(*run(capsys, "compare", closed / "base.txt", sample_paths[1])[::2], "base.txt")
        one_line_error(*run(capsys, "apply", *sample_paths, "-o", closed / "out.txt")[::2], "out.txt")
    finally:
        closed.chmod(0o755)


@pytest.mark.parametrize("number, words", [(errno.EACCES, "permission denied"), (errno.ELOOP, "symlink loop"),
                                           (errno.ENAMETOOLONG, "too long"), (errno.ENOSPC, "no space")])
def test_os_errors_map_to_one_line_naming_the_file(number: int, words: str) -> None:
    """The mapping itself, for the errors a root test run cannot provoke (EACCES, ENOSPC)."""
    exc = OSError(number, os.strerror(number), "/some/folder/edition.txt")
    message = user_message(exc)
    assert message is not None and message.startswith("/some/folder/edition.txt: ") and words in message
    assert "\n" not in describe_os_error(exc)


# -- session files: validated whole, the field named ------------------------------------------------

@pytest.fixture
def saved(tmp_path: Path, sample_copy: tuple[Path, Path]) -> Path:
    review = Review(compare_files(*sample_copy))
    ids = [c.id for c in review.changes]
    review.decide({ids[0]: ACCEPT, ids[1]: Decision(Verdict.EDITED, "eget")})
    path = tmp_path / "review.proofpair"
    save_session(path, review)
    return path


def _edited(path: Path, change) -> bytes:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _first(doc: dict) -> dict:
    return next(iter(doc["decisions"].values()))


def _edited_one(doc: dict) -> dict:
    return next(r for r in doc["decisions"].values() if r["verdict"] == "edited")


_SCHEMA = f'"schema": {SCHEMA}'.encode()

HOSTILE = {
    "huge integer": (lambda raw: raw.replace(_SCHEMA, b'"schema": ' + b"9" * 5000), "schema"),
    "deep nesting": (lambda raw: raw.replace(b'"settings": {}', b'"settings": {"x": ' + b"[" * 1000 + b"]" * 1000 + b"}"), "deep"),
    "lone surrogate": (lambda raw: raw.replace(b'"eget"', b'"\\ud800"'), "surrogate"),
    "raw surrogate bytes": (lambda raw: raw.replace(b'"eget"', b'"\xed\xa0\x80"'), "UTF-8"),
    "schema true": (lambda raw: raw.replace(_SCHEMA, b'"schema": true'), "schema"),
    "NaN text": (lambda raw: raw.replace(b'"text": "eget"', b'"text": NaN'), "JSON"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_session_bytes_are_one_message(capsys, tmp_path, saved, case) -> None:
    damage, words = HOSTILE[case]
    raw = saved.read_bytes().replace(_SCHEMA.replace(b" ", b""), _SCHEMA)
    assert _SCHEMA in raw
    bad = damage(raw)
    assert bad != raw
    saved.write_bytes(bad)
    with pytest.raises(SessionError, match=words) as info:
        load_session(saved)
    assert "review.proofpair" in str(info.value) and "\n" not in str(info.value)
    one_line_error(*run(capsys, "export", saved, "-o", tmp_path / "out.txt")[::2], "review.proofpair")
    assert saved.read_bytes() == bad and not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("field, value", [
    ("base_text", ["a", "list"]), ("reference_text", {"a": "dict"}),
    ("text", 42), ("text", True), ("text", 1.5), ("text", ["x"]), ("text", {"x": 1}),
])
def test_wrong_types_in_a_decision_name_the_field(tmp_path, saved, field, value) -> None:
    def damage(doc: dict) -> None:
        record = _edited_one(doc) if field == "text" else _first(doc)
        record[field] = value
    saved.write_bytes(_edited(saved, damage))
    with pytest.raises(SessionError, match=rf"decisions.*{field}"):
        load_session(saved)


def test_an_edition_path_of_300_characters(tmp_path, saved) -> None:
    def damage(doc: dict) -> None:
        doc["editions"]["base"]["path"] = str(tmp_path / ("p" * 300))
        doc["editions"]["base"].pop("relative")
    saved.write_bytes(_edited(saved, damage))
    with pytest.raises(SessionError, match="too long") as info:
        open_session(saved)
    assert "review.proofpair" in str(info.value)


def test_symlink_loops_in_and_as_the_session(tmp_path, saved) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")

    def damage(doc: dict) -> None:
        doc["editions"]["base"]["path"] = "/nowhere/base.txt"
        doc["editions"]["base"]["relative"] = "a"
    saved.write_bytes(_edited(saved, damage))
    with pytest.raises(SessionError, match="review.proofpair"):
        open_session(saved)
    with pytest.raises(SessionError, match="symlink loop"):
        load_session(tmp_path / "a")


def test_schema_true_is_not_version_one(tmp_path, saved) -> None:
    saved.write_bytes(_edited(saved, lambda doc: doc.update(schema=True)))
    with pytest.raises(SessionError, match="schema"):
        load_session(saved)


def test_unknown_optional_fields_are_kept_out_of_the_way(tmp_path, saved) -> None:
    """A later ProofPair may add optional fields: this one still opens the file."""
    def damage(doc: dict) -> None:
        doc["provenance"] = {"by": "someone"}
        _first(doc)["provenance"] = {"at": "2026-01-01"}
    saved.write_bytes(_edited(saved, damage))
    assert load_session(saved).records


# -- trust: a session cannot make export read any file ----------------------------------------------

def test_a_session_pointing_elsewhere_needs_trust(capsys, tmp_path, saved, sample_copy) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text(sample_copy[0].read_text(encoding="utf-8") + "hemligt lösenord\n", encoding="utf-8")
    try:
        def damage(doc: dict) -> None:
            doc["editions"]["base"]["path"] = str(secret)
            doc["editions"]["base"]["relative"] = os.path.relpath(secret, tmp_path)
        saved.write_bytes(_edited(saved, damage))
        out = tmp_path / "out.txt"
        code, _, err = run(capsys, "export", saved, "-o", out)
        one_line_error(code, err, "review.proofpair")
        assert "--trust-paths" in err and not out.exists()
        assert run(capsys, "export", saved, "-o", out, "--trust-paths")[0] == 0
        assert "hemligt" in out.read_text(encoding="utf-8")
    finally:
        secret.unlink()


def test_a_session_beside_its_editions_needs_no_trust(capsys, tmp_path, saved) -> None:
    assert run(capsys, "export", saved, "-o", tmp_path / "out.txt")[0] == 0


# -- compare --json: few writes, one key per section --------------------------------------------------

class _CountingStream(io.StringIO):
    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_compare_json_is_written_in_few_blocks(sample_paths) -> None:
    from app.cli import compare_json_lines

    review = Review(compare_files(*sample_paths))
    out = _CountingStream()
    write_blocks(compare_json_lines(review), out)
    doc = json.loads(out.getvalue())
    assert out.writes <= 3 and len(doc["changes"]) == len(review.changes) > 1000


def test_compare_json_under_unbuffered_output_is_one_stream(tmp_path, sample_paths) -> None:
    code = "import sys; from app.cli import main; sys.exit(main())"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    done = subprocess.run([sys.executable, "-c", code, "compare", *map(str, sample_paths), "--json"],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    sections = json.loads(done.stdout)["sections"]
    assert len({s["key"] for s in sections}) == len(sections)


def test_subcommands_do_not_import_qt_or_the_session_schema(sample_paths) -> None:  # compare: no msgspec
    code = ("import sys, io, contextlib; from app.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main(['compare', *sys.argv[1:]])\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui', 'msgspec'))))")
    done = subprocess.run([sys.executable, "-c", code, *map(str, sample_paths)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_export_formats_of_the_cli_are_the_log_formats() -> None:
    from app.cli import EXPORT_FORMATS
    from app.export import LOG_FORMATS

    assert set(LOG_FORMATS) <= set(EXPORT_FORMATS)


def test_atomic_write_refuses_a_device(tmp_path) -> None:
    with pytest.raises(OSError, match="character device"):
        atomic_write_text(os.devnull, "x")


def test_an_output_in_a_missing_folder_is_refused_before_the_work(capsys, tmp_path, sample_paths) -> None:
    """Found by the fuzz suite: the refusal came after the comparison and its warnings."""
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere" / "x.txt")
    for out in (tmp_path / "missing" / "out.txt", dangling, sample_paths[0] / "out.txt"):
        code, stdout, err = run(capsys, "apply", *sample_paths, "-o", out)
        one_line_error(code, err, out.name)
        assert stdout == "" and "warning" not in err


def test_error_rates_of_an_undecided_review_are_those_of_the_base(sample_paths) -> None:
    """compare --json skips two of the three Levenshtein sums when nothing was accepted: the
    figures must be the ones the full computation gives."""
    from app.export import _Normal, error_rates

    review = Review(compare_files(*sample_paths))
    rates = error_rates(review)
    base = [_Normal.of(s.base.slice(review.comparison.base.text)).text for s in review.sections]
    assert rates["canonical_vs_reference"] == rates["base_vs_reference"]
    assert rates["canonical_vs_base"] == {"cer": 0.0, "wer": 0.0, "char_distance": 0, "word_distance": 0,
                                          "chars": sum(map(len, base)), "words": sum(len(b.split()) for b in base)}
    review.decide({review.changes[0].id: ACCEPT})
    assert error_rates(review)["canonical_vs_base"]["char_distance"] > 0


def test_the_terminal_gets_no_escape_sequence_from_a_document(capsys, tmp_path) -> None:
    base, reference = tmp_path / "b\x1b[2Jx.txt", tmp_path / "r.txt"
    base.write_text("1. Rubrik \x1b[31m röd\n\nText abc\u202edef här.\n", encoding="utf-8")
    reference.write_text("1. Rubrik \x1b[31m röd\n\nText abcdef här, ny.\n", encoding="utf-8")
    code, out, err = run(capsys, "compare", base, reference)
    assert code == 0 and "\x1b" not in out + err and "\u202e" not in out + err
    assert "\\x1b" in out and "bidirectional control" in err
