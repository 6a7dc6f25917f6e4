"""What a printed town map has besides its markers: the district names, placed where nothing
else is, a scale bar and a north arrow, and the legend of marker colours.

All in map points, drawn onto a canvas whose origin is the map's lower-left corner (the
legend: anywhere on the page). Names are placed after the markers, so they can avoid them:
first on one line wholly inside the district, then on two, then a size smaller, then with only
their middle inside — nearest the district's pole of inaccessibility, never on a marker, a
leader line, the scale bar, the arrow or another name.
"""

from __future__ import annotations

import math

from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import polylabel

from .icons import draw_icon

NICE_LENGTHS = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000)
"""Scale bar lengths in metres; the one nearest 2 cm on paper is drawn."""
Box = tuple[float, float, float, float]


def overlap(a: Box, b: Box) -> bool:
    """True when two boxes (left, bottom, right, top) share area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def scale_text(metres: int) -> str:
    """``500 m``, ``1 km``, ``2,5 km``."""
    if metres < 1000:
        return f"{metres} m"
    return f"{metres / 1000:g} km".replace(".", ",")


def draw_furniture(c, ink, pen, width: float, height: float, metres_per_point: float,
                   taken: list[Box]) -> list[Box]:
    """Scale bar and north arrow, each in the first corner free of markers; their boxes."""
    target = 20 * 72 / 25.4  # about 2 cm of bar
    metres = min(NICE_LENGTHS, key=lambda m: abs(m / metres_per_point - target))
    bar = metres / metres_per_point
    scale_w, scale_h = bar + 4, 13.0
    arrow_w, arrow_h = 12.0, 19.0
    pad = 3.0
    corners = {
        "bl": lambda w, h: (pad, pad), "br": lambda w, h: (width - pad - w, pad),
        "tl": lambda w, h: (pad, height - pad - h),
        "tr": lambda w, h: (width - pad - w, height - pad - h),
    }
    placed: list[Box] = []

    def spot(w: float, h: float, order: tuple[str, ...]) -> tuple[float, float]:
        for name in order:
            x, y = corners[name](w, h)
            candidate = (x, y, x + w, y + h)
            if not any(overlap(candidate, other) for other in [*taken, *placed]):
                placed.append(candidate)
                return x, y
        x, y = corners[order[0]](w, h)
        placed.append((x, y, x + w, y + h))
        return x, y

    sx, sy = spot(scale_w, scale_h, ("bl", "br", "tl", "tr"))
    c.setFillColor(ink.white)
    c.roundRect(sx, sy, scale_w, scale_h, 1, stroke=0, fill=1)
    c.setFillColor(ink.black)
    c.rect(sx + 2, sy + 2.5, bar, 1.6, stroke=0, fill=1)
    c.setStrokeColor(ink.black)
    c.setLineWidth(0.6)
    for tick in (sx + 2, sx + 2 + bar):
        c.line(tick, sy + 2.5, tick, sy + 6)
    pen.ltr(sx + 2, sy + 7, bar, scale_text(metres), 6, True)

    nx, ny = spot(arrow_w, arrow_h, ("tr", "tl", "br", "bl"))
    c.setFillColor(ink.white)
    c.roundRect(nx, ny, arrow_w, arrow_h, 1, stroke=0, fill=1)
    path = c.beginPath()
    cx = nx + arrow_w / 2
    path.moveTo(cx, ny + 11)
    path.lineTo(cx + 3.2, ny + 2)
    path.lineTo(cx, ny + 4)
    path.lineTo(cx - 3.2, ny + 2)
    path.close()
    c.setFillColor(ink.black)
    c.drawPath(path, stroke=0, fill=1)
    pen.ltr(nx, ny + 12.5, arrow_w, "N", 6.5, True, align="center")
    return placed


def draw_district_names(c, ink, pen, shapes: list[tuple[str, Polygon]], width: float,
                        height: float, size: float, taken: list[Box],
                        leaders: list[LineString], inside: bool = False
                        ) -> list[tuple[str, Box]]:
    """Each district's name (``shapes``: name and a part, in map points) where nothing else
    is, on a white ground; returns (name, box) of each name printed. ``inside`` (an exclave):
    wholly inside its part, else right beside it, else not at all."""
    labels = []
    for name, shape in shapes:
        found = _name_box(pen, name, shape, width, height, size, taken, leaders, inside)
        if found is None:
            continue
        fit, lines, spot_box = found
        taken.append(spot_box)
        labels.append((name, spot_box))
        left, bottom, right, top = spot_box
        c.setFillColor(ink.white)
        c.roundRect(left, bottom, right - left, top - bottom, 1, stroke=0, fill=1)
        y = top - 1.1 - fit * 0.78
        for line in lines:
            pen.line(left, y, right - left, line, fit, True, color=ink.grey, align="center")
            y -= fit * 1.15
    return labels


def _name_box(pen, name: str, shape: Polygon, width: float, height: float, size: float,
              taken: list[Box], leaders: list[LineString], inside: bool = False):
    """(size, lines, box) of the first free place for a name (see the module docstring)."""
    middle = polylabel(shape, tolerance=1.0) if shape.area > 1 else shape.centroid
    minx, miny, maxx, maxy = shape.bounds
    step = 2.5
    grid = [Point(minx + i * step, miny + j * step)
            for i in range(int((maxx - minx) / step) + 1)
            for j in range(int((maxy - miny) / step) + 1)]
    grid.sort(key=lambda p: (p.distance(middle), p.x, p.y))
    grid.insert(0, middle)
    variants = []
    for fit in (size, size - 1):
        variants.append((fit, [name]))
        if " " in name or "-" in name:
            half = max(pen.measure(name, fit, True) * 0.55,
                       *(pen.measure(word, fit, True) for word in name.split()))
            split = pen.wrap(name, half, fit, True)
            if len(split) == 2:
                variants.append((fit, split))
    for strict in (True,) if inside else (True, False):
        for fit, lines in variants:
            w = max(pen.measure(line, fit, True) for line in lines) + 2
            h = fit * (1 + 1.15 * (len(lines) - 1)) + 2.2
            for p in grid:
                candidate = (p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)
                if _free(candidate, shape, strict, width, height, taken, leaders):
                    return fit, lines, candidate
    if inside:  # an exclave too small for its name: the name right beside it
        fit = size - 0.5
        w, h = pen.measure(name, fit, True) + 2, fit + 2.2
        x0, y0, x1, y1 = shape.bounds
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        for candidate in ((x1 + 0.5, my - h / 2, x1 + 0.5 + w, my + h / 2),
                          (x0 - 0.5 - w, my - h / 2, x0 - 0.5, my + h / 2),
                          (mx - w / 2, y1 + 0.5, mx + w / 2, y1 + 0.5 + h),
                          (mx - w / 2, y0 - 0.5 - h, mx + w / 2, y0 - 0.5)):
            if _free(candidate, None, False, width, height, taken, leaders):
                return fit, [name], candidate
    return None


def _free(candidate: Box, shape: Polygon | None, strict: bool, width: float, height: float,
          taken: list[Box], leaders: list[LineString]) -> bool:
    left, bottom, right, top = candidate
    if left < 0.5 or bottom < 0.5 or right > width - 0.5 or top > height - 0.5:
        return False
    area = box(*candidate)
    if shape is not None and strict and not shape.contains(area):
        return False
    if shape is not None and not shape.contains(area.centroid):
        return False
    if any(overlap(candidate, other) for other in taken):
        return False
    return not any(area.intersects(line) for line in leaders)


def legend_entries(points) -> list[tuple[str, str, str]]:
    """(label, colour, icon) of every category on the map, in list order."""
    seen: dict[tuple[str, str, str], None] = {}
    for p in sorted(points, key=lambda q: q.number):
        seen.setdefault((p.label, p.color, p.icon), None)
    return list(seen)


def legend_height(entries: list[tuple[str, str, str]], columns: int, row: float) -> float:
    """Height the legend takes."""
    return math.ceil(len(entries) / columns) * row if entries else 0.0


def draw_legend(c, ink, pen, entries, x: float, top: float, width: float, columns: int,
                row: float, size: float) -> None:
    """Colour, pictogram and category name of each marker colour, in ``columns`` (mirrored
    when right to left)."""
    col_w = width / columns
    per_column = math.ceil(len(entries) / columns)
    text_w = col_w - row - 1.5
    for i, (name, color, icon) in enumerate(entries):
        col, line = divmod(i, per_column)
        if pen.rtl:
            col_x = x + width - (col + 1) * col_w
            cx, text_x = col_x + col_w - row / 2, col_x
        else:
            col_x = x + col * col_w
            cx, text_x = col_x + row / 2, col_x + row + 1
        cy = top - line * row - row / 2
        c.setFillColor(ink.hex(color))
        c.circle(cx, cy, row * 0.42, stroke=0, fill=1)
        draw_icon(c, icon, cx, cy, row * 0.5, ink.white)
        fit = pen.fit(name, text_w, size, min_size=5.5)
        pen.line(text_x, cy - fit * 0.35, text_w, name, fit)
