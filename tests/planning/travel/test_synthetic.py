"""The sample town's generator: deterministic (the same bytes twice, and the same as the files
shipped in content/) and plausible (one connected street network that covers every district,
stops beside the streets, a bus from every district, a river that is only crossed on bridges).
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import shapely

from build_tools.config import METRIC_CRS
from build_tools.planning.travel.gtfs import load_feed
from build_tools.planning.travel.network import load_street_network
from build_tools.planning.travel.synthetic import (
    MARKT,
    _metric_districts,
    _river,
    musterstadt,
)
from build_tools.planning.travel.walking import NetworkWalker

from ...conftest import ROOT

CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The generator run twice into two folders from the sample's districts."""
    out = []
    for name in ("a", "b"):
        folder = tmp_path_factory.mktemp(name)
        shutil.copy(CONTENT / "districts.geojson", folder)
        out.append(musterstadt(folder))
    return out


@pytest.fixture(scope="module")
def town(generated):
    osm, feed_path = generated[0]
    network, problems = load_street_network(osm, METRIC_CRS, "musterstadt.osm")
    assert problems == []
    feed, problems = load_feed(feed_path, "gtfs.zip")
    assert problems == []
    return network, feed


def test_the_same_bytes_twice_and_as_shipped(generated):
    (osm_a, feed_a), (osm_b, feed_b) = generated
    assert osm_a.read_bytes() == osm_b.read_bytes()
    assert feed_a.read_bytes() == feed_b.read_bytes()
    # content/ holds the generator's output: regenerate with
    # python -m build_tools.planning.travel.synthetic content/
    assert osm_a.read_bytes() == (CONTENT / "musterstadt.osm").read_bytes()
    assert feed_a.read_bytes() == (CONTENT / "gtfs.zip").read_bytes()


def test_the_street_network_is_one_piece(town):
    network, _ = town
    walkable = np.zeros(len(network.x), dtype=bool)
    walkable[np.unique(network.graph.nonzero()[0])] = True
    # the largest part holds almost every walkable node (a few lattice stubs that the river,
    # the railway and the motorway cut off are left, as in a real extract)
    assert network.connected.sum() >= 0.95 * walkable.sum()
    assert 2_000 <= network.walk_node_count <= 20_000  # small enough for the 10 s budget


def test_every_district_is_covered_and_walkable(town):
    network, _ = town
    districts = _metric_districts(CONTENT / "districts.geojson")
    walker = NetworkWalker(network)
    xy = np.column_stack([network.x[network.connected], network.y[network.connected]])
    centres = []
    for district_id, geom in sorted(districts.items()):
        inside = shapely.contains_xy(geom, xy[:, 0], xy[:, 1]).sum()
        assert inside >= 50, district_id  # streets in every district
        point = geom.representative_point()
        centres.append([point.x, point.y])
    metres = walker.nearest(np.array(centres), np.array([MARKT]))
    straight = np.hypot(*(np.array(centres) - MARKT).T)
    assert np.isfinite(metres).all()
    # plausible detours: never shorter than the straight line, never absurdly longer
    assert (metres >= straight * 0.99).all() and (metres <= straight * 2.5 + 500).all()


def test_stops_stand_beside_the_streets_and_every_district_has_a_bus(town):
    network, feed = town
    walker = NetworkWalker(network)
    from build_tools.planning.projection import Projector

    stops = Projector(METRIC_CRS).points(feed.stop_lon, feed.stop_lat)
    stop_xy = shapely.get_coordinates(stops)
    _, metres = walker.snap(stop_xy)
    assert metres.max() <= 80  # a stop is at most a short walk from a street node
    districts = _metric_districts(CONTENT / "districts.geojson")
    served = {d for d, geom in districts.items()
              if shapely.contains_xy(geom.buffer(300), stop_xy[:, 0], stop_xy[:, 1]).any()}
    assert served == set(districts)
    # a plausible weekday timetable: buses from early morning to late evening
    day_trips = len(feed.trip_ids)
    assert 500 <= day_trips <= 10_000


def test_the_river_is_crossed_only_on_bridges(town):
    network, _ = town
    river = _river()
    heads, tails = network.graph.nonzero()
    keep = heads < tails
    segments = shapely.linestrings(np.stack([
        np.column_stack([network.x[heads[keep]], network.y[heads[keep]]]),
        np.column_stack([network.x[tails[keep]], network.y[tails[keep]]])], axis=1))
    crossings = shapely.intersects(segments, river).sum()
    # five crossings are drawn (roads, ring, the Rursteg); each is one or two edges long
    assert 3 <= crossings <= 12
