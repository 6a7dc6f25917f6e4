"""Seasonal offers count only in their season, on the report's reference date, in every figure
at once (coverage, reachability, times, the key figure); offers without a fixed place count in
no district and are listed on their own; the sentences say so in right German for 0, 1 and
many."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from build_tools.planning.analysis import analyse
from build_tools.planning.method import left_out, method_paragraphs, roving_sentence, season_rule
from build_tools.planning.pages import overview_html
from build_tools.planning.plural import said
from build_tools.planning.season import counted_offers, in_season
from build_tools.schema import Season

from ..htmlquery import parse
from .synthetic import make_catalog, make_offer

DECEMBER, JUNE, OCTOBER = date(2026, 12, 3), date(2027, 6, 15), date(2026, 10, 20)
NO_HOLIDAYS: frozenset[date] = frozenset()
WINTER = Season(**{"from": "11-01", "until": "03-31"})


@pytest.mark.parametrize("extra,december,june", [
    ({"season": WINTER}, True, False),
    ({"season": WINTER, "opening_hours": "Mo-Su 18:00-09:00"}, True, False),
    ({"opening_hours": "Nov-Mar 19:30-23:30"}, True, False),
    ({"opening_hours": "Apr-Oct 24/7"}, False, True),
    ({"opening_hours": "Sa[1] 10:00-13:00"}, True, True),   # once a month: every month
    ({"opening_hours": "Mo-Fr 09:00-12:00"}, True, True),
    ({}, True, True),                                        # no hours: "nach Vereinbarung"
    ({"valid_until": date(2027, 1, 31)}, True, False),
    ({"valid_from": date(2027, 6, 1)}, False, True),
])
def test_in_season_on_the_reference_date(extra, december, june):
    offer = make_offer("a", "essen", (500, 500), **extra)
    assert in_season(offer, DECEMBER, NO_HOLIDAYS) is december
    assert in_season(offer, JUNE, NO_HOLIDAYS) is june


def test_a_season_that_starts_within_five_weeks_counts_and_one_further_off_does_not():
    shelter = make_offer("a", "essen", (500, 500), season=WINTER, opening_hours="Mo-Su 18:00-09:00")
    assert in_season(shelter, OCTOBER, NO_HOLIDAYS)            # opens on 1 November
    assert not in_season(shelter, date(2026, 9, 1), NO_HOLIDAYS)


def _winter_town(square, day):
    catalog = make_catalog(
        {"mitte": (square, 1000)},
        [make_offer("winter", "essen", (500, 500), title="Winternotquartier",
                    opening_hours="Nov-Mar 18:00-08:00"),
         make_offer("bus", "essen", None, title="Kältebus", service_area=["mitte"],
                    opening_hours="Nov-Mar 19:30-23:30")],
    )
    catalog = replace(catalog, build_date=day)
    return analyse(catalog, catalog.config.planning)


def test_a_winter_offer_counts_in_december_in_every_figure(square):
    result = _winter_town(square, DECEMBER)
    assert result.open_offers == 2 and result.out_of_season == []
    assert result.coverage[("mitte", "essen")].count == 1          # the shelter, not the bus
    assert result.reach[("mitte", "essen")].nearest_m is not None
    assert result.time["essen"].offers == 2
    assert [r.title for r in result.roving] == ["Kältebus"]
    assert left_out(result) == ""


def test_a_winter_offer_counts_nowhere_in_june(square):
    result = _winter_town(square, JUNE)
    assert result.open_offers == 0
    assert result.out_of_season == ["Kältebus", "Winternotquartier"]
    assert result.coverage[("mitte", "essen")].count == 0
    assert result.reach[("mitte", "essen")].nearest_m is None       # the same rule
    assert result.time["essen"].offers == 0
    assert result.roving == []
    assert left_out(result) == ("Von 2 Angeboten im Atlas zählen 0; nicht gezählt: 2 außerhalb "
                                "ihrer Saison (Kältebus und Winternotquartier).")


def test_the_rule_is_stated_with_its_date_on_the_page_and_in_the_method(square):
    result = _winter_town(square, JUNE)
    rule = season_rule(result)
    assert "Stichtag ist der 15.06.2027" in rule and "5 Wochen" in rule
    assert method_paragraphs(result)[0].startswith(rule)
    page = parse(overview_html(result, downloads=False)).text
    assert rule in page and left_out(result) in page
    assert "0 gezählte Angebote am 15.06.2027" in page


def test_counted_offers_default_to_the_build_date(square):
    catalog = make_catalog({"mitte": (square, 1000)},
                           [make_offer("w", "essen", (5, 5), opening_hours="Apr-Oct 24/7")])
    catalog = replace(catalog, build_date=DECEMBER)
    counted = counted_offers(catalog)
    assert counted.reference == DECEMBER and counted.offers == []
    assert [o.id for o in counted.out_of_season] == ["w"]


@pytest.mark.parametrize("n,expected", [
    (0, ""),
    (1, "1 Angebot ohne festen Ort (z. B. Streetwork, Kältebus) zählt in keinem Sozialraum und "
        "in keiner Entfernung: ein Bus ist nicht die nächste Notunterkunft eines Stadtteils. Es "
        "steht hier mit seinem Einsatzgebiet."),
    (3, "3 Angebote ohne festen Ort (z. B. Streetwork, Kältebus) zählen in keinem Sozialraum und "
        "in keiner Entfernung: ein Bus ist nicht die nächste Notunterkunft eines Stadtteils. Sie "
        "stehen hier mit ihrem Einsatzgebiet."),
])
def test_roving_sentence_for_0_1_and_many(square, n, expected):
    catalog = make_catalog({"mitte": (square, 1000)},
                           [make_offer(f"m{i}", "essen", None) for i in range(n)])
    assert roving_sentence(analyse(catalog, catalog.config.planning)) == expected


@pytest.mark.parametrize("paused,seasonal,expected", [
    (0, 0, ""),
    (1, 0, "Von 2 Angeboten im Atlas zählt 1; nicht gezählt: 1 vorübergehend geschlossen."),
    (0, 1, "Von 2 Angeboten im Atlas zählt 1; nicht gezählt: 1 außerhalb seiner Saison (s0)."),
    (2, 3, "Von 6 Angeboten im Atlas zählt 1; nicht gezählt: 2 vorübergehend geschlossen und "
           "3 außerhalb ihrer Saison (s0, s1 und s2)."),
])
def test_left_out_for_0_1_and_many(square, paused, seasonal, expected):
    offers = [make_offer("open", "essen", (5, 5))]
    offers += [make_offer(f"p{i}", "essen", (5, 5), status="temporarily_closed") for i in range(paused)]
    offers += [make_offer(f"s{i}", "essen", (5, 5), opening_hours="Apr-Oct 24/7") for i in range(seasonal)]
    catalog = replace(make_catalog({"mitte": (square, 1000)}, offers), build_date=DECEMBER)
    assert left_out(analyse(catalog, catalog.config.planning)) == expected


@pytest.mark.parametrize("key,forms", [
    ("districts_dative", ["0 Sozialräumen", "1 Sozialraum", "2 Sozialräumen", "5 Sozialräumen",
                          "21 Sozialräumen"]),
    ("counted", ["0 gezählte Angebote", "1 gezähltes Angebot", "2 gezählte Angebote",
                 "5 gezählte Angebote", "21 gezählte Angebote"]),
    ("mobile_not_here", ["0 Angebote ohne festen Ort zählen hier nicht.",
                         "1 Angebot ohne festen Ort zählt hier nicht.",
                         "2 Angebote ohne festen Ort zählen hier nicht.",
                         "5 Angebote ohne festen Ort zählen hier nicht.",
                         "21 Angebote ohne festen Ort zählen hier nicht."]),
])
def test_planning_sentences_for_0_1_2_5_21(key, forms):
    assert [said(key, n) for n in (0, 1, 2, 5, 21)] == forms


def test_a_protected_place_counts_once_not_once_per_category(square):
    """The method said "2 geschützte Angebote ohne Koordinaten" for one protected offer in two
    categories."""
    from build_tools.schema import Location

    offer = make_offer("haus", "essen", None, also_categories=["beratung"])
    offer = offer.model_copy(update={"location": Location(confidential=True, district="mitte")})
    catalog = make_catalog({"mitte": (square, 1000)}, [offer], categories=("essen", "beratung"))
    result = analyse(catalog, catalog.config.planning)
    assert sum(result.unplaced.values()) == 2 and result.unplaced_offers == 1
    assert any("1 geschütztes Angebot ohne Koordinaten zählt" in p for p in method_paragraphs(result))


def test_counted_offers_take_the_builds_holidays_and_look_up_only_missing_years(square, monkeypatch):
    from build_tools.planning import season

    # closed on public holidays: on 24 and 25 December a shelter "PH off" opens after them
    catalog = replace(make_catalog({"mitte": (square, 1000)},
                                   [make_offer("h", "essen", (5, 5), opening_hours="Mo-Su 08:00-10:00; PH off")]),
                      build_date=DECEMBER)
    asked = []
    monkeypatch.setattr(season, "holiday_dates",
                        lambda state, years: asked.append(list(years)) or {date(2026, 12, 25)})
    horizon = [date(y, 1, 1) for y in (2026, 2027, 2028)]  # the build's: this year and the next two
    assert [o.id for o in counted_offers(catalog, known=horizon).offers] == ["h"]
    assert asked == []
    counted_offers(catalog, known=horizon[:1])  # a horizon without next year: looked up
    assert asked == [[2026, 2027]]
