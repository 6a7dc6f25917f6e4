"""Lists: A–Z, categories, districts and the overview map page — each map beside its list."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from markupsafe import Markup

from .. import urls
from ..catalog import Catalog
from ..counts import offer_counts
from ..i18n import SOURCE, catalogue
from ..indicators.profile import district_profile
from ..maps import category_map_html, district_map_html, overview_map_html
from ..outputs import GeneratedPage
from . import views
from .common import PageInputs, linker, status_block
from .count_texts import az_count, map_count
from .needs import CHIPS_SCRIPT, NEARBY_SCRIPT, need_chips
from .offer_texts import category_description, category_label, district_label
from .trees import (
    initial_in,
    language_switch,
    list_entry_in,
    sorted_in,
    suggestion,
    tree_languages,
    tree_meta,
)


def az_page(inputs: PageInputs, lang: str = SOURCE) -> GeneratedPage:
    """``/angebote/``: every published offer, A–Z (the text alternative to the maps)."""
    catalog = inputs.catalog
    german_path = urls.offers_index_path()
    path = urls.language_path(lang, german_path)
    t = catalogue(lang).ui
    offers = sorted_in(catalog, catalog.published, lang)
    entries = [list_entry_in(catalog, o, path, lang) for o in offers]
    initial = views.initial if lang == SOURCE else initial_in
    groups = []
    for letter, members in groupby(entries, key=lambda e: initial(e["title"])):
        groups.append({
            "letter": letter,
            "anchor": "buchstabe-" + ("0" if letter == "#" else letter.lower()),
            "entries": list(members),
        })
    html = inputs.templates.render(
        "az.html",
        t=t,
        **_switch(catalog, german_path, lang),
        groups=groups,
        count_text=az_count(offer_counts(catalog), lang),
        status=status_block(offers, path, inputs.holidays, lang),
        map_href=urls.relative_url(path, urls.language_path(lang, urls.map_path())),
    )
    meta = tree_meta({"atlas_page": "az", "hide": ["toc"]}, catalog, german_path, lang)
    return GeneratedPage(path=path, title=t["az_title"], html=html, meta=meta)


def categories_index_page(inputs: PageInputs, lang: str = SOURCE) -> GeneratedPage:
    """``/kategorien/``: every category with its number of offers."""
    german_path = urls.categories_index_path()
    path = urls.language_path(lang, german_path)
    t = catalogue(lang).ui
    html = inputs.templates.render("categories.html", t=t, n=catalogue(lang).counts, **_switch(inputs.catalog, german_path, lang),
                                   tiles=category_tiles(inputs.catalog, path, lang))
    meta = tree_meta({"atlas_page": "categories"}, inputs.catalog, german_path, lang)
    return GeneratedPage(path=path, title=t["categories"], html=html, meta=meta)


def category_tiles(catalog: Catalog, page_path: str, lang: str = SOURCE) -> list[dict[str, Any]]:
    """One tile per category (label, description, count, link)."""
    link = linker(page_path)
    tiles = []
    for cat in catalog.categories.values():
        label = category_label(catalog, cat.id, lang)
        description = category_description(catalog, cat.id, lang)
        tiles.append({
            "id": cat.id,
            "label": label.text,
            "lang": label.lang,
            "description": description.text,
            "description_lang": description.lang,
            "count": len(catalog.in_category(cat.id)),
            "href": link(urls.language_path(lang, urls.category_path(cat.id))),
        })
    return tiles


def category_page(inputs: PageInputs, category_id: str, lang: str = SOURCE) -> GeneratedPage:
    """``/kategorien/<id>/``: list and map of one category."""
    catalog = inputs.catalog
    german_path = urls.category_path(category_id)
    path = urls.language_path(lang, german_path)
    t = catalogue(lang).ui
    label = category_label(catalog, category_id, lang)
    description = category_description(catalog, category_id, lang)
    offers = sorted_in(catalog, catalog.in_category(category_id), lang)
    html = inputs.templates.render(
        "collection.html",
        t=t,
        n=catalogue(lang).counts,
        **_switch(catalog, german_path, lang),
        kind=t["kind_category"],
        title=label.text,
        title_lang=label.lang,
        description=description.text,
        description_lang=description.lang,
        facts=[],
        entries=[list_entry_in(catalog, o, path, lang) for o in offers],
        map_html=Markup(category_map_html(catalog, category_id, path, templates=inputs.templates, lang=lang, memory=inputs.memory)),  # noqa: S704
        status=status_block(offers, path, inputs.holidays, lang),
        back={"href": urls.relative_url(path, urls.language_path(lang, urls.categories_index_path())),
              "label": t["all_categories"]},
        nearby_script=urls.relative_url(path, NEARBY_SCRIPT),
    )
    meta = {"description": description.text or t["category_meta"].format(name=label.text),
            "atlas_page": "category", "hide": ["toc"]}
    return GeneratedPage(path=path, title=str(label.text), html=html,
                         meta=tree_meta(meta, catalog, german_path, lang))


def districts_index_page(inputs: PageInputs, lang: str = SOURCE) -> GeneratedPage:
    """``/sozialraeume/``: every district with its number of offers."""
    catalog = inputs.catalog
    german_path = urls.districts_index_path()
    path = urls.language_path(lang, german_path)
    t = catalogue(lang).ui
    link = linker(path)
    rows = []
    for d in sorted(catalog.districts.values(), key=lambda d: views.sort_key(district_label(catalog, d.id, lang).text)):
        name = district_label(catalog, d.id, lang)
        rows.append({
            "name": name.text,
            "lang": name.lang,
            "href": link(urls.language_path(lang, urls.district_path(d.id))),
            "count": len(catalog.in_district(d.id)),
            "population": _thousands(d.population) if d.population else "",
        })
    html = inputs.templates.render("districts.html", t=t, **_switch(catalog, german_path, lang), rows=rows)
    meta = tree_meta({"atlas_page": "districts"}, catalog, german_path, lang)
    return GeneratedPage(path=path, title=t["districts"], html=html, meta=meta)


def district_page(inputs: PageInputs, district_id: str, lang: str = SOURCE) -> GeneratedPage:
    """``/sozialraeume/<id>/``: the district's profile (its indicators, when the atlas keeps
    them and ``planning.public_profiles`` is on; on its German page only, as the planning
    pages), then list and map of its offers."""
    catalog = inputs.catalog
    district = catalog.districts[district_id]
    german_path = urls.district_path(district_id)
    path = urls.language_path(lang, german_path)
    t = catalogue(lang).ui
    name = district_label(catalog, district_id, lang)
    offers = sorted_in(catalog, catalog.in_district(district_id), lang)
    facts = [(t["residents"], _thousands(district.population))] if district.population else []
    note = district.properties.get("note") if isinstance(district.properties.get("note"), str) else ""
    html = inputs.templates.render(
        "collection.html",
        t=t,
        n=catalogue(lang).counts,
        **_switch(catalog, german_path, lang),
        kind=t["kind_district"],
        title=name.text,
        title_lang=name.lang,
        description=note,
        description_lang=SOURCE if note and lang != SOURCE else "",
        facts=facts,
        entries=[list_entry_in(catalog, o, path, lang) for o in offers],
        map_html=Markup(district_map_html(catalog, district_id, path, templates=inputs.templates, lang=lang, memory=inputs.memory)),  # noqa: S704
        status=status_block(offers, path, inputs.holidays, lang),
        back={"href": urls.relative_url(path, urls.language_path(lang, urls.districts_index_path())),
              "label": t["all_districts"]},
        profile=district_profile(catalog, inputs.indicators, district_id) if lang == SOURCE else None,
        nearby_script=urls.relative_url(path, NEARBY_SCRIPT),
    )
    meta = {"description": t["district_meta"].format(name=name.text), "atlas_page": "district", "hide": ["toc"]}
    return GeneratedPage(path=path, title=t["district_title"].format(name=name.text), html=html,
                         meta=tree_meta(meta, catalog, german_path, lang))


MAP_PAGE_LIST_LIMIT = 1000


def map_page(inputs: PageInputs, lang: str = SOURCE) -> GeneratedPage:
    """``/karte/``: the whole atlas on one map, and the same offers as a list by category."""
    catalog = inputs.catalog
    german_path = urls.map_path()
    path = urls.language_path(lang, german_path)
    t = catalogue(lang).ui
    # Beyond this many offers the page lists categories (each a page with the full list and
    # map) instead of every offer: 5,000 list entries alone weigh 3 MB on a phone.
    full_list = len(catalog.published) <= MAP_PAGE_LIST_LIMIT
    groups = []
    for cat in catalog.categories.values():
        members = sorted_in(catalog, [o for o in catalog.published if o.category == cat.id], lang)
        if members:
            label = category_label(catalog, cat.id, lang)
            groups.append({
                "label": label.text,
                "lang": label.lang,
                "id": cat.id,
                "count": len(members),
                "href": urls.relative_url(path, urls.language_path(lang, urls.category_path(cat.id))),
                "entries": [list_entry_in(catalog, o, path, lang) for o in members] if full_list else [],
            })
    html = inputs.templates.render(
        "map.html",
        t=t,
        **_switch(catalog, german_path, lang),
        map_html=Markup(overview_map_html(catalog, path, templates=inputs.templates, lang=lang, memory=inputs.memory)),  # noqa: S704
        groups=groups,
        count_text=map_count(offer_counts(catalog), lang),
        status=status_block(catalog.published, path, inputs.holidays, lang),
        az_href=urls.relative_url(path, urls.language_path(lang, urls.offers_index_path())),
        chips=need_chips(catalog, lang),
        nearby_script=urls.relative_url(path, NEARBY_SCRIPT),
        chips_script=urls.relative_url(path, CHIPS_SCRIPT),
    )
    meta = tree_meta({"atlas_page": "map", "hide": ["toc"]}, catalog, german_path, lang)
    return GeneratedPage(path=path, title=t["map"], html=html, meta=meta)


def _switch(catalog: Catalog, german_path: str, lang: str) -> dict[str, Any]:
    """The language switch of an overview page (none when the atlas speaks German only) and,
    on the German page, the suggestion of the browser's language."""
    languages = tree_languages(catalog)
    switch = language_switch(german_path, lang, languages) if len(languages) > 1 else []
    return {"switch": switch, "suggest": suggestion(switch, lang, urls.language_path(lang, german_path))}


def _thousands(number: int | None) -> str:
    return f"{number:,}".replace(",", ".") if number is not None else ""
