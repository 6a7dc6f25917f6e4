"""Overview map with N offers: bytes, render time, and time to interactive in Chromium.

    python -m benchmarks.map_bench                 # N = 5,000
    python -m benchmarks.map_bench --n 10000 --cpu-throttle 4

Budget (issue 9) for 5,000 offers: HTML fragment + data ≤ 1.5 MB (tiles not counted);
interactive ≤ 1.5 s after the load event. "Interactive" = atlas-map.js has built the map, added
every marker to the cluster layer and set ``data-atlas-state="ready"``; the benchmark then also
times one zoom step (click on "+", until ``zoomend``) to prove the page answers.
Everything is built in memory and served from a temporary folder on 127.0.0.1; tile requests
are answered locally (a grey PNG), nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import gzip
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

from build_tools import maps
from build_tools.catalog import Catalog
from build_tools.config import AtlasConfig
from build_tools.maps.site import overview_data_bytes
from build_tools.resources import assets_dir
from build_tools.schema import Category, Offer

ROOT = Path(__file__).resolve().parent.parent
# Static files the overview page loads once (then cached): not part of the budget, reported.
ASSET_FILES = [
    "vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "vendor/leaflet.markercluster/MarkerCluster.css",
    "javascripts/atlas-map.js", "stylesheets/atlas-map.css",
]
BUDGET_BYTES = 1_500_000
BUDGET_INTERACTIVE_MS = 1500

_WORDS = [
    "Beratung", "Tafel", "Kleiderkammer", "Notunterkunft", "Tagestreff", "Duschen", "Mittagstisch",
    "Sozialberatung", "Suchtberatung", "Frühstück", "Wärmestube", "Trinkbrunnen", "Postadresse",
]
_PLACES = ["Nord", "Süd", "Ost", "West", "Mitte", "am Markt", "am Bahnhof", "Altstadt", "Hafen"]


def _categories() -> list[Category]:
    path = ROOT / "content" / "categories.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return [Category.model_validate(item) for item in data]
    except (OSError, yaml.YAMLError, TypeError):
        return [Category(id=f"kategorie-{i}", label=f"Kategorie {i}", color="#1f4e9c")
                for i in range(12)]


def synthetic_catalog(n: int, seed: int = 1) -> Catalog:
    """N published offers with realistic ids and titles, spread over a city, 3 % confidential."""
    rnd = random.Random(seed)
    categories = _categories()
    offers = []
    for i in range(n):
        word, place = rnd.choice(_WORDS), rnd.choice(_PLACES)
        offers.append(
            Offer.model_validate(
                {
                    "id": f"{word.lower().replace('ü', 'ue').replace('ä', 'ae')}-{i:05d}",
                    "title": f"{word} {place} – Diakonie und Caritas {i}",
                    "summary": "Kurz.",
                    "category": rnd.choice(categories).id,
                    "location": {
                        "lat": 50.70 + rnd.random() * 0.18,
                        "lon": 6.36 + rnd.random() * 0.26,
                        "confidential": rnd.random() < 0.03,
                    },
                    "last_verified": date(2026, 10, 1),
                }
            )
        )
    config = AtlasConfig.model_validate({"map": {"center": [50.8034, 6.4826], "zoom": 13}})
    return Catalog(
        config=config, offers=offers, categories={c.id: c for c in categories},
        target_groups={}, districts={}, organizations={}, build_date=date(2026, 11, 22),
    )


def measure_bytes(catalog: Catalog) -> dict[str, float]:
    """Fragment and data sizes (raw and gzip) and the median render time of both."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        fragment = maps.overview_map_html(catalog, "karte/")
        data = overview_data_bytes(catalog)
        times.append(time.perf_counter() - start)
    html = fragment.encode("utf-8")
    assets = [assets_dir() / rel for rel in ASSET_FILES]
    return {
        "assets_bytes": sum(p.stat().st_size for p in assets),
        "assets_gzip_bytes": sum(len(gzip.compress(p.read_bytes(), 6)) for p in assets),
        "fragment_bytes": len(html),
        "data_bytes": len(data),
        "total_bytes": len(html) + len(data),
        "total_gzip_bytes": len(gzip.compress(html, 6)) + len(gzip.compress(data, 6)),
        "render_ms": statistics.median(times) * 1000,
    }


def measure_browser(catalog: Catalog, runs: int = 3, cpu_throttle: float = 1) -> dict[str, float]:
    """Median ms from navigation start and from the load event to a ready, answering map."""
    from playwright.sync_api import sync_playwright

    from tests.maps.browser import RequestLog, launch, serve, write_site

    root = Path(tempfile.mkdtemp(prefix="map-bench-"))
    write_site(root, "karte/", maps.overview_map_html(catalog, "karte/"),
               {"karte/angebote.json": overview_data_bytes(catalog)})
    ready, after_load, load, zoom = [], [], [], []
    with serve(root) as base, sync_playwright() as pw:
        browser = launch(pw)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1000, "height": 800})
            page = context.new_page()
            page.route("**/*", RequestLog().route)
            if cpu_throttle > 1:
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_throttle})
            page.goto(base + "karte/", wait_until="load")
            page.wait_for_selector("[data-atlas-state=ready]", state="attached", timeout=60_000)
            timing = page.evaluate(
                "() => ({ready: window.AtlasMap.readyAt,"
                " load: performance.getEntriesByType('navigation')[0].loadEventStart,"
                " markers: window.AtlasMap.views[0].markers.length})"
            )
            ready.append(timing["ready"])
            after_load.append(max(0.0, timing["ready"] - timing["load"]))
            load.append(timing["load"])
            zoom.append(page.evaluate(
                """() => new Promise(resolve => {
                    const map = window.AtlasMap.views[0].map;
                    const start = performance.now();
                    map.once('zoomend', () => resolve(performance.now() - start));
                    document.querySelector('.leaflet-control-zoom-in').click();
                })"""
            ))
            context.close()
        browser.close()
    return {
        "markers": timing["markers"],
        "ready_ms": statistics.median(ready),
        "load_ms": statistics.median(load),
        "interactive_after_load_ms": statistics.median(after_load),
        "zoom_step_ms": statistics.median(zoom),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cpu-throttle", type=float, default=1)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    catalog = synthetic_catalog(args.n)
    sizes = measure_bytes(catalog)
    print(f"N = {args.n} offers")
    print(f"fragment {sizes['fragment_bytes']:,} B + data {sizes['data_bytes']:,} B = "
          f"{sizes['total_bytes']:,} B (gzip {sizes['total_gzip_bytes']:,} B; "
          f"budget {BUDGET_BYTES:,} B)")
    print(f"render (fragment + data) {sizes['render_ms']:.1f} ms")
    print(f"shared assets, once per visit (cached): {sizes['assets_bytes']:,} B "
          f"(gzip {sizes['assets_gzip_bytes']:,} B)")
    ok = sizes["total_bytes"] <= BUDGET_BYTES
    if not args.no_browser:
        result = measure_browser(catalog, args.runs, args.cpu_throttle)
        print(f"Chromium (CPU throttle ×{args.cpu_throttle:g}): {result['markers']} markers, "
              f"ready {result['ready_ms']:.0f} ms after navigation start (load event "
              f"{result['load_ms']:.0f} ms), {result['interactive_after_load_ms']:.0f} ms after load "
              f"(budget {BUDGET_INTERACTIVE_MS} ms); one zoom step {result['zoom_step_ms']:.0f} ms")
        ok = ok and result["interactive_after_load_ms"] <= BUDGET_INTERACTIVE_MS
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
