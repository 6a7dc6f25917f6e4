"""The privacy page says what this site does: tile server and consent from the settings."""

from __future__ import annotations

from dataclasses import replace

from build_tools.config import MapSettings
from build_tools.pages.privacy import MAPS_MARKER, fill_fragments, privacy_fragments

from ..buildkit import page_inputs


def _text(catalog, **map_settings) -> str:
    config = catalog.config.model_copy(update={"map": MapSettings(**map_settings)})
    return privacy_fragments(page_inputs(replace(catalog, config=config)))[MAPS_MARKER]


def test_consent_is_the_default_and_the_page_says_so(catalog):
    assert MapSettings().consent is True
    text = _text(catalog)
    assert "Keine Kachel ohne Ihren Klick" in text and "OpenStreetMap Foundation" in text
    assert "lädt sofort" not in text


def test_tiles_without_consent_and_an_own_server_are_named(catalog):
    text = _text(catalog, consent=False, tiles="https://karten.kreis-neustadt.example/{z}/{x}/{y}.png",
                 attribution="Kreis Neustadt")
    assert "Die Karte lädt sofort" in text and "<code>karten.kreis-neustadt.example</code>" in text
    assert "OpenStreetMap Foundation" not in text and "ohne Ihren Klick" not in text


def test_only_known_markers_are_replaced():
    html = "<p>a</p>\n<!-- atlas:datenschutz-karten -->\n<!-- atlas:unbekannt --><!-- anders -->"
    assert fill_fragments(html, {MAPS_MARKER: "<p>K</p>"}) == (
        "<p>a</p>\n<p>K</p>\n<!-- atlas:unbekannt --><!-- anders -->")
