"""Postal codes by country (location.country, default DE from the settings; organizations too)."""

from __future__ import annotations

import pytest

from build_tools.validation.postal import POSTAL_FORMATS, postal_code_problem

BASE = "title: X\nsummary: x\ncategory: essen\nlast_verified: 2026-10-01\n"


@pytest.mark.parametrize("country, code", [
    ("DE", "52349"), ("DE", "01067"), ("AT", "1010"), ("CH", "8001"), ("NL", "6211 AB"),
    ("NL", "6211AB"), ("BE", "4700"), ("LU", "1648"), ("LU", "L-1648"), ("FR", "57000"),
    ("DK", "6400"), ("PL", "68-200"), ("CZ", "110 00"), ("CZ", "11000"), ("LI", "9490"),
    ("IT", "00184"), ("GB", "SW1A 1AA"),
])
def test_codes_of_each_country(country, code):
    assert postal_code_problem(code, country) is None


@pytest.mark.parametrize("country, code, expected", [
    ("DE", "1234", "erwartet fünf Ziffern in Anführungszeichen, z. B. \"52349\" (ein Ort in AT, CH"),
    ("AT", "52349", "hat nicht das Format für AT (Österreich): erwartet vier Ziffern"),
    ("NL", "6211", "hat nicht das Format für NL (Niederlande): erwartet vier Ziffern und zwei Großbuchstaben"),
    ("PL", "68200", "erwartet zwei Ziffern, Bindestrich, drei Ziffern in Anführungszeichen, z. B. \"68-200\""),
    ("CZ", "1100", "erwartet drei Ziffern, Leerzeichen, zwei Ziffern"),
    ("BE", "B-4700", "hat nicht das Format für BE (Belgien)"),
])
def test_wrong_codes_name_the_format(country, code, expected):
    assert expected in postal_code_problem(code, country)


def test_every_neighbour_has_a_format():
    assert {"DE", "AT", "CH", "NL", "BE", "LU", "FR", "DK", "PL", "CZ"} <= set(POSTAL_FORMATS)


def test_the_offer_country_decides(content):
    content.offer("x", BASE + 'location: {country: NL, postal_code: "6211 AB", lat: 50.81, lon: 6.45}\n')
    content.offer("y", BASE + 'location: {country: NL, postal_code: "62110", lat: 50.82, lon: 6.45}\n')
    content.offer("z", BASE + 'location: {country: nl, postal_code: "62110", lat: 50.83, lon: 6.45}\n')
    assert content.lines() == [
        "content/offers/y.yml:5:38: error: location.postal_code: Postleitzahl '62110' hat nicht "
        "das Format für NL (Niederlande): erwartet vier Ziffern und zwei Großbuchstaben in "
        "Anführungszeichen, z. B. \"6211 AB\" (eine deutsche Postleitzahl? dann country: DE)",
        "content/offers/z.yml:5:21: error: location.country: 'nl': Ländercode groß schreiben: NL",
    ]


def test_the_settings_country_is_the_default(content):
    content.offer("x", BASE + 'location: {postal_code: "1010", lat: 50.81, lon: 6.45}\n')
    (content.folder / "offers" / "tafel.yml").unlink()  # the fixture's offer is German
    assert content.lines(country="AT") == []
    assert "hat nicht das Format für DE (Deutschland)" in content.lines()[0]


def test_organization_addresses_too(content):
    content.organization("verein", 'name: Verein\naddress: {country: AT, postal_code: "52349"}\n')
    assert content.lines() == [
        "content/organizations/verein.yml:2:37: error: address.postal_code: Postleitzahl '52349' "
        "hat nicht das Format für AT (Österreich): erwartet vier Ziffern in Anführungszeichen, "
        "z. B. \"1010\" (eine deutsche Postleitzahl? dann country: DE)"
    ]
