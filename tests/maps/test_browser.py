"""The maps in Debian's Chromium: markers, clusters, popups, keyboard, hosts asked, consent."""

from __future__ import annotations

import json
import random
from urllib.parse import urlsplit

import pytest

from build_tools import maps, urls
from build_tools.maps.site import overview_data_bytes

from .browser import RequestLog, serve, write_site
from .conftest import make_catalog, make_offer, sample_offers

pytestmark = [
    pytest.mark.browser,
]

EVIL_TITLE = '</script><img src=x onerror="window.__pwned=1"> "><svg onload="window.__pwned=2">'
HOURS_STUB = """
window.AtlasHours = {
  statusText: function (id) { return id === "offer-0000" ? "Heute 9–12 Uhr <b>x</b>" : ""; },
  isOpen: function (id) { return /[02468]$/.test(id); }
};
"""




def overview_catalog(n: int = 120, consent: bool = False):
    rnd = random.Random(7)
    cats = ["essen", "hygiene", "beratung"]
    offers = [
        make_offer(f"offer-{i:04d}", title=f"Angebot {i}", category=cats[i % 3],
                   lat=50.74 + rnd.random() * 0.12, lon=6.42 + rnd.random() * 0.14)
        for i in range(n)
    ]
    offers[0] = make_offer("offer-0000", title=EVIL_TITLE, category="essen", lat=50.80, lon=6.48)
    offers.append(make_offer("geheim", title="Frauenhaus", confidential=True, lat=50.8, lon=6.5))
    return make_catalog(offers, consent=consent)


