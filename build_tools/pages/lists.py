"""Lists: A–Z, categories, districts and the overview map page — each map beside its list."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from markupsafe import Markup

from .. import urls
from ..catalog import Catalog
from ..indicators.profile import district_profile
from ..maps import category_map_html, district_map_html, overview_map_html
from ..outputs import GeneratedPage
from . import views
from .common import PageInputs, linker, status_block
from .needs import CHIPS_SCRIPT, NEARBY_SCRIPT, need_chips


def az_page(inputs: PageInputs) -> GeneratedPage:
    """``/angebote/``: every published offer, A–Z (the text alternative to the maps)."""
    catalog = inputs.catalog
    path = urls.offers_index_path()
    offers = views.sorted_offers(catalog.published)
    groups = []
    for letter, members in groupby(offers, key=lambda o: views.initial(o.title)):
        groups.append({
            "letter": letter,
            "anchor": "buchstabe-" + ("0" if letter == "#" else letter.lower()),
            "entries": [views.list_entry(catalog, o, path) for o in members],
        })
    html = inputs.templates.render(
        "az.html",
        groups=groups,
        count=len(offers),
        status=status_block(offers, path, inputs.holidays),
        map_href=urls.relative_url(path, urls.map_path()),
    )
    return GeneratedPage(path=path, title="Angebote A–Z", html=html, meta={"atlas_page": "az", "hide": ["toc"]})


def categories_index_page(inputs: PageInputs) -> GeneratedPage:
    """``/kategorien/``: every category with its number of offers."""
    path = urls.categories_index_path()
    html = inputs.templates.render("categories.html", tiles=category_tiles(inputs.catalog, path))
    return GeneratedPage(path=path, title="Kategorien", html=html, meta={"atlas_page": "categories"})


def category_tiles(catalog: Catalog, page_path: str) -> list[dict[str, Any]]:
    """One tile per category (label, description, count, link)."""
    link = linker(page_path)
    return [
        {
            "id": cat.id,
            "label": cat.label,
            "description": cat.description or "",
            "count": len(catalog.in_category(cat.id)),
            "href": link(urls.category_path(cat.id)),
        }
        for cat in catalog.categories.values()
    ]


def category_page(inputs: PageInputs, category_id: str) -> GeneratedPage:
    """``/kategorien/<id>/``: list and map of one category."""
    catalog = inputs.catalog
    cat = catalog.categories[category_id]
    path = urls.category_path(category_id)
    offers = views.sorted_offers(catalog.in_category(category_id))
    html = inputs.templates.render(
        "collection.html",
        kind="Kategorie",
        title=cat.label,
        description=cat.description or "",
        facts=[],
        entries=[views.list_entry(catalog, o, path) for o in offers],
        map_html=Markup(category_map_html(catalog, category_id, path, templates=inputs.templates)),  # noqa: S704
        status=status_block(offers, path, inputs.holidays),
        back={"href": urls.relative_url(path, urls.categories_index_path()), "label": "Alle Kategorien"},
        nearby_script=urls.relative_url(path, NEARBY_SCRIPT),
    )
    meta = {"description": cat.description or f"Angebote: {cat.label}", "atlas_page": "category", "hide": ["toc"]}
    return GeneratedPage(path=path, title=cat.label, html=html, meta=meta)


def districts_index_page(inputs: PageInputs) -> GeneratedPage:
    """``/sozialraeume/``: every district with its number of offers."""
    catalog = inputs.catalog
    path = urls.districts_index_path()
    link = linker(path)
    rows = [
        {
            "name": d.name,
            "href": link(urls.district_path(d.id)),
            "count": len(catalog.in_district(d.id)),
            "population": _thousands(d.population) if d.population else "",
        }
        for d in sorted(catalog.districts.values(), key=lambda d: views.sort_key(d.name))
    ]
    html = inputs.templates.render("districts.html", rows=rows)
    return GeneratedPage(path=path, title="Sozialräume", html=html, meta={"atlas_page": "districts"})


def district_page(inputs: PageInputs, district_id: str) -> GeneratedPage:
    """``/sozialraeume/<id>/``: the district's profile (its indicators, when the atlas keeps
    them and ``planning.public_profiles`` is on), then list and map of its offers."""
    catalog = inputs.catalog
    district = catalog.districts[district_id]
    path = urls.district_path(district_id)
    offers = views.sorted_offers(catalog.in_district(district_id))
    facts = [("Einwohnerinnen und Einwohner", _thousands(district.population))] if district.population else []
    note = district.properties.get("note") if isinstance(district.properties.get("note"), str) else ""
    html = inputs.templates.render(
        "collection.html",
        kind="Sozialraum",
        title=district.name,
        description=note,
        facts=facts,
        entries=[views.list_entry(catalog, o, path) for o in offers],
        map_html=Markup(district_map_html(catalog, district_id, path, templates=inputs.templates)),  # noqa: S704
        status=status_block(offers, path, inputs.holidays),
        back={"href": urls.relative_url(path, urls.districts_index_path()), "label": "Alle Sozialräume"},
        profile=district_profile(catalog, inputs.indicators, district_id),
        nearby_script=urls.relative_url(path, NEARBY_SCRIPT),
    )
    meta = {"description": f"Hilfeangebote im Sozialraum {district.name}", "atlas_page": "district", "hide": ["toc"]}
    return GeneratedPage(path=path, title=f"Sozialraum {district.name}", html=html, meta=meta)


MAP_PAGE_LIST_LIMIT = 1000


def map_page(inputs: PageInputs) -> GeneratedPage:
    """``/karte/``: the whole atlas on one map, and the same offers as a list by category."""
    catalog = inputs.catalog
    path = urls.map_path()
    # Beyond this many offers the page lists categories (each a page with the full list and
    # map) instead of every offer: 5,000 list entries alone weigh 3 MB on a phone.
    full_list = len(catalog.published) <= MAP_PAGE_LIST_LIMIT
    groups = []
    for cat in catalog.categories.values():
        members = views.sorted_offers([o for o in catalog.published if o.category == cat.id])
        if members:
            groups.append({
                "label": cat.label,
                "id": cat.id,
                "count": len(members),
                "href": urls.relative_url(path, urls.category_path(cat.id)),
                "entries": [views.list_entry(catalog, o, path) for o in members] if full_list else [],
            })
    html = inputs.templates.render(
        "map.html",
        map_html=Markup(overview_map_html(catalog, path, templates=inputs.templates)),  # noqa: S704
        groups=groups,
        count=len(catalog.published),
        status=status_block(catalog.published, path, inputs.holidays),
        az_href=urls.relative_url(path, urls.offers_index_path()),
        chips=need_chips(catalog),
        nearby_script=urls.relative_url(path, NEARBY_SCRIPT),
        chips_script=urls.relative_url(path, CHIPS_SCRIPT),
    )
    return GeneratedPage(path=path, title="Karte", html=html,
                         meta={"atlas_page": "map", "hide": ["toc"]})


def _thousands(number: int | None) -> str:
    return f"{number:,}".replace(",", ".") if number is not None else ""
