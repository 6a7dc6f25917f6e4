"""The category pictograms on paper: :mod:`build_tools.pictograms` drawn with ReportLab.

Each icon is drawn in one colour inside a square of side ``s`` centred on (cx, cy); unknown
names draw a circle. The site draws the same shapes as inline SVG.
"""

from __future__ import annotations

from ..pictograms import Shape, pictogram


def draw_icon(c, name: str, cx: float, cy: float, s: float, color) -> None:
    """Draw the pictogram ``name`` (shapes filled or stroked in ``color``)."""
    c.saveState()
    c.setFillColor(color)
    c.setStrokeColor(color)
    c.setLineCap(1)
    c.setLineJoin(1)
    c.translate(cx - s / 2, cy - s / 2)
    for shape in pictogram(name):
        _draw(c, shape, s)
    c.restoreState()


def _draw(c, shape: Shape, s: float) -> None:
    stroke, fill = (1, 0) if shape.stroke or shape.kind == "line" else (0, 1)
    if stroke:
        c.setLineWidth(s * shape.stroke)
    a = [v * s for v in shape.args]
    if shape.kind == "rect":
        c.rect(*a, stroke=stroke, fill=fill)
    elif shape.kind == "roundrect":
        c.roundRect(*a, stroke=stroke, fill=fill)
    elif shape.kind == "circle":
        c.circle(*a, stroke=stroke, fill=fill)
    elif shape.kind == "line":
        c.line(*a)
    else:
        p = c.beginPath()
        for op, *xy in shape.commands:
            pts = [v * s for v in xy]
            if op == "M":
                p.moveTo(*pts)
            elif op == "L":
                p.lineTo(*pts)
            elif op == "C":
                p.curveTo(*pts)
            else:
                p.close()
        c.drawPath(p, stroke=stroke, fill=fill)
