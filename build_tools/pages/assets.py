"""Static assets: every file under the package's ``assets/`` is published at ``assets/``.

Core code, not MkDocs: any writer (the plugin, a plain exporter) calls :func:`asset_sources`.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import urls
from ..catalog import Catalog
from ..outputs import GeneratedFile
from ..resources import assets_dir

CATEGORY_CSS = urls.asset_path("stylesheets/atlas-categories.css")
STYLESHEETS = (urls.asset_path("stylesheets/atlas.css"), CATEGORY_CSS)
"""Our stylesheets, added to every page after the theme's own (``extra_css``)."""


def asset_sources(folder: Path | None = None) -> list[tuple[str, Path]]:
    """``(site path, file)`` for every asset, sorted; hidden files are skipped."""
    folder = folder or assets_dir()
    out = []
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder)
        if file.is_file() and not any(part.startswith(".") for part in rel.parts):
            out.append((urls.asset_path(rel.as_posix()), file))
    return out


def shipped_css(source: Path) -> bytes:
    """A stylesheet as the site serves it: without comments and spare whitespace (rcssmin).

    Our stylesheets explain themselves in comments; a phone on prepaid data need not download
    them (atlas.css: 7.2 → 4.4 KB gzip, on every page)."""
    import rcssmin

    return rcssmin.cssmin(source.read_text(encoding="utf-8")).encode("utf-8") + b"\n"


def category_css(catalog: Catalog) -> GeneratedFile:
    """One custom property per category colour (``.atlas-cat--essen { --atlas-cat: #b34700 }``)."""
    lines = [
        f".atlas-cat--{cat.id}{{--atlas-cat:{cat.color}}}"
        for cat in catalog.categories.values()
    ]
    return GeneratedFile(CATEGORY_CSS, ("\n".join(lines) + "\n").encode())


# Material's JS bundle names two CDN URLs it loads only in rare cases (a ResizeObserver
# polyfill for browsers from before 2020, mermaid for diagrams we never use). The site must not
# contain any CDN address, so they become empty same-origin scripts: old browsers lose Material's
# enhancements, never the content.
CDN_REPLACEMENTS = {
    "https://unpkg.com/resize-observer-polyfill": "data:text/javascript,",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "data:text/javascript,",
}
THEME_BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]+\.min\.js(\.map)?$")


def without_cdn(text: str) -> str:
    """``text`` with the known CDN URLs of the theme's bundle replaced."""
    for url, replacement in CDN_REPLACEMENTS.items():
        text = text.replace(url, replacement)
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)
