"""Text lines for pages and flyers, schema.org JSON-LD and the compact browser schedule."""

from __future__ import annotations

import json
from datetime import date

from build_tools.opening_hours import (
    compact_schedule,
    describe_hours,
    describe_offer_hours,
    holiday_horizon,
    hours_data,
    opening_hours_jsonld,
    parse_hours,
)

from .cases import FakeOffer, Season


def test_weekly_table_in_german():
    assert describe_hours("Mo-Fr 09:00-12:00,14:00-16:00; PH off") == [
        "Mo–Fr 09:00–12:00 Uhr, 14:00–16:00 Uhr",
        "Feiertags geschlossen",
    ]
    assert describe_hours("Mo-Fr 09:00-17:00; We 09:00-12:00; Sa \"nach Vereinbarung\"; Su off") == [
        "Mo, Di, Do, Fr 09:00–17:00 Uhr", "Mi 09:00–12:00 Uhr", "Sa: nach Vereinbarung", "So geschlossen",
    ]
    assert describe_hours("Mo-We,Fr 10:00-14:00") == ["Mo–Mi, Fr 10:00–14:00 Uhr"]


def test_special_lines():
    assert describe_hours("Mo-Su 20:00-08:00") == ["Täglich 20:00–08:00 Uhr"]
    assert describe_hours("24/7") == ["Rund um die Uhr"]
    assert describe_hours("Nov-Mar Mo-Fr 10:00-16:00") == ["Nov–Mär: Mo–Fr 10:00–16:00 Uhr"]
    assert describe_hours("Apr-Oct 24/7") == ["Apr–Okt: rund um die Uhr"]
    assert describe_hours('Tu 14:00-17:00; Sa[-1] 10:00-13:00 "Kleiderbörse"') == [
        "Di 14:00–17:00 Uhr", "Letzter Samstag im Monat 10:00–13:00 Uhr (Kleiderbörse)",
    ]
    assert describe_hours("Mo[1] 15:00-18:00; PH 10:00-14:00") == [
        "1. Montag im Monat 15:00–18:00 Uhr", "Feiertags 10:00–14:00 Uhr",
    ]
    assert describe_hours('"nach Vereinbarung"') == ["nach Vereinbarung"]


def test_english():
    assert describe_hours("Mo-Fr 09:00-12:00; PH off; \"by appointment\"", "en") == [
        "Mon–Fri 09:00–12:00", "Closed on public holidays", "by appointment",
    ]
    assert describe_hours("Fr[-1] 10:00-12:00", "en") == ["Last Friday of the month 10:00–12:00"]
    assert describe_hours("24/7", "en") == ["Open 24/7"]


def test_unparsable_text_is_shown_as_written():
    assert describe_hours("Mo-Di 9-12") == ["Mo-Di 9-12"]


def test_offer_lines_add_season_and_validity():
    offer = FakeOffer("Mo-Su 18:00-09:00", Season("11-01", "03-31"), valid_until=date(2027, 3, 31))
    assert describe_offer_hours(offer) == [
        "Täglich 18:00–09:00 Uhr", "Saison: 1. November bis 31. März", "Gilt bis 31. März 2027",
    ]
    assert describe_offer_hours(offer, "en")[1:] == ["Season: 1 November to 31 March", "Until 31 March 2027"]


def test_jsonld_opening_hours_specification():
    spec = opening_hours_jsonld(parse_hours("Mo-Fr 09:00-12:00; Sa 20:00-02:00; PH off"))
    weekdays = [f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    assert spec == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": weekdays, "opens": "09:00", "closes": "12:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Saturday"],
         "opens": "20:00", "closes": "02:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/PublicHolidays"],
         "opens": "00:00", "closes": "00:00"},
    ]
    assert opening_hours_jsonld(parse_hours("24/7"))[0]["closes"] == "23:59"


def test_compact_schedule_is_small_json():
    offer = FakeOffer("Mo-Fr 09:00-12:00; Nov-Mar Mo[1] 20:00-08:00; PH off", Season("11-01", "03-31"),
                      date(2026, 1, 1), date(2027, 6, 30), "temporarily_closed")
    assert compact_schedule(offer) == {
        "r": [[31, 0, 0, [], [540, 720, 0], 1, [], []], [0, 0b110000000111, 0, [0, 1], [1200, 1920, 0], 1, [], []],
              [0, 0, 1, [], [], 0, [], []]],
        "s": ["11-01", "03-31"], "f": "2026-01-01", "u": "2027-06-30", "x": "temporarily_closed",
    }
    assert compact_schedule(FakeOffer('"nach Vereinbarung"')) == {}


def test_hours_data_covers_three_years_of_holidays():
    offer = FakeOffer("24/7")
    offer.id = "a"
    nothing = FakeOffer(None)
    nothing.id = "b"
    horizon = holiday_horizon("NW", date(2026, 10, 1))
    assert horizon == sorted(horizon) and horizon[0] == date(2026, 1, 1)
    data = hours_data([offer, nothing], horizon)
    assert "2026-12-25" in data["holidays"] and "2028-12-26" in data["holidays"]
    assert "2029-01-01" not in data["holidays"]
    # Nothing to evaluate for "b" (active, no hours): left out, the script shows "unknown".
    assert data["offers"] == {"a": {"r": [[0, 0, 0, [], [0, 1440, 0], 1, [], []]]}}
    json.dumps(data)


def test_pages_use_the_same_horizon(tmp_path):
    """The site embeds exactly the holidays the tested function gives (one horizon)."""
    from build_tools.config import FlyerSettings
    from tests.buildkit import inputs_for
    from tests.pages.conftest import FIXTURE_CONTENT, FIXTURE_DAY, fixture_config

    settings = fixture_config().model_copy(update={"flyers": FlyerSettings(enabled=False)})
    inputs = inputs_for(FIXTURE_CONTENT, settings, FIXTURE_DAY, root=tmp_path)
    assert list(inputs.holidays) == holiday_horizon(inputs.settings.holidays_state, FIXTURE_DAY)


def test_jsonld_leaves_out_days_by_appointment():
    spec = opening_hours_jsonld(parse_hours('Mo 09:00-10:00; Sa "nach Vereinbarung"'))
    assert [s["dayOfWeek"] for s in spec] == [["https://schema.org/Monday"]]


def test_jsonld_accepts_text_and_compact_schedules():
    text = "Mo-Fr 09:00-12:00; Nov-Mar Mo[1] 20:00-08:00; PH off"
    expected = opening_hours_jsonld(parse_hours(text))
    assert opening_hours_jsonld(text) == expected
    assert opening_hours_jsonld(compact_schedule(FakeOffer(text))) == expected
    assert opening_hours_jsonld("Mo-Di 09:00") == []


def test_compact_round_trip():
    from build_tools.opening_hours.compact import schedule_from_compact

    text = "Mo-Fr 09:00-12:00,14:00-16:00; Nov-Mar We[1,-1] 20:00-08:00; Sa,PH off"
    assert schedule_from_compact(compact_schedule(FakeOffer(text))) == parse_hours(text)
