"""The planning pages: overview, coverage, reachability, times, and need against supply.

This module decides what the pages say — figures, gaps, links, every table cell — and hands it
to the templates ``planning/*.html``, which decide how it looks. Tables are complete without
script; ``atlas-sort.js`` only adds sorting buttons to their headers, ``atlas-filter.js`` a
search box and a "only flagged" switch above them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.lists import format_list
from markupsafe import Markup

from ..i18n import SOURCE, catalogue
from ..outputs import GeneratedPage
from ..templating import Templates, templates_for
from ..urls import (
    asset_path,
    offer_path,
    planning_part_path,
    planning_path,
    planning_report_path,
    relative_url,
)
from .analysis import PlanningResult
from .findings import findings, need_findings
from .indicator_map import indicator_map
from .indicator_svg import SvgShapes, indicator_svg
from .method import (
    left_out,
    method_paragraphs,
    need_method_paragraphs,
    reach_intro,
    reach_summary,
    roving_sentence,
    season_rule,
)
from .need_tables import indicator_sources_table, indicator_values_table, need_data_table
from .numbers import fmt_number
from .plural import said
from .svg_map import category_map, map_layout
from .tables import Table, coverage_tables, reach_table, time_table, transit_table

SORT_SCRIPT = asset_path("javascripts/atlas-sort.js")
FILTER_SCRIPT = asset_path("javascripts/atlas-filter.js")
PLANNING_CSS = asset_path("stylesheets/atlas-planning.css")
COVERAGE = planning_part_path("versorgung")
REACH = planning_part_path("erreichbarkeit")
TIMES = planning_part_path("zeiten")
NEED = planning_part_path("bedarf")


@dataclass(frozen=True)
class Column:
    """A table header: its text, and whether the column sorts as numbers."""

    label: str
    numeric: bool


@dataclass(frozen=True)
class Cell:
    """A table cell as the template sees it (``href`` relative to the page)."""

    text: str
    sort: str | None
    zero: bool
    flag: bool
    href: str | None

    @property
    def classes(self) -> str:
        """The marker classes of the cell (``atlas-zero``, ``atlas-flag``), space-separated."""
        return " ".join(name for name, on in (("atlas-zero", self.zero),
                                              ("atlas-flag", self.flag)) if on)


def table_view(table: Table, page: str) -> dict[str, Any]:
    """What the ``planning.table`` macro needs: columns, cells with page-relative links."""
    links: dict[str, str] = {}  # ten tables of 400 rows link the same 400 district pages

    def href(link: str | None) -> str | None:
        if not link:
            return None
        if link not in links:
            links[link] = relative_url(page, link)
        return links[link]

    return {
        "slug": table.slug,
        "title": table.title,
        "note": table.note,
        "columns": [Column(c, n) for c, n in zip(table.columns, table.numeric, strict=True)],
        "rows": [[Cell(v.text, v.sort, v.zero, v.flag, href(v.link)) for v in row]
                 for row in table.rows],
    }


def _render(templates: Templates | None, name: str, **context: Any) -> str:
    return (templates or templates_for(None)).render(name, **context)


def table_html(table: Table, page: str, caption_level: str = "h3", *,
               templates: Templates | None = None) -> str:
    """A sortable ``<table>`` under its heading; zero and flagged cells carry markers."""
    return _render(templates, "planning/table.html", table=table_view(table, page),
                   level=caption_level)


def has_need_page(result: PlanningResult) -> bool:
    """True when the atlas keeps indicators: then ``/planung/bedarf/`` exists."""
    return result.indicators is not None and bool(result.indicators.indicators)


def _links(page: str, result: PlanningResult) -> dict[str, str]:
    """Every link a planning page may show, relative to ``page`` (``need`` only when it exists)."""
    paths = {
        "overview": planning_path(), "coverage": COVERAGE, "reach": REACH, "times": TIMES,
        "sort_script": SORT_SCRIPT, "filter_script": FILTER_SCRIPT, "planning_css": PLANNING_CSS,
        "report_pdf": planning_report_path("pdf"), "report_zip": planning_report_path("zip"),
    }
    if has_need_page(result):
        paths["need"] = NEED
    return {name: relative_url(page, path) for name, path in paths.items()}


def overview_html(result: PlanningResult, downloads: bool,
                  templates: Templates | None = None) -> str:
    """The planning start page: key figures, the gaps in words, links."""
    population = None
    moving_in = catalogue(SOURCE).counts["moving_in"]
    if result.has_population:
        population = fmt_number(sum(d.population or 0 for d in result.districts), 0)
    return _render(
        templates,
        "planning/overview.html",
        links=_links(planning_path(), result),
        counted=said("counted", result.open_offers),
        reference=f"{result.reference:%d.%m.%Y}" if result.reference else "",
        districts=said("districts", len(result.districts)),
        categories=said("categories", len(result.categories)),
        district_count=len(result.districts),
        left_out=left_out(result),
        season_rule=season_rule(result),
        roving=[{"title": r.title, "href": relative_url(planning_path(), offer_path(r.offer_id)),
                 "categories": format_list(list(r.categories), locale="de"),
                 "where": moving_in.listing(list(r.districts)) if r.districts else ""}
                for r in result.roving],
        roving_sentence=roving_sentence(result),
        population=population,
        findings=findings(result),
        need_findings=need_findings(result)[:5],
        reach_summary=reach_summary(result),
        downloads=downloads,
        method=method_paragraphs(result),
    )


def coverage_html(result: PlanningResult, templates: Templates | None = None) -> str:
    """Matrix tables, then one choropleth map per category."""
    page = COVERAGE
    layout = map_layout(result)  # frame and name anchors once for all category maps
    maps = [
        {"id": category_id, "label": label,
         "svg": Markup(category_map(result, category_id, label, templates=templates,  # noqa: S704
                                    layout=layout))}
        for category_id, label in result.categories
    ]
    return _render(
        templates,
        "planning/coverage.html",
        links=_links(page, result),
        tables=[table_view(t, page) for t in coverage_tables(result)],
        maps=maps,
        per_population=result.has_population,
    )


def scenario_view(comparison, page: str, templates: Templates | None) -> dict[str, Any] | None:
    """A committed scenario for the reachability page: changes, headlines, maps, tables."""
    if comparison is None:
        return None
    from .scenario_view import scenario_maps

    s = comparison.scenario
    maps = [{**m, "maps": [{**one, "svg": Markup(one["svg"])} for one in m["maps"]]}  # noqa: S704
            for m in scenario_maps(comparison, templates)]
    tables = {t.slug: table_view(t, page) for t in comparison.tables}
    return {"title": s.title, "description": (s.description or "").strip(),
            "changes": comparison.changes, "headlines": comparison.headlines,
            "sections": [{**m, "table": tables.get(f"szenario-{m['id']}")} for m in maps]}


def reach_html(result: PlanningResult, templates: Templates | None = None,
               scenario=None) -> str:
    """Per category the walking table and, with a timetable, the door-to-door table; a
    committed scenario's before and after (``scenario``: a :class:`~.scenario_compare.
    Comparison`) at the end."""
    page = REACH
    sections = []
    for category_id, label in result.categories:
        ride = transit_table(result, category_id, label)
        sections.append({
            "id": category_id, "label": label,
            "walk": table_view(reach_table(result, category_id, label), page),
            "ride": table_view(ride, page) if ride is not None else None,
        })
    return _render(
        templates,
        "planning/reach.html",
        links=_links(page, result),
        intro=reach_intro(result),
        categories=result.categories,
        sections=sections,
        scenario=scenario_view(scenario, page, templates),
    )


def times_html(result: PlanningResult, templates: Templates | None = None) -> str:
    """The time-coverage table."""
    page = TIMES
    return _render(
        templates,
        "planning/times.html",
        links=_links(page, result),
        table=table_view(time_table(result), page),
    )


def need_html(result: PlanningResult, templates: Templates | None = None) -> str:
    """Need against supply: per category and need indicator a map and the ranked table; then
    every indicator as a small map, its values and sources, and the method."""
    page = NEED
    indicators = result.indicators
    assert indicators is not None
    full, small = SvgShapes.full(result), SvgShapes.small(result)
    sections = []
    for table in result.need:
        chart = indicator_map(result, indicators, table.indicator, table)
        view = table_view(need_data_table(table), page)
        view["slug"] = f"{table.slug}-tabelle"  # the section's heading holds the slug
        view["title"] = "Rangfolge der Sozialräume"
        sections.append({
            "slug": table.slug,
            "title": chart.title,
            "svg": Markup(indicator_svg(chart, full, templates=templates)),  # noqa: S704
            "caption": chart.description,
            "table": view,
            "flagged": len(table.flagged),
        })
    multiples = [
        {"id": i.id, "label": i.label,
         "svg": Markup(indicator_svg(indicator_map(result, indicators, i), small, small=True,  # noqa: S704
                                     templates=templates))}
        for i in indicators.indicators.values()
    ]
    return _render(
        templates,
        "planning/need.html",
        links=_links(page, result),
        findings=need_findings(result),
        sections=sections,
        multiples=multiples,
        values=table_view(indicator_values_table(result, indicators), page),
        sources=table_view(indicator_sources_table(indicators), page),
        method=need_method_paragraphs(result),
        area=result.settings.area_label,
    )


def planning_pages(result: PlanningResult, downloads: bool = True, *,
                   templates: Templates | None = None, scenario=None) -> list[GeneratedPage]:
    """The planning pages (four, and the need page when the atlas keeps indicators), noindex
    and out of the search unless configured otherwise.

    ``templates``: the project's environment (its overrides first); the package's without.
    """

    def meta() -> dict:
        # No table of contents (the bodies are HTML): its sidebar's width goes to the tables.
        out: dict = {"search": {"exclude": True}, "hide": ["toc"]}
        if result.settings.noindex:
            out["robots"] = "noindex"
        return out

    return [
        GeneratedPage(planning_path(), "Planung", overview_html(result, downloads, templates),
                      meta()),
        GeneratedPage(COVERAGE, "Planung: Versorgung", coverage_html(result, templates), meta()),
        GeneratedPage(REACH, "Planung: Erreichbarkeit", reach_html(result, templates, scenario),
                      meta()),
        GeneratedPage(TIMES, "Planung: Zeiten", times_html(result, templates), meta()),
    ] + ([GeneratedPage(NEED, "Planung: Bedarf und Angebot", need_html(result, templates),
                        meta())] if has_need_page(result) else [])
