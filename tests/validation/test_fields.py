"""Dates, costs, languages and country codes: what is wrong and how to fix it, in German."""

from __future__ import annotations

import pytest
from babel import Locale

from build_tools.languages import suggest_language
from build_tools.validation.countries import ISO_3166_ALPHA2

BASE = "title: X\nsummary: x\ncategory: essen\nservice_area: [mitte]\n"


def _one(content, text: str) -> str:
    content.offer("x", text)
    lines = content.lines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("written, message", [
    ("2026-02-30", "last_verified: 2026-02-30 gibt es nicht: der Februar 2026 hat 28 Tage"),
    ("2024-02-30", "last_verified: 2024-02-30 gibt es nicht: der Februar 2024 hat 29 Tage"),
    ("2026-04-31", "last_verified: 2026-04-31 gibt es nicht: der April 2026 hat 30 Tage"),
    ("2026-13-01", "last_verified: 2026-13-01 gibt es nicht: Monate gehen von 01 bis 12"),
    ("01.10.2026", "last_verified: '01.10.2026': Datum als JJJJ-MM-TT schreiben, also 2026-10-01"),
    ("2026-1-5", "last_verified: '2026-1-5': Monat und Tag zweistellig schreiben, also 2026-01-05"),
    ("bald", "last_verified: erwartet ein Datum im Format JJJJ-MM-TT"),
])
def test_impossible_dates(content, written, message):
    assert _one(content, BASE + f"last_verified: {written}\n").endswith(f"error: {message}")


def test_a_leap_day_is_a_day(content):
    content.offer("x", BASE + "last_verified: 2024-02-29\n")
    assert [line for line in content.lines() if "error" in line] == []


@pytest.mark.parametrize("written", ["no", "yes", "false", "Nein", "ja", "x"])
def test_costs_that_say_nothing(content, written):
    line = _one(content, BASE + f"last_verified: 2026-10-01\ncosts: {written}\n")
    assert line.endswith(f"error: costs: {written!r} sagt nicht, was es kostet: „free“ für "
                         "kostenlos, sonst den Preis als Text, z. B. \"1 € pro Mahlzeit\"")


@pytest.mark.parametrize("written", ["free", '"1,50 € pro Mahlzeit"', "Spende erbeten", "kostenlos"])
def test_costs_that_do(content, written):
    content.offer("x", BASE + f"last_verified: 2026-10-01\ncosts: {written}\n")
    assert content.lines() == []


@pytest.mark.parametrize("written, meant", [
    ("engl", "en"), ("Deutsch", "de"), ("ger", "de"), ("DE", "de"), ("türkisch", "tr"),
    ("arabic", "ar"), ("ukr", "uk"),
])
def test_language_near_misses(written, meant):
    assert suggest_language(written) == meant


def test_language_message_suggests(content):
    line = _one(content, BASE + "last_verified: 2026-10-01\nlanguages: [de, engl]\n")
    assert line == ("content/offers/x.yml:6:17: error: languages[1]: 'engl' ist kein Sprachcode "
                    "nach ISO 639-1: meinten Sie en (Englisch)?")


def test_no_is_norwegian_and_warns(content):
    line = _one(content, BASE + "last_verified: 2026-10-01\nlanguages: [de, no]\n")
    assert line == ("content/offers/x.yml:6:17: warning: languages[1]: „no“ ist der Sprachcode für "
                    "Norwegisch: wenn keine Fremdsprache gemeint ist, den Eintrag löschen "
                    "(Deutsch allein: languages: [de])")


def test_country_codes_are_the_assigned_ones():
    territories = Locale("de").territories
    assert set(territories) >= ISO_3166_ALPHA2
    assert len(ISO_3166_ALPHA2) == 249
    # CLDR's other two-letter regions are no countries: EU, UN, Kosovo's XK and the like.
    others = {k for k in territories if len(k) == 2 and k.isalpha()} - ISO_3166_ALPHA2
    assert others == {"AC", "CP", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB",
                      "XK", "ZZ"}
