"""Privacy by default on the sample: no tile request before a click, and the privacy page says so."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.mark.parametrize("path", ["angebote/tafel-innenstadt/", "karte/", "sozialraeume/innenstadt/"])
def test_no_third_party_request_before_the_map_is_asked_for(open_page, path, tile_host):
    page = open_page(path, 360, 740)
    page.mouse.wheel(0, 4000)  # scrolled past the map: still no tile without the click
    page.wait_for_timeout(500)
    assert page.atlas_external == []
    assert page.get_by_role("button", name="Karte laden").count() >= 1


def test_the_privacy_page_describes_this_site(built_site):
    html = (built_site / "datenschutz" / "index.html").read_text(encoding="utf-8")
    assert "Keine Kachel ohne Ihren Klick" in html and "atlas:datenschutz-karten" not in html
    assert "Ist die Einstellung" not in html  # no conditional description of a setting
