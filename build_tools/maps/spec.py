"""folium builds the map description; this module turns it into the JSON the shared JS reads.

Why not folium's own HTML: it is one inline ``<script>`` per map (a strict CSP forbids it),
loads Leaflet, jQuery, Bootstrap and Font Awesome from four CDNs, names every variable with an
``os.urandom`` id and needs one JS object per marker. Instead folium objects (``Map``,
``TileLayer``, ``GeoJson``, ``FeatureGroup``, ``MarkerCluster``, ``LayerControl``,
``FitBounds``) are built as usual — folium validates the options and knows Leaflet's names —
and :func:`describe` reads their options into a plain dict. ``atlas-map.js`` (one cached file for
every page) builds the same Leaflet objects from it. Markers are data rows, never folium objects.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import folium
from branca.element import Element
from folium.plugins import MarkerCluster
from folium.utilities import camelize

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


@contextmanager
def seeded_ids() -> Iterator[None]:
    """Give folium/branca elements counter ids instead of ``os.urandom`` ones.

    The ids never reach our output (nothing rendered by folium is emitted), but a map built in
    this block renders identically every time should anyone call ``get_root().render()`` on it.
    """
    counter = itertools.count(1)
    with mock.patch.object(
        Element, "_generate_id", classmethod(lambda cls: f"{next(counter):032x}")
    ):
        yield


def camel_options(options: dict[str, Any]) -> dict[str, Any]:
    """Leaflet's option names: folium keeps them snake_case and camelises when rendering."""
    return {camelize(key): value for key, value in options.items()}


def build_map(
    center: tuple[float, float],
    zoom: int,
    tiles: str,
    attribution: str,
    *,
    static: bool = False,
) -> folium.Map:
    """A folium Map with our tile layer (never folium's default OSM layer or CDN assets)."""
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
    fmap.add_child(tile_layer(tiles, attribution))
    return fmap


@functools.lru_cache(maxsize=8)
def tile_layer(tiles: str, attribution: str) -> folium.TileLayer:
    """The tile layer, made once per build and shared by every map.

    folium looks every tile string up in xyzservices' provider registry first (flattening all
    providers each time): 5 ms a map, a quarter of the page build for 1,000 offers. We only read
    the layer's options, so one instance serves all maps.
    """
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


def add_district(fmap: folium.Map, name: str, geojson: dict[str, Any]) -> folium.GeoJson:
    """Draw a district polygon (not interactive: it must not catch clicks or focus)."""
    layer = folium.GeoJson(
        geojson,
        name=name,
        style_function=lambda _feature: dict(DISTRICT_STYLE),
        control=False,
        embed=True,
    )
    layer.add_to(fmap)
    return layer


def add_category_groups(
    fmap: folium.Map,
    categories: list[tuple[str, str, str]],
    *,
    cluster: bool,
    control: bool,
    cluster_radius: int = CLUSTER_RADIUS_PAGE,
) -> None:
    """One FeatureGroup per category (the layer switch), optionally one shared MarkerCluster."""
    for cat_id, label, _color in categories:
        group = folium.FeatureGroup(name=label, overlay=True, control=control, show=True)
        group.atlas_category = cat_id  # type: ignore[attr-defined]
        group.add_to(fmap)
    if cluster:
        cluster_layer = MarkerCluster(
            name="Angebote", control=False, max_cluster_radius=cluster_radius, **CLUSTER_OPTIONS
        )
        cluster_layer.default_js = []
        cluster_layer.default_css = []
        cluster_layer.add_to(fmap)
    if control:
        folium.LayerControl(position="topright", collapsed=True).add_to(fmap)


def describe(fmap: folium.Map) -> dict[str, Any]:
    """Read a folium Map built by this module into the JSON-able description for atlas-map.js."""
    spec: dict[str, Any] = {
        "v": SPEC_VERSION,
        "map": {"center": list(fmap.location), "options": camel_options(fmap.options)},
        "tiles": None,
        "fit": None,
        "areas": [],
        "groups": [],
        "cluster": None,
        "layerControl": None,
    }
    for child in fmap._children.values():
        if isinstance(child, folium.TileLayer):
            spec["tiles"] = {"url": child.tiles, "options": camel_options(child.options)}
        elif isinstance(child, folium.GeoJson):
            features = child.data.get("features", [child.data])
            spec["areas"].append(
                {
                    "name": child.layer_name,
                    "geojson": child.data,
                    "styles": [child.style_function(f) for f in features],
                }
            )
        elif isinstance(child, MarkerCluster):
            spec["cluster"] = camel_options(child.options)
        elif isinstance(child, folium.FeatureGroup):
            spec["groups"].append(
                {
                    "category": child.atlas_category,  # type: ignore[attr-defined]
                    "name": child.layer_name,
                    "show": child.show,
                }
            )
        elif isinstance(child, folium.LayerControl):
            spec["layerControl"] = camel_options(child.options)
        elif isinstance(child, folium.map.FitBounds):
            spec["fit"] = {"bounds": child.bounds, "options": dict(child.options)}
    return spec
