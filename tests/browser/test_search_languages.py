"""The search page of every language tree in Debian's Chromium: its own Pagefind index (the
pages of its language only), the categories' need words in that language, its sentences from
the catalogue, the language switch and hreflang — and the German search unchanged."""

from __future__ import annotations

import re

import pytest

from build_tools import urls
from build_tools.i18n import catalogue
from build_tools.pages.offer_texts import has_page

from .test_district_profile import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHELTER = "notunterkunft"
"""The category whose need words ("sleep", "спати", "نوم", "uyku") the queries use."""


def _done(running: str) -> str:
    return ("q => { const s = document.querySelector('[data-atlas-search-status]').textContent;"
            f" return s && !s.startsWith({running!r}) && new URLSearchParams(location.search).get('q') === q; }}")


def search(page, lang: str, query: str) -> list[tuple[str, str]]:
    """Type ``query``, submit; ``(tree language, offer id)`` of every listed result in order."""
    page.fill("#atlas-q", query)
    page.press("#atlas-q", "Enter")
    page.wait_for_function(_done(catalogue(lang).ui["s_running"]), arg=query, timeout=20_000)
    hrefs = page.locator("[data-atlas-results] a").evaluate_all("els => els.map(e => e.href)")
    out = []
    for href in hrefs:
        found = re.search(r"/(?:([a-z]{2})/)?angebote/([^/]+)/$", href)
        assert found, href
        out.append((found.group(1) or "de", found.group(2)))
    return out


def shelters(catalog, lang: str) -> set[str]:
    """Published shelters with a page in ``lang``."""
    return {o.id for o in catalog.published if o.category == SHELTER and (lang == "de" or has_page(o, lang))}


@pytest.mark.parametrize(("lang", "query"), [("en", "sleep"), ("en", "bed"), ("en", "night"),
                                             ("uk", "спати"), ("uk", "нічліг"),
                                             ("ar", "نوم"), ("tr", "uyku")])
def test_need_word_finds_the_shelters_page_in_the_language(open_page, sample_catalog, lang, query):
    expected = shelters(sample_catalog, lang)
    assert expected, f"the sample has no shelter with a page in {lang}"
    page = open_page(urls.language_path(lang, urls.search_path()), 360, 740)
    assert page.evaluate("document.documentElement.lang") == lang
    found = search(page, lang, query)
    assert found, f"{query!r} finds nothing on the {lang} search page"
    # only pages of this language's tree: its own index
    assert {code for code, _ in found} == {lang}, found
    # every shelter near the top; one other offer may come first or between them: the
    # sleeping-bag store, whose title has the word in every language ("Sleeping bag …")
    top = {ident for _, ident in found[:len(expected) + 1]}
    assert expected <= top, (sorted(expected - top), found)


def test_german_search_is_unchanged(open_page, sample_catalog):
    page = open_page(urls.search_path())
    assert page.evaluate("document.documentElement.lang") == "de"
    found = search(page, "de", "schlafen")
    assert {code for code, _ in found} == {"de"}, found
    assert found[0][1] in shelters(sample_catalog, "de")
    status = page.locator("[data-atlas-search-status]").inner_text()
    assert re.match(r"^\d+ Angebote für „schlafen“\.$", status), status
    assert page.locator("#stichwoerter").count() == 1  # the German keyword index stays


def test_english_words_do_not_find_german_pages_in_the_german_index(open_page):
    page = open_page(urls.search_path())
    found = search(page, "de", "sleep")
    assert all(code == "de" for code, _ in found), found


@pytest.mark.parametrize("lang", ["en", "uk", "ar", "tr"])
def test_search_page_speaks_the_language(open_page, sample_catalog, lang):
    ui = catalogue(lang).ui
    page = open_page(urls.language_path(lang, urls.search_path()), 360, 740)
    assert page.locator("h1").inner_text() == ui["search_title"]
    assert page.locator("label[for=atlas-q]").inner_text() == ui["search_label"]
    assert page.locator("[data-atlas-results]").get_attribute("aria-label") == ui["results"]
    assert page.locator("#stichwoerter").count() == 0  # German words: only on the German page
    # the category filter names the categories in the language
    options = page.locator("#atlas-f-kategorie option").all_text_contents()  # in closed <details>
    assert sample_catalog.categories[SHELTER].label_in(lang) in options
    assert options[0] == ui["all_option"]
    assert page.locator(".atlas-chip--all").text_content() == ui["chips_all"]
    # the result count in the language's words
    query = {"en": "sleep", "uk": "спати", "ar": "نوم", "tr": "uyku"}[lang]
    count = len(search(page, lang, query))
    status = page.locator("[data-atlas-search-status]").inner_text()
    words = catalogue(lang).counts["offers"](count)  # CLDR forms, chosen by Intl.PluralRules
    assert status.startswith(words), status
    assert "Angebot" not in status
    # a result's live status or hours text is not the German one
    hours = page.locator("[data-atlas-results] .atlas-item__hours").all_inner_texts()
    assert not [h for h in hours if re.search(r"Geöffnet|Geschlossen|schließt|öffnet", h)], hours
    # switch and hreflang: every language's search page
    switch = page.locator("nav.atlas-langs a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(h.endswith("suche/") for h in switch), switch
    alternates = page.locator("link[rel=alternate][hreflang]").evaluate_all(
        "els => els.map(e => [e.hreflang, e.href])")
    assert {code for code, _ in alternates} >= {"de", "en", "uk", "ar", "tr", "x-default"}
    assert all(href.rstrip("/").endswith("suche") for _, href in alternates), alternates
    # the header's search link stays in the tree
    assert page.locator("a.atlas-search-link").evaluate("e => e.href").endswith(f"/{lang}/suche/")
    assert page.locator(".atlas-search-link__text").inner_text() == ui["search"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_search_page_in_a_language_is_axe_clean(open_page, lang):
    page = open_page(urls.language_path(lang, urls.search_path()), 360, 740)
    search(page, lang, {"en": "sleep", "ar": "نوم"}[lang])
    count, report = axe_violations(page)
    assert count == 0, report
    if lang == "ar":
        assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_start_page_in_a_language_searches_its_own_tree(open_page):
    page = open_page(urls.language_path("uk", ""))
    page.fill("#atlas-q", "спати")
    page.press("#atlas-q", "Enter")
    page.wait_for_url("**/uk/suche/?q=*")
    found = search(page, "uk", "спати")
    assert found and {code for code, _ in found} == {"uk"}
