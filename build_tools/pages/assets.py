"""Static assets: everything under ``site_templates/assets/`` is published at ``assets/``.

Core code, not MkDocs: any writer (plugin, plain exporter) calls :func:`static_assets`.
"""

from __future__ import annotations

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
