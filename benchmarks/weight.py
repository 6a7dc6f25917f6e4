"""What a first visit costs: shared by the page-weight benchmarks (home_weight, offer_weight).

* :func:`build` builds the sample or N generated offers into a folder.
* :func:`serve` serves a built site on 127.0.0.1 the way a static host does: a file's
  precompressed ``.gz`` twin when there is one (nginx ``gzip_static``), else gzip on the fly
  for text types, so a throttled network sees the bytes a real host would send.
* :func:`first_visit` lists every same-origin response of one page in Chromium (empty cache),
  raw, gzip level 6 (what a host's ``gzip on`` sends) and brotli as the build's ``.br`` twins
  have it (``brotli_static``), with or without JavaScript.
* :func:`slow_3g_status` opens a page on the slow-3G profile and returns when the live
  opening status appeared.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from build_tools.precompress import brotli_bytes, brotli_quality

from .site_build import ATLAS, ENV, ROOT, project

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
PHONE = {"width": 360, "height": 740}

# The slow-3G profile of issue 17: 400 kbit/s both ways, 400 ms round trip, a phone 4 × slower.
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8,
           "uploadThroughput": 400_000 / 8}
SLOW_3G_CPU = 4
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def build(size: str, site: Path) -> None:
    """Build the sample (``sample``) or N generated offers into ``site``."""
    config = ROOT / "mkdocs.yml" if size == "sample" else project(int(size)) / "mkdocs.yml"
    code = os.spawnve(os.P_WAIT, ATLAS, [ATLAS, "build", "--config", str(config), "--site-dir", str(site)],
                      {**os.environ, **ENV})
    if code:
        raise SystemExit(f"atlas build failed for {size}")


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """A static host with compression: the ``.gz`` twin if present, else gzip level 6."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() \
                or path.suffix not in COMPRESSIBLE:
            return super().send_head()  # images, fonts, redirects, 404
        twin = path.with_name(path.name + ".gz")
        body = twin.read_bytes() if twin.is_file() else gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Base URL (``http://127.0.0.1:port/``) of a static host serving ``site``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def _chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _context(browser, base: str, javascript: bool = True):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, service_workers="block",
                                  locale="de-DE")
    # Nothing leaves the machine: tiles and anything else off-site are refused.
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
    return context


def first_visit(site: Path, javascript: bool, path: str = "",
                then: Callable[[object], None] | None = None) -> list[tuple[str, int, int, int]]:
    """``(path, raw bytes, gzip bytes, brotli bytes)`` of every same-origin response of ``path`` (the home page
    by default) until the load event and a quiet second; ``then(page)`` may act afterwards
    (scroll to the map) and its requests count too."""
    seen: list[tuple[str, int, int, int]] = []
    with serve(site) as base, _chromium() as browser:
        page = _context(browser, base, javascript).new_page()

        def record(response) -> None:
            if response.url.startswith(base) and response.status == 200:
                body = response.body()
                path = response.url[len(base) - 1:]
                squeezed = brotli_bytes(body, brotli_quality(path.split("?")[0].lstrip("/")))
                seen.append((path, len(body), len(gzip.compress(body, 6)), len(squeezed)))

        page.on("response", record)
        page.goto(base + path, wait_until="load")
        page.wait_for_timeout(1000)
        if then is not None:
            then(page)
            page.wait_for_timeout(1000)
    return sorted(seen)


# Records when the first [data-atlas-status] element got its live class (set by atlas-hours.js),
# in ms since navigation start; installed before any page script runs.
_STATUS_CLOCK = """
new MutationObserver((changes, observer) => {
  for (const c of changes) {
    const el = c.target;
    if (el.nodeType === 1 && el.matches('[data-atlas-status]') && /\\bis-(open|closed|unknown)\\b/.test(el.className)) {
      window.__atlasStatusAt = performance.now();
      observer.disconnect();
      return;
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['class']});
"""


def slow_3g_status(site: Path, path: str, runs: int = 3) -> list[float]:
    """Seconds from navigation start until the live status shows, ``runs`` fresh visits on the
    slow-3G profile (network and CPU throttled through the Chrome DevTools Protocol)."""
    times = []
    with serve(site) as base, _chromium() as browser:
        for _ in range(runs):
            context = _context(browser, base)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", SLOW_3G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_3G_CPU})
            page.add_init_script(_STATUS_CLOCK)
            page.goto(base + path, wait_until="commit", timeout=60_000)
            page.wait_for_function("() => window.__atlasStatusAt !== undefined", timeout=60_000, polling=100)
            times.append(page.evaluate("window.__atlasStatusAt") / 1000)
            context.close()
    return times
