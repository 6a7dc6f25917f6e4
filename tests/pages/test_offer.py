"""Offer pages: the first-screen facts, escaping, confidentiality, translations, tombstones."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from build_tools.pages import offer as offer_module
from build_tools.pages.offer import offer_page, related_offers

from ..buildkit import page_inputs
from ..htmlquery import parse


@pytest.fixture
def render(catalog):
    def rendered(offer_id: str, files=frozenset()):
        return offer_page(page_inputs(catalog, flyers=frozenset(files)), catalog.offer(offer_id))
    return rendered


def _with_class(tree, tag: str, cls: str):
    """The first ``tag`` element carrying the class ``cls``."""
    return next(el for el in tree.find_all(tag) if cls in el.classes())


def test_offer_page_body_matches_golden(render, golden, monkeypatch):
    # The map fragment belongs to the maps helper; keep this golden about the page itself.
    monkeypatch.setattr(offer_module, "offer_map_html", lambda *a, **k: '<div class="map-stub"></div>')
    page = render("tagestreff-mitte")
    golden("pages/offer-tagestreff-mitte.html", page.html)


def test_first_screen_answers_the_questions(render):
    tree = parse(render("tagestreff-mitte").html)
    facts = {dt.text.strip(): dt.parent.find("dd").text for dt in tree.find_all("dt")
             if dt.parent.tag == "div"}
    assert {"Geöffnet?", "Wo", "Papiere", "Hunde", "Kosten"} <= facts.keys()
    assert "Marienstraße 14" in facts["Wo"]
    # call and route are buttons above the facts: a real tel: link with the number, and OSM
    actions = _with_class(tree, "p", "atlas-actions")
    call = _with_class(actions, "a", "atlas-call")
    assert call.attrs["href"] == "tel:+492421555210"
    assert _with_class(call, "span", "atlas-call__label").text == "Anrufen"
    assert _with_class(call, "span", "atlas-call__number").attrs["dir"] == "ltr"
    route = _with_class(actions, "a", "atlas-route")
    assert route.text == "Route" and route.attrs["href"].startswith("https://www.openstreetmap.org/directions")
    assert facts["Kosten"].strip() == "kostenlos"
    assert facts["Hunde"].strip() == "Hunde erlaubt"
    status = tree.find("span", data_atlas_status="tagestreff-mitte")
    assert status is not None and status.text.strip()


def test_links_tel_geo_route_and_report(render):
    tree = parse(render("tagestreff-mitte").html)
    hrefs = [a.attrs.get("href", "") for a in tree.find_all("a")]
    assert "tel:+492421555210" in hrefs
    assert "geo:50.8034,6.4826" in hrefs
    assert "https://www.openstreetmap.org/directions?to=50.8034%2C6.4826" in hrefs
    report = [h for h in hrefs if h.startswith("mailto:fehler@test.example")]
    assert report and "tagestreff-mitte" in report[0]
    body = unquote(report[0].split("&body=", 1)[1])
    # the offer, its address and which page the reader saw (issue 21, "Fehler melden")
    assert "Seite: https://hilfe.test.example/angebote/tagestreff-mitte/" in body
    assert "Stand der Seite: 22. November 2026" in body and "zuletzt geprüft: 1. Oktober 2026" in body
    assert not any(h.startswith("javascript:") for h in hrefs)


def test_stand_date_is_shown(render):
    tree = parse(render("tagestreff-mitte").html)
    time = tree.find("time")
    assert time.attrs["datetime"] == "2026-10-01"
    assert "Stand" in time.parent.text


def test_printed_sheet_names_its_own_absolute_address(render):
    tree = parse(render("tagestreff-mitte").html)
    footer = tree.find("footer")
    url = _with_class(footer, "p", "atlas-printonly")
    assert url.text.startswith("Diese Seite im Netz:")
    assert url.find("span").text == "https://hilfe.test.example/angebote/tagestreff-mitte/"
    # the live status is for the screen only; paper keeps the weekly hours
    assert "atlas-noprint" in _with_class(tree, "div", "atlas-fact--open").classes()
    assert _with_class(tree, "ul", "atlas-hours").find_all("li")


def test_translations_carry_lang_and_dir(render):
    tree = parse(render("tagestreff-mitte").html)
    arabic = tree.find("div", lang="ar")
    assert arabic is not None and arabic.attrs["dir"] == "rtl"
    english = tree.find("div", lang="en")
    assert english is not None and english.attrs["dir"] == "ltr"


def test_markup_in_yaml_is_escaped_everywhere(render):
    html = render("frauenhaus").html
    assert "<script>alert" not in html
    tree = parse(html)
    assert "<script>alert(1)</script>" in tree.find("h1").text
    ld = tree.find("script", type="application/ld+json")
    assert "</" not in ld.text
    assert json.loads(ld.text)["name"].endswith("<script>alert(1)</script>")


def test_confidential_offer_shows_no_address_and_no_position(render, catalog):
    html = render("frauenhaus").html
    offer = catalog.offer("frauenhaus")
    assert f"{offer.location.lat}" not in html and "geo:" not in html
    assert "openstreetmap.org/directions" not in html
    tree = parse(html)
    assert tree.find("address") is None
    ld = json.loads(tree.find("script", type="application/ld+json").text)
    assert "geo" not in ld and "address" not in ld


def test_flyer_links_only_when_the_files_exist(render):
    assert "Zum Ausdrucken" not in render("tagestreff-mitte").html
    html = render("tagestreff-mitte", frozenset({"flyers/tagestreff-mitte-karte.pdf"})).html
    tree = parse(html)
    hrefs = [a.attrs["href"] for a in tree.find_all("a")]
    assert "../../flyers/tagestreff-mitte-karte.pdf" in hrefs
    assert "../../flyers/tagestreff-mitte-aushang.pdf" not in hrefs


def test_jsonld_describes_the_place(render):
    tree = parse(render("tagestreff-mitte").html)
    ld = json.loads(tree.find("script", type="application/ld+json").text)
    assert ld["@type"] == "CivicStructure"
    assert ld["address"]["streetAddress"] == "Marienstraße 14"
    assert ld["geo"]["latitude"] == 50.8034
    assert ld["url"] == "https://hilfe.test.example/angebote/tagestreff-mitte/"


def test_ended_offer_is_a_tombstone(render):
    page = render("alte-suppenkueche")
    assert page.meta["robots"] == "noindex"
    assert page.search is None  # never a search result
    assert "Dieses Angebot gibt es nicht mehr" in parse(page.html).text


def test_a_tombstone_names_the_offer_once(catalog):
    """Editors end an ended offer's title with "(beendet)": the page must not then say
    "„… (beendet)“ wurde beendet"."""
    offer = catalog.offer("alte-suppenkueche").model_copy(update={"title": "Suppenküche (beendet)"})
    text = parse(offer_page(page_inputs(catalog), offer).html).text
    assert text.count("Suppenküche (beendet)") == 1
    assert "wurde beendet" not in text


def test_related_never_lists_ended_offers(catalog):
    for offer in catalog.offers:
        assert all(o.status != "ended" for o in related_offers(catalog, offer))


def test_hours_block_follows_the_markup_contract(render):
    tree = parse(render("tagestreff-mitte").html)
    data = tree.find("script", id="atlas-hours-data")
    assert "tagestreff-mitte" in json.loads(data.text)["offers"]
    scripts = [s.attrs.get("src") for s in tree.find_all("script") if s.attrs.get("src")]
    assert "../../assets/javascripts/atlas-hours.js" in scripts
