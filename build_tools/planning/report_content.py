"""What the committee report says, as plain data for its Typst template (``planning/report.typ``).

Everything that is computed lives here: the summary's sentences and its map, the need pages,
the tables with their figures already formatted in German, every map as SVG (the same
templates as the planning pages) with an alt text that says what the map shows. The template
decides how it looks and holds the fixed wording (headings, introductions). The data reaches
Typst as JSON (``sys.inputs``), never as markup: a ``#`` or ``*`` in a name prints as itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..indicators import Indicator
from ..indicators.profile import fmt_value
from ..templating import Templates
from .analysis import PlanningResult
from .choropleth import shades
from .findings import findings, summary_findings
from .indicator_map import IndicatorMap, indicator_map
from .indicator_svg import SvgShapes, indicator_svg
from .method import left_out, method_paragraphs, need_method_paragraphs, reach_intro
from .need import NeedTable
from .need_tables import indicator_sources_table, indicator_values_table, need_data_table
from .numbers import fmt_number
from .plural import said
from .svg_map import category_map
from .tables import Table, coverage_tables, reach_table, time_table, transit_table

NEED_ROWS = 25
"""Rows of a need table in the PDF; beyond, the note points to the CSV with all of them."""
WIDTH_CANDIDATES = 3
"""Per column, the longest few texts the template measures to size the column."""
ALT_NAMES = 5
"""At most this many district names in a map's alt text."""


def _longest(texts, count: int = WIDTH_CANDIDATES) -> list[str]:
    """The ``count`` longest distinct texts (by characters; the template measures them)."""
    return sorted(set(texts), key=lambda t: (-len(t), t))[:count]


def table_data(table: Table) -> dict[str, Any]:
    """A table for the template: cells as ``[text, mark]`` (``z`` zero, ``f`` flag, ``""``).

    ``words`` and ``whole`` hold, per column, the longest unbreakable pieces (a number, a word)
    and the longest whole texts: the template measures only those to size its columns.
    """
    rows = [[[v.text, "z" if v.zero else "f" if v.flag else ""] for v in row]
            for row in table.rows]
    words, whole = [], []
    for k, numeric in enumerate(table.numeric):
        texts = [row[k].text for row in table.rows]
        pieces = texts if numeric else [w for t in texts for w in t.split()]
        words.append(_longest(pieces))
        whole.append(_longest(texts))
    return {"title": table.title, "columns": table.columns, "numeric": table.numeric,
            "rows": rows, "note": table.note, "words": words, "whole": whole}


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:ALT_NAMES])
    return shown + (f" und {len(names) - ALT_NAMES} weitere" if len(names) > ALT_NAMES else "")


def indicator_alt(chart: IndicatorMap, values: dict[str, float | None],
                  show: Callable[[float], str]) -> str:
    """``Karte: SGB-II-Quote je Sozialraum; höchster Wert Süd 16,9 %; …`` for a screen reader."""
    parts = [f"Karte: {chart.title} je Sozialraum"]
    known = [(v, a.name) for a, v in ((a, values[a.district_id]) for a in chart.areas)
             if v is not None]
    if known:
        top, top_name = max(known, key=lambda pair: (pair[0], pair[1]))
        low, low_name = min(known, key=lambda pair: (pair[0], pair[1]))
        parts.append(f"höchster Wert {top_name} {show(top)}, "
                     f"niedrigster {low_name} {show(low)}")
    flagged = sorted((a for a in chart.areas if a.rank is not None), key=lambda a: a.rank)
    if flagged:
        parts.append("markiert: " + _names([f"{a.name} (Rang {a.rank})" for a in flagged]))
    unknown = [a.name for a in chart.areas if a.unknown]
    if unknown:
        parts.append("keine Angabe: " + _names(unknown))
    return "; ".join(parts) + ". Die Tabelle enthält dieselben Zahlen."


def category_alt(result: PlanningResult, category_id: str, label: str) -> str:
    """``Karte: Essen — Angebote je 10.000 Einwohner je Sozialraum; kein Angebot: Süd; …``."""
    shaded, _ = shades(result, category_id)
    rate = result.has_population
    parts = [f"Karte: {label} — Angebote{' je 10.000 Einwohner' if rate else ''} je Sozialraum"]
    zero = [s.name for s in shaded if s.zero]
    parts.append("kein Angebot in " + _names(zero) if zero else "in jedem Sozialraum ein Angebot")
    known = [s for s in shaded if s.value is not None and not s.zero]
    if known:
        top = max(known, key=lambda s: (s.value, s.name))
        parts.append(f"am meisten {top.name} ({fmt_number(top.value, 1 if rate else 0)})")
    points = len(result.map_points.get(category_id, []))
    parts.append(f"{fmt_number(points, 0)} öffentliche Standorte als Punkte")
    return "; ".join(parts) + "."


