"""The overview pages' sentences with a number, for 0, 1, 2, 5 and 21 offers in German and
Ukrainian (and Arabic), and the difference between list and map said in words."""

from __future__ import annotations

import pytest

from build_tools.counts import OfferCounts
from build_tools.pages.count_texts import az_count, home_lead, map_count


def counts(listed: int, without_place: int = 0, protected: int = 0) -> OfferCounts:
    return OfferCounts(listed=listed, on_map=listed - without_place - protected,
                       without_place=without_place, protected=protected, paused=0, ended=0)


@pytest.mark.parametrize("n,de,uk", [
    (0, "0 Angebote, alphabetisch.", "0 пропозицій, за алфавітом."),
    (1, "1 Angebot, alphabetisch.", "1 пропозиція, за алфавітом."),
    (2, "2 Angebote, alphabetisch.", "2 пропозиції, за алфавітом."),
    (5, "5 Angebote, alphabetisch.", "5 пропозицій, за алфавітом."),
    (21, "21 Angebote, alphabetisch.", "21 пропозиція, за алфавітом."),
])
def test_az_count(n, de, uk):
    assert az_count(counts(n), "de") == de
    assert az_count(counts(n), "uk") == uk


@pytest.mark.parametrize("n,de,uk", [
    (0, "0 Hilfeangebote:", "0 місць допомоги"),
    (1, "1 Hilfeangebot:", "1 місце допомоги"),
    (2, "2 Hilfeangebote:", "2 місця допомоги"),
    (5, "5 Hilfeangebote:", "5 місць допомоги"),
    (21, "21 Hilfeangebote:", "21 місце допомоги"),
])
def test_home_lead(n, de, uk):
    assert home_lead(counts(n), "de").startswith(de)
    assert home_lead(counts(n), "uk").startswith(uk)


@pytest.mark.parametrize("n,de,uk", [
    (0, "Alle 0 Angebote auf der Karte.", "Усі 0 пропозицій на карті."),
    (1, "1 Angebot auf der Karte.", "1 пропозиція на карті."),
    (2, "Alle 2 Angebote auf der Karte.", "Усі 2 пропозиції на карті."),
    (5, "Alle 5 Angebote auf der Karte.", "Усі 5 пропозицій на карті."),
    (21, "Alle 21 Angebote auf der Karte.", "21 пропозиція на карті."),
])
def test_map_count_when_the_map_shows_every_offer(n, de, uk):
    assert map_count(counts(n), "de") == de
    assert map_count(counts(n), "uk") == uk


@pytest.mark.parametrize("listed,mobile,protected,de", [
    (1, 1, 0, "1 Angebot, davon 0 mit festem Ort auf der Karte. Nur in der Liste: 1 ohne festen "
              "Ort (mobile Dienste wie Streetwork)."),
    (2, 0, 1, "2 Angebote, davon 1 mit festem Ort auf der Karte. Nur in der Liste: 1 mit "
              "geschützter Adresse."),
    (49, 5, 1, "49 Angebote, davon 43 mit festem Ort auf der Karte. Nur in der Liste: 5 ohne "
               "festen Ort (mobile Dienste wie Streetwork) und 1 mit geschützter Adresse."),
])
def test_map_count_names_the_offers_the_map_cannot_show(listed, mobile, protected, de):
    assert map_count(counts(listed, mobile, protected), "de") == de


def test_map_count_in_ukrainian_and_arabic_joins_the_parts_as_the_language_does():
    assert map_count(counts(21, 5, 1), "uk") == (
        "21 пропозиція, з них 15 з постійним місцем на карті. Лише в списку: 5 без постійного "
        "місця (мобільні служби, як-от вулична робота) і 1 із захищеною адресою.")
    assert " و" in map_count(counts(5, 2, 1), "ar")
