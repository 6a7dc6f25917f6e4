"""One page per offer: ``/angebote/<id>/``.

The first screen answers what a person on the street asks: what is it, is it open now, where,
how to get there, papers, dogs, costs. Everything else follows below.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import alerts, urls
from ..capacity import source_for
from ..catalog import Catalog, districts_of, is_public_location
from ..credits import credit_for
from ..i18n import SOURCE, catalogue
from ..languages import RTL_LANGUAGES, language_name
from ..maps import offer_map_html
from ..outputs import GeneratedPage
from ..schema import Offer, Status
from ..search.records import language_record, offer_record
from . import views
from .alerts import offer_alert, with_banner
from .common import PageInputs, linker, status_block
from .jsonld import offer_jsonld
from .nearby import NearestIndex
from .offer_texts import (
    OfferWords,
    Shown,
    alternates,
    category_label,
    district_label,
    page_languages,
    switch_links,
    target_group_label,
)
from .report_link import report_href
from .trees import list_entry_in, suggestion

RELATED_MAX = 4
FLYER_KINDS = (("karte", "flyer_card"), ("aushang", "flyer_poster"))
"""Per-offer flyers and the catalogue key of their link text."""


def offer_page(inputs: PageInputs, offer: Offer, lang: str = SOURCE) -> GeneratedPage:
    """The page of one offer in ``lang`` (a tombstone for ended offers, in German only)."""
    path = urls.offer_path(offer.id, lang)
    if offer.status == Status.ended:
        return with_banner(_tombstone(inputs, offer, path), inputs, alerts.for_page(inputs.catalog.alerts))
    context = offer_context(inputs, offer, lang)
    words: OfferWords = context["words"]
    # atlas_theme_js: False — no Material bundle (overrides/main.html): an offer page is opened
    # from a QR code on a prepaid phone and needs nothing from it (benchmarks/offer_weight.py).
    meta: dict[str, Any] = {"description": str(words.field("summary").text), "atlas_page": "offer",
                            "hide": ["toc"], "atlas_theme_js": False}
    if lang != SOURCE:  # the theme's <html lang>, <body dir> and its own strings follow this
        meta["atlas_lang"] = lang
    if len(context["switch"]) > 1:
        meta["atlas_alternates"] = alternates(offer, [s["code"] for s in context["switch"]],
                                              inputs.catalog.config.site_url, path)
    html = inputs.templates.render("offer.html", **context)
    # One record per page: Pagefind files it in the index of its <html lang>, which the search
    # page of the same tree (/en/suche/) loads.
    if lang == SOURCE:
        search = offer_record(inputs, offer, {"description": context["description"].text,
                                              "hours_summary": context["hours_summary"].text,
                                              "status": context["status"]})
    else:
        search = language_record(inputs, offer, lang)
    page = GeneratedPage(path=path, title=str(words.field("title").text), html=html, meta=meta,
                         search=search)
    dated = bool(context["offer_alert"] and context["offer_alert"]["dated"])
    return with_banner(page, inputs, alerts.for_offer(inputs.catalog.alerts, offer), script=dated)


def offer_pages(inputs: PageInputs, offer: Offer) -> list[GeneratedPage]:
    """The offer's page in every configured language it has a translation for, German first."""
    return [offer_page(inputs, offer, lang)
            for lang in page_languages(offer, inputs.catalog.config.languages)]


