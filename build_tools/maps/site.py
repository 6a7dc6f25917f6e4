"""The maps' contribution to a build: the overview map's data file, fetched once per visit.

Vendored Leaflet, markercluster and ``atlas-map.js`` live under ``site_templates/assets/`` and
are published by the website plugin as static files; pages embed the fragments from
:mod:`build_tools.maps.render` themselves.
"""

from __future__ import annotations

import json

from ..catalog import Catalog
from ..outputs import BuildContext, Contribution, GeneratedFile
from .render import overview_data, overview_data_path


def overview_data_bytes(catalog: Catalog) -> bytes:
    """``karte/angebote.json``: compact, sorted, UTF-8 (fetched by JS, never inlined)."""
    text = json.dumps(overview_data(catalog), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def contribute(catalog: Catalog, ctx: BuildContext) -> Contribution:
    """Files the maps add to the site."""
    return Contribution(files=[GeneratedFile(overview_data_path(), overview_data_bytes(catalog))])
