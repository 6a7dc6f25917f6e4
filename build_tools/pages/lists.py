"""Lists: A–Z, categories, districts and the overview map page — each map beside its list."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from markupsafe import Markup

from .. import urls
from ..catalog import Catalog
from ..outputs import BuildContext, GeneratedPage
from . import integrations, views
from .common import linker, status_block
from .templating import render


def az_page(catalog: Catalog, holiday_list: list[str]) -> GeneratedPage:
    """``/angebote/``: every published offer, A–Z (the text alternative to the maps)."""
    path = urls.offers_index_path()
    offers = views.sorted_offers(catalog.published)
    groups = []
    for letter, members in groupby(offers, key=lambda o: views.initial(o.title)):
        groups.append({
            "letter": letter,
            "anchor": "buchstabe-" + ("0" if letter == "#" else letter.lower()),
            "entries": [views.list_entry(catalog, o, path) for o in members],
        })
    html = render(
        "az.html",
        groups=groups,
        count=len(offers),
        status=status_block(catalog, offers, path, holiday_list),
        map_href=urls.relative_url(path, urls.map_path()),
    )
    return GeneratedPage(path=path, title="Angebote A–Z", html=html, meta={"atlas_page": "az", "hide": ["toc"]})


def categories_index_page(catalog: Catalog) -> GeneratedPage:
    """``/kategorien/``: every category with its number of offers."""
    path = urls.categories_index_path()
    html = render("categories.html", tiles=category_tiles(catalog, path))
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


def category_page(catalog: Catalog, category_id: str, ctx: BuildContext, holiday_list: list[str]) -> GeneratedPage:
    """``/kategorien/<id>/``: list and map of one category."""
    cat = catalog.categories[category_id]
    path = urls.category_path(category_id)
    offers = views.sorted_offers(catalog.in_category(category_id))
    html = render(
        "collection.html",
        kind="Kategorie",
        title=cat.label,
        description=cat.description or "",
        facts=[],
        entries=[views.list_entry(catalog, o, path) for o in offers],
        map_html=Markup(integrations.category_map(catalog, category_id, path, ctx)),  # noqa: S704
        status=status_block(catalog, offers, path, holiday_list),
        back={"href": urls.relative_url(path, urls.categories_index_path()), "label": "Alle Kategorien"},
    )
    meta = {"description": cat.description or f"Angebote: {cat.label}", "atlas_page": "category", "hide": ["toc"]}
    return GeneratedPage(path=path, title=cat.label, html=html, meta=meta)


def districts_index_page(catalog: Catalog) -> GeneratedPage:
    """``/sozialraeume/``: every district with its number of offers."""
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
    html = render("districts.html", rows=rows)
    return GeneratedPage(path=path, title="Sozialräume", html=html, meta={"atlas_page": "districts"})


def district_page(catalog: Catalog, district_id: str, ctx: BuildContext, holiday_list: list[str]) -> GeneratedPage:
    """``/sozialraeume/<id>/``: list and map (with the district polygon) of one district."""
    district = catalog.districts[district_id]
    path = urls.district_path(district_id)
    offers = views.sorted_offers(catalog.in_district(district_id))
    facts = [("Einwohnerinnen und Einwohner", _thousands(district.population))] if district.population else []
    note = district.properties.get("note") if isinstance(district.properties.get("note"), str) else ""
    html = render(
        "collection.html",
        kind="Sozialraum",
        title=district.name,
        description=note,
        facts=facts,
        entries=[views.list_entry(catalog, o, path) for o in offers],
        map_html=Markup(integrations.district_map(catalog, district_id, path, ctx)),  # noqa: S704
        status=status_block(catalog, offers, path, holiday_list),
        back={"href": urls.relative_url(path, urls.districts_index_path()), "label": "Alle Sozialräume"},
    )
    meta = {"description": f"Hilfeangebote im Sozialraum {district.name}", "atlas_page": "district", "hide": ["toc"]}
    return GeneratedPage(path=path, title=f"Sozialraum {district.name}", html=html, meta=meta)


MAP_PAGE_LIST_LIMIT = 1000


def map_page(catalog: Catalog, ctx: BuildContext, holiday_list: list[str]) -> GeneratedPage:
    """``/karte/``: the whole atlas on one map, and the same offers as a list by category."""
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
    html = render(
        "map.html",
        map_html=Markup(integrations.overview_map(catalog, path, ctx)),  # noqa: S704
        groups=groups,
        count=len(catalog.published),
        status=status_block(catalog, catalog.published, path, holiday_list),
        az_href=urls.relative_url(path, urls.offers_index_path()),
    )
    return GeneratedPage(path=path, title="Karte", html=html,
                         meta={"atlas_page": "map", "hide": ["toc"]})


def _thousands(number: int | None) -> str:
    return f"{number:,}".replace(",", ".") if number is not None else ""
