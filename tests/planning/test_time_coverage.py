"""Time coverage: week grids from the opening-hours parser, unions per category, gaps."""

from __future__ import annotations

import pytest

from build_tools.opening_hours import open_minutes_per_week, parse_hours
from build_tools.planning.analysis import analyse
from build_tools.planning.time_coverage import combine, latest_closing, week_grid

from .synthetic import make_catalog, make_offer


def grid(text: str):
    return week_grid(parse_hours(text))


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Mo-Fr 09:00-12:00", 15),
        ("24/7", 168),
        ("Mo-Fr 09:00-17:00; We 09:00-12:00", 35),  # the later rule replaces Wednesday
        ("Sa 20:00-02:00", 6),  # past midnight into Sunday
        ("Mo-Fr 09:00-17:00; PH off", 40),
    ],
)
def test_week_hours_match_the_parsers_own_count(text, hours):
    assert grid(text).hours == hours
    assert open_minutes_per_week(parse_hours(text)) == hours * 60


def test_nth_weekday_and_months_count_as_open_in_some_weeks():
    assert grid("Mo[1] 10:00-12:00").hours == 2
    assert grid("Nov-Mar Mo-Fr 18:00-20:00").hours == 10


def test_holidays_need_ph_or_every_day():
    assert grid("Mo-Fr,PH 09:00-12:00").holidays
    assert grid("24/7").holidays
    assert grid("Mo-Su 08:00-20:00").holidays
    assert not grid("Mo-Fr 09:00-12:00").holidays
    assert not grid("24/7; PH off").holidays


def test_union_and_gaps():
    week = [grid("Mo-Fr 09:00-12:00"), grid("Mo 10:00-14:00"), grid("Sa 20:00-02:00")]
    covered = combine(week, offers=4, evening_hour=18)
    # Mo 09–14 (5 h) + Tu–Fr 3 h each (12 h) + Sa 20–24 (4 h) + Su 00–02 (2 h) = 23 h.
    assert covered.hours_per_week == 23
    assert covered.hours_by_day == (5, 3, 3, 3, 3, 4, 2)
    assert covered.sunday  # the Saturday night runs into Sunday
    assert covered.evening
    assert not covered.holidays
    assert covered.gaps == ["feiertags"]
    assert covered.latest == "02:00"
    assert covered.with_hours == 3 and covered.offers == 4


def test_daytime_only_has_every_gap():
    covered = combine([grid("Mo-Fr 09:00-17:00")], offers=1, evening_hour=18)
    assert covered.gaps == ["sonntags", "feiertags", "abends"]
    assert covered.latest == "17:00"


def test_latest_closing_round_the_clock():
    assert latest_closing(set(range(7 * 96))) == "rund um die Uhr"
    assert latest_closing(set()) is None


def test_category_time_coverage_from_catalog(square):
    catalog = make_catalog(
        {"eck": (square, 1000)},
        [
            make_offer("a", "essen", (0, 0), opening_hours="Mo-Fr 09:00-12:00"),
            make_offer("b", "essen", (10, 10), opening_hours="Su,PH 10:00-12:00"),
            make_offer("c", "essen", (20, 20), hours_note="nach Vereinbarung"),
            make_offer("d", "essen", (20, 20), opening_hours="Mo-Fr 18:00-20:00",
                       status="temporarily_closed"),
        ],
    )
    t = analyse(catalog, catalog.config.planning).time["essen"]
    assert (t.offers, t.with_hours, t.hours_per_week) == (3, 2, 17)
    assert t.sunday and t.holidays and not t.evening
