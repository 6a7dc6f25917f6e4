"""Which pages an alert concerns (build_tools/alerts.py) and which alerts a build publishes."""

from __future__ import annotations

from datetime import date

from build_tools import alerts
from build_tools.schema import Alert, Offer


def make_alert(**fields) -> Alert:
    data = {"text": "Hinweis", "start": "2026-12-01", "end": "2026-12-05", **fields}
    alert = Alert.model_validate(data)
    alert.id = fields.get("id", "a")
    return alert


OFFER = Offer.model_validate({
    "id": "tafel", "title": "Tafel", "summary": "Lebensmittel.", "category": "essen",
    "also_categories": ["beratung"], "service_area": ["nord", "ost"], "last_verified": "2026-10-01",
})


def test_an_alert_without_scope_is_everywhere():
    wide = make_alert()
    assert wide.site_wide and wide.heading == "Hinweis"
    assert alerts.for_page([wide]) == alerts.for_category([wide], "x") == alerts.for_offer([wide], OFFER) == [wide]


def test_scopes_of_category_district_and_offer():
    food = make_alert(categories=["essen"])
    north = make_alert(districts=["nord"])
    food_south = make_alert(categories=["essen"], districts=["sued"])
    advice_east = make_alert(categories=["beratung"], districts=["ost"])
    named = make_alert(offers=["tafel"])
    other = make_alert(offers=["kaeltebus"])
    every = [food, north, food_south, advice_east, named, other]
    assert alerts.for_home(every) == every
    assert alerts.for_page(every) == []
    assert alerts.for_category(every, "essen") == [food, food_south]
    assert alerts.for_district(every, "nord") == [north]
    # An offer: named, or fits every dimension the alert gives (also categories, service area).
    assert alerts.for_offer(every, OFFER) == [food, north, advice_east, named]


def test_a_build_publishes_what_has_not_ended_in_start_order():
    later = make_alert(id="b", start="2026-12-10", end="2026-12-20")
    ended = make_alert(id="c", start="2026-11-01", end="2026-11-21")
    soon = make_alert(id="a", start="2026-12-01", end="2026-12-05")
    assert [a.id for a in alerts.current([later, ended, soon], date(2026, 11, 22))] == ["a", "b"]


def test_kaeltehilfe_names_offers_to_raise():
    cold = make_alert(level="kaelte", offers=["kaeltebus"])
    assert cold.heading == "Kältehilfe aktiv"
    assert alerts.cold_offer_ids([cold, make_alert(offers=["tafel"])]) == {"kaeltebus"}
