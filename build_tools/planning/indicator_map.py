"""What an indicator map shows, independent of SVG or PDF: classes, fills, marks, names, legend.

A choropleth per indicator: five classes of about equal size (quantiles), drawn in a sequential
orange–red ramp whose lightness falls step by step, so the classes stay apart in greyscale
print; darker always means more need (for a ``higher_is: better`` indicator the ramp turns
round). Unknown values are hatched, not only coloured. On a need map the flagged districts get
a thick outline and their rank as a number — a shape, not a colour. District names are written
where they fit; the table beside the map holds every figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely
from shapely.ops import polylabel

from ..indicators import Indicator, IndicatorSet, Unit
from ..indicators.profile import compared, fmt_value
from .analysis import DistrictInfo, MapPoint, PlanningResult
from .choropleth import Frame
from .need import NeedTable
from .numbers import fmt_number

NEED_COLOURS = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")
"""ColorBrewer OrRd (5): relative luminance 0.89, 0.67, 0.42, 0.24, 0.10."""
UNKNOWN_FILL = "#ffffff"
UNKNOWN_HATCH = "#6b6b6b"
OUTLINE = "#404040"
FLAG_OUTLINE = "#000000"
NAME_FONT = 11.0
RANK_MARKS = 15
"""Flagged districts numbered on a map: the first ranks; the rest keep the thick outline (a
map of 400 districts with 80 numbers would be unreadable)."""
"""Font size of district names on a full-size map (drawing units)."""


@dataclass(frozen=True)
class Area:
    """One district on an indicator map."""

    district_id: str
    name: str
    fill: str
    unknown: bool
    rank: int | None
    """Rank in the need table when the district is flagged (thick outline)."""
    label: str
    """Accessible text: name, value, and why it is marked."""
    numbered: bool = False
    """The rank is written on the map (the first :data:`RANK_MARKS` ranks)."""


@dataclass(frozen=True)
class LegendRow:
    """One legend entry: a swatch and its text."""

    fill: str
    text: str
    unknown: bool = False
    flag: bool = False
    heading: bool = False
    """A line of text above the swatches (the indicator and its unit), no swatch."""


@dataclass(frozen=True)
class IndicatorMap:
    """One map: areas in district order, legend, the category's public offer points."""

    key: str
    title: str
    areas: list[Area]
    legend: list[LegendRow]
    points: list[MapPoint]
    description: str
    """What the map shows, in words (SVG ``desc``, PDF caption)."""


