"""Fixtures for export tests (helpers live in ``export_fixtures``)."""

from __future__ import annotations

import pytest
from export_fixtures import fixture_catalog


@pytest.fixture
def catalog():
    return fixture_catalog()
