"""Phone first, part two, in Debian's Chromium: the offer page's first screen at 360 × 740 (what,
open now, where, route, papers, dogs, cost and a one-line call button of 44 × 44 px), tap
targets on every page type, the skip link, the German 404 page and what a browser prints.

The first screen is measured on every offer page of every language at one mocked moment, so
that the live status's wording (and with it the number of lines) is the same on every run.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest

from build_tools import urls

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 360, "height": 740}
MOMENT = datetime(2026, 11, 24, 8, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # a Tuesday morning
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PRIMARY = ".atlas-call, .atlas-route, .atlas-tomap, .atlas-search-link, .atlas-need a, .atlas-sos__call"

# Boxes of the first-screen items; the facts by their place in the list (labels differ per language).
FIRST_SCREEN = """() => {
  const box = el => el ? el.getBoundingClientRect().toJSON() : null;
  const facts = Array.from(document.querySelectorAll('.atlas-facts > .atlas-fact'));
  return {
    title: box(document.querySelector('.md-content h1')),
    summary: box(document.querySelector('.atlas-summary')),
    open: box(document.querySelector('.atlas-fact--open')),
    where: box(document.querySelector('.atlas-fact--where')),
    route: box(document.querySelector('.atlas-route')),
    papers: box(facts[2]), dogs: box(facts[3]), cost: box(facts[4]),
    call: box(document.querySelector('a.atlas-call')),
    callLines: document.querySelector('a.atlas-call .atlas-call__number')?.getClientRects().length ?? 0,
    banner: box(document.querySelector('.md-banner')),
  };
}"""


def _offer_pages(catalog) -> list[tuple[str, object]]:
    from build_tools.pages.offer_texts import page_languages

    out = []
    for offer in catalog.published:
        for lang in page_languages(offer, catalog.config.languages):
            out.append((urls.offer_path(offer.id, lang), offer))
    return out


def _phone_page(browser):
    context = browser.new_context(viewport=PHONE, locale="de-DE", timezone_id="Europe/Berlin",
                                  service_workers="block")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1")
                  else r.abort())
    page = context.new_page()
    page.clock.set_fixed_time(MOMENT)
    return context, page


def test_every_offer_page_answers_on_the_first_screen(browser, site_url, sample_catalog):
    from build_tools.catalog import is_public_location

    context, page = _phone_page(browser)
    pages = _offer_pages(sample_catalog)
    assert len(pages) > 100
    try:
        for path, offer in pages:
            page.goto(site_url + path)
            boxes = page.evaluate(FIRST_SCREEN)
            wanted = ["title", "summary", "open", "where", "papers", "dogs", "cost"]
            if offer.contact.phone:
                wanted.append("call")
            if is_public_location(offer):
                wanted.append("route")
            for name in wanted:
                box = boxes[name]
                assert box is not None, f"{path}: no {name}"
                assert box["bottom"] <= PHONE["height"], f"{path}: {name} ends at {box['bottom']:.0f} px"
            if offer.contact.phone:
                call = boxes["call"]
                assert call["width"] >= 44 and call["height"] >= 44, f"{path}: call button {call}"
                assert boxes["callLines"] == 1, f"{path}: the number breaks across lines"
            assert boxes["banner"]["height"] <= 32, f"{path}: sample banner {boxes['banner']['height']} px"
    finally:
        context.close()


def test_kaeltebus_number_stays_on_one_line_and_calls(browser, site_url):
    context, page = _phone_page(browser)
    try:
        page.goto(site_url + urls.offer_path("kaeltebus"))
        call = page.locator("a.atlas-call")
        assert call.get_attribute("href") == "tel:+4915155500120"
        number = call.locator(".atlas-call__number")
        assert number.inner_text() == "0151 55500120"
        assert number.evaluate("el => getComputedStyle(el.closest('a')).whiteSpace") == "nowrap"
        assert number.evaluate("el => el.getClientRects().length") == 1
        # the word "Anrufen" is there for screen readers even where the handset stands for it
        assert call.evaluate("el => el.textContent").strip().startswith("Anrufen")
    finally:
        context.close()


SMALL_TARGETS = """(primary) => Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, summary, label[for]'))
  .filter(el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    // visible targets only (the clipped skip links wait for focus; Leaflet's own controls aside)
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && !el.closest('.leaflet-container, .md-sidebar');
  })
  .map(el => { const r = el.getBoundingClientRect();
    return {what: (el.className || el.tagName) + ' ' + (el.textContent || el.value || '').trim().slice(0, 30),
            w: r.width, h: r.height, need: el.matches(primary) ? 44 : 24}; })
  .filter(t => t.w < t.need - 0.5 || t.h < t.need - 0.5)"""


@pytest.mark.parametrize("kind", ["home", "offer", "az", "category", "district", "map", "categories",
                                  "districts", "handwritten"])
def test_tap_targets_are_big_enough(open_page, page_types, kind):
    page = open_page(page_types[kind], 360, 740)
    small = page.evaluate(SMALL_TARGETS, PRIMARY)
    assert small == [], f"{kind}: targets below 24 px (44 px for primary actions): {small}"


def test_open_now_checkbox_is_24_pixels_and_its_label_44(open_page, page_types):
    page = open_page(page_types["category"], 360, 740)
    box = page.locator("[data-atlas-open-filter]").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert page.locator(".atlas-filter label").bounding_box()["height"] >= 44


@pytest.mark.parametrize("path", ["", urls.offer_path("kaeltebus"), urls.offer_path("kaeltebus", "ar"),
                                  urls.offers_index_path(), "impressum/", "404.html"])
def test_skip_link_is_the_first_tab_stop_and_leads_to_the_content(open_page, path):
    page = open_page(path, 360, 740)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "atlas-skip" in focused, f"{path or 'home'}: first Tab stop is {focused!r}"
    skip = page.locator("a.atlas-skip")
    assert skip.is_visible() and skip.bounding_box()["height"] >= 43.5
    if not path.startswith("ar/"):
        assert skip.inner_text() == "Zum Inhalt"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
    # Material's own copy (pages with a table of contents) would be a second stop: hidden
    assert page.evaluate("Array.from(document.querySelectorAll('a.md-skip:not(.atlas-skip)'))"
                         ".every(a => getComputedStyle(a).display === 'none')")


def test_404_page_is_german_light_and_leads_on(open_page):
    from axe_playwright_python.sync_playwright import Axe

    # the test server has no fallback to 404.html (a static host has): the page itself, at the root
    page = open_page("404.html", 360, 740)
    assert page.locator("h1").inner_text() == "Seite nicht gefunden"
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.locator("script[src*='bundle']").count() == 0  # no Material bundle
    links = {a.inner_text(): a.get_attribute("href") for a in page.locator(".atlas-notfound__links a").all()}
    assert set(links) == {"Startseite", "Alle Angebote A–Z", "Kategorien", "Karte"}
    assert links["Alle Angebote A–Z"] == "/" + urls.offers_index_path()
    assert page.locator(".atlas-emergency a[href='tel:112']").count() == 1
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    page.locator("#atlas-q").fill("Dusche")
    page.locator("form[role=search] button").click()
    page.wait_for_url("**/" + urls.search_path() + "?q=Dusche")
    page.wait_for_selector("[data-atlas-results] a", timeout=30_000)


def test_no_dialog_without_a_name(open_page, page_types):
    """Material's search dialog is gone with its box; no dialog may stand unnamed (aria-dialog-name)."""
    for kind in ("home", "offer", "category"):
        page = open_page(page_types[kind])
        assert page.locator("[role=dialog]:not([aria-label]):not([aria-labelledby])").count() == 0


