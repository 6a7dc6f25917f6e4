"""``daten/angebote.geojson``: RFC 7946 FeatureCollection of the published offers.

Coordinates are ``[lon, lat]`` in WGS84. Offers at a protected place or without a fixed place
are features with ``"geometry": null`` (RFC 7946 §3.2): their data is public, their place not.
"""

from __future__ import annotations

import json
from typing import Any

from ..catalog import Catalog, is_public_location
from .records import offer_record, translations_of


def geojson_data(catalog: Catalog) -> dict[str, Any]:
    """The FeatureCollection as a dict (published offers, sorted by id)."""
    features = []
    for offer in catalog.published:
        props = offer_record(catalog, offer)
        props["uebersetzungen"] = translations_of(offer)
        geometry = None
        if is_public_location(offer):
            assert offer.location is not None
            geometry = {
                "type": "Point",
                "coordinates": [round(offer.location.lon, 6), round(offer.location.lat, 6)],
            }
        features.append(
            {"type": "Feature", "id": offer.id, "geometry": geometry, "properties": props}
        )
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(catalog: Catalog) -> bytes:
    """The GeoJSON file: UTF-8, keys in a stable order, one feature per line block."""
    text = json.dumps(geojson_data(catalog), ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")
