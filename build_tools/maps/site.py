"""The maps family of a site build: the overview map's data file, fetched once per visit.

Vendored Leaflet, markercluster and ``atlas-map.js`` are assets (published by the adapter);
pages embed the fragments from :mod:`build_tools.maps.render` themselves.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..outputs import Contribution, GeneratedFile
from ..urls import map_data_path
from .render import overview_data

if TYPE_CHECKING:
    from ..build import Inputs, Tools


def overview_data_bytes(catalog: Catalog) -> bytes:
    """``karte/angebote.json``: compact, sorted, UTF-8 (fetched by JS, never inlined)."""
    text = json.dumps(overview_data(catalog), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """Files the maps add to the site."""
    return Contribution(files=[GeneratedFile(map_data_path(), overview_data_bytes(inputs.catalog))])
