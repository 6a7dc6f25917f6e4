"""The drawer menu on a page of a language tree: the tree's pages in its words; entries that
exist only in German lead to the German page and say so (``lang``/``hreflang``, a note in the
tree's language). At 360 × 740, the phone a person opens the menu on; axe with the drawer open."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools import urls
from build_tools.i18n import catalogue

from .test_district_profile import axe_violations

pytestmark = pytest.mark.xdist_group("browser")

PAGES = {"uk": urls.language_path("uk", urls.category_path("essen")),
         "ar": urls.language_path("ar", urls.offer_path("tafel-innenstadt"))}


class _Title(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "title"

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def _page_title(site: Path, path: str) -> str:
    """The built page's own title (``<title>`` without the site name after it)."""
    parser = _Title()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser.text.rsplit(" - ", 1)[0].strip()


def _open_drawer(open_page, path: str):
    page = open_page(path, 360, 740)
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)  # Material's drawer slides in
    return page


def _entries(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll(
        '.md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link')]
        .map(a => ({text: a.querySelector('.md-ellipsis').firstChild.textContent.trim(),
                    lang: a.closest('[lang]').lang,
                    note: a.querySelector('small') && {text: a.querySelector('small').innerText.trim(),
                                                      lang: a.querySelector('small').lang},
                    hreflang: a.getAttribute('hreflang'), path: new URL(a.href).pathname,
                    active: a.classList.contains('md-nav__link--active')}))""")


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_drawer_leads_to_the_trees_pages_in_its_words(open_page, built_site, lang):
    page = _open_drawer(open_page, PAGES[lang])
    home = page.locator(".md-nav--primary a.md-nav__link").first
    assert home.is_visible() and home.bounding_box()["x"] >= 0  # the drawer is open on screen
    entries = _entries(page)
    assert entries[0]["text"] == catalogue(lang).ui["nav_home"] and entries[0]["path"] == f"/{lang}/"
    translated = [e for e in entries if e["lang"] == lang]
    german = [e for e in entries if e["lang"] == "de"]
    assert len(translated) + len(german) == len(entries)
    assert len(translated) >= 5 and len(german) >= 3  # A–Z, map, categories, districts; legal pages
    for entry in translated:
        assert entry["path"].startswith(f"/{lang}/") and entry["hreflang"] is None and entry["note"] is None
        if entry["path"] != f"/{lang}/":
            assert entry["text"] == _page_title(built_site, entry["path"].strip("/"))
    for entry in german:
        assert entry["hreflang"] == "de"
        assert entry["note"] == {"text": catalogue(lang).ui["german"], "lang": lang}
        here = entry["path"].strip("/")
        assert not (built_site / lang / here / "index.html").exists(), f"{here} exists in {lang}"
        assert (built_site / here / "index.html").exists()
    assert not any(e["active"] for e in entries)  # neither page is an entry of the nav
    assert page.locator(".atlas-chrome[lang='de']").count() == 0
    logo = page.evaluate("new URL(document.querySelector('.md-header .md-logo').href).pathname")
    assert logo == f"/{lang}/"  # the header's logo leads to the tree's home too


def test_the_ukrainian_about_page_is_in_the_menu_and_the_arabic_one_is_not(open_page, built_site):
    about = f"/{urls.language_path('uk', 'ueber/')}"
    assert about in [e["path"] for e in _entries(_open_drawer(open_page, PAGES["uk"]))]
    assert not (built_site / "ar" / "ueber").exists()
    assert "/ueber/" in [e["path"] for e in _entries(_open_drawer(open_page, PAGES["ar"]))]


def test_following_an_entry_opens_the_trees_page_marked_as_current(open_page):
    page = _open_drawer(open_page, PAGES["uk"])
    target = f"/{urls.language_path('uk', urls.map_path())}"
    page.locator(f".md-nav--primary a.md-nav__link[href$='{urls.map_path()}']").first.click()
    page.wait_for_url(f"**{target}")
    assert page.evaluate("document.documentElement.lang") == "uk"
    active = [e for e in _entries(page) if e["active"]]
    assert [e["path"] for e in active] == [target]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_axe_finds_nothing_with_the_drawer_open(open_page, lang):
    page = _open_drawer(open_page, PAGES[lang])
    count, report = axe_violations(page)
    assert count == 0, report
