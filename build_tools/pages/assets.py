"""Static assets: everything under ``site_templates/assets/`` is published at ``assets/``.

Core code, not MkDocs: any writer (plugin, plain exporter) calls :func:`static_assets`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..catalog import Catalog
from ..outputs import GeneratedFile
from .templating import ROOT

ASSET_DIR = ROOT / "site_templates" / "assets"
CATEGORY_CSS = "assets/stylesheets/atlas-categories.css"


def asset_sources(asset_dir: Path = ASSET_DIR) -> list[tuple[str, Path]]:
    """``(site path, file)`` for every asset, sorted; hidden files are skipped."""
    if not asset_dir.is_dir():
        return []
    out = []
    for file in sorted(asset_dir.rglob("*")):
        rel = file.relative_to(asset_dir)
        if file.is_file() and not any(part.startswith(".") for part in rel.parts):
            out.append(("assets/" + rel.as_posix(), file))
    return out


def static_assets(asset_dir: Path = ASSET_DIR) -> list[GeneratedFile]:
    """Every asset as a :class:`GeneratedFile` (bytes read now)."""
    return [GeneratedFile(path, file.read_bytes()) for path, file in asset_sources(asset_dir)]


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
