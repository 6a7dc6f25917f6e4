"""A map of shares per district — "how many reach it within 30 minutes" — for SVG and PDF.

Five classes with fixed bounds (0 %, up to 25, 50, 75, 100 %), so the map before and the map
after a scenario use the same colours for the same figures; none reached is hatched, not only
white. Points are public offer locations only; a scenario adds marks for an offer's old and
new place (a confidential offer never gets one). The renderers are :func:`share_svg` (the
template ``planning/share_map.svg``) and :func:`build_tools.planning.report_pdf_maps.share_drawing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..templating import Templates, templates_for
from .analysis import MapPoint, PlanningResult
from .choropleth import OUTLINE, POINT, ZERO_HATCH, Frame
from .numbers import fmt_percent

SHARE_COLOURS = ("#deebf7", "#9ecae1", "#4292c6", "#08519c")
"""ColorBrewer Blues: lighter to darker = fewer to more people reach it."""
BOUNDS = (0.25, 0.5, 0.75, 1.0)
NONE_FILL = "#ffffff"
UNKNOWN_FILL = "#d9d9d9"
MARK_OLD = "#b2182b"
MARK_NEW = "#1a9850"
TEMPLATE = "planning/share_map.svg"
WIDTH = 560
MAX_HEIGHT = 520


@dataclass(frozen=True)
class ShareArea:
    """One district: its fill and its words."""

    district_id: str
    fill: str
    none: bool
    label: str


@dataclass(frozen=True)
class Mark:
    """A place a scenario changes: ``old`` (where it was) or ``new`` (where it will be)."""

    kind: str
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class ShareMap:
    """Everything a share map shows."""

    key: str
    title: str
    measure: str
    """What the shares count, e.g. ``≤ 30 min Fahrzeit (vormittags 8–10 Uhr)``."""
    areas: list[ShareArea]
    legend: list[tuple[str, str, bool]]
    """(fill, text, hatched)."""
    points: list[MapPoint]
    marks: list[Mark] = field(default_factory=list)

    @property
    def description(self) -> str:
        """The map in words (caption and SVG description)."""
        text = (f"Anteil je Sozialraum {self.measure}: je dunkler, desto mehr; schraffiert: "
                "niemand. Punkte: öffentliche Standorte (vertrauliche nicht gezeigt).")
        if any(m.kind == "old" for m in self.marks):
            text += " Kreis mit Kreuz: bisheriger Standort."
        if any(m.kind == "new" for m in self.marks):
            text += " Quadrat: neuer Standort."
        return text + " Die Tabelle enthält dieselben Zahlen."


def fill_of(share: float | None) -> str:
    """The fill of a share (None: unknown)."""
    if share is None:
        return UNKNOWN_FILL
    if share <= 0:
        return NONE_FILL
    return SHARE_COLOURS[next(k for k, b in enumerate(BOUNDS) if share <= b + 1e-9)]


def share_map(result: PlanningResult, key: str, title: str, measure: str,
              shares: dict[str, float | None], points: list[MapPoint],
              marks: list[Mark] | None = None) -> ShareMap:
    """The map of ``shares`` (district id → 0–1) with ``points`` and ``marks``."""
    areas = []
    for d in result.districts:
        share = shares.get(d.id)
        words = "keine Angabe" if share is None else f"{fmt_percent(share)} {measure}"
        areas.append(ShareArea(d.id, fill_of(share), share is not None and share <= 0,
                               f"{d.name}: {words}"))
    legend = [(NONE_FILL, "niemand (schraffiert)", True)]
    lower = 0
    for colour, upper in zip(SHARE_COLOURS, BOUNDS, strict=True):
        legend.append((colour, f"über {round(lower * 100)} bis {round(upper * 100)}\u00a0%", False))
        lower = upper
    if any(s is None for s in shares.values()):
        legend.append((UNKNOWN_FILL, "keine Angabe", False))
    return ShareMap(key, title, measure, areas, legend, points, list(marks or []))


def share_svg(chart: ShareMap, result: PlanningResult, *, templates: Templates | None = None,
              width: float = WIDTH, max_height: float = MAX_HEIGHT) -> str:
    """The map as an ``<svg>`` element (every text escaped by the template)."""
    from .svg_map import path_data

    frame = Frame.fit([d.geometry for d in result.districts], width, max_height)
    by_id = {d.id: d for d in result.districts}
    districts = [{"d": path_data(by_id[a.district_id].geometry, frame), "fill": a.fill,
                  "none": a.none, "label": a.label} for a in chart.areas]
    points = []
    for point in chart.points:
        if frame.contains(point.x, point.y):
            x, y = frame.xy(point.x, point.y, y_down=True)
            points.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "title": point.title})
    marks = []
    for mark in chart.marks:
        x, y = frame.xy(mark.x, mark.y, y_down=True)
        x, y = min(max(x, 8), frame.width - 8), min(max(y, 8), frame.height - 8)
        marks.append({"kind": mark.kind, "x": f"{x:.1f}", "y": f"{y:.1f}", "title": mark.label,
                      "x1": f"{x - 6:.1f}", "x2": f"{x + 6:.1f}", "y1": f"{y - 6:.1f}",
                      "y2": f"{y + 6:.1f}"})
    rows = []
    y = frame.height + 12
    for fill, text, hatched in chart.legend:
        rows.append({"y": f"{y:.0f}", "text_y": f"{y + 10:.0f}", "fill": fill, "hatched": hatched,
                     "text": text})
        y += 18
    return (templates or templates_for(None)).render(
        TEMPLATE, key=chart.key, title=chart.title, description=chart.description,
        width=f"{frame.width:.0f}", height=f"{y + 4:.0f}", districts=districts, points=points,
        marks=marks, legend=rows,
        colors={"outline": OUTLINE, "point": POINT, "hatch": ZERO_HATCH, "old": MARK_OLD,
                "new": MARK_NEW},
    )
