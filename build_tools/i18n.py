"""The interface texts in every language the atlas speaks: one YAML catalogue per language.

``site_templates/i18n/<code>.yml`` holds a language's own name, its writing direction, the page
labels (``ui``), the words for hours (``hours``; :mod:`build_tools.opening_hours.texts` and
``atlas-hours.js`` read them), the printed flyers' labels (``flyer``; :mod:`build_tools.flyers.texts`)
and the texts with a number (``counts``: one text per plural category of the language, see
:class:`PluralText`). German (``de.yml``) is the source; every other file has the same keys (a
test checks it), so a page never shows a key instead of a word.

The section ``planning`` is German only, like the planning pages (the Sozialplanung's working
language): its keys are not asked of the other catalogues.

Why YAML and not gettext: the people who correct a word are editors who already write YAML in a
web editor; a catalogue is one readable file per language with no compile step (``.mo``), the
browser's live status needs the same words as JSON, and the keys are short names, not German
sentences that would change their key whenever the German wording is polished.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from .resources import catalogues_dir

SOURCE = "de"
"""The language of the content and of the site root."""

GERMAN_ONLY = ("planning",)
"""Catalogue sections only German has (the planning pages are German only)."""

PLURAL_SECTIONS = ("counts", "planning")
"""Sections whose entries are :class:`PluralText` forms, one per CLDR plural category."""


@dataclass(frozen=True)
class PluralText:
    """A text with a number, in the forms a language needs for it.

    ``forms`` maps the language's CLDR plural categories (``one``, ``few``, ``many``, ``other``
    for Ukrainian; ``zero`` … ``other`` for Arabic; ``one`` and ``other`` for German) to a text
    with ``{n}``. Which category a number falls in is CLDR's rule as Babel ships it, never a
    rule of ours: Ukrainian says "1 пропозиція", "2 пропозиції", "5 пропозицій", "21 пропозиція".
    """

    lang: str
    forms: dict[str, str]

    def category(self, n: int) -> str:
        """The CLDR plural category of ``n`` in this language."""
        return plural_category(self.lang, n)

    def __call__(self, n: int, **values: object) -> str:
        """The text for ``n`` with ``{n}`` and the other ``{name}`` placeholders filled."""
        return self._fill(self.forms.get(self.category(n), self.forms["other"]), n=n, **values)

    def listing(self, names: list[str], **values: object) -> str:
        """A text without a number that names ``names`` ("unterwegs im Sozialraum Nord",
        "unterwegs in den Sozialräumen Nord, Ost und West"): the word agrees with the list,
        not with a numeral, so it is ``one`` for one name, ``two`` for two where the language
        has a dual (Arabic), else ``other`` — Ukrainian lists of 21 names are plural too.
        ``{names}``: the names joined as the language joins a list (CLDR via Babel)."""
        from babel.lists import format_list

        category = {1: "one", 2: "two"}.get(len(names), "other")
        text = self.forms.get(category, self.forms["other"])
        return self._fill(text, names=format_list(names, locale=self.lang), **values)

    @staticmethod
    def _fill(text: str, **values: object) -> str:
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text


@cache
def plural_category(lang: str, n: int) -> str:
    """CLDR plural category (``zero one two few many other``) of the integer ``n`` in ``lang``."""
    from babel import Locale

    return Locale.parse(lang).plural_form(n)


@cache
def plural_categories(lang: str) -> frozenset[str]:
    """Every CLDR plural category ``lang`` distinguishes (``other`` included)."""
    from babel import Locale

    return frozenset(Locale.parse(lang).plural_form.tags | {"other"})


@dataclass(frozen=True)
class Catalogue:
    """The texts of one language."""

    code: str
    name: str
    """The language's name in itself (Українська, العربية), as the language switch shows it."""
    dir: str
    ui: dict[str, str]
    hours: dict[str, Any]
    flyer: dict[str, str]
    """The labels cards, posters and Wegweiser print (Zeiten, Adresse, Mehr Infos …)."""
    counts: dict[str, PluralText]
    """Texts with a number (``counts.offers(3)`` → "3 Angebote"); templates call them."""
    planning: dict[str, PluralText]
    """The planning pages' texts with a number (German only; empty elsewhere)."""

    def t(self, key: str, **values: str) -> str:
        """The text for ``key`` with ``{name}`` placeholders filled."""
        text = self.ui[key]
        return text.format(**values) if values else text

    @property
    def rtl(self) -> bool:
        """True for scripts written right to left."""
        return self.dir == "rtl"


def available() -> tuple[str, ...]:
    """Codes of the languages that have a catalogue, German first, then alphabetical."""
    codes = sorted(p.stem for p in catalogues_dir().glob("*.yml"))
    return (SOURCE, *(c for c in codes if c != SOURCE))


@cache
def catalogue(code: str) -> Catalogue:
    """The catalogue of ``code`` (a ``KeyError`` for a language without one)."""
    path = catalogues_dir() / f"{code}.yml"
    if not path.is_file():
        raise KeyError(code)
    # our own files: libyaml's loader where PyYAML has it (every build reads all five, 70 ms
    # with the pure-Python one before the first page)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506

    def plurals(section: str) -> dict[str, PluralText]:
        return {key: PluralText(code, dict(forms)) for key, forms in (data.get(section) or {}).items()}

    return Catalogue(code=code, name=data["name"], dir=data["dir"], ui=dict(data["ui"]),
                     hours=dict(data["hours"]), flyer=dict(data["flyer"]),
                     counts=plurals("counts"), planning=plurals("planning"))


@cache
def language_name_in(code: str, lang: str) -> str:
    """The name of the language ``code`` in the language ``lang`` (``ar`` in English: Arabic),
    from the Unicode CLDR data Babel ships (no network); the code itself when CLDR has none.

    For the languages an offer is given in ("Sprachen"); the switch names every language in
    itself instead (:attr:`Catalogue.name`).
    """
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(lang).languages
    except (UnknownLocaleError, ValueError):
        return code
    return names.get(code, code)


def flat_keys(data: dict[str, Any], prefix: str = "") -> set[str]:
    """Every key path of a nested catalogue (``hours.status.open``), for the completeness test.

    A plural text counts as one key (``counts.offers``): its forms differ by language. The
    German-only sections are left out."""
    keys = set()
    for key, value in data.items():
        name = f"{prefix}{key}"
        if not prefix and key in GERMAN_ONLY:
            continue
        if not prefix and key in PLURAL_SECTIONS and isinstance(value, dict):
            keys |= {f"{name}.{entry}" for entry in value}
        elif isinstance(value, dict):
            keys |= flat_keys(value, name + ".")
        else:
            keys.add(name)
    return keys
