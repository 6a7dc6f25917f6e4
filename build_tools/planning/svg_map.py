"""Choropleth maps as inline SVG, drawn from the polygons themselves (no tiles, no script).

Every district carries a ``<title>`` with its figures and its name drawn inside it (at the
pole of inaccessibility of its largest part, :class:`~.indicator_map.Layout`); zero districts
are hatched, not only coloured. The table beside the map is the real content; the map is a picture of it. This module
works out the geometry (paths, points, legend rows, all formatted); the drawing itself is the
template ``planning/choropleth.svg``.
"""

from __future__ import annotations

from ..templating import Templates, templates_for
from .analysis import PlanningResult
from .choropleth import OUTLINE, POINT, ZERO_FILL, ZERO_HATCH, Frame, rings, shades
from .indicator_map import Layout

LABEL_FONT = 13.0
"""District names on the category maps: readable on a projector and on a 360 px phone, where
the 560-unit drawing shrinks to about 330 px (13 → 7.7 px, still legible with the halo)."""
CHAR_WIDTH = 0.56
"""Average glyph width of a sans-serif face, in em (the same estimate as the indicator maps)."""

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


Box = tuple[float, float, float, float]


def map_layout(result: PlanningResult) -> Layout:
    """Frame and name anchors of the category maps (the same for every category)."""
    return Layout(result.districts, WIDTH, MAX_HEIGHT, font=LABEL_FONT)


def district_labels(layout: Layout) -> list[dict[str, str]]:
    """Name labels in drawing coordinates: every name that fits inside its district, then the
    others where they overlap neither a placed label nor the drawing's edge (a small district
    keeps its name in the ``<title>`` and the table)."""
    frame = layout.frame
    placed: list[Box] = []
    out: list[dict[str, str]] = []
    anchors = layout.anchors
    order = sorted(layout.districts, key=lambda d: (not anchors[d.id].name_fits, d.name))
    for district in order:
        anchor = anchors[district.id]
        x, y = frame.xy(anchor.x, anchor.y, y_down=True)
        half = len(district.name) * layout.font * CHAR_WIDTH / 2 + 2
        box = (x - half, y - layout.font * 0.6, x + half, y + layout.font * 0.6)
        inside = box[0] >= 0 and box[2] <= frame.width and box[1] >= 0 and box[3] <= frame.height
        if not anchor.name_fits and (not inside or any(_overlap(box, other) for other in placed)):
            continue
        placed.append(box)
        out.append({"x": f"{x:.1f}", "y": f"{y + layout.font * 0.35:.1f}", "text": district.name})
    return sorted(out, key=lambda label: label["text"])


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def category_map(result: PlanningResult, category_id: str, label: str, *,
                 templates: Templates | None = None, layout: Layout | None = None) -> str:
    """One category's choropleth as an ``<svg>`` element (string, every text escaped).

    ``layout``: the frame and name anchors shared by every category map of a page (computed
    once); made here without."""
    layout = layout or map_layout(result)
    frame = layout.frame
    shaded, legend = shades(result, category_id)
    legend_h = 18 * (len(legend) + 1) + 8  # a heading row naming the unit, then the classes
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
    legend_title = ("Offene Angebote je 10.000 Einwohner" if result.has_population
                    else "Offene Angebote im Sozialraum")
    y = frame.height + 12 + 18
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
        labels=district_labels(layout),
        legend_title=legend_title,
        legend_title_y=f"{frame.height + 22:.0f}",
        font=f"{layout.font:g}",
        legend=rows,
    )
