"""Live status in Python: days, holidays, nights past midnight, DST, season and validity."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from build_tools.opening_hours import (
    BERLIN,
    compact_schedule,
    holiday_dates,
    is_open,
    open_minutes_per_week,
    parse_hours,
    status_at,
    status_text,
)

from .cases import FakeOffer, Season

NW = holiday_dates("NW", [2026, 2027])


def at(text: str) -> datetime:
    """A Berlin wall-clock moment, ``2026-11-23 10:00``."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)


def text(offer: FakeOffer, when: datetime, lang: str = "de") -> str | None:
    return status_text(status_at(offer, when, NW), lang)


def test_holiday_dates_follow_the_state():
    assert date(2026, 11, 1) in holiday_dates("NW", [2026])  # Allerheiligen
    assert date(2026, 10, 31) not in holiday_dates("NW", [2026])
    assert date(2026, 10, 31) in holiday_dates("SN", [2026])  # Reformationstag
    assert date(2026, 12, 25) in NW


def test_weekday_spans_and_texts():
    offer = FakeOffer("Mo-Fr 09:00-12:00,14:00-16:00; PH off")
    assert text(offer, at("2026-11-23 10:00")) == "Jetzt geöffnet — schließt um 12:00"
    assert text(offer, at("2026-11-23 12:30")) == "Geschlossen — öffnet heute um 14:00"
    assert text(offer, at("2026-11-23 16:00")) == "Geschlossen — öffnet morgen um 09:00"
    assert text(offer, at("2026-11-21 10:00")) == "Geschlossen — öffnet Montag um 09:00"
    assert text(offer, at("2026-11-23 15:59"), "en") == "Open now — closes at 16:00"


def test_public_holiday_overrides_the_weekday():
    offer = FakeOffer("Mo-Fr 09:00-12:00; PH off")
    christmas = at("2026-12-25 10:00")  # a Friday
    assert not is_open(parse_hours(offer.opening_hours), christmas, NW)
    assert text(offer, christmas) == "Geschlossen — öffnet Montag um 09:00"
    assert text(FakeOffer("Su 09:00-11:00; PH 10:00-14:00"), at("2026-12-25 13:00")) == \
        "Jetzt geöffnet — schließt um 14:00"


def test_night_past_midnight_as_the_reference_reads_it():
    schedule = parse_hours("Mo-Su 20:00-08:00; PH off")
    assert is_open(schedule, at("2026-11-24 02:00"), NW)
    # A later rule for the next day replaces the night's morning part (opening_hours.js does
    # the same): "PH off" closes the holiday from midnight on ...
    assert not is_open(schedule, at("2026-12-25 07:59"), NW)
    assert is_open(schedule, at("2026-12-24 23:59"), NW)
    # ... and no night starts on the holiday itself.
    assert not is_open(schedule, at("2026-12-25 21:00"), NW)
    # An additional rule (",") adds and keeps the morning; a rule before it does not replace it.
    assert is_open(parse_hours("Mo 20:00-02:00, Tu 10:00-12:00"), at("2026-11-24 01:00"), NW)
    assert is_open(parse_hours("Tu 10:00-12:00; Mo 20:00-02:00"), at("2026-11-24 01:00"), NW)
    assert is_open(schedule, at("2026-12-26 03:00"), NW) is False
    offer = FakeOffer("Mo-Su 20:00-08:00")
    assert text(offer, at("2026-11-23 22:00")) == "Jetzt geöffnet — schließt morgen um 08:00"
    assert text(offer, at("2026-11-24 03:00")) == "Jetzt geöffnet — schließt um 08:00"


def test_always_open_and_midnight_joins():
    assert text(FakeOffer("24/7"), at("2026-11-23 03:00")) == "Jetzt geöffnet — rund um die Uhr"
    joined = FakeOffer("Mo 20:00-24:00; Tu 00:00-06:00")
    assert text(joined, at("2026-11-23 21:00")) == "Jetzt geöffnet — schließt morgen um 06:00"
    assert text(FakeOffer("Sa 10:00-24:00"), at("2026-11-21 23:00")) == \
        "Jetzt geöffnet — schließt um 24:00"


