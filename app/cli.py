"""The ``proofpair`` command line: open the window, or compare, apply and export without it.

Entry point: :func:`main`. The console script is ``ui.launcher:main``, which calls
``main(argv, open_window=...)``; everything that needs no window lives here, in the core,
so it runs (and is tested) with Qt absent::

    proofpair [BASE REFERENCE | SESSION.proofpair] [--sample] [--smoke] [--screenshot FILE]
    proofpair compare BASE REFERENCE [--json]
    proofpair apply BASE REFERENCE [--accept KINDS] [--reflow] -o CANONICAL [--session OUT.proofpair]
    proofpair export SESSION -o FILE [--format text|reflow|csv|json|summary]

Exit status: 0 on success, 2 on a user error (a file that cannot be read or written, a bad
argument), reported as one line ``proofpair: error: …`` on stderr, never a traceback.
:func:`main` is the one error boundary: every ``OSError`` (permission denied, a symlink
loop, a name too long, a FIFO or device as output…) becomes a line naming the file
(:func:`app.fileio.describe_os_error`). Warnings (how an edition was read, editions that
look unrelated, a section in one edition only) go to stderr.

Start-up cost: a subcommand imports only what it uses (the comparison engine for
``compare``/``apply``, the session schema only for ``export``) and never Qt.
``compare --json`` is written in large blocks, not one ``write()`` per JSON token (under
``PYTHONUNBUFFERED=1`` every write is a system call).

Imports: the standard library and the core (lazily, per command); never :mod:`ui` (the
window is passed in).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from app import __version__
from app.fileio import describe_os_error, shown_path
from app.loading import EditionError
from app.model import BIDI_CONTROLS, REJECT, Kind, Provenance, Source, Verdict

if TYPE_CHECKING:
    from app.model import Comparison
    from app.review import Review

SESSION_SUFFIX = ".proofpair"  # as app.session has it (not imported: a command loads only what it runs)

PROG = "proofpair"
COMMANDS = ("compare", "apply", "export")
#: The kinds ``apply --accept`` takes. Never content: a content change's suggestion (the
#: print's wording with its misreads read back) is taken only by ``apply`` without ``--accept``.
BULK_KINDS = (Kind.OCR, Kind.TYPOGRAPHY, Kind.LAYOUT)
EXPORT_FORMATS = ("text", "reflow", "csv", "json", "summary")  # the log formats: app.export.LOG_FORMATS
_SUFFIX_FORMAT = {".csv": "csv", ".json": "json"}
#: ``compare --json`` is written in blocks of about this many characters.
_JSON_BLOCK = 1 << 20
#: ``compare --json`` encodes this many changes' rows before joining them.
_JSON_ROWS = 1024


#: Control characters escaped and bidi controls named when a document's text is printed.
_TERMINAL_SAFE = {**{code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7f, 0xa0))},
                  **{ord(ch): f"<{name}>" for ch, name in BIDI_CONTROLS.items()}}


class UserError(Exception):
    """A mistake the user can fix; the message is shown as it stands."""


class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line and a :class:`UserError`, not ``sys.exit``."""

    def error(self, message: str) -> NoReturn:
        raise UserError(f"{message} (see '{self.prog} --help')")


