"""A town map for print, drawn from the district polygons and the offers' coordinates.

No tiles are downloaded. Layers, bottom up: the Sozialräume (outlined, tinted), the streets of
the town's OSM extract when it has one (:mod:`.mapstreets`: minor streets thin and grey, main
streets wider), the close-up frame, scale bar and north arrow, then the markers — a circle in
the category colour with the offer's list number, spread apart where they crowd
(:mod:`.mapmarkers`) — then the names of a few main streets and the stations, and last the
district names, each put where no marker, leader line or other name is. Confidential places never
appear. A local equirectangular projection (longitude scaled by cos(latitude)) is exact enough
for a town; shapes are clipped to the map's frame before they are drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shapely import affinity
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box

from .mapdecor import draw_district_names, draw_furniture
from .mapmarkers import DOT, Marker, Placer, Spot, number_ranges
from .mapstreets import MapStreet, draw_landmarks, draw_street_names, draw_streets

if TYPE_CHECKING:
    from ..planning.travel.network import TownStreets

METRES_PER_DEGREE = 111_320.0


@dataclass
class MapPoint:
    """One numbered offer on the map."""

    number: int
    lat: float
    lon: float
    color: str
    icon: str
    label: str = ""
    """The category's name, for the legend."""


@dataclass(frozen=True)
class CloseUp:
    """The frame of a close-up map on the overview: its area, and what its badge says."""

    bounds: tuple[float, float, float, float]
    caption: str


@dataclass(frozen=True)
class MapStyle:
    """Sizes on the map, in points."""

    marker: float
    """Smallest marker diameter (grows to hold the longest number)."""
    number_size: float = 6.5
    name_size: float = 7.0
    gap: float = 1.0


def _polygons(geometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry] if not geometry.is_empty else []
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    return [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon)]


def _lines(geometry) -> list[LineString]:
    if isinstance(geometry, LineString):
        return [geometry] if not geometry.is_empty else []
    if isinstance(geometry, MultiLineString):
        return list(geometry.geoms)
    return [g for g in getattr(geometry, "geoms", []) if isinstance(g, LineString)]


