"""The ``proofpair`` command line: open the window, or compare, apply and export without it.

Entry point: :func:`main`. The console script is ``ui.launcher:main``, which calls
``main(argv, open_window=...)``; everything that needs no window lives here, in the core,
so it runs (and is tested) with Qt absent::

    proofpair [BASE REFERENCE | SESSION.proofpair] [--sample] [--smoke] [--screenshot FILE]
    proofpair compare BASE REFERENCE [--json]
    proofpair apply BASE REFERENCE [--accept KINDS] [--reflow] -o CANONICAL
    proofpair export SESSION -o FILE [--format text|reflow|csv|json|summary]

Exit status: 0 on success, 2 on a user error (a file that cannot be read or written, a bad
argument), reported as one line ``proofpair: error: …`` on stderr, never a traceback.
Warnings (editions that look unrelated, a section in one edition only) go to stderr.

Imports: the standard library and the core; never :mod:`ui` (the window is passed in).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from app import __version__
from app.engine import compare_files, kinds_count
from app.export import LOG_FORMATS, export_log, export_summary, export_text, \
    section_numbers, suggestion_dict, summary
from app.loading import EditionError
from app.model import REJECT, Comparison, Kind, Verdict
from app.review import Review, accept_all
from app.session import SessionError, open_session

PROG = "proofpair"
COMMANDS = ("compare", "apply", "export")
#: The kinds ``apply --accept`` takes; content changes never have a suggestion to apply.
BULK_KINDS = (Kind.OCR, Kind.TYPOGRAPHY, Kind.LAYOUT)
EXPORT_FORMATS = ("text", "reflow", *LOG_FORMATS, "summary")
_SUFFIX_FORMAT = {".csv": "csv", ".json": "json"}


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
        return _open(args, open_window)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except (UserError, EditionError, SessionError) as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # `proofpair compare … | head`: the reader has gone, fine
        sys.stderr.close()
        return 0


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
    p.set_defaults(run=_compare)

    p = sub.add_parser("apply", help="apply the suggestions and write the canonical text",
                       description="Apply the suggestions for the given kinds in one go (content "
                                   "changes stay as in the base edition) and write the canonical text.")
    p.add_argument("base", metavar="BASE")
    p.add_argument("reference", metavar="REFERENCE")
    p.add_argument("--accept", metavar="KINDS", default=None,
                   help="comma-separated kinds whose suggestions to apply: "
                        f"{','.join(BULK_KINDS)} (default: every suggestion); 'none' keeps the "
                        "base edition, 'all' takes the reference edition")
    p.add_argument("--reflow", action="store_true", help="one line per paragraph, hyphenation undone")
    p.add_argument("-o", "--output", metavar="CANONICAL", required=True, help="the file to write")
    p.set_defaults(run=_apply)

    p = sub.add_parser("export", help="write a saved review's canonical text, log or summary",
                       description="Export from a saved .proofpair session.")
    p.add_argument("session", metavar="SESSION")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.add_argument("--format", choices=EXPORT_FORMATS, default=None,
                   help="default: csv or json from the output's suffix, else text")
    p.set_defaults(run=_export)
    return parser


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
    comparison = compare_files(args.base, args.reference)
    _warn(comparison)
    review = Review(comparison)
    if args.json:
        json.dump(compare_json(review), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_comparison(review, sys.stdout)
    return 0


def compare_json(review: Review) -> dict[str, Any]:
    """The ``compare --json`` document: sections, changes and the summary."""
    numbers = section_numbers(review)
    return {
        "sections": [{"number": s.number, "title": s.title, "base_span": [s.base.start, s.base.end],
                      "reference_span": [s.reference.start, s.reference.end]}
                     for s in review.sections],
        "changes": [{"id": c.id, "section": numbers.get(c.section, c.section), "kind": c.kind.value,
                     "confidence": c.confidence, "suggestion": suggestion_dict(c.suggestion),
                     "base_span": [c.base.start, c.base.end],
                     "reference_span": [c.reference.start, c.reference.end],
                     "base_text": c.base_text, "reference_text": c.reference_text}
                    for c in review.changes],
        "summary": summary(review),
    }


def print_comparison(review: Review, out: TextIO) -> None:
    """The human-readable report of ``compare``."""
    comparison = review.comparison
    for role, edition in (("Base", comparison.base), ("Reference", comparison.reference)):
        print(f"{role + ':':<11}{edition.name} ({edition.encoding}, {len(edition.text):,} characters)",
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
    output = Path(args.output)
    _refuse_overwrite(output, [Path(args.base), Path(args.reference)])
    mode = _accept_mode(args.accept)
    comparison = compare_files(args.base, args.reference)
    _warn(comparison)
    review = Review(comparison)
    if mode == "none":
        review.decide({c.id: REJECT for c in review.changes})
        did = f"Rejected all {len(review.changes)} changes: the text is the base edition."
    elif mode == "all":
        accept_all(review)
        did = f"Accepted all {len(review.changes)} changes: the text is the reference edition."
    else:
        ids = review.select(kinds=mode) if mode is not None else None
        review.apply_suggestions(ids, numbers=True)
        counts = review.counts()
        which = ", ".join(k.value for k in mode) if mode is not None else "every kind"
        did = (f"Applied {counts.total - counts.pending} suggestions ({which}): accepted "
               f"{counts.accepted}, kept as base {counts.rejected}, edited {counts.edited}.")
        left = kinds_count([c for c in review.changes if review.decision(c.id).verdict is Verdict.PENDING])
        did += f"\nLeft as in the base edition: {counts.pending}" + _kinds_brief(left) + "."
    _write(output, lambda: export_text(review, output, reflow=args.reflow))
    print(did)
    print(f"Wrote {output}{' (reflowed)' if args.reflow else ''}.")
    return 0


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

def _export(args: argparse.Namespace) -> int:
    output = Path(args.output)
    fmt = args.format or _SUFFIX_FORMAT.get(output.suffix.lower(), "text")
    session = Path(args.session)
    _refuse_overwrite(output, [session])
    review, report, _settings = open_session(session)
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
    except OSError:
        return a.resolve() == b.resolve()


def _write(output: Path, write: Callable[[], None]) -> None:
    if output.is_dir():
        raise UserError(f"{output}: is a folder; give a file name to write")
    try:
        write()
    except OSError as exc:
        raise UserError(f"{output}: cannot be written ({exc.strerror or exc})") from None


def _warn(comparison: Comparison) -> None:
    for warning in comparison.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)


def _fail(message: str) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return 2


def _kinds_brief(counts: dict[Kind, int]) -> str:
    parts = [f"{kind.value} {n}" for kind, n in counts.items() if n]
    return f" ({', '.join(parts)})" if parts else ""


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _quote(text: str) -> str:
    return json.dumps(_clip(text, 50), ensure_ascii=False)


__all__ = ["main", "compare_json", "print_comparison"]
