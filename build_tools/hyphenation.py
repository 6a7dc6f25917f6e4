"""German syllables for a handful of words, without parsing every pattern of the dictionary.

pyphen parses all ~100,000 patterns of ``hyph_de_DE.dic`` when a dictionary is made: 0.4 s of
every build, for the dozen need words of the home page. A pattern can only apply to a word it
is a part of (its letters, digits removed, a substring of ``.word.``), so a dictionary made of
just those patterns breaks these words exactly where the whole one does
(``tests/test_hyphenation.py`` compares both on the need words and on the long words of the
sample's texts). Reading and filtering the file for the home page's dozen words took 76 ms of
CPU here, the whole dictionary 486 ms.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pyphen

from .memo import FORGETFUL, Memory

SOFT_HYPHEN = "\u00ad"
_DIGITS = str.maketrans("", "", "0123456789")


class _Patterns:
    """The parts of a ``Path`` pyphen's ``HyphDict`` reads, over the filtered pattern text."""

    def __init__(self, encoding_line: bytes, text: str) -> None:
        self._encoding_line, self._text = encoding_line, text

    def open(self, mode: str = "rb") -> io.BytesIO:
        return io.BytesIO(self._encoding_line)

    def read_text(self, encoding: str) -> str:
        return self._text


def patterns_for(path: Path, words: Iterable[str]) -> _Patterns:
    """The dictionary file at ``path`` reduced to the patterns that can apply to ``words``."""
    haystack = "\n".join(f".{word.lower()}." for word in words)
    raw = path.read_bytes()
    encoding_line, _, rest = raw.partition(b"\n")
    encoding = encoding_line.decode().strip()
    encoding = "cp1251" if encoding.lower() == "microsoft-cp1251" else encoding
    kept = []
    for line in rest.decode(encoding).split("\n"):
        pattern = line.strip()
        if not pattern or pattern.startswith(pyphen.ignored):
            continue
        # ^^hh escapes and nonstandard alternatives (a/b=c,1,2) are kept whole: pyphen parses them
        if "^^" in pattern or "/" in pattern or pattern.translate(_DIGITS) in haystack or not kept:
            kept.append(pattern)
    return _Patterns(encoding_line + b"\n", "\n" + "\n".join(kept))


@lru_cache(maxsize=4)
def german_dictionary(words: tuple[str, ...], left: int = 2, right: int = 2) -> pyphen.Pyphen:
    """A pyphen dictionary for German that hyphenates ``words`` as the whole one does (and
    other words wrongly: ask only for the words it was made for)."""
    dictionary = object.__new__(pyphen.Pyphen)
    dictionary.left, dictionary.right = left, right
    dictionary.hd = pyphen.HyphDict(patterns_for(pyphen.LANGUAGES["de_DE"], words))
    return dictionary


def hyphenated(words: Iterable[str], min_length: int = 9, memory: Memory = FORGETFUL) -> dict[str, str]:
    """Each of ``words`` with soft hyphens at its German syllables (words shorter than
    ``min_length`` as they are): browsers show the hyphen only where they break the line.
    ``memory``: where the result is kept for the same words (reading the patterns is 0.2 s)."""
    words = tuple(dict.fromkeys(words))
    return dict(memory.recall("hyphenation", (words, min_length), lambda: _hyphenated(words, min_length)))


def _hyphenated(words: tuple[str, ...], min_length: int) -> dict[str, str]:
    long = tuple(sorted(w for w in words if len(w) >= min_length))
    dictionary = german_dictionary(long) if long else None
    return {w: dictionary.inserted(w, hyphen=SOFT_HYPHEN) if dictionary and w in long else w
            for w in words}