def main(argv: Sequence[str] | None = None, open_window: Callable[[argparse.Namespace], Any] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        command = next((a for a in argv if not a.startswith("-")), None)
        if command in COMMANDS:
            args = _commands_parser().parse_args(argv)
            return args.run(args)
        args = _window_parser().parse_args(argv)
        _refuse_unknown_command(command, args.paths)
        return _open(args, open_window)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except BrokenPipeError:  # `proofpair compare … | head`: the reader has gone, fine
        _quiet_stdout()
        return 0
    except Exception as exc:
        message = user_message(exc)
        if message is None:
            raise
        return _fail(message)


def _refuse_unknown_command(word: str | None, paths: list[str]) -> None:
    """``proofpair comapre A B``: a first word that is no file and no command, with more after
    it, is a mistyped command, not three paths for the window."""
    if word is None or len(paths) < 2 or os.path.lexists(word) or any(ch in word for ch in "./\\"):
        return
    import difflib  # here: only a mistyped command needs it, not every start

    close = difflib.get_close_matches(word, COMMANDS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise UserError(f"unknown command '{word}'{hint}; the commands are {', '.join(COMMANDS)}")


def user_message(exc: BaseException) -> str | None:
    """The one-line message for an error the user can act on, or None for a bug."""
    session = sys.modules.get("app.session")
    if isinstance(exc, (UserError, EditionError)) or (session and isinstance(exc, session.SessionError)):
        return str(exc)
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if isinstance(exc, UnicodeEncodeError):  # a lone surrogate on its way to a file
        return f"a text holds a character that cannot be written as UTF-8 ({exc.reason})"
    return None


# -- parsers -------------------------------------------------------------------------------------

def _window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG, description="Reconcile an OCR'd edition of a report with its digital text.",
        epilog="commands (run without the window):\n"
               "  compare BASE REFERENCE [--json]     list the sections and differences\n"
               "  apply BASE REFERENCE -o CANONICAL   apply the suggestions, write the text\n"
               "  export SESSION -o FILE              write a saved review's text, log or summary\n"
               f"see '{PROG} COMMAND --help'",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="BASE REFERENCE editions to compare, or a saved .proofpair session")
    parser.add_argument("--sample", action="store_true", help="open the built-in sample pair")
    parser.add_argument("--smoke", action="store_true", help="start, load, and quit (a self-test)")
    parser.add_argument("--screenshot", metavar="FILE", help="save a screenshot of the window and quit")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _commands_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("compare", help="list the sections and differences of two editions",
                       description="Compare two editions: sections, differences by kind, warnings.")
    p.add_argument("base", metavar="BASE", help="the OCR'd edition (its text is kept)")
    p.add_argument("reference", metavar="REFERENCE", help="the digital edition")
    p.add_argument("--json", action="store_true", help="print every section and change as JSON")
    _ocr_option(p)
    p.set_defaults(run=_compare)

    p = sub.add_parser("apply", help="apply the suggestions and write the canonical text",
                       description="Apply the suggestions for the given kinds in one go (content "
                                   "changes stay as in the base edition) and write the canonical text.")
    p.add_argument("base", metavar="BASE", help="the OCR'd edition (its text is kept where no suggestion applies)")
    p.add_argument("reference", metavar="REFERENCE", help="the digital edition")
    p.add_argument("--accept", metavar="KINDS", default=None,
                   help="comma-separated kinds whose suggestions to apply: "
                        f"{','.join(BULK_KINDS)} (default: every suggestion); 'none' keeps the "
                        "base edition, 'all' takes the reference edition")
    p.add_argument("--reflow", action="store_true", help="one line per paragraph, hyphenation undone")
    p.add_argument("-o", "--output", metavar="CANONICAL", required=True, help="the file to write")
    _ocr_option(p)
    p.add_argument("--session", metavar="OUT", default=None,
                   help=f"also save the decisions as a session ({SESSION_SUFFIX}), for 'export' or the window")
    p.set_defaults(run=_apply)

    p = sub.add_parser("export", help="write a saved review's canonical text, log or summary",
                       description="Export from a saved .proofpair session.")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--format", choices=EXPORT_FORMATS, default=None,
                   help="default: csv or json from the output's suffix, else text")
    p.add_argument("--trust-paths", action="store_true",
                   help="open the session's editions even where they do not match the hashes it "
                        "recorded or lie outside its folder (check the session first)")
    p.set_defaults(run=_export)
    return parser


def _ocr_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ocr-language", metavar="LANG", default=None,
                        help="Tesseract language for a scan (PDF without text, or page images), e.g. "
                             "swe, eng, deu, swe+eng (default: the other edition's language)")


# -- the window ----------------------------------------------------------------------------------

def _open(args: argparse.Namespace, open_window: Callable[[argparse.Namespace], Any] | None) -> int:
    if len(args.paths) > 2:
        raise UserError(f"give two editions (BASE REFERENCE) or one session, not {len(args.paths)} paths")
    if open_window is None:
        raise UserError("the window is not available here (is ProofPair's ui installed?); "
                        f"the commands {', '.join(COMMANDS)} work without it")
    status = open_window(args)
    return status if isinstance(status, int) else 0


# -- compare ---------------------------------------------------------------------------------------

def _compare(args: argparse.Namespace) -> int:
    with _kept_to_the_end():
        from app.engine import compare_files
        from app.review import Review

        comparison = compare_files(args.base, args.reference, ocr_language=args.ocr_language)
        _warn(comparison)
        review = Review(comparison)
        if args.json:
            write_blocks(compare_json_lines(review), sys.stdout)
        else:
            print_comparison(review, sys.stdout)
    return 0


