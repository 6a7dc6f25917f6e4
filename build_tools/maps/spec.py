"""folium builds the map description; this module turns it into the JSON the shared JS reads.

Why not folium's own HTML: it is one inline ``<script>`` per map (a strict CSP forbids it),
loads Leaflet, jQuery, Bootstrap and Font Awesome from four CDNs, names every variable with an
``os.urandom`` id and needs one JS object per marker. Instead folium objects (``Map``,
``TileLayer``, ``GeoJson``, ``FeatureGroup``, ``MarkerCluster``, ``LayerControl``,
``FitBounds``) are built as usual — folium validates the options and knows Leaflet's names — and
kept in a :class:`Draft`; :func:`describe` reads their public options into a plain dict.
``atlas-map.js`` (one cached file for every page) builds the same Leaflet objects from it.
Markers are data rows, never folium objects. Nothing folium renders reaches a page, so its
random element ids do not matter.

A renderer says what it wants as a :class:`MapPlan` (plain values) and gets the description
from :func:`plan_description`: remembered per plan, in a build's stored memory too, so a warm
build neither asks folium again nor imports it (with its requests, branca and xyzservices,
0.4 s before the first page).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import folium
    from folium.map import FitBounds
    from folium.plugins import MarkerCluster

SPEC_VERSION = 1

# Style of a district outline: dark dashed line (contrast ≥ 3:1 on light tiles), light fill.
DISTRICT_STYLE = {
    "color": "#1a1a1a",
    "weight": 3,
    "dashArray": "6 4",
    "fillColor": "#1f4e9c",
    "fillOpacity": 0.08,
    "interactive": False,
}

CLUSTER_OPTIONS = {
    "show_coverage_on_hover": False,
    "spiderfy_on_max_zoom": True,
    "chunked_loading": True,
}
# Overview: bigger clusters. Pages with a few offers: small ones, so that only offers that
# overlap (same house, same street corner) cluster — and spiderfy at the highest zoom.
CLUSTER_RADIUS_OVERVIEW = 60
CLUSTER_RADIUS_PAGE = 24


def camel_options(options: dict[str, Any]) -> dict[str, Any]:
    """Leaflet's option names: folium keeps them snake_case and camelises when rendering."""
    from folium.utilities import camelize

    return {camelize(key): value for key, value in options.items()}


Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class MapPlan:
    """Everything a map's description depends on, as plain values: hashable and picklable, the
    key under which a build remembers the description."""

    center: tuple[float, float]
    zoom: int
    tiles: str
    attribution: str
    static: bool = False
    areas: tuple[tuple[str, str], ...] = ()
    """(name, GeoJSON as JSON text) of each outline."""
    categories: tuple[tuple[str, str, str], ...] = ()
    """(id, label, colour) of each category layer."""
    cluster: bool = False
    control: bool = False
    cluster_radius: int = CLUSTER_RADIUS_PAGE
    fit: tuple[Bounds, tuple[int, int], int] | None = None
    """(bounds, padding, max_zoom) the map fits to."""


@functools.lru_cache(maxsize=256)
def plan_description(plan: MapPlan) -> dict[str, Any]:
    """The description of ``plan`` for atlas-map.js, asked of folium (once per plan and process;
    callers copy it before they add to it)."""
    draft = build_map(plan.center, plan.zoom, plan.tiles, plan.attribution, static=plan.static)
    for name, geojson in plan.areas:
        add_district(draft, name, json.loads(geojson))
    add_category_groups(draft, list(plan.categories), cluster=plan.cluster, control=plan.control,
                        cluster_radius=plan.cluster_radius)
    if plan.fit is not None:
        bounds, padding, max_zoom = plan.fit
        draft.fit_bounds([list(corner) for corner in bounds], padding=padding, max_zoom=max_zoom)
    return describe(draft)


@dataclass
class Draft:
    """A folium map and every layer we added to it, in the order added."""

    fmap: folium.Map
    tiles: folium.TileLayer
    areas: list[folium.GeoJson] = field(default_factory=list)
    groups: list[tuple[str, folium.FeatureGroup]] = field(default_factory=list)
    """(category id, its layer)."""
    cluster: MarkerCluster | None = None
    control: folium.LayerControl | None = None
    fit: FitBounds | None = None

    def fit_bounds(self, bounds: list[list[float]], *, padding: tuple[int, int], max_zoom: int) -> None:
        """Let the map show ``bounds`` (folium's FitBounds, kept for :func:`describe`)."""
        from folium.map import FitBounds

        self.fit = FitBounds(bounds, padding=padding, max_zoom=max_zoom)
        self.fmap.add_child(self.fit)


