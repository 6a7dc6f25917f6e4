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
import sys
import tempfile
from pathlib import Path

from .weight import RESULTS, build, first_visit


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
