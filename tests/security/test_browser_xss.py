"""Chromium opens every page built from the valid XSS offers; nothing may run, leave or break.

The site is built with the real ``atlas build`` (MkDocs + Material + the atlas plugin + CSP)
from the small corpus fixture and every valid hostile offer. Each page is opened with hooks
that record dialogs (alert/confirm/prompt/print), console errors, uncaught exceptions, CSP
violations, navigations, new windows and every request to a host other than the local server.
The configured tile host is answered locally with a blank tile (no network, no console error);
any other foreign request is blocked and fails the test. Every map popup is opened as well, and
synthetic mouse/focus events are sent to every element, so handler payloads would fire.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_tools.cli import main
from tests.corpus.harness import make_content

from .conftest import make_project, valid_hostile_cases
from .htmlcheck import DATA_SCRIPT_TYPES, inspect

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://hilfe.musterstadt.example/"  # site_url of the sample mkdocs.yml
# Every valid hostile offer is in the browser site (emoji print as "?" on flyers, with a warning).
LEFT_OUT: set[str] = set()
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
RECORDER = """
(() => {
  window.__atlas = [];
  const note = (kind, detail) => window.__atlas.push(kind + ": " + String(detail).slice(0, 200));
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (msg) => { note(name, msg); return null; };
  }
  document.addEventListener("securitypolicyviolation",
    (e) => note("csp", e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));
})();
"""
POKE = """
() => {
  for (const el of document.querySelectorAll("body *")) {
    for (const type of ["mouseover", "mouseenter", "focus", "focusin", "animationstart"]) {
      el.dispatchEvent(new Event(type, { bubbles: true }));
    }
  }
  const bad = [];
  for (const a of document.querySelectorAll("[href],[src],[action],[formaction]")) {
    for (const attr of ["href", "src", "action", "formaction"]) {
      const value = a.getAttribute(attr);
      if (value && /^\\s*(javascript|vbscript|data|blob|file):/i.test(value)) {
        if (!(a.tagName === "IMG" && /^data:image\\/(png|svg\\+xml);base64,[A-Za-z0-9+/=]+$/.test(value)
              && a.closest(".leaflet-container"))) bad.push(a.tagName + " " + attr + "=" + value);
      }
    }
  }
  return bad;
}
"""
OPEN_POPUPS = """
async () => {
  const views = (window.AtlasMap && window.AtlasMap.views) || [];
  let opened = 0;
  for (const view of views) {
    for (const marker of view.markers || []) {
      L.popup().setLatLng(view.map.getCenter()).setContent(view.popupFor(marker.atlasRow)).openOn(view.map);
      opened += 1;
    }
  }
  return opened;
}
"""


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss-site")
    cases = [c for c in valid_hostile_cases() if c.name not in LEFT_OUT]
    make_content(root, *cases)
    site = root / "site"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    code = main(["build", "--config", str(make_project(root)), "--site-dir", str(site)])
    assert code == 0, "atlas build failed for the valid XSS offers"
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def handle(self) -> None:
        # The browser aborts requests when the test moves on to the next page.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


@pytest.fixture(scope="module")
def xss_url(xss_site: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(xss_site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _tile_host() -> str:
    from tests.buildkit import sample_project

    config = sample_project().settings
    return urlsplit(config.map.tiles.replace("{s}", "a")).hostname or ""


def _pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.name.startswith("google")
    )


def test_built_pages_contain_no_active_payload(xss_site: Path) -> None:
    """Static check of the final HTML (theme included) before the browser looks at it."""
    findings = {}
    for rel in _pages(xss_site):
        html = (xss_site / rel).read_text(encoding="utf-8")
        # Whole documents: the theme's <head> brings <meta>, <link rel=canonical> to the public
        # site_url and (alias pages) a meta refresh; those are the templates', not the editors'.
        parser = inspect(html, allowed={"meta", "script", "style"})
        found = [
            f for f in parser.findings
            if not f.startswith(("unbalanced", "unclosed", "meta refresh",
                                 f"<link> to another site: {SITE_URL}"))
        ]
        found += [f"inline script with a payload: {body[:80]}" for body in parser.inline_scripts
                  if "alert" in body]
        if found:
            findings[rel] = found
    assert findings == {}


def test_csp_hashes_match_the_inline_scripts(xss_site: Path) -> None:
    """Every inline executable script of the real Material output is allowed by its hash,
    computed independently here with hashlib over what the HTML parser sees."""
    from html.parser import HTMLParser

    class Scripts(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.inline: list[str] = []
            self.policy = ""
            self._open: dict | None = None

        def handle_starttag(self, tag, attrs) -> None:
            values = dict(attrs)
            if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
                self.policy = values.get("content") or ""
            if tag == "script" and "src" not in values and (values.get("type") or "") not in DATA_SCRIPT_TYPES:
                self._open = {"body": []}

        def handle_data(self, data) -> None:
            if self._open is not None:
                self._open["body"].append(data)

        def handle_endtag(self, tag) -> None:
            if tag == "script" and self._open is not None:
                self.inline.append("".join(self._open["body"]))
                self._open = None

    checked = 0
    for rel in _pages(xss_site):
        parser = Scripts()
        parser.feed((xss_site / rel).read_text(encoding="utf-8"))
        assert parser.policy, f"{rel}: no CSP meta"
        allowed = set(re.findall(r"'sha256-[^']+'", parser.policy))
        expected = {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in parser.inline
        }
        assert allowed == expected, rel
        assert "'unsafe-inline'" not in parser.policy.split("script-src", 1)[1].split(";")[0]
        checked += len(expected)
    assert checked > 0, "no inline scripts seen: is the theme's own script still inline?"


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_every_page_in_chromium(xss_site: Path, xss_url: str, browser) -> None:
    tile_host = _tile_host()
    redirects = {
        xss_url + rel for rel in _pages(xss_site)
        if 'http-equiv="refresh"' in (xss_site / rel).read_text(encoding="utf-8")
    }
    local = urlsplit(xss_url).netloc
    events: list[str] = []
    popups_opened = 0

    def route(route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.netloc == local or parts.scheme in ("data", "blob"):
            route.continue_()
        elif parts.hostname == tile_host:
            route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
        else:
            events.append(f"foreign request: {url}")
            route.abort()

    context = browser.new_context(service_workers="block", locale="de-DE")
    context.route("**/*", route)
    context.add_init_script(RECORDER)
    page = context.new_page()
    context.on("page", lambda p: events.append(f"new window: {p.url}"))
    current = {"url": ""}
    page.on("dialog", lambda d: (events.append(f"dialog {d.type}: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: events.append(f"{current['url']}: uncaught {e}"))
    page.on("console", lambda m: m.type == "error"
            and events.append(f"{current['url']}: console error {m.text[:200]}"))

    def navigated(frame) -> None:
        if frame != page.main_frame or frame.url.split("#")[0] == current["url"]:
            return
        # Alias pages (old ids) redirect to the offer's page on the same site: by design.
        if current["url"] in redirects and frame.url.startswith(xss_url):
            return
        events.append(f"navigation from {current['url']} to {frame.url}")

    page.on("framenavigated", navigated)
    # Self-test: the recorder sees a dialog (otherwise a silent hook would pass everything).
    current["url"] = xss_url + "404.html"
    page.goto(current["url"], wait_until="load")
    page.evaluate("alert('selftest')")
    assert page.evaluate("window.__atlas") == ["alert: selftest"]
    events.clear()
    for rel in _pages(xss_site):
        current["url"] = xss_url + rel
        page.goto(current["url"], wait_until="load")
        list_map = page.query_selector("[data-atlas-map]:not(.atlas-map--offer)")
        if list_map:
            # Every map waits until it is wanted: "Karte laden" (consent is the default, kept
            # for the session once given) or, after that, coming into view — as a person does.
            for button in page.locator("[data-atlas-consent-button]").all():
                if button.is_visible():
                    button.click()
            list_map.scroll_into_view_if_needed()
            page.wait_for_selector("[data-atlas-state=ready]", state="attached", timeout=10_000)
            popups_opened += page.evaluate(OPEN_POPUPS)
        for bad in page.evaluate(POKE):
            events.append(f"{rel}: dangerous URL {bad}")
        page.wait_for_timeout(50)
        for note in page.evaluate("window.__atlas || []"):
            events.append(f"{rel}: {note}")
    context.close()
    assert events == []
    assert popups_opened > 0, "no map popup was opened: the popup check did not run"


def test_every_output_path_is_portable(xss_site: Path) -> None:
    """Every file of the built site has a safe, portable relative path, and no two differ
    only in case (they would overwrite each other on Windows and macOS)."""
    from build_tools.security.paths import case_collisions, check_relative

    paths = [p.relative_to(xss_site).as_posix() for p in xss_site.rglob("*") if p.is_file()]
    bad = []
    for rel in paths:
        try:
            check_relative(rel)
        except ValueError as exc:
            bad.append(str(exc))
    assert bad == []
    assert case_collisions(paths) == []
