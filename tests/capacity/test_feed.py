"""The capacity feed in Python: which file an offer's page fetches, origins, the feed file."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from build_tools.capacity import (
    FeedError,
    feed_origin,
    origins,
    read_feed,
    set_entry,
    source_for,
    write_feed,
)
from build_tools.config import AtlasConfig
from build_tools.schema import Offer

AT = datetime(2026, 12, 3, 19, 40, tzinfo=timezone(timedelta(hours=1)))


def _offer(offer_id: str, category: str = "schlafen", **extra) -> Offer:
    data = {"id": offer_id, "title": offer_id, "category": category, "summary": "Kurz.",
            "last_verified": "2026-11-01", "location": {"street": "Weg 1", "postal_code": "52062",
                                                         "city": "Musterstadt", "lat": 50.8, "lon": 6.4}}
    return Offer.model_validate(data | extra)


@pytest.mark.parametrize(("url", "origin"), [
    ("https://kaeltehilfe.example/plaetze.json", "https://kaeltehilfe.example"),
    ("https://KaelteHilfe.Example:8443/a/b.json?v=1", "https://kaeltehilfe.example:8443"),
    ("http://127.0.0.1:8765/plaetze.json", "http://127.0.0.1:8765"),
    ("http://localhost/p.json", "http://localhost"),
])
def test_origin_of_an_allowed_url(url, origin):
    assert feed_origin(url) == origin


@pytest.mark.parametrize(("url", "says"), [
    ("http://kaeltehilfe.example/plaetze.json", "https://"),
    ("kaeltehilfe.example/plaetze.json", "https://"),
    ("/plaetze.json", "https://"),
    ("https://user:pw@kaeltehilfe.example/p.json", "Zugangsdaten"),
    ("https://kaeltehilfe.example/p.json#x", "#-Teil"),
    ("https://kaelte hilfe.example/p.json", "Rechnername"),
    ("https://kaeltehilfe.example;script-src:x/p.json", "Rechnername"),
    ("https://kaeltehilfe.example:99999/p.json", "Port"),
    ("https://kältehilfe.example/p.json", "xn--"),
])
def test_other_urls_are_refused_in_german(url, says):
    with pytest.raises(ValueError, match=says):
        feed_origin(url)


def test_no_source_without_a_setting():
    settings = AtlasConfig()
    assert source_for(_offer("a"), settings) is None
    assert origins([_offer("a"), _offer("b")], settings) == frozenset()


def test_feed_by_id_or_category_and_own_url_first():
    settings = AtlasConfig(capacity={"url": "https://feed.example/p.json", "offers": ["a"],
                                     "categories": ["notunterkunft"], "max_age_minutes": 60})
    by_id = source_for(_offer("a"), settings)
    assert by_id is not None and by_id.url == "https://feed.example/p.json"
    assert (by_id.max_age_minutes, by_id.max_bytes, by_id.timeout_ms) == (60, 16 * 1024, 4000)
    assert source_for(_offer("b", "notunterkunft"), settings) is not None
    assert source_for(_offer("c", "essen", also_categories=["notunterkunft"]), settings) is not None
    assert source_for(_offer("d", "essen"), settings) is None
    own = source_for(_offer("e", "essen", capacity_url="https://haus.example/frei.json"), settings)
    assert own is not None and own.origin == "https://haus.example"
    offers = [_offer("a"), _offer("d", "essen"), _offer("e", capacity_url="https://haus.example/f.json")]
    assert origins(offers, settings) == {"https://feed.example", "https://haus.example"}


def test_set_entry_keeps_maximum_and_unit_and_sorts():
    data = set_entry({"offers": {"z": {"available": 1, "updated": "2026-12-03T10:00:00+01:00"}}},
                     "a", 3, 30, "Betten", AT)
    assert list(data["offers"]) == ["a", "z"]
    assert data["offers"]["a"] == {"available": 3, "maximum": 30, "unit": "Betten",
                                   "updated": "2026-12-03T19:40:00+01:00"}
    again = set_entry(data, "a", 0, None, None, AT + timedelta(hours=1))
    assert again["offers"]["a"] == {"available": 0, "maximum": 30, "unit": "Betten",
                                    "updated": "2026-12-03T20:40:00+01:00"}
    assert again["updated"] == "2026-12-03T20:40:00+01:00"


@pytest.mark.parametrize(("available", "maximum", "unit", "says"), [
    (-1, None, None, "ab 0"),
    (31, None, None, "insgesamt nur 30"),
    (5, 4, None, "insgesamt nur 4"),
    (3, None, "x" * 41, "höchstens 40 Zeichen"),
])
def test_set_entry_refuses_what_the_page_would_not_show(available, maximum, unit, says):
    data = {"offers": {"a": {"available": 1, "maximum": 30, "updated": "2026-12-03T10:00:00+01:00"}}}
    with pytest.raises(FeedError, match=says):
        set_entry(data, "a", available, maximum, unit, AT)


def test_feed_file_round_trip_and_broken_files(tmp_path):
    path = tmp_path / "sub" / "plaetze.json"
    assert read_feed(path) == {"offers": {}}
    write_feed(path, set_entry(read_feed(path), "a", 2, None, None, AT))
    assert json.loads(path.read_text(encoding="utf-8"))["offers"]["a"]["available"] == 2
    assert [p.name for p in path.parent.iterdir()] == ["plaetze.json"]  # no temporary file left
    path.write_text("{kaputt", encoding="utf-8")
    with pytest.raises(FeedError, match="kein lesbares JSON"):
        read_feed(path)
    path.write_text('{"offers": []}', encoding="utf-8")
    with pytest.raises(FeedError, match="offers"):
        read_feed(path)


def test_a_file_the_site_serves_itself():
    from build_tools import urls
    from build_tools.capacity import check_feed_url, site_file

    assert site_file("/plaetze/musterstadt.json") == "plaetze/musterstadt.json"
    assert urls.parse_path("plaetze/musterstadt.json") == ("capacity", "musterstadt.json")
    assert site_file("https://feed.example/p.json") is None
    for wrong in ("/plaetze.json", "/daten/plaetze.json", "/plaetze/../x.json", "/plaetze/A.json",
                  "/plaetze/x.txt", "//feed.example/plaetze/x.json"):
        with pytest.raises(ValueError, match="unter /plaetze/"):
            check_feed_url(wrong)
    settings = AtlasConfig(capacity={"url": "/plaetze/stadt.json", "offers": ["a"]})
    source = source_for(_offer("a"), settings)
    assert source is not None and (source.origin, source.site_path) == (None, "plaetze/stadt.json")
    assert origins([_offer("a")], settings) == frozenset(), "the site's own origin is 'self' already"
