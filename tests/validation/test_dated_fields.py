"""Offer fields that time a closure or an alert: closed_until, closed_reason, alert_from,
alert_until — clear errors where they contradict the offer, warnings once a date has passed."""

from __future__ import annotations

from .conftest import GOOD


def test_closed_until_needs_the_closed_status(content):
    content.offer("zu", GOOD + "closed_until: 2026-12-15\nclosed_reason: Umbau\n")
    assert content.lines() == [
        "content/offers/zu.yml:6:15: error: closed_until: closed_until gilt nur mit status: "
        "temporarily_closed: status ändern oder closed_until entfernen",
        "content/offers/zu.yml:7:16: error: closed_reason: closed_reason gilt nur mit status: "
        "temporarily_closed: status ändern oder closed_reason entfernen",
    ]


def test_a_closure_with_an_end_is_fine_and_a_past_one_warns(content):
    content.offer("zu", GOOD + "status: temporarily_closed\nclosed_until: 2026-12-15\nclosed_reason: Umbau\n")
    content.offer("alt", GOOD.replace("Kleiderkammer Süd", "Kleiderkammer Alt")
                  + "status: temporarily_closed\nclosed_until: 2026-11-01\n")
    assert content.lines() == [
        "content/offers/alt.yml:7:15: warning: closed_until: liegt in der Vergangenheit: wieder "
        "geöffnet? status: active setzen und closed_until entfernen, sonst das Datum verlängern",
    ]


def test_an_alert_window_needs_an_alert_and_an_order(content):
    content.offer("ohne", GOOD + "alert_from: 2026-12-01\n")
    content.offer("falsch", GOOD.replace("Kleiderkammer Süd", "Kleiderkammer Falsch")
                  + "alert: Neue Zeiten\nalert_from: 2026-12-10\nalert_until: 2026-12-01\n")
    assert content.lines() == [
        "content/offers/falsch.yml:8:14: error: alert_until: liegt vor alert_from (2026-12-10): "
        "Enddatum anpassen",
        "content/offers/ohne.yml:6:13: error: alert_from: alert_from ohne alert: den Hinweistext "
        "unter alert angeben oder alert_from entfernen",
    ]


def test_an_ended_offer_alert_warns(content):
    content.offer("alt", GOOD + "alert: Ferien\nalert_until: 2026-11-01\n")
    assert content.lines() == [
        "content/offers/alt.yml:7:14: warning: alert_until: der Hinweis ist abgelaufen und "
        "erscheint nicht mehr: alert und alert_until entfernen oder das Datum verlängern",
    ]
