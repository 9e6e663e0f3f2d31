"""Loading editions: encodings, normalization, and a clear message for every bad input."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from app.loading import EditionError, load_edition, original_text

SWEDISH = "Förvaltningen har i samverkan med länets kommuner tagit fram två överenskommelser.\n"


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                           ("utf-16", b""), ("cp1252", b""), ("latin-1", b"")])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = SWEDISH * 20
    path = tmp_path / "edition.txt"
    path.write_bytes(bom + text.encode(encoding))
    edition = load_edition(path)
    assert edition.text == text
    assert edition.had_bom == (bool(bom) or encoding == "utf-16")


def test_newlines_are_normalized_and_remembered(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(SWEDISH.replace("\n", "\r\n").encode() * 3)
    edition = load_edition(path)
    assert "\r" not in edition.text
    assert edition.newline == "\r\n"


def test_nfc_is_applied_and_the_original_is_recoverable(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", SWEDISH)
    path = tmp_path / "nfd.txt"
    path.write_text(decomposed, encoding="utf-8")
    edition = load_edition(path)
    assert edition.text == unicodedata.normalize("NFC", SWEDISH)
    assert original_text(edition, 0, len(edition.text)) == decomposed


@pytest.mark.parametrize("content, expected", [
    (b"", "is empty"),
    (b"  \n\n \t\n", "only blank space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (bytes(range(1, 32)) * 40, "binary"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad-edition.txt"
    path.write_bytes(content)
    with pytest.raises(EditionError, match=expected) as info:
        load_edition(path)
    assert "bad-edition.txt" in str(info.value)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(EditionError, match="no such file"):
        load_edition(tmp_path / "nowhere.txt")
    with pytest.raises(EditionError, match="folder"):
        load_edition(tmp_path)


def test_sample_editions_load(sample_paths: tuple[Path, Path]) -> None:
    base, ref = (load_edition(p) for p in sample_paths)
    assert base.encoding == ref.encoding == "utf-8"
    assert "länets" in ref.text and "lanets" in base.text
    assert len(base.sha256) == 64


def test_the_ocr_edition_is_guessed_as_base(sample_paths: tuple[Path, Path]) -> None:
    from app.roles import guess_roles

    ocr, digital = (load_edition(p) for p in sample_paths)
    for first, second in ((ocr, digital), (digital, ocr)):
        guess = guess_roles(first, second)
        assert guess.base is ocr and guess.reference is digital and guess.confident
