"""Fixtures for the flyer tests: a small atlas, print options, and built flyers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from build_tools.config import AtlasConfig, EmergencyNumber
from build_tools.content import load_catalog
from build_tools.flyers.build import build_flyers
from build_tools.flyers.page import PrintOptions

HERE = Path(__file__).resolve().parent
FIXTURE_CONTENT = HERE / "content"
FIXTURE_DEFINITIONS = HERE / "definitions"
SITE_URL = "https://hilfe.musterstadt.example/"
TODAY = date(2026, 11, 22)


def fixture_catalog():
    config = AtlasConfig(
        name="Hilfe in Musterstadt", site_url=SITE_URL, publisher="Stadt Musterstadt",
        emergency_numbers=[EmergencyNumber(label="Notruf", number="112")],
    )
    result = load_catalog(FIXTURE_CONTENT, config, TODAY)
    assert result.catalog is not None, result.problems
    return result.catalog


@pytest.fixture(scope="module")
def catalog():
    return fixture_catalog()


@pytest.fixture(scope="module")
def options() -> PrintOptions:
    return PrintOptions(site_url=SITE_URL, atlas_name="Hilfe in Musterstadt")


@pytest.fixture(scope="module")
def built(catalog, options):
    """Every fixture flyer, German, no bleed."""
    result = build_flyers(catalog, options, FIXTURE_DEFINITIONS, None, processes=1)
    assert not result.problems
    return result.files
