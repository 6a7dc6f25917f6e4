"""Live capacity in Debian's Chromium: a mocked clock (Playwright's ``clock``) and a local feed server.

The fixture content is built twice: once with ``capacity`` pointing at a feed server on
127.0.0.1 (another origin than the site: the feed is fetched cross-origin, as from a
shelter's own host) for the Tagestreff only, and once without the setting. The feed server
answers the way a test tells it: fresh, stale, 404, malformed, oversized (with and without
Content-Length), slow. The feed says 19:40 on 3 December 2026 (Berlin); the clock moves.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from build_tools import urls
from build_tools.cli import main
from tests.adapters.project import write_project

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BERLIN = ZoneInfo("Europe/Berlin")
OFFER = "tagestreff-mitte"
OTHER = "streetwork"
COUNTED = "2026-12-03T19:40:00+01:00"
ENTRY = {"available": 3, "maximum": 30, "unit": "Betten", "updated": COUNTED}
SHOWN = "[data-atlas-capacity]"


class Feed:
    """What the feed server answers next, and every path it was asked for."""

    def __init__(self) -> None:
        self.mode = "fresh"
        self.body: bytes = b""
        self.asked: list[str] = []

    def answer(self, mode: str, entry: dict | None = None, pad: int = 0) -> None:
        data: dict = {"offers": {OFFER: entry or ENTRY}}
        if pad:
            data["note"] = "x" * pad
        self.mode, self.body = mode, json.dumps(data).encode("utf-8")


def _feed_handler(feed: Feed):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            feed.asked.append(self.path)
            mode, body = feed.mode, feed.body
            if mode == "404":
                self.send_response(404)
                body = b"not found"
            else:
                self.send_response(200)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Type", "application/json")
            if mode == "malformed":
                body = b'{"offers": {"tagestreff-mitte": {"available": 3,'
            if mode != "streamed":  # streamed: no Content-Length, the script counts the bytes
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                if mode == "slow":
                    time.sleep(8)  # twice the 4 s the page waits
                if mode == "streamed":
                    for at in range(0, len(body), 1024):
                        self.wfile.write(body[at:at + 1024])
                        self.wfile.flush()
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the page gave up, as it should

    return Handler


def _serve(handler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _build(tmp, **atlas):
    config = write_project(tmp, flyers=False, **atlas)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp / "site")]) == 0
    import functools

    return _serve(functools.partial(_Quiet, directory=str(tmp / "site")))


@pytest.fixture(scope="module")
def feed():
    state = Feed()
    server, origin = _serve(_feed_handler(state))
    state.origin = origin  # type: ignore[attr-defined]
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def capacity_site(tmp_path_factory, feed):
    tmp = tmp_path_factory.mktemp("capacity-site")
    server, url = _build(tmp, capacity={"url": feed.origin + "/plaetze.json", "offers": [OFFER]})
    yield url + "/", tmp / "site"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    server, url = _build(tmp_path_factory.mktemp("capacity-none"))
    yield url + "/", tmp_path_factory
    server.shutdown()
    server.server_close()


@pytest.fixture
def at(browser):
    """``at(site, local datetime, path, width=1280)`` → a page opened with the clock at that moment;
    every request the page makes is recorded in ``page.atlas_requests``."""
    contexts = []

    def opener(site: str, local: datetime, path: str, width: int = 1280, height: int = 800, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE",
                                      timezone_id="Europe/Berlin", service_workers="block", **options)
        contexts.append(context)
        if options.get("java_script_enabled", True):
            context.clock.install(time=local.replace(tzinfo=BERLIN).timestamp())
        page = context.new_page()
        page.atlas_requests = []  # type: ignore[attr-defined]
        page.on("request", lambda r: page.atlas_requests.append(r.url))
        page.goto(site + path, wait_until="load")
        return page

    yield opener
    for context in contexts:
        context.close()


def _settled(page, timeout: int = 10_000):
    page.wait_for_selector(f"{SHOWN}[data-atlas-capacity-state]", state="attached", timeout=timeout)
    return page.locator(SHOWN)


def _policy(folder, path: str) -> str:
    html = (folder / path / "index.html").read_text(encoding="utf-8")
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)


# --- what the page shows ------------------------------------------------------------------

def test_fresh_count_with_its_time(at, capacity_site, feed):
    feed.answer("fresh")
    box = _settled(at(capacity_site[0], datetime(2026, 12, 3, 20, 5), urls.offer_path(OFFER)))
    assert box.is_visible()
    assert box.get_attribute("data-atlas-capacity-state") == "known"
    assert box.inner_text() == "Stand 19:40: 3 von 30 Betten frei"
    assert feed.asked and feed.asked[-1] == "/plaetze.json"


def test_without_maximum_and_unit_the_catalogue_word(at, capacity_site, feed):
    feed.answer("fresh", {"available": 1, "updated": COUNTED})
    box = _settled(at(capacity_site[0], datetime(2026, 12, 3, 19, 41), urls.offer_path(OFFER)))
    assert box.inner_text() == "Stand 19:40: 1 Platz frei"


def test_a_count_from_yesterday_says_its_day(at, capacity_site, feed):
    feed.answer("fresh", {"available": 2, "updated": "2026-12-03T23:50:00+01:00"})
    box = _settled(at(capacity_site[0], datetime(2026, 12, 4, 0, 20), urls.offer_path(OFFER)))
    assert box.inner_text() == "Stand 3.12., 23:50: 2 Plätze frei"


@pytest.mark.parametrize(("updated", "local"), [
    ("2026-12-03T18:40:00Z", datetime(2026, 12, 3, 20, 0)),  # UTC in winter: Berlin is +1
    ("2027-07-01T17:40:00Z", datetime(2027, 7, 1, 20, 0)),  # UTC in summer: Berlin is +2
    ("2027-07-01T19:40:00+02:00", datetime(2027, 7, 1, 20, 0)),
])
def test_the_time_is_berlin_wall_clock_whatever_the_offset(at, capacity_site, feed, updated, local):
    feed.answer("fresh", {"available": 4, "updated": updated})
    box = _settled(at(capacity_site[0], local, urls.offer_path(OFFER)))
    assert box.inner_text() == "Stand 19:40: 4 Plätze frei"


UNKNOWN = "Freie Plätze: nicht bekannt – bitte anrufen"
BROKEN = [
    ("stale", "fresh", None, 0, datetime(2026, 12, 3, 21, 11)),  # 91 minutes > 90
    ("from the future", "fresh", {**ENTRY, "updated": "2026-12-03T20:00:00+01:00"}, 0,
     datetime(2026, 12, 3, 19, 50)),
    ("no time zone", "fresh", {**ENTRY, "updated": "2026-12-03T19:40:00"}, 0, datetime(2026, 12, 3, 19, 45)),
    ("more free than places", "fresh", {**ENTRY, "available": 31}, 0, datetime(2026, 12, 3, 19, 45)),
    ("count as text", "fresh", {**ENTRY, "available": "3"}, 0, datetime(2026, 12, 3, 19, 45)),
    ("404", "404", None, 0, datetime(2026, 12, 3, 19, 45)),
    ("malformed", "malformed", None, 0, datetime(2026, 12, 3, 19, 45)),
    ("oversized", "fresh", None, 17 * 1024, datetime(2026, 12, 3, 19, 45)),
    ("oversized, no Content-Length", "streamed", None, 17 * 1024, datetime(2026, 12, 3, 19, 45)),
]


@pytest.mark.parametrize(("what", "mode", "entry", "pad", "local"), BROKEN, ids=[b[0] for b in BROKEN])
def test_anything_but_a_fresh_count_is_unknown(at, capacity_site, feed, what, mode, entry, pad, local):
    feed.answer(mode, entry, pad)
    box = _settled(at(capacity_site[0], local, urls.offer_path(OFFER)))
    assert box.is_visible()
    assert box.get_attribute("data-atlas-capacity-state") == "unknown", what
    assert box.inner_text() == UNKNOWN
    assert "Betten" not in box.inner_text()


@pytest.mark.parametrize("mode", ["fresh", "streamed"])
def test_a_file_just_under_the_limit_is_read(at, capacity_site, feed, mode):
    """The size limit is a limit, not a refusal of everything: 15 KB pass, 17 KB do not."""
    feed.answer(mode, None, 15 * 1024)
    box = _settled(at(capacity_site[0], datetime(2026, 12, 3, 19, 45), urls.offer_path(OFFER)))
    assert box.get_attribute("data-atlas-capacity-state") == "known"


def test_a_slow_host_is_given_up_after_the_timeout(at, capacity_site, feed):
    feed.answer("slow")
    started = time.monotonic()
    page = at(capacity_site[0], datetime(2026, 12, 3, 19, 45), urls.offer_path(OFFER))
    assert page.locator(SHOWN).is_hidden()  # nothing while waiting
    box = _settled(page, timeout=12_000)
    waited = time.monotonic() - started
    assert box.inner_text() == UNKNOWN
    assert 3.5 < waited < 7.5, f"gave up after {waited:.1f} s, not after about 4 s"


def test_the_count_is_stale_when_the_page_stays_open(at, capacity_site, feed):
    """A page left open reads the file again (every five minutes) and never keeps an old count."""
    feed.answer("fresh")
    page = at(capacity_site[0], datetime(2026, 12, 3, 21, 0), urls.offer_path(OFFER))
    assert _settled(page).get_attribute("data-atlas-capacity-state") == "known"
    asked = len(feed.asked)
    page.clock.run_for("15:00")
    page.wait_for_function("document.querySelector('[data-atlas-capacity]')"
                           ".getAttribute('data-atlas-capacity-state') === 'unknown'", timeout=10_000)
    # The page says "unknown" by the count's age; its new request may reach the feed server a
    # moment later on a busy machine: wait for it (up to 10 s) rather than race it.
    for _ in range(100):
        if len(feed.asked) > asked:
            break
        page.wait_for_timeout(100)
    assert len(feed.asked) > asked


def test_other_languages_take_their_catalogue_and_mark_the_german_unit(at, capacity_site, feed):
    feed.answer("fresh")
    page = at(capacity_site[0], datetime(2026, 12, 3, 20, 5), urls.offer_path(OFFER, "en"))
    box = _settled(page)
    assert box.inner_text() == "As of 19:40: 3 of 30 Betten free"
    assert box.locator("span[lang=de]").inner_text() == "Betten"
    feed.answer("404")
    page = at(capacity_site[0], datetime(2026, 12, 3, 20, 5), urls.offer_path(OFFER, "ar"))
    assert _settled(page).inner_text() == "الأماكن الشاغرة: غير معروفة – يرجى الاتصال"
    feed.answer("fresh")
    page = at(capacity_site[0], datetime(2026, 12, 3, 20, 5), urls.offer_path(OFFER, "ar"))
    assert _settled(page).inner_text() == "حتى 19:40: Betten الشاغرة: 3 من 30"


def test_without_javascript_nothing_is_shown(at, capacity_site, feed):
    feed.answer("fresh")
    asked = len(feed.asked)
    page = at(capacity_site[0], datetime(2026, 12, 3, 20, 5), urls.offer_path(OFFER),
              java_script_enabled=False)
    assert page.locator(SHOWN).count() == 1 and page.locator(SHOWN).is_hidden()
    assert "Betten" not in page.inner_text("main") and "anrufen –" not in page.inner_text("main")
    assert len(feed.asked) == asked


# --- requests and the policy ------------------------------------------------------------

def test_connect_src_names_the_feed_only_where_it_is_shown(capacity_site, feed):
    folder = capacity_site[1]
    directives = dict(d.split(" ", 1) for d in _policy(folder, urls.offer_path(OFFER)).split("; "))
    assert directives["connect-src"] == f"'self' {feed.origin}"
    en = dict(d.split(" ", 1) for d in _policy(folder, urls.offer_path(OFFER, "en")).split("; "))
    assert en["connect-src"] == f"'self' {feed.origin}"
    for path in (urls.offer_path(OTHER), "", "angebote/", "redaktion/"):
        assert "connect-src 'self';" in _policy(folder, path), path


def test_the_policy_blocks_the_feed_on_other_pages(at, capacity_site, feed):
    """The origin is allowed on the page that shows the count, not site-wide: a script on another
    page cannot reach it (the browser enforces the page's connect-src)."""
    feed.answer("fresh")
    asked = len(feed.asked)
    page = at(capacity_site[0], datetime(2026, 12, 3, 20, 5), urls.offer_path(OTHER))
    assert page.locator(SHOWN).count() == 0
    outcome = page.evaluate("url => fetch(url).then(() => 'fetched', e => 'blocked: ' + e.name)",
                            feed.origin + "/plaetze.json")
    assert outcome == "blocked: TypeError"
    assert len(feed.asked) == asked
    assert not any(u.startswith(feed.origin) for u in page.atlas_requests)


def test_no_request_and_no_script_without_the_setting(at, plain_site, feed):
    asked = len(feed.asked)
    for path in (urls.offer_path(OFFER), urls.offer_path(OTHER), urls.offer_path(OFFER, "en")):
        page = at(plain_site[0], datetime(2026, 12, 3, 20, 5), path)
        page.wait_for_load_state("networkidle")
        assert page.locator(SHOWN).count() == 0
        assert not any("atlas-capacity" in u for u in page.atlas_requests), path
        assert all(u.startswith(plain_site[0]) for u in page.atlas_requests), page.atlas_requests
    assert len(feed.asked) == asked


def test_screenshots_fresh_and_stale_at_360(at, capacity_site, feed, tmp_path):
    """What a person sees on an old phone (the PNGs are written for a look, and the count must
    sit on the first screen, under the call button)."""
    out = os.environ.get("ATLAS_SHOTS", str(tmp_path))
    for name, local in (("fresh", datetime(2026, 12, 3, 20, 5)), ("stale", datetime(2026, 12, 3, 23, 0))):
        feed.answer("fresh")
        page = at(capacity_site[0], local, urls.offer_path(OFFER), width=360, height=740)
        box = _settled(page)
        assert box.bounding_box()["y"] + box.bounding_box()["height"] < 740, name
        page.screenshot(path=f"{out}/capacity-{name}-360.png")
    feed.answer("fresh")
    page = at(capacity_site[0], datetime(2026, 12, 3, 20, 5), urls.offer_path(OFFER), width=1280, height=800)
    _settled(page)
    page.screenshot(path=f"{out}/capacity-fresh-1280.png")
