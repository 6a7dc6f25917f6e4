"""Choropleth maps as inline SVG, drawn from the polygons themselves (no tiles, no script).

Every district carries a ``<title>`` with its figures; zero districts are hatched, not only
coloured. The table beside the map is the real content; the map is a picture of it. This module
works out the geometry (paths, points, legend rows, all formatted); the drawing itself is the
template ``planning/choropleth.svg``.
"""

from __future__ import annotations

from ..templating import Templates, templates_for
from .analysis import PlanningResult
from .choropleth import OUTLINE, POINT, ZERO_FILL, ZERO_HATCH, Frame, rings, shades

WIDTH = 560
MAX_HEIGHT = 560
TEMPLATE = "planning/choropleth.svg"
COLORS = {"outline": OUTLINE, "point": POINT, "hatch": ZERO_HATCH}


def path_data(geom, frame: Frame, digits: int = 1) -> str:
    """SVG path data of a (Multi)Polygon in drawing coordinates (y down, ``digits`` decimals)."""
    parts = []
    for ring in rings(geom):
        coords = [frame.xy(x, y, y_down=True) for x, y in ring]
        parts.append(
            "M" + " L".join(f"{x:.{digits}f} {y:.{digits}f}" for x, y in coords) + " Z"
        )
    return " ".join(parts)


def category_map(result: PlanningResult, category_id: str, label: str, *,
                 templates: Templates | None = None) -> str:
    """One category's choropleth as an ``<svg>`` element (string, every text escaped)."""
    geoms = [d.geometry for d in result.districts]
    frame = Frame.fit(geoms, WIDTH, MAX_HEIGHT)
    shaded, legend = shades(result, category_id)
    legend_h = 18 * len(legend) + 8
    height = frame.height + legend_h + 8
    by_id = {d.id: d for d in result.districts}
    districts = [
        {"d": path_data(by_id[s.district_id].geometry, frame), "fill": s.fill, "zero": s.zero,
         "label": s.label}
        for s in shaded
    ]
    points = []
    for point in result.map_points.get(category_id, []):
        if frame.contains(point.x, point.y):
            x, y = frame.xy(point.x, point.y, y_down=True)
            points.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "title": point.title})
    rows = []
    y = frame.height + 12
    for fill, text in legend:
        rows.append({"y": f"{y:.0f}", "text_y": f"{y + 10:.0f}", "fill": fill,
                     "zero": fill == ZERO_FILL, "text": text})
        y += 18
    return (templates or templates_for(None)).render(
        TEMPLATE,
        key=category_id,
        label=label,
        width=f"{frame.width:.0f}",
        height=f"{height:.0f}",
        per_population=result.has_population,
        colors=COLORS,
        districts=districts,
        points=points,
        legend=rows,
    )
