"""Hypothesis strategies shared by the property tests: generated edition pairs."""

from __future__ import annotations

import random

from hypothesis import strategies as st

WORDS = ["länets", "kommuner", "för", "samverkan", "2024", "hälsa", "och", "I", "mål", "•",
         "”citat”", "miljö-", "5.1", "område", "Öka", "år", "vård", "123", "–", "(MDU)"]
OCR = {"ä": "a", "ö": "6", "å": "d", "I": "[", "•": "e", "”": '"', "–": "-"}


@st.composite
def edition_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A reference text and an OCR-ish base made from it by random damage and edits."""
    n_paras = draw(st.integers(1, 4))
    paras = []
    for p in range(n_paras):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
        heading = f"{p + 1}. Rubrik {p + 1}\n\n" if draw(st.booleans()) else ""
        paras.append(heading + " ".join(words))
    reference = "\n\n".join(paras) + draw(st.sampled_from(["", "\n", " \n"]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    base_chars = []
    for ch in reference:
        roll = rng.random()
        if ch in OCR and roll < 0.5:
            base_chars.append(OCR[ch])
        elif ch == " " and roll < 0.05:
            base_chars.append("\n")
        elif roll < 0.01:
            base_chars.append(rng.choice("xyz ®"))
        else:
            base_chars.append(ch)
    return "".join(base_chars), reference
