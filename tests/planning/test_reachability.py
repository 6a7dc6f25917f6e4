"""Reachability on synthetic geometry; expected values computed by hand (formulas below).

Buffers are 64-gons (16 segments per quarter), whose area is 0.16 % below the circle's, so
shares are compared with a relative tolerance of 0.5 %.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
import shapely

from build_tools.config import METRIC_CRS
from build_tools.planning.analysis import analyse
from build_tools.planning.method import method_paragraphs
from build_tools.planning.population import load_population_grid

from .synthetic import make_catalog, make_offer

REL = 5e-3


def figures(catalog):
    return analyse(catalog, catalog.config.planning)


def test_square_with_one_offer_in_the_corner(square):
    result = figures(make_catalog({"eck": (square, 10_000)}, [make_offer("a", "essen", (0, 0))]))
    reach = result.reach[("eck", "essen")]
    # Quarter circles of radius 500 m and 1 km inside a 1 km² square; 2 km covers the far
    # corner (√2 km away) too.
    assert reach.shares[500] == pytest.approx(math.pi * 500**2 / 4 / 1e6, rel=REL)  # 0.196
    assert reach.shares[1000] == pytest.approx(math.pi / 4, rel=REL)  # 0.785
    assert reach.shares[2000] == 1.0
    # Centre (500, 500) to the corner: 500·√2 = 707.1 m; walking 707.1 × 1.3 ÷ 75 m/min.
    assert reach.nearest_m == pytest.approx(500 * math.sqrt(2), abs=0.01)
    assert reach.walking_min == pytest.approx(500 * math.sqrt(2) * 1.3 / 75, abs=0.01)
    assert not reach.flagged  # default threshold 1 km
    assert result.coverage[("eck", "essen")].count == 1
    assert result.coverage[("eck", "essen")].per_10k == 1.0


def test_district_with_a_hole_and_an_offer_in_the_hole():
    ring = shapely.box(0, 0, 2000, 2000).difference(shapely.box(1200, 1200, 1800, 1800))
    island = shapely.box(1200, 1200, 1800, 1800)
    catalog = make_catalog(
        {"ring": (ring, 5000), "insel": (island, 100)},
        [make_offer("a", "essen", (1500, 1500))],
        options={"distances_m": [250, 500, 2200]},
    )
    result = figures(catalog)
    reach = result.reach[("ring", "essen")]
    area = 2000**2 - 600**2  # 3.64 km²
    assert result.district("ring").area_km2 == pytest.approx(area / 1e6, rel=1e-9)
    # 250 m stays inside the 600 m hole: nothing of the ring is reached.
    assert reach.shares[250] == 0.0
    # 500 m: the circle touches the outer edge (500 m away) and contains the hole.
    assert reach.shares[500] == pytest.approx((math.pi * 500**2 - 600**2) / area, rel=REL)
    # 2.2 km: the farthest corner (0, 0) is 1500·√2 = 2121 m away.
    assert reach.shares[2200] == 1.0
    # The centroid lies in the ring: x = y = (4e6·1000 − 0.36e6·1500) ÷ 3.64e6 = 950.55.
    centre = (4e6 * 1000 - 0.36e6 * 1500) / 3.64e6
    assert reach.nearest_m == pytest.approx((1500 - centre) * math.sqrt(2), abs=0.01)
    # The offer counts for the island, not for the ring: it lies in the hole.
    assert result.coverage[("ring", "essen")].count == 0
    assert result.coverage[("insel", "essen")].count == 1


def test_multipolygon_district(square):
    two_parts = shapely.MultiPolygon([square, shapely.box(3000, 0, 4000, 1000)])
    result = figures(make_catalog({"zwei": (two_parts, None)}, [make_offer("a", "essen", (0, 0))]))
    reach = result.reach[("zwei", "essen")]
    assert result.district("zwei").area_km2 == pytest.approx(2.0)
    assert reach.shares[500] == pytest.approx(math.pi * 500**2 / 4 / 2e6, rel=REL)
    # 2 km reaches all of the first square and nothing of the second (3 km away).
    assert reach.shares[2000] == pytest.approx(0.5, rel=1e-9)
    assert result.coverage[("zwei", "essen")].per_10k is None  # no population


def test_offer_just_across_the_district_line(square):
    east = shapely.box(1000, 0, 2000, 1000)
    catalog = make_catalog(
        {"west": (square, 4000), "ost": (east, 4000)},
        [make_offer("a", "essen", (1010, 500))],
        options={"thresholds_m": {"essen": 500}},
    )
    result = figures(catalog)
    west = result.reach[("west", "essen")]
    # The circle of 500 m around (1010, 500) reaches into the west district as a circular
    # segment cut off by a chord 10 m from the centre: r²·acos(d/r) − d·√(r² − d²).
    r, d = 500, 10
    segment = r**2 * math.acos(d / r) - d * math.sqrt(r**2 - d**2)  # 382 700 m²
    assert west.shares[500] == pytest.approx(segment / 1e6, rel=REL)
    assert west.nearest_m == pytest.approx(510, abs=0.01)
    assert west.flagged  # 510 m > 500 m threshold for "essen"
    assert not result.reach[("ost", "essen")].flagged  # 490 m
    # The matrix still shows the gap: the offer is in "ost".
    assert result.coverage[("west", "essen")].count == 0
    assert result.coverage[("ost", "essen")].count == 1


def test_category_with_no_offers(square):
    catalog = make_catalog(
        {"eck": (square, 1000)}, [make_offer("a", "essen", (0, 0))],
        categories=("essen", "kleidung"),
    )
    result = figures(catalog)
    reach = result.reach[("eck", "kleidung")]
    assert reach.shares == {500: 0.0, 1000: 0.0, 2000: 0.0}
    assert reach.nearest_m is None and reach.walking_min is None
    assert reach.flagged
    assert result.coverage[("eck", "kleidung")].count == 0
    assert result.time["kleidung"].offers == 0
    assert result.time["kleidung"].hours_per_week == 0


def test_confidential_offers_count_but_are_not_mapped(square):
    catalog = make_catalog(
        {"eck": (square, 1000)},
        [make_offer("geheim", "essen", (0, 0), confidential=True, title="Schutzhaus")],
    )
    result = figures(catalog)
    assert result.coverage[("eck", "essen")].count == 1
    assert result.reach[("eck", "essen")].nearest_m == pytest.approx(707.11, abs=0.01)
    assert result.map_points["essen"] == []


def test_closed_and_ended_offers_do_not_count(square):
    catalog = make_catalog(
        {"eck": (square, 1000)},
        [
            make_offer("zu", "essen", (0, 0), status="temporarily_closed"),
            make_offer("weg", "essen", (10, 10), status="ended"),
        ],
    )
    result = figures(catalog)
    assert result.open_offers == 0
    assert result.reach[("eck", "essen")].nearest_m is None


def test_mobile_offer_counts_in_no_district_and_is_listed_on_its_own(square):
    """A bus is nobody's nearest shelter: coverage and reachability agree that the district has
    none; the bus is listed with the districts it serves (tests/planning/test_season.py)."""
    east = shapely.box(1000, 0, 2000, 1000)
    catalog = make_catalog(
        {"west": (square, 1000), "ost": (east, 1000)},
        [make_offer("bus", "essen", None, service_area=["ost"])],
    )
    result = figures(catalog)
    assert result.coverage[("ost", "essen")].count == 0
    assert result.coverage[("west", "essen")].count == 0
    assert result.mobile["essen"] == 1
    assert [(r.offer_id, r.districts) for r in result.roving] == [("bus", ("Ost",))]
    assert result.reach[("ost", "essen")].nearest_m is None  # no fixed place, no distance


def test_population_grid_weights_the_shares(square, tmp_path):
    import json

    from .synthetic import to_lonlat

    people = [((100, 100), 300), ((900, 900), 100), ((5000, 5000), 999)]  # last: outside
    features = [
        {"type": "Feature", "properties": {"population": n},
         "geometry": shapely.geometry.mapping(to_lonlat(shapely.Point(xy)))}
        for xy, n in people
    ]
    (tmp_path / "grid.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    catalog = make_catalog({"eck": (square, 400)}, [make_offer("a", "essen", (0, 0))],
                           options={"population_grid": "grid.geojson"})
    grid, problems = load_population_grid(tmp_path / "grid.geojson", METRIC_CRS, "grid.geojson")
    assert grid is not None, problems
    result = analyse(catalog, catalog.config.planning, grid)
    reach = result.reach[("eck", "essen")]
    # (100, 100) is 141 m from the offer, (900, 900) 1273 m: 300 of 400 people within 1 km.
    assert reach.weighted
    assert reach.shares == {500: 0.75, 1000: 0.75, 2000: 1.0}
    assert result.population_grid == "grid.geojson"


def test_population_grid_errors_name_the_feature(tmp_path):
    (tmp_path / "grid.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
        '"geometry": {"type": "Point", "coordinates": [6.4, 50.8]}}, {"type": "Feature", '
        '"properties": {"population": 3}, "geometry": {"type": "Point", "coordinates": []}}]}',
        encoding="utf-8")
    grid, problems = load_population_grid(tmp_path / "grid.geojson", METRIC_CRS, "grid.geojson")
    assert grid is None
    assert [p.field for p in problems] == ["features[0].properties.population", "features[1].geometry"]
    assert "population muss eine Zahl ≥ 0 sein" in problems[0].format_text()


def test_a_protected_place_without_coordinates_counts_in_its_district_not_in_distances(square):
    from build_tools.schema import Location, Offer

    hidden = Offer(id="schutz", title="Schutzwohnung", summary="Test", category="essen",
                   location=Location(district="eck", confidential=True), last_verified=date(2026, 11, 1))
    catalog = make_catalog({"eck": (square, 400)}, [hidden])
    result = analyse(catalog, catalog.config.planning)
    assert result.coverage[("eck", "essen")].count == 1
    assert result.reach[("eck", "essen")].nearest_m is None
    assert result.unplaced == {"essen": 1} and result.mobile == {"essen": 0}
    assert any("1 geschütztes Angebot ohne Koordinaten zählt in der Versorgung seines "
               "Sozialraums" in p for p in method_paragraphs(result))
