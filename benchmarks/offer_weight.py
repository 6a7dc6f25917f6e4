"""An offer page's first visit from a QR scan on a prepaid phone: bytes, requests, live status.

    python -m benchmarks.offer_weight                     # the heaviest sample offer page with a map
    python -m benchmarks.offer_weight --offer tafel-innenstadt --runs 5

Budgets (issue 17), empty cache, each body gzip level 6 as a static host sends it:

* with JavaScript ≤ 60 KB (everything until the load event and a quiet second),
* without JavaScript ≤ 40 KB (what a browser without JS fetches: HTML, CSS, images, fonts),
* the live "open now" status visible ≤ 2.5 s on slow 3G (400 kbit/s, 400 ms RTT, CPU × 4),
  served compressed as a static host does (the ``.gz`` twins the build writes).

The budgets are stated with gzip (every host has it); the brotli column shows what a host that
serves the build's ``.br`` twins (nginx ``brotli_static``, Caddy ``precompressed br``) sends.

Also listed: what scrolling to the map adds (Leaflet and the tiles' code load only then).
Results: benchmarks/results/offer_weight.md.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from pathlib import Path

from .harness import publish
from .weight import build, first_visit, slow_3g_status

BUDGET_JS = 60_000
BUDGET_NO_JS = 40_000
BUDGET_STATUS_S = 2.5


def heaviest_offer_with_map(site: Path) -> str:
    """Id of the offer page with the largest gzip HTML among those that show a map."""
    pages = [p for p in sorted((site / "angebote").glob("*/index.html")) if b"data-atlas-map" in p.read_bytes()]
    if not pages:
        raise SystemExit("no offer page with a map in the built site")
    return max(pages, key=lambda p: (len(gzip.compress(p.read_bytes(), 6)), p.parent.name)).parent.name


def scroll_to_map(page) -> None:
    """Bring the offer page's map into view, agree to the tiles as a person does ("Karte
    laden": tiles wait for consent by default) and wait until it is drawn (or gave up)."""
    page.locator("[data-atlas-mapbox], .atlas-mapbox").first.scroll_into_view_if_needed()
    for button in page.locator("[data-atlas-consent-button]").all():
        page.wait_for_timeout(500)  # the lazy map puts its consent step in place first
        if button.is_visible():
            button.click()
    page.wait_for_function("() => !!document.querySelector('[data-atlas-state=ready]')", timeout=20_000)


def _kb(n: int) -> str:
    return f"{n / 1000:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offer", help="offer id (default: the heaviest sample offer page with a map)")
    parser.add_argument("--runs", type=int, default=3, help="slow-3G visits (median reported)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build("sample", site)
        offer = args.offer or heaviest_offer_with_map(site)
        path = f"angebote/{offer}/"
        visits = {
            "JavaScript on": first_visit(site, True, path),
            "JavaScript off": first_visit(site, False, path),
            "JavaScript on, scrolled to the map": first_visit(site, True, path, then=scroll_to_map),
        }
        times = slow_3g_status(site, path, args.runs)
    budgets = {"JavaScript on": BUDGET_JS, "JavaScript off": BUDGET_NO_JS}
    lines = [f"# Offer page `/{path}`, first visit (empty cache, gzip level 6; brotli as the .br twins)", "",
             "| visit | requests | raw | gzip | brotli | budget (gzip) |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    details = []
    for name, files in visits.items():
        raw, packed, squeezed = (sum(f[i] for f in files) for i in (1, 2, 3))
        budget = budgets.get(name)
        verdict = f"≤ {_kb(budget)}: {'kept' if packed <= budget else 'MISSED'}" if budget else "–"
        lines.append(f"| {name} | {len(files)} | {_kb(raw)} | {_kb(packed)} | {_kb(squeezed)} | {verdict} |")
        details.append(f"\n{name}:\n")
        details += [f"- `{p}` {r:,} B (gzip {g:,} B, brotli {b:,} B)" for p, r, g, b in files]
    median = statistics.median(times)
    lines += ["", f"Live status visible on slow 3G (400 kbit/s, 400 ms RTT, CPU × 4): median {median:.2f} s "
              f"of {len(times)} ({', '.join(f'{t:.2f}' for t in times)} s); budget ≤ {BUDGET_STATUS_S} s: "
              f"{'kept' if median <= BUDGET_STATUS_S else 'MISSED'}"]
    publish("offer_weight.md", "\n".join(lines + details) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