class _Maps:
    """The report's maps as SVG, path data computed once per size."""

    def __init__(self, result: PlanningResult, templates: Templates | None):
        self.result, self.templates = result, templates
        self._full: SvgShapes | None = None
        self._small: SvgShapes | None = None

    def indicator(self, indicator: Indicator, need: NeedTable | None = None, *,
                  small: bool = False, titled: bool = False) -> dict[str, str]:
        """One indicator map; ``titled``: the caption names the map (the summary's)."""
        r = self.result
        indicators = r.indicators
        chart = indicator_map(r, indicators, indicator, need)
        if small:
            self._small = self._small or SvgShapes.small(r)
            shapes = self._small
        else:
            self._full = self._full or SvgShapes.full(r)
            shapes = self._full
        values = {d.id: indicators.value(indicator.id, d.id) for d in r.districts}
        alt = indicator_alt(chart, values, lambda v: fmt_value(v, indicator.unit))
        return {"svg": indicator_svg(chart, shapes, small=small, templates=self.templates),
                "alt": alt,
                "caption": (f"Karte: {chart.title}. " if titled else "Karte: ")
                + chart.description}

    def category(self, category_id: str, label: str) -> dict[str, str]:
        r = self.result
        return {"svg": category_map(r, category_id, label, templates=self.templates),
                "alt": category_alt(r, category_id, label),
                "caption": (f"Karte: {label} — Angebote"
                            f"{' je 10.000 Einwohner' if r.has_population else ''} je "
                            "Sozialraum; schraffiert: kein Angebot im Sozialraum; Punkte: "
                            "öffentliche Standorte.")}


def _scenario(scenario, templates: Templates | None) -> dict[str, Any] | None:
    if scenario is None:
        return None
    from .scenario_view import scenario_data

    return scenario_data(scenario, templates)


def _ride(result: PlanningResult, category_id: str, label: str) -> dict[str, Any] | None:
    table = transit_table(result, category_id, label)
    return table_data(table) if table is not None else None


def report_content(result: PlanningResult, title: str, day: date | None = None,
                   templates: Templates | None = None, scenario=None) -> dict[str, Any]:
    """Everything the template prints, in reading order (``scenario``: a
    :class:`~.scenario_compare.Comparison` whose before and after the report shows)."""
    r = result
    maps = _Maps(r, templates)
    chosen = summary_findings(r)
    summary_map = None
    table = next((t for t in r.need if chosen and t.slug == chosen[0].slug), None)
    if table is not None and r.indicators is not None:
        summary_map = maps.indicator(table.indicator, table, titled=True)
    elif r.categories and r.districts:
        category_id, label = next(
            ((c, lbl) for c, lbl in r.categories if chosen and c == chosen[0].category_id),
            r.categories[0])
        summary_map = maps.category(category_id, label)
    need = [{"table": table_data(need_data_table(t, NEED_ROWS)),
             "map": maps.indicator(t.indicator, t)} for t in r.need] \
        if r.indicators is not None else []
    indicators = None
    if r.indicators is not None and r.indicators.indicators:
        indicators = {
            "maps": [{"label": i.label, "map": maps.indicator(i, small=True)}
                     for i in r.indicators.indicators.values()],
            "tables": [table_data(indicator_values_table(r, r.indicators)),
                       table_data(indicator_sources_table(r.indicators))],
        }
    when = f"Stand {day:%d.%m.%Y}. " if day else ""
    return {
        "title": f"Planungsbericht: {title}",
        "footer": f"{title} — Planungsbericht",
        "author": title,
        "facts": (f"{when}{said('counted', r.open_offers)} in "
                  f"{said('categories_dative', len(r.categories))}, "
                  f"{said('districts', len(r.districts))}."
                  + (" " + left_out(r) if left_out(r) else "")),
        "summary": [f.text for f in chosen],
        "summary_map": summary_map,
        "gaps": [f.text for f in findings(r)],
        "need": need,
        "coverage": [table_data(t) for t in coverage_tables(r)],
        "reach_method": reach_intro(r),
        "categories": [{"label": label, "map": maps.category(c, label),
                        "table": table_data(reach_table(r, c, label)),
                        "ride": _ride(r, c, label)}
                       for c, label in r.categories],
        "times": table_data(time_table(r)),
        "scenario": _scenario(scenario, templates),
        "indicators": indicators,
        "method": method_paragraphs(r) + need_method_paragraphs(r),
    }
