"""Shared fixtures: paths, the sample content, golden-file switch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
GOLDEN = Path(__file__).resolve().parent / "goldens"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", default=False,
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def golden(update_goldens: bool):
    """Compare text with ``tests/goldens/<name>`` (or rewrite it with --update-goldens)."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update_goldens or not path.exists():
            if not update_goldens:
                pytest.fail(f"golden file {path} is missing; run pytest --update-goldens")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"{name} differs from its golden file (pytest --update-goldens)"

    return check


# A fixed day for tests, so "not verified for 12 months" does not depend on the calendar.
TODAY = date(2026, 11, 22)


@pytest.fixture
def today() -> date:
    return TODAY
