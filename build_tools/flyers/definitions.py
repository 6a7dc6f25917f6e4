"""Collection flyers ("Wegweiser") declared in ``flyers/*.yml``: loading and validation.

A definition names a title, an intro, a selection and a format::

    title: Hilfe bei Wohnungslosigkeit in Musterstadt
    intro: Wo es ein Bett, Essen, eine Dusche und Beratung gibt.
    format: a6-booklet          # a4, a5 or a6-booklet
    language: de                # de, en, uk, tr, ar
    bilingual: uk               # the chosen offers' cards and posters also in German + uk
    select:
      categories: [notunterkunft, essen]
      districts: [innenstadt]
      target_groups: [wohnungslose]
      ids: [kaeltebus]          # always added
    page: category:notunterkunft  # where the big QR code leads (home, category:…, district:…)
    offer_codes: true           # a small QR code per offer
    for_each: district          # one flyer per district ({district} in title and intro)

Selection: an offer is chosen when it matches *every* kind given (any of the categories, any
of the districts, any of the target groups); ``ids`` are added on top. Mistakes are reported
as ``file:line:col`` problems, like any content error.

``bilingual`` asks for a second set of cards and posters of the chosen offers, German with the
language beneath (``flyers/<id>-karte-uk.pdf``); the Wegweiser itself stays in ``language``. An
offer without a title and summary in that language keeps its German flyers only, and the
definition says so as a warning at its ``bilingual`` line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from .. import urls
from ..catalog import Catalog, districts_of
from ..content import display_path, pydantic_problems
from ..languages import suggest_language
from ..problems import Problem
from ..schema import Identifier, Line, Offer, StrictModel, Text
from ..yamlio import LoadedYaml, YamlProblem, load_yaml_file
from .texts import PRINT_LANGUAGES, SECOND_LANGUAGES, has_translation

FORMATS = ("a4", "a5", "a6-booklet")


class Selection(StrictModel):
    """Which offers a Wegweiser lists."""

    categories: list[Identifier] = Field(default_factory=list, description="Kategorie-ids.")
    districts: list[Identifier] = Field(default_factory=list, description="Sozialraum-ids.")
    target_groups: list[Identifier] = Field(default_factory=list, description="Zielgruppen-ids.")
    ids: list[Identifier] = Field(default_factory=list, description="Einzelne Angebote (ids).")


class CollectionSpec(StrictModel):
    """One file in flyers/: a Wegweiser."""

    title: Line = Field(..., max_length=120, description="Titel; {district} wird ersetzt.")
    intro: Text | None = Field(None, max_length=1200, description="Einleitungstext.")
    format: str = Field("a4", description="a4, a5 oder a6-booklet.")
    language: str = Field("de", description="Sprache: de, en, uk, tr oder ar.")
    bilingual: str | None = Field(
        None, description="Zweite Sprache für Handzettel und Aushänge der gewählten Angebote "
        "(Deutsch und en, uk, tr oder ar); der Wegweiser selbst bleibt in language.")
    select: Selection = Field(..., description="Auswahl der Angebote.")
    page: str | None = Field(
        None, description="Ziel des großen QR-Codes: home, category:<id> oder district:<id>."
    )
    offer_codes: bool = Field(False, description="Kleiner QR-Code je Angebot.")
    map: bool = Field(True, description="Stadtplan im A6-Heft.")
    for_each: Literal["district"] | None = Field(
        None, description="district: ein Wegweiser je Sozialraum."
    )


@dataclass
class Collection:
    """A resolved Wegweiser: what to print, in which order, with which big QR code."""

    slug: str
    title: str
    intro: str
    format: str
    language: str
    page_path: str
    offers: list[Offer]
    offer_codes: bool = False
    map: bool = True
    districts: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    source: str = ""
    bilingual: str | None = None
    """Second language of the chosen offers' bilingual cards and posters."""


def load_definitions(folder: Path, catalog: Catalog, unusable: frozenset[str] = frozenset()
                     ) -> tuple[list[Collection], list[Problem]]:
    """Every ``*.yml`` in ``folder`` resolved against the catalog, plus all problems found.

    Offers in ``unusable`` (files with errors of their own) are not called unknown.
    """
    collections: list[Collection] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return collections, problems
    for path in sorted(folder.glob("*.yml")):
        try:
            loaded = load_yaml_file(path, display_path(path))
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        found, trouble = _resolve(path.stem, loaded, catalog, unusable)
        collections += found
        problems += trouble
    return collections, problems


