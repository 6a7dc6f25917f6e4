"""A town map for print, drawn from the district polygons and the offers' coordinates.

No tiles are downloaded: the Sozialräume are outlined and named, each offer is a pictogram in
its category colour with the number it has in the list. Confidential places never appear.
A local equirectangular projection (longitude scaled by cos(latitude)) is exact enough for a
town.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely.geometry import MultiPolygon, Point, Polygon

from .icons import draw_icon


@dataclass
class MapPoint:
    """One numbered offer on the map."""

    number: int
    lat: float
    lon: float
    color: str
    icon: str


def _polygons(geometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    return [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon)]


class TownMap:
    """Fits districts and points into a box of ``width`` × ``height`` points."""

    def __init__(self, districts, points: list[MapPoint], width: float, height: float,
                 bounds: tuple[float, float, float, float] | None = None):
        self.districts = list(districts)
        self.points = points
        lons, lats = [], []
        if bounds is not None:  # a detail map: fit these (west, south, east, north)
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

    def dense_area(self, minimum: int = 5) -> tuple[str, tuple[float, float, float, float]] | None:
        """The district holding the most points, when a detail map of it would help.

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

    def _label_box(self, px, py, r, tw, size, taken) -> tuple[float, float, float, float]:
        """A free spot for a number label beside its marker (greedy, first that fits)."""
        w, h = tw + 1.4, size + 0.8
        candidates = [
            (px + r, py), (px - r - w, py), (px - w / 2, py + r), (px - w / 2, py - r - h),
            (px + r, py + r), (px - r - w, py + r), (px + r, py - r - h), (px - r - w, py - r - h),
            (px + r + w, py), (px - r - 2 * w, py), (px - w / 2, py + r + h),
            (px - w / 2, py - r - 2 * h),
        ]
        for x, y in candidates:
            box = (x, y - h / 2 + 0.2, x + w, y + h / 2 + 0.2)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= self.width and box[3] <= self.height
            if inside and not any(_overlap(box, other) for other in taken):
                return box
        x, y = candidates[0]
        return (x, y - h / 2, x + w, y + h / 2)

    def draw(self, c, x: float, y: float, ink, pen, marker: float,
             detail: tuple[float, float, float, float] | None = None) -> None:
        """Draw the map with its lower-left corner at (x, y); ``detail`` outlines an area."""
        c.saveState()
        c.translate(x, y)
        c.setStrokeColor(ink.rule)
        c.setLineWidth(0.3)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        clip = c.beginPath()
        clip.rect(0, 0, self.width, self.height)
        c.clipPath(clip, stroke=0, fill=0)
        c.setLineWidth(0.8)
        c.setLineJoin(1)
        for district in self.districts:
            for poly in _polygons(district.geometry):
                path = c.beginPath()
                for ring in [poly.exterior, *poly.interiors]:
                    coords = list(ring.coords)
                    path.moveTo(*self.xy(*coords[0][:2]))
                    for lon, lat, *_ in coords[1:]:
                        path.lineTo(*self.xy(lon, lat))
                    path.close()
                c.setFillColor(ink.tint)
                c.setStrokeColor(ink.grey)
                c.drawPath(path, stroke=1, fill=1, fillMode=0)
        for district in self.districts:
            spot = district.geometry.representative_point()
            lx, ly = self.xy(spot.x, spot.y)
            if not (0 <= lx <= self.width and 0 <= ly <= self.height):
                continue
            size = 7
            w = pen.measure(district.name, size, True)
            pen.line(lx - w / 2, ly - size * 0.35, w, district.name, size, True,
                     color=ink.grey, align="center")
        if detail is not None:
            x0, y0 = self.xy(detail[0], detail[1])
            x1, y1 = self.xy(detail[2], detail[3])
            c.setStrokeColor(ink.black)
            c.setLineWidth(0.6)
            c.setDash(2, 1.5)
            c.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
            c.setDash()
        ordered = sorted(self.points, key=lambda q: (-q.lat, q.lon, q.number))
        spots = [self.xy(p.lon, p.lat) for p in ordered]
        r = marker / 2
        taken = [(x - r, y - r, x + r, y + r) for x, y in spots]
        for p, (px, py) in zip(ordered, spots, strict=True):
            c.setFillColor(ink.hex(p.color))
            c.setStrokeColor(ink.white)
            c.setLineWidth(0.8)
            c.circle(px, py, r, stroke=1, fill=1)
            draw_icon(c, p.icon, px, py, marker * 0.62, ink.white)
        size = marker * 0.62
        for p, (px, py) in zip(ordered, spots, strict=True):
            number = str(p.number)
            tw = pen.measure(number, size, True)
            box = self._label_box(px, py, r, tw, size, taken)
            taken.append(box)
            c.setFillColor(ink.white)
            c.roundRect(box[0], box[1], box[2] - box[0], box[3] - box[1], 1.0, stroke=0, fill=1)
            pen.ltr(box[0] + 0.7, box[1] + 1.1, tw, number, size, True, align="start"
                    if not pen.rtl else "end")
        c.restoreState()


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