@contextmanager
def _kept_to_the_end() -> Iterator[None]:
    """Python's cycle collector paused for a command, and what the command made frozen
    after it (``gc.freeze``): the comparison and its review hold no reference cycles and
    live until the process ends, where the interpreter's last collection walked them all
    again, as did the collections between comparing and writing. The whole ``compare
    --json`` of the sample 1,532.9 -> 1,471.8 M instructions (45 M of them the last collection);
    with the engine's imports inside too (their collections walked the modules made so far)
    1,466.0 M."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def compare_json(review: Review) -> dict[str, Any]:
    """The ``compare --json`` document: sections, changes and the summary."""
    return json.loads("".join(compare_json_lines(review)))


def compare_json_lines(review: Review) -> Iterator[str]:
    """The ``compare --json`` document as lines: one section or change per line, each made
    by the C encoder (``indent`` would turn it off). A change's ``section`` is its
    section's key (``"3"``, ``"3#2"`` for a repeated number: unique, as the session keys it);
    each section carries its ``key`` and ``number``."""
    import msgspec

    from app.export import suggestion_dict, summary

    encode = msgspec.json.Encoder().encode  # the same JSON as json.dumps(ensure_ascii=False), 5× faster

    def dumps(row: dict[str, Any]) -> str:
        return encode(row).decode("utf-8")

    yield '{"sections": [\n'
    last = len(review.sections) - 1
    for i, s in enumerate(review.sections):
        yield dumps({"key": s.key, "number": s.number, "title": s.title,
                     "base_span": [s.base.start, s.base.end],
                     "reference_span": [s.reference.start, s.reference.end]}) + (",\n" if i < last else "\n")
    yield '],\n"changes": [\n'
    changes = review.changes
    kind_value = {kind: kind.value for kind in Kind}
    # changes share their Suggestion objects (the classification is memoized): each is made a
    # dict once, keyed by identity (every one stays alive, held by its changes)
    suggestions: dict[int, dict[str, Any] | None] = {}
    # a row is a struct, not a dict: made and encoded in C, in half the time (same JSON: the
    # fields in this order, a tuple as an array)
    row = msgspec.defstruct("ChangeRow", ["id", "section", "kind", "confidence", "suggestion", "base_span",
                                          "reference_span", "base_text", "reference_text"])
    for first in range(0, len(changes), _JSON_ROWS):  # rows joined and decoded a batch at a time
        rows = []
        for c in changes[first:first + _JSON_ROWS]:
            if (key := id(c.suggestion)) not in suggestions:
                suggestions[key] = suggestion_dict(c.suggestion)
            base, reference = c.base, c.reference
            rows.append(encode(row(c.id, c.section, kind_value[c.kind], c.confidence, suggestions[key],
                                   (base.start, base.end), (reference.start, reference.end),
                                   c.base_text, c.reference_text)))
        end = b",\n" if first + _JSON_ROWS < len(changes) else b"\n"
        yield (b",\n".join(rows) + end).decode("utf-8")
    yield '],\n"summary": ' + json.dumps(summary(review), ensure_ascii=False, indent=1) + "}\n"


def write_blocks(pieces: Iterator[str], out: TextIO) -> None:
    """Write ``pieces`` to ``out`` in blocks of about a megabyte: a few system calls even
    when the stream is unbuffered, and never the whole document in memory at once."""
    block: list[str] = []
    size = 0
    for piece in pieces:
        block.append(piece)
        size += len(piece)
        if size >= _JSON_BLOCK:
            out.write("".join(block))
            block.clear()
            size = 0
    out.write("".join(block))
    out.flush()


def print_comparison(review: Review, out: TextIO) -> None:
    """The human-readable report of ``compare``."""
    from app.engine import kinds_count
    from app.export import section_numbers

    comparison = review.comparison
    for role, edition in (("Base", comparison.base), ("Reference", comparison.reference)):
        kind = "" if edition.source_format == "text" else f"{edition.source_format}, "
        print(f"{role + ':':<11}{edition.name.translate(_TERMINAL_SAFE)} ({kind}{edition.encoding}, "
              f"{len(edition.text):,} characters)",
              file=out)
    print(f"Shared words: {comparison.similarity:.0%}", file=out)
    print(f"\nSections: {len(comparison.sections)}", file=out)
    for section in comparison.sections:
        changes = review.section_changes(section.key)
        where = f"  (only in the {section.only_in} edition)" if section.only_in else ""
        label = section.number or ("(before the first heading)" if section.key == "front" else section.key)
        print(f"  {label:<8} {_clip(section.title, 60):<60} {len(changes):>5} changes{where}", file=out)
    counts = kinds_count(comparison.changes)
    suggested = sum(1 for c in comparison.changes if c.suggestion is not None)
    total = len(comparison.changes)
    print(f"\nChanges: {total}", file=out)
    for kind in reversed(Kind):
        print(f"  {kind.value:<11} {counts[kind]:>6}", file=out)
    if total:
        print(f"With a suggestion: {suggested} ({suggested / total:.1%})", file=out)
    content = [c for c in comparison.changes if c.kind is Kind.CONTENT]
    if content:
        numbers = section_numbers(review)
        print("\nContent changes (for the editor to decide):", file=out)
        for change in content:
            print(f"  {numbers.get(change.section, change.section):<8} {_quote(change.base_text)} -> "
                  f"{_quote(change.reference_text)}", file=out)


# -- apply -----------------------------------------------------------------------------------------

def _apply(args: argparse.Namespace) -> int:
    from app.engine import compare_files, kinds_count
    from app.export import export_text
    from app.review import Review, accept_all

    output = Path(args.output)
    _refuse_overwrite(output, [Path(args.base), Path(args.reference)])
    _check_output(output)
    session = Path(args.session) if args.session else None
    if session is not None:
        _refuse_overwrite(session, [Path(args.base), Path(args.reference), output])
        _check_output(session)
    mode = _accept_mode(args.accept)
    comparison = compare_files(args.base, args.reference, ocr_language=args.ocr_language)
    _warn(comparison)
    _warn_roles(comparison)
    review = Review(comparison)
    how = Provenance(Source.CLI, f"apply --accept {args.accept or 'suggestions'}")
    if mode == "none":
        review.decide({c.id: REJECT for c in review.changes}, how)
        did = (f"Rejected all {len(review.changes)} changes: the text is the base edition"
               f"{_as_written(comparison.base, args.reflow)}.")
    elif mode == "all":
        accept_all(review, how)
        did = f"Accepted all {len(review.changes)} changes: the text is the reference edition."
    else:
        ids = review.select(kinds=mode) if mode is not None else None
        review.apply_suggestions(ids, numbers=True, provenance=how)
        counts = review.counts()
        which = ", ".join(k.value for k in mode) if mode is not None else "every kind"
        did = (f"Applied {counts.total - counts.pending} suggestions ({which}): accepted "
               f"{counts.accepted}, kept as base {counts.rejected}, edited {counts.edited}.")
        left = kinds_count([c for c in review.changes if review.decision(c.id).verdict is Verdict.PENDING])
        did += f"\nLeft as in the base edition: {counts.pending}" + _kinds_brief(left) + "."
    if mode == "none" and not args.reflow:
        # every change rejected: the base edition itself, as the file had it, whole (a change
        # boundary inside a combining sequence cannot split what NFC rewrote there)
        _write(output, lambda: _write_base(comparison.base, output))
    else:
        _write(output, lambda: export_text(review, output, reflow=args.reflow))
    print(did)
    print(f"Wrote {output}{' (reflowed)' if args.reflow else ''}.")
    if session is not None:
        from app.session import save_session
        _write(session, lambda: save_session(session, review))
        print(f"Saved the session {session}.")
    return 0


def _warn_roles(comparison: Comparison) -> None:
    """Say so when the REFERENCE looks like the OCR'd edition: the order is probably swapped."""
    from app.roles import guess_roles

    guess = guess_roles(comparison.base, comparison.reference)
    if guess.confident and guess.base is comparison.reference:
        print(f"{PROG}: warning: the editions look swapped: {guess.reason}. BASE is the OCR'd edition, "
              "REFERENCE the digital one; give them in that order.", file=sys.stderr)


