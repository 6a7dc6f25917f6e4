"""The planning pages: overview, coverage, reachability, times.

This module decides what the pages say — figures, gaps, links, every table cell — and hands it
to the templates ``planning/*.html``, which decide how it looks. Tables are complete without
script; ``atlas-sort.js`` only adds sorting buttons to their headers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..outputs import GeneratedPage
from ..templating import Templates, templates_for
from ..urls import (
    asset_path,
    planning_part_path,
    planning_path,
    planning_report_path,
    relative_url,
)
from .analysis import PlanningResult
from .findings import findings
from .method import method_paragraphs
from .numbers import fmt_km, fmt_number
from .svg_map import category_map
from .tables import Table, coverage_tables, reach_table, time_table

SORT_SCRIPT = asset_path("javascripts/atlas-sort.js")
COVERAGE = planning_part_path("versorgung")
REACH = planning_part_path("erreichbarkeit")
TIMES = planning_part_path("zeiten")


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


def table_view(table: Table, page: str) -> dict[str, Any]:
    """What the ``planning.table`` macro needs: columns, cells with page-relative links."""
    return {
        "slug": table.slug,
        "title": table.title,
        "note": table.note,
        "columns": [Column(c, n) for c, n in zip(table.columns, table.numeric, strict=True)],
        "rows": [
            [Cell(v.text, v.sort, v.zero, v.flag,
                  relative_url(page, v.link) if v.link else None) for v in row]
            for row in table.rows
        ],
    }


def _render(templates: Templates | None, name: str, **context: Any) -> str:
    return (templates or templates_for(None)).render(name, **context)


def table_html(table: Table, page: str, caption_level: str = "h3", *,
               templates: Templates | None = None) -> str:
    """A sortable ``<table>`` under its heading; zero and flagged cells carry markers."""
    return _render(templates, "planning/table.html", table=table_view(table, page),
                   level=caption_level)


def _links(page: str) -> dict[str, str]:
    """Every link a planning page may show, relative to ``page``."""
    paths = {
        "overview": planning_path(), "coverage": COVERAGE, "reach": REACH, "times": TIMES,
        "sort_script": SORT_SCRIPT,
        "report_pdf": planning_report_path("pdf"), "report_zip": planning_report_path("zip"),
    }
    return {name: relative_url(page, path) for name, path in paths.items()}


def overview_html(result: PlanningResult, downloads: bool,
                  templates: Templates | None = None) -> str:
    """The planning start page: key figures, the gaps in words, links."""
    population = None
    if result.has_population:
        population = fmt_number(sum(d.population or 0 for d in result.districts), 0)
    return _render(
        templates,
        "planning/overview.html",
        links=_links(planning_path()),
        open_offers=result.open_offers,
        district_count=len(result.districts),
        category_count=len(result.categories),
        population=population,
        findings=findings(result),
        distances=[fmt_km(d) for d in result.settings.distances_m],
        downloads=downloads,
        method=method_paragraphs(result),
    )


def coverage_html(result: PlanningResult, templates: Templates | None = None) -> str:
    """Matrix tables, then one choropleth map per category."""
    page = COVERAGE
    maps = [
        {"id": category_id, "label": label,
         "svg": Markup(category_map(result, category_id, label, templates=templates))}  # noqa: S704
        for category_id, label in result.categories
    ]
    return _render(
        templates,
        "planning/coverage.html",
        links=_links(page),
        tables=[table_view(t, page) for t in coverage_tables(result)],
        maps=maps,
        per_population=result.has_population,
    )


def reach_html(result: PlanningResult, templates: Templates | None = None) -> str:
    """One reachability table per category."""
    page = REACH
    s = result.settings
    return _render(
        templates,
        "planning/reach.html",
        links=_links(page),
        walking_speed=fmt_number(s.walking_speed_kmh, 1),
        detour_factor=fmt_number(s.detour_factor, 2),
        categories=result.categories,
        tables=[table_view(reach_table(result, c, label), page) for c, label in result.categories],
    )


def times_html(result: PlanningResult, templates: Templates | None = None) -> str:
    """The time-coverage table."""
    page = TIMES
    return _render(
        templates,
        "planning/times.html",
        links=_links(page),
        table=table_view(time_table(result), page),
    )


def planning_pages(result: PlanningResult, downloads: bool = True, *,
                   templates: Templates | None = None) -> list[GeneratedPage]:
    """The four planning pages, noindex and out of the search unless configured otherwise.

    ``templates``: the project's environment (its overrides first); the package's without.
    """

    def meta() -> dict:
        out: dict = {"search": {"exclude": True}}
        if result.settings.noindex:
            out["robots"] = "noindex"
        return out

    return [
        GeneratedPage(planning_path(), "Planung", overview_html(result, downloads, templates),
                      meta()),
        GeneratedPage(COVERAGE, "Planung: Versorgung", coverage_html(result, templates), meta()),
        GeneratedPage(REACH, "Planung: Erreichbarkeit", reach_html(result, templates), meta()),
        GeneratedPage(TIMES, "Planung: Zeiten", times_html(result, templates), meta()),
    ]
