"""The translated hand-written page of the sample (Über den Atlas) in the built site: language,
switch on every version, alternates, sitemap, 360 pixels without sideways scrolling, axe."""

from __future__ import annotations

import pytest

from .test_district_profile import axe_violations

pytestmark = pytest.mark.xdist_group("browser")

VERSIONS = {"de": "ueber/", "en": "en/ueber/", "uk": "uk/ueber/"}


@pytest.mark.parametrize("lang", list(VERSIONS))
def test_every_version_speaks_its_language_and_switches_to_the_others(open_page, built_site, lang):
    page = open_page(VERSIONS[lang], 360, 740)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    switch = page.eval_on_selector_all(".atlas-langs a",
                                       "els => els.map(e => [e.lang, e.getAttribute('aria-current')])")
    assert switch == [[code, "page" if code == lang else None] for code in VERSIONS]
    # the switch sits right below the heading, before the text
    assert page.evaluate("document.querySelector('h1').nextElementSibling.className").startswith("atlas-langs")
    alternates = page.eval_on_selector_all("link[rel=alternate][hreflang]",
                                           "els => els.map(e => [e.hreflang, e.href])")
    assert [a[0] for a in alternates] == ["de", "en", "uk", "x-default"]
    assert alternates[-1][1].endswith("/ueber/") and alternates[1][1].endswith("/en/ueber/")
    # no theme bundle: it would fetch sitemap.xml below each alternate
    assert not page.eval_on_selector_all("script[src*='bundle']", "els => els.length")
    assert f"/{VERSIONS[lang]}</loc>" in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_english_page_is_english_text_and_the_switch_leads_to_ukrainian(open_page):
    page = open_page("en/ueber/", 360, 740)
    assert page.inner_text("h1") == "About this atlas"
    page.click(".atlas-langs a[lang=uk]")
    page.wait_for_url("**/uk/ueber/")
    assert page.inner_text("h1") == "Про цей атлас"


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_axe_finds_nothing_on_the_translated_page(open_page, lang):
    page = open_page(VERSIONS[lang], 360, 740)
    page.wait_for_timeout(300)
    count, report = axe_violations(page)
    assert count == 0, report
