"""Door-to-door times by bus and train: walk + wait + ride + walk to the nearest open offer.

For a day of the feed and a departure window (weekday morning, evening) every origin (the
people of a district, :mod:`.origins`) leaves at each :data:`STEP_MIN`-th minute of the window;
its time is the median over those departures of the minutes until it is served at an open offer
of the category — on foot all the way or by any chain of vehicles (:mod:`.csa`). Arriving while
the offer is closed does not end the trip: the wait at the door counts, and an offer that does
not open again in time is not reached. Offers with the same open spans form a group: one walk
search per group gives every origin and stop its walk to the nearest offer of the group.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from .csa import INF, Connections, Egress, scan
from .gtfs import TransitFeed

STEP_MIN = 5
"""Departures every five minutes of the window."""
ACCESS_MIN = 15
"""Longest walk to the first stop and from the last one."""
TRANSFER_MIN = 5
"""Longest walk between two stops when changing."""


@dataclass(frozen=True)
class Window:
    """A departure window: its name (``morgens``) and minutes after midnight."""

    label: str
    start: int
    end: int

    @property
    def departures(self) -> np.ndarray:
        """The departure minutes evaluated."""
        return np.arange(self.start, self.end, STEP_MIN)

    def text(self) -> str:
        """``7–9 Uhr`` or ``7:30–9 Uhr``."""
        return f"{_clock(self.start)}–{_clock(self.end)} Uhr"


def _clock(minute: int) -> str:
    h, m = divmod(minute, 60)
    return f"{h}" if m == 0 else f"{h}:{m:02d}"


def day_connections(feed: TransitFeed, day: date, first: int, last: int
                    ) -> tuple[Connections, int]:
    """Connections departing between minutes ``first`` and ``last`` of ``day`` (trips of the
    evening before that run past midnight included), and the number of trips they may name."""
    trips = len(feed.trip_ids)
    st_trip = np.repeat(np.arange(trips), np.diff(feed.trip_first))
    same = st_trip[:-1] == st_trip[1:]
    templates = np.zeros(trips, dtype=bool)
    for trip, *_ in feed.frequencies:
        templates[trip] = True
    pieces = []
    for shift, running in ((0, feed.runs_on(day)), (-1440, feed.runs_on(day - timedelta(days=1)))):
        active = running[feed.trip_service] & ~templates
        rows = np.flatnonzero(same & active[st_trip[:-1]])
        pieces.append((rows, shift, st_trip[rows], 0))
    extra = trips
    for trip, start, end, headway in feed.frequencies:
        if not feed.runs_on(day)[feed.trip_service[trip]]:
            continue
        rows = np.arange(feed.trip_first[trip], feed.trip_first[trip + 1] - 1)
        if len(rows) == 0:
            continue
        zero = int(feed.st_dep[feed.trip_first[trip]])
        for t in range(start, end, headway):
            pieces.append((rows, t - zero, np.full(len(rows), extra), 0))
            extra += 1
    parts = []
    for rows, shift, trip_ids, _ in pieces:
        dep = feed.st_dep[rows] + shift
        arr = feed.st_arr[rows + 1] + shift
        keep = (dep >= first) & (dep <= last) & (arr >= dep)
        r = rows[keep]
        parts.append((feed.st_stop[r], feed.st_stop[r + 1], dep[keep], arr[keep], trip_ids[keep],
                      feed.st_pickup[r], feed.st_dropoff[r + 1], r))
    cols = [np.concatenate([p[k] for p in parts]) for k in range(8)]
    order = np.lexsort((-cols[7], -cols[2]))
    u, v, dep, arr, trip, board, alight, _ = (c[order] for c in cols)
    return Connections(u, v, dep, arr, trip, board.astype(bool), alight.astype(bool)), extra


def served_table(spans: tuple[tuple[int, int], ...], minutes: np.ndarray) -> np.ndarray:
    """Served minute for someone at the door at each of ``minutes`` (INF: not again)."""
    if not spans:
        return np.full(len(minutes), INF, dtype=np.int64)
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    k = np.searchsorted(ends, minutes, side="right")
    inside = k < len(spans)
    return np.where(inside, np.maximum(minutes, starts[np.minimum(k, len(spans) - 1)]), INF)


@dataclass(frozen=True)
class Groups:
    """Offers of one category grouped by their open spans; walking minutes from every origin
    and every stop to the nearest offer of each group."""

    spans: list[tuple[tuple[int, int], ...]]
    origin_walk: np.ndarray
    """groups × origins, whole minutes (a large number: unreachable)."""
    stop_walk: np.ndarray
    """groups × stops."""


class TransitModel:
    """What does not depend on the offers: the day, its connections per window, access walks
    from origins to stops and the walks between stops."""

    def __init__(self, feed: TransitFeed, day: date, windows: list[Window], walker,
                 stop_xy: np.ndarray, origin_xy: np.ndarray, speed_m_min: float,
                 horizon_min: int):
        self.feed, self.day, self.windows = feed, day, windows
        self.walker, self.speed, self.horizon = walker, speed_m_min, horizon_min
        self.stop_xy, self.origin_xy = stop_xy, origin_xy
        self.connections = {
            w.label: day_connections(feed, day, w.start, w.end + horizon_min) for w in windows
        }
        o, s, metres = walker.pairs(origin_xy, stop_xy, ACCESS_MIN * speed_m_min)
        self.access = (o, s, self._minutes(metres))
        a, b, metres = walker.pairs(stop_xy, stop_xy, TRANSFER_MIN * speed_m_min)
        self.transfers: list[list[tuple[int, int]]] = [[] for _ in range(len(stop_xy))]
        for x, y, m in zip(a.tolist(), b.tolist(), self._minutes(metres).tolist(), strict=True):
            if x != y:
                self.transfers[x].append((y, max(1, m)))

    def _minutes(self, metres: np.ndarray) -> np.ndarray:
        return np.ceil(np.asarray(metres) / self.speed).astype(np.int64)

    def groups(self, offer_xy: np.ndarray, spans: list[tuple[tuple[int, int], ...]]) -> Groups:
        """Group the offers by spans and walk to each group's nearest offer."""
        keys = sorted(set(spans))
        points = np.vstack([self.origin_xy, self.stop_xy])
        walks = []
        for key in keys:
            members = np.array([i for i, s in enumerate(spans) if s == key])
            metres = self.walker.nearest(points, offer_xy[members])
            walks.append(np.where(np.isfinite(metres), np.ceil(metres / self.speed), INF))
        table = np.array(walks, dtype=np.int64).reshape(len(keys), len(points))
        n = len(self.origin_xy)
        return Groups(keys, table[:, :n], table[:, n:])

    def times(self, window: Window, groups: Groups) -> np.ndarray:
        """Per origin the median door-to-door minutes over the window's departures (inf: not
        served within the horizon in at least half of them)."""
        connections, trips = self.connections[window.label]
        base = window.start
        span = window.end + self.horizon + 2 * ACCESS_MIN - base
        minutes = base + np.arange(span + 1)
        served = [served_table(s, minutes) for s in groups.spans]
        egress = Egress(base, self._egress_tables(groups, served, span))
        profiles = scan(connections, len(self.stop_xy), trips, egress, self.transfers)
        departures = window.departures
        offsets = departures - base
        best = np.full((len(self.origin_xy), len(departures)), INF, dtype=np.int64)
        for g, table in enumerate(served):  # on foot all the way
            walk = groups.origin_walk[g]
            ok = walk < span
            raw = offsets[None, :] + walk[ok, None]
            values = np.where(raw <= span, table[np.minimum(raw, span)], INF)
            best[ok] = np.minimum(best[ok], values)
        self._ride(best, profiles, offsets, base, span)
        travel = (best - departures[None, :]).astype(float)
        travel[best >= INF] = math.inf
        median = np.median(travel, axis=1)
        return np.where(median <= self.horizon, median, math.inf)

    def _egress_tables(self, groups: Groups, served: list[np.ndarray], span: int
                       ) -> list[array | None]:
        tables: list[array | None] = [None] * len(self.stop_xy)
        near = groups.stop_walk <= ACCESS_MIN
        k = np.arange(span + 1)
        for stop in np.flatnonzero(near.any(axis=0)).tolist():
            row = np.full(span + 1, INF, dtype=np.int64)
            for g in np.flatnonzero(near[:, stop]).tolist():
                idx = k + groups.stop_walk[g, stop]
                values = np.where(idx <= span, served[g][np.minimum(idx, span)], INF)
                np.minimum(row, values, out=row)
            table = array("q")
            table.frombytes(row.tobytes())
            tables[stop] = table
        return tables

    def _ride(self, best: np.ndarray, profiles, offsets: np.ndarray, base: int, span: int) -> None:
        origin, stop, walk = self.access
        if len(origin) == 0:
            return
        grid = base + np.arange(span + 1)
        used = np.unique(stop)
        rows = {s: profiles.table(s, grid) for s in used.tolist()}
        matrix = np.stack([rows[s] for s in used.tolist()])
        where = np.searchsorted(used, stop)
        for start in range(0, len(origin), 20_000):
            part = slice(start, start + 20_000)
            idx = np.minimum(offsets[None, :] + walk[part, None], span)
            values = matrix[where[part][:, None], idx]
            np.minimum.at(best, origin[part], values)
