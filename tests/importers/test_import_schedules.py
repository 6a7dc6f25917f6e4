"""HSDS schedules → opening_hours: canonical rules, what cannot be said is reported."""

from __future__ import annotations

from build_tools.importers.hsds_schedules import minutes, schedules_to_hours
from build_tools.importers.tracker import Report, Tracked


def _convert(*schedules):
    report = Report()
    items = [Tracked(s, "f.json", "svc", f"schedules[{i}]", report) for i, s in enumerate(schedules)]
    return schedules_to_hours(items), report.sorted()


def test_weekly_spans_are_united_per_day():
    result, report = _convert(
        {"id": "a", "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00:00", "closes_at": "12:00:00"},
        {"id": "b", "freq": "WEEKLY", "byday": "MO", "opens_at": "14:00", "closes_at": "16:00"},
    )
    assert result.opening_hours == "Mo 09:00-12:00,14:00-16:00; Tu-Fr 09:00-12:00"
    assert report == []


def test_monthly_past_midnight_and_all_days():
    result, _ = _convert(
        {"id": "a", "freq": "MONTHLY", "byday": "1SU,-1SU", "opens_at": "18:00", "closes_at": "20:00"},
        {"id": "b", "freq": "WEEKLY", "opens_at": "20:00", "closes_at": "02:00"},
    )
    assert result.opening_hours == "Mo-Su 20:00-02:00; Su[1,-1] 18:00-20:00"


def test_what_rrule_cannot_say_goes_to_notes_and_report():
    result, report = _convert({
        "id": "a", "freq": "MONTHLY", "bymonthday": "1,15", "opens_at": "10:00", "closes_at": "12:00",
        "description": "Am 1. und 15. jedes Monats", "notes": "Bitte klingeln",
        "valid_from": "2026-01-01", "valid_to": "2026-12-31",
    })
    assert result.opening_hours is None
    assert result.notes == ["Bitte klingeln", "Am 1. und 15. jedes Monats"]
    assert (str(result.valid_from), str(result.valid_until)) == ("2026-01-01", "2026-12-31")
    fields = {e.field for e in report}
    assert {"schedules[0].bymonthday", "schedules[0].freq", "schedules[0].opens_at"} <= fields


def test_exporter_sentences_are_read_back():
    result, _ = _convert({
        "id": "a", "freq": "WEEKLY", "byday": "SA", "opens_at": "10:00", "closes_at": "12:00",
        "description": "Nur in den Monaten Nov–Mär. An Feiertagen: geschlossen. Hinweis: „mit Termin“.",
    })
    assert result.opening_hours == 'Nov-Mar Sa 10:00-12:00; PH off; "mit Termin"'
    assert result.notes == []


def test_rule_comment_is_read_back_when_its_days_form_a_group():
    result, _ = _convert(
        {"id": "a", "freq": "WEEKLY", "byday": "WE,TH,FR", "opens_at": "08:30", "closes_at": "12:00",
         "description": "Mi,Do,Fr: „und nach Vereinbarung“."},
        {"id": "b", "freq": "WEEKLY", "byday": "MO", "opens_at": "08:30", "closes_at": "10:00",
         "description": "Mi,Do,Fr: „und nach Vereinbarung“. Sa: „nur bei Regen“."},
    )
    assert result.opening_hours == 'Mo 08:30-10:00; We-Fr 08:30-12:00 "und nach Vereinbarung"'
    assert result.notes == ["Sa: „nur bei Regen“."]


def test_minutes():
    assert minutes("09:30") == 570
    assert minutes("24:00") == 1440
    assert minutes("9:30:00") == 570
    assert minutes("25:00") is None and minutes("noon") is None and minutes(900) is None
