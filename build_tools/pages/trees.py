"""The overview pages in every language tree: what a page in ``lang`` shows of the catalogue.

Every public overview page (start page, A–Z, categories, districts, map) exists at its German
path and, for each further configured language, below ``<lang>/`` (:func:`urls.language_path`).
A list in a language lists every offer: one with a page in that language links to it with its
translated title; the others link to their German page, their German title marked ``lang="de"``.
Names of categories, target groups and districts come from their ``translations``
(:mod:`.offer_texts`); interface words from the language's catalogue (:mod:`build_tools.i18n`).
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..catalog import Catalog, districts_of
from ..i18n import SOURCE, catalogue
from ..schema import Offer
from . import views
from .offer_texts import OfferWords, category_label, district_label, has_page


def tree_languages(catalog: Catalog) -> list[str]:
    """The configured languages, German first: every overview page exists in each of them."""
    return [code for code in catalog.config.languages if code == SOURCE or code in urls.tree_languages()]


def language_switch(german_path: str, lang: str, languages: list[str]) -> list[dict[str, Any]]:
    """The switch of a page that exists in every language: each named in itself."""
    page_path = urls.language_path(lang, german_path)
    out = []
    for code in languages:
        own = catalogue(code)
        out.append({"code": code, "name": own.name, "dir": own.dir, "current": code == lang,
                    "href": urls.relative_url(page_path, urls.language_path(code, german_path))})
    return out


SUGGEST_SCRIPT = urls.asset_path("javascripts/atlas-suggest.js")
"""Offers a German page's reader the same page in the browser's language (never a redirect)."""


def suggestion(switch: list[dict[str, Any]], lang: str, page_path: str) -> dict[str, Any] | None:
    """What ``atlas-suggest.js`` needs on a German page whose switch offers further languages:
    per language its sentence ("This page is also available in English."), the close button's
    label and the writing direction, each in that language; None on any other page."""
    if lang != SOURCE or len(switch) < 2:
        return None
    texts = {}
    for entry in switch:
        if entry["code"] == SOURCE:
            continue
        own = catalogue(entry["code"])
        texts[entry["code"]] = {"text": own.t("suggest", language=own.name),
                                "close": own.ui["suggest_close"], "dir": own.dir}
    return {"texts": texts, "script": urls.relative_url(page_path, SUGGEST_SCRIPT)}


def tree_meta(meta: dict[str, Any], catalog: Catalog, german_path: str, lang: str) -> dict[str, Any]:
    """``meta`` with the page's language (the theme's ``<html lang>``, ``dir`` and strings
    follow ``atlas_lang``) and its ``hreflang`` alternates in every language, absolute under
    ``site_url`` as search engines ask; ``x-default`` is the German page."""
    languages = tree_languages(catalog)
    site_url = catalog.config.site_url
    page_path = urls.language_path(lang, german_path)

    def href(code: str) -> str:
        path = urls.language_path(code, german_path)
        return urls.absolute_url(site_url, path) if site_url else urls.relative_url(page_path, path)

    out = dict(meta)
    if lang != SOURCE:
        out["atlas_lang"] = lang
    if len(languages) > 1:
        out["atlas_alternates"] = [*({"lang": code, "href": href(code)} for code in languages),
                                   {"lang": "x-default", "href": href(SOURCE)}]
        # Material's bundle fetches sitemap.xml below every <link rel="alternate"> of a page
        # (for its own language selector, which we do not use): five requests per page view on
        # a prepaid plan, to the published host even in a preview. Our pages need nothing of
        # the bundle (overrides/main.html), so they go without it, as offer pages do.
        out["atlas_theme_js"] = False
    return out


def list_entry_in(catalog: Catalog, offer: Offer, page_path: str, lang: str) -> dict[str, Any]:
    """A list entry on a page in ``lang``: the offer's page in that language when it has one,
    else its German page, its title and summary marked as German (``lang``)."""
    if lang == SOURCE:
        return views.list_entry(catalog, offer, page_path)
    entry = dict(catalog.remembered(offer, ("list_entry", lang), lambda: _entry_in(catalog, offer, lang)))
    entry["href"] = urls.relative_url(page_path, entry.pop("target"))
    return entry


def _entry_in(catalog: Catalog, offer: Offer, lang: str) -> dict[str, Any]:
    """:func:`list_entry_in` with the site path of its link (``target``) in place of the link."""
    entry = views.list_entry(catalog, offer, "")
    entry["target"] = urls.offer_path(offer.id)
    words = OfferWords(offer, lang, str)
    entry["free_label"] = words.ui["free"]
    label = category_label(catalog, offer.category, lang)
    entry["category"], entry["category_lang"] = label.text, label.lang
    entry["hours"] = entry["print_hours"] = words.hours_summary().text
    districts = districts_of(offer)
    if offer.location is None and districts:  # "on the move in the districts …", in the language
        names = [district_label(catalog, d, lang).text for d in districts]
        entry["where"] = catalogue(lang).counts["moving_in"].listing([str(n) for n in names])
    elif entry["where"] and entry["place"] != "fixed":  # "Adresse geschützt (…)"
        entry["where_lang"] = SOURCE
    if has_page(offer, lang) and lang in catalog.config.languages:
        entry["title"] = words.field("title").text
        entry["summary"] = words.field("summary").text
        entry["target"] = urls.offer_path(offer.id, lang)
    else:
        entry["lang"] = SOURCE
    return entry


def sorted_in(catalog: Catalog, offers: list[Offer], lang: str) -> list[Offer]:
    """Offers in A–Z order of the titles a page in ``lang`` shows (German ones where the offer
    has no page there)."""
    if lang == SOURCE:
        return views.sorted_offers(offers)

    def title(offer: Offer) -> str:
        tr = offer.translations.get(lang)
        return tr.title if has_page(offer, lang) and tr is not None and tr.title else offer.title

    return sorted(offers, key=lambda o: (views.sort_key(title(o)), o.id or ""))


def initial_in(text: str) -> str:
    """The letter an entry is filed under in a language's A–Z (any script's letters; ``#``
    for digits and signs)."""
    key = views.sort_key(text)[:1].upper()
    return key if key.isalpha() else "#"