def _accept_mode(value: str | None) -> str | tuple[Kind, ...] | None:
    """``None`` (every suggestion), ``"none"``, ``"all"`` or the kinds named."""
    if value is None:
        return None
    words = [w.strip().lower() for w in value.split(",") if w.strip()]
    if words in (["none"], ["all"]):
        return words[0]
    allowed = {k.value: k for k in BULK_KINDS}
    unknown = [w for w in words if w not in allowed]
    if unknown or not words:
        raise UserError(f"--accept: unknown kind {', '.join(unknown) or repr(value)}; use a comma "
                        f"list of {', '.join(allowed)}, or none, or all")
    return tuple(dict.fromkeys(allowed[w] for w in words))


# -- export ----------------------------------------------------------------------------------------

def _write_base(base: Any, output: Path) -> None:
    """Write the base edition exactly as loaded: its code points and line endings, in UTF-8."""
    from app.fileio import atomic_write_text
    from app.loading import original_text

    atomic_write_text(output, original_text(base, 0, len(base.text)), newline=base.newline)


def _as_written(base: Any, reflow: bool) -> str:
    """What writing the base edition changes, said precisely ("" when it is byte for byte)."""
    changes = []
    if reflow:
        changes.append("reflowed")
    if base.encoding not in ("utf-8", "ascii"):
        changes.append(f"re-encoded from {base.encoding} to UTF-8")
    if base.had_bom:
        changes.append("without its byte-order mark")
    if any("\ufffd" in note for note in base.notes):
        changes.append("its undecodable bytes written as U+FFFD")
    return f" ({', '.join(changes)})" if changes else ", byte for byte"


