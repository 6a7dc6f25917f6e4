"""The home page's first visit from a QR scan: every byte Chromium fetches, raw and gzip.

    python -m benchmarks.home_weight                      # the sample and 5,000 generated offers
    python -m benchmarks.home_weight --sizes sample,1000

An empty cache, the page as a static host serves it: the HTML and every stylesheet, script,
image and data file the browser requests until the load event plus a quiet second (the need
tiles' live counts included), each body gzip-compressed at level 6 as a host would. Measured
with and without JavaScript. Results: benchmarks/results/home_weight.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import sys
import tempfile
import threading
from pathlib import Path

from .site_build import ATLAS, ENV, ROOT, project

RESULTS = ROOT / "benchmarks" / "results"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def build(size: str, site: Path) -> None:
    """Build the sample (``sample``) or N generated offers into ``site``."""
    config = ROOT / "mkdocs.yml" if size == "sample" else project(int(size)) / "mkdocs.yml"
    code = os.spawnve(os.P_WAIT, ATLAS, [ATLAS, "build", "--config", str(config), "--site-dir", str(site)],
                      {**os.environ, **ENV})
    if code:
        raise SystemExit(f"atlas build failed for {size}")


def first_visit(site: Path, javascript: bool) -> list[tuple[str, int, int]]:
    """``(path, raw bytes, gzip bytes)`` of every same-origin response of the home page."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    seen: list[tuple[str, int, int]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-background-networking"])
            context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=javascript,
                                          service_workers="block")
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            page = context.new_page()

            def record(response) -> None:
                if response.url.startswith(base) and response.status == 200:
                    body = response.body()
                    seen.append((response.url[len(base) - 1:], len(body), len(gzip.compress(body, 6))))

            page.on("response", record)
            page.goto(base, wait_until="load")
            page.wait_for_timeout(1000)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sorted(seen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="sample,5000", help="sample and/or offer counts, comma-separated")
    args = parser.parse_args(argv)
    lines = ["# Home page, first visit (empty cache, gzip level 6)", "",
             "| atlas | JavaScript | requests | raw | gzip | of which the HTML (gzip) | need-tile data (raw) |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    details = []
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build(size, site)
            html = (site / "index.html").read_text(encoding="utf-8")
            start = html.find('id="atlas-hours-data"')
            end = html.find("</script>", html.find('id="atlas-needs-data"'))
            data_bytes = len(html[start:end].encode()) if start >= 0 and end >= 0 else 0
            for javascript in (True, False):
                files = first_visit(site, javascript)
                raw, packed = sum(f[1] for f in files), sum(f[2] for f in files)
                page = next((f for f in files if f[0] == "/"), ("/", 0, 0))
                label = "sample (49 offers)" if size == "sample" else f"{int(size):,} offers"
                lines.append(f"| {label} | {'yes' if javascript else 'no'} | {len(files)} | {raw / 1000:.1f} KB "
                             f"| {packed / 1000:.1f} KB | {page[2] / 1000:.1f} KB | {data_bytes / 1000:.1f} KB |")
                details.append(f"\n{label}, JavaScript {'on' if javascript else 'off'}:\n")
                details += [f"- `{path}` {r:,} B (gzip {g:,} B)" for path, r, g in files]
    text = "\n".join(lines + details) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "home_weight.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
