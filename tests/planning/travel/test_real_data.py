"""The travel code on real data (``tests/fixtures/real/``, licences in its README): an
OpenStreetMap extract of Kouvola and the GTFS feed of the Cairns buses.

Expected values come from the files themselves, read with other means than the code under
test: node and way facts from osmium directly, lengths from osmium's haversine, stop and trip
counts and ride times from the feed's CSV with the ``csv`` module, and earliest arrivals from a
forward connection scan of a few lines written here against the raw ``stop_times.txt``.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from array import array
from datetime import date
from pathlib import Path

import numpy as np
import osmium
import pytest

from build_tools.planning.travel.csa import INF, Egress, scan
from build_tools.planning.travel.gtfs import load_feed
from build_tools.planning.travel.network import load_street_network
from build_tools.planning.travel.transit import day_connections
from build_tools.planning.travel.walking import NetworkWalker

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
OSM = REAL / "kouvola.osm.pbf"
GTFS = REAL / "cairns-gtfs.zip"
FINLAND = "EPSG:3067"  # ETRS-TM35FIN, the metric CRS Finnish towns use
TUESDAY = date(2014, 6, 3)


# --- the street network -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def network():
    found, problems = load_street_network(OSM, FINLAND, "kouvola.osm.pbf")
    assert problems == []
    return found


@pytest.fixture(scope="module")
def ways():
    """Every highway way of the extract straight from osmium: (kind, name, tags, nodes as
    (id, lon, lat), haversine length in metres)."""
    found = []
    for way in osmium.FileProcessor(str(OSM)).with_locations():
        if way.is_way() and "highway" in way.tags:
            nodes = [(n.ref, n.lon, n.lat) for n in way.nodes if n.location.valid()]
            whole = len(nodes) == len(way.nodes)  # ways cut at the extract's edge: no length
            found.append((way.tags["highway"], way.tags.get("name", ""),
                          {t.k: t.v for t in way.tags}, nodes,
                          osmium.geom.haversine_distance(way.nodes) if whole else None))
    return found


def test_the_extract_is_what_osmium_counts(ways):
    kinds: dict[str, int] = {}
    for kind, *_ in ways:
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds["residential"] == 124 and kinds["motorway"] == 4 and kinds["cycleway"] == 81


def test_the_network_holds_the_nodes_of_its_streets_and_not_the_motorway(network, ways):
    residential = {(round(lon, 7), round(lat, 7)) for kind, _, tags, nodes, _ in ways
                   if kind == "residential" for _, lon, lat in nodes}
    motorway_only = {(round(lon, 7), round(lat, 7)) for kind, _, _, nodes, _ in ways
                     if kind in ("motorway", "motorway_link") for _, lon, lat in nodes}
    motorway_only -= {(round(lon, 7), round(lat, 7)) for kind, *_, nodes, _ in ways
                      if kind not in ("motorway", "motorway_link") for _, lon, lat in nodes}
    assert len(residential) > 400 and len(motorway_only) > 50
    walk = {(round(lon, 7), round(lat, 7)) for lon, lat in zip(
        network.lon[network.connected].tolist(), network.lat[network.connected].tolist(),
        strict=True)}
    # Most residential nodes lie on the largest walkable part; no motorway-only node does.
    assert len(residential & walk) >= 0.9 * len(residential)
    assert not motorway_only & walk
    assert {kind for kind, *_ in ways} >= {s.kind for s in network.streets}


def test_walking_along_a_street_takes_no_longer_than_the_street(network, ways):
    """From one end of each named residential street to the other, the walk on the network is
    at least the straight line between the ends and at most the street's own length (osmium's
    haversine; 0.5 % for the projection)."""
    walker = NetworkWalker(network)
    from build_tools.planning.projection import Projector

    projector = Projector(FINLAND)
    checked = 0
    for kind, name, _, nodes, length in ways:
        if kind != "residential" or not name or len(nodes) < 3 or not length or length < 150:
            continue
        (_, lon0, lat0), (_, lon1, lat1) = nodes[0], nodes[-1]
        a, b = projector.points([lon0, lon1], [lat0, lat1])
        walk = float(walker.nearest(np.array([[a.x, a.y]]), np.array([[b.x, b.y]]))[0])
        straight = math.dist((a.x, a.y), (b.x, b.y))
        assert straight * 0.995 <= walk <= length * 1.005, (name, straight, walk, length)
        checked += 1
    assert checked >= 10


# --- the timetable ------------------------------------------------------------------------------

def _csv(member: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(GTFS) as archive:
        return list(csv.DictReader(io.TextIOWrapper(archive.open(member), encoding="utf-8-sig")))


def _minutes(text: str) -> int:
    h, m, s = (int(p) for p in text.split(":"))
    return h * 60 + m + (1 if s >= 30 else 0)


@pytest.fixture(scope="module")
def feed():
    found, problems = load_feed(GTFS, "cairns-gtfs.zip")
    assert problems == []
    return found


@pytest.fixture(scope="module")
def raw():
    """Tuesday's trips from the CSV: trip id → [(stop id, arrival, departure, pickup, drop)].
    The 65 stop times without times (allowed between timed ones) are left out: the oracle's
    vehicle rides on from the timed stop before to the timed stop after."""
    running = {"CNS2014-CNS_MUL-Weekday-00"}  # calendar.txt: Mo–Fr from 26 May 2014
    trips = {t["trip_id"] for t in _csv("trips.txt") if t["service_id"] in running}
    calls: dict[str, list] = {}
    for row in _csv("stop_times.txt"):
        if row["trip_id"] in trips and row["arrival_time"] and row["departure_time"]:
            calls.setdefault(row["trip_id"], []).append(
                (int(row["stop_sequence"]), row["stop_id"], _minutes(row["arrival_time"]),
                 _minutes(row["departure_time"]), row.get("pickup_type", "0") != "1",
                 row.get("drop_off_type", "0") != "1"))
    return {t: [c[1:] for c in sorted(rows)] for t, rows in calls.items()}


def test_the_feed_reads_every_stop_and_trip(feed):
    assert len(feed.stop_ids) == len(_csv("stops.txt")) == 416
    assert len(feed.trip_ids) == len(_csv("trips.txt")) == 1339
    assert int(feed.trip_first[-1]) == len(_csv("stop_times.txt")) == 37790
    assert feed.period() == (date(2014, 5, 26), date(2014, 12, 28))
    running = feed.runs_on(TUESDAY)
    assert sorted(feed.services[k] for k in np.flatnonzero(running)) == [
        "CNS2014-CNS_MUL-Weekday-00"]
    assert not feed.runs_on(date(2014, 6, 9))[feed.services.index("CNS2014-CNS_MUL-Weekday-00")]


def _forward(raw, origin: str, target: str, start: int, change: int = 1) -> int:
    """Earliest arrival at ``target`` leaving ``origin`` at ``start``: a forward connection
    scan over the raw stop times (changing at a stop takes ``change`` minutes)."""
    connections = []
    for trip, calls in raw.items():
        for (u, _, dep, board, _), (v, arr, _, _, alight) in zip(calls[:-1], calls[1:],
                                                                   strict=True):
            connections.append((dep, arr, u, v, trip, board, alight))
    connections.sort(key=lambda c: (c[0], c[1]))
    best = {origin: start - change}  # so that the first boarding needs dep ≥ start
    on: set[str] = set()
    for dep, arr, u, v, trip, board, alight in connections:
        if trip in on or (board and best.get(u, INF) + change <= dep):
            on.add(trip)
            if alight and arr < best.get(v, INF):
                best[v] = arr
    return best.get(target, INF)


def test_ride_times_match_the_feeds_stop_times(feed, raw):
    """For stop pairs along real trips, the profile scan's earliest arrival equals the forward
    scan's over the raw file, and is never later than the trip's own arrival in stop_times."""
    connections, trips = day_connections(feed, TUESDAY, 5 * 60, 24 * 60)
    index = {s: k for k, s in enumerate(feed.stop_ids)}
    sample = sorted(raw)[::46]
    checked = 0
    for trip in sample:
        calls = raw[trip]
        if len(calls) < 6:
            continue
        (a, _, dep_a, *_), (b, arr_b, *_) = calls[1], calls[5]
        table = [None] * len(feed.stop_ids)
        base = 5 * 60
        table[index[b]] = array("q", range(base, 27 * 60 + 1))  # served on arrival at b
        profiles = scan(connections, len(feed.stop_ids), trips, Egress(base, table),
                        [[] for _ in feed.stop_ids])
        got = profiles.at(index[a], dep_a)
        assert got <= arr_b, (trip, a, b)  # this very trip gets there by then
        assert got == _forward(raw, a, b, dep_a), (trip, a, b)
        checked += 1
    assert checked >= 10, checked


def test_the_first_bus_of_the_day_by_hand(feed):
    """Trip CNS2014-CNS_MUL-Weekday-00-4165878 (route 110, the day's first) leaves Cedar Rd,
    Palm Cove (750000) at 05:50:00 and is at stop 750004 at 05:57:00 (stop_times.txt, lines
    3 and 7): seven minutes; leaving a minute later, the next bus on that stretch is the one
    to count."""
    connections, trips = day_connections(feed, TUESDAY, 5 * 60, 24 * 60)
    index = {s: k for k, s in enumerate(feed.stop_ids)}
    table = [None] * len(feed.stop_ids)
    table[index["750004"]] = array("q", range(5 * 60, 27 * 60 + 1))
    profiles = scan(connections, len(feed.stop_ids), trips, Egress(5 * 60, table),
                    [[] for _ in feed.stop_ids])
    assert profiles.at(index["750000"], 5 * 60 + 50) == 5 * 60 + 57
    assert profiles.at(index["750000"], 5 * 60 + 51) > 5 * 60 + 57
