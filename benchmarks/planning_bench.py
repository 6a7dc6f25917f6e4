"""Benchmark of the planning section: 10,000 offers, 400 districts, 20 indicators, synthetic.

    .venv/bin/python -m benchmarks.planning_bench [--offers 10000] [--grid 20] [--districts N]
        [--indicators 20] [--years 3] [--json FILE]

Districts are a 20 × 20 grid of 800 m squares (every 7th one with a hole, every 11th one in
two parts) drawn in ETRS89 / UTM 32N and converted to lon/lat (``--districts 103``: the first
103 squares of an 11 × 11 grid, like Kreis Düren's Sozialräume); offers are spread at random
(fixed seed) over 12 categories with 24 different opening-hours texts, 5 % confidential and 3 %
without a fixed place. Indicators: ``indicators.csv`` and ``indicators.yml`` written to a
temporary folder (three years, decimal comma, ``;``), half of them a need figure for one
category each. Measured: loading the indicators, the whole planning family (``render``:
analysis, five pages with SVG maps, Markdown, CSV ZIP and PDF), its parts, and the district
profiles of every district page. Target: under 10 s for the planning family with indicators.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import shapely

from build_tools.build import Tools
from build_tools.catalog import Catalog, District
from build_tools.config import METRIC_CRS, AtlasConfig
from build_tools.geo import DistrictLocator
from build_tools.indicators import IndicatorSet, load_indicators
from build_tools.indicators.profile import district_profile
from build_tools.planning.analysis import analyse
from build_tools.planning.pages import planning_pages
from build_tools.planning.projection import lonlat_of
from build_tools.planning.report_md import csv_zip, report_csv_files, report_markdown
from build_tools.planning.report_pdf import report_pdf
from build_tools.planning.site import render
from build_tools.schema import Category, Location, Offer
from build_tools.templating import templates_for

ORIGIN = (315_000.0, 5_622_000.0)
CELL = 800.0
CATEGORIES = [
    "notunterkunft", "essen", "trinkwasser", "hygiene", "kleidung", "medizin", "beratung",
    "arbeit", "tagesaufenthalt", "jugend-familie", "postadresse", "frauen-schutz",
]
HOURS = [
    "Mo-Fr 09:00-12:00", "Mo-Fr 08:00-16:00", "Mo,We,Fr 10:00-14:00", "Tu,Th 14:00-18:00",
    "24/7", "Mo-Su 18:00-08:00", "Sa 10:00-13:00", "Su 11:00-14:00", "Mo-Fr 09:00-17:00; PH off",
    "Mo-Fr 07:30-09:30", "We 15:00-19:00", "Mo-Th 09:00-12:00,13:00-15:30; Fr 09:00-12:00",
    "Nov-Mar Mo-Su 19:30-23:30", "Mo[1] 10:00-12:00", "Mo-Sa 12:00-14:00", "Fr 18:00-22:00",
    "Mo-Fr 10:00-18:00; Sa 10:00-14:00", "Tu 09:00-11:00", "Th 17:00-20:00",
    "Mo-Fr 08:00-20:00; Sa,Su,PH 10:00-16:00", "Mo-Fr 13:00-16:00", "Sa,Su 09:00-12:00",
    "Mo-Fr 06:00-09:00", "We,Fr 09:00-13:00",
]


def district_shape(i: int, j: int):
    x, y = i * CELL, j * CELL
    shape = shapely.box(x, y, x + CELL, y + CELL)
    k = i * 20 + j
    if k % 7 == 3:
        shape = shape.difference(shapely.box(x + 250, y + 250, x + 450, y + 450))
    elif k % 11 == 5:
        shape = shapely.MultiPolygon([
            shapely.box(x, y, x + CELL, y + CELL / 2 - 50),
            shapely.box(x, y + CELL / 2 + 50, x + CELL, y + CELL),
        ])
    return shapely.affinity.translate(shape, *ORIGIN)


def synthetic_catalog(n_offers: int = 10_000, grid: int = 20, seed: int = 7,
                      count: int | None = None) -> Catalog:
    """A deterministic atlas of ``grid``² districts (the first ``count``) and ``n_offers`` offers."""
    rng = random.Random(seed)
    districts = {}
    for i in range(grid):
        for j in range(grid):
            if count is not None and len(districts) >= count:
                break
            district_id = f"d{i:02d}-{j:02d}"
            geom = lonlat_of(METRIC_CRS, district_shape(i, j))
            districts[district_id] = District(
                district_id, f"Sozialraum {i}/{j}", geom, rng.randrange(2000, 20000)
            )
    locator = DistrictLocator(districts)
    ids = list(districts)
    extent = grid * CELL
    if count is not None:  # the squares fill the grid column by column
        extent = CELL * math.ceil(count / grid)
    offers = []
    for n in range(n_offers):
        category = CATEGORIES[n % len(CATEGORIES)] if n % 13 else "essen"
        extra = {"also_categories": [rng.choice(CATEGORIES)]} if n % 5 == 0 else {}
        if n % 33 == 0:
            where = {"service_area": rng.sample(ids, 3)}
        else:
            point = lonlat_of(METRIC_CRS, shapely.Point(
                ORIGIN[0] + rng.uniform(-300, extent + 300),
                ORIGIN[1] + rng.uniform(-300, extent + 300),
            ))
            location = Location(lat=point.y, lon=point.x, confidential=n % 20 == 0)
            location.district = locator.locate(point.y, point.x)
            where = {"location": location}
        offers.append(Offer(
            id=f"angebot-{n:05d}", title=f"Angebot {n}", summary="Synthetisch",
            category=category, opening_hours=HOURS[n % len(HOURS)],
            last_verified=date(2026, 10, 1), **where, **extra,
        ))
    categories = {
        c: Category(id=c, label=c.replace("-", " ").title(), color="#1f4e79") for c in CATEGORIES
    }
    return Catalog(
        config=AtlasConfig(name="Benchmark"), offers=offers, categories=categories,
        target_groups={}, districts=districts, organizations={}, build_date=date(2026, 11, 22),
    )


UNITS = ("%", "je 1.000", "Anzahl")


def indicator_files(catalog: Catalog, folder: Path, count: int = 20, years: int = 3,
                    seed: int = 11) -> None:
    """``indicators.yml`` and ``indicators.csv`` for every district: ``count`` indicators over
    ``years`` years, the even ones a need figure for one category each."""
    rng = random.Random(seed)
    meta = []
    for k in range(count):
        unit = UNITS[k % 3]
        need = f"  need_for: [{CATEGORIES[k % len(CATEGORIES)]}]\n" if k % 2 == 0 else ""
        meta.append(f"k{k:02d}:\n  label: Kennzahl {k}\n  unit: \"{unit}\"\n"
                    f"  source: Synthetisch\n  higher_is: need\n{need}")
    (folder / "indicators.yml").write_text("".join(meta), encoding="utf-8")
    lines = ["district;year;" + ";".join(f"k{k:02d}" for k in range(count))]
    for year in range(2026 - years, 2026):
        for district_id in catalog.districts:
            cells = []
            for k in range(count):
                unit = UNITS[k % 3]
                value = rng.uniform(0, 40) if unit != "Anzahl" else rng.randrange(0, 900)
                cells.append(f"{value:.1f}".replace(".", ",") if unit != "Anzahl" else str(value))
            lines.append(f"{district_id};{year};" + ";".join(cells))
    (folder / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def synthetic_indicators(catalog: Catalog, count: int = 20, years: int = 3
                         ) -> tuple[IndicatorSet | None, float]:
    """The indicators loaded from files as the load phase reads them, and the seconds it took."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        indicator_files(catalog, folder, count, years)
        start = time.perf_counter()
        loaded, problems = load_indicators(folder, catalog.districts, list(catalog.categories))
        seconds = time.perf_counter() - start
    assert not problems, problems[:3]
    return loaded, seconds


