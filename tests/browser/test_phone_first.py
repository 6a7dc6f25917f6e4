"""Phone first, in Debian's Chromium at 360 × 740: the home page's need tiles, lists before
maps, "In meiner Nähe" with a granted and a refused position, the need chips, axe.

Counts and distances are computed here independently: open offers by the Python hours
evaluation at the same mocked moment, distances by the haversine formula written out below.
"""

from __future__ import annotations

import math
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from build_tools import urls
from build_tools.catalog import is_public_location
from build_tools.opening_hours import holiday_dates
from build_tools.opening_hours.evaluate import status_at

from .conftest import load_map

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BERLIN = ZoneInfo("Europe/Berlin")
PHONE = {"width": 360, "height": 740}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

MOMENTS = [
    datetime(2026, 11, 24, 10, 30),  # Tuesday morning
    datetime(2026, 11, 29, 11, 0),  # Sunday
    datetime(2026, 11, 25, 2, 0),  # a night in winter
    datetime(2026, 12, 25, 12, 30),  # Christmas Day (a public holiday)
    datetime(2026, 6, 15, 20, 0),  # a summer evening: the winter offers are out of season
]


def _context(browser, site_url, **options):
    options.setdefault("viewport", PHONE)
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin",
                                  service_workers="block", **options)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort())
    return context


def _open_now(catalog, moment: datetime) -> dict[str, int]:
    holidays = holiday_dates(catalog.config.holidays_state, range(moment.year - 1, moment.year + 2))
    return {
        cat: sum(status_at(o, moment, holidays).state in ("open", "open_end") for o in catalog.in_category(cat))
        for cat in catalog.categories if catalog.in_category(cat)
    }


# --- the home page ---------------------------------------------------------------------------

def test_need_tiles_fill_the_first_screen(browser, site_url, sample_catalog):
    context = _context(browser, site_url)
    page = context.new_page()
    page.goto(site_url)
    tiles = page.locator("ul.atlas-needs > li > a")
    wanted = [c for c in sample_catalog.categories.values() if sample_catalog.in_category(c.id)]
    assert tiles.count() == len(wanted) >= 8
    for i, cat in enumerate(wanted):
        tile = tiles.nth(i)
        box = tile.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= PHONE["height"], f"{cat.id}: below the first screen ({box})"
        assert box["width"] >= 44 and box["height"] >= 44, f"{cat.id}: {box}"
        assert tile.locator("svg.atlas-picto").bounding_box()["height"] >= 24
        assert tile.locator(".atlas-need__word").inner_text().replace("\u00ad", "") == cat.need
        assert tile.get_attribute("href") == f"kategorien/{cat.id}/"
    # The emergency call is on the first screen, as a real tel: button.
    call = page.locator(".atlas-sos__call")
    box = call.bounding_box()
    assert call.get_attribute("href") == "tel:112" and box["height"] >= 44 and box["y"] + box["height"] <= 740
    page.locator(".atlas-sos__more").click()
    assert page.locator("#notruf").bounding_box()["y"] < PHONE["height"]
    context.close()


def test_need_tiles_count_the_offers_open_now(browser, site_url, sample_catalog):
    seen = []
    for local in MOMENTS:
        moment = local.replace(tzinfo=BERLIN)
        expected = _open_now(sample_catalog, moment)
        context = _context(browser, site_url)
        context.clock.install(time=moment.timestamp())
        page = context.new_page()
        page.goto(site_url)
        page.wait_for_function("() => document.querySelector('[data-atlas-need-count]').textContent.includes('offen')")
        shown = {
            el.get_attribute("data-atlas-need-count"): el.inner_text()
            for el in page.locator("[data-atlas-need-count]").all()
        }
        assert shown == {cat: f"{n} jetzt offen" for cat, n in expected.items()}, local
        open_marked = {el.get_attribute("data-atlas-need-count")
                       for el in page.locator("[data-atlas-need-count].is-open").all()}
        assert open_marked == {cat for cat, n in expected.items() if n}
        seen.append(tuple(sorted(expected.items())))
        context.close()
    assert len(set(seen)) >= 3, "the moments must tell different stories"
    assert any(n for moment in seen for _, n in moment), "something is open at some moment"


