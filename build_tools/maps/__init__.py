"""Maps: folium describes them, the shared ``atlas-map.js`` draws them with vendored Leaflet.

Page renderers call the four ``*_map_html`` functions; each returns a self-contained HTML
fragment (or ``""`` when there is nothing to place). :mod:`build_tools.maps.site` adds the data
file of the overview map to the build.
"""

from .render import (
    category_map_html,
    district_map_html,
    json_for_script,
    offer_map_html,
    overview_data,
    overview_data_path,
    overview_map_html,
)

__all__ = [
    "category_map_html",
    "district_map_html",
    "json_for_script",
    "offer_map_html",
    "overview_data",
    "overview_data_path",
    "overview_map_html",
]
