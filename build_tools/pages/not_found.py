"""What the 404 page (site_templates/overrides/404.html) offers someone whose link led nowhere:
search, the main lists and the emergency numbers. Material renders that page itself, outside
the generated pages, so these reach it through ``config.extra.atlas.not_found``; the paths
come from :mod:`build_tools.urls` like every other path."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..config import AtlasConfig
from ..i18n import SOURCE, catalogue
from .home import emergency_href


def not_found_context(config: AtlasConfig) -> dict[str, Any]:
    """Links (label, site path) and emergency numbers for the 404 page, in German, and for
    every further language a line in that language leading to its start page: a static
    server shows the one 404 page at any missing address, in any language tree."""
    return {
        "languages": [
            {"code": code, "dir": catalogue(code).dir, "title": catalogue(code).ui["not_found"],
             "home": catalogue(code).ui["not_found_home"], "path": urls.language_path(code, "")}
            for code in config.languages if code != SOURCE and code in urls.tree_languages()
        ],
        "other_languages": catalogue(SOURCE).ui["other_languages"],
        "search": urls.search_path(),
        "links": [
            {"label": "Startseite", "path": ""},
            {"label": "Alle Angebote A–Z", "path": urls.offers_index_path()},
            {"label": "Kategorien", "path": urls.categories_index_path()},
            {"label": "Karte", "path": urls.map_path()},
        ],
        "emergency": [
            {"label": e.label, "number": e.number, "note": e.note or "", "href": emergency_href(e.number)}
            for e in config.emergency_numbers
        ],
    }
