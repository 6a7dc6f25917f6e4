"""Offer pages in English, Ukrainian, Arabic and Turkish in Debian's Chromium: labels, weekly
hours and the live status in the page's language at a mocked moment, Arabic right to left at
360 px without sideways scrolling, the language switch by keyboard, axe per language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from build_tools import urls
from build_tools.i18n import catalogue
from build_tools.opening_hours import describe_hours, holiday_dates
from build_tools.opening_hours.evaluate import status_at
from build_tools.opening_hours.texts import status_text

from .test_district_profile import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BERLIN = ZoneInfo("Europe/Berlin")
OFFER = "notunterkunft-mariengasse"  # Mo-Su 20:00-08:00, translated into en, uk, ar, tr
MOMENTS = [
    ("en", datetime(2026, 11, 25, 2, 0)),   # open across midnight
    ("ar", datetime(2026, 11, 25, 2, 0)),
    ("uk", datetime(2026, 11, 25, 12, 0)),  # closed, opens today
    ("tr", datetime(2026, 11, 25, 12, 0)),
]


def _open_at(browser, url: str, moment: datetime, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height},
                                  timezone_id="Europe/Berlin", locale="de-DE")
    context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url
                  else route.abort())
    context.clock.install(time=moment.timestamp())
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


@pytest.mark.parametrize(("lang", "local"), MOMENTS, ids=[m[0] for m in MOMENTS])
def test_labels_hours_and_live_status_in_the_language(browser, site_url, sample_catalog, lang, local):
    moment = local.replace(tzinfo=BERLIN)
    offer = sample_catalog.offer(OFFER)
    holidays = holiday_dates(sample_catalog.config.holidays_state, range(moment.year - 1, moment.year + 2))
    expected = status_text(status_at(offer, moment, holidays), lang)
    assert expected
    ui = catalogue(lang).ui
    context, page = _open_at(browser, site_url + urls.offer_path(OFFER, lang), moment)
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.evaluate("document.body.dir") == catalogue(lang).dir
        page.wait_for_function(
            "([id, text]) => [...document.querySelectorAll(`[data-atlas-status='${id}']`)]"
            ".some(el => el.textContent.trim() === text)", arg=[OFFER, expected], timeout=10_000)
        labels = page.locator(".atlas-facts dt").all_inner_texts()
        for key in ("open_label", "where", "papers", "dogs", "costs", "registration"):
            assert ui[key] in labels, (lang, key, labels)
        # the number is on the call button, its word in the language (hidden on phones)
        assert page.locator(".atlas-call__label").inner_text() == ui["call"]
        assert page.locator(".atlas-facts dd", has_text=ui["dogs_yes"]).count() == 1
        assert page.locator(".atlas-facts dd", has_text=ui["free"]).count() == 1
        hours = page.locator("ul.atlas-hours li").all_inner_texts()
        assert hours == describe_hours(offer.opening_hours, lang)
        assert page.locator("h2#zeiten").inner_text() == ui["hours"]
        assert page.locator("h1").inner_text() == offer.translations[lang].title
    finally:
        context.close()


def test_arabic_is_right_to_left_and_fits_360_pixels(browser, site_url):
    context, page = _open_at(browser, site_url + urls.offer_path(OFFER, "ar"),
                             datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN), 360, 740)
    try:
        assert page.evaluate("getComputedStyle(document.querySelector('.atlas-summary')).direction") == "rtl"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.evaluate("window.scrollTo(-1000, 0)")
        assert page.evaluate("window.scrollX") == 0, "the page scrolls sideways"
        # mirrored: the label column of the facts stands right of the values
        dt = page.locator(".atlas-facts dt").first.bounding_box()
        dd = page.locator(".atlas-facts dd").first.bounding_box()
        assert dt["x"] > dd["x"]
        switch = page.locator("nav.atlas-langs").bounding_box()
        assert switch["x"] >= 0 and switch["x"] + switch["width"] <= 360
        # the phone number keeps its digits in order inside the right-to-left text
        phone = page.locator(".atlas-call__number").first
        assert phone.evaluate("el => getComputedStyle(el).direction") == "ltr"
        # the site-wide alert has no Arabic translation: German and left to right inside the page
        alert = page.locator("[data-atlas-alert]").first
        assert alert.get_attribute("lang") == "de"
        assert alert.evaluate("el => getComputedStyle(el).direction") == "ltr"
    finally:
        context.close()


def test_switch_is_reached_and_used_by_keyboard(open_page):
    page = open_page(urls.offer_path(OFFER), 360, 740)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('nav.atlas-langs')"):
            break
    else:
        pytest.fail("the language switch is not reachable with Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "page"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.lang") == "en"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "a focused language shows where the focus is"
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + urls.offer_path(OFFER, "en"))
    assert page.evaluate("document.documentElement.lang") == "en"


def test_alternates_and_sitemap_name_every_language(open_page, built_site):
    page = open_page(urls.offer_path(OFFER, "uk"))
    alternates = page.eval_on_selector_all("link[rel=alternate][hreflang]", "els => els.map(e => e.hreflang)")
    assert alternates == ["de", "en", "uk", "ar", "tr", "x-default"]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in ("en", "uk", "ar", "tr"):
        assert f"/{urls.offer_path(OFFER, lang)}</loc>" in sitemap, lang


@pytest.mark.parametrize("lang", ["de", "en", "uk", "ar", "tr"])
def test_axe_finds_nothing_per_language(open_page, lang):
    page = open_page(urls.offer_path(OFFER, lang), 360, 740)
    page.wait_for_timeout(300)
    count, report = axe_violations(page)
    assert count == 0, report
