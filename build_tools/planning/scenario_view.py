"""A scenario's before and after as the renderers need it: Markdown for ``atlas report``, a
view for the planning page, data for the committee PDF — and the two maps per category.

The maps (:mod:`.share_map`) show the share of the category's main figure (the first
door-to-door window, else the walk) before and after with the same fixed classes; the points
are public offer locations only, the marks the old and new place of public offers that move.
"""

from __future__ import annotations

from typing import Any

from ..templating import Templates
from .projection import Projector
from .report_md import table_markdown
from .scenario_compare import Comparison, main_measure, share
from .share_map import Mark, share_map, share_svg
from .tables import Table

MAP_WIDTH = 420
MAP_HEIGHT = 400


def scenario_markdown(comparison: Comparison, level: str = "##") -> str:
    """The scenario section of the Markdown report (and what ``atlas report`` prints)."""
    s = comparison.scenario
    lines = [f"{level} Szenario: {s.title}", ""]
    if s.description:
        lines += [s.description.strip(), ""]
    lines += [f"- {c}" for c in comparison.changes] + [""]
    lines += ["Vorher → nachher (alle Sozialräume, nach Einwohnern gewichtet):", ""]
    lines += [f"- {h}" for h in comparison.headlines] or ["- An den Zahlen ändert sich nichts."]
    lines.append("")
    lines += [table_markdown(t) for t in comparison.tables]
    return "\n".join(lines).rstrip() + "\n"


def scenario_maps(comparison: Comparison, templates: Templates | None = None,
                  width: float = MAP_WIDTH, height: float = MAP_HEIGHT) -> list[dict[str, Any]]:
    """Per touched category with a changing figure: its before and after map."""
    before, after = comparison.before, comparison.after
    projector = Projector(before.settings.crs)
    marks_after: list[Mark] = []
    marks_before: list[Mark] = []
    for title, old, new in comparison.moves:
        points = projector.points([old[0], new[0]], [old[1], new[1]])
        marks_before.append(Mark("old", points[0].x, points[0].y, f"{title} (bisher)"))
        marks_after.append(Mark("old", points[0].x, points[0].y, f"{title} (bisher)"))
        marks_after.append(Mark("new", points[1].x, points[1].y, f"{title} (neu)"))
    outside = _outside(before, marks_after)
    out = []
    for category_id, label in comparison.categories:
        wanted = comparison.measures.get(category_id)
        if not wanted:
            continue
        measure = main_measure(wanted)
        pair = []
        for when, result, marks in (("vorher", before, marks_before),
                                    ("nachher", after, marks_after)):
            shares = {d.id: share(result, measure, d.id, category_id) for d in result.districts}
            key = f"szenario-{category_id}-{when}"
            chart = share_map(result, key, f"{label} {when}", measure.words, shares,
                              result.map_points.get(category_id, []), marks)
            pair.append({"when": when, "svg": share_svg(chart, result, templates=templates,
                                                        width=width, max_height=height),
                         "alt": f"Karte: {label} {when} — Anteil je Sozialraum "
                                f"{measure.words}. " + _alt(result, shares),
                         "caption": f"{when.capitalize()}: {chart.description}"
                         + (OUTSIDE if outside and when == "nachher" else "")})
        out.append({"id": category_id, "label": label, "measure": measure.words,
                    "maps": pair})
    return out


OUTSIDE = (" Der neue Standort liegt außerhalb der Karte: das Quadrat am Kartenrand zeigt "
           "die Richtung.")


def _outside(result, marks: list[Mark]) -> bool:
    """True when a new place lies beyond the districts (its mark is drawn at the edge)."""
    import shapely

    bounds = shapely.bounds(shapely.union_all([d.geometry for d in result.districts]))
    return any(m.kind == "new" and not (bounds[0] <= m.x <= bounds[2]
                                        and bounds[1] <= m.y <= bounds[3]) for m in marks)


def _alt(result, shares: dict[str, float]) -> str:
    from .numbers import fmt_percent

    parts = [f"{d.name} {fmt_percent(shares[d.id])}" for d in result.districts]
    return "; ".join(parts) + "."


def scenario_tables(comparison: Comparison) -> list[Table]:
    """The before/after tables (for CSV and the page)."""
    return list(comparison.tables)


def scenario_data(comparison: Comparison, templates: Templates | None = None) -> dict[str, Any]:
    """The scenario for the committee PDF's template (tables as :func:`table_data` makes them)."""
    from .report_content import table_data

    s = comparison.scenario
    return {
        "title": s.title,
        "description": (s.description or "").strip(),
        "changes": comparison.changes,
        "headlines": comparison.headlines,
        "tables": [table_data(t) for t in comparison.tables],
        "maps": scenario_maps(comparison, templates),
    }
