"""The ledger family of a site build: redirect pages for aliases (the ledger check runs at load).

Why our own redirect pages rather than mkdocs-redirects: aliases come from the offer files, not
from ``mkdocs.yml``; the pages must carry German text and ``lang="de"``, keep ``#fragments``
without an inline script (the CSP forbids those), and render without MkDocs for other adapters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..outputs import Contribution, GeneratedFile
from ..templating import Templates
from ..urls import absolute_url, asset_path, offer_path, relative_url

if TYPE_CHECKING:
    from ..build import Inputs, Tools

REDIRECT_SCRIPT = asset_path("javascripts/atlas-redirect.js")


def alias_pages(catalog: Catalog, templates: Templates) -> list[GeneratedFile]:
    """One redirect page per alias, at the old offer URL."""
    files = []
    for offer in catalog.offers:
        for alias in offer.aliases:
            old = offer_path(alias)
            new = offer_path(offer.id)
            target = relative_url(old, new)
            canonical = absolute_url(catalog.config.site_url, new) if catalog.config.site_url else target
            html = templates.render(
                "alias.html",
                title=offer.title,
                target=target,
                canonical=canonical,
                script=relative_url(old, REDIRECT_SCRIPT),
            )
            files.append(GeneratedFile(old + "index.html", html.encode("utf-8")))
    return sorted(files, key=lambda f: f.path)


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """Alias pages."""
    return Contribution(files=alias_pages(inputs.catalog, tools.templates))