def offer_context(inputs: PageInputs, offer: Offer, lang: str = SOURCE) -> dict[str, Any]:
    """Everything ``offer.html`` shows, decided here, in the words of ``lang``."""
    catalog = inputs.catalog
    path = urls.offer_path(offer.id, lang)
    link = linker(path)
    words = OfferWords(offer, lang, inputs.markdown)
    ui = words.ui
    german = lang == SOURCE
    loc = offer.location
    public = is_public_location(offer)
    org = catalog.provider_organization(offer)
    provider_site = org.website if org else getattr(offer.provider, "website", None)
    related = related_offers(catalog, offer)
    languages = page_languages(offer, catalog.config.languages)
    directions_text = words.field("directions") if loc and public else Shown()
    tree = lang if lang in catalog.config.languages else SOURCE  # the overview pages' language
    switch = switch_links(offer, lang, languages, path) if len(languages) > 1 else []
    return {
        "offer": offer,
        "words": words,
        "t": ui,
        "n": catalogue(lang).counts,
        "lang": lang,
        "title": words.field("title"),
        "summary": words.field("summary"),
        "alert": words.field("alert"),
        "hours_note": words.field("hours_note"),
        "switch": switch,
        "suggest": suggestion(switch, lang, path),
        "link": link,
        "closed": offer.status == Status.temporarily_closed,
        # a closure and a dated alert with their dates (German: other languages mark it lang="de")
        "closure": views.closure(offer),
        "offer_alert": offer_alert(offer, catalog.build_date, lang),
        "capacity": _capacity(catalog, offer, path, ui),
        "hours_lines": words.hours_lines(),
        "hours_summary": words.hours_summary(),
        # German says season and validity in sentences; other languages in the hours lines
        "season": views.season_text(offer.season) if german else "",
        "valid_from": views.german_date(offer.valid_from) if german and offer.valid_from else "",
        "valid_until": views.german_date(offer.valid_until) if german and offer.valid_until else "",
        "address": views.address_lines(offer),
        "confidential": bool(loc and loc.confidential),
        "directions_text": directions_text,
        "directions": views.directions(offer),
        "districts": [
            {"name": district_label(catalog, d, lang).text, "lang": district_label(catalog, d, lang).lang,
             "href": link(urls.language_path(tree, urls.district_path(d)))}
            for d in districts_of(offer) if d in catalog.districts
        ],
        "phones": views.phones(offer),
        "email": offer.contact.email,
        "website": offer.contact.website,
        "languages": words.spoken(),
        "costs": words.costs(),
        "papers": words.papers(),
        "dogs": words.dogs(),
        "registration": words.registration(),
        "wheelchair": words.wheelchair(loc.wheelchair) if loc and public else "",
        "provider": catalog.provider_name(offer),
        "provider_site": provider_site,
        "target_groups": [target_group_label(catalog, g, lang) for g in offer.target_groups
                          if g in catalog.target_groups],
        "categories": [
            {"label": category_label(catalog, c, lang),
             "href": link(urls.language_path(tree, urls.category_path(c)))}
            for c in [offer.category, *offer.also_categories]
        ],
        "tags": words.german_text(", ".join(offer.tags)),
        "description": words.description(),
        "translations": _translations(inputs, offer, languages),
        "map_html": Markup(offer_map_html(catalog, offer, path, templates=inputs.templates, lang=lang, memory=inputs.memory,
                                          name=str(words.field("title").text)))  # noqa: S704
        if public else "",
        "flyers": [
            {"label": ui[key], "href": link(urls.flyer_path(offer.id, kind))}
            for kind, key in FLYER_KINDS
            if urls.flyer_path(offer.id, kind) in inputs.flyers
        ],
        "related": [related_entry(catalog, o, path, lang) for o in related],
        "last_verified": words.date(offer.last_verified),
        "last_verified_iso": offer.last_verified.isoformat(),
        "credit": credit_for(offer.source, catalog.credits),
        "report_href": report_href(catalog, offer, inputs.templates),
        "status": status_block([offer, *related], path, inputs.holidays, lang),
        # one JSON-LD description of the place, on its German page (the canonical data)
        "jsonld": offer_jsonld(catalog, offer) if german else None,
        "list_href": link(urls.language_path(tree, urls.offers_index_path())),
        "map_href": link(urls.language_path(tree, urls.map_path())),
        # printed on paper, where a relative link leads nowhere (print stylesheet in atlas.css)
        "page_url": _page_url(catalog.config.site_url, path),
    }


CAPACITY_SCRIPT = urls.asset_path("javascripts/atlas-capacity.js")
CAPACITY_WORDS = ("capacity_free", "capacity_free_of", "capacity_unknown", "capacity_unit",
                  "capacity_unit_one", "capacity_day")
"""Catalogue keys ``atlas-capacity.js`` fills in (it carries no words of its own)."""


def _capacity(catalog: Catalog, offer: Offer, path: str, ui: Any) -> dict[str, Any] | None:
    """The live free places of the offer: the file, the limits and the words the script needs
    (one JSON block, as the live hours status gets its words); None: the page fetches nothing.
    A closed offer has no free places to show."""
    source = source_for(offer, catalog.config)
    if source is None or offer.status != Status.active:
        return None
    # a file the site serves itself is fetched relative to the page (any sub-path, any host)
    src = urls.relative_url(path, source.site_path) if source.site_path else source.url
    data = {"id": offer.id, "src": src, "maxAgeMinutes": source.max_age_minutes,
            "maxBytes": source.max_bytes, "timeoutMs": source.timeout_ms,
            "words": {key.removeprefix("capacity_"): ui[key] for key in CAPACITY_WORDS}}
    return {"url": src, "data": data, "script": urls.relative_url(path, CAPACITY_SCRIPT)}


