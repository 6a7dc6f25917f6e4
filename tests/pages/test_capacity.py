"""The offer page's live free places: markup, data block and words only where a feed is set."""

from __future__ import annotations

import json

import pytest

from build_tools.content import load_catalog
from build_tools.i18n import catalogue
from build_tools.pages.offer import offer_page
from build_tools.schema import Status

from ..buildkit import page_inputs
from ..htmlquery import parse
from .conftest import FIXTURE_CONTENT, FIXTURE_DAY, fixture_config

FEED = "https://kaeltehilfe.example/plaetze.json"


@pytest.fixture(scope="module")
def with_feed():
    config = fixture_config().model_copy(update={"languages": ["de", "en", "ar"]})
    config.capacity = type(config.capacity)(url=FEED, offers=["tagestreff-mitte"], max_age_minutes=60)
    result = load_catalog(FIXTURE_CONTENT, config, FIXTURE_DAY)
    assert result.catalog is not None, result.problems
    return result.catalog


def _render(catalog, offer_id: str, lang: str = "de"):
    return offer_page(page_inputs(catalog), catalog.offer(offer_id), lang).html


def test_no_markup_and_no_script_without_the_setting(catalog):
    html = _render(catalog, "tagestreff-mitte")
    assert "data-atlas-capacity" not in html and "atlas-capacity" not in html


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_the_configured_offer_gets_element_data_and_words(with_feed, lang):
    tree = parse(_render(with_feed, "tagestreff-mitte", lang))
    box = tree.find("p", **{"data-atlas-capacity": "tagestreff-mitte"})
    assert box is not None and box.attrs["data-src"] == FEED and "hidden" in box.attrs
    assert box.text.strip() == "", "nothing is said before the script knows"
    data = json.loads(tree.find("script", id="atlas-capacity-data").text)
    words = catalogue(lang).ui
    assert data == {"id": "tagestreff-mitte", "src": FEED, "maxAgeMinutes": 60, "maxBytes": 16384,
                    "timeoutMs": 4000, "words": {"free": words["capacity_free"],
                                                 "free_of": words["capacity_free_of"],
                                                 "unknown": words["capacity_unknown"],
                                                 "unit": words["capacity_unit"],
                                                 "unit_one": words["capacity_unit_one"],
                                                 "day": words["capacity_day"]}}
    scripts = [s.attrs.get("src", "") for s in tree.find_all("script")]
    assert sum(s.endswith("assets/javascripts/atlas-capacity.js") for s in scripts) == 1


def test_other_offers_and_closed_offers_fetch_nothing(with_feed):
    assert "data-atlas-capacity" not in _render(with_feed, "streetwork")
    offer = with_feed.offer("tagestreff-mitte").model_copy(update={"status": Status.temporarily_closed})
    html = offer_page(page_inputs(with_feed), offer).html
    assert "data-atlas-capacity" not in html and "atlas-capacity.js" not in html
