"""All planning figures of one catalog, computed once and shared by every renderer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import shapely

from ..catalog import Catalog, districts_of
from ..config import PlanningSettings
from ..indicators import IndicatorSet
from ..schema import Offer
from . import opening
from .coverage import Cell, coverage_matrix, offer_categories
from .need import NeedTable, need_tables
from .population import PopulationGrid, district_weights
from .projection import Projector
from .reachability import Reach, reach_for_category
from .season import counted_offers
from .time_coverage import TimeCoverage, combine

if TYPE_CHECKING:  # the travel modules bring scipy: imported only when a network or feed is used
    from .travel.gtfs import TransitFeed
    from .travel.network import StreetNetwork
    from .travel_reach import TransitReach, TravelContext, TravelInfo


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


@dataclass(frozen=True)
class RovingOffer:
    """A counted offer without a fixed place (street work, a bus): in no district's supply,
    listed on its own with the districts it serves."""

    offer_id: str
    title: str
    categories: tuple[str, ...]
    """Category labels."""
    districts: tuple[str, ...]
    """Names of the districts of its service area (empty: none given)."""


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
    """Category → counted offers without a fixed place (in no district's coverage and in no
    distance: a bus is not a district's nearest shelter; listed in ``roving``)."""
    outside: dict[str, int] = field(default_factory=dict)
    """Category → open offers at a place outside every district (count in distances only)."""
    open_offers: int = 0
    """Offers the figures count (:func:`.season.counted_offers`): active and in season."""
    reference: date | None = None
    """The reference date (the report's "Stand") the season rule is applied on."""
    listed: int = 0
    """Offers the atlas lists (not ended): the number the public pages show."""
    paused: int = 0
    """Listed but temporarily closed: not counted."""
    out_of_season: list[str] = field(default_factory=list)
    """Titles of active offers out of season on the reference date: not counted."""
    roving: list[RovingOffer] = field(default_factory=list)
    """Counted offers without a fixed place, listed on their own."""
    unplaced_offers: int = 0
    """Counted protected offers given by their district alone, each once (``unplaced`` counts
    per category)."""
    population_grid: str | None = None
    """The population grid used for reachability shares (None: area shares)."""
    indicators: IndicatorSet | None = None
    """The atlas' indicators per district (None: it keeps none)."""
    need: list[NeedTable] = field(default_factory=list)
    """Need against supply, one table per category and need indicator."""
    transit: dict[tuple[str, str], TransitReach] = field(default_factory=dict)
    """(district, category) → door-to-door reach by bus and train (empty without a timetable)."""
    travel: TravelInfo | None = None
    """How walks and rides were measured (None: straight lines, no timetable)."""
    context: TravelContext | None = field(default=None, repr=False, compare=False)
    """The origins, walker and timetable model, kept for a scenario's second analysis."""

    @property
    def on_network(self) -> bool:
        """True when walks follow the street network (else straight line × detour factor)."""
        return self.travel is not None and self.travel.method == "netz"

    @property
    def distance_word(self) -> str:
        """``Fußweg`` on the street network, ``Luftlinie`` otherwise."""
        return "Fußweg" if self.on_network else "Luftlinie"

    @property
    def has_population(self) -> bool:
        """True when at least one district has a population figure."""
        return any(d.population for d in self.districts)

    def district(self, district_id: str) -> DistrictInfo:
        """The district with this id."""
        return next(d for d in self.districts if d.id == district_id)


def analyse(
    catalog: Catalog, settings: PlanningSettings, grid: PopulationGrid | None = None,
    indicators: IndicatorSet | None = None, network: StreetNetwork | None = None,
    transit: TransitFeed | None = None, *, context: TravelContext | None = None,
    holidays: Iterable[date] = (),
) -> PlanningResult:
    """Compute coverage, reachability, time coverage and need against supply for a catalog.

    With a population ``grid`` (loaded by the driver), reachability shares are shares of
    inhabitants instead of shares of area; with ``indicators``, every category an indicator
    names in ``need_for`` gets a need table (:mod:`.need`). With a street ``network`` walks
    follow the streets; with a ``transit`` timetable door-to-door times by bus and train come
    too (:mod:`.travel_reach`). ``context``: the travel context of an earlier analysis of the
    same districts (a scenario's "before"), reused. ``holidays``: the public holidays the build
    has (its horizon), for the season rule (:func:`.season.counted_offers`).
    """
    projector = Projector(settings.crs)
    categories = [(c.id, c.label) for c in catalog.categories.values()]
    category_ids = [c for c, _ in categories]
    counted = counted_offers(catalog, known=holidays)
    offers = counted.offers
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
    xy = shapely.get_coordinates(points) if len(points) else np.empty((0, 2))
    if context is None and (network is not None or transit is not None):
        from .travel_reach import TravelContext

        context = TravelContext([d.geometry for d in districts], [d.id for d in districts],
                                weights, settings, network, transit, projector,
                                catalog.config.holidays_state)
    transit_reach: dict[tuple[str, str], TransitReach] = {}
    by_category: dict[str, list[int]] = {c: [] for c in category_ids}
    for index, offer in enumerate(placed):
        for category_id in offer_categories(offer):
            if category_id in by_category:
                by_category[category_id].append(index)
    reach: dict[tuple[str, str], Reach] = {}
    map_points: dict[str, list[MapPoint]] = {}
    for category_id in category_ids:
        idx = by_category[category_id]
        if context is not None and context.has_network:
            found = context.walk_reach(xy[idx], settings.threshold(category_id))
        else:
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
        rides = context.transit_reach([placed[i] for i in idx], xy[idx], category_id) if (
            context is not None) else None
        for district_id, value in (rides or {}).items():
            transit_reach[(district_id, category_id)] = value
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
        # A district's supply is what is there: an offer without a fixed place counts in none
        # (reachability cannot measure to it either); it is listed on its own (``roving``).
        coverage=coverage_matrix([o for o in offers if o.location is not None],
                                 catalog.districts, category_ids),
        reach=reach,
        time=time,
        map_points=map_points,
        mobile=mobile,
        unplaced=unplaced,
        outside=outside,
        open_offers=len(offers),
        reference=counted.reference,
        listed=len(catalog.published),
        paused=len(catalog.published) - len(offers) - len(counted.out_of_season),
        out_of_season=sorted(o.title for o in counted.out_of_season),
        roving=[
            RovingOffer(o.id or "", o.title,
                        tuple(catalog.category_label(c) for c in offer_categories(o)),
                        tuple(catalog.district_name(d) for d in districts_of(o)))
            for o in offers if o.location is None
        ],
        unplaced_offers=sum(1 for o in offers if o.location is not None and o.location.lat is None),
        population_grid=settings.population_grid if grid is not None else None,
        indicators=indicators,
        transit=transit_reach,
        travel=context.info if context is not None else None,
        context=context,
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
