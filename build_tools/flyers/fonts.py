"""The flyers' fonts: DejaVu Sans (regular and bold) as embedded TrueType, never a base-14 font.

DejaVu Sans covers Latin (incl. Turkish), Cyrillic (Ukrainian) and Arabic, so every language we
print is covered by one family. The TTFs ship with the package (``site_templates/fonts/``, with
their licence), so a build needs no system package; Debian's ``fonts-dejavu-core`` is only a
fallback.

Arabic is shaped (``arabic_reshaper``) and put in visual order (``python-bidi``) line by line,
after wrapping, because ReportLab's own RTL support needs a library we cannot install.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..languages import RTL_LANGUAGES
from ..resources import fonts_dir

REGULAR = "AtlasSans"
BOLD = "AtlasSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
SYSTEM_FONTS = Path("/usr/share/fonts/truetype/dejavu")


class FontProblem(Exception):
    """A font file is missing or lacks glyphs for text that is to be printed."""


def font_file(name: str) -> Path:
    """Path of the TTF behind a registered font name."""
    for folder in (fonts_dir(), SYSTEM_FONTS):
        candidate = folder / _FILES[name]
        if candidate.exists():
            return candidate
    raise FontProblem(f"Schriftdatei {_FILES[name]} fehlt (erwartet in {fonts_dir()})")


def font_files() -> list[Path]:
    """All font files the flyers embed (part of the cache key)."""
    return [font_file(name) for name in _FILES]


@lru_cache(maxsize=1)
def register() -> None:
    """Register the fonts with ReportLab once per process."""
    for name in _FILES:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(font_file(name))))


@lru_cache(maxsize=4)
def _charmap(name: str) -> frozenset[int]:
    register()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def missing_glyphs(text: str, name: str = REGULAR) -> str:
    """The characters of ``text`` the font cannot print (whitespace ignored)."""
    cmap = _charmap(name)
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap}))


REPLACEMENT = "?"


def printable(text: str, name: str) -> str:
    """``text`` with every character the font cannot print replaced by ``?``.

    A flyer must never fail because an editor typed an emoji; the flyer build reports such
    characters as warnings (see :func:`build_tools.flyers.build.glyph_warnings`).
    """
    missing = missing_glyphs(text, name)
    if not missing:
        return text
    return "".join(REPLACEMENT if ch in missing else ch for ch in text)


def is_rtl(lang: str) -> bool:
    """True for languages written right to left."""
    return lang in RTL_LANGUAGES


@lru_cache(maxsize=4096)
def visual(text: str, lang: str) -> str:
    """The string in drawing order: Arabic shaped and reordered; other scripts unchanged.

    In a right-to-left language every line reads right to left. Elsewhere a line that holds
    Arabic (the Arabic half of a bilingual card, printed by the German pen) is shaped too and
    takes its direction from its first letter, so "Stand · آخر تحديث" stays a German line
    and a line of Arabic alone reads right to left.
    """
    if not any("\u0590" <= ch <= "\u08ff" for ch in text):
        return text
    import arabic_reshaper
    from bidi import get_display

    base = "R" if is_rtl(lang) else None
    return _mirror(get_display(arabic_reshaper.reshape(text), base_dir=base))


_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _mirror(shown: str) -> str:
    """Mirror bracket pairs laid out right to left (python-bidi 0.6 does not mirror glyphs).

    In visual order a pair resolved right-to-left shows up reversed, closer first (``)…(``);
    such pairs are swapped. Pairs in left-to-right runs already read ``(…)`` and stay.
    """
    chars = list(shown)
    pending: list[tuple[int, str]] = []  # reversed pairs opened by a closer
    normal: list[str] = []
    for i, ch in enumerate(chars):
        if ch in _CLOSERS:
            if normal and normal[-1] == _CLOSERS[ch]:
                normal.pop()
            else:
                pending.append((i, ch))
        elif ch in _PAIRS:
            if pending and pending[-1][1] == _PAIRS[ch]:
                j, closer = pending.pop()
                chars[j], chars[i] = ch, closer
            else:
                normal.append(ch)
    return "".join(chars)


def width(text: str, name: str, size: float) -> float:
    """Width of ``text`` in points."""
    return pdfmetrics.stringWidth(text, name, size)
