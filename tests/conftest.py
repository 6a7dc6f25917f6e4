"""Shared fixtures: paths, the sample content, golden-file switch."""

from __future__ import annotations

import os
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


# Debian's Chromium, driven by Playwright — never a downloaded browser. One Playwright instance
# per test process: Playwright's sync API refuses a second one while the first is running.
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
]


@pytest.fixture(scope="session")
def browser():
    """Chromium for every browser test in this process. A missing browser fails, never skips:
    `make test` installs Debian's package (`make browser`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium fehlt ({CHROMIUM}); `make browser` installiert Debians Paket chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