def open_page(browser, base: str, path: str, log: RequestLog, hours: bool = False):
    context = browser.new_context(viewport={"width": 900, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", log.route)
    if hours:
        page.add_init_script(HOURS_STUB)
    page.goto(base + path)
    return context, page, errors


def test_overview_map(browser, tmp_path):
    catalog = overview_catalog()
    write_site(tmp_path, "karte/", maps.overview_map_html(catalog, "karte/"),
               {"karte/angebote.json": overview_data_bytes(catalog)})
    log = RequestLog()
    with serve(tmp_path) as base:
        context, page, errors = open_page(browser, base, "karte/", log, hours=True)
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        page.wait_for_timeout(300)
        assert page.evaluate("window.AtlasMap.views[0].markers.length") == 120
        clusters = page.locator(".atlas-cluster").count()
        singles = page.locator(".atlas-marker").count()
        assert clusters > 0
        counted = sum(int(t) for t in page.locator(".atlas-cluster span").all_inner_texts())
        assert counted + singles == 120
        # Clusters and markers are named for screen readers and reachable by keyboard.
        first = page.locator(".atlas-cluster").first
        assert "Angebote" in first.get_attribute("aria-label")
        assert first.get_attribute("tabindex") == "0"
        assert page.locator("[data-atlas-canvas]").get_attribute("role") == "region"
        # The category switch: uncheck one category, its markers leave the map.
        page.locator(".leaflet-control-layers-toggle").focus()
        page.keyboard.press("Enter")
        assert page.locator(".leaflet-control-layers-expanded").count() == 1
        first_box = page.locator(".leaflet-control-layers-overlays input").nth(0)
        first_box.focus()
        page.keyboard.press("Space")
        assert not first_box.is_checked()
        assert page.evaluate("window.AtlasMap.views[0].visibleMarkers().length") == 80
        first_box.focus()
        page.keyboard.press("Space")
        assert page.evaluate("window.AtlasMap.views[0].visibleMarkers().length") == 120
        # "Nur jetzt geöffnete" appears because AtlasHours exists, and filters by isOpen.
        page.get_by_label("Nur jetzt geöffnete").check()
        assert page.evaluate("window.AtlasMap.views[0].visibleMarkers().length") == 60
        assert "60 Angebote" in page.locator("[data-atlas-map-status]").inner_text()
        page.get_by_label("Nur jetzt geöffnete").uncheck()
        # Popup of the evil-titled offer: text, not markup; link to its page.
        page.evaluate(
            """() => { const v = window.AtlasMap.views[0];
                       const m = v.markers.find(m => m.atlasRow[0] === 'offer-0000');
                       v.layer.zoomToShowLayer(m, () => m.getElement().click()); }"""
        )
        popup = page.locator(".atlas-popup")
        popup.wait_for()
        link = popup.locator("a")
        assert link.inner_text() == EVIL_TITLE
        assert urlsplit(link.evaluate("a => a.href")).path == "/angebote/offer-0000/"
        assert popup.locator(".atlas-popup__category").inner_text() == "Essen/Tafel"
        assert popup.locator(".atlas-popup__hours").inner_text() == "Heute 9–12 Uhr <b>x</b>"
        assert page.locator(".atlas-popup img, .atlas-popup svg, .atlas-popup b").count() == 0
        assert page.evaluate("window.__pwned") is None
        page.screenshot(path=str(tmp_path / "overview.png"))
        assert not errors
        context.close()
    # Only our own server and the configured tile host were asked.
    assert log.hosts() == {"tile.openstreetmap.org"}


def test_offer_map_keyboard_and_hosts(browser, tmp_path):
    catalog = overview_catalog(n=3)
    offer = catalog.offer("offer-0000")
    page_path = urls.offer_path(offer.id)
    write_site(tmp_path, page_path, maps.offer_map_html(catalog, offer, page_path),
               items='<li><a href="#" id="after">Eintrag in der Liste</a></li>')
    log = RequestLog()
    with serve(tmp_path) as base:
        context, page, errors = open_page(browser, base, page_path, log)
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        marker = page.locator(".atlas-marker")
        assert marker.count() == 1
        assert marker.get_attribute("title") == EVIL_TITLE
        assert marker.get_attribute("role") == "button"
        # Keyboard: skip link, then into the map, onto the marker, Enter opens the popup.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Karte überspringen"
        marker.focus()
        page.keyboard.press("Enter")
        link = page.locator(".atlas-popup a")
        link.wait_for()
        assert page.evaluate("document.activeElement.closest('.atlas-popup') !== null")
        assert link.get_attribute("href") == "../offer-0000/"
        page.keyboard.press("Escape")
        page.locator(".atlas-popup").wait_for(state="detached")
        assert page.evaluate("document.activeElement.classList.contains('atlas-marker')")
        # Not a trap: Tab leaves the map.
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "after":
                break
        assert page.evaluate("document.activeElement.id") == "after"
        # The skip link jumps over the whole map.
        page.locator(".atlas-map__skip").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "after"
        assert not errors
        context.close()
    assert log.hosts() == {"tile.openstreetmap.org"}


def test_consent_mode_requests_no_tiles_before_the_click(browser, tmp_path):
    catalog = overview_catalog(n=60, consent=True)
    write_site(tmp_path, "kategorien/essen/",
               maps.category_map_html(catalog, "essen", "kategorien/essen/"))
    log = RequestLog()
    with serve(tmp_path) as base:
        context, page, errors = open_page(browser, base, "kategorien/essen/", log)
        button = page.get_by_role("button", name="Karte laden")
        button.wait_for()
        page.wait_for_timeout(500)
        assert log.foreign == []
        assert page.locator(".leaflet-container").count() == 0
        button.click()
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        page.wait_for_timeout(300)
        assert log.hosts() == {"tile.openstreetmap.org"}
        assert page.evaluate("sessionStorage.getItem('atlas-map-consent')") == "1"
        assert context.cookies() == []
        # Consent holds for this tab's session: the next page draws the map at once.
        page.reload()
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        assert page.get_by_role("button", name="Karte laden").is_hidden()
        assert not errors
        context.close()


def test_lazy_offer_map_with_consent_loads_leaflet_only_after_the_click(browser, tmp_path):
    """While consent is pending the offer page's lazy map is a box of text: no Leaflet, no tiles;
    "Karte laden" fetches Leaflet and draws the map at once (no second button)."""
    catalog = overview_catalog(n=3, consent=True)
    offer = catalog.offer("offer-0001")
    path = urls.offer_path(offer.id)
    write_site(tmp_path, path, maps.offer_map_html(catalog, offer, path))
    log = RequestLog()
    with serve(tmp_path) as base:
        context, page, errors = open_page(browser, base, path, log)
        loaded = "() => performance.getEntriesByType('resource').map(e => e.name)"
        button = page.get_by_role("button", name="Karte laden")
        button.wait_for()
        page.wait_for_timeout(500)
        assert log.foreign == []
        assert not [u for u in page.evaluate(loaded) if "leaflet" in u]
        assert page.get_by_role("button", name="Karte anzeigen").is_hidden()
        button.click()
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        page.wait_for_timeout(300)
        assert [u for u in page.evaluate(loaded) if "leaflet.js" in u]
        assert log.hosts() == {"tile.openstreetmap.org"}
        assert page.locator(".atlas-marker").count() == 1
        assert page.evaluate("!!document.activeElement.closest('[data-atlas-map]')")
        assert not errors
        context.close()


def test_district_map_without_tiles(browser, tmp_path):
    """Offline tiles: the outline and the markers still render on a plain background."""
    catalog = make_catalog(sample_offers(), tiles="https://tiles.invalid/{z}/{x}/{y}.png")
    path = urls.district_path("nord")
    write_site(tmp_path, path, maps.district_map_html(catalog, "nord", path))
    with serve(tmp_path) as base:
        context = browser.new_context()
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_()
                   if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort())
        page.goto(base + path)
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        assert page.locator(".atlas-marker").count() == 2
        assert page.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count() == 1
        config = json.loads(page.locator("script[data-atlas-config]").inner_text())
        assert config["areas"][0]["name"] == "Nord"
        page.screenshot(path=str(tmp_path / "district.png"))
        context.close()


def test_without_javascript_the_map_stays_hidden(browser, tmp_path):
    catalog = overview_catalog(n=3)
    offer = catalog.offer("offer-0001")
    path = urls.offer_path(offer.id)
    write_site(tmp_path, path, maps.offer_map_html(catalog, offer, path))
    with serve(tmp_path) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + path)
        assert page.locator("[data-atlas-map]").is_hidden()
        assert page.locator("h2", has_text="Liste").is_visible()
        context.close()


