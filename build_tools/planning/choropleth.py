"""What a choropleth map shows, independent of SVG or PDF: classes, legend, frame, hatching."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .analysis import PlanningResult
from .numbers import fmt_number

# Sequential blues (ColorBrewer "Blues", colour-blind safe); zero gets a hatch, not a colour.
CLASS_COLOURS = ("#deebf7", "#9ecae1", "#4292c6", "#08519c")
ZERO_FILL = "#ffffff"
ZERO_HATCH = "#b2182b"
UNKNOWN_FILL = "#d9d9d9"
OUTLINE = "#404040"
POINT = "#111111"


@dataclass(frozen=True)
class Shade:
    """How one district is drawn on a category's map."""

    district_id: str
    name: str
    value: float | None
    """Offers per 10,000 inhabitants (or count when no population is known)."""
    count: int
    fill: str
    zero: bool
    label: str
    """Accessible text: name and figures."""


def uses_rate(result: PlanningResult) -> bool:
    """Maps show offers per 10,000 inhabitants when populations are known, else counts."""
    return result.has_population


def class_bounds(maximum: float) -> list[float]:
    """Upper bounds of four equal classes above zero."""
    if maximum <= 0:
        return [0.0, 0.0, 0.0, 0.0]
    return [maximum * k / 4 for k in range(1, 5)]


def shades(result: PlanningResult, category_id: str) -> tuple[list[Shade], list[tuple[str, str]]]:
    """Districts' fills for one category, and the legend as (fill, text) pairs."""
    rate = uses_rate(result)
    values: dict[str, float | None] = {}
    for d in result.districts:
        cell = result.coverage[(d.id, category_id)]
        values[d.id] = cell.per_10k if rate else float(cell.count)
    maximum = max((v for v in values.values() if v is not None), default=0.0)
    bounds = class_bounds(maximum)
    unit = "je 10.000 Einw." if rate else "Angebote"
    out = []
    for d in result.districts:
        cell = result.coverage[(d.id, category_id)]
        value = values[d.id]
        zero = cell.count == 0
        if zero:
            fill = ZERO_FILL
        elif value is None:
            fill = UNKNOWN_FILL
        else:
            fill = CLASS_COLOURS[next(i for i, b in enumerate(bounds) if value <= b + 1e-9)]
        figures = f"{cell.count} Angebot" + ("" if cell.count == 1 else "e")
        if rate:
            figures += (
                f", {fmt_number(cell.per_10k, 2)} je 10.000 Einwohner"
                if cell.per_10k is not None
                else ", Einwohnerzahl unbekannt"
            )
        if zero:
            figures += " — keine Versorgung im Sozialraum"
        out.append(Shade(d.id, d.name, value, cell.count, fill, zero, f"{d.name}: {figures}"))
    legend = [(ZERO_FILL, "0, kein Angebot (schraffiert)")]
    lower = 0.0
    for colour, upper in zip(CLASS_COLOURS, bounds, strict=True):
        if maximum > 0:
            legend.append((colour, f"über {fmt_number(lower, 1)} bis {fmt_number(upper, 1)} {unit}"))
        lower = upper
    if rate and any(d.population is None for d in result.districts):
        legend.append((UNKNOWN_FILL, "Einwohnerzahl unbekannt"))
    return out, legend


@dataclass(frozen=True)
class Frame:
    """Maps metric coordinates to a drawing of ``width`` × ``height`` (y up or down)."""

    minx: float
    miny: float
    scale: float
    width: float
    height: float

    @classmethod
    def fit(cls, geoms: list, width: float, max_height: float) -> Frame:
        """A frame that fits all geometries into ``width``, keeping the aspect ratio."""
        if not geoms:
            return cls(0.0, 0.0, 1.0, width, max_height)
        minx, miny, maxx, maxy = shapely.total_bounds(np.array(geoms, dtype=object))
        spanx, spany = max(maxx - minx, 1.0), max(maxy - miny, 1.0)
        scale = min(width / spanx, max_height / spany)
        return cls(minx, miny, scale, spanx * scale, spany * scale)

    def contains(self, x: float, y: float) -> bool:
        """True when a metric point falls inside the drawn area (points beyond are left out)."""
        px, py = (x - self.minx) * self.scale, (y - self.miny) * self.scale
        return 0 <= px <= self.width and 0 <= py <= self.height

    def xy(self, x: float, y: float, y_down: bool) -> tuple[float, float]:
        """Drawing coordinates of a metric point."""
        px = (x - self.minx) * self.scale
        py = (y - self.miny) * self.scale
        return px, (self.height - py if y_down else py)


def rings(geom) -> list[list[tuple[float, float]]]:
    """Exterior and interior rings of a (Multi)Polygon, each as a list of coordinates."""
    out = []
    for part in getattr(geom, "geoms", [geom]):
        out.append(list(part.exterior.coords))
        out.extend(list(r.coords) for r in part.interiors)
    return out


def hatch_lines(geom, spacing: float) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Diagonal hatch segments clipped to a polygon by shapely (for renderers without patterns)."""
    minx, miny, maxx, maxy = geom.bounds
    size = (maxx - minx) + (maxy - miny)
    lines = [
        shapely.LineString([(minx + k * spacing, miny), (minx + k * spacing - size, miny + size)])
        for k in range(1, int(2 * size / spacing) + 2)
    ]
    segments = []
    for clipped in shapely.intersection(np.array(lines, dtype=object), geom):
        for part in getattr(clipped, "geoms", [clipped]):
            if part.geom_type == "LineString" and not part.is_empty:
                (x1, y1), (x2, y2) = part.coords[0], part.coords[-1]
                segments.append(((x1, y1), (x2, y2)))
    return segments
