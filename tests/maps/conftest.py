"""An in-memory catalog for map tests: a few categories, two districts, offers on demand."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from shapely.geometry import Polygon

from build_tools.catalog import Catalog, District
from build_tools.config import AtlasConfig
from build_tools.schema import Category, Location, Offer

CATEGORIES = [
    Category(id="essen", label="Essen/Tafel", color="#b34700"),
    Category(id="hygiene", label="Hygiene/Duschen", color="#00796b"),
    Category(id="beratung", label="Beratung", color="#5d4037"),
]

DISTRICTS = {
    "nord": District("nord", "Nord", Polygon([(6.40, 50.80), (6.60, 50.80), (6.60, 50.88),
                                              (6.40, 50.88)]), 1000),
    "sued": District("sued", "Süd", Polygon([(6.40, 50.70), (6.60, 50.70), (6.60, 50.80),
                                             (6.40, 50.80)]), 2000),
}


def make_offer(
    offer_id: str,
    *,
    title: str | None = None,
    category: str = "essen",
    lat: float = 50.84,
    lon: float = 6.48,
    district: str | None = "nord",
    confidential: bool = False,
    **extra,
) -> Offer:
    return Offer(
        id=offer_id,
        title=title or f"Angebot {offer_id}",
        summary="Kurz.",
        category=category,
        location=Location(lat=lat, lon=lon, district=district, confidential=confidential),
        last_verified=date(2026, 10, 1),
        **extra,
    )


def make_catalog(offers: list[Offer], *, consent: bool = False, categories=None,
                 center=(50.80, 6.48), **map_options) -> Catalog:
    config = AtlasConfig.model_validate(
        {"map": {"consent": consent, "center": center, "zoom": 13, **map_options}}
    )
    cats = categories if categories is not None else CATEGORIES
    return Catalog(
        config=config,
        offers=offers,
        categories={c.id: c for c in cats},
        target_groups={},
        districts=copy.deepcopy(DISTRICTS),
        organizations={},
        build_date=date(2026, 11, 22),
    )


def sample_offers() -> list[Offer]:
    return [
        make_offer("tafel-nord", category="essen", lat=50.85, lon=6.47),
        make_offer("dusche-nord", category="hygiene", lat=50.83, lon=6.52),
        make_offer("beratung-sued", category="beratung", lat=50.75, lon=6.50, district="sued",
                   also_categories=["essen"]),
        make_offer("frauenhaus", category="beratung", lat=50.76, lon=6.45, district="sued",
                   confidential=True, also_categories=["essen"]),
    ]


@pytest.fixture
def catalog() -> Catalog:
    return make_catalog(sample_offers())