def class_bounds(values: list[float], count: int = len(NEED_COLOURS)) -> list[float]:
    """Upper bounds of up to ``count`` classes holding about equally many districts (at least
    two districts a class: six districts make three classes, not five of one or two)."""
    distinct = sorted(set(values))
    if not distinct:
        return []
    k = min(count, len(distinct), max(1, len(values) // 2))
    ranked = sorted(values)
    bounds = [ranked[math.ceil(len(ranked) * i / k) - 1] for i in range(1, k + 1)]
    return sorted(set(bounds))


def _ramp(bounds: list[float], need_rises: bool) -> list[str]:
    """Colours for the classes, lightest = least need; spread over the whole ramp."""
    n = len(bounds)
    picks = [NEED_COLOURS[round(i * (len(NEED_COLOURS) - 1) / max(n - 1, 1))] for i in range(n)]
    return picks if need_rises else picks[::-1]


def indicator_map(result: PlanningResult, indicators: IndicatorSet, indicator: Indicator,
                  need: NeedTable | None = None) -> IndicatorMap:
    """The map of one indicator; with a need table, its flagged districts and offer points."""
    area_label = result.settings.area_label
    values = {d.id: indicators.value(indicator.id, d.id) for d in result.districts}
    bounds = class_bounds([v for v in values.values() if v is not None])
    fills = _ramp(bounds, indicator.need_rises)
    flagged = {r.district_id: r for r in need.flagged} if need else {}
    areas = []
    for d in result.districts:
        value = values[d.id]
        text = f"{d.name}: {indicator.label} {fmt_value(value, indicator.unit)}"
        row = flagged.get(d.id)
        if row is not None:
            text += f" — Rang {row.rank}: {row.reason}"
        if value is None:
            fill = UNKNOWN_FILL
        else:
            fill = fills[next(k for k, b in enumerate(bounds) if value <= b + 1e-9)]
        areas.append(Area(d.id, d.name, fill, value is None, row.rank if row else None, text,
                          row is not None and row.rank <= RANK_MARKS))
    unit = {"%": "in %", "je 1.000": "je 1.000 Einwohner"}.get(indicator.unit.value, "Anzahl")
    if indicator.base is not None and indicator.unit.scale is not None:
        unit = f"{unit} der {indicators.indicators[indicator.base].label}"
    legend = [LegendRow("", unit, heading=True)]
    lower = None
    for fill, upper in zip(fills, bounds, strict=True):
        shown = fmt_value(upper, indicator.unit)
        legend.append(LegendRow(fill, f"bis {shown}" if lower is None else
                                f"über {fmt_number(lower, 0 if indicator.unit is Unit.count else 1)}"
                                f" bis {shown}"))
        lower = upper
    if any(v is None for v in values.values()):
        legend.append(LegendRow(UNKNOWN_FILL, "keine Angabe (schraffiert)", unknown=True))
    if flagged:
        legend.append(LegendRow(UNKNOWN_FILL, "markiert: hoher Bedarf, wenig Angebot", flag=True))
        numbered = "Zahl im Kreis = Rang in der Tabelle" + (
            f" (die ersten {RANK_MARKS})" if len(flagged) > RANK_MARKS else "")
        legend.append(LegendRow("", f"({numbered})", heading=True))
    year = indicators.year_of(indicator.id)
    atlas = indicators.atlas_value(indicator.id)
    direction = "dunkler: mehr Bedarf" + ("" if indicator.need_rises else
                                          " (hier: niedrigere Werte)")
    description = (
        f"{indicator.label}{f' {year}' if year else ''} ({unit}) je Sozialraum in "
        f"{len(bounds)} Stufen "
        f"mit etwa gleich vielen Sozialräumen, {direction}"
        + (f"; {compared(area_label, atlas.value, indicator.unit)}" if atlas.value is not None
           else "")
        + ("; Punkte: öffentliche Standorte der Kategorie" if need else "")
        + (f"; {len(flagged)} markiert" if flagged else "")
        + ". Die Tabelle enthält dieselben Zahlen."
    )
    key = need.slug if need else f"kennzahl-{indicator.id}"
    title = need_title(need) if need else indicator.label
    points = result.map_points.get(need.category_id, []) if need else []
    return IndicatorMap(key, title, areas, legend, points, description)


def need_title(need: NeedTable) -> str:
    """``Essen/Tafel — Bedarf: SGB-II-Quote`` (no case ending to get wrong)."""
    return f"{need.category_label} — Bedarf: {need.indicator.label}"


@dataclass(frozen=True)
class Anchor:
    """Where a district's name and rank go (metric), and whether the name fits there."""

    x: float
    y: float
    name_fits: bool


class Layout:
    """The geometry shared by every map of one size: frame, label anchors (computed once)."""

    def __init__(self, districts: list[DistrictInfo], width: float, max_height: float,
                 font: float = NAME_FONT):
        self.districts = districts
        self.frame = Frame.fit([d.geometry for d in districts], width, max_height)
        self.font = font
        self._anchors: dict[str, Anchor] | None = None

    @property
    def anchors(self) -> dict[str, Anchor]:
        """District id → anchor (polylabel of its largest part)."""
        if self._anchors is None:
            self._anchors = {d.id: self._anchor(d) for d in self.districts}
        return self._anchors

    def _anchor(self, district: DistrictInfo) -> Anchor:
        geom = district.geometry
        part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        minx, miny, maxx, maxy = part.bounds
        tolerance = max(maxx - minx, maxy - miny) / 50
        point = polylabel(part, tolerance=tolerance) if tolerance > 0 else part.centroid
        scale = self.frame.scale
        # Room for the name: the widest horizontal run through the anchor, inside the part.
        run = shapely.intersection(
            shapely.LineString([(minx - 1, point.y), (maxx + 1, point.y)]), part)
        pieces = [g for g in getattr(run, "geoms", [run]) if not g.is_empty]
        width = max((g.length for g in pieces if g.distance(point) < 1e-6), default=0.0)
        needed = len(district.name) * self.font * 0.56
        fits = width * scale >= needed + 4 and (maxy - miny) * scale >= self.font * 1.6
        return Anchor(point.x, point.y, fits)
