"""The planning budget's region: a street network and a regional timetable over the districts of
:func:`benchmarks.planning_bench.synthetic_catalog` (a grid of 800 m squares in ETRS89 / UTM 32N).

:func:`region_streets` lays a lattice of ``side × side`` nodes over the districts (a 224 × 224
lattice: 50,176 nodes, one every 76 m over 17 km): residential streets, every 16th line a
named main road, a river from north to south that only every 12th street crosses, and a
motorway across (not walkable, its own nodes). Streets are OSM ways through many nodes, as in
a real extract. :func:`region_lines` draws ``2 m`` bus lines of ``m`` stops each (``m = 50``:
5,000 stops), half east–west and half north–south, with separate stops per line where they
cross (a few metres apart, as real feeds have one pole per line and direction); every line runs
both ways every 20 minutes on weekdays from 6 to 19 o'clock, every 30 minutes at the edges of
the day, less on weekends — for 100 lines 10,000 weekday trips and 500,000 weekday stop times,
what a Verkehrsverbund's regional feed holds. No clock, no random numbers: the same files for
the same sizes.
"""

from __future__ import annotations

import math
from pathlib import Path

from build_tools.planning.travel.synthetic import (
    TAKT,
    Line,
    Streets,
    _calendar,
    _lonlat,
    _rows,
    gtfs_zip,
    osm_xml,
)

from .planning_bench import CELL, ORIGIN

MARGIN = 500.0
"""Streets reach this far beyond the outermost districts (offers lie up to 300 m outside)."""


def region_streets(extent: float, side: int) -> Streets:
    """A ``side × side`` lattice over the square of ``extent`` metres from :data:`ORIGIN`."""
    x0, y0 = ORIGIN[0] - MARGIN, ORIGIN[1] - MARGIN
    step = (extent + 2 * MARGIN) / (side - 1)
    xs = [x0 + k * step for k in range(side)]
    ys = [y0 + k * step for k in range(side)]
    river = side // 2  # between column river-1 and river: crossed on every 12th row only
    streets = Streets()
    for j, y in enumerate(ys):
        tags = _street_tags("Ost-West", j)
        if j % 12 == 0:
            streets.way([(x, y) for x in xs], tags)
        else:
            streets.way([(x, y) for x in xs[:river]], tags)
            streets.way([(x, y) for x in xs[river:]], tags)
    for i, x in enumerate(xs):
        streets.way([(x, y) for y in ys], _street_tags("Nord-Süd", i))
    mid_x = (xs[river - 1] + xs[river]) / 2
    streets.way([(mid_x, y0 + k * 250.0) for k in range(int((extent + 2 * MARGIN) / 250) + 1)],
                {"waterway": "river", "name": "Fluss"})
    diagonal = [(x0 + t * step * 3, y0 + t * step * 2 + step / 2)
                for t in range(side // 3) if t * step * 2 + step / 2 < extent + 2 * MARGIN]
    streets.way(diagonal, {"highway": "motorway", "name": "A 99", "ref": "A 99"})
    for k in range(0, side, 40):
        streets.station(xs[k] + step / 2, ys[k], f"Bahnhof {k // 40 + 1}")
    return streets


def _street_tags(axis: str, k: int) -> dict[str, str]:
    if k % 16 == 8:
        kind = "primary" if k % 32 == 8 else "secondary"
        return {"highway": kind, "name": f"{axis}-Straße {k // 16 + 1}"}
    return {"highway": "residential"}


def region_lines(extent: float, per_line: int) -> list[Line]:
    """``2 × per_line`` bus lines of ``per_line`` stops, on a grid over the region."""
    spacing = extent / per_line
    lines = []
    for k in range(per_line):
        at = ORIGIN[1] + (k + 0.5) * spacing
        stops = [(f"West-Ost {k + 1}/{s + 1}", ORIGIN[0] + (s + 0.5) * spacing, at - 12.0)
                 for s in range(per_line)]
        lines.append(Line(f"W{k + 1}", 3, stops, 20.0, TAKT))
    for k in range(per_line):
        at = ORIGIN[0] + (k + 0.5) * spacing
        stops = [(f"Süd-Nord {k + 1}/{s + 1}", at + 12.0, ORIGIN[1] + (s + 0.5) * spacing)
                 for s in range(per_line)]
        lines.append(Line(f"S{k + 1}", 3, stops, 20.0, TAKT))
    return lines


def write_region(folder: Path, grid: int, nodes: int, stops: int) -> tuple[Path, Path]:
    """``region.osm`` (about ``nodes`` lattice nodes) and ``gtfs.zip`` (about ``stops`` stops)
    for a grid of ``grid × grid`` districts, into ``folder``."""
    extent = grid * CELL
    to_lonlat = _lonlat()
    streets = region_streets(extent, max(4, round(math.sqrt(nodes))))
    osm = folder / "region.osm"
    osm.write_text(osm_xml(streets, to_lonlat), encoding="utf-8")
    per_line = max(2, round(math.sqrt(stops / 2)))
    tables = _rows(region_lines(extent, per_line), to_lonlat)
    tables.update(_calendar())
    tables["agency.txt"] = [{"agency_id": "mvb", "agency_name": "Regionalverkehr (synthetisch)",
                             "agency_url": "https://verkehr.example/",
                             "agency_timezone": "Europe/Berlin", "agency_lang": "de"}]
    feed = folder / "gtfs.zip"
    feed.write_bytes(gtfs_zip(tables))
    return osm, feed


def lattice_nodes(osm: Path) -> int:
    """Nodes in an extract written by :func:`write_region` (counted from the XML)."""
    with osm.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.lstrip().startswith("<node "))