def _page_url(site_url: str | None, path: str) -> str:
    """The page's own address for the printed sheet: absolute when the atlas knows its
    site_url, else the path from the site's root (a preview without site_url)."""
    return urls.absolute_url(site_url, path) if site_url else "/" + path


def related_entry(catalog: Catalog, offer: Offer, page_path: str, lang: str) -> dict[str, Any]:
    """A list entry of a similar offer on a page in ``lang`` (:func:`.trees.list_entry_in`)."""
    entry = list_entry_in(catalog, offer, page_path, lang)
    # similar offers are not printed (atlas-related is atlas-noprint): no paper-only facts,
    # which would only weigh on the page a QR code opens
    for key in ("print_phone", "print_address", "print_hours"):
        entry.pop(key)
    return entry


def _translations(inputs: PageInputs, offer: Offer, trees: list[str]) -> list[dict[str, Any]]:
    """Translations in languages the atlas has no tree for (``ru`` when the site speaks
    de, en, uk): shown on the German page, the only place they appear. The others have pages."""
    out = []
    for code in sorted(offer.translations):
        tr = offer.translations[code]
        if code in trees or not (tr.title or tr.summary or tr.description):
            continue
        out.append({
            "code": code,
            "name": language_name(code),
            "dir": "rtl" if code in RTL_LANGUAGES else "ltr",
            "title": tr.title,
            "summary": tr.summary,
            "alert": tr.alert,
            "hours_note": tr.hours_note,
            "directions": tr.directions,
            "description": Markup(inputs.markdown(tr.description)),  # noqa: S704 - sanitised
        })
    return out


def related_offers(catalog: Catalog, offer: Offer, limit: int = RELATED_MAX) -> list[Offer]:
    """The editor's ``related`` offers, filled up with the nearest of the same category."""
    chosen: list[Offer] = []
    for rel in offer.related:
        if catalog.has_offer(rel):
            other = catalog.offer(rel)
            if other.status != Status.ended:
                chosen.append(other)
    if len(chosen) >= limit:
        return chosen[:limit]
    taken = {o.id for o in chosen} | {offer.id}
    index = _nearest_indexes(catalog).get(offer.category)
    same = index.nearest(offer, limit - len(chosen), taken) if index else []
    return chosen + same


def category_members(catalog: Catalog) -> dict[str, list[Offer]]:
    """Published offers per category (main and additional), built once per catalog.

    Asking ``catalog.in_category`` for every offer page would make the build quadratic.
    """
    cached = getattr(catalog, "_atlas_category_members", None)
    if cached is not None and cached[0] == len(catalog.offers):
        return cached[1]
    members: dict[str, list[Offer]] = {}
    for other in catalog.published:
        for cat in dict.fromkeys([other.category, *other.also_categories]):
            members.setdefault(cat, []).append(other)
    catalog._atlas_category_members = (len(catalog.offers), members)  # type: ignore[attr-defined]
    return members


def _nearest_indexes(catalog: Catalog) -> dict[str, NearestIndex]:
    """One :class:`NearestIndex` per category, built once per catalog."""
    cached = getattr(catalog, "_atlas_nearest", None)
    if cached is not None and cached[0] == len(catalog.offers):
        return cached[1]
    indexes = {cat: NearestIndex(members) for cat, members in category_members(catalog).items()}
    catalog._atlas_nearest = (len(catalog.offers), indexes)  # type: ignore[attr-defined]
    return indexes


def _tombstone(inputs: PageInputs, offer: Offer, path: str) -> GeneratedPage:
    catalog = inputs.catalog
    alternatives = related_offers(catalog, offer, limit=6)
    html = inputs.templates.render(
        "tombstone.html",
        offer=offer,
        alternatives=[views.list_entry(catalog, o, path) for o in alternatives],
        category={"label": catalog.category_label(offer.category),
                  "href": urls.relative_url(path, urls.category_path(offer.category))},
        list_href=urls.relative_url(path, urls.offers_index_path()),
        status=status_block(alternatives, path, inputs.holidays) if alternatives else None,
    )
    # Printed QR codes of an ended offer still lead here: as light as the offer page was.
    meta = {"robots": "noindex", "atlas_page": "tombstone", "atlas_theme_js": False}
    return GeneratedPage(path=path, title=offer.title, html=html, meta=meta)
