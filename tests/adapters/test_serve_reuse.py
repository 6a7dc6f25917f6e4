"""`mkdocs serve` rebuilds: unchanged pages are reused, and the site equals a full build."""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from build_tools.adapters.mkdocs_plugin import AtlasPlugin

from .project import FIXTURE, write_project


@pytest.fixture(autouse=True)
def _quiet_env(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")


# The theme's sitemap lists the pages MkDocs rendered in this pass; reused pages are not among
# them. A preview's sitemap is never published (`make build` does not reuse pages).
PREVIEW_ONLY_DIFFERENCES = {"sitemap.xml", "sitemap.xml.gz", "sitemap.xml.br"}


def _serve_build(config_file: Path, site: Path) -> AtlasPlugin:
    # What `mkdocs serve` does per rebuild: a fresh config (same plugin instances), a full build.
    config = load_config(str(config_file), site_dir=str(site))
    build(config, serve_url="http://127.0.0.1:8000/")
    return config.plugins["atlas"]


_RELOADER = re.compile(r'<script src="[^"]*atlas-preview\.js" defer></script>')


def _without_reloader(html: str) -> str:
    return _RELOADER.sub("", html)


def _differences(left: Path, right: Path) -> list[str]:
    found = []
    for path in sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file()):
        if path.name in PREVIEW_ONLY_DIFFERENCES or path.suffix in {".gz", ".br"}:
            continue  # the .gz and .br twins are for a static host; the preview writes none
        other = right / path
        if not other.is_file():
            found.append(f"missing: {path}")
        elif path.suffix == ".html":
            # The preview adds its reload script to each page (build_tools.adapters.preview).
            ours, theirs = (_without_reloader(p.read_text(encoding="utf-8")) for p in (left / path, other))
            if ours != theirs:
                found.append(f"differs: {path}")
        elif not filecmp.cmp(left / path, other, shallow=False):
            found.append(f"differs: {path}")
    found += [f"extra: {p.relative_to(right)}" for p in right.rglob("*")
              if p.is_file() and not (left / p.relative_to(right)).exists()]
    return found


def test_a_rebuild_reuses_unchanged_pages_and_equals_a_full_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config_file = write_project(tmp_path, content=content)
    served = tmp_path / "served"
    first = load_config(str(config_file), site_dir=str(served))
    first.plugins.on_startup(command="serve", dirty=False)
    plugin = _serve_build(config_file, served)
    assert plugin._cache.reused == []

    offer = content / "offers" / "tagestreff-mitte.yml"
    text = offer.read_text(encoding="utf-8")
    assert "summary:" in text
    offer.write_text(text.replace("summary: ", "summary: Neu ab heute ", 1), encoding="utf-8")
    again = _serve_build(config_file, served)
    assert again is plugin, "MkDocs keeps plugins with on_startup across rebuilds"
    reused = {c.dest for c in plugin._cache.reused}
    assert reused, "unchanged offer pages should be reused"
    assert "angebote/tagestreff-mitte/index.html" not in reused
    assert "Neu ab heute" in (served / "angebote" / "tagestreff-mitte" / "index.html").read_text(encoding="utf-8")

    fresh = tmp_path / "fresh"
    config = load_config(str(config_file), site_dir=str(fresh))
    config.plugins.on_startup(command="build", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    assert _differences(fresh, served) == []


def test_a_template_change_renders_everything_again(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config_file = write_project(tmp_path, content=content)
    served = tmp_path / "served"
    load_config(str(config_file), site_dir=str(served)).plugins.on_startup(command="serve", dirty=False)
    plugin = _serve_build(config_file, served)
    config_file.write_text(config_file.read_text(encoding="utf-8") + "\n# geändert\n", encoding="utf-8")
    _serve_build(config_file, served)
    assert plugin._cache.reused == []
