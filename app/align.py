"""Align two sequences of hashable keys with diff-match-patch, the one aligner of the core.

Sections (by number), and tokens (by normalized form) are all aligned here: each distinct key
becomes one character and diff-match-patch's Myers diff runs on the two strings, exactly as
its own ``diff_linesToChars`` does for lines. The timeout is switched off, so the result is
always the minimal diff and never the delete-all/insert-all answer a timeout gives; callers
keep inputs small by aligning coarse blocks before fine ones.

Entry point: :func:`opcodes`. Imports: the standard library, diff-match-patch.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import chain
from typing import Literal, NamedTuple

from diff_match_patch import diff_match_patch

Tag = Literal["equal", "replace", "delete", "insert"]

_SURROGATES = range(0xD800, 0xE000)


class Opcode(NamedTuple):
    """``a[a_start:a_end]`` becomes ``b[b_start:b_end]``, as in :mod:`difflib`."""

    tag: Tag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # minimal diffs only: a timed-out diff is silently useless
    return dmp


def encode(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[str, str]:
    """Map each distinct key of ``a`` and ``b`` to one character (in order of first use).

    The table is built over the distinct keys only and applied with ``map`` in C: a Python
    call per token was most of the cost of aligning a long section."""
    table: dict[Hashable, str] = dict.fromkeys(chain(a, b))  # type: ignore[arg-type]
    for n, key in enumerate(table, 1):
        code = n + len(_SURROGATES) if n >= _SURROGATES.start else n
        if code > 0x10FFFF:
            raise ValueError("too many distinct keys to align")
        table[key] = chr(code)
    return "".join(map(table.__getitem__, a)), "".join(map(table.__getitem__, b))


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """The minimal edit script turning ``a`` into ``b``, as merged opcodes."""
    text_a, text_b = encode(a, b)
    diffs = _engine().diff_main(text_a, text_b, False)
    result: list[Opcode] = []
    i = j = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            result.append(Opcode("equal", i, i + n, j, j + n))
            i += n
            j += n
        elif op < 0:
            _extend(result, "delete", i, i + n, j, j)
            i += n
        else:
            _extend(result, "insert", i, i, j, j + n)
            j += n
    return result


def _extend(result: list[Opcode], tag: Tag, a0: int, a1: int, b0: int, b1: int) -> None:
    """Append a delete/insert, merging it with a preceding one into a replace."""
    if result and result[-1].tag != "equal":
        last = result[-1]
        result[-1] = Opcode("replace", last.a_start, a1, last.b_start, b1)
    else:
        result.append(Opcode(tag, a0, a1, b0, b1))


def char_diff(a: str, b: str) -> list[tuple[int, str]]:
    """A character diff of two short strings, cleaned up for people (for highlighting)."""
    dmp = _engine()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs]
