"""How long does "open now" take for 5,000 offers in Chromium? (Goal: under 50 ms.)

Builds a page with 5,000 generated offers (the compact schedules the build embeds, one
``[data-atlas-offer]`` + ``[data-atlas-status]`` element each), then measures in the page:

* ``isOpen`` for all offers (what the "Jetzt geöffnet" filter and the map need),
* ``statusText`` for all offers (the sentence, including the search for the next opening),
* a full ``AtlasHours.refresh()`` (all status elements and the filter, DOM included),

cold (first call) and warm (median of 20). Also Python parse speed for the same strings.

    .venv/bin/python benchmarks/hours_browser.py
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.opening_hours import hours_data, parse_hours  # noqa: E402
from build_tools.opening_hours.compact import holiday_horizon  # noqa: E402
from tests.opening_hours.cases import random_offer  # noqa: E402

COUNT = 5000
JS = ROOT / "site_templates" / "assets" / "javascripts" / "atlas-hours.js"

MEASURE = """() => {
  const ids = Object.keys(JSON.parse(document.getElementById('atlas-hours-data').textContent).offers);
  const A = window.AtlasHours, now = new Date();
  const run = (fn) => { const t = performance.now(); fn(); return performance.now() - t; };
  const open = () => { let n = 0; for (const id of ids) if (A.isOpen(id, now)) n++; return n; };
  const texts = () => { for (const id of ids) A.statusText(id, now); };
  const median = (fn) => { const xs = []; for (let i = 0; i < 20; i++) xs.push(run(fn));
    xs.sort((a, b) => a - b); return xs[10]; };
  return {offers: ids.length, openNow: open(),
          isOpenWarm: median(open), statusTextWarm: median(texts), refreshWarm: median(A.refresh)};
}"""


def main() -> None:
    rng = random.Random(5000)
    offers = []
    for number in range(COUNT):
        offer = random_offer(rng)
        offer.id = f"angebot-{number:04d}"  # type: ignore[attr-defined]
        offers.append(offer)
    texts = [o.opening_hours for o in offers if o.opening_hours]
    start = time.perf_counter()
    for text in texts:
        parse_hours(text)
    parse_ms = (time.perf_counter() - start) * 1000

    data = json.dumps(hours_data(offers, holiday_horizon("NW", date(2026, 10, 1))), separators=(",", ":"))
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        (Path(folder) / "atlas-hours.js").write_bytes(JS.read_bytes())
        items = "".join(f'<li data-atlas-offer="{o.id}"><span data-atlas-status="{o.id}">?</span></li>'
                        for o in offers)
        page_path = Path(folder) / "index.html"
        page_path.write_text(
            f'<!doctype html><html lang="de"><head><meta charset="utf-8">'
            f'<script type="application/json" id="atlas-hours-data">{data}</script>'
            f'<script src="atlas-hours.js" defer></script></head><body>'
            f'<input type="checkbox" data-atlas-open-filter checked><ul>{items}</ul></body></html>',
            encoding="utf-8",
        )
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        page = browser.new_page()
        page.add_init_script("""
          document.addEventListener('DOMContentLoaded', () => { window.__t0 = performance.now(); });
        """)
        page.goto(page_path.as_uri())
        page.wait_for_function("window.AtlasHours !== undefined")
        cold = page.evaluate("""() => { const ids = Object.keys(JSON.parse(
            document.getElementById('atlas-hours-data').textContent).offers);
            const t = performance.now(); for (const id of ids) window.AtlasHours.isOpen(id, new Date(2027, 5, 1));
            return performance.now() - t; }""")
        result = page.evaluate(MEASURE)
        browser.close()

    print(f"offers: {result['offers']}, open now: {result['openNow']}, embedded JSON: {len(data) / 1024:.0f} KiB")
    print(f"python parse_hours: {len(texts)} strings in {parse_ms:.1f} ms "
          f"({parse_ms * 1000 / len(texts):.0f} µs each)")
    print(f"isOpen x{COUNT}, cold (new day cache): {cold:.1f} ms")
    print(f"isOpen x{COUNT}, warm median:          {result['isOpenWarm']:.1f} ms")
    print(f"statusText x{COUNT}, warm median:      {result['statusTextWarm']:.1f} ms")
    print(f"refresh() (DOM + filter), median:      {result['refreshWarm']:.1f} ms")


if __name__ == "__main__":
    main()
