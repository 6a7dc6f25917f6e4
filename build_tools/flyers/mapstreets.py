"""The street layer of a printed town map: streets from the town's OSM extract, the names of a
few main streets, and stations as landmarks.

Streets lie under everything else: the other walkable streets as thin light-grey lines, main
streets wider, white with a grey casing (motorways darker), so the offers' coloured markers stay
what the eye finds first. Names come after the markers have been placed: along a straight
stretch of the longest main streets, never on a marker, a leader line, the scale bar or another
name — where none fits, the street stays unnamed. A station is a small black square with its
name beside it where there is room. Everything is in map points (the map's lower-left corner
is the origin); geometries come in already projected and clipped to the map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import substring

from .mapdecor import Box, overlap

MINOR = "#cfcfcf"
"""Minor streets: light grey, thin."""
MINOR_WIDTH = 0.35
WIDTHS = {  # kind → (casing, inner) in points
    "motorway": (2.6, 1.7), "trunk": (2.4, 1.6), "primary": (2.3, 1.5),
    "secondary": (2.0, 1.3), "tertiary": (1.5, 0.9),
}
CASING = {"motorway": "#6f6f6f", "trunk": "#8a8a8a"}
"""Casing colour by kind (others: the map's rule grey)."""
INNER = {"motorway": "#bdbdbd", "trunk": "#e0e0e0"}
NAME_SIZE = 5.4
MAX_NAMES = 6
"""At most this many street names on one map: a map, not a street index."""
STRAIGHT = 1.2
"""A name sits on a stretch that leaves its chord by at most this many points."""
LANDMARK = 3.0
"""Side of a station square."""


@dataclass(frozen=True)
class MapStreet:
    """One projected street: kind, name and its line in map points."""

    kind: str
    name: str
    line: LineString


def draw_streets(c, ink, minor: list[LineString], main: list[MapStreet]) -> None:
    """Minor streets as one thin grey path, then every main street's casing, then its inner
    line (casings first, so crossings join cleanly)."""
    if minor:
        c.setLineCap(1)
        c.setLineJoin(1)
        c.setStrokeColor(ink.hex(MINOR))
        c.setLineWidth(MINOR_WIDTH)
        _stroke(c, minor)
    for layer in (0, 1):
        for kind in ("tertiary", "secondary", "primary", "trunk", "motorway"):
            lines = [s.line for s in main if s.kind == kind]
            if not lines:
                continue
            casing, inner = WIDTHS[kind]
            c.setLineWidth(casing if layer == 0 else inner)
            c.setStrokeColor(ink.hex(CASING[kind]) if layer == 0 and kind in CASING
                             else ink.rule if layer == 0
                             else ink.hex(INNER[kind]) if kind in INNER else ink.white)
            _stroke(c, lines)


def _stroke(c, lines: list[LineString]) -> None:
    path = c.beginPath()
    for line in lines:
        coords = list(line.coords)
        path.moveTo(*coords[0][:2])
        for px, py, *_ in coords[1:]:
            path.lineTo(px, py)
    c.drawPath(path, stroke=1, fill=0)


def draw_street_names(c, ink, pen, main: list[MapStreet], width: float, height: float,
                      taken: list[Box], leaders: list[LineString]) -> list[tuple[str, Polygon]]:
    """Names of the longest named main streets along a straight stretch of each; (name, area)
    of every name printed (the turned rectangle; its axis-aligned box joins ``taken``)."""
    length: dict[str, float] = {}
    for street in main:
        if street.name and street.kind != "motorway":
            length[street.name] = length.get(street.name, 0.0) + street.line.length
    ranked = sorted(length, key=lambda n: (-length[n], n))
    placed: list[tuple[str, Polygon]] = []
    shapes = []
    for name in ranked:
        if len(placed) >= MAX_NAMES:
            break
        lines = sorted((s.line for s in main if s.name == name), key=lambda g: -g.length)
        found = None
        for line in lines:
            found = _name_spot(pen, name, line, width, height, taken, leaders, shapes)
            if found is not None:
                break
        if found is None:
            continue
        (mx, my), angle, area = found
        shapes.append(area)
        taken.append(area.bounds)
        placed.append((name, area))
        w = pen.measure(name, NAME_SIZE)
        c.saveState()
        c.translate(mx, my)
        c.rotate(angle)
        c.setFillColor(ink.white)
        c.roundRect(-w / 2 - 1, -NAME_SIZE * 0.42, w + 2, NAME_SIZE * 1.05, 1, stroke=0, fill=1)
        pen.line(-w / 2, -NAME_SIZE * 0.3, w, name, NAME_SIZE, color=ink.grey, align="center")
        c.restoreState()
    return placed


def _name_spot(pen, name: str, line: LineString, width: float, height: float,
               taken: list[Box], leaders: list[LineString], shapes: list):
    """((x, y), degrees, turned box) of the first free straight stretch of ``line`` that holds
    the name, from its middle outwards; None when there is none."""
    need = pen.measure(name, NAME_SIZE) + 4
    if line.length < need:
        return None
    frame = box(1, 1, width - 1, height - 1)
    starts = [line.length / 2 - need / 2]
    step = 3.0
    for k in range(1, int(line.length / step) + 1):
        starts += [starts[0] - k * step, starts[0] + k * step]
    for start in starts:
        if start < 0 or start + need > line.length:
            continue
        piece = substring(line, start, start + need)
        a, b = piece.coords[0], piece.coords[-1]
        chord = LineString([a, b])
        if max(Point(p).distance(chord) for p in piece.coords) > STRAIGHT:
            continue
        angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        if angle > 90:  # never upside down
            angle -= 180
        elif angle < -90:
            angle += 180
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        area = affinity.rotate(box(mx - need / 2, my - NAME_SIZE * 0.5, mx + need / 2,
                                   my + NAME_SIZE * 0.6), angle, origin=(mx, my))
        if not frame.contains(area):
            continue
        if any(overlap(area.bounds, other) and area.intersects(box(*other)) for other in taken):
            continue
        if any(area.intersects(other) for other in shapes):
            continue
        if any(area.intersects(leader) for leader in leaders):
            continue
        return (mx, my), angle, area
    return None


def draw_landmarks(c, ink, pen, landmarks: list[tuple[str, float, float]], width: float,
                   height: float, taken: list[Box]) -> list[tuple[str, Box]]:
    """Each station inside the map where neither its square nor its name (to the right, else
    to the left) would cover something else: a black square and the name on white; (name,
    box) of the square and of the name of each one drawn. A square without its name would
    only puzzle a reader, so a station without room stays off."""
    drawn = []
    half = LANDMARK / 2
    for name, x, y in landmarks:
        square = (x - half, y - half, x + half, y + half)
        if not (half < x < width - half and half < y < height - half):
            continue
        if any(overlap(square, other) for other in taken):
            continue
        w = pen.measure(name, NAME_SIZE) + 2
        h = NAME_SIZE + 1.6
        for left in (x + half + 1, x - half - 1 - w):
            spot = (left, y - h / 2, left + w, y + h / 2)
            if spot[0] < 0.5 or spot[2] > width - 0.5 or spot[1] < 0.5 or spot[3] > height - 0.5:
                continue
            if not any(overlap(spot, other) for other in taken):
                break
        else:
            continue
        c.setFillColor(ink.black)
        c.setStrokeColor(ink.white)
        c.setLineWidth(0.5)
        c.rect(square[0], square[1], LANDMARK, LANDMARK, stroke=1, fill=1)
        c.setFillColor(ink.white)
        c.roundRect(spot[0], spot[1], w, h, 1, stroke=0, fill=1)
        pen.line(spot[0] + 1, y - NAME_SIZE * 0.35, w - 2, name, NAME_SIZE, color=ink.black)
        taken += [square, spot]
        drawn += [(name, square), (name, spot)]
    return drawn
