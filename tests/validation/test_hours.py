"""Opening hours that parse but probably mean something else (build_tools.opening_hours.lint)."""

from __future__ import annotations

import pytest

from build_tools.opening_hours import parse_hours
from build_tools.opening_hours.lint import hours_warnings

BASE = "title: X\nsummary: x\nservice_area: [mitte]\nlast_verified: 2026-10-01\n"


@pytest.mark.parametrize("text", [
    "Mo-Fr 09:00-12:00; PH off", "Mo-Su 20:00-08:00", "Fr 18:00-00:30", "Mo-Fr 12:00-09:00",
    "24/7", "Sa,PH off", '"nach Vereinbarung"', "Mo 09:00-24:00",
])
def test_no_doubt(text):
    assert hours_warnings(text) == ()


def test_ph_off_alone():
    (warning,) = hours_warnings("PH off")
    assert warning.offset == 0
    assert warning.message.startswith("„PH off“ allein sagt nur, dass an Feiertagen geschlossen ist")


@pytest.mark.parametrize("text, offset, meant", [
    ("Mo-Fr 09:00-05:00", 6, "09:00-17:00"), ("Mo 10:00-08:30", 3, "10:00-20:30"),
])
def test_morning_spans_past_midnight(text, offset, meant):
    (warning,) = hours_warnings(text)
    assert warning.offset == offset and f"z. B. „{meant}“" in warning.message


def test_overnight_offers_may(content):
    assert hours_warnings("Mo-Su 09:00-08:00", overnight=True) == ()
    content.offer("x", BASE + 'category: notunterkunft\nopening_hours: "Mo-Su 09:00-08:00"\n')
    lines = content.lines()
    assert not [line for line in lines if "opening_hours" in line]


def test_lint_never_changes_meaning():
    text = "Mo-Fr 09:00-05:00; PH off"
    before = parse_hours(text)
    hours_warnings(text)
    assert parse_hours(text) == before


def test_warnings_reach_the_file_at_the_column(content):
    content.offer("x", BASE + 'category: essen\nopening_hours: "Mo-Fr 09:00-05:00"\n')
    content.offer("y", BASE + "category: essen\nopening_hours: 'PH off'\n")
    assert content.lines() == [
        "content/offers/x.yml:6:23: warning: opening_hours: „09:00-05:00“ endet vor dem Beginn "
        "und liefe damit über Mitternacht bis 05:00 am nächsten Tag: Zeiten im 24-Stunden-Format "
        "schreiben, z. B. „09:00-17:00“",
        "content/offers/y.yml:6:17: warning: opening_hours: „PH off“ allein sagt nur, dass an "
        "Feiertagen geschlossen ist — an allen anderen Tagen gilt das Angebot dann auch als "
        "geschlossen: die Öffnungszeiten davor schreiben, z. B. \"Mo-Fr 09:00-12:00; PH off\"",
    ]
