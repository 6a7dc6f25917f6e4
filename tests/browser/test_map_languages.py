"""The maps' own texts in Debian's Chromium on pages of the language trees: skip link, consent
text and button, "show map", the lazy map's messages and Leaflet's controls in the page's
language (the catalogues' ``map_*`` keys), on an offer page and the overview map, /en/ and /ar/."""

from __future__ import annotations

import pytest

from build_tools import urls
from build_tools.i18n import catalogue

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

OFFER = "notunterkunft-mariengasse"
"""A shelter with a public place (its page has a map) and pages in en and ar."""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_offer_page_map_speaks_the_language(open_page, sample_catalog, lang):
    ui = catalogue(lang).ui
    german = catalogue("de").ui
    assert sample_catalog.config.map.consent, "the sample asks for consent before tiles"
    page = open_page(urls.offer_path(OFFER, lang), 360, 740)
    root = page.locator("[data-atlas-map]")
    assert root.evaluate("e => e.closest('[lang]').lang") == lang  # no German wrapper any more
    assert root.locator(".atlas-map__skip").text_content() == ui["map_skip"]
    title = sample_catalog.offer(OFFER).translations[lang].title
    assert root.locator("[data-atlas-canvas]").get_attribute("aria-label") == ui["map_label"].format(name=title)
    # "show map" (without consent the trigger; with it, the consent button is the only one)
    assert root.locator("[data-atlas-load]").text_content() == ui["map_show"]
    root.scroll_into_view_if_needed()
    consent = root.locator("[data-atlas-consent]")
    consent.wait_for(state="visible")
    text = consent.locator("p").inner_text()
    assert text == ui["map_consent"].format(host="tile.openstreetmap.org"), text
    assert german["map_consent_button"] not in consent.inner_text()
    button = consent.get_by_role("button", name=ui["map_consent_button"])
    button.click()
    page.wait_for_selector(".leaflet-control-zoom-in")
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == ui["map_zoom_in"]
    assert page.locator(".leaflet-control-zoom-out").get_attribute("title") == ui["map_zoom_out"]
    if lang == "ar":
        assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_overview_map_speaks_the_language(open_page, lang):
    ui = catalogue(lang).ui
    page = open_page(urls.language_path(lang, urls.map_path()))
    root = page.locator("[data-atlas-map]")
    assert root.evaluate("e => e.closest('[lang]').lang") == lang
    assert root.locator("[data-atlas-canvas]").get_attribute("aria-label") == ui["map_label_all"]
    assert root.locator("[data-atlas-tools] label").text_content().strip() == ui["map_open_only"]
    root.get_by_role("button", name=ui["map_consent_button"]).click()
    page.wait_for_selector(".leaflet-control-layers-toggle")
    assert page.locator(".leaflet-control-layers-toggle").get_attribute("aria-label") == ui["map_layers"]


def test_german_map_texts_unchanged(open_page):
    page = open_page(urls.offer_path(OFFER))
    root = page.locator("[data-atlas-map]")
    assert root.locator(".atlas-map__skip").text_content() == "Karte überspringen"
    assert root.locator("[data-atlas-load]").inner_text() == "Karte anzeigen"
    assert root.locator("[data-atlas-consent] p").text_content() == (
        "Die Karte lädt Kartenbilder vom Kartenserver tile.openstreetmap.org. Dabei wird Ihre "
        "IP-Adresse an diesen Server übertragen. Alle Angebote stehen auch in der Liste.")