class TownMap:
    """Fits districts and points into a box of ``width`` × ``height`` points."""

    def __init__(self, districts, points: list[MapPoint], width: float, height: float,
                 bounds: tuple[float, float, float, float] | None = None,
                 streets: TownStreets | None = None):
        self.districts = list(districts)
        self.points = points
        self.streets = streets
        """The town's streets (lon/lat); drawn under the markers when given."""
        lons, lats = [], []
        if bounds is not None:  # a close-up map: fit these (west, south, east, north)
            lons, lats = [bounds[0], bounds[2]], [bounds[1], bounds[3]]
            self.points = [p for p in points if bounds[0] <= p.lon <= bounds[2]
                           and bounds[1] <= p.lat <= bounds[3]]
        for district in self.districts if bounds is None else []:
            minx, miny, maxx, maxy = district.geometry.bounds
            lons += [minx, maxx]
            lats += [miny, maxy]
        for p in points if bounds is None else []:
            lons.append(p.lon)
            lats.append(p.lat)
        if not lons:
            lons, lats = [0.0, 0.001], [0.0, 0.001]
        self.kx = math.cos(math.radians((min(lats) + max(lats)) / 2))
        x0, x1 = min(lons) * self.kx, max(lons) * self.kx
        y0, y1 = min(lats), max(lats)
        span = max(x1 - x0, y1 - y0, 1e-6)
        pad = span * 0.03
        x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
        self.scale = min(width / (x1 - x0), height / (y1 - y0))
        self.ox = (width - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        self.oy = (height - (y1 - y0) * self.scale) / 2 - y0 * self.scale
        self.width, self.height = width, height
        self.frame = box(0, 0, width, height)

    # ----- geometry ---------------------------------------------------------------------
    def dense_area(self, minimum: int = 5) -> tuple[str, tuple[float, float, float, float]] | None:
        """The district holding the most points, when a close-up of it would help.

        Worth it when it holds at least ``minimum`` points on under a quarter of the map.
        """
        best = None
        for district in self.districts:
            minx, miny, maxx, maxy = district.geometry.bounds
            inside = [p for p in self.points
                      if district.geometry.covers(Point(p.lon, p.lat))]
            if best is None or len(inside) > best[0]:
                best = (len(inside), district.name, (minx, miny, maxx, maxy))
        if best is None or best[0] < minimum:
            return None
        minx, miny, maxx, maxy = best[2]
        x0, y0 = self.xy(minx, miny)
        x1, y1 = self.xy(maxx, maxy)
        if (x1 - x0) * (y1 - y0) > 0.25 * self.width * self.height:
            return None
        pad_x, pad_y = (maxx - minx) * 0.08, (maxy - miny) * 0.08
        return best[1], (minx - pad_x, miny - pad_y, maxx + pad_x, maxy + pad_y)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        """Map coordinates (points) of a position."""
        return lon * self.kx * self.scale + self.ox, lat * self.scale + self.oy

    def projected(self, geometry):
        """A lon/lat geometry in map points, clipped to the map's frame."""
        shape = affinity.affine_transform(
            geometry, [self.kx * self.scale, 0, 0, self.scale, self.ox, self.oy])
        return shape.intersection(self.frame)

    def metres_per_point(self) -> float:
        """Ground distance of one point on the map."""
        return METRES_PER_DEGREE / self.scale

    @staticmethod
    def inside(bounds: tuple[float, float, float, float], p: MapPoint) -> bool:
        """True when the point lies in (west, south, east, north)."""
        return bounds[0] <= p.lon <= bounds[2] and bounds[1] <= p.lat <= bounds[3]

    # ----- drawing ----------------------------------------------------------------------
    def draw(self, c, x: float, y: float, ink, pen, style: MapStyle,
             close_up: CloseUp | None = None) -> MapDrawing:
        """Draw the map with its lower-left corner at (x, y); returns what went where.

        With ``close_up`` the points inside its area are left out for one badge in its
        dashed frame that says where the close-up is.
        """
        drawing = MapDrawing()
        c.saveState()
        c.translate(x, y)
        c.setStrokeColor(ink.rule)
        c.setLineWidth(0.3)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        self._draw_districts(c, ink)
        minor, main = self.street_lines()
        draw_streets(c, ink, minor, main)
        fixed: list[Marker] = []
        points = self.points
        if close_up is not None:
            frame = self._draw_close_up_frame(c, ink, close_up)
            inside = [p for p in points if self.inside(close_up.bounds, p)]
            points = [p for p in points if not self.inside(close_up.bounds, p)]
            fixed.append(self._close_up_badge(pen, frame, close_up, len(inside)))
        radius = self._marker_radius(pen, points, style)
        placer = Placer(self.width, self.height, radius, style.gap,
                        lambda text: self._badge_size(pen, text, style))
        spots = [Spot(p.number, *self.xy(p.lon, p.lat), p.color) for p in points]
        markers = placer.place(spots, fixed)
        drawing.markers = markers + fixed
        taken = [m.box(style.gap) for m in drawing.markers]
        taken += draw_furniture(c, ink, pen, self.width, self.height, self.metres_per_point(),
                                taken)
        for marker in fixed:
            self._draw_fixed(c, ink, pen, marker, style)
        self._draw_leaders(c, ink, markers, radius)
        taken += [self._dot_box(m, radius) for m in markers if m.moved]
        for marker in markers:
            self._draw_marker(c, ink, pen, marker, style)
        leaders = [LineString([m.anchor, (m.x, m.y)]) for m in markers if m.moved]
        if self.streets is not None:
            landmarks = [(name, *self.xy(lon, lat)) for name, lon, lat in self.streets.landmarks]
            drawing.landmarks = draw_landmarks(c, ink, pen, landmarks, self.width, self.height,
                                               taken)
            drawing.streets = draw_street_names(c, ink, pen, main, self.width, self.height,
                                                taken, leaders)
        shapes, exclaves = [], []
        for district in self.districts:
            parts = sorted(_polygons(self.projected(district.geometry)),
                           key=lambda part: (-part.area, part.bounds))
            if parts:  # the largest part carries the name; an exclave too, where it fits
                shapes.append((district.name, parts[0]))
                exclaves += [(district.name, part) for part in parts[1:]]
        drawing.labels = draw_district_names(c, ink, pen, shapes, self.width, self.height,
                                             style.name_size, taken, leaders)
        drawing.labels += draw_district_names(c, ink, pen, exclaves, self.width, self.height,
                                              style.name_size - 1, taken, leaders, inside=True)
        c.restoreState()
        return drawing

    def _draw_districts(self, c, ink) -> None:
        c.setLineWidth(0.8)
        c.setLineJoin(1)
        for district in self.districts:
            for poly in _polygons(self.projected(district.geometry)):
                path = c.beginPath()
                for ring in [poly.exterior, *poly.interiors]:
                    coords = list(ring.coords)
                    path.moveTo(*coords[0][:2])
                    for px, py, *_ in coords[1:]:
                        path.lineTo(px, py)
                    path.close()
                c.setFillColor(ink.tint)
                c.setStrokeColor(ink.grey)
                c.drawPath(path, stroke=1, fill=1, fillMode=0)

    def street_lines(self) -> tuple[list[LineString], list[MapStreet]]:
        """The streets in map points, clipped to the map: minor lines and main streets."""
        if self.streets is None:
            return [], []
        minor = _lines(self.projected(self.streets.minor).simplify(0.25))
        main = []
        for street in self.streets.main:
            for line in _lines(self.projected(LineString(street.points))):
                if line.length > 0.5:
                    main.append(MapStreet(street.kind, street.name, line))
        return minor, main

    def _draw_close_up_frame(self, c, ink, close_up: CloseUp) -> tuple[float, float, float, float]:
        x0, y0 = self.xy(close_up.bounds[0], close_up.bounds[1])
        x1, y1 = self.xy(close_up.bounds[2], close_up.bounds[3])
        x0, y0 = max(x0, 0.0), max(y0, 0.0)
        x1, y1 = min(x1, self.width), min(y1, self.height)
        c.setStrokeColor(ink.black)
        c.setLineWidth(0.6)
        c.setDash(2, 1.5)
        c.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
        c.setDash()
        return x0, y0, x1, y1

    def _close_up_badge(self, pen, frame, close_up: CloseUp, count: int) -> Marker:
        lines = close_up.caption.format(n=count).split("\n")
        size = 6.5
        w = max(pen.measure(line, size, True) for line in lines) + 3
        h = len(lines) * size * 1.2 + 2.5
        cx, cy = (frame[0] + frame[2]) / 2, (frame[1] + frame[3]) / 2
        cx = min(max(cx, w / 2 + 1), self.width - w / 2 - 1)
        cy = min(max(cy, h / 2 + 1), self.height - h / 2 - 1)
        return Marker((), cx, cy, w / 2, h / 2, fixed=True, text="\n".join(lines))

    def _draw_fixed(self, c, ink, pen, marker: Marker, style: MapStyle) -> None:
        left, bottom, right, top = marker.box()
        c.setFillColor(ink.white)
        c.setStrokeColor(ink.black)
        c.setLineWidth(0.6)
        c.roundRect(left, bottom, right - left, top - bottom, 1.5, stroke=1, fill=1)
        size = 6.5
        lines = marker.text.split("\n")
        y = top - 1.25 - size * 0.8
        for line in lines:
            pen.line(left, y, right - left, line, size, True, align="center")
            y -= size * 1.2

    def _marker_radius(self, pen, points: list[MapPoint], style: MapStyle) -> float:
        widest = max((pen.measure(str(p.number), style.number_size, True) for p in points),
                     default=0.0)
        return max(style.marker, widest + 2.6) / 2

    def _badge_size(self, pen, text: str, style: MapStyle) -> tuple[float, float]:
        lines = _badge_lines(text)
        w = max(pen.measure(line, style.number_size, True) for line in lines) + 3
        return w, len(lines) * style.number_size * 1.2 + 2.4

    def _dot_box(self, marker: Marker, radius: float) -> tuple[float, float, float, float]:
        ax, ay = marker.anchor
        r = radius * DOT + 0.5
        return ax - r, ay - r, ax + r, ay + r

    def _draw_leaders(self, c, ink, markers: list[Marker], radius: float) -> None:
        colors: dict[tuple[float, float], set[str]] = {}
        for marker in markers:
            if marker.moved:
                colors.setdefault(marker.anchor, set()).update(s.color for s in marker.spots)
        for marker in markers:
            if not marker.moved:
                continue
            ax, ay = marker.anchor
            c.setStrokeColor(ink.black)
            c.setLineWidth(0.5)
            c.line(ax, ay, marker.x, marker.y)
            shared = len(colors[marker.anchor]) > 1  # one dot for offers of several colours
            c.setFillColor(ink.black if marker.combined or shared
                           else ink.hex(marker.spots[0].color))
            c.setStrokeColor(ink.white)
            c.setLineWidth(0.4)
            c.circle(ax, ay, radius * DOT, stroke=1, fill=1)

    def _draw_marker(self, c, ink, pen, marker: Marker, style: MapStyle) -> None:
        if marker.combined:
            left, bottom, right, top = marker.box()
            c.setFillColor(ink.white)
            c.setStrokeColor(ink.black)
            c.setLineWidth(0.8)
            c.roundRect(left, bottom, right - left, top - bottom, 1.5, stroke=1, fill=1)
            lines = _badge_lines(number_ranges(marker.numbers))
            y = top - 1.2 - style.number_size * 0.8
            for line in lines:
                pen.ltr(left, y, right - left, line, style.number_size, True, align="center")
                y -= style.number_size * 1.2
            return
        spot = marker.spots[0]
        c.setFillColor(ink.hex(spot.color))
        c.setStrokeColor(ink.white)
        c.setLineWidth(0.8)
        c.circle(marker.x, marker.y, marker.half_w, stroke=1, fill=1)
        pen.ltr(marker.x - marker.half_w, marker.y - style.number_size * 0.36,
                2 * marker.half_w, str(spot.number), style.number_size, True, ink.white,
                align="center")

@dataclass
class MapDrawing:
    """What one map drew where (map points): for the legend and for tests."""

    markers: list[Marker] | None = None
    labels: list[tuple[str, tuple[float, float, float, float]]] | None = None
    streets: list[tuple[str, Polygon]] | None = None
    """Street names printed, each with the turned rectangle it covers (None: no streets)."""
    landmarks: list[tuple[str, tuple[float, float, float, float]]] | None = None
    """Station squares and their names, with their boxes."""


def _badge_lines(text: str, per_line: int = 4) -> list[str]:
    parts = text.split(", ")
    return [", ".join(parts[i:i + per_line]) for i in range(0, len(parts), per_line)] or [""]
