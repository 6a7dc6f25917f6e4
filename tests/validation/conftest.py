"""A small content folder (tests/fixtures/minimal: categories essen and beratung, target group
wohnungslose, district mitte, one valid offer) and a helper that adds offer files and returns
the findings of ``load_catalog`` as ``file:line:col: severity: field: message`` lines."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from build_tools.config import AtlasConfig, Region
from build_tools.content import load_catalog

from ..conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
TODAY = date(2026, 11, 22)
# Around the fixture's district "mitte" (lat 50.75–50.85, lon 6.40–6.55).
REGION = Region(south=50.70, west=6.36, north=50.90, east=6.62)

GOOD = """\
title: Kleiderkammer Süd
summary: Kleidung für alle.
category: beratung
location: {street: "Kirchgasse 4", postal_code: "52349", city: Musterstadt, lat: 50.81, lon: 6.45}
last_verified: 2026-10-01
"""


class Content:
    """The fixture copied to a temporary folder, with helpers to write files and check them."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / "content"
        shutil.copytree(FIXTURE, self.folder)

    def offer(self, name: str, text: str) -> Path:
        """Write ``content/offers/<name>.yml``."""
        path = self.folder / "offers" / f"{name}.yml"
        path.write_text(text, encoding="utf-8")
        return path

    def organization(self, name: str, text: str) -> Path:
        """Write ``content/organizations/<name>.yml``."""
        path = self.folder / "organizations" / f"{name}.yml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def check(self, country: str | None = None):
        """``load_catalog`` from the folder's parent (paths in messages start with content/)."""
        config = AtlasConfig(region=REGION)
        if country is not None:
            object.__setattr__(config, "country", country)
        cwd = os.getcwd()
        os.chdir(self.root)
        try:
            return load_catalog(Path("content"), config, TODAY)
        finally:
            os.chdir(cwd)

    def lines(self, country: str | None = None) -> list[str]:
        """Every finding as text."""
        return [p.format_text() for p in self.check(country).problems]


@pytest.fixture
def content(tmp_path: Path) -> Content:
    return Content(tmp_path)