def _export(args: argparse.Namespace) -> int:
    from app.export import export_log, export_summary, export_text
    from app.session import open_session

    output = Path(args.output)
    fmt = args.format or _SUFFIX_FORMAT.get(output.suffix.lower(), "text")
    session = Path(args.session)
    _refuse_overwrite(output, [session])
    _check_output(output)
    review, report, _settings = open_session(session, trust_paths=args.trust_paths)
    _refuse_overwrite(output, [review.comparison.base.path, review.comparison.reference.path])
    if report.message:
        print(f"{PROG}: warning: {report.message}", file=sys.stderr)
    _warn(review.comparison)
    if fmt in ("text", "reflow"):
        _write(output, lambda: export_text(review, output, reflow=fmt == "reflow"))
    elif fmt == "summary":
        _write(output, lambda: export_summary(review, output))
    else:
        _write(output, lambda: export_log(review, output, fmt))
    counts = review.counts()
    print(f"Wrote {output} ({fmt}): {counts.total} changes, {counts.total - counts.pending} decided, "
          f"{counts.pending} pending.")
    return 0


# -- helpers ---------------------------------------------------------------------------------------

def _refuse_overwrite(output: Path, inputs: list[Path]) -> None:
    for source in inputs:
        if _same_file(output, source):
            raise UserError(f"{output}: is an input file ({source.name}); choose another output "
                            "path, the input is left unchanged")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        try:
            return os.path.realpath(a) == os.path.realpath(b)
        except (OSError, ValueError):
            return False


def _check_output(output: Path) -> None:
    """Refuse, before any work is done, an output that is a folder or a special file, or
    whose folder does not exist or cannot be reached."""
    import stat

    from app.fileio import writable_target

    if output.is_dir():
        raise UserError(f"{output}: is a folder; give a file name to write")
    target = writable_target(output)  # raises NotRegularFile (an OSError) for a FIFO or a device
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        raise UserError(f"{shown_path(output)}: the folder to write it in does not "
                        "exist") from None
    except OSError as exc:
        raise UserError(describe_os_error(exc, output)) from None
    if not stat.S_ISDIR(mode):
        raise UserError(f"{shown_path(output)}: a part of the path is not a folder")


def _write(output: Path, write: Callable[[], None]) -> None:
    try:
        write()
    except OSError as exc:
        raise UserError(f"{describe_os_error(exc, output)}; nothing was written") from None


def _warn(comparison: Comparison) -> None:
    for note in (*comparison.base.notes, *comparison.reference.notes):
        print(f"{PROG}: warning: {note}", file=sys.stderr)
    for warning in comparison.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    # a change's texts are slices of the editions: with no bidi control in either, none differs
    bidi_anywhere = any(ch in edition.text for edition in (comparison.base, comparison.reference)
                        for ch in BIDI_CONTROLS)
    if bidi_anywhere and (bidi := [c for c in comparison.changes if c.changes_bidi]):
        sections = ", ".join(dict.fromkeys(c.section for c in bidi))
        print(f"{PROG}: warning: {len(bidi)} change{'s' if len(bidi) > 1 else ''} add or remove a bidirectional "
              f"control character, which can make text read in reverse (sections {_clip(sections, 60)}); "
              "never applied in bulk.", file=sys.stderr)


def _fail(message: str) -> int:
    line = " ".join(message.split())
    line = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in line)  # no escapes from file names
    print(f"{PROG}: error: {line}", file=sys.stderr)
    return 2


def _quiet_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush
    cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _kinds_brief(counts: dict[Kind, int]) -> str:
    parts = [f"{kind.value} {n}" for kind, n in counts.items() if n]
    return f" ({', '.join(parts)})" if parts else ""


def _clip(text: str, width: int) -> str:
    """A document's string for the terminal: one line, clipped, control characters escaped
    (an ESC from a file cannot drive the terminal) and bidi controls named (``<RLO>``)."""
    text = " ".join(text.split()).translate(_TERMINAL_SAFE)
    return text if len(text) <= width else text[: width - 1] + "…"


def _quote(text: str) -> str:
    return json.dumps(_clip(text, 50), ensure_ascii=False)


__all__ = ["main", "compare_json", "compare_json_lines", "print_comparison", "user_message", "write_blocks"]
