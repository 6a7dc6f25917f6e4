"""The overview pages of every language tree in Debian's Chromium: start page and lists in
English, Ukrainian, Arabic and Turkish — the catalogue's words and the translated names, every
offer listed (German ones marked as German), ``lang``/``dir``, Arabic right to left at 360 px
without sideways scrolling, the switch by keyboard, hreflang alternates, axe per language."""

from __future__ import annotations

import json

import pytest

from build_tools import urls
from build_tools.i18n import catalogue
from build_tools.pages.offer_texts import has_page

from .test_district_profile import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LANGS = ["en", "uk", "ar", "tr"]
PAGES = ["", urls.offers_index_path(), urls.category_path("essen"), urls.categories_index_path(),
         urls.districts_index_path(), urls.district_path("nord"), urls.map_path()]


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_speaks_the_language(open_page, sample_catalog, lang):
    ui = catalogue(lang).ui
    page = open_page(urls.language_path(lang, ""), 360, 740)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.body.dir") == catalogue(lang).dir
    assert page.locator("h2#kategorien").inner_text() == ui["needs_question"]
    words = [w.replace("\u00ad", "") for w in page.locator(".atlas-need__word").all_inner_texts()]
    expected = [c.need_in(lang) for c in sample_catalog.categories.values()
                if sample_catalog.in_category(c.id)]
    assert words == expected
    assert page.locator("label[for=atlas-q]").inner_text() == ui["search_hint"]
    # a tile leads to the category page of the same tree
    href = page.locator(".atlas-need a").first.get_attribute("href")
    assert href.startswith("kategorien/"), href
    # the emergency numbers' labels come from the settings in German, and say so
    assert page.locator(".atlas-emergency__label").first.get_attribute("lang") == "de"


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_lists_every_offer_in_the_language_or_marked_german(open_page, sample_catalog, lang):
    ui = catalogue(lang).ui
    page = open_page(urls.language_path(lang, urls.offers_index_path()))
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").inner_text() == ui["az_title"]
    assert page.locator("label", has_text=ui["open_only"]).count() == 1
    items = page.eval_on_selector_all(
        ".atlas-item", "els => els.map(e => [e.dataset.atlasOffer, e.querySelector('.atlas-item__title').lang,"
        " e.querySelector('.atlas-item__title').getAttribute('href'), e.querySelector('.atlas-item__title').textContent])")
    published = {o.id: o for o in sample_catalog.published}
    assert sorted(i[0] for i in items) == sorted(published)
    translated = 0
    for offer_id, title_lang, href, title in items:
        offer = published[offer_id]
        if has_page(offer, lang):
            translated += 1
            assert title_lang == "" and title == offer.translations[lang].title
            assert href == f"{offer_id}/", href  # its page in this tree
        else:
            assert title_lang == "de" and title == offer.title
            assert href == f"../../angebote/{offer_id}/", href
    assert translated, f"no offer of the sample has a page in {lang}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_arabic_pages_are_right_to_left_and_fit_360_pixels(open_page, path):
    page = open_page(urls.language_path("ar", path), 360, 740)
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.body.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate("window.scrollTo(-1000, 0)")
    assert page.evaluate("window.scrollX") == 0, "the page scrolls sideways"
    switch = page.locator("nav.atlas-langs").bounding_box()
    assert switch["x"] >= 0 and switch["x"] + switch["width"] <= 360


def test_category_page_names_and_describes_the_category_in_the_language(open_page, sample_catalog):
    category = sample_catalog.categories["essen"]
    page = open_page(urls.language_path("uk", urls.category_path("essen")), 360, 740)
    assert page.locator("h1").inner_text() == category.label_in("uk")
    assert page.locator("h1").get_attribute("lang") is None
    assert page.get_by_text(category.description_in("uk")).count() == 1
    assert page.locator(".atlas-kicker").inner_text() == catalogue("uk").ui["kind_category"]


