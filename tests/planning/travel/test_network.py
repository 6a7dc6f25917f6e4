"""The street network from an OSM extract: what is walkable, how far a walk is, main streets.

A river runs north–south between x = 1000 and 1100 m; the only footbridge is 2 km north. A
motorway crosses the river at y = 0 — walkers may not use it. A footway fragment beside the
offer is cut off from everything: no one may be placed on it.
"""

from __future__ import annotations

import numpy as np
import pytest

from build_tools.config import METRIC_CRS
from build_tools.planning.travel.network import load_street_network, main_street_lines, main_streets
from build_tools.planning.travel.osm import is_walkable
from build_tools.planning.travel.walking import NetworkWalker, StraightWalker

from .builders import ORIGIN, lonlat, write_osm


def river_extract(path):
    nodes = {}
    west = [1 + k for k in range(5)]   # x = 950, y = 0 … 2000
    east = [11 + k for k in range(5)]  # x = 1150
    for k in range(5):
        nodes[west[k]] = (950.0, 500.0 * k)
        nodes[east[k]] = (1150.0, 500.0 * k)
    nodes[30], nodes[31] = (1160.0, 10.0), (1170.0, 10.0)  # cut-off fragment
    nodes[40], nodes[41] = (0.0, 0.0), (2500.0, 0.0)       # motorway ends
    ways = [
        (west, {"highway": "residential", "name": "Westufer"}),
        (east, {"highway": "primary", "name": "Ostufer"}),
        ([west[-1], east[-1]], {"highway": "footway", "bridge": "yes"}),
        ([30, 31], {"highway": "footway"}),
        ([40, west[0], east[0], 41], {"highway": "motorway", "name": "A 4"}),
    ]
    return write_osm(path / "fluss.osm", nodes, ways)


@pytest.fixture
def river(tmp_path):
    network, problems = load_street_network(river_extract(tmp_path), METRIC_CRS, "fluss.osm")
    assert problems == []
    return network


def xy(x, y):
    return np.array([[ORIGIN[0] + x, ORIGIN[1] + y]])


def test_the_walk_goes_round_by_the_bridge(river):
    walker = NetworkWalker(river)
    # north 2000 m, over the bridge 200 m, south 2000 m, then 50 m from the node to the door
    metres = walker.nearest(xy(950, 0), xy(1150, 50))
    assert metres[0] == pytest.approx(2000 + 200 + 2000 + 50, abs=0.5)
    straight = StraightWalker(1.3).nearest(xy(950, 0), xy(1150, 50))
    assert straight[0] == pytest.approx(1.3 * np.hypot(200, 50), abs=0.5)


def test_no_motorway_and_no_fragment(river):
    assert river.edge_count == 4 + 4 + 1 + 1  # both banks, the bridge, the fragment
    assert river.walk_node_count == 10        # the fragment is not in the connected part
    walker = NetworkWalker(river)
    node, off = walker.snap(xy(1165, 10))     # next to the fragment
    assert (river.x[node[0]] - ORIGIN[0], river.y[node[0]] - ORIGIN[1]) == pytest.approx((1150, 0), abs=0.01)
    assert off[0] == pytest.approx(np.hypot(15, 10), abs=0.01)


def test_pairs_within_a_limit(river):
    walker = NetworkWalker(river)
    origins = np.vstack([xy(950, 0), xy(950, 1900)])
    targets = np.vstack([xy(1150, 1900), xy(950, 500)])
    o, t, m = walker.pairs(origins, targets, 1000)
    got = {(int(a), int(b)): round(float(c)) for a, b, c in zip(o, t, m, strict=True)}
    # (950, 1900) joins at the bridge corner (100 m), crosses (200 m), leaves 100 m from the
    # far corner: 400 m; (950, 0) walks 500 m up its bank; the other two pairs are too far
    assert got == {(0, 1): 500, (1, 0): 400}


def test_main_streets_for_the_town_map(river):
    west, south = lonlat(-100, -100)
    east, north = lonlat(3000, 3000)
    lines = main_street_lines(river, (west, south, east, north))
    assert [(line.kind, line.name) for line in lines] == [("motorway", "A 4"), ("primary", "Ostufer")]
    polylines = main_streets(river, (west, south, east, north))
    assert polylines[1][0] == pytest.approx(lonlat(1150, 0), abs=1e-7)
    assert len(polylines[1]) == 5
    # clipped to the box: the motorway ends at its edge
    cut_east, _ = lonlat(1050, 0)
    clipped = main_streets(river, (west, south, cut_east, north))
    assert [len(p) for p in clipped] == [3]
    assert clipped[0][-1][0] == pytest.approx(cut_east, abs=1e-9)


@pytest.mark.parametrize(("tags", "walkable"), [
    ({"highway": "footway"}, True),
    ({"highway": "residential"}, True),
    ({"highway": "motorway"}, False),
    ({"highway": "trunk"}, False),
    ({"highway": "trunk", "foot": "yes"}, True),
    ({"highway": "service", "access": "private"}, False),
    ({"highway": "service", "access": "private", "foot": "yes"}, True),
    ({"highway": "cycleway", "foot": "no"}, False),
    ({"highway": "primary", "foot": "use_sidepath"}, False),
    ({"highway": "construction"}, False),
])
def test_walkable_ways(tags, walkable):
    assert is_walkable(tags) is walkable


@pytest.mark.parametrize(("content", "message"), [
    (b"", "leer"),
    (b"\x00\x01garbage", "kein lesbarer OSM-Auszug"),
    (b'<?xml version="1.0"?><osm version="0.6"><node id="1" lat="50" lon="6"/></osm>',
     "keine begehbaren Wege"),
])
def test_a_broken_extract_is_a_problem_with_the_file_named(tmp_path, content, message):
    path = tmp_path / "stadt.osm.pbf" if content.startswith(b"\x00") else tmp_path / "stadt.osm"
    path.write_bytes(content)
    network, problems = load_street_network(path, METRIC_CRS, "content/stadt.osm")
    assert network is None
    assert [p.file for p in problems] == ["content/stadt.osm"]
    assert message in problems[0].message
