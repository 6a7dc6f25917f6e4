"""The frame around a language tree's page speaks its language: the sample banner and the footer.

The footer's links still lead to the German legal pages, which ``hreflang="de"`` says; on German
pages the frame stays German.
"""

from __future__ import annotations

import pytest

from build_tools import urls
from build_tools.i18n import catalogue

pytestmark = pytest.mark.xdist_group("browser")

LANGUAGES = ["en", "uk", "ar", "tr"]
FOOTER = ["footer_imprint", "footer_privacy", "footer_accessibility", "footer_easy_language",
          "footer_open_data"]


def _frame(page) -> dict:
    return page.evaluate("""() => {
      const banner = document.querySelector('.atlas-sample');
      const nav = document.querySelector('.atlas-footer-links');
      return {
        banner: banner.innerText.trim(),
        bannerLang: banner.closest('[lang]').lang,
        navName: nav.getAttribute('aria-label'),
        links: [...nav.querySelectorAll('a')].map(a => ({
          text: a.innerText.trim(), lang: a.closest('[lang]').lang,
          hreflang: a.getAttribute('hreflang'), path: new URL(a.href).pathname})),
      };
    }""")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("where", ["home", "category", "offer"])
def test_banner_and_footer_are_in_the_pages_language(open_page, lang, where):
    path = {"home": urls.language_path(lang, ""),
            "category": urls.language_path(lang, urls.category_path("essen")),
            "offer": urls.language_path(lang, urls.offer_path("tafel-innenstadt"))}[where]
    ui = catalogue(lang).ui
    frame = _frame(open_page(path, 360, 740))
    assert frame["banner"] == f"{ui['sample_label']} — {ui['sample_text']}"
    assert frame["bannerLang"] == lang
    assert frame["navName"] == ui["footer_label"]
    assert [link["text"] for link in frame["links"]] == [ui[key] for key in FOOTER]
    assert {link["lang"] for link in frame["links"]} == {lang}
    assert {link["hreflang"] for link in frame["links"]} == {"de"}
    assert [link["path"] for link in frame["links"]] == [
        "/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/", "/daten/"]


def test_german_pages_keep_the_german_frame(open_page):
    frame = _frame(open_page(urls.offer_path("tafel-innenstadt"), 360, 740))
    assert frame["banner"].startswith("Beispieldaten") and frame["bannerLang"] == "de"
    assert [link["text"] for link in frame["links"]][:2] == ["Impressum", "Datenschutz"]
    assert {link["hreflang"] for link in frame["links"]} == {None}
