"""Site contribution of the ledger: redirect pages for aliases, and the printed-URL check.

Why our own redirect pages rather than mkdocs-redirects: aliases come from the offer files, not
from ``mkdocs.yml``; the pages must carry German text and ``lang="de"``, keep ``#fragments``
without an inline script (the CSP forbids those), and render without MkDocs for other adapters.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..catalog import Catalog
from ..outputs import BuildContext, Contribution, GeneratedFile
from ..problems import ContentError
from ..urls import absolute_url, offer_path, relative_url
from .check import check_ledger

_TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates" / "redirect"
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(_TEMPLATES)), autoescape=True, keep_trailing_newline=True
)


def alias_pages(catalog: Catalog) -> list[GeneratedFile]:
    """One redirect page per alias, at the old offer URL."""
    template = _ENV.get_template("alias.html")
    files = []
    for offer in catalog.offers:
        for alias in offer.aliases:
            old = offer_path(alias)
            new = offer_path(offer.id)
            target = relative_url(old, new)
            canonical = absolute_url(catalog.config.site_url, new) if catalog.config.site_url else target
            html = template.render(
                title=offer.title,
                target=target,
                canonical=canonical,
                script=relative_url(old, "assets/javascripts/atlas-redirect.js"),
            )
            files.append(GeneratedFile(old + "index.html", html.encode("utf-8")))
    return sorted(files, key=lambda f: f.path)


def contribute(catalog: Catalog, ctx: BuildContext) -> Contribution:
    """Alias pages; raises :class:`ContentError` when a printed URL would break."""
    ledger = ctx.extra.get("ledger_path")
    if ledger:
        problems = check_ledger(catalog, Path(ledger), ctx.extra.get("ledger_display"))
        if problems:
            raise ContentError(problems)
    return Contribution(files=alias_pages(catalog))