def test_dst_spring_forward_last_sunday_of_march():
    schedule = parse_hours("Su 01:00-04:00")
    change = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 02:00 CET becomes 03:00 CEST
    assert change.astimezone(BERLIN).hour == 3
    assert is_open(schedule, change - timedelta(minutes=1), NW)  # 01:59 CET
    assert is_open(schedule, change, NW)  # 03:00 CEST
    assert not is_open(schedule, change + timedelta(hours=1), NW)  # 04:00 CEST
    morning = parse_hours("Su 09:00-10:00")
    assert is_open(morning, datetime(2026, 3, 29, 7, 30, tzinfo=UTC), NW)  # 09:30 CEST
    assert not is_open(morning, datetime(2026, 3, 29, 8, 30, tzinfo=UTC), NW)


def test_dst_fall_back_last_sunday_of_october():
    schedule = parse_hours("Su 09:00-10:00")
    assert is_open(schedule, datetime(2026, 10, 25, 8, 30, tzinfo=UTC), NW)  # 09:30 CET
    assert not is_open(schedule, datetime(2026, 10, 25, 7, 30, tzinfo=UTC), NW)  # 08:30 CET
    night = parse_hours("Sa 22:00-03:00")
    # 02:30 happens twice; both are inside the night, 03:00 CET is not.
    assert is_open(night, datetime(2026, 10, 25, 0, 30, tzinfo=UTC), NW)
    assert is_open(night, datetime(2026, 10, 25, 1, 30, tzinfo=UTC), NW)
    assert not is_open(night, datetime(2026, 10, 25, 2, 0, tzinfo=UTC), NW)


def test_new_years_eve_and_nth_weekday():
    offer = FakeOffer("Th[-1] 20:00-02:00")  # last Thursday: 31 December 2026
    assert text(offer, at("2027-01-01 01:00")) == "Jetzt geöffnet — schließt um 02:00"
    assert text(offer, at("2027-01-01 03:00")) == "Geschlossen — öffnet am 28. Januar um 20:00"
    assert is_open(parse_hours("Mo[1] 10:00-12:00"), at("2026-12-07 11:00"), NW)
    assert not is_open(parse_hours("Mo[1] 10:00-12:00"), at("2026-12-14 11:00"), NW)


def test_season_validity_and_status():
    winter = FakeOffer("Mo-Su 18:00-09:00", season=Season("11-01", "03-31"))
    assert text(winter, at("2026-10-15 20:00")) == "Saisonangebot — wieder ab 1. November"
    assert text(winter, at("2026-11-01 20:00")) == "Jetzt geöffnet — schließt morgen um 09:00"
    assert text(winter, at("2027-04-01 08:00")) == "Jetzt geöffnet — schließt um 09:00"
    assert text(winter, at("2027-04-01 20:00"), "en") == "Seasonal — back from 1 November"
    months = FakeOffer("Nov-Mar 19:30-23:30")
    assert text(months, at("2026-10-20 20:00")) == "Geschlossen — öffnet am 1. November um 19:30"
    gone = FakeOffer("Mo-Fr 09:00-12:00", valid_until=date(2026, 11, 20))
    assert text(gone, at("2026-11-23 10:00")) == "Beendet"
    soon = FakeOffer("Mo-Fr 09:00-12:00", valid_from=date(2026, 12, 1))
    assert text(soon, at("2026-11-23 10:00")) == "Startet am 1. Dezember 2026"
    assert text(FakeOffer("24/7", status="ended"), at("2026-11-23 10:00")) == "Beendet"
    paused = FakeOffer("24/7", status="temporarily_closed")
    assert text(paused, at("2026-11-23 10:00")) == "Vorübergehend geschlossen"
    assert text(FakeOffer('"nach Vereinbarung"'), at("2026-11-23 10:00")) is None
    assert text(FakeOffer(None), at("2026-11-23 10:00")) is None


