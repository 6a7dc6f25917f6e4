"""The planning section's contribution to a site build (``/planung/`` and its downloads).

The sorting script lives in ``site_templates/assets/javascripts/atlas-sort.js``; the adapter
copies every asset, so it is not part of this contribution.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..outputs import BuildContext, Contribution, GeneratedFile
from ..urls import planning_path
from .analysis import analyse
from .config import planning_settings
from .pages import planning_pages
from .report_md import csv_zip, report_csv_files, report_markdown
from .report_pdf import report_pdf


def contribute(catalog: Catalog, ctx: BuildContext) -> Contribution:
    """Planning pages, the report downloads and the sorting script; nothing when switched off."""
    if not catalog.config.planning:
        return Contribution()
    settings = planning_settings(catalog.config)
    result = analyse(catalog, settings, ctx.extra.get("content_dir"))
    title = catalog.config.name
    base = planning_path()
    files = [
        # Markdown goes into the ZIP: a loose .md file would become a page of the site.
        GeneratedFile(base + "planungsbericht.zip", csv_zip({
            "planungsbericht.md": report_markdown(result, title), **report_csv_files(result),
        })),
        GeneratedFile(base + "planungsbericht.pdf", report_pdf(result, title, catalog.build_date)),
    ]
    return Contribution(pages=planning_pages(result, downloads=True), files=files)
