"""The built sample site in Debian's Chromium: rendering, map, search, privacy, a11y, mobile."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from build_tools import urls
from build_tools.catalog import is_public_location

from .conftest import load_map, wait_until_map_is_still

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_every_page_type_renders_without_third_party_requests(open_page, page_types, tile_host):
    """Each page type renders (lang, h1, title); during load, only tiles leave localhost."""
    for kind, path in page_types.items():
        page = open_page(path)
        assert page.locator("html").get_attribute("lang") == "de", kind
        h1 = page.locator("article h1, .md-content h1").first
        assert h1.is_visible(), f"{kind} ({path}) has no visible h1"
        assert page.title(), kind
        page.wait_for_timeout(250)
        hosts = {urlsplit(u).hostname for u in page.atlas_external}
        assert hosts <= {tile_host}, f"{kind}: requests to {sorted(hosts)}"


def test_offer_page_first_screen_at_360(open_page, page_types):
    page = open_page(page_types["offer"], 360, 640)
    for label in ("Geöffnet?", "Wo", "Kosten"):
        box = page.locator("dt", has_text=label).first.bounding_box()
        assert box is not None and box["y"] < 640 * 1.6, f"{label} far below the first screen"


def _marker_total(page) -> int:
    singles = page.locator(".leaflet-marker-icon:not(.atlas-cluster):not(.marker-cluster)").count()
    clusters = page.locator(".leaflet-marker-icon.atlas-cluster, .leaflet-marker-icon.marker-cluster")
    return singles + sum(int(re.sub(r"\D", "", t) or 0) for t in clusters.all_inner_texts())


def test_overview_map_shows_every_published_offer(open_page, sample_catalog):
    page = open_page(urls.map_path())
    load_map(page)
    expected = sum(1 for o in sample_catalog.published if is_public_location(o))
    assert _marker_total(page) == expected


def test_popup_link_opens_the_offer_page(open_page, site_url, sample_catalog):
    page = open_page(urls.map_path())
    load_map(page)
    # Zoom in until single markers appear, then open one.
    for _ in range(6):
        singles = page.locator(".leaflet-marker-icon:not(.atlas-cluster):not(.marker-cluster)")
        if singles.count():
            break
        page.locator(".leaflet-marker-icon").first.click()
        wait_until_map_is_still(page)
    # A marker near the edge of the (list-wide) map may be clipped: take one inside the canvas.
    canvas = page.locator("[data-atlas-canvas]").first.bounding_box()
    assert canvas is not None

    def inside(box) -> bool:
        return bool(box) and canvas["x"] + 12 < box["x"] + box["width"] / 2 < canvas["x"] + canvas["width"] - 12 \
            and canvas["y"] + 12 < box["y"] + box["height"] / 2 < canvas["y"] + canvas["height"] - 12
    singles = page.locator(".leaflet-marker-icon:not(.atlas-cluster):not(.marker-cluster)").all()
    marker = next(m for m in singles if inside(m.bounding_box()))
    title = marker.get_attribute("title")
    assert title, "marker without an accessible name"
    marker.click()
    link = page.locator(".leaflet-popup a").first
    link.wait_for(timeout=5_000)
    wait_until_map_is_still(page)  # the popup pans the map into view
    with page.expect_navigation(wait_until="load"):
        link.click()
    path = urlsplit(page.url).path
    assert path.startswith("/angebote/")
    offer = sample_catalog.offer(path.strip("/").split("/")[1])
    assert offer.title == title
    assert page.locator("h1").first.inner_text().strip() == offer.title


def _unique_description_word(catalog):
    texts = {}
    for o in catalog.offers:
        texts[o.id] = " ".join(filter(None, [o.title, o.summary, o.description, " ".join(o.tags),
                                             o.hours_note or "", o.alert or "", o.costs or ""]))
    seen: dict[str, set[str]] = {}
    for oid, text in texts.items():
        for word in re.findall(r"[A-Za-zÄÖÜäöüß]{8,}", text):
            seen.setdefault(word.lower(), set()).add(oid)
    for o in catalog.published:
        summary = (o.summary + " " + o.title).lower()
        for word in re.findall(r"[A-Za-zÄÖÜäöüß]{8,}", o.description or ""):
            if seen[word.lower()] == {o.id} and word.lower() not in summary:
                return word, o
    pytest.fail("the sample needs a word that only one offer's description has (search test)")


def test_search_finds_a_word_from_one_description(open_page, sample_catalog):
    word, offer = _unique_description_word(sample_catalog)
    page = open_page("suche/?q=" + word)
    page.wait_for_selector("[data-atlas-results] a", timeout=30_000)
    hrefs = page.locator("[data-atlas-results] a").evaluate_all("els => els.map(e => e.href)")
    assert any(f"/angebote/{offer.id}/" in h for h in hrefs), (word, hrefs)


def test_search_index_waits_until_someone_searches(open_page):
    """A visitor who only reads a page, or opens the search page, never downloads the index."""
    page = open_page("")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page.url)  # again, now recording
    page.locator("a.atlas-search-link").click()
    page.wait_for_url("**/suche/")
    page.wait_for_timeout(800)
    assert not [u for u in requested if "/pagefind/" in u]
    page.locator("#atlas-q").fill("Dusche")
    page.locator("#atlas-q").press("Enter")
    page.wait_for_selector("[data-atlas-results] a", timeout=30_000)
    assert [u for u in requested if u.endswith("/pagefind/pagefind.js")]


def test_home_search_box_submits_to_the_search_page(open_page):
    page = open_page("")
    page.locator("#atlas-q").fill("Dusche")
    page.locator("form[role=search] button").click()
    page.wait_for_url("**/suche/?q=Dusche")
    page.wait_for_selector("[data-atlas-results] a", timeout=30_000)


@pytest.mark.parametrize("kind", ["home", "offer", "category", "district", "map", "az"])
def test_axe_finds_no_wcag_violations(open_page, page_types, kind):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(page_types[kind])
    page.wait_for_timeout(300)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_no_horizontal_scrolling_at_360(open_page, page_types):
    for kind, path in page_types.items():
        page = open_page(path, 360, 640)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{kind} ({path}) scrolls sideways: {width}px"


def test_print_hides_navigation_and_map(open_page, page_types):
    page = open_page(page_types["offer"])
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".leaflet-control-container").first.is_visible()
    assert page.locator("dt", has_text="Kosten").is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "an offer page prints on one A4 sheet"


def test_map_is_not_a_keyboard_trap(open_page):
    """The list comes first, then the map: Tab from the list's last link enters the map and
    leaves it again for what follows."""
    page = open_page(urls.map_path())
    load_map(page)
    page.locator("#atlas-liste a").last.focus()
    in_map_seen = False
    for _ in range(150):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "() => { const a = document.activeElement;"
            " return a && a.closest('[data-atlas-map]') ? 'map'"
            " : a && a.closest('#atlas-liste') ? 'list' : 'other'; }"
        )
        in_map_seen = in_map_seen or where == "map"
        if in_map_seen and where != "map":
            break
    assert in_map_seen, "the map takes no keyboard focus at all"
    assert where == "other", "Tab never leaves the map"
