"""The editors' preview (``mkdocs serve``): problems as a page, and a reload after each rebuild.

A content error must not leave the browser waiting for a build that never comes: the preview
then shows, at every page the editor may have open, the list of problems (``file:line:col``,
German), and it recovers on its own once the file is fixed and saved.

MkDocs' live reload injects an inline script, which the site's Content-Security-Policy refuses
(scripts only from the site itself). ``atlas-preview.js`` does the same job from a file: it asks
the preview server for the current build and reloads the page when a newer one is there.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import Any

from .. import urls
from ..outputs import Contribution, GeneratedPage
from ..problems import Problem
from ..templating import templates_for

RELOADER = urls.asset_path("javascripts/atlas-preview.js")
TITLE = "Vorschau: Fehler im Inhalt"


def report(problems: list[Problem]) -> None:
    """Print the problems where the editor started the preview (not as log warnings: under
    ``strict: true`` MkDocs would abort the preview build on them)."""
    print(f"atlas: {len(problems)} Fehler — die Vorschau zeigt sie im Browser:", file=sys.stderr)
    for problem in problems:
        print("  " + problem.format_text(), file=sys.stderr)


def error_pages(problems: list[Problem], paths: Iterable[str]) -> Contribution:
    """The problem page at each of ``paths`` (site paths of pages)."""
    templates = templates_for(None)
    pages = []
    for path in paths:
        html = templates.render(
            "preview_error.html",
            problems=[p.format_text() for p in problems],
            count=len(problems),
            home=urls.relative_url(path, ""),
        )
        meta = {"robots": "noindex", "search": {"exclude": True}, "hide": ["toc", "navigation"]}
        pages.append(GeneratedPage(path=path, title=TITLE, html=html, meta=meta))
    return Contribution(pages=pages)


def quiet_validation(config: Any) -> None:
    """While the preview shows problems instead of the site, the pages the nav and the
    hand-written pages link to are missing: that must not count as warnings (``strict: true``
    would abort the preview build and leave the browser waiting)."""
    for checks in (config.validation.nav, config.validation.links):
        for name in ("not_found", "omitted_files", "absolute_links", "unrecognized_links", "anchors"):
            if name in checks:
                checks[name] = logging.INFO


def with_reloader(html: str, dest_uri: str) -> str:
    """``html`` with the reload script before ``</body>`` (page-relative, works under a sub-path)."""
    page_dir = dest_uri.rsplit("/", 1)[0] + "/" if "/" in dest_uri else ""
    src = urls.relative_url(page_dir, RELOADER)
    tag = f'<script src="{src}" defer></script>'
    at = html.rfind("</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]
