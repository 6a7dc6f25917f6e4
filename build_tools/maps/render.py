"""Map fragments for pages: container, JSON config, and the shared asset tags.

Each fragment is plain HTML without inline script (template ``maps/fragment.html``): a
``<script type="application/json">`` block (data, never executed) and ``<script src=… defer>``
tags for the vendored Leaflet, markercluster and ``atlas-map.js``. Every value from YAML is
escaped for where it lands: HTML attributes and text by the template's autoescaping, JSON here
with :func:`json_for_script` (``<``, ``>``, ``&`` as ``\\u003c`` …); popups are built from text
nodes in the JS. Output is deterministic: sorted input,
no ids from folium, asset versions from file contents.
"""

from __future__ import annotations

import copy
import hashlib
import json
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup
from shapely.geometry import mapping

from .. import urls
from ..catalog import Catalog, is_public_location
from ..config import MapSettings
from ..i18n import SOURCE, catalogue
from ..memo import FORGETFUL, Memory
from ..resources import assets_dir
from ..schema import Offer
from ..templating import Templates, templates_for
from . import spec as specmod

LEAFLET_VERSION = "1.9.4"
MARKERCLUSTER_VERSION = "1.5.3"
CLUSTER_THRESHOLD = 1
"""Maps with more markers than this cluster them: offers in one house must stay reachable."""
OFFER_ZOOM = 16
FIT_PADDING = (10, 10)
COORD_DIGITS = 5  # ~1 m: enough for a door, small in JSON

OFFER_ID_PLACEHOLDER = "{id}"
FRAGMENT_TEMPLATE = "maps/fragment.html"
SCRIPT_TEXTS = ("map_loading", "map_failed", "map_loading_offers", "map_points_failed", "map_zoom_in",
                "map_zoom_out", "map_layers", "map_close")
"""Catalogue keys atlas-lazymap.js and atlas-map.js say (``texts`` in the map's config)."""


