"""Fixtures of the planning tests (helpers live in :mod:`.synthetic`)."""

from __future__ import annotations

import pytest
import shapely


@pytest.fixture
def square():
    """A 1 km × 1 km square with its lower-left corner at the origin (metres)."""
    return shapely.box(0, 0, 1000, 1000)
