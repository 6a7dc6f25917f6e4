"""The district figures of :class:`TravelContext`, computed by hand on tiny graphs and timetables.

Walking: the river of :mod:`.test_network` (west bank x = 950 with nodes every 500 m from
y = 0 to 2000, east bank x = 1150, one footbridge at y = 2000). District "west" is the strip
x 900–1000, y 0–2000 with people at (950, 100) × 1 and (950, 1300) × 3; district "ost" the box
x 1100–1200, y 0–400 with two people at (1150, 100). The one offer stands on the west bank at
(950, 2000). At 4.5 km/h a minute is 75 m: 10/20/30 minutes are 750/1500/2250 m.

Riding: stops A (0, 0) and B (6000, 0), buses A → B at 08:05, 08:20 and 08:35 (15 minutes);
the offer 150 m beyond B, open Mo–Fr 08:00–12:00; the person at (75, 0), a minute from A.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
import shapely

from build_tools.config import METRIC_CRS, PlanningSettings
from build_tools.planning.projection import Projector
from build_tools.planning.travel.gtfs import load_feed
from build_tools.planning.travel_reach import TravelContext

from .builders import ORIGIN, stop, trip_rows, weekday_calendar, write_gtfs
from .test_network import river_extract


def at(x, y):
    return [ORIGIN[0] + x, ORIGIN[1] + y]


def box(x1, y1, x2, y2):
    return shapely.box(*at(x1, y1), *at(x2, y2))


def offer(hours="24/7"):
    return SimpleNamespace(opening_hours=hours, season=None, valid_from=None, valid_until=None,
                           status="active")


@pytest.fixture
def river(tmp_path):
    from build_tools.planning.travel.network import load_street_network

    network, problems = load_street_network(river_extract(tmp_path), METRIC_CRS, "fluss.osm")
    assert problems == []
    return network


def river_context(network, **settings):
    geoms = [box(900, 0, 1000, 2000), box(1100, 0, 1200, 400)]
    weights = [(np.array([at(950, 100), at(950, 1300)]), np.array([1.0, 3.0])),
               (np.array([at(1150, 100)]), np.array([2.0]))]
    return TravelContext(geoms, ["west", "ost"], weights, PlanningSettings(**settings), network,
                         None, Projector(METRIC_CRS), "NW")


def test_walking_shares_follow_the_streets_and_the_bridge(river):
    context = river_context(river)
    assert context.has_network and context.info.method == "netz"
    reach = context.walk_reach(np.array([at(950, 2000)]), 1000)
    west, ost = reach["west"], reach["ost"]
    # (950, 100): 100 m to the node at y = 0, then 2000 m north: 2100 m = 28 min
    # (950, 1300): 200 m to the node at y = 1500, then 500 m: 700 m = 9.3 min (weight 3 of 4)
    assert west.minutes == pytest.approx({10: 0.75, 20: 0.75, 30: 1.0})
    assert west.shares == pytest.approx({500: 0.0, 1000: 0.75, 2000: 0.75})
    assert west.weighted and west.method == "netz"
    # the centre (950, 1000) is a node: 1000 m along the bank
    assert west.nearest_m == pytest.approx(1000, abs=1)
    assert west.walking_min == pytest.approx(1000 / 75, abs=0.02)
    # across the river: 100 m + 2000 m north + 200 m over the bridge = 2300 m = 30.7 min
    assert ost.minutes == pytest.approx({10: 0.0, 20: 0.0, 30: 0.0})
    # the centre (1150, 200): 200 + 2000 + 200 m; the straight line would be 1.8 km × 1.3
    assert ost.nearest_m == pytest.approx(2400, abs=1)
    assert ost.flagged


def test_without_offers_nobody_is_reached_and_every_district_is_flagged(river):
    reach = river_context(river).walk_reach(np.empty((0, 2)), 1000)
    assert all(r.nearest_m is None and r.flagged for r in reach.values())
    assert reach["west"].minutes == {10: 0.0, 20: 0.0, 30: 0.0}


def test_without_a_network_the_walk_is_the_straight_line_times_the_detour():
    context = river_context(None, detour_factor=1.5)
    assert not context.has_network and context.info.method == "luftlinie"
    reach = context.walk_reach(np.array([at(950, 2000)]), 1000)
    # the centre of "ost" (1150, 200) is 1811 m away in a straight line, × 1.5
    assert reach["ost"].nearest_m == pytest.approx(math.hypot(200, 1800) * 1.5, abs=0.5)
    # (950, 1300) is 700 m away: 1050 m walked, 14 min; (950, 100) 1900 m → 2850 m, 38 min
    assert reach["west"].minutes == pytest.approx({10: 0.0, 20: 0.75, 30: 0.75})


def bus_feed(tmp_path):
    calls = {"t1": "08:05", "t2": "08:20", "t3": "08:35"}
    rows = []
    for trip, leave in calls.items():
        h, m = (int(p) for p in leave.split(":"))
        rows += trip_rows(trip, [("A", leave), ("B", f"{h:02d}:{m + 15:02d}")])
    tables = {
        "stops.txt": [stop("A", 0, 0), stop("B", 6000, 0)],
        "trips.txt": [{"route_id": "1", "service_id": "wt", "trip_id": t} for t in calls],
        "stop_times.txt": rows,
        "calendar.txt": weekday_calendar(),
    }
    feed, problems = load_feed(write_gtfs(tmp_path / "gtfs.zip", tables), "gtfs.zip")
    assert problems == []
    return feed


def test_door_to_door_counts_only_arrivals_while_open(tmp_path):
    settings = PlanningSettings(detour_factor=1.0, transit_minutes=[30, 60],
                                transit_windows={"vormittags": "08:00-08:30",
                                                 "abends": "17:00-17:30"})
    geoms = [box(0, -50, 150, 50)]
    weights = [(np.array([at(75, 0)]), np.array([1.0]))]
    context = TravelContext(geoms, ["dorf"], weights, settings, None, bus_feed(tmp_path),
                            Projector(METRIC_CRS), "NW")
    assert context.day is not None and context.day.weekday() == 1  # the feed's first Tuesday
    rides = context.transit_reach([offer("Mo-Fr 08:00-12:00")], np.array([at(6150, 0)]), "amt")
    dorf = rides["dorf"]
    # leaving at 08:00 → 08:05 bus → door 08:22 (22); 08:05 misses it (at A 08:06) → 08:20 bus
    # (32); 08:10 → 27; 08:15 → 22; 08:20 → 08:35 bus (32); 08:25 → 27. Median of
    # 22 22 27 27 32 32: (27 + 27) / 2 = 27 ≤ 30
    assert dorf.centre["vormittags"] == pytest.approx(27)
    assert dorf.shares["vormittags"] == {30: 1.0, 60: 1.0}
    # in the evening it is closed (opens again tomorrow at 08:00, beyond the horizon)
    assert dorf.centre["abends"] is None
    assert dorf.shares["abends"] == {30: 0.0, 60: 0.0}
    assert context.info.assumed_open == {"amt": 0}
    # an offer without machine-readable hours is taken as open, and counted as such
    rides = context.transit_reach([offer("nach Vereinbarung")], np.array([at(6150, 0)]), "amt")
    assert rides["dorf"].centre["abends"] == pytest.approx(81)  # on foot: 6075 m
    assert context.info.assumed_open == {"amt": 1}
