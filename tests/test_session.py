"""Session files: round trip, atomic writes, damaged or newer files, changed editions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine import compare_files
from app.model import ACCEPT, REJECT, Decision, Verdict
from app.review import Review
from app.session import SCHEMA, SessionError, attach, load_session, open_session, save_session
from formats_fixtures import corpus_pair
from strategies import edition_pairs


@pytest.fixture
def decided(sample_copy: tuple[Path, Path]) -> Review:
    review = Review(compare_files(*sample_copy))
    ids = [c.id for c in review.changes]
    review.decide({ids[0]: ACCEPT, ids[1]: REJECT, ids[5]: Decision(Verdict.EDITED, "eget")})
    review.apply_suggestions(ids[10:40])
    return review


def test_save_and_reopen_gives_identical_decisions_and_text(tmp_path: Path, decided: Review) -> None:
    path = tmp_path / "review.proofpair"
    save_session(path, decided, {"show_layout": True})
    review, report, settings = open_session(path)
    assert review.decisions() == decided.decisions()
    assert review.canonical_text() == decided.canonical_text()
    assert settings == {"show_layout": True}
    assert report.message == "" and not report.orphaned
    assert not list(tmp_path.glob("*.tmp*")), "no temporary file is left behind"


def test_corrupt_session_is_refused_and_left_alone(tmp_path: Path, decided: Review) -> None:
    path = tmp_path / "review.proofpair"
    save_session(path, decided)
    damaged = path.read_bytes()[: len(path.read_bytes()) // 2]
    path.write_bytes(damaged)
    with pytest.raises(SessionError, match="damaged"):
        load_session(path)
    assert path.read_bytes() == damaged


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path, decided: Review) -> None:
    path = tmp_path / "review.proofpair"
    save_session(path, decided)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["schema"] = SCHEMA + 1
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(SessionError, match="newer ProofPair"):
        load_session(path)
    assert path.read_bytes() == before


def test_not_a_session(tmp_path: Path) -> None:
    path = tmp_path / "other.proofpair"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(SessionError, match="not a ProofPair session"):
        load_session(path)


def test_changed_edition_reattaches_and_reports(tmp_path: Path, sample_copy: tuple[Path, Path],
                                                decided: Review) -> None:
    path = tmp_path / "review.proofpair"
    save_session(path, decided)
    base_path = sample_copy[0]
    text = base_path.read_text(encoding="utf-8")
    first_decided = decided.change(next(iter(decided.decisions())))
    # edit the base edition: a new first line shifts every offset, and one decided change vanishes
    cut = first_decided.base
    text = "Ny rad överst.\n" + text[:cut.start] + first_decided.reference_text + text[cut.end:]
    base_path.write_text(text, encoding="utf-8")
    loaded = load_session(path)
    review, report = attach(loaded, compare_files(*sample_copy))
    assert report.editions_changed == ["base"]
    assert report.orphaned == [first_decided.id]
    assert report.attached == len(decided.decisions()) - 1
    assert "changed on disk" in report.message
    save_session(path, review)
    assert first_decided.id in json.loads(path.read_text(encoding="utf-8"))["orphaned"]


def test_moved_folder_still_opens(tmp_path: Path, sample_copy: tuple[Path, Path], decided: Review) -> None:
    save_session(tmp_path / "review.proofpair", decided)
    moved = tmp_path.parent / (tmp_path.name + "-moved")
    shutil.copytree(tmp_path, moved)
    shutil.rmtree(tmp_path)
    review, report, _ = open_session(moved / "review.proofpair")
    assert review.decisions() == decided.decisions()
    shutil.rmtree(moved)


def test_missing_edition_is_a_clear_error(tmp_path: Path, sample_copy: tuple[Path, Path], decided: Review) -> None:
    path = tmp_path / "review.proofpair"
    save_session(path, decided)
    sample_copy[1].unlink()
    with pytest.raises(SessionError, match="cannot be opened"):
        open_session(path)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=edition_pairs(), seed=st.integers(0, 2**32))
def test_round_trip_on_generated_pairs(tmp_path: Path, pair: tuple[str, str], seed: int) -> None:
    base, reference = pair
    if not base.strip() or not reference.strip():
        return
    (tmp_path / "b.txt").write_text(base, encoding="utf-8")
    (tmp_path / "r.txt").write_text(reference, encoding="utf-8")
    review = Review(compare_files(tmp_path / "b.txt", tmp_path / "r.txt"))
    rng = random.Random(seed)
    review.decide({c.id: rng.choice([ACCEPT, REJECT, Decision(Verdict.EDITED, "å")])
                   for c in review.changes if rng.random() < 0.7})
    save_session(tmp_path / "s.proofpair", review)
    again, report, _ = open_session(tmp_path / "s.proofpair")
    assert again.decisions() == review.decisions()
    assert again.canonical_text() == review.canonical_text()
    assert not report.orphaned


# -- provenance ------------------------------------------------------------------------------

def test_provenance_survives_save_and_reopen(tmp_path: Path, sample_copy: tuple[Path, Path]) -> None:
    from app.model import Provenance, Source

    review = Review(compare_files(*sample_copy))
    ids = [c.id for c in review.changes]
    review.decide({ids[0]: ACCEPT}, Provenance(Source.HAND, "key"))
    review.apply_suggestions(ids[10:40], Provenance(Source.BULK, "Accept Suggestions in Section", "section 1"))
    path = tmp_path / "review.proofpair"
    save_session(path, review)
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == SCHEMA == 2
    reopened, _report, _settings = open_session(path)
    assert reopened.provenances() == review.provenances()
    hand = reopened.provenance(ids[0])
    assert hand is not None and hand.source is Source.HAND and hand.action == "key" and hand.at
    counts = reopened.counts()
    assert counts.by_hand == 1 and counts.in_bulk == counts.total - counts.pending - 1 > 0


def test_schema_1_session_opens_as_unrecorded_and_is_not_rewritten(tmp_path: Path, decided: Review) -> None:
    from app.model import Source

    path = tmp_path / "old.proofpair"
    save_session(path, decided)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["schema"] = 1
    for record in doc["decisions"].values():
        del record["provenance"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = path.read_bytes()
    review, report, _settings = open_session(path)
    assert review.decisions() == decided.decisions()
    assert {p.source for p in review.provenances().values()} == {Source.UNRECORDED}
    assert all(not p.at for p in review.provenances().values()), "no made-up time"
    counts = review.counts()
    assert counts.by_hand == counts.in_bulk == 0 and counts.other == len(decided.decisions())
    assert path.read_bytes() == before, "opening never rewrites the file"


def test_decisions_on_a_changed_edition_are_marked_reattached(tmp_path: Path, sample_copy, decided: Review) -> None:
    from app.model import Provenance, Source

    first = decided.changes[0].id
    decided.decide({first: REJECT}, Provenance(Source.HAND, "button"))
    path = tmp_path / "review.proofpair"
    save_session(path, decided)
    base = sample_copy[0]
    base.write_text(base.read_text(encoding="utf-8") + "\nEtt tillägg.\n", encoding="utf-8")
    review, report, _settings = open_session(path, trust_paths=True)  # the user said: open it
    assert report.editions_changed == ["base"]
    how = review.provenance(first)
    assert how is not None and how.source is Source.REATTACH and how.action == "hand button" and how.at


def test_the_channel_model_is_kept_and_judges_the_reopen(tmp_path: Path) -> None:
    """The OCR channel model learned from the pair is saved; reopening the same editions
    judges with the saved model (not one learned anew), and a changed edition learns anew.
    On a corpus pair whose OCR (English model on Swedish) drops diacritics: the model is
    what makes ``Andras`` a near-certain misread of ``ändras``."""
    pair = corpus_pair("sv_rk_lagar_halvar_2022")
    base, reference = tmp_path / "ocr.txt", tmp_path / "draft.txt"
    shutil.copy(pair / "ocr_eng.txt", base)
    shutil.copy(pair / "draft.txt", reference)
    first = Review(compare_files(base, reference))
    path = tmp_path / "review.proofpair"
    save_session(path, first)
    learned = first.comparison.channel
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert learned and [tuple(row) for row in doc["channel"]] == list(learned)

    review, _, _ = open_session(path)
    assert review.comparison.channel == learned
    assert [(c.id, c.kind, c.confidence) for c in review.changes] == \
        [(c.id, c.kind, c.confidence) for c in first.changes]

    # a session whose model knows no confusion judges without one: the saved model rules
    doc["channel"] = []
    path.write_text(json.dumps(doc), encoding="utf-8")
    untaught, _, _ = open_session(path)
    assert untaught.comparison.channel == ()
    lower = [(a.base_text, a.confidence, b.confidence) for a, b in zip(first.changes, untaught.changes)
             if a.confidence != b.confidence]
    assert lower and all(new < old for _, old, new in lower)

    # the model was learned from the editions it was saved with: another text learns anew
    base.write_text(base.read_text(encoding="utf-8") + "\nEtt tillagt stycke.\n", encoding="utf-8")
    relearned, report, _ = open_session(path, trust_paths=True)
    assert report.editions_changed == ["base"] and relearned.comparison.channel == learned


def test_a_bad_channel_in_a_session_is_refused_naming_the_field(tmp_path: Path, decided: Review) -> None:
    path = tmp_path / "review.proofpair"
    save_session(path, decided)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["channel"] = [["a", "ä", -3]]
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(SessionError, match="channel"):
        load_session(path)
    assert path.read_bytes() == before
