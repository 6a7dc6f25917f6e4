"""The category pictograms (``Category.icon``), described once as drawing primitives.

Paper and screen show the same picture: :mod:`build_tools.flyers.icons` draws these shapes with
ReportLab, and :func:`svg_shapes` hands them to the site templates as SVG elements
(``pictogram`` in ``site_templates/atlas/_macros.html``). People who read little find their way
by these pictures, so a flyer's bed and the home page's bed must be one bed.

Coordinates are fractions of the icon's square, origin bottom left, y upwards (ReportLab's
convention); SVG flips them. Every shape is filled, or stroked with a width given as a fraction
of the square; strokes have round caps and joins. The shapes are kept simple (rectangles,
circles, lines, a few curves) so they stay legible at 6 mm on paper and 24 px on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Shape:
    """One primitive: ``rect``/``roundrect`` (x, y, w, h[, r]), ``circle`` (cx, cy, r),
    ``line`` (x1, y1, x2, y2) or ``path`` (commands). ``stroke`` > 0 draws the outline with
    that width instead of filling."""

    kind: str
    args: tuple[float, ...] = ()
    stroke: float = 0.0
    commands: tuple[tuple, ...] = ()
    """For paths: ``("M", x, y)``, ``("L", x, y)``, ``("C", x1, y1, x2, y2, x, y)``, ``("Z",)``."""


def _rect(x, y, w, h, stroke=0.0):
    return Shape("rect", (x, y, w, h), stroke)


def _round(x, y, w, h, r, stroke=0.0):
    return Shape("roundrect", (x, y, w, h, r), stroke)


def _circle(cx, cy, r, stroke=0.0):
    return Shape("circle", (cx, cy, r), stroke)


def _line(x1, y1, x2, y2, width):
    return Shape("line", (x1, y1, x2, y2), width)


def _path(*commands, stroke=0.0):
    return Shape("path", (), stroke, tuple(commands))


def _family() -> tuple[Shape, ...]:
    shapes: list[Shape] = []
    for x, r, h in ((0.25, 0.1, 0.42), (0.75, 0.1, 0.42), (0.5, 0.075, 0.28)):
        shapes.append(_circle(x, h + 0.2 + r, r))
        shapes.append(_round(x - r, 0.1, 2 * r, h, r * 0.6))
    return tuple(shapes)


def _shower() -> tuple[Shape, ...]:
    shapes = [
        _line(0.2, 0.1, 0.2, 0.85, 0.07),
        _line(0.2, 0.85, 0.55, 0.85, 0.07),
        _line(0.55, 0.85, 0.55, 0.72, 0.07),
        _path(("M", 0.35, 0.58), ("L", 0.75, 0.58), ("L", 0.55, 0.74), ("Z",)),
    ]
    shapes += [_circle(dx, dy, 0.04) for dx in (0.4, 0.55, 0.7) for dy in (0.42, 0.26)]
    return tuple(shapes)


FALLBACK = "circle"
"""The name drawn for an unknown icon (and the schema's default)."""

PICTOGRAMS: dict[str, tuple[Shape, ...]] = {
    FALLBACK: (_circle(0.5, 0.5, 0.38, stroke=0.1),),
    "bed": (
        _rect(0.08, 0.22, 0.1, 0.56),  # head post
        _rect(0.08, 0.36, 0.84, 0.14),  # frame
        _rect(0.82, 0.22, 0.1, 0.3),  # foot post
        _circle(0.32, 0.6, 0.1),  # head on the pillow
        _round(0.46, 0.5, 0.46, 0.16, 0.05),  # blanket
    ),
    "food": (
        _circle(0.5, 0.5, 0.3, stroke=0.07),  # plate
        _circle(0.5, 0.5, 0.17),
        _line(0.1, 0.2, 0.1, 0.82, 0.07),  # fork
        _line(0.9, 0.2, 0.9, 0.82, 0.07),  # knife
    ),
    "water": (
        _path(("M", 0.5, 0.92), ("C", 0.62, 0.7, 0.8, 0.55, 0.8, 0.38),
              ("C", 0.8, 0.2, 0.66, 0.08, 0.5, 0.08), ("C", 0.34, 0.08, 0.2, 0.2, 0.2, 0.38),
              ("C", 0.2, 0.55, 0.38, 0.7, 0.5, 0.92), ("Z",)),
    ),
    "shower": _shower(),
    "shirt": (
        _path(("M", 0.3, 0.1), ("L", 0.7, 0.1), ("L", 0.7, 0.58), ("L", 0.82, 0.5), ("L", 0.95, 0.7),
              ("L", 0.65, 0.9), ("L", 0.58, 0.9), ("C", 0.55, 0.8, 0.45, 0.8, 0.42, 0.9),
              ("L", 0.35, 0.9), ("L", 0.05, 0.7), ("L", 0.18, 0.5), ("L", 0.3, 0.58), ("Z",)),
    ),
    "medical": (_rect(0.38, 0.12, 0.24, 0.76), _rect(0.12, 0.38, 0.76, 0.24)),
    "chat": (
        _round(0.08, 0.32, 0.84, 0.56, 0.14),
        _path(("M", 0.22, 0.36), ("L", 0.18, 0.1), ("L", 0.45, 0.36), ("Z",)),
    ),
    "work": (_round(0.08, 0.15, 0.84, 0.55, 0.06), _round(0.34, 0.68, 0.32, 0.16, 0.04, stroke=0.08)),
    "home": (_path(("M", 0.5, 0.92), ("L", 0.95, 0.5), ("L", 0.05, 0.5), ("Z",)), _rect(0.18, 0.1, 0.64, 0.42)),
    "family": _family(),
    "mail": (
        _rect(0.1, 0.22, 0.8, 0.56, stroke=0.08),
        _path(("M", 0.1, 0.78), ("L", 0.5, 0.45), ("L", 0.9, 0.78), stroke=0.08),
    ),
    "shield": (
        _path(("M", 0.5, 0.94), ("L", 0.88, 0.8), ("C", 0.88, 0.4, 0.75, 0.2, 0.5, 0.06),
              ("C", 0.25, 0.2, 0.12, 0.4, 0.12, 0.8), ("Z",)),
    ),
}
"""Every pictogram by name; ``content/categories.yml`` may name these and no others."""


def pictogram(name: str) -> tuple[Shape, ...]:
    """The shapes of ``name`` (the fallback circle for an unknown name)."""
    return PICTOGRAMS.get(name, PICTOGRAMS[FALLBACK])


# SVG side: a 0–100 viewBox with y downwards; numbers rounded so the markup stays short.
SVG_SIZE = 100


def _n(value: float) -> str:
    text = f"{value * SVG_SIZE:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _y(value: float) -> float:
    return 1.0 - value


def _svg_path(commands: tuple[tuple, ...]) -> str:
    parts = []
    for command in commands:
        op, *xy = command
        points = [_n(v) if i % 2 == 0 else _n(_y(v)) for i, v in enumerate(xy)]
        parts.append(op + " ".join(points))
    return "".join(parts)


def svg_shapes(name: str) -> list[dict[str, object]]:
    """The pictogram as SVG elements for the templates: ``{"tag": ..., "attrs": {...}}``, drawn
    in ``currentColor`` on a ``0 0 100 100`` viewBox."""
    out: list[dict[str, object]] = []
    for shape in pictogram(name):
        a = shape.args
        if shape.kind in ("rect", "roundrect"):
            x, y, w, h = a[:4]
            attrs = {"x": _n(x), "y": _n(_y(y + h)), "width": _n(w), "height": _n(h)}
            if shape.kind == "roundrect":
                attrs["rx"] = _n(a[4])
            tag = "rect"
        elif shape.kind == "circle":
            tag, attrs = "circle", {"cx": _n(a[0]), "cy": _n(_y(a[1])), "r": _n(a[2])}
        elif shape.kind == "line":
            tag = "line"
            attrs = {"x1": _n(a[0]), "y1": _n(_y(a[1])), "x2": _n(a[2]), "y2": _n(_y(a[3]))}
        else:
            tag, attrs = "path", {"d": _svg_path(shape.commands)}
        if shape.stroke or shape.kind == "line":
            attrs.update({"fill": "none", "stroke": "currentColor", "stroke-width": _n(shape.stroke)})
        out.append({"tag": tag, "attrs": attrs})
    return out
