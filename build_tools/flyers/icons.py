"""Simple vector pictograms for the categories (``Category.icon``); unknown names draw a circle.

Each icon is drawn in one colour inside a square of side ``s`` centred on (cx, cy), built from
rectangles, circles and lines so it stays legible at 6 mm on paper.
"""

from __future__ import annotations

from collections.abc import Callable

ICONS: dict[str, Callable] = {}


def _icon(name: str):
    def register(func):
        ICONS[name] = func
        return func

    return register


def draw_icon(c, name: str, cx: float, cy: float, s: float, color) -> None:
    """Draw the pictogram ``name`` (a filled shape in ``color``)."""
    c.saveState()
    c.setFillColor(color)
    c.setStrokeColor(color)
    c.setLineCap(1)
    c.setLineJoin(1)
    c.translate(cx - s / 2, cy - s / 2)
    ICONS.get(name, _circle)(c, s)
    c.restoreState()


def _circle(c, s):
    c.setLineWidth(s * 0.1)
    c.circle(s / 2, s / 2, s * 0.38, stroke=1, fill=0)


@_icon("bed")
def _bed(c, s):
    c.rect(s * 0.08, s * 0.22, s * 0.1, s * 0.56, stroke=0, fill=1)  # head post
    c.rect(s * 0.08, s * 0.36, s * 0.84, s * 0.14, stroke=0, fill=1)  # frame
    c.rect(s * 0.82, s * 0.22, s * 0.1, s * 0.3, stroke=0, fill=1)  # foot post
    c.circle(s * 0.32, s * 0.6, s * 0.1, stroke=0, fill=1)  # pillow/head
    c.roundRect(s * 0.46, s * 0.5, s * 0.46, s * 0.16, s * 0.05, stroke=0, fill=1)  # blanket


@_icon("food")
def _food(c, s):
    c.setLineWidth(s * 0.07)
    c.circle(s * 0.5, s * 0.5, s * 0.3, stroke=1, fill=0)  # plate
    c.circle(s * 0.5, s * 0.5, s * 0.17, stroke=0, fill=1)
    c.line(s * 0.1, s * 0.2, s * 0.1, s * 0.82)  # fork
    c.line(s * 0.9, s * 0.2, s * 0.9, s * 0.82)  # knife


@_icon("water")
def _water(c, s):
    p = c.beginPath()
    p.moveTo(s * 0.5, s * 0.92)
    p.curveTo(s * 0.62, s * 0.7, s * 0.8, s * 0.55, s * 0.8, s * 0.38)
    p.curveTo(s * 0.8, s * 0.2, s * 0.66, s * 0.08, s * 0.5, s * 0.08)
    p.curveTo(s * 0.34, s * 0.08, s * 0.2, s * 0.2, s * 0.2, s * 0.38)
    p.curveTo(s * 0.2, s * 0.55, s * 0.38, s * 0.7, s * 0.5, s * 0.92)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


@_icon("shower")
def _shower(c, s):
    c.setLineWidth(s * 0.07)
    c.line(s * 0.2, s * 0.1, s * 0.2, s * 0.85)
    c.line(s * 0.2, s * 0.85, s * 0.55, s * 0.85)
    c.line(s * 0.55, s * 0.85, s * 0.55, s * 0.72)
    p = c.beginPath()
    p.moveTo(s * 0.35, s * 0.58)
    p.lineTo(s * 0.75, s * 0.58)
    p.lineTo(s * 0.55, s * 0.74)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    for dx in (0.4, 0.55, 0.7):
        for dy in (0.42, 0.26):
            c.circle(s * dx, s * dy, s * 0.04, stroke=0, fill=1)


@_icon("shirt")
def _shirt(c, s):
    p = c.beginPath()
    p.moveTo(s * 0.3, s * 0.1)
    p.lineTo(s * 0.7, s * 0.1)
    p.lineTo(s * 0.7, s * 0.58)
    p.lineTo(s * 0.82, s * 0.5)
    p.lineTo(s * 0.95, s * 0.7)
    p.lineTo(s * 0.65, s * 0.9)
    p.lineTo(s * 0.58, s * 0.9)
    p.curveTo(s * 0.55, s * 0.8, s * 0.45, s * 0.8, s * 0.42, s * 0.9)
    p.lineTo(s * 0.35, s * 0.9)
    p.lineTo(s * 0.05, s * 0.7)
    p.lineTo(s * 0.18, s * 0.5)
    p.lineTo(s * 0.3, s * 0.58)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


@_icon("medical")
def _medical(c, s):
    c.rect(s * 0.38, s * 0.12, s * 0.24, s * 0.76, stroke=0, fill=1)
    c.rect(s * 0.12, s * 0.38, s * 0.76, s * 0.24, stroke=0, fill=1)


@_icon("chat")
def _chat(c, s):
    c.roundRect(s * 0.08, s * 0.32, s * 0.84, s * 0.56, s * 0.14, stroke=0, fill=1)
    p = c.beginPath()
    p.moveTo(s * 0.22, s * 0.36)
    p.lineTo(s * 0.18, s * 0.1)
    p.lineTo(s * 0.45, s * 0.36)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


@_icon("work")
def _work(c, s):
    c.roundRect(s * 0.08, s * 0.15, s * 0.84, s * 0.55, s * 0.06, stroke=0, fill=1)
    c.setLineWidth(s * 0.08)
    c.roundRect(s * 0.34, s * 0.68, s * 0.32, s * 0.16, s * 0.04, stroke=1, fill=0)


@_icon("home")
def _home(c, s):
    p = c.beginPath()
    p.moveTo(s * 0.5, s * 0.92)
    p.lineTo(s * 0.95, s * 0.5)
    p.lineTo(s * 0.05, s * 0.5)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.rect(s * 0.18, s * 0.1, s * 0.64, s * 0.42, stroke=0, fill=1)


@_icon("family")
def _family(c, s):
    for x, r, h in ((0.25, 0.1, 0.42), (0.75, 0.1, 0.42), (0.5, 0.075, 0.28)):
        c.circle(s * x, s * (h + 0.2 + r), s * r, stroke=0, fill=1)
        c.roundRect(s * (x - r), s * 0.1, s * 2 * r, s * h, s * r * 0.6, stroke=0, fill=1)


@_icon("mail")
def _mail(c, s):
    c.setLineWidth(s * 0.08)
    c.rect(s * 0.1, s * 0.22, s * 0.8, s * 0.56, stroke=1, fill=0)
    p = c.beginPath()
    p.moveTo(s * 0.1, s * 0.78)
    p.lineTo(s * 0.5, s * 0.45)
    p.lineTo(s * 0.9, s * 0.78)
    c.drawPath(p, stroke=1, fill=0)


@_icon("shield")
def _shield(c, s):
    p = c.beginPath()
    p.moveTo(s * 0.5, s * 0.94)
    p.lineTo(s * 0.88, s * 0.8)
    p.curveTo(s * 0.88, s * 0.4, s * 0.75, s * 0.2, s * 0.5, s * 0.06)
    p.curveTo(s * 0.25, s * 0.2, s * 0.12, s * 0.4, s * 0.12, s * 0.8)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