def json_for_script(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` and parses back unchanged."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=8)
def _file_version(relative: str) -> str:
    """Short content hash of a published asset (cache-busting query)."""
    path = assets_dir() / relative
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    except OSError:
        return "0"


def asset_url(page_path: str, relative: str, version: str | None = None) -> str:
    """Page-relative URL of a file published at ``assets/<relative>``."""
    url = urls.relative_url(page_path, urls.asset_path(relative))
    return f"{url}?v={version or _file_version(relative)}"


def safe_attribution(attribution: str) -> str:
    """The tile attribution is HTML from mkdocs.yml: keep links and text, drop everything else."""
    return nh3.clean(
        attribution,
        tags={"a", "span"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="noopener",
    )


def tile_host(tiles: str) -> str | None:
    """Host of the tile server, or None for tiles served by the site itself."""
    return urlsplit(tiles).hostname


def _check_tiles(tiles: str) -> str:
    scheme = urlsplit(tiles).scheme
    if scheme not in ("", "http", "https"):
        raise ValueError(f"atlas.map.tiles: {tiles!r} ist keine http(s)-Adresse")
    return tiles


def marker_row(offer: Offer, category: str | None = None) -> list[Any]:
    """``[id, title, category, lat, lon]`` — the compact form of one marker."""
    assert offer.location is not None
    return [
        offer.id,
        offer.title,
        category or offer.category,
        round(offer.location.lat, COORD_DIGITS),
        round(offer.location.lon, COORD_DIGITS),
    ]


def placeable(offers: list[Offer]) -> list[Offer]:
    """Offers that may get a marker: a public location, never a confidential one."""
    return [o for o in offers if is_public_location(o)]


def _bounds(rows: list[list[Any]]) -> list[list[float]]:
    lats = [r[3] for r in rows]
    lons = [r[4] for r in rows]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _categories(catalog: Catalog, used: set[str]) -> list[tuple[str, str, str]]:
    return [
        (c.id, c.label, c.color if c.color.startswith("#") and len(c.color) == 7 else "#555555")
        for c in catalog.categories.values()
        if c.id in used
    ]


def _plan(cfg: MapSettings, center: tuple[float, float], zoom: int, **more: Any) -> specmod.MapPlan:
    """The plan of a map with the atlas' tiles (checked) and attribution (sanitised)."""
    return specmod.MapPlan(tuple(center), zoom, _check_tiles(cfg.tiles),  # type: ignore[arg-type]
                           safe_attribution(cfg.attribution), **more)


def _described(plan: specmod.MapPlan, memory: Memory) -> dict[str, Any]:
    """A copy of the plan's description (a build's stored memory keeps it for the next build)."""
    return copy.deepcopy(memory.recall("maps", plan, lambda: specmod.plan_description(plan)))


def _fit(bounds: list[list[float]]) -> tuple[specmod.Bounds, tuple[int, int], int]:
    (south, west), (north, east) = bounds
    return ((south, west), (north, east)), FIT_PADDING, OFFER_ZOOM


def _area(name: str, geojson: dict[str, Any]) -> tuple[str, str]:
    return name, json.dumps(geojson, ensure_ascii=False, separators=(",", ":"))


def _fragment(
    catalog: Catalog,
    *,
    kind: str,
    page_path: str,
    name: str | None,
    spec: dict[str, Any],
    cluster: bool,
    tools: bool = False,
    templates: Templates | None = None,
    lang: str = SOURCE,
) -> str:
    """The map fragment (template ``maps/fragment.html``) for ``spec``; ``name`` is what the
    map shows (offer title, category label, district name; None for the overview).

    Leaflet and the map's CSS are never in the page: ``atlas-lazymap.js`` loads them when the map
    comes into view, is tapped or gets its consent (a phone's first visit carries no Leaflet).
    ``lang``: the language of the map's own texts (skip link, consent, buttons, messages)."""
    cfg = catalog.config.map
    t = catalogue(lang).ui
    spec["kind"] = kind
    spec["texts"] = {key: t[key] for key in SCRIPT_TEXTS}
    spec["dataLang"] = SOURCE  # marker titles and category names: German
    spec["offerUrl"] = urls.relative_url(page_path, urls.offer_path(OFFER_ID_PLACEHOLDER))
    spec["consent"] = bool(cfg.consent)
    assets = {
        "leaflet_css": asset_url(page_path, "vendor/leaflet/leaflet.css", LEAFLET_VERSION),
        "cluster_css": asset_url(page_path, "vendor/leaflet.markercluster/MarkerCluster.css",
                                 MARKERCLUSTER_VERSION),
        "map_css": asset_url(page_path, "stylesheets/atlas-map.css"),
        "leaflet_js": asset_url(page_path, "vendor/leaflet/leaflet.js", LEAFLET_VERSION),
        "cluster_js": asset_url(page_path, "vendor/leaflet.markercluster/leaflet.markercluster.js",
                                MARKERCLUSTER_VERSION),
        "map_js": asset_url(page_path, "javascripts/atlas-map.js"),
        "lazy_js": asset_url(page_path, "javascripts/atlas-lazymap.js"),
    }
    return (templates or templates_for(None)).render(
        FRAGMENT_TEMPLATE,
        kind=kind,
        name=name,
        t=t,
        dom_id=f"atlas-map-{kind}",
        consent=bool(cfg.consent),
        tile_host=tile_host(cfg.tiles),
        tools=tools,
        cluster=cluster,
        assets=assets,
        config=Markup(json_for_script(spec)),  # noqa: S704 - escaped for <script> above
    )


def _markers_map(
    catalog: Catalog,
    rows: list[list[Any]],
    *,
    kind: str,
    page_path: str,
    name: str,
    area: tuple[str, dict[str, Any]] | None = None,
    templates: Templates | None = None,
    lang: str = SOURCE,
    memory: Memory = FORGETFUL,
) -> str:
    rows = sorted(rows, key=lambda r: r[0])
    points = [[r[3], r[4]] for r in rows]
    cluster = len(rows) > CLUSTER_THRESHOLD
    used = {r[2] for r in rows}
    center = tuple(points[0]) if len(points) == 1 else _center(catalog, points)
    bounds: list[list[float]] | None = _bounds(rows) if len(rows) > 1 else None
    areas = ()
    if area is not None:
        name, geojson = area
        areas = (_area(name, geojson),)
        bounds = _merge_bounds(bounds, _geojson_bounds(geojson))
    cats = _categories(catalog, used)
    plan = _plan(catalog.config.map, center, catalog.config.map.zoom, areas=areas,
                 categories=tuple(cats), cluster=cluster,
                 fit=_fit(bounds) if bounds is not None else None)
    spec = _described(plan, memory)
    spec["categories"] = [{"id": i, "label": lab, "color": col} for i, lab, col in cats]
    spec["markers"] = rows
    return _fragment(catalog, kind=kind, page_path=page_path, name=name, spec=spec,
                     cluster=cluster, templates=templates, lang=lang)


def _center(catalog: Catalog, points: list[list[float]]) -> tuple[float, float]:
    if catalog.config.map.center is not None:
        return tuple(catalog.config.map.center)  # type: ignore[return-value]
    if not points:
        return (51.16, 10.45)
    lats, lons = zip(*points, strict=True)
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def _geojson_bounds(geojson: dict[str, Any]) -> list[list[float]]:
    coords: list[tuple[float, float]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list | tuple) and node and isinstance(node[0], int | float):
            coords.append((float(node[0]), float(node[1])))
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    for feature in geojson.get("features", []):
        walk(feature["geometry"]["coordinates"])
    lons = [c[0] for c in coords]
    lats = [c[1] for c in coords]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _merge_bounds(a: list[list[float]] | None, b: list[list[float]]) -> list[list[float]]:
    if a is None:
        return b
    return [[min(a[0][0], b[0][0]), min(a[0][1], b[0][1])],
            [max(a[1][0], b[1][0]), max(a[1][1], b[1][1])]]


def _round_coords(node: Any) -> Any:
    if isinstance(node, list | tuple):
        if node and isinstance(node[0], int | float):
            return [round(float(x), COORD_DIGITS) for x in node]
        return [_round_coords(x) for x in node]
    return node


def district_geojson(catalog: Catalog, district_id: str) -> dict[str, Any]:
    """The district outline as a GeoJSON FeatureCollection (rounded, no extra properties)."""
    district = catalog.districts[district_id]
    geometry = mapping(district.geometry)
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": district.name},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round_coords(geometry["coordinates"]),
                },
            }
        ],
    }


# --- the public interface -------------------------------------------------------------------


def offer_map_html(catalog: Catalog, offer: Offer, page_path: str, *,
                   templates: Templates | None = None, lang: str = SOURCE,
                   name: str | None = None, memory: Memory = FORGETFUL) -> str:
    """A small map with the offer's one marker; ``""`` without a public location; ``name``:
    the offer's title in ``lang`` for the map's label (its German title without).

    ``templates``: the project's environment (its overrides first); the package's without.
    ``lang``: the language of the map's own texts (a page of a language tree). The same
    holds for every ``*_map_html`` function, and for ``memory``: where the descriptions
    folium gave are remembered (every one-marker map of a category shares one; folium is asked
    once, not once per offer page: building a folium map was a third of an offer page's time).
    """
    if not is_public_location(offer):
        return ""
    row = marker_row(offer)
    (category,) = _categories(catalog, {row[2]}) or [(row[2], row[2], "#555555")]
    spec = _described(_plan(catalog.config.map, (0.0, 0.0), OFFER_ZOOM, static=True,
                            categories=(category,)), memory)
    spec["map"]["center"] = [row[3], row[4]]
    spec["categories"] = [{"id": category[0], "label": category[1], "color": category[2]}]
    spec["markers"] = [row]
    return _fragment(catalog, kind="offer", page_path=page_path, name=name or offer.title, spec=spec,
                     cluster=False, templates=templates, lang=lang)


def category_map_html(catalog: Catalog, category_id: str, page_path: str, *,
                      templates: Templates | None = None, lang: str = SOURCE,
                      memory: Memory = FORGETFUL) -> str:
    """Map of a category's offers (coloured as the category); ``""`` when none has a place."""
    offers = placeable(catalog.in_category(category_id))
    if not offers:
        return ""
    rows = [marker_row(o, category_id) for o in offers]
    return _markers_map(
        catalog, rows, kind="category", page_path=page_path,
        name=catalog.category_label(category_id), templates=templates, lang=lang, memory=memory,
    )


def district_map_html(catalog: Catalog, district_id: str, page_path: str, *,
                      templates: Templates | None = None, lang: str = SOURCE,
                      memory: Memory = FORGETFUL) -> str:
    """Map of a district: its outline and the offers located in it."""
    if district_id not in catalog.districts:
        return ""
    offers = [
        o for o in placeable(catalog.in_district(district_id))
        if o.location is not None and o.location.district == district_id
    ]
    rows = [marker_row(o) for o in offers]
    name = catalog.district_name(district_id)
    geojson = district_geojson(catalog, district_id)
    if not rows:
        # Only the outline: still worth a map.
        bounds = _geojson_bounds(geojson)
        center = ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
        spec = _described(_plan(catalog.config.map, center, catalog.config.map.zoom,
                                areas=(_area(name, geojson),), fit=_fit(bounds)), memory)
        spec["categories"] = []
        spec["markers"] = []
        return _fragment(catalog, kind="district", page_path=page_path,
                         name=name, spec=spec, cluster=False, templates=templates, lang=lang)
    return _markers_map(
        catalog, rows, kind="district", page_path=page_path,
        name=name, area=(name, geojson), templates=templates, lang=lang, memory=memory,
    )


def overview_rows(catalog: Catalog) -> list[list[Any]]:
    """Every published, non-confidential offer with a place, sorted by id."""
    return [marker_row(o) for o in placeable(catalog.published)]


def overview_data(catalog: Catalog) -> dict[str, Any]:
    """Content of ``karte/angebote.json``: the markers of the overview map, as data."""
    return {"fields": ["id", "title", "category", "lat", "lon"], "offers": overview_rows(catalog)}


def overview_map_html(catalog: Catalog, page_path: str, *,
                      templates: Templates | None = None, lang: str = SOURCE,
                      memory: Memory = FORGETFUL) -> str:
    """The whole atlas: clustered markers by category, layer switch, "open now" filter.

    The markers are not in the page: ``atlas-map.js`` fetches ``karte/angebote.json``
    (:func:`build_tools.urls.map_data_path`) once.
    """
    rows = overview_rows(catalog)
    if not rows:
        return ""
    used = {r[2] for r in rows}
    cats = _categories(catalog, used)
    cfg = catalog.config.map
    center = _center(catalog, [[r[3], r[4]] for r in rows])
    plan = _plan(cfg, center, cfg.zoom, categories=tuple(cats), cluster=True, control=len(cats) > 1,
                 cluster_radius=specmod.CLUSTER_RADIUS_OVERVIEW,
                 fit=_fit(_bounds(rows)) if cfg.center is None else None)
    spec = _described(plan, memory)
    spec["categories"] = [{"id": i, "label": lab, "color": col} for i, lab, col in cats]
    spec["markers"] = None
    spec["data"] = urls.relative_url(page_path, urls.map_data_path())
    return _fragment(catalog, kind="overview", page_path=page_path,
                     name=None, spec=spec, cluster=True, tools=True, templates=templates, lang=lang)