def test_open_minutes_per_week():
    assert open_minutes_per_week(parse_hours("Mo-Fr 09:00-12:00,14:00-16:00; PH off")) == 5 * 300
    assert open_minutes_per_week(parse_hours("24/7")) == 7 * 1440
    assert open_minutes_per_week(parse_hours("Mo-Su 20:00-08:00")) == 7 * 720
    assert open_minutes_per_week(parse_hours("Mo-Fr 09:00-17:00; We off")) == 4 * 480
    assert open_minutes_per_week(parse_hours("Nov-Mar Mo-Fr 10:00-16:00")) == 5 * 360
    assert open_minutes_per_week(parse_hours('"nach Vereinbarung"')) == 0


def test_additional_off_fallback_open_end_dates_and_weeks():
    assert not is_open(parse_hours("Mo-Fr 08:00-12:00; We 12:30-14:00"), at("2026-11-25 09:00"), NW)
    assert is_open(parse_hours("Mo-Fr 08:00-12:00, We 12:30-14:00"), at("2026-11-25 09:00"), NW)
    subtract = parse_hours("Mo-Fr 08:00-18:00; We 12:00-14:00 off")
    assert is_open(subtract, at("2026-11-25 09:00"), NW) and not is_open(subtract, at("2026-11-25 13:00"), NW)
    fallback = parse_hours("Mo-Fr 10:00-12:00 || Sa 10:00-12:00")
    assert is_open(fallback, at("2026-11-28 11:00"), NW)
    late = FakeOffer("Mo-Sa 18:00+")
    assert text(late, at("2026-11-23 19:00")) == "Jetzt geöffnet — Ende offen"
    assert text(late, at("2026-11-24 03:59")) == "Jetzt geöffnet — Ende offen"
    assert text(late, at("2026-11-24 04:00")) == "Geschlossen — öffnet heute um 18:00"
    christmas = parse_hours("Mo-Su 10:00-12:00; Dec 24-26 off; Dec 31 off")
    assert not is_open(christmas, at("2026-12-25 11:00"), NW)
    assert not is_open(christmas, at("2026-12-31 11:00"), NW)
    assert is_open(christmas, at("2026-12-27 11:00"), NW)
    once = parse_hours("2026 Nov 22 11:00-17:00")
    assert is_open(once, at("2026-11-22 12:00"), NW) and not is_open(once, at("2027-11-22 12:00"), NW)
    assert text(FakeOffer("2026 Nov 22 11:00-17:00"), at("2026-11-23 12:00")) == "Geschlossen"
    odd = parse_hours("week 1-53/2 We 10:00-12:00")  # 25 Nov 2026 is in week 48
    assert not is_open(odd, at("2026-11-25 11:00"), NW) and is_open(odd, at("2026-11-18 11:00"), NW)


def test_a_closure_ends_after_closed_until():
    offer = FakeOffer("Mo-Fr 10:00-12:00", status="temporarily_closed", closed_until=date(2026, 12, 15))
    assert text(offer, at("2026-12-15T10:30")) == "Vorübergehend geschlossen bis 15.12."
    assert text(offer, at("2026-12-15T10:30"), "en") == "Temporarily closed until 15 Dec"
    assert text(offer, at("2026-12-16T10:30")) == "Jetzt geöffnet — schließt um 12:00"
    endless = FakeOffer("Mo-Fr 10:00-12:00", status="temporarily_closed")
    assert text(endless, at("2027-06-01T10:30")) == "Vorübergehend geschlossen"
    assert compact_schedule(offer)["c"] == "2026-12-15"
    assert "c" not in compact_schedule(FakeOffer("Mo 10:00-12:00", closed_until=date(2026, 12, 15)))