def _resolve(slug: str, loaded: LoadedYaml, catalog: Catalog, unusable: frozenset[str] = frozenset()
             ) -> tuple[list[Collection], list[Problem]]:
    src, marks = loaded.source, loaded.marks
    if not isinstance(loaded.data, dict):
        return [], [Problem(src, 1, 1, "", "erwartet eine Zuordnung (title:, select: ...)")]
    try:
        spec = CollectionSpec.model_validate(loaded.data)
    except ValidationError as exc:
        return [], pydantic_problems(exc, marks, src)
    problems: list[Problem] = []

    def at(path: tuple, message: str) -> None:
        line, col = marks.of_value(path)
        problems.append(Problem(src, line, col, ".".join(str(p) for p in path), message))

    if spec.format not in FORMATS:
        at(("format",), f"unbekanntes Format {spec.format!r}; möglich: {', '.join(FORMATS)}")
    if spec.language not in PRINT_LANGUAGES:
        at(("language",), f"unbekannte Sprache {spec.language!r}; möglich: "
           + ", ".join(PRINT_LANGUAGES))
    second = SECOND_LANGUAGES
    if spec.bilingual is not None and spec.bilingual not in second:
        hint = suggest_language(spec.bilingual)
        meant = f" (gemeint: {hint}?)" if hint in second else ""
        at(("bilingual",), f"unbekannte zweite Sprache {spec.bilingual!r}{meant}; möglich: "
           + ", ".join(second) + " (Deutsch steht immer als erste Sprache auf dem Flyer)")
    sel = spec.select
    for kind, known, what in (
        ("categories", catalog.categories, "unbekannte Kategorie"),
        ("districts", catalog.districts, "unbekannter Sozialraum"),
        ("target_groups", catalog.target_groups, "unbekannte Zielgruppe"),
    ):
        for i, value in enumerate(getattr(sel, kind)):
            if value not in known:
                at(("select", kind, i), f"{what} {value!r}; bekannt: "
                   + ", ".join(known))
    for i, value in enumerate(sel.ids):
        if not catalog.has_offer(value) and value not in unusable:
            at(("select", "ids", i), f"unbekanntes Angebot {value!r}")
    if not (sel.categories or sel.districts or sel.target_groups or sel.ids or spec.for_each):
        at(("select",), "leere Auswahl: categories, districts, target_groups oder ids angeben")
    page = _page(spec, at, catalog)
    if problems:
        return [], problems

    runs = [(slug, None)]
    if spec.for_each == "district":
        runs = [(f"{slug}-{d}", d) for d in catalog.districts]
    result = []
    for run_slug, district in runs:
        offers = select_offers(catalog, sel, district)
        name = catalog.district_name(district) if district else ""
        if not offers and district is None:
            at(("select",), "die Auswahl trifft auf kein veröffentlichtes Angebot zu")
            continue
        if not offers:
            continue  # a district without matching offers gets no flyer
        result.append(Collection(
            slug=run_slug,
            title=spec.title.replace("{district}", name),
            intro=(spec.intro or "").replace("{district}", name),
            format=spec.format,
            language=spec.language,
            page_path=urls.district_path(district) if district else page,
            offers=offers,
            offer_codes=spec.offer_codes,
            map=spec.map,
            districts=[district] if district else list(sel.districts),
            categories=list(sel.categories),
            source=src,
            bilingual=spec.bilingual,
        ))
    if spec.bilingual:
        problems += untranslated(result, spec.bilingual, marks.of_value(("bilingual",)), src)
    return result, problems


def untranslated(collections: list[Collection], lang: str, where: tuple[int, int], src: str
                 ) -> list[Problem]:
    """One warning per chosen offer that has no title and summary in ``lang``: it keeps its
    German card and poster only (never dropped without a word)."""
    missing = sorted({o.id for c in collections for o in c.offers if not has_translation(o, lang)})
    if not missing:
        return []
    line, col = where
    return [Problem(src, line, col, "bilingual",
                    f"{len(missing)} der gewählten Angebote haben keine Übersetzung auf {lang} "
                    f"(translations.{lang}.title und summary): {', '.join(missing)} – ihre "
                    "Handzettel und Aushänge gibt es nur auf Deutsch", "warning")]


def _page(spec: CollectionSpec, at, catalog: Catalog) -> str:
    """Site path the big QR code leads to."""
    sel = spec.select
    if spec.page:
        kind, _, ident = spec.page.partition(":")
        if kind == "home" and not ident:
            return ""
        if kind == "category" and ident in catalog.categories:
            return urls.category_path(ident)
        if kind == "district" and ident in catalog.districts:
            return urls.district_path(ident)
        at(("page",), f"unbekanntes Ziel {spec.page!r}: home, category:<id> oder district:<id>")
        return ""
    if len(sel.districts) == 1:
        return urls.district_path(sel.districts[0])
    if len(sel.categories) >= 1:
        return urls.category_path(sel.categories[0])
    return ""


def select_offers(catalog: Catalog, sel: Selection, district: str | None = None) -> list[Offer]:
    """Published offers matching the selection (see the module docstring)."""
    districts = [district] if district else sel.districts
    chosen: dict[str, Offer] = {}
    criteria = bool(sel.categories or districts or sel.target_groups)
    for offer in catalog.published if criteria else []:
        if sel.categories and not (
            offer.category in sel.categories
            or any(c in sel.categories for c in offer.also_categories)
        ):
            continue
        if districts and not any(d in districts for d in districts_of(offer)):
            continue
        if sel.target_groups and not any(t in sel.target_groups for t in offer.target_groups):
            continue
        chosen[offer.id] = offer
    for offer_id in sel.ids:
        if catalog.has_offer(offer_id):
            offer = catalog.offer(offer_id)
            if offer.status != "ended":
                chosen[offer.id] = offer
    return list(chosen.values())
