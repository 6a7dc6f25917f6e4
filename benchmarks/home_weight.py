"""The first visit of the home page and the list pages, from a QR scan: every byte Chromium fetches.

    python -m benchmarks.home_weight                          # the sample and 5,000 generated offers
    python -m benchmarks.home_weight --sizes sample,1000
    python -m benchmarks.home_weight --site before=/tmp/old-site --site after=site

An empty cache, each page as a static host serves it: the HTML and every stylesheet, script,
image and data file the browser requests until the load event plus a quiet second (the need
tiles' live counts included), each body gzip-compressed at level 6 as a host would, brotli as
the build's twins have it. Measured with and without JavaScript, at 360 × 740, for the home
page, the map page, a category and a district (their maps come after the list on phones).
``--site NAME=DIR`` measures built sites side by side (before and after a change) instead of
building. Results: benchmarks/results/home_weight.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from build_tools import urls

from .harness import publish
from .weight import build, first_visit

PAGES = {"home": "", "map": urls.map_path(), "category": urls.category_path("essen"),
         "district": urls.district_path("nord")}
"""The pages measured: the sample has the category and district (generated atlases too)."""


def _rows(label: str, site: Path, details: list[str]) -> list[str]:
    rows = []
    for name, path in PAGES.items():
        if not (site / path / "index.html").is_file():
            raise SystemExit(f"{site}: no page {path or '/'}")
        for javascript in (True, False):
            files = first_visit(site, javascript, path)
            raw, packed, squeezed = (sum(f[i] for f in files) for i in (1, 2, 3))
            leaflet = sum(f[2] for f in files if "leaflet" in f[0] or "atlas-map.js" in f[0])
            rows.append(f"| {label} | {name} `/{path}` | {'yes' if javascript else 'no'} | {len(files)} "
                        f"| {raw / 1000:.1f} KB | {packed / 1000:.1f} KB | {squeezed / 1000:.1f} KB "
                        f"| {leaflet / 1000:.1f} KB |")
            details.append(f"\n{label}, /{path}, JavaScript {'on' if javascript else 'off'}:\n")
            details += [f"- `{p}` {r:,} B (gzip {g:,} B, brotli {b:,} B)" for p, r, g, b in files]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="sample,5000", help="sample and/or offer counts, comma-separated")
    parser.add_argument("--site", action="append", default=[], metavar="NAME=DIR",
                        help="measure a built site instead of building (repeatable)")
    args = parser.parse_args(argv)
    lines = ["# Home and list pages, first visit (empty cache, 360 × 740)", "",
             "| atlas | page | JavaScript | requests | raw | gzip | brotli | Leaflet + map script (gzip) |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    details: list[str] = []
    if args.site:
        for given in args.site:
            label, _, folder = given.partition("=")
            lines += _rows(label, Path(folder), details)
    else:
        for size in args.sizes.split(","):
            with tempfile.TemporaryDirectory() as tmp:
                site = Path(tmp) / "site"
                build(size, site)
                label = "sample" if size == "sample" else f"{int(size):,} offers"
                lines += _rows(label, site, details)
    publish("home_weight.md", "\n".join(lines + details) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
