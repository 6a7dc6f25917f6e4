"""Synthetic atlases for the planning tests: geometry written in metres, fed in as WGS84.

Shapes are drawn in ETRS89 / UTM 32N around a point near Düren and converted to lon/lat
vertex by vertex, so the analysis (which projects back) sees exactly the hand-made shapes.
"""

from __future__ import annotations

from datetime import date

import shapely
from shapely.affinity import translate

from build_tools.catalog import Catalog, District
from build_tools.config import METRIC_CRS, AtlasConfig
from build_tools.geo import DistrictLocator
from build_tools.planning.projection import lonlat_of
from build_tools.schema import Category, Location, Offer

ORIGIN = (320_000.0, 5_630_000.0)


def to_lonlat(geom):
    """A metric shape relative to ORIGIN, as a lon/lat geometry."""
    return lonlat_of(METRIC_CRS, translate(geom, *ORIGIN))


def make_offer(offer_id, category, xy=None, **extra) -> Offer:
    """An offer at metric position ``xy`` (relative to ORIGIN), or without a place."""
    location = None
    if xy is not None:
        point = to_lonlat(shapely.Point(xy))
        location = Location(
            lat=point.y, lon=point.x, confidential=extra.pop("confidential", False)
        )
    return Offer(
        id=offer_id, title=extra.pop("title", offer_id), summary="Test", category=category,
        location=location, last_verified=date(2026, 11, 1), **extra,
    )


def make_catalog(districts, offers, categories=("essen",), options=None) -> Catalog:
    """``districts``: id → (metric shape, population or None)."""
    dist = {
        i: District(i, i.capitalize(), to_lonlat(geom), pop)
        for i, (geom, pop) in sorted(districts.items())
    }
    locator = DistrictLocator(dist)
    for offer in offers:
        if offer.location is not None and offer.location.district is None:
            offer.location.district = locator.locate(offer.location.lat, offer.location.lon)
    cats = {c: Category(id=c, label=c.capitalize(), color="#1f4e79") for c in categories}
    return Catalog(
        config=AtlasConfig(planning=options or {}), offers=offers,
        categories=cats, target_groups={}, districts=dist, organizations={},
        build_date=date(2026, 11, 22),
    )