def build_map(
    center: tuple[float, float],
    zoom: int,
    tiles: str,
    attribution: str,
    *,
    static: bool = False,
) -> Draft:
    """A folium Map with our tile layer (never folium's default OSM layer or CDN assets)."""
    import folium

    fmap = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=False,
        scroll_wheel_zoom=False,
        # One-marker maps in the text flow: no dragging on touch screens (atlas-map.js
        # allows it again for a mouse), so a swipe over the map scrolls the page.
        dragging=not static,
        zoom_control=False,
        keyboard=True,
        zoom_snap=1,
    )
    fmap.default_js = []
    fmap.default_css = []
    layer = tile_layer(tiles, attribution)
    fmap.add_child(layer)
    return Draft(fmap, layer)


@functools.lru_cache(maxsize=8)
def tile_layer(tiles: str, attribution: str) -> folium.TileLayer:
    """The tile layer, made once per build and shared by every map.

    folium looks every tile string up in xyzservices' provider registry first (flattening all
    providers each time): 5 ms a map, a quarter of the page build for 1,000 offers. We only read
    the layer's options, so one instance serves all maps.
    """
    import folium

    return folium.TileLayer(
        tiles=tiles,
        attr=attribution,
        name="Karte",
        max_zoom=19,
        max_native_zoom=19,
        min_zoom=3,
        subdomains="abc",
        control=False,
    )


def add_district(draft: Draft, name: str, geojson: dict[str, Any]) -> folium.GeoJson:
    """Draw a district polygon (not interactive: it must not catch clicks or focus)."""
    import folium

    layer = folium.GeoJson(
        geojson,
        name=name,
        style_function=lambda _feature: dict(DISTRICT_STYLE),
        control=False,
        embed=True,
    )
    layer.add_to(draft.fmap)
    draft.areas.append(layer)
    return layer


def add_category_groups(
    draft: Draft,
    categories: list[tuple[str, str, str]],
    *,
    cluster: bool,
    control: bool,
    cluster_radius: int = CLUSTER_RADIUS_PAGE,
) -> None:
    """One FeatureGroup per category (the layer switch), optionally one shared MarkerCluster."""
    import folium
    from folium.plugins import MarkerCluster

    for cat_id, label, _color in categories:
        group = folium.FeatureGroup(name=label, overlay=True, control=control, show=True)
        group.add_to(draft.fmap)
        draft.groups.append((cat_id, group))
    if cluster:
        draft.cluster = MarkerCluster(
            name="Angebote", control=False, max_cluster_radius=cluster_radius, **CLUSTER_OPTIONS
        )
        draft.cluster.default_js = []
        draft.cluster.default_css = []
        draft.cluster.add_to(draft.fmap)
    if control:
        draft.control = folium.LayerControl(position="topright", collapsed=True)
        draft.control.add_to(draft.fmap)


def describe(draft: Draft) -> dict[str, Any]:
    """Read a :class:`Draft` into the JSON-able description for atlas-map.js."""
    fmap = draft.fmap
    return {
        "v": SPEC_VERSION,
        "map": {"center": list(fmap.location), "options": camel_options(fmap.options)},
        "tiles": {"url": draft.tiles.tiles, "options": camel_options(draft.tiles.options)},
        "fit": {"bounds": draft.fit.bounds, "options": dict(draft.fit.options)} if draft.fit else None,
        "areas": [
            {
                "name": area.layer_name,
                "geojson": area.data,
                "styles": [area.style_function(f) for f in area.data.get("features", [area.data])],
            }
            for area in draft.areas
        ],
        "groups": [
            {"category": category, "name": group.layer_name, "show": group.show}
            for category, group in draft.groups
        ],
        "cluster": camel_options(draft.cluster.options) if draft.cluster else None,
        "layerControl": camel_options(draft.control.options) if draft.control else None,
    }
