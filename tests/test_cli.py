"""The command line, run as a user would: real files in a temporary folder, no Qt.

Most tests call :func:`app.cli.main` in-process (with ``capsys``); one runs the installed
console script (or ``python -c``) in a subprocess to check the real exit status and streams.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.engine import compare_files
from app.model import REJECT, Kind, Verdict
from app.review import Review
from app.tables import STANDARD_FORM

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def nl(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


@pytest.fixture
def legacy_copy(tmp_path: Path, sample_paths: tuple[Path, Path]) -> tuple[Path, Path]:
    """The sample as a Windows user may have it: base in Latin-1 with CRLF, reference UTF-8
    with a BOM and CRLF (the digital edition has dashes and bullets Latin-1 cannot hold)."""
    text = sample_paths[0].read_text(encoding="utf-8").translate({0x2019: "'", 0x201C: '"', 0x201D: '"'})
    base = tmp_path / "legacy-base.txt"
    base.write_bytes(text.replace("\n", "\r\n").encode("latin-1"))
    ref = tmp_path / "legacy-ref.txt"
    ref.write_bytes(b"\xef\xbb\xbf" + sample_paths[1].read_bytes().replace(b"\n", b"\r\n"))
    return base, ref


# -- apply ----------------------------------------------------------------------------------------

def test_apply_none_gives_the_base_and_all_the_reference(capsys, tmp_path, sample_paths) -> None:
    base, ref = sample_paths
    code, out, err = run(capsys, "apply", base, ref, "--accept", "none", "-o", tmp_path / "none.txt")
    assert (code, err) == (0, "")
    assert "Rejected all" in out
    assert (tmp_path / "none.txt").read_bytes() == base.read_bytes()
    code, out, err = run(capsys, "apply", base, ref, "--accept", "all", "-o", tmp_path / "all.txt")
    assert (code, err) == (0, "")
    assert nl((tmp_path / "all.txt").read_bytes()) == nl(ref.read_bytes())


def test_apply_none_and_all_on_a_crlf_latin1_copy(capsys, tmp_path, legacy_copy) -> None:
    base, ref = legacy_copy
    assert run(capsys, "apply", base, ref, "--accept", "none", "-o", tmp_path / "none.txt")[0] == 0
    assert run(capsys, "apply", base, ref, "--accept", "all", "-o", tmp_path / "all.txt")[0] == 0
    none, all_ = (tmp_path / "none.txt").read_bytes(), (tmp_path / "all.txt").read_bytes()
    assert b"\r\n" in none and b"\n" not in none.replace(b"\r\n", b"")  # the base's line endings
    assert nl(none).decode("utf-8") == nl(base.read_bytes()).decode("latin-1")
    assert nl(all_).decode("utf-8") == nl(ref.read_bytes()).decode("utf-8-sig")


def test_default_apply_differs_from_the_reference_only_in_content_changes(capsys, tmp_path, sample_paths) -> None:
    out_path = tmp_path / "canonical.txt"
    code, out, _ = run(capsys, "apply", *sample_paths, "-o", out_path)
    assert code == 0 and "Applied" in out and "content" in out
    canonical = out_path.read_text(encoding="utf-8")

    # The same decisions in-process, with the content changes that have no suggestion
    # explicitly kept as base so the review can say where each one landed in the canonical
    # text (those with one took it: the print's wording, its misreads read back). Besides
    # those, the text differs from the reference only where a typography suggestion keeps the
    # print's glyph (a curly quote the OCR read where the digital edition has a straight one).
    review = Review(compare_files(*sample_paths))
    review.apply_suggestions(numbers=True)
    content = review.select(kinds=[Kind.CONTENT])
    content += [c.id for c in review.changes if c.kind is Kind.TYPOGRAPHY and c.suggestion is not None
                and c.suggestion.decision.verdict is Verdict.REJECTED]
    review.decide({cid: REJECT for cid in content if review.decision(cid).verdict is Verdict.PENDING})
    text, marks = review.canonical_with_marks()
    assert text == canonical
    spots = [(m.start, m.end) for m in marks if m.change_id in set(content)]
    assert len(spots) == len(content) > 0

    def tokens(t: str) -> list[re.Match[str]]:
        return list(re.finditer(r"\S+", "".join(STANDARD_FORM.get(ch, ch) for ch in t)))

    mine, theirs = tokens(canonical), tokens(review.comparison.reference.text)
    matcher = difflib.SequenceMatcher(None, [m.group() for m in mine], [m.group() for m in theirs],
                                      autojunk=False)
    regions = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert regions, "the sample has content changes, so some difference must remain"
    for _tag, i1, i2, _j1, _j2 in regions:
        start = mine[i1].start() if i1 < len(mine) else len(canonical)
        end = mine[i2 - 1].end() if i2 > i1 else start
        while start and canonical[start - 1].isspace():  # a spot may stand across white space
            start -= 1
        while end < len(canonical) and canonical[end].isspace():
            end += 1
        assert any(s - 1 <= end and start <= e + 1 for s, e in spots), (
            f"difference not explained by a content change: {canonical[start - 30:end + 30]!r}")


def test_apply_only_some_kinds(capsys, tmp_path, sample_paths) -> None:
    code, out, _ = run(capsys, "apply", *sample_paths, "--accept", "ocr", "-o", tmp_path / "ocr.txt")
    assert code == 0 and "(ocr)" in out
    text = (tmp_path / "ocr.txt").read_text(encoding="utf-8")
    assert "Förvaltningen" in text  # an OCR fix
    assert "\uf0b7" not in text and "•" not in text  # bullets are typography: left as OCR'd


def test_apply_reflow(capsys, tmp_path, sample_paths) -> None:
    assert run(capsys, "apply", *sample_paths, "--reflow", "-o", tmp_path / "r.txt")[0] == 0
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "miljö- och klimatförändringar" in text


# -- compare ---------------------------------------------------------------------------------------

def test_compare_json_schema(capsys, sample_paths) -> None:
    code, out, err = run(capsys, "compare", *sample_paths, "--json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert set(doc) == {"sections", "changes", "summary"}
    assert all(set(s) == {"key", "number", "title", "base_span", "reference_span"} for s in doc["sections"])
    fields = {"id", "section", "kind", "confidence", "suggestion", "base_span", "reference_span",
              "base_text", "reference_text"}
    assert all(set(c) == fields for c in doc["changes"])
    for change in doc["changes"]:
        assert len(change["base_span"]) == 2 and change["base_span"][0] <= change["base_span"][1]
        assert change["kind"] in {k.value for k in Kind}
        if change["suggestion"] is not None:
            assert set(change["suggestion"]) == {"decision", "text", "reason"}
            assert change["suggestion"]["decision"] in {"accept", "reject", "edit"}
            assert (change["suggestion"]["text"] is not None) == (change["suggestion"]["decision"] == "edit")
    kinds = [c["kind"] for c in doc["changes"]]
    assert kinds.count("content") < 60
    assert sum(c["suggestion"] is not None for c in doc["changes"]) > 0.95 * len(kinds)
    assert doc["summary"]["changes"] == len(kinds)
    numbers = {s["number"] for s in doc["sections"]}
    keys = [s["key"] for s in doc["sections"]]
    assert {"1.1", "6.3"} <= numbers and {c["section"] for c in doc["changes"]} <= set(keys)
    assert len(set(keys)) == len(keys), "a change's section names one section"


def test_compare_human_readable(capsys, sample_paths) -> None:
    code, out, err = run(capsys, "compare", *sample_paths)
    assert (code, err) == (0, "")
    sections = len(compare_files(*sample_paths).sections)  # 34 numbered and their sub-headings
    assert f"Sections: {sections}" in out and "Changes:" in out and "ocr" in out and "With a suggestion" in out


def test_unrelated_editions_warn_on_stderr(capsys, sample_paths) -> None:
    code, out, err = run(capsys, "compare", sample_paths[0], FIXTURES / "small-reference.txt", "--json")
    assert code == 0
    json.loads(out)  # the warning does not spoil the JSON
    assert err.startswith("proofpair: warning:") and "different reports" in err


# -- user errors --------------------------------------------------------------------------------------

def bad_inputs(folder: Path) -> dict[str, Path]:
    (folder / "folder").mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00text\x00" * 50)
    (folder / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 20)
    return {"missing": folder / "missing.txt", "directory": folder / "folder",
            "empty": folder / "empty.txt", "binary": folder / "binary.txt",
            "undecodable": folder / "undecodable.txt"}


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "undecodable"])
@pytest.mark.parametrize("command", ["compare", "apply"])
def test_bad_input_is_one_line_naming_the_file(capsys, tmp_path, sample_paths, case, command) -> None:
    bad = bad_inputs(tmp_path)[case]
    extra = ["-o", str(tmp_path / "out.txt")] if command == "apply" else []
    code, out, err = run(capsys, command, sample_paths[0], bad, *extra)
    assert code == 2 and out == ""
    assert err.startswith("proofpair: error: ") and err.count("\n") == 1
    assert bad.name in err
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("which", [0, 1])
def test_apply_refuses_to_overwrite_an_input(capsys, sample_copy, which) -> None:
    before = [p.read_bytes() for p in sample_copy]
    code, out, err = run(capsys, "apply", *sample_copy, "-o", sample_copy[which])
    assert code == 2 and err.count("\n") == 1 and "input" in err and sample_copy[which].name in err
    assert [p.read_bytes() for p in sample_copy] == before


def test_apply_refuses_an_input_by_another_name(capsys, sample_copy) -> None:
    before = sample_copy[0].read_bytes()
    other = sample_copy[0].parent / "sub" / ".." / sample_copy[0].name
    (sample_copy[0].parent / "sub").mkdir()
    assert run(capsys, "apply", *sample_copy, "-o", other)[0] == 2
    assert sample_copy[0].read_bytes() == before


def test_unwritable_output_is_a_user_error(capsys, tmp_path, sample_paths) -> None:
    code, _, err = run(capsys, "apply", *sample_paths, "-o", tmp_path / "no" / "such" / "dir.txt")
    assert code == 2 and err.count("\n") == 1 and "dir.txt" in err


@pytest.mark.parametrize("argv", [["compare", "only-one.txt"], ["apply", "a", "b"], ["apply", "a", "b",
                                  "--accept", "ocr,bogus", "-o", "x"], ["export"], ["a", "b", "c"]])
def test_usage_errors_are_one_line(capsys, argv) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.startswith("proofpair: error: ") and err.count("\n") == 1


def test_version(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and re.fullmatch(r"proofpair \d+\.\d+\.\d+\n", out)


# -- the window hand-off -----------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "paths", "flags"), [
    ([], [], {}),
    (["base.txt", "ref.txt"], ["base.txt", "ref.txt"], {}),
    (["review.proofpair", "--smoke"], ["review.proofpair"], {"smoke": True}),
    (["--sample", "--screenshot", "shot.png"], [], {"sample": True, "screenshot": "shot.png"}),
])
def test_no_command_opens_the_window(argv, paths, flags) -> None:
    seen = []
    assert main(argv, open_window=lambda args: seen.append(args) or 0) == 0
    (args,) = seen
    expected = {"smoke": False, "sample": False, "screenshot": None} | flags
    assert args.paths == paths
    assert {k: getattr(args, k) for k in expected} == expected


def test_no_window_available_is_exit_2(capsys) -> None:
    code, _, err = run(capsys, "a.txt", "b.txt")
    assert code == 2 and err.startswith("proofpair: error:") and err.count("\n") == 1


# -- export from a session ------------------------------------------------------------------------------



@pytest.fixture
def saved_session(tmp_path: Path) -> Path:
    if importlib.util.find_spec("app.session") is None:
        pytest.skip("app.session has not landed yet")
    from app.session import save_session
    from test_export import golden_review, small_pair

    review = golden_review(*small_pair(tmp_path))
    path = tmp_path / "review.proofpair"
    save_session(path, review)
    return path


@pytest.mark.parametrize(("fmt", "golden"), [
    ("text", "small-canonical.txt"), ("reflow", "small-canonical-reflow.txt"),
    ("csv", "small-log.csv"), ("json", "small-log.json"), ("summary", "small-summary.json")])
def test_export_each_format_matches_golden(capsys, tmp_path, saved_session, fmt, golden) -> None:
    out = tmp_path / f"export-{fmt}"
    code, stdout, err = run(capsys, "export", saved_session, "-o", out, "--format", fmt)
    assert (code, err) == (0, "")
    assert "1 pending" in stdout
    if golden.endswith(".json"):
        assert json.loads(out.read_text("utf-8")) == json.loads((FIXTURES / golden).read_text("utf-8"))
    else:
        assert out.read_bytes() == (FIXTURES / golden).read_bytes()


def test_export_format_from_suffix(capsys, tmp_path, saved_session) -> None:
    assert run(capsys, "export", saved_session, "-o", tmp_path / "log.csv")[0] == 0
    assert (tmp_path / "log.csv").read_bytes() == (FIXTURES / "small-log.csv").read_bytes()


def test_export_refuses_to_overwrite_session_or_edition(capsys, tmp_path, saved_session) -> None:
    before = saved_session.read_bytes()
    assert run(capsys, "export", saved_session, "-o", saved_session)[0] == 2
    assert saved_session.read_bytes() == before
    base = tmp_path / "small-base.txt"
    before = base.read_bytes()
    code, _, err = run(capsys, "export", saved_session, "-o", base)
    assert code == 2 and err.count("\n") == 1 and base.read_bytes() == before


def test_export_of_a_damaged_session_is_one_line(capsys, tmp_path) -> None:
    if importlib.util.find_spec("app.session") is None:
        pytest.skip("app.session has not landed yet")
    bad = tmp_path / "bad.proofpair"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "export", bad, "-o", tmp_path / "out.txt")
    assert code == 2 and err.count("\n") == 1 and "bad.proofpair" in err
    assert not (tmp_path / "out.txt").exists()


# -- as a real process ---------------------------------------------------------------------------------

def _command() -> list[str]:
    script = shutil.which("proofpair", path=str(Path(sys.executable).parent))
    if script and importlib.util.find_spec("ui.launcher") is not None:
        return [script]
    return [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]


def test_real_process_exit_codes_and_streams(tmp_path, sample_paths) -> None:
    out = tmp_path / "canonical.txt"
    done = subprocess.run([*_command(), "apply", *map(str, sample_paths), "-o", str(out)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Applied" in done.stdout and out.is_file()
    missing = tmp_path / "missing.txt"
    done = subprocess.run([*_command(), "compare", str(sample_paths[0]), str(missing)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "missing.txt" in done.stderr and "Traceback" not in done.stderr


def test_apply_saves_a_session_that_export_reads_with_cli_provenance(capsys, tmp_path, sample_paths) -> None:
    session, log = tmp_path / "made.proofpair", tmp_path / "log.csv"
    code, out, err = run(capsys, "apply", *sample_paths, "--accept", "ocr", "-o", tmp_path / "c.txt",
                         "--session", session)
    assert code == 0 and err == "" and "Saved the session" in out
    assert run(capsys, "export", session, "-o", log)[0] == 0
    import csv as csv_
    rows = list(csv_.DictReader(log.read_text(encoding="utf-8-sig").splitlines()))
    decided = [r for r in rows if r["decision"] != "pending"]
    assert decided and {r["decided_by"] for r in decided} == {"cli"}
    assert {r["action"] for r in decided} == {"apply --accept ocr"}
    assert all(r["decided_at"] for r in decided)
    assert {r["decided_by"] for r in rows if r["decision"] == "pending"} == {""}


def test_apply_with_the_editions_swapped_warns(capsys, tmp_path, sample_paths) -> None:
    base, reference = sample_paths
    code, _out, err = run(capsys, "apply", reference, base, "-o", tmp_path / "c.txt")
    assert code == 0 and "look swapped" in err and base.name in err
    assert "look swapped" not in run(capsys, "apply", base, reference, "-o", tmp_path / "d.txt")[2]


def test_apply_help_says_which_file_is_base(capsys) -> None:
    assert main(["apply", "--help"]) == 0
    assert "OCR'd edition" in capsys.readouterr().out


def test_a_mistyped_command_is_named_not_opened(capsys, sample_paths) -> None:
    code, out, err = run(capsys, "comapre", *sample_paths)
    assert code == 2 and "unknown command 'comapre'" in err and "did you mean 'compare'" in err


def test_a_text_file_given_as_session_is_not_a_session(capsys, tmp_path, sample_paths) -> None:
    code, out, err = run(capsys, "export", sample_paths[0], "-o", tmp_path / "out.txt")
    assert code == 2 and "is not a ProofPair session file" in err and "damaged" not in err
    assert not (tmp_path / "out.txt").exists()


def test_no_display_says_what_to_do_instead_of_aborting(sample_paths) -> None:
    """Started with no display, the window command says how to go on (Qt would abort with a
    misleading hint about xcb-cursor0)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())",
                           *map(str, sample_paths)], env=env, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 2, done.stderr
    assert "no display" in done.stderr and "proofpair compare" in done.stderr and "xcb" not in done.stderr


def test_the_summary_counts_what_the_editor_taught(capsys, tmp_path, sample_paths) -> None:
    """A session where the editor rejected one "for"→"för" by hand: ``export --format summary``
    counts the pending suggestions that decision lowered below the bulk threshold."""
    from app.model import BY_KEY
    from app.session import save_session

    review = Review(compare_files(*sample_paths))
    group = [c for c in review.changes if (c.base_text, c.reference_text) == ("for", "för")]
    review.decide({group[0].id: REJECT}, BY_KEY)
    session = tmp_path / "taught.proofpair"
    save_session(session, review)
    out = tmp_path / "summary.json"
    code, _stdout, err = run(capsys, "export", session, "-o", out, "--format", "summary")
    assert (code, err) == (0, "")
    learned = json.loads(out.read_text("utf-8"))["learned"]
    assert learned["below_bulk_threshold"] >= len(group) - 1 and learned["lowered"] >= learned["below_bulk_threshold"]
    assert learned["raised"] == 0
