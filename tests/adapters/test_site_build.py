"""Collecting a build's pages and files: the forked half gives what one process gives."""

from __future__ import annotations

import os

from build_tools.adapters.site_build import collect
from build_tools.content import load_catalog
from build_tools.outputs import BuildContext
from tests.pages.conftest import FIXTURE_CONTENT, FIXTURE_DAY, fixture_config


def _flatten(contribution):
    pages = [(p.path, p.title, p.html, p.meta, p.markdown) for p in contribution.pages]
    files = [(f.path, f.read()) for f in contribution.files]
    return pages, files


def test_parallel_collect_equals_collect_in_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    catalog = load_catalog(FIXTURE_CONTENT, fixture_config(), FIXTURE_DAY).catalog
    assert catalog is not None

    def context():
        return BuildContext(site_url="https://hilfe.test.example/", cache_dir=str(tmp_path / "cache"),
                            extra={"content_dir": str(FIXTURE_CONTENT)})

    together = _flatten(collect(catalog, context(), parallel=True))
    alone = _flatten(collect(catalog, context(), parallel=False))
    assert together == alone
    paths = [path for path, _ in together[1]]
    assert any(p.startswith("daten/") for p in paths), "exports come from the forked half"
    assert any(p.startswith("flyers/") for p in paths)