def _timed(step) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = step()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def measure(catalog: Catalog, indicators: IndicatorSet | None = None
            ) -> tuple[dict[str, tuple[float, float]], dict[str, int]]:
    """(wall, CPU) seconds for the whole contribution and for each part, and output sizes.

    CPU time is reported beside wall time because the machine may be shared: wall time then
    includes waiting for a core.
    """
    timings: dict[str, tuple[float, float]] = {}
    inputs = SimpleNamespace(catalog=catalog, settings=catalog.config, population=None,
                             indicators=indicators, network=None, transit=None, scenario=None,
                             holidays=_horizon(catalog))
    tools = Tools(templates=templates_for(None))
    wall, cpu, contribution = _timed(lambda: render(inputs, tools))
    timings["render (total)"] = (wall, cpu)
    settings = catalog.config.planning
    wall, cpu, result = _timed(lambda: analyse(catalog, settings, None, indicators))
    timings["analyse"] = (wall, cpu)
    for name, step in (
        ("pages (HTML + SVG)", lambda: planning_pages(result)),
        ("markdown", lambda: report_markdown(result, "Benchmark")),
        ("csv zip", lambda: csv_zip(report_csv_files(result))),
        ("pdf", lambda: report_pdf(result, "Benchmark")),
    ):
        wall, cpu, _ = _timed(step)
        timings[name] = (wall, cpu)
    if indicators is not None:
        templates = templates_for(None)

        def profiles() -> None:
            for district_id in catalog.districts:
                templates.render("district_profile.html",
                                 profile=district_profile(catalog, indicators, district_id))

        wall, cpu, _ = _timed(profiles)
        timings["district profiles"] = (wall, cpu)
    sizes = {f.path: len(f.data) for f in contribution.files}
    sizes.update({p.path: len(p.html) for p in contribution.pages})
    return timings, sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--grid", type=int, default=20, help="districts = grid²")
    parser.add_argument("--districts", type=int, default=None,
                        help="keep the first N squares (103: an 11 × 11 grid)")
    parser.add_argument("--indicators", type=int, default=20, help="0: none")
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--json", default=None, help="write the timings to this file")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    grid = args.grid if args.districts is None else math.ceil(math.sqrt(args.districts))
    catalog = synthetic_catalog(args.offers, grid, count=args.districts)
    setup = time.perf_counter() - start
    indicators, load_seconds = (synthetic_indicators(catalog, args.indicators, args.years)
                                if args.indicators else (None, 0.0))
    timings, sizes = measure(catalog, indicators)
    timings = {"load indicators": (load_seconds, load_seconds), **timings}
    print(f"{len(catalog.offers)} Angebote, {len(catalog.districts)} Sozialräume, "
          f"{args.indicators} Kennzahlen × {args.years} Jahre (Aufbau {setup:.1f} s, nicht gemessen)")
    print(f"  {'':<22} {'Wand':>8} {'CPU':>8}")
    for name, (wall, cpu) in timings.items():
        print(f"  {name:<22} {wall:6.2f} s {cpu:6.2f} s")
    for path, size in sorted(sizes.items()):
        print(f"  {path:<40} {size / 1024:8.0f} KiB")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"offers": len(catalog.offers), "districts": len(catalog.districts),
                       "indicators": args.indicators, "years": args.years,
                       "seconds_wall": {k: round(v[0], 2) for k, v in timings.items()},
                       "seconds_cpu": {k: round(v[1], 2) for k, v in timings.items()}},
                      handle, indent=2, sort_keys=True)
    return 0 if timings["render (total)"][0] < 10 else 1


def _horizon(catalog) -> tuple:
    """The public holidays a build hands its families (the driver's horizon)."""
    from build_tools.clock import build_date
    from build_tools.opening_hours import holiday_horizon

    return tuple(holiday_horizon(catalog.config.holidays_state, catalog.build_date or build_date()))

if __name__ == "__main__":
    sys.exit(main())
