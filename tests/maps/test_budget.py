"""Issue 9's budget for the overview map, measured on 5,000 offers built in memory."""

from __future__ import annotations

import json
import time

from benchmarks.map_bench import BUDGET_BYTES, synthetic_catalog
from build_tools import maps
from build_tools.maps.site import overview_data_bytes


def test_overview_with_5000_offers_fits_the_budget():
    catalog = synthetic_catalog(5000)
    start = time.perf_counter()
    fragment = maps.overview_map_html(catalog, "karte/").encode("utf-8")
    data = overview_data_bytes(catalog)
    elapsed = time.perf_counter() - start
    assert len(fragment) + len(data) <= BUDGET_BYTES
    assert len(fragment) < 10_000  # the markers are data, not markup
    assert elapsed < 2.0  # measured ~0.07 s; generous for a busy machine
    rows = json.loads(data)["offers"]
    public = [o for o in catalog.published if not o.location.confidential]
    assert len(rows) == len(public) and 4700 < len(rows) < 5000
