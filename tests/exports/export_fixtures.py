"""Helpers for export tests: the small fixture atlas and (when present) the sample atlas."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog

FIXTURE = Path(__file__).resolve().parent / "fixture" / "content"
ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DAY = date(2026, 11, 22)
SITE = "https://hilfe.example/"


def fixture_catalog(**config):
    """The fixture atlas as a catalog (site_url set, fixed day)."""
    result = load_catalog(FIXTURE, AtlasConfig(site_url=SITE, **config), FIXTURE_DAY)
    assert result.catalog is not None, result.problems
    return result.catalog


def sample_catalog():
    """The sample atlas in content/ (skips the test while it has no offers)."""
    offers = ROOT / "content" / "offers"
    assert offers.is_dir() and any(offers.glob("*.yml")), "the sample atlas has no offers"
    from tests.buildkit import sample_project

    project = sample_project()
    result = load_catalog(project.content_dir, project.settings, FIXTURE_DAY)
    assert result.catalog is not None, [p for p in result.problems if p.severity == "error"][:5]
    return result.catalog
