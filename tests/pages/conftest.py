"""A small fixture atlas (tests/pages/fixtures/content) with the cases pages must handle:
a full offer with translations, a confidential one with markup in its title, one without a
fixed place, an ended one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from build_tools.config import AtlasConfig, EmergencyNumber
from build_tools.content import load_catalog

FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
FIXTURE_DAY = date(2026, 11, 22)


def fixture_config() -> AtlasConfig:
    return AtlasConfig(
        name="Hilfe in Testheim",
        site_url="https://hilfe.test.example/",
        report_email="fehler@test.example",
        sample_data=True,
        emergency_numbers=[
            EmergencyNumber(label="Notruf", number="112"),
            EmergencyNumber(label="Telefonseelsorge", number="0800 111 0 111", note="kostenlos"),
        ],
    )


@pytest.fixture(scope="session")
def catalog():
    result = load_catalog(FIXTURE_CONTENT, fixture_config(), FIXTURE_DAY)
    assert result.catalog is not None, result.problems
    return result.catalog