def test_map_follows_the_pages_open_now_filter(browser, tmp_path):
    """A page with its own "Nur jetzt geöffnete" switch for the list drives the map too."""
    catalog = overview_catalog(n=30)
    path = urls.category_path("essen")
    write_site(tmp_path, path, maps.category_map_html(catalog, "essen", path),
               items='<li><label><input type="checkbox" data-atlas-open-filter> '
                     "Nur jetzt geöffnete</label></li>")
    with serve(tmp_path) as base:
        context, page, errors = open_page(browser, base, path, RequestLog(), hours=True)
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        view = "window.AtlasMap.views[0]"
        assert page.evaluate(f"{view}.visibleMarkers().length") == 10
        page.get_by_label("Nur jetzt geöffnete").check()
        assert page.evaluate(f"{view}.visibleMarkers().map(m => m.atlasRow[0])") == [
            f"offer-{i:04d}" for i in range(0, 30, 6)
        ]
        assert page.locator("[data-atlas-open-only]").count() == 0
        assert not errors
        context.close()


def test_offers_in_one_house_stay_reachable(browser, tmp_path):
    offers = [make_offer(f"haus-{i}", title=f"Angebot {i} im Haus", lat=50.84, lon=6.48)
              for i in range(3)] + [make_offer("weiter-weg", lat=50.86, lon=6.52)]
    catalog = make_catalog(offers)
    path = urls.district_path("nord")
    write_site(tmp_path, path, maps.district_map_html(catalog, "nord", path))
    with serve(tmp_path) as base:
        context, page, errors = open_page(browser, base, path, RequestLog())
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        cluster = page.locator(".atlas-cluster")
        assert cluster.count() == 1 and cluster.inner_text() == "3"
        cluster.focus()
        page.keyboard.press("Enter")  # zooms in; at the highest zoom it spreads the three
        page.wait_for_function("document.querySelectorAll('.atlas-marker').length === 4",
                               timeout=10_000)
        titles = sorted(page.locator(".atlas-marker").evaluate_all("els => els.map(e => e.title)"))
        assert titles == ["Angebot 0 im Haus", "Angebot 1 im Haus", "Angebot 2 im Haus",
                          "Angebot weiter-weg"]
        assert not errors
        context.close()


STRICT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    # data: — Leaflet sets aborted tiles to an empty data: GIF (L.Util.emptyImageUrl).
    "img-src 'self' data: https://tile.openstreetmap.org; base-uri 'none'; form-action 'self'"
)


def test_maps_work_under_a_strict_content_security_policy(browser, tmp_path):
    """No inline script, no inline style attribute, no eval: nothing for the CSP to block."""
    catalog = overview_catalog(n=80)
    write_site(tmp_path, "karte/", maps.overview_map_html(catalog, "karte/"),
               {"karte/angebote.json": overview_data_bytes(catalog)})
    log = RequestLog(csp=STRICT_CSP)
    with serve(tmp_path) as base:
        context = browser.new_context()
        page = context.new_page()
        page.route("**/*", log.route)
        page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto(base + "karte/")
        page.wait_for_selector("[data-atlas-state=ready]", state="attached")
        page.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(500)
        assert page.evaluate("window.__csp") == []
        assert page.evaluate("window.AtlasMap.views[0].markers.length") == 80
        context.close()
