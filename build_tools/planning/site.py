"""The planning family of a site build: ``/planung/`` and its downloads (nothing when off)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..outputs import Contribution, GeneratedFile
from ..problems import ContentError
from ..urls import planning_report_path
from .analysis import analyse
from .pages import planning_pages
from .report_md import csv_zip, report_csv_files, report_markdown, report_tables
from .report_pdf import ReportError, report_pdf

if TYPE_CHECKING:
    from ..build import Inputs, Tools


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """Planning pages, the report as PDF and as a ZIP of Markdown and CSV tables."""
    settings = inputs.settings.planning
    catalog = inputs.catalog
    if not settings.enabled:
        return Contribution()
    result = analyse(catalog, settings, inputs.population, inputs.indicators,
                     inputs.network, inputs.transit, holidays=inputs.holidays)
    comparison = None
    if inputs.scenario is not None:  # the committed scenario (planning.scenario)
        from .scenario_compare import compare

        comparison = compare(catalog, inputs.scenario, result, inputs.population,
                             inputs.indicators, inputs.network, inputs.transit, holidays=inputs.holidays)
    title = inputs.settings.name
    tables = report_tables(result)
    try:
        pdf = report_pdf(result, title, catalog.build_date, tools.templates, comparison, tools.memory)
    except ReportError as error:  # a broken override: a message at the template, no traceback
        raise ContentError([error.problem()]) from error
    files = [
        # Markdown goes into the ZIP: a loose .md file would become a page of the site.
        GeneratedFile(planning_report_path("zip"), csv_zip({
            "planungsbericht.md": report_markdown(result, title, tables, comparison),
            **report_csv_files(result, tables, comparison),
        })),
        GeneratedFile(planning_report_path("pdf"), pdf),
    ]
    return Contribution(pages=planning_pages(result, downloads=True, templates=tools.templates,
                                             scenario=comparison),
                        files=files)