def _printed_text(page, tmp_path, name: str) -> str:
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_offer_page_prints_hours_phone_address_url_and_date(browser, site_url, tmp_path, sample_catalog):
    context, page = _phone_page(browser)
    try:
        page.goto(site_url + urls.offer_path("tafel-innenstadt"))
        live = page.locator("[data-atlas-status]").first.inner_text()
        text = _printed_text(page, tmp_path, "offer").replace("\r", "")
    finally:
        context.close()
    assert "öffnet" in live or "geöffnet" in live.lower()  # the live status ran on screen
    assert "öffnet heute" not in text and "Geschlossen —" not in text and live not in text
    assert "Di, Do 10:00–12:00 Uhr, 15:00–17:00 Uhr" in text  # the weekly hours
    assert "02421 555510" in text and "Lagerstraße 9" in text
    site = sample_catalog.config.site_url.rstrip("/")
    assert f"{site}/{urls.offer_path('tafel-innenstadt')}" in text
    assert "Stand: " in text
    assert "Anrufen" not in text and "Zum Inhalt" not in text and "Beispieldaten" not in text


def test_category_page_prints_a_compact_list_with_phones_and_hours(browser, site_url, tmp_path, sample_catalog):
    from build_tools.pages.views import hours_summary

    category = "essen"
    context, page = _phone_page(browser)
    try:
        page.goto(site_url + urls.category_path(category))
        text = _printed_text(page, tmp_path, "category").replace("\r", "").replace("\n", " ")
    finally:
        context.close()
    assert "öffnet heute" not in text and "öffnet morgen" not in text
    for offer in sample_catalog.in_category(category):
        assert offer.title in text
        if offer.contact.phone:
            assert f"Tel. {offer.contact.phone[0]}" in text, offer.id
        week = hours_summary(offer)
        assert week.split(";")[0] in text, (offer.id, week)
