"""Reachability as people travel: on foot along the streets, and by bus and train.

:class:`TravelContext` holds what every category shares — the origins of each district, the
walker (street network or straight line) and, with a timetable, the day's connections — so a
scenario's second analysis reuses it. :meth:`TravelContext.walk_reach` gives the same
:class:`~.reachability.Reach` as the straight-line method (shares within the distances, the
walk from the district centre, the flag), measured along the network and with shares within
the walking minutes besides; :meth:`TravelContext.transit_reach` the door-to-door shares and
the median time from the centre per departure window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..config import PlanningSettings
from ..opening_hours import holiday_dates
from .reachability import Reach
from .travel.gtfs import TransitFeed
from .travel.hours import open_spans
from .travel.network import StreetNetwork
from .travel.origins import Origins, district_origins
from .travel.transit import TransitModel, Window
from .travel.walking import NetworkWalker, StraightWalker

TUESDAY = 1
HORIZON_EXTRA = 30
"""Door-to-door times are followed this many minutes beyond the largest threshold."""


@dataclass(frozen=True)
class TransitReach:
    """Door-to-door reachability of one category from one district."""

    shares: dict[str, dict[int, float]]
    """Window name → minutes → share (0–1) of the district's people served within them."""
    centre: dict[str, float | None]
    """Window name → median minutes from the district centre (None: not within the horizon)."""
    weighted: bool = False


@dataclass
class TravelInfo:
    """How the travel figures were made, for the method paragraphs and the page notes."""

    method: str
    """``netz`` (street network) or ``luftlinie``."""
    network: str | None = None
    nodes: int = 0
    edges: int = 0
    feed: str | None = None
    agency: str = ""
    day: date | None = None
    windows: list[Window] = field(default_factory=list)
    stops: int = 0
    trips: int = 0
    horizon: int = 0
    spacing_m: float = 0.0
    origins: int = 0
    weighted: bool = False
    assumed_open: dict[str, int] = field(default_factory=dict)
    """Category → offers without machine-readable hours, taken as open for the timetable."""


class TravelContext:
    """Origins, walker and timetable model for one catalog's districts."""

    def __init__(self, geoms: list, ids: list[str], weights, settings: PlanningSettings,
                 network: StreetNetwork | None, feed: TransitFeed | None, projector,
                 holidays_state: str):
        self.ids, self.settings, self.projector = ids, settings, projector
        self.speed = settings.walking_m_per_min
        self.origins: Origins = district_origins(geoms, weights, settings.grid_spacing_m)
        self.walker = NetworkWalker(network) if network is not None else StraightWalker(
            settings.detour_factor)
        self.info = TravelInfo(
            method=self.walker.method, spacing_m=self.origins.spacing_m,
            origins=len(self.origins.xy), weighted=any(self.origins.weighted),
        )
        if network is not None:
            self.info.network, self.info.nodes = network.source, network.walk_node_count
            self.info.edges = network.edge_count
        self.points = np.vstack([self.origins.xy, self.origins.centres])
        self.model: TransitModel | None = None
        self.day: date | None = None
        self.holidays: frozenset[date] = frozenset()
        if feed is not None and len(ids):
            self._timetable(feed, holidays_state)

    def _timetable(self, feed: TransitFeed, state: str) -> None:
        span = feed.period()
        if span is None:
            return
        years = range(span[0].year, span[1].year + 2)
        holidays = holiday_dates(state, years)
        day = self.settings.transit_date or feed.first_weekday(TUESDAY, holidays)
        if day is None:
            return
        self.day, self.holidays = day, frozenset(holiday_dates(state, [day.year, day.year + 1]))
        windows = [Window(*w) for w in self.settings.window_minutes()]
        horizon = max(self.settings.transit_minutes) + HORIZON_EXTRA
        stops = self.projector.points(feed.stop_lon, feed.stop_lat)
        stop_xy = np.column_stack([[p.x for p in stops], [p.y for p in stops]]).reshape(-1, 2)
        self.model = TransitModel(feed, day, windows, self.walker, stop_xy, self.points,
                                  self.speed, horizon)
        self.info.feed, self.info.agency, self.info.day = feed.source, feed.agency, day
        self.info.windows, self.info.horizon = windows, horizon
        self.info.stops, self.info.trips = len(feed.stop_ids), len(feed.trip_ids)

    @property
    def has_network(self) -> bool:
        """True when walks follow the street network."""
        return self.info.method == "netz"

    def walk_reach(self, offer_xy: np.ndarray, threshold_m: int) -> dict[str, Reach]:
        """Walking reach of one category (offers as metric n × 2) from every district."""
        s = self.settings
        metres = self.walker.nearest(self.points, offer_xy)
        n = len(self.origins.xy)
        at_points, at_centres = metres[:n], metres[n:]
        by_distance = {d: self.origins.shares(at_points <= d) for d in s.distances_m}
        by_minutes = {m: self.origins.shares(at_points <= m * self.speed) for m in s.walk_minutes}
        out = {}
        for k, district_id in enumerate(self.ids):
            centre = float(at_centres[k])
            nearest = centre if math.isfinite(centre) else None
            out[district_id] = Reach(
                shares={d: float(v[k]) for d, v in by_distance.items()},
                nearest_m=nearest,
                walking_min=nearest / self.speed if nearest is not None else None,
                threshold_m=threshold_m,
                flagged=nearest is None or nearest > threshold_m,
                weighted=self.origins.weighted[k],
                minutes={m: float(v[k]) for m, v in by_minutes.items()},
                method=self.walker.method,
            )
        return out

    def transit_reach(self, offers: list, offer_xy: np.ndarray, category_id: str
                      ) -> dict[str, TransitReach] | None:
        """Door-to-door reach of one category (None without a timetable)."""
        if self.model is None or self.day is None:
            return None
        spans = [self._spans(o) for o in offers]
        self.info.assumed_open[category_id] = sum(1 for o in offers if not _machine_hours(o))
        n = len(self.origins.xy)
        shares: dict[str, dict[int, np.ndarray]] = {}
        centres: dict[str, np.ndarray] = {}
        groups = self.model.groups(offer_xy, spans) if len(offers) else None
        for window in self.model.windows:
            if groups is None:
                minutes = np.full(len(self.points), math.inf)
            else:
                minutes = self.model.times(window, groups)
            shares[window.label] = {m: self.origins.shares(minutes[:n] <= m)
                                    for m in self.settings.transit_minutes}
            centres[window.label] = minutes[n:]
        out = {}
        for k, district_id in enumerate(self.ids):
            out[district_id] = TransitReach(
                shares={w: {m: float(v[k]) for m, v in by.items()} for w, by in shares.items()},
                centre={w: (float(c[k]) if math.isfinite(c[k]) else None)
                        for w, c in centres.items()},
                weighted=self.origins.weighted[k],
            )
        return out

    def _spans(self, offer):
        season = (offer.season.from_, offer.season.until) if offer.season else None
        key = (offer.opening_hours, season, offer.valid_from, offer.valid_until, offer.status)
        cache = self.__dict__.setdefault("_span_cache", {})
        if key not in cache:
            cache[key] = open_spans(offer, self.day, self.holidays)
        return cache[key]


def _machine_hours(offer) -> bool:
    from ..opening_hours import HoursError, parse_hours

    if not offer.opening_hours:
        return False
    try:
        return bool(parse_hours(offer.opening_hours).rules)
    except HoursError:
        return False
