"""Door-to-door times on hand-made timetables, computed by hand.

Stop A is a minute's walk from the origin, stop B two minutes from the offer (open Mo–Fr
08:00–12:00 in the morning case). Walking all the way takes 81 minutes (6,075 m at 75 m/min).
The 07:05 bus leaves before the offer opens: it is at the door at 07:22 and must wait.
"""

from __future__ import annotations

import math
from datetime import date
from types import SimpleNamespace

import numpy as np
import pytest

from build_tools.config import METRIC_CRS
from build_tools.planning.projection import Projector
from build_tools.planning.travel.gtfs import load_feed
from build_tools.planning.travel.hours import open_spans
from build_tools.planning.travel.transit import TransitModel, Window
from build_tools.planning.travel.walking import StraightWalker

from .builders import ORIGIN, stop, trip_rows, weekday_calendar, write_gtfs

TUESDAY = date(2026, 12, 8)
SPEED = 75.0  # metres a minute: 4.5 km/h


def offer(hours):
    return SimpleNamespace(opening_hours=hours, season=None, valid_from=None, valid_until=None,
                           status="active")


def feed_with(tmp_path, trips):
    tables = {
        "stops.txt": [stop("A", 0, 0), stop("B", 6000, 0), stop("C", 6000, 3000)],
        "trips.txt": [{"route_id": "1", "service_id": "wt", "trip_id": t} for t in trips],
        "stop_times.txt": [row for t, calls in trips.items() for row in trip_rows(t, calls)],
        "calendar.txt": weekday_calendar(),
    }
    feed, problems = load_feed(write_gtfs(tmp_path / "gtfs.zip", tables), "gtfs.zip")
    assert problems == []
    return feed


def model(feed, windows, origins):
    projector = Projector(METRIC_CRS)
    stops = projector.points(feed.stop_lon, feed.stop_lat)
    stop_xy = np.column_stack([[p.x for p in stops], [p.y for p in stops]])
    return TransitModel(feed, TUESDAY, windows, StraightWalker(1.0), stop_xy,
                        np.asarray(origins, float) + ORIGIN, SPEED, horizon_min=90)


def times(model_, window, offers):
    xy = np.array([[ORIGIN[0] + x, ORIGIN[1] + y] for x, y, _ in offers])
    spans = [open_spans(offer(h), TUESDAY, frozenset()) for _, _, h in offers]
    return model_.times(window, model_.groups(xy, spans))


def test_a_bus_before_opening_time_waits_at_the_door(tmp_path):
    feed = feed_with(tmp_path, {"t1": [("A", "07:05"), ("B", "07:20")],
                                "t2": [("A", "07:50"), ("B", "08:05")]})
    morning = Window("morgens", 7 * 60, 8 * 60)
    m = model(feed, [morning], [[75, 0]])
    got = times(m, morning, [(6150, 0, "Mo-Fr 08:00-12:00")])
    # 07:00 → bus 07:05, door 07:22, served 08:00: 60; 07:05 … 07:45 → bus 07:50, door 08:07:
    # 62, 57 … 22; 07:50 and 07:55 → on foot, 81. Median of twelve: (47 + 52) / 2.
    assert got.tolist() == [49.5]


def test_the_offer_closes_before_the_bus_arrives(tmp_path):
    feed = feed_with(tmp_path, {"t3": [("A", "17:20"), ("B", "17:35")],
                                "t4": [("A", "17:50"), ("B", "18:05")]})
    evening = Window("abends", 17 * 60, 18 * 60)
    m = model(feed, [evening], [[75, 0]])
    # 17:00 … 17:15 → bus 17:20, door 17:37 (37, 32, 27, 22); later departures reach the door
    # after 18:00, when it is closed until tomorrow: eight of twelve never served → no median
    assert times(m, evening, [(6150, 0, "Mo-Fr 08:00-18:00")]).tolist() == [math.inf]
    # open until 19:00: the 17:50 bus counts (door 18:07): 17:20 … 17:45 → 47 … 22,
    # 17:50 / 17:55 on foot 81: sorted 22 22 27 27 32 32 37 37 42 47 81 81 → 34.5
    assert times(m, evening, [(6150, 0, "Mo-Fr 08:00-19:00")]).tolist() == [34.5]


def test_a_change_of_buses_and_a_walk_between_stops(tmp_path):
    # to C only by changing at B (t1 arrives 07:20, t5 leaves 07:21: the minute to change)
    feed = feed_with(tmp_path, {"t1": [("A", "07:05"), ("B", "07:20")],
                                "t5": [("B", "07:21"), ("C", "07:40")]})
    window = Window("morgens", 7 * 60, 7 * 60 + 5)  # one departure: 07:00
    m = model(feed, [window], [[75, 0]])
    assert times(m, window, [(6000, 3150, "24/7")]).tolist() == [40 + 2]
    feed = feed_with(tmp_path, {"t1": [("A", "07:05"), ("B", "07:20")],
                                "t5": [("B", "07:20"), ("C", "07:40")]})
    m = model(feed, [window], [[75, 0]])
    # no time to change: the only way left is on foot, 6,710 m in a straight line: 90 minutes
    assert times(m, window, [(6000, 3150, "24/7")]).tolist() == [90.0]


def test_walking_is_enough_when_the_offer_is_near(tmp_path):
    feed = feed_with(tmp_path, {"t1": [("A", "07:05"), ("B", "07:20")]})
    window = Window("morgens", 8 * 60, 9 * 60)
    m = model(feed, [window], [[75, 0], [75, 7500]])
    got = times(m, window, [(75, 750, "Mo-Fr 08:00-12:00")])
    # 750 m: 10 minutes on foot; the second origin is 6,750 m away: 90 minutes, within the
    # horizon of 90
    assert got.tolist() == [10.0, 90.0]


def test_frequencies_repeat_a_trip(tmp_path):
    tables = {
        "stops.txt": [stop("A", 0, 0), stop("B", 6000, 0)],
        "trips.txt": [{"route_id": "1", "service_id": "wt", "trip_id": "takt"}],
        "stop_times.txt": trip_rows("takt", [("A", "00:00"), ("B", "00:10")]),
        "frequencies.txt": [{"trip_id": "takt", "start_time": "07:00:00",
                             "end_time": "09:00:00", "headway_secs": "600"}],
        "calendar.txt": weekday_calendar(),
    }
    feed, problems = load_feed(write_gtfs(tmp_path / "gtfs.zip", tables), "gtfs.zip")
    assert problems == []
    window = Window("morgens", 7 * 60, 8 * 60)
    m = model(feed, [window], [[75, 0]])
    # every ten minutes from 07:00: leave at :00 → bus :10 (1 walk, 9 wait) … at most 10 + 10 + 2
    got = times(m, window, [(6150, 0, "24/7")])
    # departures :00 :05 … :55: buses at :10 :10 :20 :20 … → 22 17 22 17 …: median (17+22)/2
    assert got.tolist() == [pytest.approx(19.5)]
