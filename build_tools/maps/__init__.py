"""Maps: folium describes them, the shared ``atlas-map.js`` draws them with vendored Leaflet.

Page renderers call one of the four functions and put the returned HTML into the page body as
one raw block (it has no blank lines, so Markdown leaves it alone); ``""`` means "no map here"::

    offer_map_html(catalog, offer, "angebote/<id>/")           # one marker, small
    category_map_html(catalog, "essen", "kategorien/essen/")   # markers of the category
    district_map_html(catalog, "nord", "sozialraeume/nord/")   # outline + its markers
    overview_map_html(catalog, "karte/")                       # everything, from data

Each fragment carries its ``<link rel="stylesheet">`` and ``<script src=… defer>`` tags
(page-relative, from ``assets/``), a hidden container (shown by JS only — without JS the list
beside it is the information), a skip link and a JSON config block. One map per page. The
overview fetches ``karte/angebote.json``, which :mod:`build_tools.maps.site` renders.
If the page has an ``<input data-atlas-open-filter>`` (the list's "Nur jetzt geöffnete"), the
map follows it; popups show ``window.AtlasHours.statusText`` when atlas-hours.js is there.
"""

from .render import (
    category_map_html,
    district_map_html,
    json_for_script,
    offer_map_html,
    overview_data,
    overview_map_html,
)

__all__ = [
    "category_map_html",
    "district_map_html",
    "json_for_script",
    "offer_map_html",
    "overview_data",
    "overview_map_html",
]
