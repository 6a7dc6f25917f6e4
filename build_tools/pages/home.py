"""The start page: the needs as tiles (pictogram, one word, open now), emergency numbers, search."""

from __future__ import annotations

import re

from markupsafe import Markup

from .. import urls
from ..outputs import GeneratedFile, GeneratedPage
from .common import HOURS_SCRIPT, PageInputs
from .needs import NEEDS_SCRIPT, need_tiles, open_count_data, open_count_file


def emergency_href(number: str) -> str:
    """``tel:`` link for a number as dialled (short numbers like 112 stay as they are)."""
    return "tel:" + re.sub(r"[^\d+]", "", number)


def home_page(inputs: PageInputs) -> GeneratedPage:
    """``/``: what a person needs first."""
    return home(inputs)[0]


def home(inputs: PageInputs, banner: str = "") -> tuple[GeneratedPage, list[GeneratedFile]]:
    """The start page and, for a big atlas, the file its need tiles' counts come from.

    ``banner``: the alerts' HTML (:mod:`.alerts`), placed below the need tiles."""
    catalog = inputs.catalog
    config = catalog.config
    path = ""
    emergency = [
        {"label": e.label, "number": e.number, "note": e.note, "href": emergency_href(e.number)}
        for e in config.emergency_numbers
    ]
    needs = open_count_data(catalog, inputs.holidays)
    needs_file = open_count_file(needs)
    html = inputs.templates.render(
        "home.html",
        name=config.name,
        lead=f"{len(catalog.published)} Hilfeangebote: Schlafen, Essen, Duschen, Beratung und mehr.",
        search_action=urls.relative_url(path, urls.search_path()),
        map_href=urls.relative_url(path, urls.map_path()),
        az_href=urls.relative_url(path, urls.offers_index_path()),
        emergency=emergency,
        tiles=need_tiles(catalog, path),
        needs=None if needs_file else needs,
        needs_src=urls.relative_url(path, needs_file.path) if needs_file else "",
        banner=Markup(banner),  # noqa: S704 - rendered by our autoescaping templates
        scripts=[urls.relative_url(path, HOURS_SCRIPT), urls.relative_url(path, NEEDS_SCRIPT)],
        links=[
            {"label": "Alle Kategorien", "href": urls.relative_url(path, urls.categories_index_path())},
            {"label": "Sozialräume", "href": urls.relative_url(path, urls.districts_index_path())},
        ],
    )
    meta = {"atlas_page": "home", "hide": ["toc"]}
    return GeneratedPage(path=path, title=config.name, html=html, meta=meta), [needs_file] if needs_file else []