def test_need_tiles_fetch_their_data_when_it_is_too_big_to_inline(browser, tmp_path, monkeypatch, sample_catalog):
    """A big atlas: the schedules come from kategorien/jetzt-offen.json, the counts stay right."""
    from build_tools.pages import needs

    from .conftest import build_sample_site, serving

    monkeypatch.setattr(needs, "INLINE_LIMIT", 0)
    site = build_sample_site(tmp_path / "site")
    assert (site / urls.needs_data_path()).is_file()
    assert 'id="atlas-needs-data"' not in (site / "index.html").read_text(encoding="utf-8")
    with serving(site) as base:
        moment = MOMENTS[0].replace(tzinfo=BERLIN)
        expected = _open_now(sample_catalog, moment)
        context = _context(browser, base)
        context.clock.install(time=moment.timestamp())
        page = context.new_page()
        page.goto(base)
        page.wait_for_function("() => document.querySelector('[data-atlas-need-count]').textContent.includes('offen')")
        shown = {el.get_attribute("data-atlas-need-count"): el.inner_text()
                 for el in page.locator("[data-atlas-need-count]").all()}
        assert shown == {cat: f"{n} jetzt offen" for cat, n in expected.items()}
        context.close()


def test_need_tiles_without_javascript_show_the_total(browser, site_url, sample_catalog):
    context = _context(browser, site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    for el in page.locator("[data-atlas-need-count]").all():
        n = len(sample_catalog.in_category(el.get_attribute("data-atlas-need-count")))
        assert el.inner_text() == f"{n} {'Angebot' if n == 1 else 'Angebote'}"
    context.close()


# --- lists before maps -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["category", "district", "map"])
def test_list_comes_before_the_map_on_a_phone(browser, site_url, page_types, kind):
    context = _context(browser, site_url)
    page = context.new_page()
    page.goto(site_url + page_types[kind])
    first = page.locator("#atlas-liste li[data-atlas-offer]").first.bounding_box()
    mapbox = page.locator("#atlas-karte").bounding_box()
    assert first["y"] + first["height"] <= mapbox["y"], "the map comes before the list"
    if kind != "district":  # a district page starts with its profile
        assert first["y"] < PHONE["height"], f"the first offer starts at {first['y']} px"
        assert mapbox["y"] >= PHONE["height"], "a map block on the first screen"
    button = page.locator("a.atlas-tomap")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["y"] + box["height"] <= PHONE["height"]
    button.click()
    # One tap: the map's top is in the upper half of the screen, not under the header, or
    # (the page ends below a map still waiting for consent) "Karte laden" is on the screen.
    page.wait_for_function("() => { const r = document.getElementById('atlas-karte').getBoundingClientRect();"
                           " const b = document.querySelector('#atlas-karte [data-atlas-consent-button]');"
                           " const c = b && b.offsetParent ? b.getBoundingClientRect() : null;"
                           " return r.top >= 48 && (r.top < innerHeight / 2"
                           " || (c !== null && c.bottom <= innerHeight)); }")
    context.close()


@pytest.mark.parametrize("kind", ["category", "map"])
def test_map_beside_the_list_on_a_wide_screen(open_page, page_types, kind):
    page = open_page(page_types[kind], 1280, 900)
    listing = page.locator("#atlas-liste").bounding_box()
    mapbox = page.locator("#atlas-karte").bounding_box()
    assert mapbox["x"] >= listing["x"] + listing["width"], "the map is not beside the list"
    assert mapbox["y"] < 900 and abs(mapbox["y"] - listing["y"]) < 80
    assert not page.locator("a.atlas-tomap").is_visible()


# --- "In meiner Nähe" ------------------------------------------------------------------------

def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres (mean Earth radius 6,371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def german_distance(metres: float) -> str:
    if metres < 995:
        return f"{round(metres / 10) * 10} m"
    if metres < 9950:
        return f"{round(metres / 100) / 10:.1f} km".replace(".", ",")
    return f"{round(metres / 1000)} km"


def test_distance_words_by_hand():
    # 0.0045° of latitude is 6,371,000 m × 0.0045 × π / 180 = 500.4 m.
    assert german_distance(haversine_m((50.8158, 6.4452), (50.8203, 6.4452))) == "500 m"
    assert german_distance(2_149) == "2,1 km" and german_distance(994) == "990 m"
    assert german_distance(996) == "1,0 km" and german_distance(12_400) == "12 km"


def _listed(page) -> list[tuple[str, str]]:
    return [(li.get_attribute("data-atlas-offer"), li.locator(".atlas-item__distance").inner_text())
            for li in page.locator("#atlas-liste li[data-atlas-offer]").all()]


def test_nearby_sorts_by_distance_without_sending_the_position(browser, site_url, sample_catalog):
    shelter = sample_catalog.offer("jugendnotschlafstelle")
    here = (shelter.location.lat + 0.0045, shelter.location.lon)  # 500 m north of it
    context = _context(browser, site_url, geolocation={"latitude": here[0], "longitude": here[1]},
                       permissions=["geolocation"])
    page = context.new_page()
    page.goto(site_url + urls.category_path("notunterkunft"))
    before = [li.get_attribute("data-atlas-offer") for li in page.locator("#atlas-liste li[data-atlas-offer]").all()]
    page.wait_for_load_state("networkidle")  # the page's own files are in before we listen
    requests: list[str] = []
    # The browser fetches the favicon when it likes (it failed a CI run): no page script asks.
    page.on("request", lambda r: r.url.endswith("/favicon.png") or requests.append(r.url))
    page.get_by_role("button", name="In meiner Nähe").click()
    page.wait_for_selector(".atlas-item__distance")
    members = sample_catalog.in_category("notunterkunft")
    fixed = sorted((o for o in members if is_public_location(o)),
                   key=lambda o: (haversine_m(here, (o.location.lat, o.location.lon)), before.index(o.id)))
    without = [o for o in sorted(members, key=lambda o: before.index(o.id)) if not is_public_location(o)]
    assert without, "the sample category has an offer without a fixed place"
    expected = [(o.id, german_distance(haversine_m(here, (o.location.lat, o.location.lon)))) for o in fixed]
    expected += [(o.id, "Ort nicht öffentlich" if o.location and o.location.confidential else "ohne festen Ort")
                 for o in without]
    assert _listed(page) == expected
    assert expected[0] == (shelter.id, "500 m")
    assert "nicht gesendet" in page.locator("[data-atlas-nearby-status]").inner_text()
    assert requests == [], f"the position must stay on the device: {requests}"
    # And back to A–Z.
    page.get_by_role("button", name="Wieder nach Alphabet").click()
    assert [li.get_attribute("data-atlas-offer") for li in page.locator("#atlas-liste li[data-atlas-offer]").all()] == before
    assert page.locator(".atlas-item__distance").count() == 0
    context.close()


def test_nearby_on_the_map_page_sorts_each_category(browser, site_url, sample_catalog):
    here = (50.8034, 6.4826)
    context = _context(browser, site_url, geolocation={"latitude": here[0], "longitude": here[1]},
                       permissions=["geolocation"])
    page = context.new_page()
    page.goto(site_url + urls.map_path())
    page.get_by_role("button", name="In meiner Nähe").click()
    page.wait_for_selector(".atlas-item__distance")
    group = page.locator("[data-atlas-group=essen] li[data-atlas-offer]")
    ids = [li.get_attribute("data-atlas-offer") for li in group.all()]
    members = [o for o in sample_catalog.published if o.category == "essen"]
    key = {o.id: haversine_m(here, (o.location.lat, o.location.lon)) if is_public_location(o) else math.inf
           for o in members}
    assert sorted(ids) == sorted(key) and [key[i] for i in ids] == sorted(key.values())
    context.close()


def test_nearby_refused_says_so_and_keeps_the_list(browser, site_url):
    context = _context(browser, site_url)  # no permission granted: Chromium refuses
    page = context.new_page()
    page.goto(site_url + urls.category_path("notunterkunft"))
    before = [li.get_attribute("data-atlas-offer") for li in page.locator("#atlas-liste li[data-atlas-offer]").all()]
    page.get_by_role("button", name="In meiner Nähe").click()
    status = page.locator("[data-atlas-nearby-status]")
    page.wait_for_function("() => document.querySelector('[data-atlas-nearby-status]').textContent.includes('nicht')")
    assert status.inner_text().startswith("Ohne Ihren Standort geht das nicht")
    assert [li.get_attribute("data-atlas-offer") for li in page.locator("#atlas-liste li[data-atlas-offer]").all()] == before
    assert page.locator(".atlas-item__distance").count() == 0
    context.close()


# --- need chips ------------------------------------------------------------------------------

def test_chips_filter_the_map_page_list_and_map(browser, site_url, sample_catalog):
    context = _context(browser, site_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + urls.map_path())
    load_map(page)
    chip = page.locator("[data-atlas-chip=essen]")
    box = chip.bounding_box()
    assert box["height"] >= 44 and chip.locator("svg.atlas-picto").count() == 1
    chip.click()
    assert chip.get_attribute("aria-pressed") == "true"
    visible = [g.get_attribute("data-atlas-group") for g in page.locator("[data-atlas-group]:visible").all()]
    assert visible == ["essen"]
    on_map = sum(1 for o in sample_catalog.published if o.category == "essen" and is_public_location(o))
    page.wait_for_function(f"() => document.querySelector('[data-atlas-map-status]').textContent.startsWith('{on_map} ')")
    page.locator("[data-atlas-chip='']").click()
    assert page.locator("[data-atlas-group]:visible").count() == len(
        [c for c in sample_catalog.categories if any(o.category == c for o in sample_catalog.published)])
    context.close()


def test_chips_choose_the_search_category(browser, site_url, sample_catalog):
    context = _context(browser, site_url)
    page = context.new_page()
    page.goto(site_url + "suche/?kategorie=essen")
    assert page.locator("[data-atlas-chip=essen]").get_attribute("aria-pressed") == "true"
    page.wait_for_selector("[data-atlas-results] a", timeout=30_000)
    page.locator("[data-atlas-chip=notunterkunft]").click()
    page.wait_for_url("**/suche/?kategorie=notunterkunft")
    assert page.locator("select[name=kategorie]").input_value() == "notunterkunft"
    assert page.locator("[data-atlas-chip=essen]").get_attribute("aria-pressed") == "false"
    wanted = {f"angebote/{o.id}/" for o in sample_catalog.in_category("notunterkunft")}
    page.wait_for_function(
        "ids => [...document.querySelectorAll('[data-atlas-results] li a.atlas-item__title')]"
        ".map(a => a.getAttribute('href')).every(h => ids.some(i => h.endsWith(i)))",
        arg=sorted(wanted), timeout=30_000)
    context.close()


# --- accessibility ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", "kategorien/notunterkunft/", "karte/", "suche/?kategorie=essen"])
def test_axe_at_360_with_tiles_chips_and_distances(browser, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    context = _context(browser, site_url, geolocation={"latitude": 50.8034, "longitude": 6.4826},
                       permissions=["geolocation"])
    page = context.new_page()
    page.goto(site_url + path)
    if page.locator("[data-atlas-nearby-button]").count():
        page.locator("[data-atlas-nearby-button]").click()
        page.wait_for_selector(".atlas-item__distance")
    page.wait_for_timeout(300)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    context.close()
