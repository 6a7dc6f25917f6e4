"""The report's maps as ReportLab drawings, from the polygons themselves (no tiles).

Few, large path objects: ReportLab formats every coordinate in Python, so all districts of one
fill share one path, and the rings in drawing coordinates are computed once per map size
(:class:`PdfShapes`) for every map of that size.
"""

from __future__ import annotations

import shapely
from reportlab.graphics.shapes import (
    FILL_EVEN_ODD,
    FILL_NON_ZERO,
    Circle,
    Drawing,
    Line,
    Path,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.lib.units import mm

from ..flyers.fonts import BOLD, REGULAR
from .analysis import PlanningResult
from .choropleth import OUTLINE, POINT, ZERO_FILL, ZERO_HATCH, Frame, hatch_lines, rings, shades
from .indicator_map import FLAG_OUTLINE, UNKNOWN_HATCH, IndicatorMap, Layout

LEGEND_FONT = 7.5


class PdfShapes:
    """Rings of every district in drawing coordinates (y up), for one map size.

    Rings are oriented (outer counter-clockwise, holes clockwise) so that the districts of one
    fill can share one path under the non-zero rule: an exclave inside another district's hole
    stays filled, which the even-odd rule would cut out.
    """

    def __init__(self, layout: Layout):
        self.layout = layout
        frame = layout.frame
        self.rings = {
            d.id: [[frame.xy(x, y, y_down=False) for x, y in ring]
                   for ring in rings(shapely.orient_polygons(d.geometry))]
            for d in layout.districts
        }
        self.geometry = {d.id: d.geometry for d in layout.districts}


def _add_rings(path: Path, ring_list) -> None:
    for ring in ring_list:
        path.moveTo(*ring[0])
        for point in ring[1:]:
            path.lineTo(*point)
        path.closePath()


def _hatch(path: Path, geom, frame: Frame) -> None:
    for a, b in hatch_lines(geom, 2.2 * mm / frame.scale):
        path.moveTo(*frame.xy(*a, y_down=False))
        path.lineTo(*frame.xy(*b, y_down=False))


def _dots(drawing: Drawing, frame: Frame, points, size: float = 3.0) -> None:
    """Points as round-capped dots of one path (a Circle each would be 4 curves)."""
    dots = Path(fillColor=None, strokeColor=colors.HexColor(POINT), strokeWidth=size,
                strokeLineCap=1)
    for point in points:
        if frame.contains(point.x, point.y):
            x, y = frame.xy(point.x, point.y, y_down=False)
            dots.moveTo(x, y)
            dots.lineTo(x + 0.01, y)
    drawing.add(dots)


def _haloed(drawing: Drawing, x: float, y: float, text: str, size: float, font: str = REGULAR
            ) -> None:
    """Centred text with a white halo (four white copies behind it), legible on any fill."""
    for dx, dy in ((-0.7, 0), (0.7, 0), (0, -0.7), (0, 0.7)):
        drawing.add(String(x + dx, y + dy, text, fontName=font, fontSize=size,
                           fillColor=colors.white, textAnchor="middle"))
    drawing.add(String(x, y, text, fontName=font, fontSize=size, textAnchor="middle"))


def indicator_drawing(chart: IndicatorMap, shapes: PdfShapes, *, names: bool = True,
                      legend_below: bool = True) -> Drawing:
    """One indicator map; the legend below the map (or to its right)."""
    layout = shapes.layout
    frame = layout.frame
    rows = chart.legend
    step = LEGEND_FONT + 3.5
    legend_height = step * len(rows) + 4
    width = frame.width if legend_below else frame.width + 70 * mm
    height = frame.height + (legend_height if legend_below else 0)
    height = max(height, legend_height)
    drawing = Drawing(width, height)
    top = height - frame.height  # the map sits at the top when the legend is below
    offset = top if legend_below else height - frame.height

    def moved(ring_list):
        return [[(x, y + offset) for x, y in ring] for ring in ring_list]

    by_fill: dict[str, Path] = {}
    hatch = Path(fillColor=None, strokeColor=colors.HexColor(UNKNOWN_HATCH), strokeWidth=0.5)
    flags = Path(fillColor=None, strokeColor=colors.HexColor(FLAG_OUTLINE), strokeWidth=1.8)
    shifted = Frame(frame.minx, frame.miny - offset / frame.scale, frame.scale, frame.width,
                    frame.height + offset)
    for area in chart.areas:
        path = by_fill.get(area.fill)
        if path is None:
            path = by_fill[area.fill] = Path(
                fillColor=colors.HexColor(area.fill), strokeColor=colors.HexColor(OUTLINE),
                strokeWidth=0.4, fillMode=FILL_NON_ZERO)
        ring_list = moved(shapes.rings[area.district_id])
        _add_rings(path, ring_list)
        if area.unknown:
            _hatch(hatch, shapes.geometry[area.district_id], shifted)
        if area.rank is not None:
            _add_rings(flags, ring_list)
    for fill in sorted(by_fill):
        drawing.add(by_fill[fill])
    drawing.add(hatch)
    drawing.add(flags)
    if chart.points:
        inside = [p for p in chart.points if frame.contains(p.x, p.y)]
        _dots(drawing, shifted, inside, 3.0 if len(inside) < 200 else 1.6)
    for area in chart.areas:
        anchor = layout.anchors[area.district_id]
        x, y = shifted.xy(anchor.x, anchor.y, y_down=False)
        if area.numbered:
            drawing.add(Circle(x, y, 5.5, fillColor=colors.white,
                               strokeColor=colors.HexColor(FLAG_OUTLINE), strokeWidth=1.2))
            drawing.add(String(x, y - 2.6, str(area.rank), fontName=BOLD, fontSize=7.5,
                               textAnchor="middle"))
            y -= 11
        if names and anchor.name_fits:
            _haloed(drawing, x, y - 2.5, area.name, layout.font)
    lx = 0 if legend_below else frame.width + 6 * mm
    y = (legend_height - step) if legend_below else height - step
    for row in rows:
        if row.heading:
            drawing.add(String(lx, y + 1, row.text, fontName=BOLD if row is rows[0] else REGULAR,
                               fontSize=LEGEND_FONT))
        else:
            stroke = colors.HexColor(FLAG_OUTLINE if row.flag else OUTLINE)
            drawing.add(Rect(lx, y, 10, 8, fillColor=colors.HexColor(row.fill),
                             strokeColor=stroke, strokeWidth=1.6 if row.flag else 0.4))
            if row.unknown:
                for k in range(0, 10, 3):
                    drawing.add(Line(lx + k, y, lx + min(k + 8, 10), y + min(8, 10 - k),
                                     strokeColor=colors.HexColor(UNKNOWN_HATCH), strokeWidth=0.4))
            drawing.add(String(lx + 14, y + 1, row.text, fontName=REGULAR, fontSize=LEGEND_FONT))
        y -= step
    return drawing


def category_drawing(result: PlanningResult, category_id: str, width: float, height: float
                     ) -> Drawing:
    """A category's coverage map (offers per 10,000 or counts), legend to the right."""
    frame = Frame.fit([d.geometry for d in result.districts], width, height)
    shaded, legend = shades(result, category_id)
    legend_width = 95 * mm
    drawing = Drawing(frame.width + legend_width, max(frame.height, 14 * len(legend)))
    by_id = {d.id: d for d in result.districts}
    spacing = 2.2 * mm / frame.scale
    hatch = Path(fillColor=None, strokeColor=colors.HexColor(ZERO_HATCH), strokeWidth=0.6)
    for shade in shaded:
        geom = by_id[shade.district_id].geometry
        path = Path(fillColor=colors.HexColor(shade.fill), strokeColor=colors.HexColor(OUTLINE),
                    strokeWidth=0.5, fillMode=FILL_EVEN_ODD)  # holes stay open
        _add_rings(path, [[frame.xy(x, y, y_down=False) for x, y in ring] for ring in rings(geom)])
        drawing.add(path)
        if shade.zero:
            for a, b in hatch_lines(geom, spacing):
                hatch.moveTo(*frame.xy(*a, y_down=False))
                hatch.lineTo(*frame.xy(*b, y_down=False))
    drawing.add(hatch)
    _dots(drawing, frame, result.map_points.get(category_id, []))
    y = drawing.height - 12
    lx = frame.width + 8 * mm
    for fill, text in legend:
        drawing.add(Rect(lx, y, 10, 8, fillColor=colors.HexColor(fill),
                         strokeColor=colors.HexColor(OUTLINE), strokeWidth=0.4))
        if fill == ZERO_FILL:
            drawing.add(Line(lx, y, lx + 8, y + 8, strokeColor=colors.HexColor(ZERO_HATCH),
                             strokeWidth=0.6))
        drawing.add(String(lx + 14, y + 1, text, fontName=REGULAR, fontSize=LEGEND_FONT))
        y -= 13
    drawing.add(String(lx, y - 4, "● öffentlicher Standort (vertrauliche nicht gezeigt)",
                       fontName=REGULAR, fontSize=LEGEND_FONT))
    return drawing
