"""Offer pages in further languages: which exist, their labels and facts from the language's
catalogue, German standing in (marked) where a translation lacks a text, the switch and
the alternates, and the German page without the old translations block."""

from __future__ import annotations

import json

import pytest

from build_tools import urls
from build_tools.content import load_catalog
from build_tools.pages import offer as offer_module
from build_tools.pages.offer import offer_page, offer_pages
from build_tools.pages.offer_texts import page_languages

from ..buildkit import page_inputs
from ..htmlquery import parse
from .conftest import FIXTURE_CONTENT, FIXTURE_DAY, fixture_config

LANGUAGES = ["de", "en", "uk", "ar", "tr"]


def _catalog(languages):
    config = fixture_config().model_copy(update={"languages": languages})
    result = load_catalog(FIXTURE_CONTENT, config, FIXTURE_DAY)
    assert result.catalog is not None, result.problems
    return result.catalog


@pytest.fixture(scope="module")
def catalog5():
    return _catalog(LANGUAGES)


@pytest.fixture
def render(catalog5):
    def rendered(offer_id: str, lang: str):
        return offer_page(page_inputs(catalog5), catalog5.offer(offer_id), lang)
    return rendered


def _facts(html: str) -> dict[str, str]:
    tree = parse(html)
    return {dt.text.strip(): dt.parent.find("dd").text.strip() for dt in tree.find_all("dt")
            if dt.parent.tag == "div"}


def test_a_page_exists_where_title_and_summary_are_translated(catalog5):
    # tagestreff-mitte has en and ar (title + summary), no uk or tr
    offer = catalog5.offer("tagestreff-mitte")
    assert page_languages(offer, LANGUAGES) == ["de", "en", "ar"]
    pages = offer_pages(page_inputs(catalog5), offer)
    assert [p.path for p in pages] == [urls.offer_path(offer.id), "en/angebote/tagestreff-mitte/",
                                       "ar/angebote/tagestreff-mitte/"]
    assert [urls.parse_path(p.path) for p in pages] == [
        ("offer", offer.id), ("translation", f"en/{offer.id}"), ("translation", f"ar/{offer.id}")]
    # an ended offer keeps its German tombstone only
    assert [p.path for p in offer_pages(page_inputs(catalog5), catalog5.offer("alte-suppenkueche"))] == [
        urls.offer_path("alte-suppenkueche")]


def test_english_page_labels_and_facts_come_from_the_catalogue(render):
    page = render("tagestreff-mitte", "en")
    facts = _facts(page.html)
    assert {"Open?", "Where", "Papers", "Dogs", "Costs", "Wheelchair"} <= facts.keys()
    assert facts["Dogs"] == "Dogs allowed"
    assert facts["Costs"] == "free of charge"
    assert facts["Open?"] == "Mon–Fri 08:00–14:00; Sat 09:00–12:00"
    assert page.title == "Day centre Mitte"
    assert page.meta["atlas_lang"] == "en"
    assert page.meta["description"].startswith("Breakfast, shower")
    tree = parse(page.html)
    assert tree.find("h1").text == "Day centre Mitte"
    # the call and route buttons speak English too
    assert tree.find("span", **{"class": "atlas-call__label"}).text == "Call"
    assert tree.find("a", **{"class": "atlas-route"}).text == "Route"
    assert [li.text for li in tree.find("ul", **{"class": "atlas-hours"}).find_all("li")] == [
        "Mon–Fri 08:00–14:00", "Sat 09:00–12:00"]
    assert "Opening hours" in [h.text for h in tree.find_all("h2")]
    # its own record for the English index: <html lang="en">, the English title first
    record = parse(page.search)
    assert record.find("html").attrs["lang"] == "en"
    assert record.find("h1").text == "Day centre Mitte"


def test_missing_translations_fall_back_to_german_marked(render):
    tree = parse(render("tagestreff-mitte", "en").html)
    german = {el.text for el in tree.find_all(lang="de")}
    # requirements, directions, hours note and description have no English text in the file
    assert "Keine Papiere nötig." in german
    assert "Eingang im Hinterhof" in german
    assert "An Feiertagen geschlossen." in german
    description = tree.find("div", **{"class": "atlas-description"})
    assert description.attrs["lang"] == "de" and description.attrs["dir"] == "ltr"
    notes = [el.text for el in tree.find_all(**{"class": "atlas-fallback"})]
    assert "Not translated yet, here in German:" in notes and "(in German)" in notes


