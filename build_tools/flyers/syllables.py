"""Where a word too wide for its line may break: at a syllable, as German is hyphenated.

A flyer's narrow columns (a fact beside the code, a tear-off strip, a Wegweiser entry) meet
compounds such as "Wohnungslosenhilfeeinrichtung" that no line holds whole. Cutting them at the
last letter that fits ("Wohnungslosenhilfeeinric-" / "htung") reads as a misprint; pyphen's
patterns (the ones TeX and LibreOffice use) give the breaks a reader expects
("Wohnungslosenhilfe-" / "einrichtung"). Languages pyphen has no patterns for (Arabic) fall
back to German ones for the German words they print, then to a cut at any letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import pyphen

_LETTERS = re.compile(r"[^\W\d_]{5,}")
"""A run of letters long enough to hyphenate; digits, URLs' punctuation and short words never
break inside."""


@lru_cache(maxsize=8)
def _dictionary(lang: str) -> pyphen.Pyphen:
    name = pyphen.language_fallback(lang) or "de_DE"
    # Two letters at least on either side: "Wohnungslosenhilfeeinrichtu-" / "ng" never happens.
    return pyphen.Pyphen(lang=name, left=2, right=3)


def breaks(word: str, lang: str = "de") -> list[int]:
    """Offsets inside ``word`` where a hyphenated break may go, in ascending order."""
    found: list[int] = []
    dictionary = _dictionary(lang)
    for run in _LETTERS.finditer(word):
        found += [run.start() + p for p in dictionary.positions(run.group())]
    return found


def split(word: str, fits: Callable[[str], bool], lang: str = "de") -> tuple[str, str] | None:
    """The longest head ``word[:i] + "-"`` that ``fits``, broken at a syllable, and the rest;
    ``None`` when no syllable break fits (the caller then cuts where it must)."""
    for offset in reversed(breaks(word, lang)):
        head = word[:offset]
        shown = head if head.endswith("-") else head + "-"
        if fits(shown):
            return shown, word[offset:]
    return None
