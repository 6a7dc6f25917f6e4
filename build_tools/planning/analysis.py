"""All planning figures of one catalog, computed once and shared by every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from ..catalog import Catalog
from ..config import PlanningSettings
from ..indicators import IndicatorSet
from ..schema import Offer, Status
from . import opening
from .coverage import Cell, coverage_matrix, offer_categories
from .need import NeedTable, need_tables
from .population import PopulationGrid, district_weights
from .projection import Projector
from .reachability import Reach, reach_for_category
from .time_coverage import TimeCoverage, combine


@dataclass(frozen=True)
class DistrictInfo:
    """A district as the report shows it."""

    id: str
    name: str
    population: int | None
    area_km2: float
    geometry: object
    """Metric (Multi)Polygon."""


@dataclass(frozen=True)
class MapPoint:
    """A public offer location for the maps (never a confidential one)."""

    offer_id: str
    title: str
    x: float
    y: float


@dataclass
class PlanningResult:
    """Everything the planning pages and the report show."""

    settings: PlanningSettings
    categories: list[tuple[str, str]]
    """(id, label) in the order of categories.yml."""
    districts: list[DistrictInfo]
    coverage: dict[tuple[str, str], Cell]
    reach: dict[tuple[str, str], Reach]
    time: dict[str, TimeCoverage]
    map_points: dict[str, list[MapPoint]]
    unplaced: dict[str, int] = field(default_factory=dict)
    """Category → protected offers kept without coordinates (counted in coverage by their
    district, not in distances)."""
    mobile: dict[str, int] = field(default_factory=dict)
    """Category → open offers without a fixed place (counted in coverage, not in distances)."""
    outside: dict[str, int] = field(default_factory=dict)
    """Category → open offers at a place outside every district (count in distances only)."""
    open_offers: int = 0
    population_grid: str | None = None
    """The population grid used for reachability shares (None: area shares)."""
    indicators: IndicatorSet | None = None
    """The atlas' indicators per district (None: it keeps none)."""
    need: list[NeedTable] = field(default_factory=list)
    """Need against supply, one table per category and need indicator."""

    @property
    def has_population(self) -> bool:
        """True when at least one district has a population figure."""
        return any(d.population for d in self.districts)

    def district(self, district_id: str) -> DistrictInfo:
        """The district with this id."""
        return next(d for d in self.districts if d.id == district_id)


def open_offers(catalog: Catalog) -> list[Offer]:
    """Offers that count: published and not temporarily closed."""
    return [o for o in catalog.published if o.status == Status.active]


def analyse(
    catalog: Catalog, settings: PlanningSettings, grid: PopulationGrid | None = None,
    indicators: IndicatorSet | None = None,
) -> PlanningResult:
    """Compute coverage, reachability, time coverage and need against supply for a catalog.

    With a population ``grid`` (loaded by the driver), reachability shares are shares of
    inhabitants instead of shares of area; with ``indicators``, every category an indicator
    names in ``need_for`` gets a need table (:mod:`.need`).
    """
    projector = Projector(settings.crs)
    categories = [(c.id, c.label) for c in catalog.categories.values()]
    category_ids = [c for c, _ in categories]
    offers = open_offers(catalog)
    metric = {d.id: projector.geometry(d.geometry) for d in catalog.districts.values()}
    districts = [
        DistrictInfo(d.id, d.name, d.population, float(shapely.area(metric[d.id])) / 1e6,
                     metric[d.id])
        for d in catalog.districts.values()
    ]
    weights = None
    if grid is not None:
        geoms = np.array([d.geometry for d in districts], dtype=object)
        weights = district_weights(grid, geoms)
    # A protected place may be given by its district alone (no coordinates in Git).
    placed = [o for o in offers if o.location is not None and o.location.lat is not None]
    points = projector.points([o.location.lon for o in placed], [o.location.lat for o in placed])
    by_category: dict[str, list[int]] = {c: [] for c in category_ids}
    for index, offer in enumerate(placed):
        for category_id in offer_categories(offer):
            if category_id in by_category:
                by_category[category_id].append(index)
    reach: dict[tuple[str, str], Reach] = {}
    map_points: dict[str, list[MapPoint]] = {}
    for category_id in category_ids:
        idx = by_category[category_id]
        found = reach_for_category(
            metric,
            points[idx] if idx else np.empty(0, dtype=object),
            settings.distances_m,
            settings.threshold(category_id),
            settings.walking_minutes,
            weights,
        )
        for district_id, value in found.items():
            reach[(district_id, category_id)] = value
        map_points[category_id] = [
            MapPoint(placed[i].id or "", placed[i].title, points[i].x, points[i].y)
            for i in idx
            if not placed[i].location.confidential
        ]
    mobile = {
        c: sum(1 for o in offers if o.location is None and c in offer_categories(o))
        for c in category_ids
    }
    unplaced = {
        c: sum(1 for o in offers if o.location is not None and o.location.lat is None
               and c in offer_categories(o))
        for c in category_ids
    }
    outside = {
        c: sum(
            1 for o in placed if o.location.district is None and c in offer_categories(o)
        )
        for c in category_ids
    }
    time = _time_coverage(offers, category_ids, settings)
    result = PlanningResult(
        settings=settings,
        categories=categories,
        districts=districts,
        coverage=coverage_matrix(offers, catalog.districts, category_ids),
        reach=reach,
        time=time,
        map_points=map_points,
        mobile=mobile,
        unplaced=unplaced,
        outside=outside,
        open_offers=len(offers),
        population_grid=settings.population_grid if grid is not None else None,
        indicators=indicators,
    )
    result.need = need_tables(result, indicators)
    return result


def _time_coverage(
    offers: list[Offer], category_ids: list[str], settings: PlanningSettings
) -> dict[str, TimeCoverage]:
    grids = opening.GridCache()
    result = {}
    for category_id in category_ids:
        members = [o for o in offers if category_id in offer_categories(o)]
        week = [g for g in (grids.of(o.opening_hours) for o in members) if g is not None]
        result[category_id] = combine(week, len(members), settings.evening_hour)
    return result
