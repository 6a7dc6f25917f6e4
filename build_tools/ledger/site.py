"""The ledger family of a site build: redirect pages for aliases and for the short links of QR
codes (the ledger check runs at load).

Why our own redirect pages rather than mkdocs-redirects: aliases come from the offer files, not
from ``mkdocs.yml``; the pages must carry German text and ``lang="de"``, keep ``#fragments``
without an inline script (the CSP forbids those), and render without MkDocs for other adapters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..outputs import Contribution, GeneratedFile
from ..templating import Templates
from ..urls import absolute_url, asset_path, offer_path, relative_url, short_path
from .short import short_targets

if TYPE_CHECKING:
    from ..build import Inputs, Tools

REDIRECT_SCRIPT = asset_path("javascripts/atlas-redirect.js")


def _redirect(catalog: Catalog, templates: Templates, template: str, old: str, offer_id: str,
              title: str) -> GeneratedFile:
    new = offer_path(offer_id)
    target = relative_url(old, new)
    canonical = absolute_url(catalog.config.site_url, new) if catalog.config.site_url else target
    html = templates.render(template, title=title, target=target, canonical=canonical,
                            script=relative_url(old, REDIRECT_SCRIPT))
    return GeneratedFile(old + "index.html", html.encode("utf-8"))


def alias_pages(catalog: Catalog, templates: Templates) -> list[GeneratedFile]:
    """One redirect page per alias, at the old offer URL."""
    files = [_redirect(catalog, templates, "alias.html", offer_path(alias), offer.id, offer.title)
             for offer in catalog.offers for alias in offer.aliases]
    return sorted(files, key=lambda f: f.path)


def short_pages(catalog: Catalog, templates: Templates) -> list[GeneratedFile]:
    """One redirect page per short code: ``q/<code>/`` of every id and alias → the offer."""
    files = [
        _redirect(catalog, templates, "short.html", short_path(code), target.offer_id,
                  catalog.offer(target.offer_id).title)
        for code, target in short_targets(catalog).items()
    ]
    return sorted(files, key=lambda f: f.path)


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """Alias pages and short-link pages."""
    catalog = inputs.catalog
    return Contribution(files=alias_pages(catalog, tools.templates)
                        + short_pages(catalog, tools.templates))
