"""Issue 22's budget: the whole planning step for a region — 400 districts, 10,000 offers, a
50,000-node street network and a regional GTFS feed of 5,000 stops — in ≤ 120 s on the
2-core machine with a peak RSS ≤ 2 GB.

    .venv/bin/python -m benchmarks.planning_budget                 # the budget's sizes
    .venv/bin/python -m benchmarks.planning_budget --grid 4 --offers 200 --nodes 2500 --stops 50
    .venv/bin/python -m benchmarks.planning_budget --runs 3        # three runs, verdict on the median
    .venv/bin/python -m benchmarks.planning_budget --profile       # cProfile's top 25 too

The region is written by :mod:`benchmarks.planning_region` into a temporary folder (not
timed); a child process then does what a build does for the planning: reads the extract and the
feed (the load phase, :func:`~build_tools.planning.travel.network.load_street_network` and
:func:`~build_tools.planning.travel.gtfs.load_feed`) and runs the planning family
(:func:`build_tools.planning.site.render`: analysis on the network and the timetable, pages,
Markdown, CSV and PDF). Wall and CPU seconds per step come from the child; the peak RSS is the
child's ``ru_maxrss`` (``resource.getrusage(RUSAGE_CHILDREN)``), so the generator's memory is
not counted. Result: benchmarks/results/planning-budget.md (``--results`` elsewhere).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

RESULTS = Path(__file__).resolve().parent / "results" / "planning-budget.md"
BUDGET_S = 120.0
BUDGET_MIB = 2048.0


def _timed(timings: dict, name: str, step):
    wall, cpu = time.perf_counter(), time.process_time()
    value = step()
    timings[name] = (time.perf_counter() - wall, time.process_time() - cpu)
    return value


def planning_step(folder: Path, offers: int, grid: int, profile: bool) -> dict:
    """In the child: load the region's files and run the planning family; timings and sizes."""
    from build_tools.build import Tools
    from build_tools.planning.site import render
    from build_tools.planning.travel.gtfs import load_feed
    from build_tools.planning.travel.network import load_street_network
    from build_tools.templating import templates_for

    from .planning_bench import synthetic_catalog

    catalog = synthetic_catalog(offers, grid)
    settings = catalog.config
    timings: dict[str, tuple[float, float]] = {}
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    network, problems = _timed(timings, "load street network", lambda: load_street_network(
        folder / "region.osm", settings.planning.crs, "region.osm"))
    assert not problems, problems
    transit, problems = _timed(timings, "load GTFS feed",
                               lambda: load_feed(folder / "gtfs.zip", "gtfs.zip"))
    assert not problems, problems
    inputs = SimpleNamespace(catalog=catalog, settings=settings, population=None,
                             indicators=None, network=network, transit=transit, scenario=None,
                             holidays=_horizon(catalog))
    tools = Tools(templates=templates_for(None))
    contribution = _timed(timings, "planning family (render)", lambda: render(inputs, tools))
    timings["whole planning step"] = (time.perf_counter() - start_wall,
                                      time.process_time() - start_cpu)
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    return {
        "timings": timings,
        "nodes": int(len(network.lon)), "walk_nodes": network.walk_node_count,
        "edges": network.edge_count, "stops": len(transit.stop_ids),
        "trips": len(transit.trip_ids), "stop_times": int(transit.trip_first[-1]),
        "districts": len(catalog.districts), "offers": len(catalog.offers),
        "pages": len(contribution.pages), "files": len(contribution.files),
        "self_maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run(grid: int, offers: int, nodes: int, stops: int, profile: bool = False) -> dict:
    """Write the region, run the planning step in a child process; its figures and peak RSS."""
    from .planning_region import write_region

    with tempfile.TemporaryDirectory(prefix="planning-budget-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        osm, feed = write_region(folder, grid, nodes, stops)
        generated = time.perf_counter() - start
        sizes = {"osm_bytes": osm.stat().st_size, "gtfs_bytes": feed.stat().st_size}
        command = [sys.executable, "-m", "benchmarks.planning_budget", "--child", str(folder),
                   "--grid", str(grid), "--offers", str(offers)] + (["--profile"] if profile else [])
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(command, capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"planning step failed:\n{done.stderr}")
    if profile:
        print(done.stderr, file=sys.stderr)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    # RUSAGE_CHILDREN's ru_maxrss is the largest child so far; each child's own peak
    # (RUSAGE_SELF at its end) is the one that belongs to its run — the two agree for the first.
    figures.update(sizes, generated_s=generated, peak_rss_mib=figures["self_maxrss_mib"],
                   children_maxrss_mib=after.ru_maxrss / 1024,
                   child_cpu_s=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
    return figures


def report(runs: list[dict], grid: int) -> str:
    """The Markdown result of one or more runs; the verdict is on the median wall time and the
    largest peak RSS."""
    figures = runs[0]
    walls = sorted(r["timings"]["whole planning step"][0] for r in runs)
    wall = statistics.median(walls)
    rss = max(r["peak_rss_mib"] for r in runs)
    met = wall <= BUDGET_S and rss <= BUDGET_MIB
    lines = [
        "# Planning budget (issue 22): region with street network and timetable",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d} on {os.cpu_count()} cores shared with "
        "other work (the load average after each run is given: above 2, wall time includes "
        "waiting for a core), `python -m benchmarks.planning_budget`"
        + ("" if grid == 20 else f" --grid {grid}") + (f" --runs {len(runs)}" if len(runs) > 1
                                                       else "") + ".",
        "",
        f"Region: {figures['districts']} districts, {figures['offers']:,} offers, street network "
        f"{figures['nodes']:,} nodes ({figures['walk_nodes']:,} walkable and connected, "
        f"{figures['edges']:,} edges; {figures['osm_bytes'] / 1e6:.1f} MB OSM XML), GTFS "
        f"{figures['stops']:,} stops, {figures['trips']:,} trips, {figures['stop_times']:,} stop "
        f"times ({figures['gtfs_bytes'] / 1e6:.1f} MB ZIP). Written by "
        "`benchmarks/planning_region.py` (not counted).",
        "",
        "| step | " + " | ".join(f"run {k + 1}: wall, CPU" for k in range(len(runs))) + " |",
        "|---|" + "---:|" * len(runs),
    ]
    for name in figures["timings"]:
        cells = [f"{r['timings'][name][0]:.1f} s, {r['timings'][name][1]:.1f} s" for r in runs]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| peak RSS | " + " | ".join(f"{r['peak_rss_mib']:,.0f} MiB" for r in runs)
                 + " |")
    lines.append("| load average after | " + " | ".join(f"{r['load']:.1f}" for r in runs)
                 + " |")
    verdict = "met" if met else "**missed**"
    lines += [
        "",
        f"Budget ≤ {BUDGET_S:.0f} s and ≤ {BUDGET_MIB / 1024:.0f} GB: {wall:.1f} s"
        + (" (median)" if len(runs) > 1 else "") + f", {rss:,.0f} MiB — {verdict}.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", type=int, default=20, help="districts = grid²")
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--stops", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(planning_step(args.child, args.offers, args.grid, args.profile)))
        return 0
    runs = []
    for _ in range(args.runs):
        figures = run(args.grid, args.offers, args.nodes, args.stops, args.profile)
        figures["load"] = os.getloadavg()[0]
        runs.append(figures)
    text = report(runs, args.grid)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(text, encoding="utf-8")
    print(text)
    return 0 if "— met." in text else 1


def _horizon(catalog) -> tuple:
    """The public holidays a build hands its families (the driver's horizon)."""
    from build_tools.clock import build_date
    from build_tools.opening_hours import holiday_horizon

    return tuple(holiday_horizon(catalog.config.holidays_state, catalog.build_date or build_date()))

if __name__ == "__main__":
    sys.exit(main())
