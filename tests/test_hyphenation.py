"""build_tools/hyphenation.py: a dictionary of only the patterns that apply breaks words exactly
where pyphen's whole German dictionary does."""

from __future__ import annotations

import re
import time

import pyphen
import yaml

from build_tools.hyphenation import SOFT_HYPHEN, german_dictionary, hyphenated, patterns_for

from .conftest import ROOT

WHOLE = pyphen.Pyphen(lang="de_DE")


def _sample_words(limit: int = 2000) -> list[str]:
    """Long words of the sample's offers and categories (compounds, umlauts, ß)."""
    words: dict[str, None] = {}
    for path in sorted((ROOT / "content").rglob("*.yml")):
        for word in re.findall(r"[^\W\d_]{9,}", path.read_text(encoding="utf-8")):
            words[word] = None
    for cat in yaml.safe_load((ROOT / "content" / "categories.yml").read_text(encoding="utf-8")):
        if isinstance(cat, dict) and cat.get("need_label"):
            words[cat["need_label"]] = None
    return list(words)[:limit]


def test_the_reduced_dictionary_breaks_every_word_as_the_whole_one():
    words = _sample_words()
    assert len(words) > 500
    ours = hyphenated(words)
    expected = {w: WHOLE.inserted(w, hyphen=SOFT_HYPHEN) if len(w) >= 9 else w for w in words}
    differing = [w for w in words if ours[w] != expected[w]]
    assert differing == []
    assert any(SOFT_HYPHEN in ours[w] for w in words)


def test_left_and_right_minimums_are_those_asked_for():
    word = "Wohnungslosenhilfeeinrichtung"
    assert german_dictionary((word,), 2, 3).positions(word) == pyphen.Pyphen(lang="de_DE", left=2, right=3).positions(word)


def test_short_words_stay_whole_and_the_pattern_file_shrinks():
    assert hyphenated(["Arzt", "Schlafen"]) == {"Arzt": "Arzt", "Schlafen": "Schlafen"}
    reduced = patterns_for(pyphen.LANGUAGES["de_DE"], ["Schuldnerberatung"]).read_text("latin-1")
    whole = pyphen.LANGUAGES["de_DE"].read_bytes()
    assert 0 < reduced.count("\n") < whole.count(b"\n") / 100


def test_reading_for_a_dozen_words_is_much_cheaper_than_the_whole_dictionary():
    words = tuple(f"Beratungsstelle{n}" for n in range(12))
    start = time.perf_counter()
    patterns_for(pyphen.LANGUAGES["de_DE"], words)
    reduced = time.perf_counter() - start
    start = time.perf_counter()
    pyphen.HyphDict(pyphen.LANGUAGES["de_DE"])
    assert reduced < (time.perf_counter() - start) / 3
