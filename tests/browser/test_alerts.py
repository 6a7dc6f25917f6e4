"""Alerts and temporary closures in Debian's Chromium, at mocked moments (Playwright's clock).

The sample atlas is built twice with a pinned build date: on 2026-11-22, before its alerts
begin (so the built bytes never depend on the day the tests run), and on 2027-06-01, after
every alert has ended (then no page loads the alert script). The sample's alerts: Kältehilfe
(site-wide, level kaelte) 2026-12-01 to 2027-02-28; the Kältebus' own alert 2026-12-24 to
2027-01-01; the Schlafsack-Ausgabe is temporarily closed until 2026-12-15.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from build_tools import urls

from .conftest import build_sample_site

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BERLIN = ZoneInfo("Europe/Berlin")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEFORE_ALERTS = "1795305600"  # 2026-11-22 00:00 UTC
AFTER_ALERTS = "1811808000"  # 2027-06-01 00:00 UTC
COLD_BANNER = "[data-atlas-alert][data-atlas-level='kaelte']"
BUS = urls.offer_path("kaeltebus")
CLOSED = urls.offer_path("schlafsack-ausgabe")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def _pinned_day(epoch: str):
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def _serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _site(tmp_path_factory, epoch: str):
    with _pinned_day(epoch):
        folder = build_sample_site(tmp_path_factory.mktemp("alerts-site") / "site")
    server, url = _serve(folder)
    return server, url, folder


@pytest.fixture(scope="module")
def alerts_site(tmp_path_factory):
    server, url, folder = _site(tmp_path_factory, BEFORE_ALERTS)
    yield url, folder
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def quiet_site(tmp_path_factory):
    server, url, folder = _site(tmp_path_factory, AFTER_ALERTS)
    yield url, folder
    server.shutdown()
    server.server_close()


@pytest.fixture
def at(browser, alerts_site):
    """``at(local datetime, path, width=1280)`` → a page opened with the clock at that moment."""
    url, _ = alerts_site
    contexts = []

    def opener(local: datetime, path: str, width: int = 1280, **options):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="de-DE",
                                      timezone_id="Europe/Berlin", service_workers="block", **options)
        contexts.append(context)
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
        if options.get("java_script_enabled", True):
            context.clock.install(time=local.replace(tzinfo=BERLIN).timestamp())
        page = context.new_page()
        page.goto(url + path, wait_until="load")
        page.wait_for_load_state("domcontentloaded")
        page.wait_for_timeout(100)  # deferred scripts have run by now; the timeout only settles paint
        return page

    yield opener
    for context in contexts:
        context.close()


# --- site-wide alert: before, during, after ------------------------------------------------

WINDOW = [
    ("before", datetime(2026, 11, 30, 23, 30), False),
    ("first day", datetime(2026, 12, 1, 0, 5), True),
    ("during", datetime(2027, 1, 15, 12, 0), True),
    ("last day", datetime(2027, 2, 28, 23, 55), True),
    ("after", datetime(2027, 3, 1, 0, 5), False),
]


@pytest.mark.parametrize(("what", "local", "shown"), WINDOW, ids=[w[0] for w in WINDOW])
@pytest.mark.parametrize("path", ["", "kategorien/essen/", "sozialraeume/nord/", BUS, "impressum/"])
def test_site_wide_alert_shows_only_in_its_window(at, what, local, shown, path):
    page = at(local, path)
    banner = page.locator(COLD_BANNER)
    assert banner.count() == 1, "a site-wide alert is on every page"
    assert banner.is_visible() == shown, (what, path)
    assert page.locator("[data-atlas-alerts]").is_visible() == shown
    if shown:
        assert "Kältehilfe aktiv" in banner.inner_text()
        assert "gilt vom 1.12.2026 bis 28.2.2027" in banner.inner_text()
    assert page.evaluate("document.documentElement.classList.contains('atlas-kaelte')") == shown


def test_without_javascript_the_alert_shows_with_its_dates(at):
    page = at(datetime(2026, 11, 25, 12, 0), "", java_script_enabled=False)
    banner = page.locator(COLD_BANNER)
    assert banner.is_visible()
    assert "gilt vom 1.12.2026 bis 28.2.2027" in banner.inner_text()


def test_kaeltehilfe_raises_the_winter_offers_in_lists(at):
    path = urls.category_path("notunterkunft")
    order = "[...document.querySelectorAll('ul.atlas-list > li')].map(li => [li.dataset.atlasOffer, 'atlasSeasonal' in li.dataset])"
    before = at(datetime(2026, 11, 25, 12, 0), path).evaluate(order)
    during = at(datetime(2026, 12, 10, 12, 0), path)
    raised = during.evaluate(order)
    assert sorted(before) == sorted(raised) and sum(flag for _, flag in raised) >= 2
    assert [flag for _, flag in raised] == sorted((flag for _, flag in raised), reverse=True), \
        "while Kältehilfe is on, the winter offers come first"
    assert [i for i, f in raised if f] == [i for i, f in before if f], "in their own order"
    assert before != raised, "before the alert's window the list keeps its order"
    title = during.locator("ul.atlas-list > li[data-atlas-seasonal] .atlas-item__title").first
    assert "Kältehilfe" in title.evaluate("el => getComputedStyle(el, '::after').content")


# --- an offer's own alert ------------------------------------------------------------------

@pytest.mark.parametrize(("local", "shown"), [
    (datetime(2026, 12, 23, 20, 0), False),
    (datetime(2026, 12, 24, 8, 0), True),
    (datetime(2027, 1, 1, 22, 0), True),
    (datetime(2027, 1, 2, 8, 0), False),
])
def test_offer_alert_shows_only_in_its_window(at, local, shown):
    page = at(local, BUS)
    alert = page.locator(".atlas-alert")
    assert alert.count() == 1
    assert alert.is_visible() == shown
    if shown:
        assert "gilt vom 24.12.2026 bis 1.1.2027" in alert.inner_text()


# --- a temporary closure ------------------------------------------------------------------

def test_closure_before_closed_until(at):
    page = at(datetime(2026, 12, 14, 11, 0), CLOSED)
    status = page.locator("[data-atlas-status='schlafsack-ausgabe']").first
    assert status.inner_text().strip() == "Vorübergehend geschlossen bis 15.12."
    closure = page.locator(".atlas-closure")
    assert closure.is_visible()
    assert "Grund: Wasserschaden im Lager" in closure.inner_text()


def test_after_closed_until_the_usual_hours_are_back(at):
    page = at(datetime(2026, 12, 16, 11, 0), CLOSED)  # a Wednesday, Mo-Fr 10:00-12:00
    status = page.locator("[data-atlas-status='schlafsack-ausgabe']").first
    assert status.inner_text().strip() == "Jetzt geöffnet — schließt um 12:00"
    assert not page.locator(".atlas-closure").is_visible()


def test_closure_in_list_entries(at):
    path = urls.category_path("kleidung")
    during = at(datetime(2026, 12, 14, 11, 0), path)
    item = during.locator("li[data-atlas-offer='schlafsack-ausgabe']")
    assert "Vorübergehend geschlossen bis 15.12." in item.inner_text()
    assert "Grund: Wasserschaden im Lager" in item.inner_text()
    after = at(datetime(2026, 12, 16, 11, 0), path)
    item = after.locator("li[data-atlas-offer='schlafsack-ausgabe']")
    assert "Jetzt geöffnet" in item.inner_text()
    assert not item.locator(".atlas-item__closure").is_visible()


# --- accessibility and cost --------------------------------------------------------------

@pytest.mark.parametrize("width", [360, 1280])
def test_axe_clean_with_a_banner(at, width):
    from axe_playwright_python.sync_playwright import Axe

    page = at(datetime(2026, 12, 28, 12, 0), BUS, width)
    assert page.locator(COLD_BANNER).is_visible() and page.locator(".atlas-alert").is_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["", BUS, CLOSED, urls.category_path("notunterkunft"), "impressum/"])
def test_a_page_without_alerts_loads_no_alert_script(browser, quiet_site, path):
    url, folder = quiet_site
    html = (folder / path / "index.html").read_text(encoding="utf-8")
    assert "atlas-alerts.js" not in html and "data-atlas-alert" not in html
    context = browser.new_context(locale="de-DE", service_workers="block")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    assert requested and not [r for r in requested if "atlas-alerts" in r]
    context.close()


@pytest.mark.parametrize(("path", "lang", "says"), [
    ("en/", None, "Cold-weather help active: The winter night shelter"),
    ("tr/", None, "Soğuk hava yardımı aktif: Kış gece barınağı"),
    ("ar/", "de", "Kältehilfe aktiv: Winternotquartier"),
])
def test_the_language_trees_show_the_alert_translated_or_german(at, path, lang, says):
    """The sample's Kältehilfe alert has en, uk and tr translations, no Arabic one."""
    page = at(datetime(2027, 1, 15, 12, 0), path)
    banner = page.locator(COLD_BANNER)
    assert banner.is_visible()
    assert banner.inner_text().startswith(says)
    assert banner.get_attribute("lang") == lang
    assert page.locator(COLD_BANNER).evaluate("el => getComputedStyle(el).direction") == "ltr"
    hidden = at(datetime(2027, 3, 1, 0, 5), path).locator(COLD_BANNER)
    assert hidden.count() == 1 and not hidden.is_visible(), "translated or not, it ends on its day"
