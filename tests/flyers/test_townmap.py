"""The booklet's town map: no marker hides another, every district name is printed where no
marker, leader line or other name is, a scale bar and a north arrow, a close-up for the densest
district, and a streets layer that draws whatever street data it is given."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from shapely.geometry import LineString, MultiLineString, box

from build_tools.build import inspect
from build_tools.clock import build_date
from build_tools.flyers.collection import CollectionFlyer, _Named
from build_tools.flyers.definitions import load_definitions
from build_tools.flyers.mapmarkers import (
    DOT,
    LEADER,
    SPREAD_MAX,
    Marker,
    Placer,
    Spot,
    number_ranges,
)
from build_tools.flyers.page import Metadata, PrintOptions, Sheet
from build_tools.flyers.pen import Pen
from build_tools.flyers.plan import plan_flyers
from build_tools.flyers.townmap import CloseUp, MapStyle, TownMap
from build_tools.planning.travel.network import StreetLine, TownStreets

from ..buildkit import sample_project
from .longcase import LONG_SITE, long_catalog
from .pdfcheck import elements, text

ROOT = Path(__file__).resolve().parents[2]
R = 2.2 * mm
GAP = 1.0


def _placer(width: float = 300, height: float = 300) -> Placer:
    return Placer(width, height, R, GAP, lambda t: (len(t) * 4.0 + 3, 10.0))


def _apart(markers: list[Marker]) -> None:
    """No two markers overlap: circles by their centres, badges by their boxes."""
    for i, a in enumerate(markers):
        for b in markers[i + 1:]:
            if a.combined or b.combined or a.fixed or b.fixed:
                ax0, ay0, ax1, ay1 = a.box()
                bx0, by0, bx1, by1 = b.box()
                assert ax1 <= bx0 + 1e-6 or bx1 <= ax0 + 1e-6 or ay1 <= by0 + 1e-6 or (
                    by1 <= ay0 + 1e-6), (a, b)
            else:
                assert math.hypot(a.x - b.x, a.y - b.y) >= 2 * R - 1e-6, (a.numbers, b.numbers)


def test_markers_in_one_place_spread_on_a_ring_with_leader_lines():
    spots = [Spot(n, 100, 100, "#336699") for n in (4, 5, 10, 17)]
    markers = _placer().place(spots)
    assert sorted(m.numbers[0] for m in markers) == [4, 5, 10, 17]
    _apart(markers)
    for m in markers:
        assert m.moved and m.anchor == (100, 100)  # a leader line back to the true place
        assert math.hypot(m.x - 100, m.y - 100) < 4 * R  # and close to it


def _dots_free(markers: list[Marker], radius: float) -> None:
    """The dot at every moved marker's true place is seen whole: no marker or other dot
    covers it, and its own marker leaves a piece of leader line between them."""
    dot = DOT * radius
    for m in markers:
        if m.fixed or not m.moved:
            continue
        ax, ay = m.anchor
        for other in markers:  # two dots are one, or apart
            if other is not m and other.moved and not other.fixed and other.anchor != m.anchor:
                assert math.dist(other.anchor, m.anchor) >= 2 * dot, (m.numbers, other.numbers)
        for other in markers:
            if other.fixed:
                continue
            if other.combined:
                x0, y0, x1, y1 = other.box()
                inside = x0 - dot < ax < x1 + dot and y0 - dot < ay < y1 + dot
                assert not inside, (m.numbers, other.numbers)
                continue
            keep = other.half_w + dot + (LEADER if other is m else 0.0)
            assert math.hypot(other.x - ax, other.y - ay) >= keep - 1e-6, (m.numbers,
                                                                         other.numbers)


def test_no_marker_covers_a_dot():
    """Two offers in one house each get a leader line to a dot no marker covers (both halves
    of it were hidden once), and a marker nudged onto a neighbour's true place moves off it."""
    pair = _placer().place([Spot(1, 100, 100, "#000000"), Spot(2, 100, 100, "#000000")])
    _dots_free(pair, R)
    assert all(m.moved for m in pair)
    row = [Spot(n, 100 + 2.1 * R * (n % 4), 100 + 0.3 * R * (n // 4), "#000000")
           for n in range(1, 9)]  # a row of places a marker's width apart: nudging needed
    markers = _placer().place(row)
    _apart(markers)
    _dots_free(markers, R)
    near = _placer().place([Spot(1, 100, 100, "#000000"), Spot(2, 100.8, 100, "#000000"),
                            Spot(3, 101.6, 100.4, "#000000")])  # three places a dot apart
    assert len({m.anchor for m in near}) == 1  # share one dot, their middle
    _dots_free(near, R)


def test_markers_far_apart_stay_where_they_are():
    spots = [Spot(1, 50, 50, "#000000"), Spot(2, 200, 200, "#000000")]
    markers = _placer().place(spots)
    assert [(m.x, m.y, m.moved) for m in markers] == [(50, 50, False), (200, 200, False)]


def test_a_crowd_becomes_one_combined_badge():
    spots = [Spot(n, 100 + (n % 3), 100 + (n % 2), "#000000") for n in range(1, SPREAD_MAX + 3)]
    (badge,) = _placer().place(spots)
    assert badge.combined and badge.numbers == list(range(1, SPREAD_MAX + 3))
    assert number_ranges(badge.numbers) == f"1–{SPREAD_MAX + 2}"
    assert number_ranges([4, 5, 6, 9, 11, 12]) == "4–6, 9, 11, 12"


def test_a_marker_under_a_fixed_badge_moves_out_of_it():
    fixed = Marker((), 100, 100, 15, 6, fixed=True, text="16 Angebote")
    markers = _placer().place([Spot(3, 101, 99, "#000000"), Spot(8, 140, 100, "#000000")],
                              [fixed])
    _apart([*markers, fixed])
    assert markers[1].x == 140  # the free one is untouched


def test_markers_stay_inside_the_map():
    spots = [Spot(n, 1, 1, "#000000") for n in (1, 2, 3)]
    for m in _placer(100, 100).place(spots):
        assert m.half_w <= m.x <= 100 - m.half_w and m.half_h <= m.y <= 100 - m.half_h


def _booklet(catalog, definitions, site_url, slug):
    collections, problems = load_definitions(definitions, catalog)
    assert not problems
    options = PrintOptions(site_url=site_url)
    plan = plan_flyers(catalog, collections, options)
    job = next(j for j in plan.jobs if j.path == f"flyers/{slug}.pdf")
    return CollectionFlyer(job.payload, options)


@pytest.fixture(scope="module")
def sample_booklet():
    inputs, problems = inspect(sample_project(), build_date())
    assert inputs is not None, problems
    return _booklet(inputs.catalog, ROOT / "flyers", inputs.settings.site_url,
                    "hilfe-bei-wohnungslosigkeit")


@pytest.fixture(scope="module")
def long_booklet(tmp_path_factory):
    catalog, definitions = long_catalog(tmp_path_factory.mktemp("lang"))
    return _booklet(catalog, definitions, LONG_SITE, "heft-lang")


def _draw(flyer: CollectionFlyer, detail=None, close_up=None, streets=None):
    """One map as the booklet draws it, on a page of its own; (drawing, PDF, map)."""
    points = flyer._map_points()
    overview = flyer._overview(points)
    doc = Sheet(105, 148, PrintOptions(site_url="https://x.example/"), Metadata("t", "a"))
    pen = Pen(doc.canvas, "de", doc.ink)
    districts = [_Named(name, geom) for name, geom in flyer.data.districts]
    townmap = TownMap(districts, points, overview.width, overview.height,
                      bounds=detail[1] if detail else None, streets=streets)
    drawing = townmap.draw(doc.canvas, 7 * mm, 20 * mm, doc.ink, pen, MapStyle(4.4 * mm),
                           close_up=close_up)
    return drawing, doc.finish(), townmap


def _check_map(drawing, townmap, expected_numbers):
    markers = drawing.markers
    shown = sorted(n for m in markers for n in m.numbers)
    assert shown == sorted(expected_numbers)  # every offer once, none twice
    radius = min(m.half_w for m in markers if not m.combined and not m.fixed)
    for i, a in enumerate(markers):
        for b in markers[i + 1:]:
            if a.combined or b.combined or a.fixed or b.fixed:
                ax0, ay0, ax1, ay1 = a.box()
                bx0, by0, bx1, by1 = b.box()
                assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, (a, b)
            else:
                assert math.hypot(a.x - b.x, a.y - b.y) >= 2 * radius - 1e-6, (a, b)
    _dots_free(markers, radius)
    visible = [d.name for d in townmap.districts
               if townmap.projected(d.geometry).area > (12 * mm) ** 2]
    names = [name for name, _ in drawing.labels]
    assert set(visible) <= set(names)
    for name, label in drawing.labels:
        area = box(*label)
        for m in markers:
            assert not area.intersects(box(*m.box())), (name, m.numbers)
        for m in markers:
            if m.moved:
                assert not area.intersects(LineString([m.anchor, (m.x, m.y)])), (name, m)
        for other, other_box in drawing.labels:
            if other != name:
                assert not area.intersects(box(*other_box)) or area.touches(box(*other_box))


def test_sample_overview_and_close_up(sample_booklet):
    points = sample_booklet._map_points()
    detail = sample_booklet._overview(points).dense_area()
    assert detail is not None and detail[0] == "Innenstadt"
    close_up = CloseUp(detail[1], "{n} Angebote\n→ Seite 3")
    drawing, pdf, townmap = _draw(sample_booklet, close_up=close_up)
    outside = [p.number for p in points if not TownMap.inside(detail[1], p)]
    fixed = [m for m in drawing.markers if m.fixed]
    assert len(fixed) == 1 and fixed[0].text.startswith(
        f"{len(points) - len(outside)} Angebote")
    _check_map(drawing, townmap, outside)
    # Nord's exclave inside Ost is named too (beside it: the square is too small for it).
    assert [name for name, _ in drawing.labels].count("Nord") == 2
    words = text(pdf)
    for name in ("West", "Ost", "Süd", "Nord", "Rölsdorf-Feld", "Innenstadt"):
        assert name in words
    assert "km" in words and "N" in words.split()  # scale bar and north arrow

    drawing, pdf, townmap = _draw(sample_booklet, detail=detail)
    inside = [p.number for p in points if TownMap.inside(detail[1], p)]
    _check_map(drawing, townmap, inside)
    assert any(m.moved for m in drawing.markers)  # the stacked ones spread, with leaders
    assert " m" in text(pdf)


def test_long_case_map_spreads_the_house_and_merges_the_crowd(long_booklet):
    points = long_booklet._map_points()
    drawing, pdf, townmap = _draw(long_booklet)
    _check_map(drawing, townmap, [p.number for p in points])
    badges = [m for m in drawing.markers if m.combined]
    assert len(badges) == 1 and len(badges[0].numbers) == 8  # the crowd by the station
    house = [m for m in drawing.markers if not m.combined and m.moved]
    assert len(house) >= 4  # four offers in one house, each with its leader line
    words = " ".join(text(pdf).split())
    assert "Nordwestliche Gartenstadt-Siedlung" in words
    assert "Innenstadt-Bahnhofsviertel und Altstadt-Süd" in words  # on two lines if need be


def test_district_shapes_are_clipped_to_the_map(sample_booklet):
    points = sample_booklet._map_points()
    detail = sample_booklet._overview(points).dense_area()
    _, pdf, townmap = _draw(sample_booklet, detail=detail)
    left, bottom = 7, 20
    right, top = left + townmap.width / mm, bottom + townmap.height / mm
    for element in elements(pdf)[0]:
        if element.kind == "path":
            x0, y0, x1, y1 = element.box
            assert x0 >= left - 0.5 and y0 >= bottom - 0.5 and x1 <= right + 0.5 and (
                y1 <= top + 0.5), element


def test_a_streets_layer_draws_the_streets_it_is_given(sample_booklet):
    points = sample_booklet._map_points()
    lat = sum(p.lat for p in points) / len(points)
    lon = sum(p.lon for p in points) / len(points)
    main = StreetLine("secondary", "Bahnhofstraße", [(lon - 0.01, lat), (lon + 0.01, lat + 0.002)])
    minor = MultiLineString([[(lon - 0.01, lat - 0.004), (lon + 0.01, lat - 0.004)]])
    _, plain, _ = _draw(sample_booklet)
    _, with_street, _ = _draw(sample_booklet, streets=TownStreets((main,), minor))
    paths = [len([e for e in elements(pdf)[0] if e.kind == "path" and e.stroke and not e.fill])
             for pdf in (plain, with_street)]
    assert paths[1] == paths[0] + 3  # the minor streets, the main street's casing and line
