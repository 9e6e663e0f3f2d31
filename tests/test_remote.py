"""The comparison in a child process: what it streams adds up to what ``compare`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import remote
from app.engine import compare_files
from app.model import ACCEPT, Comparison, Role
from app.review import Review
from app.session import load_session, save_session


def _run(base: Path, reference: Path, session=None) -> list[tuple[bytes, object]]:
    messages: list[tuple[bytes, object]] = []
    assert remote.run(lambda tag, payload: messages.append((tag, remote.decode(payload))), lambda: False,
                      base, reference, session)
    return messages


def test_streamed_sections_and_ending_make_the_comparison(sample_paths: tuple[Path, Path]) -> None:
    messages = _run(*sample_paths)
    tags = [tag for tag, _ in messages]
    assert tags[:3] == [remote.LOADED, remote.LOADED, remote.OUTLINE] and tags[-1] == remote.DONE
    assert set(tags[3:-1]) == {remote.SECTIONS}
    steps = [step for tag, batch in messages if tag == remote.SECTIONS for step in batch]
    assert messages[2][1] == remote.Outline(tuple(step.section for step in steps), True)  # before any compared
    assert all(len(b) == 1 or sum(len(s.changes) for s in b[:-1]) < remote.BATCH_CHANGES
               for tag, b in messages if tag == remote.SECTIONS)
    (_, base), (_, reference), (_, done) = messages[0], messages[1], messages[-1]
    assert (base.role, reference.role) == (Role.BASE, Role.REFERENCE)
    review = Review(Comparison(base.edition, reference.edition, (steps[0].section,), steps[0].changes))
    for step in steps[1:]:
        review.extend([step.section], step.changes)
    assert review.conclude(done.ending, 0, 100) is False  # in slices, as the window does
    assert review.conclude(done.ending, 100) is True
    expected = compare_files(*sample_paths)
    assert review.comparison == expected
    assert done.ending.positions  # the sample's repeated confusions do raise confidences
    assert done.reattached is None


def test_a_reopened_session_sends_only_moved_decisions(tmp_path: Path, sample_paths: tuple[Path, Path]) -> None:
    review = Review(compare_files(*sample_paths))
    kept, moved = review.changes[0], review.changes[1]
    review.decide({kept.id: ACCEPT, moved.id: ACCEPT})
    path = tmp_path / "s.proofpair"
    save_session(path, review)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["decisions"]["0123456789abcdef"] = doc["decisions"].pop(moved.id)  # as if its id had changed
    doc["channel"] = [["rn", "m", 7]]  # the window's child judges with the session's model
    path.write_text(json.dumps(doc), encoding="utf-8")
    done = _run(*sample_paths, load_session(path))[-1][1]
    assert done.ending.channel == (("rn", "m", 7),)
    # saved under an id that still exists: the window applies it itself as sections stream in
    assert done.reattached.decisions == {moved.id: ACCEPT}
    assert done.reattached.report.attached == 2 and done.reattached.report.moved == 1


def test_failure_comes_back_as_the_editors_message(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Some text.\n", encoding="utf-8")
    with pytest.raises(remote.RemoteFailed, match="empty.txt"):
        _run(tmp_path / "empty.txt", tmp_path / "other.txt")


def test_cancel_stops_the_child(sample_paths: tuple[Path, Path]) -> None:
    seen: list[bytes] = []
    assert remote.run(lambda tag, payload: seen.append(tag), lambda: bool(seen), *sample_paths) is False
    assert seen[0] == remote.LOADED and remote.DONE not in seen
