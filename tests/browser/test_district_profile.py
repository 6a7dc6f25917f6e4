"""The district profile in Debian's Chromium: 360 px, the first screen, axe; the need page too."""

from __future__ import annotations

import pytest

from build_tools import urls

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DISTRICT = urls.district_path("sued")


def axe_violations(page) -> tuple[int, str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.violations_count, results.generate_report()


def test_profile_at_360_keeps_the_offers_on_the_first_screen(open_page):
    page = open_page(DISTRICT, 360, 740)
    summary = page.locator("details#profil > summary")
    assert summary.is_visible()
    assert "Sozialraumprofil: 7 Kennzahlen (2025)" in summary.inner_text()
    assert not page.locator("details#profil dl").is_visible()  # closed at first
    count = page.locator("p", has_text="Angebote.").first.bounding_box()
    assert count["y"] + count["height"] <= 740, "the offers start on the first screen"


def test_profile_opens_fits_360_and_passes_axe(open_page):
    page = open_page(DISTRICT, 360, 740)
    page.locator("details#profil > summary").click()
    profile = page.locator("details#profil")
    assert profile.get_attribute("open") is not None
    value = page.locator("details#profil dd").first
    assert "16,9\u00a0% · Stadt 11,2\u00a0%" in value.inner_text()
    trend = page.locator("details#profil svg.atlas-trend").first
    box = trend.bounding_box()
    assert box["width"] > 50 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    count, report = axe_violations(page)
    assert count == 0, report


def test_need_page_passes_axe_and_fits_360(open_page):
    page = open_page(urls.planning_part_path("bedarf"), 360, 740)
    assert page.locator("h2#bedarf-essen-sgb2_quote").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    count, report = axe_violations(page)
    assert count == 0, report
