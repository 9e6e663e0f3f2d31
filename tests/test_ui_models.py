"""The thin Qt adapters: offsets, item models, undo commands, the worker."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.model import ACCEPT, REJECT, Kind, Verdict
from ui.offsets import Utf16Index, utf16_length
from ui_fixtures import app_restored, isolated_settings, sample_comparison, sample_review  # noqa: F401


@given(st.text())
def test_utf16_round_trip(text):
    index = Utf16Index(text)
    assert index.to_qt(len(text)) == utf16_length(text) == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        assert index.to_py(index.to_qt(i)) == i
        assert index.to_qt(i) == len(text[:i].encode("utf-16-le")) // 2


def test_utf16_middle_of_pair_rounds_down():
    index = Utf16Index("a😀b")
    assert [index.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [index.to_py(p) for p in range(5)] == [0, 1, 1, 2, 3]


@pytest.mark.gui
def test_change_model(qtmodeltester, sample_review):
    from ui.change_model import CHANGE_ID_ROLE, VERDICT_ROLE, ChangeFilterModel, ChangeTableModel

    model = ChangeTableModel()
    key = sample_review.sections[1].key
    model.set_section(sample_review, key)
    qtmodeltester.check(model)
    assert model.rowCount() == len(sample_review.section_changes(key))
    first = model.index(0, 0)
    change_id = first.data(CHANGE_ID_ROLE)
    changed = sample_review.decide({change_id: ACCEPT})
    model.decisions_changed(changed)
    assert first.data(VERDICT_ROLE) == Verdict.ACCEPTED.value

    proxy = ChangeFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(verdicts={Verdict.ACCEPTED})
    assert proxy.rowCount() == 1
    proxy.set_filter(kinds={Kind.OCR}, verdicts={Verdict.PENDING})
    assert proxy.rowCount() == sum(1 for c in sample_review.section_changes(key)
                                   if c.kind is Kind.OCR and c.id != change_id)
    qtmodeltester.check(proxy)


@pytest.mark.gui
def test_section_tree_model(qtmodeltester, sample_review):
    from ui.navigator import PENDING_ROLE, SECTION_KEY_ROLE, SectionTreeModel

    model = SectionTreeModel()
    qtmodeltester.check(model)
    model.append_sections(sample_review.sections[:3])  # grows while streaming
    model.append_sections(sample_review.sections[3:])
    model.set_review(sample_review)
    qtmodeltester.check(model)
    top = [model.index(r, 0).data(SECTION_KEY_ROLE) for r in range(model.rowCount())]
    assert top[:2] == ["1", "2"]
    chapter = model.index(0, 0)
    assert model.rowCount(chapter) == 5
    assert chapter.data(PENDING_ROLE) == sum(sample_review.counts(s.key).pending
                                             for s in sample_review.sections if s.number.split(".")[0] == "1")
    child = model.index(0, 0, chapter)
    key = child.data(SECTION_KEY_ROLE)
    changed = sample_review.decide({c.id: REJECT for c in sample_review.section_changes(key)})
    model.decisions_changed(changed)
    assert model.index(0, 1, chapter).data() == "✓"


@pytest.mark.gui
def test_unnumbered_sections_nest_under_the_numbered_one_they_stand_in(qtmodeltester, sample_review):
    """The sample's sub-headings with no number (4.1's "Strategiskt arbete inom …") are rows
    under the numbered section before them, and count in its chapter."""
    from ui.navigator import PENDING_ROLE, SECTION_KEY_ROLE, SectionTreeModel

    model = SectionTreeModel()
    model.append_sections(sample_review.sections)
    model.set_review(sample_review)
    qtmodeltester.check(model)
    keys = [s.key for s in sample_review.sections]
    subs = [k for k, s in enumerate(sample_review.sections) if not s.number]
    assert subs
    for k in subs:
        owner = next(s for s in reversed(sample_review.sections[:k]) if s.number)
        row = model.index_for_key(keys[k])
        assert row.parent().data(SECTION_KEY_ROLE) == owner.key
    chapter = model.index_for_key("4")
    assert chapter.data(PENDING_ROLE) == sum(
        sample_review.counts(s.key).pending for k, s in enumerate(sample_review.sections)
        if (s.number or next(t for t in reversed(sample_review.sections[:k]) if t.number).number).split(".")[0] == "4")


@pytest.mark.gui
def test_decide_command_undo_redo(qtbot, sample_review):
    from PySide6.QtGui import QUndoStack

    from ui.commands import DecideCommand

    from app.model import Provenance, Source

    stack = QUndoStack()
    ids = [c.id for c in sample_review.changes[:50]]
    bulk = Provenance(Source.BULK, "Accept Suggestions in Section", "section 1")
    stack.push(DecideCommand(sample_review.decide, {i: ACCEPT for i in ids}, "bulk", bulk))
    assert sample_review.counts().accepted == sample_review.counts().in_bulk == 50
    stamped = sample_review.provenance(ids[0])
    stack.push(DecideCommand(sample_review.decide, {ids[0]: REJECT}, "one", Provenance(Source.HAND, "key")))
    assert sample_review.counts().by_hand == 1
    stack.undo()
    assert sample_review.decision(ids[0]) == ACCEPT
    assert sample_review.provenance(ids[0]) == stamped, "the bulk accept is back, with its time"
    stack.undo()  # the bulk is one step
    assert sample_review.counts().accepted == 0 and sample_review.provenance(ids[0]) is None
    stack.redo()
    assert sample_review.counts().accepted == sample_review.counts().in_bulk == 50
    assert sample_review.provenance(ids[0]) == stamped


@pytest.mark.gui
def test_worker_streams_and_drops_stale(qtbot, sample_paths):
    from ui.worker import TaskRunner, compare_job

    from app import remote
    from app.engine import compare_files

    runner = TaskRunner()
    packets = []
    runner.progressed.connect(packets.append)
    runner.start(compare_job(*sample_paths))
    runner.cancel()  # the first job's results must never arrive
    with qtbot.waitSignal(runner.finished, timeout=20000) as blocker:
        runner.start(compare_job(*sample_paths))
    assert blocker.args[0] is True
    tags = [p.tag for p in packets]
    assert tags[0] == remote.LOADED and tags[-1] == remote.DONE and tags.count(remote.LOADED) == 2
    streamed = [s.section.key for p in packets if p.tag == remote.SECTIONS for s in remote.decode(p.payload)]
    assert streamed == [s.key for s in compare_files(*sample_paths).sections]
    runner.wait()


@pytest.mark.gui
def test_worker_reports_errors(qtbot, tmp_path):
    from ui.worker import TaskRunner, compare_job

    runner = TaskRunner()
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(compare_job(tmp_path / "missing.txt", tmp_path / "other.txt"))
    assert "no such file" in blocker.args[0]
    runner.wait()


@pytest.mark.gui
@given(old=st.text(alphabet="ab€", max_size=12), new=st.text(alphabet="ab€", max_size=12))
def test_shared_ends_are_the_longest_that_do_not_overlap(old: str, new: str) -> None:
    from ui.canonical import shared_ends

    head, tail = shared_ends(old, new)
    assert head + tail <= min(len(old), len(new))
    assert old[:head] == new[:head] and old[len(old) - tail:] == new[len(new) - tail:]
    assert head == len(old) or head == len(new) or old[head] != new[head]
    longer_tail = tail + 1
    assert head + longer_tail > min(len(old), len(new)) or old[len(old) - longer_tail:] != new[len(new) - longer_tail:]


@pytest.mark.gui
def test_pieces_cut_long_sections_and_complete_each_once(sample_comparison):
    from app.engine import iter_compare
    from ui.worker import pieces

    steps = list(iter_compare(sample_comparison.base, sample_comparison.reference))
    cut = pieces(steps, 50)
    assert all(len(p.changes) <= 50 for p in cut)
    assert [c for p in cut for c in p.changes] == [c for s in steps for c in s.changes]
    assert [s for p in cut for s in p.sections] == [s.section for s in steps]
    assert [k for p in cut for k in p.complete] == [s.section.key for s in steps]
    shown: set[str] = set()
    for piece in cut:  # a section is complete only once all its changes have been handed over
        shown.update(c.id for c in piece.changes)
        for key in piece.complete:
            assert all(c.id in shown for s in steps if s.section.key == key for c in s.changes)
    assert cut[-1].done == cut[-1].total == len(steps)
    assert any(len(s.changes) > 50 for s in steps)  # the sample has sections that need cutting


def test_every_reason_of_the_sample_reads_in_swedish(qapp, app_restored, sample_comparison):
    """The core explains with templates; the Swedish UI shows each explanation it gives the
    sample (and the guess of which edition is the base) translated, with its quoted characters kept."""
    from app.reasons import Reason
    from app.roles import guess_roles
    from ui import i18n
    from ui.reasons import translated

    reasons = {c.reason for c in sample_comparison.changes if c.reason}
    reasons |= {c.suggestion.reason for c in sample_comparison.changes if c.suggestion and c.suggestion.reason}
    reasons.add(guess_roles(sample_comparison.base, sample_comparison.reference).reason)
    assert len(reasons) > 10 and all(isinstance(r, Reason) for r in reasons)
    i18n.install_translators(qapp, "sv")
    english = ("misread", " read as ", "keep", "use the", "looks like", "differs", "lost on", "remove it",
               "different text", "noise", "table")
    for reason in sorted(reasons):
        shown = translated(reason)
        assert not any(word in shown for word in english), (reason, shown)
        for quoted in re.findall(r"'[^']'", reason):
            assert quoted in shown, (reason, shown)
    i18n.install_translators(qapp, "en")
    assert all(translated(reason) == reason for reason in reasons)  # English shows them as they came


def test_every_reason_template_has_a_swedish_translation_with_its_placeholders(qapp, app_restored):
    """Each template of the core's catalogue is translated, and the translation keeps exactly
    the template's placeholders (a lost one would show the English instead)."""
    import string

    from PySide6.QtCore import QCoreApplication

    from app.reasons import TEMPLATES
    from ui import i18n

    def placeholders(text: str) -> set[str]:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}

    i18n.install_translators(qapp, "sv")
    same = {"{parts}", "OCR: {parts}"}  # nothing to translate but the parts
    for key, template in TEMPLATES.items():
        swedish = QCoreApplication.translate("Reason", template)
        assert swedish != template or template in same, f"{key}: {template!r} is not translated"
        assert placeholders(swedish) == placeholders(template), (key, swedish)


def test_a_reason_fills_each_placeholder_once(qapp, app_restored, tmp_path):
    """A value that looks like a placeholder (a file named ``a{score}%2.txt``) is shown as it
    is, in English and in Swedish: the template is filled once, never the values."""
    from app.loading import load_edition
    from app.roles import guess_roles
    from ui import i18n
    from ui.reasons import translated

    odd = tmp_path / "a{score}%2.txt"
    odd.write_text("Lanets 6kade arbete |\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Länets ökade arbete\n", encoding="utf-8")
    reason = guess_roles(load_edition(odd), load_edition(plain)).reason
    assert reason.key == "looks_ocr" and reason.startswith("a{score}%2.txt looks like the OCR edition (score ")
    i18n.install_translators(qapp, "sv")
    assert translated(reason).startswith("a{score}%2.txt ser ut som OCR-utgåvan (poäng ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator setting")
def test_the_allocator_keeps_large_blocks_mapped():
    """The window fixes glibc's mmap threshold (the benchmark shows what it saves)."""
    from ui import allocator

    assert allocator.keep_large_blocks_mapped()
    assert allocator.keep_large_blocks_mapped()  # once per process, then a no-op