def test_switch_of_a_list_page_is_reached_and_used_by_keyboard(open_page):
    page = open_page(urls.offers_index_path(), 360, 740)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('nav.atlas-langs')"):
            break
    else:
        pytest.fail("the language switch is not reachable with Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "page"
    for _ in range(3):  # Deutsch → English → Українська → العربية
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.lang") == "ar"
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + urls.language_path("ar", urls.offers_index_path()))
    assert page.evaluate("document.body.dir") == "rtl"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_alternates_name_every_language_and_the_sitemap_lists_them(open_page, built_site, path):
    page = open_page(urls.language_path("tr", path))
    alternates = page.eval_on_selector_all("link[rel=alternate][hreflang]",
                                           "els => els.map(e => [e.hreflang, e.href])")
    assert [a[0] for a in alternates] == ["de", "en", "uk", "ar", "tr", "x-default"]
    assert alternates[1][1].endswith("/" + urls.language_path("en", path))
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGS:
        assert f"/{urls.language_path(lang, path)}</loc>" in sitemap, lang


@pytest.mark.parametrize("lang", ["de", *LANGS])
@pytest.mark.parametrize("path", ["", urls.offers_index_path(), urls.category_path("essen")],
                         ids=["home", "az", "category"])
def test_axe_finds_nothing_per_language(open_page, lang, path):
    page = open_page(urls.language_path(lang, path), 360, 740)
    page.wait_for_timeout(300)
    count, report = axe_violations(page)
    assert count == 0, report


def _with_locale(browser, site_url: str, path: str, languages: list[str]):
    """A page opened by a browser whose languages are ``languages`` (navigator.languages)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=languages[0])
    script = "Object.defineProperty(navigator, 'languages', {get: () => " + json.dumps(languages) + "})"
    context.add_init_script(script)
    requests: list[str] = []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()
                                         if "127.0.0.1" in route.request.url else route.abort()))
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, requests


@pytest.mark.parametrize("path", [urls.offer_path("notunterkunft-mariengasse"), ""], ids=["offer", "home"])
def test_german_page_suggests_the_browsers_language_and_can_be_dismissed(browser, site_url, path):
    context, page, requests = _with_locale(browser, site_url, path, ["uk-UA", "en-US", "de-DE"])
    try:
        suggestion = page.locator(".atlas-suggest")
        suggestion.wait_for(timeout=5_000)
        assert page.url == site_url + path, "a suggestion, never a redirect"
        assert suggestion.get_attribute("lang") == "uk"
        link = suggestion.locator("a")
        assert link.inner_text() == catalogue("uk").t("suggest", language="Українська")
        assert link.get_attribute("href") == page.locator('nav.atlas-langs a[hreflang="uk"]').get_attribute("href")
        assert suggestion.is_visible() and page.evaluate("document.documentElement.scrollWidth") <= 360
        before = len(requests)
        suggestion.locator("button").click()
        assert suggestion.count() == 0
        assert len(requests) == before, "dismissing asks no server"
        page.reload(wait_until="load")
        page.wait_for_timeout(300)
        assert page.locator(".atlas-suggest").count() == 0, "dismissed stays dismissed on this device"
        assert all("127.0.0.1" in url for url in requests)
    finally:
        context.close()


@pytest.mark.parametrize("languages", [["de-DE", "en-US"], ["fr-FR", "de-DE"]], ids=["german-first", "no-page"])
def test_no_suggestion_when_german_comes_first_or_the_page_lacks_the_language(browser, site_url, languages):
    context, page, _ = _with_locale(browser, site_url, urls.offer_path("notunterkunft-mariengasse"), languages)
    try:
        page.wait_for_timeout(300)
        assert page.locator(".atlas-suggest").count() == 0
    finally:
        context.close()


def test_no_suggestion_on_a_page_of_a_language_tree(browser, site_url):
    context, page, _ = _with_locale(browser, site_url, urls.language_path("en", ""), ["uk-UA"])
    try:
        page.wait_for_timeout(300)
        assert page.locator(".atlas-suggest").count() == 0
    finally:
        context.close()
