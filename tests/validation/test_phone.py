"""Phone numbers parsed with phonenumbers (region DE): service, short and mobile numbers pass."""

from __future__ import annotations

import pytest

from build_tools.schema import normalize_phone


@pytest.mark.parametrize("raw, dialled", [
    ("110", "110"),
    ("112", "112"),
    ("115", "115"),
    ("116 016", "116016"),
    ("116 117", "116117"),
    ("116 111", "116111"),
    ("0800 111 0 111", "+498001110111"),
    ("0151 55500900", "+4915155500900"),
    ("02421 123456", "+492421123456"),
    ("+49 2421 123456", "+492421123456"),
    ("0049 (2421) 12 34-56", "+492421123456"),
    ("+31 20 123 4567", "+31201234567"),
])
def test_numbers_that_work(raw, dialled):
    assert normalize_phone(raw) == dialled


@pytest.mark.parametrize("raw, message", [
    ("0242 1", "'0242 1' ist keine vollständige Telefonnummer: Vorwahl und Rufnummer prüfen"),
    ("02421", "'02421' ist keine vollständige Telefonnummer"),
    ("123456", "'123456' ist keine Telefonnummer: die Vorwahl fehlt"),
    ("ruf an", "'ruf an' ist keine Telefonnummer (z. B. \"02421 123456\""),
])
def test_numbers_that_do_not(raw, message):
    with pytest.raises(ValueError) as exc:
        normalize_phone(raw)
    assert str(exc.value).startswith(message)


def test_the_region_decides_numbers_without_plus():
    assert normalize_phone("020 123 4567", "NL") == "+31201234567"
    assert normalize_phone("020 123 4567", "DE") == "+49201234567"  # Essen, 0201


def test_the_message_reaches_the_file(content):
    content.offer("x", 'title: X\nsummary: x\ncategory: essen\nservice_area: [mitte]\n'
                  'contact: {phone: ["116 016", "0242 1"]}\nlast_verified: 2026-10-01\n')
    assert content.lines() == [
        "content/offers/x.yml:5:30: error: contact.phone[1]: '0242 1' ist keine vollständige "
        "Telefonnummer: Vorwahl und Rufnummer prüfen (z. B. \"02421 123456\" oder "
        "\"+49 2421 123456\")"
    ]