def test_arabic_page_carries_its_status_words_and_hours(render):
    page = render("tagestreff-mitte", "ar")
    tree = parse(page.html)
    data = json.loads(tree.find("script", id="atlas-hours-data").text)
    assert data["lang"] == "ar" and data["words"]["open"] == "مفتوح الآن"
    facts = _facts(page.html)
    assert "مفتوح؟" in facts
    assert facts["مفتوح؟"].startswith("الاثنين–الجمعة 08:00–14:00")
    call = tree.find("a", href="tel:+492421555210")
    number = call.find("span", **{"class": "atlas-call__number"})
    assert number.attrs["dir"] == "ltr"  # a number keeps its order in a right-to-left page
    assert tree.find("script", type="application/ld+json") is None  # JSON-LD: the German page's


def test_switch_lists_the_page_languages_named_in_themselves(render):
    for lang in ("de", "en", "ar"):
        tree = parse(render("tagestreff-mitte", lang).html)
        switch = tree.find("nav", **{"class": "atlas-langs atlas-noprint"})
        links = switch.find_all("a")
        assert [(a.attrs["lang"], a.text) for a in links] == [
            ("de", "Deutsch"), ("en", "English"), ("ar", "العربية")]
        assert [a.attrs["lang"] for a in links if "aria-current" in a.attrs] == [lang]
        hrefs = {a.attrs["lang"]: a.attrs["href"] for a in links}
        path = urls.offer_path("tagestreff-mitte", lang)
        assert hrefs == {code: urls.relative_url(path, urls.offer_path("tagestreff-mitte", code))
                         for code in ("de", "en", "ar")}
        assert links[2].attrs["dir"] == "rtl"


def test_alternates_are_absolute_with_x_default(render):
    page = render("tagestreff-mitte", "de")
    assert page.meta["atlas_alternates"] == [
        {"lang": "de", "href": "https://hilfe.test.example/angebote/tagestreff-mitte/"},
        {"lang": "en", "href": "https://hilfe.test.example/en/angebote/tagestreff-mitte/"},
        {"lang": "ar", "href": "https://hilfe.test.example/ar/angebote/tagestreff-mitte/"},
        {"lang": "x-default", "href": "https://hilfe.test.example/angebote/tagestreff-mitte/"},
    ]
    assert "atlas_lang" not in page.meta
    # an offer without translations has no switch and no alternates
    lonely = render("streetwork", "de")
    assert "atlas_alternates" not in lonely.meta
    assert parse(lonely.html).find("nav", **{"class": "atlas-langs atlas-noprint"}) is None


def test_german_page_keeps_only_translations_without_a_page(catalog5):
    html = offer_page(page_inputs(catalog5), catalog5.offer("tagestreff-mitte")).html
    assert "In anderen Sprachen" not in html  # en and ar have their own pages now
    two = _catalog(["de", "en"])
    tree = parse(offer_page(page_inputs(two), two.offer("tagestreff-mitte")).html)
    block = tree.find("div", **{"class": "atlas-translations"})
    assert block is not None
    assert [div.attrs["lang"] for div in block.find_all("div")] == ["ar"]  # no Arabic tree


def test_related_offers_link_their_page_in_the_language_or_german_marked(render, catalog5):
    tree = parse(render("tagestreff-mitte", "en").html)
    related = tree.find("section", **{"class": "atlas-related atlas-noprint"})
    titles = related.find_all("a", **{"class": "atlas-item__title"})
    assert titles, "tagestreff-mitte has related offers"
    for a in titles:  # none of the related fixture offers is translated
        assert a.attrs["lang"] == "de" and a.attrs["hreflang"] == "de"
        assert a.attrs["href"].startswith("../../../angebote/")


def test_english_page_matches_golden(render, golden, monkeypatch):
    monkeypatch.setattr(offer_module, "offer_map_html", lambda *a, **k: '<div class="map-stub"></div>')
    golden("pages/offer-tagestreff-mitte.en.html", render("tagestreff-mitte", "en").html)
