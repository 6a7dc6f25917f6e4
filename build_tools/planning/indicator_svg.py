"""Indicator maps as inline SVG (no tiles, no script): the drawing is ``planning/indicator_map.svg``.

This module turns an :class:`~.indicator_map.IndicatorMap` and a shared :class:`SvgShapes`
(path data computed once per map size, for every map of a page) into the template's values.
"""

from __future__ import annotations

import shapely

from ..templating import Templates, templates_for
from .indicator_map import FLAG_OUTLINE, OUTLINE, UNKNOWN_HATCH, IndicatorMap, Layout
from .svg_map import path_data

TEMPLATE = "planning/indicator_map.svg"
FULL_WIDTH = 560
FULL_HEIGHT = 520
SMALL_WIDTH = 250
SMALL_HEIGHT = 230
LEGEND_ROW = 18
SMALL_LEGEND_ROW = 15


class SvgShapes:
    """Path data of every district for one map size; small maps draw simplified outlines."""

    def __init__(self, layout: Layout, simplify: bool = False):
        self.layout = layout
        tolerance = 0.6 / layout.frame.scale if simplify else 0.0
        # Small maps: whole pixels (a 250-pixel map gains nothing from tenths).
        self.paths = {
            d.id: path_data(shapely.simplify(d.geometry, tolerance, preserve_topology=True)
                            if tolerance else d.geometry, layout.frame, 0 if simplify else 1)
            for d in layout.districts
        }

    @classmethod
    def full(cls, result) -> SvgShapes:
        """Full-size maps (names and ranks)."""
        return cls(Layout(result.districts, FULL_WIDTH, FULL_HEIGHT))

    @classmethod
    def small(cls, result) -> SvgShapes:
        """Small multiples (no names, simplified outlines)."""
        return cls(Layout(result.districts, SMALL_WIDTH, SMALL_HEIGHT, font=9.0), simplify=True)


def indicator_svg(chart: IndicatorMap, shapes: SvgShapes, *, small: bool = False,
                  templates: Templates | None = None) -> str:
    """One indicator map as an ``<svg>`` element (string, every text escaped)."""
    layout = shapes.layout
    frame = layout.frame
    areas, labels, ranks = [], [], []
    for area in chart.areas:
        areas.append({"d": shapes.paths[area.district_id], "fill": area.fill,
                      "unknown": area.unknown, "flag": area.rank is not None,
                      "label": "" if small else area.label})
        anchor = layout.anchors[area.district_id] if not small else None
        if anchor is None:
            continue
        x, y = frame.xy(anchor.x, anchor.y, y_down=True)
        if area.numbered:
            ranks.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "ty": f"{y + 4:.1f}",
                          "text": str(area.rank)})
            y += 17  # the name goes below the rank
        if anchor.name_fits:
            labels.append({"x": f"{x:.1f}", "y": f"{y + 4:.1f}", "text": area.name})
    points = [
        {"x": f"{px:.1f}", "y": f"{py:.1f}", "title": p.title}
        for p in chart.points if frame.contains(p.x, p.y)
        for px, py in [frame.xy(p.x, p.y, y_down=True)]
    ]
    step = SMALL_LEGEND_ROW if small else LEGEND_ROW
    rows, y = [], frame.height + 10
    for entry in chart.legend:
        rows.append({"y": f"{y:.0f}", "text_y": f"{y + step - 7:.0f}", "fill": entry.fill,
                     "unknown": entry.unknown, "flag": entry.flag, "heading": entry.heading,
                     "text": entry.text})
        y += step
    font = 10 if small else 12
    swatch = 11 if small else 14
    # The legend may be wider than a tall, narrow town: the drawing takes the wider of both.
    legend_width = max((len(e.text) * font * 0.56 + (0 if e.heading else swatch + 8)
                        for e in chart.legend), default=0.0)
    return (templates or templates_for(None)).render(
        TEMPLATE,
        key=chart.key,
        title=chart.title,
        description=chart.description,
        width=f"{max(frame.width, legend_width + 4):.0f}",
        height=f"{y + 4:.0f}",
        font=font,
        swatch=swatch,
        colors={"outline": OUTLINE, "flag": FLAG_OUTLINE, "hatch": UNKNOWN_HATCH},
        areas=areas,
        labels=labels,
        ranks=ranks,
        points=points,
        legend=rows,
    )
