"""A plausible, made-up town to walk and ride in: streets as an OSM extract, buses as GTFS.

:func:`musterstadt` writes the sample atlas' files from its ``districts.geojson``: a street
lattice (dense around the market and every district centre, farm tracks between), main roads
from the market out through each district, a ring road, the river Rur with five crossings
(two of them on the ring, one a footbridge), the A 4 motorway and the railway, and the
neighbouring town Nachbarstadt 7.6 km east; six bus lines from the ZOB, a ring line, an
express bus and a train to Nachbarstadt, with a weekday, Saturday and Sunday timetable (public
holidays of NRW run the Sunday timetable). The planning budget's 50,000-node lattice and
5,000-stop regional feed are written by ``benchmarks/planning_region.py`` with the same parts.
Deterministic: no clock, no random numbers, sorted output, fixed ZIP dates.

    .venv/bin/python -m build_tools.planning.travel.synthetic content/
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import quoteattr

import holidays as holidays_lib
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import shape

CRS = "EPSG:25832"
ZIP_DATE = (2026, 11, 30, 0, 0, 0)
FEED_START, FEED_END = date(2026, 11, 30), date(2027, 12, 31)
AGENCY = "Musterstädtische Verkehrsbetriebe (fiktiv)"
MARKT = (322_621.0, 5_630_983.0)
BAHNHOF = (322_517.0, 5_631_666.0)
NACHBARSTADT = (330_200.0, 5_630_600.0)
NACHBAR_BAHNHOF = (330_050.0, 5_630_950.0)
STEP = 110.0
"""Lattice step in metres: streets every 220 m in the cores, tracks every 660 m between."""


@dataclass
class Streets:
    """Nodes and ways in metres; nodes shared where points coincide (to the centimetre)."""

    nodes: dict[int, tuple[float, float]] = field(default_factory=dict)
    ways: list[tuple[list[int], dict[str, str]]] = field(default_factory=list)
    tagged: dict[int, dict[str, str]] = field(default_factory=dict)
    _ids: dict[tuple[int, int], int] = field(default_factory=dict)

    def node(self, x: float, y: float) -> int:
        """The node at (x, y), made when new."""
        key = (round(x * 100), round(y * 100))
        if key not in self._ids:
            self._ids[key] = len(self._ids) + 1
            self.nodes[self._ids[key]] = (key[0] / 100, key[1] / 100)
        return self._ids[key]

    def way(self, points, tags: dict[str, str]) -> list[int]:
        """A way through ``points`` (metres)."""
        ids = [self.node(x, y) for x, y in points]
        ids = [i for k, i in enumerate(ids) if k == 0 or i != ids[k - 1]]
        if len(ids) >= 2:
            self.ways.append((ids, dict(tags)))
        return ids

    def station(self, x: float, y: float, name: str) -> None:
        """A named railway station node."""
        self.tagged[self.node(x, y)] = {"railway": "station", "name": name}


def densify(points, step: float = 100.0) -> list[tuple[float, float]]:
    """The polyline with a point at least every ``step`` metres (OSM-like node spacing)."""
    out = [tuple(points[0])]
    for (x1, y1), (x2, y2) in zip(points[:-1], points[1:], strict=True):
        n = max(1, math.ceil(math.hypot(x2 - x1, y2 - y1) / step))
        out += [(x1 + (x2 - x1) * k / n, y1 + (y2 - y1) * k / n) for k in range(1, n + 1)]
    return out


def bent(a, b, bend: float) -> list[tuple[float, float]]:
    """From a to b with the middle pushed ``bend`` metres sideways (roads are rarely straight)."""
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    mid = ((x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend)
    return [a, mid, b]


@dataclass(frozen=True)
class Road:
    """A main road: its points, OSM kind and name."""

    name: str
    kind: str
    points: list[tuple[float, float]]


def _roads(centres: dict[str, tuple[float, float]]) -> list[Road]:
    outward = {
        "nord": ("Nordstraße", "primary", (324_000.0, 5_636_600.0), 250.0),
        "west": ("Aachener Straße", "primary", (317_900.0, 5_634_600.0), -200.0),
        "roelsdorf-feld": ("Rölsdorfer Straße", "secondary", (318_100.0, 5_626_000.0), 180.0),
        "sued": ("Bonner Straße", "primary", (324_000.0, 5_622_700.0), -220.0),
        "ost": ("Kreuzauer Straße", "secondary", (328_300.0, 5_630_500.0), 150.0),
    }
    roads = []
    for district, (name, kind, end, bend) in outward.items():
        centre = centres[district]
        points = bent(MARKT, centre, bend)[:-1] + [centre, end]
        roads.append(Road(name, kind, densify(points)))
    ring = [(MARKT[0] + 1000 * math.cos(2 * math.pi * k / 40),
             MARKT[1] + 1000 * math.sin(2 * math.pi * k / 40)) for k in range(41)]
    roads.append(Road("Ring", "tertiary", densify(ring)))
    roads.append(Road("Bahnhofsallee", "tertiary", densify([MARKT, BAHNHOF])))
    roads.append(Road("L 264", "secondary",
                      densify([(328_300.0, 5_630_500.0), (329_300.0, 5_630_420.0), NACHBARSTADT])))
    roads.append(Road("Kanalstraße", "tertiary",
                      densify([centres["ost"], centres["kanalhof"], (325_700.0, 5_632_300.0)])))
    return roads


def _river() -> shapely.LineString:
    ys = np.arange(5_621_000.0, 5_638_001.0, 250.0)
    xs = 321_700.0 + 160.0 * np.sin((ys - 5_621_000.0) / 900.0)
    return shapely.LineString(np.column_stack([xs, ys]))


MOTORWAY = shapely.LineString([(316_500.0, 5_635_000.0), (324_000.0, 5_635_300.0),
                               (332_500.0, 5_635_600.0)])
RAILWAY = shapely.LineString([(316_500.0, 5_631_900.0), BAHNHOF, (326_000.0, 5_631_300.0),
                              NACHBAR_BAHNHOF, (332_500.0, 5_631_000.0)])


def town_streets(districts: dict[str, object]) -> Streets:
    """The sample town from its metric district polygons (id → geometry)."""
    centres = {k: (g.representative_point().x, g.representative_point().y)
               for k, g in districts.items()}
    nord = districts["nord"]
    parts = sorted(getattr(nord, "geoms", [nord]), key=lambda p: p.area)
    centres["nord"] = (parts[-1].representative_point().x, parts[-1].representative_point().y)
    centres["kanalhof"] = (parts[0].representative_point().x, parts[0].representative_point().y)
    town = shapely.union_all(list(districts.values()))
    neighbour = shapely.Point(NACHBARSTADT).buffer(1200)
    area = shapely.union(town, neighbour)
    cores = shapely.union_all([shapely.Point(c).buffer(1300) for c in [MARKT, *centres.values()]]
                              + [shapely.Point(NACHBARSTADT).buffer(900)])
    river = _river()
    barriers = shapely.union_all([river.buffer(45), MOTORWAY.buffer(35), RAILWAY.buffer(12)])
    streets = Streets()
    roads = _roads(centres)
    _lattice(streets, area, cores, barriers)
    for road in roads:
        streets.way(road.points, {"highway": road.kind, "name": road.name})
    _connect(streets, roads, barriers)
    park = [(321_500.0, 5_630_450.0), (321_950.0, 5_630_500.0)]  # Stadtpark footbridge
    streets.way(densify(park, 60), {"highway": "footway", "bridge": "yes", "name": "Rursteg"})
    for a, b in ((321_230.0, 5_630_300.0), (321_500.0, 5_630_450.0)), (
            (321_950.0, 5_630_500.0), (322_180.0, 5_630_560.0)):
        streets.way(densify([a, b], 60), {"highway": "footway"})
    streets.way(densify(list(MOTORWAY.coords), 400), {"highway": "motorway", "name": "A 4",
                                                     "ref": "A 4"})
    streets.way(densify(list(RAILWAY.coords), 400), {"railway": "rail"})
    streets.way(densify(list(river.coords), 250), {"waterway": "river", "name": "Rur"})
    streets.station(*BAHNHOF, "Musterstadt Bahnhof")
    streets.station(*NACHBAR_BAHNHOF, "Nachbarstadt Bahnhof")
    return streets


def _lattice(streets: Streets, area, cores, barriers) -> None:
    """Residential streets on every second line in the cores, tracks on every sixth between."""
    minx, miny, maxx, maxy = shapely.bounds(area)
    cols = np.arange(math.floor(minx / STEP), math.ceil(maxx / STEP) + 1)
    rows = np.arange(math.floor(miny / STEP), math.ceil(maxy / STEP) + 1)
    gx, gy = np.meshgrid(cols * STEP, rows * STEP)
    inside = shapely.contains_xy(area, gx, gy)
    core = shapely.contains_xy(cores, gx, gy)
    for horizontal in (True, False):
        lines = rows if horizontal else cols
        for li, line in enumerate(lines.tolist()):
            along = range(len(cols) - 1) if horizontal else range(len(rows) - 1)
            for k in along:
                a = (li, k) if horizontal else (k, li)
                b = (li, k + 1) if horizontal else (k + 1, li)
                if not (inside[a] and inside[b]):
                    continue
                dense = core[a] and core[b] and line % 2 == 0
                sparse = line % 6 == 0
                if not (dense or sparse):
                    continue
                pa, pb = (gx[a], gy[a]), (gx[b], gy[b])
                if shapely.intersects(barriers, shapely.LineString([pa, pb])):
                    continue
                kind = "residential" if dense else ("unclassified" if line % 12 == 0 else "track")
                streets.way([pa, pb], {"highway": kind})


def _connect(streets: Streets, roads: list[Road], barriers) -> None:
    """Join the main roads to the lattice: from each road node to the nearest lattice node
    within 80 m, unless that short street would cross the river, motorway or railway."""
    lattice = {i for ids, tags in streets.ways if tags.get("highway") in (
        "residential", "track", "unclassified") for i in ids}
    ids = sorted(lattice)
    xy = np.array([streets.nodes[i] for i in ids])
    tree = shapely.STRtree(shapely.points(xy))
    for road in roads:
        for point in road.points:
            k = tree.nearest(shapely.Point(point))
            target = tuple(xy[k])
            if 0 < math.dist(point, target) <= 80 and not shapely.intersects(
                    barriers, shapely.LineString([point, target])):
                streets.way([point, target], {"highway": "residential"})


def osm_xml(streets: Streets, to_lonlat) -> str:
    """The streets as an OSM XML extract (nodes by id, then ways)."""
    ids = sorted(streets.nodes)
    xy = np.array([streets.nodes[i] for i in ids])
    lon, lat = to_lonlat(xy[:, 0], xy[:, 1])
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<osm version="0.6" generator="Angebotsatlas synthetic.py (fiktive Stadt)">']
    for i, x, y in zip(ids, lon.tolist(), lat.tolist(), strict=True):
        tags = streets.tagged.get(i)
        head = f'  <node id="{i}" version="1" lat="{y:.7f}" lon="{x:.7f}"'
        if not tags:
            lines.append(head + "/>")
            continue
        lines.append(head + ">")
        lines += [f"    <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in sorted(tags.items())]
        lines.append("  </node>")
    for n, (refs, tags) in enumerate(streets.ways, start=1):
        lines.append(f'  <way id="{n}" version="1">')
        lines += [f'    <nd ref="{r}"/>' for r in refs]
        lines += [f"    <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in sorted(tags.items())]
        lines.append("  </way>")
    lines.append("</osm>")
    return "\n".join(lines) + "\n"


# --- the timetable ------------------------------------------------------------------------------


@dataclass
class Line:
    """A transit line: name, route type (3 bus, 2 train), stops (name, x, y) in order."""

    name: str
    route_type: int
    stops: list[tuple[str, float, float]]
    speed_kmh: float
    headways: dict[str, list[tuple[int, int, int]]]
    """Service → (first minute, last minute, headway) spans."""


TAKT = {
    "wt": [(5 * 60, 6 * 60, 30), (6 * 60, 19 * 60, 20), (19 * 60, 23 * 60 + 31, 30)],
    "sa": [(6 * 60, 23 * 60 + 1, 30)],
    "so": [(8 * 60, 22 * 60 + 1, 60)],
}
HOURLY = {"wt": [(5 * 60, 23 * 60 + 1, 60)], "sa": [(6 * 60, 23 * 60 + 1, 60)],
          "so": [(8 * 60, 22 * 60 + 1, 120)]}
HALF_HOURLY = {"wt": [(5 * 60, 23 * 60 + 1, 30)], "sa": [(6 * 60, 23 * 60 + 1, 60)],
               "so": [(7 * 60, 23 * 60 + 1, 60)]}


def _stops_along(points, every: float, names: str) -> list[tuple[str, float, float]]:
    """A stop every ``every`` metres along a polyline (the first at its start)."""
    line = shapely.LineString(points)
    count = max(1, int(line.length // every))
    out = []
    for k in range(count + 1):
        p = line.interpolate(min(k * every, line.length))
        out.append((f"{names} {k + 1}" if k else names, p.x, p.y))
    return out


def town_lines(streets_roads: list[Road]) -> list[Line]:
    """Six lines from the ZOB out along the main roads, the ring, an express bus and a train."""
    by_name = {r.name: r for r in streets_roads}
    zob = ("Musterstadt ZOB", BAHNHOF[0] + 40, BAHNHOF[1] - 30)
    markt = ("Markt", MARKT[0] + 20, MARKT[1] + 20)
    lines = []
    for number, (road, label) in enumerate((
            ("Nordstraße", "Nord"), ("Aachener Straße", "West"),
            ("Rölsdorfer Straße", "Rölsdorf"), ("Bonner Straße", "Süd"),
            ("Kreuzauer Straße", "Ost")), start=1):
        outward = _stops_along(by_name[road].points, 420, label)[2:]
        lines.append(Line(str(number), 3, [zob, markt, *outward], 20.0, TAKT))
    kanal = _stops_along(by_name["Kanalstraße"].points, 420, "Kanalhof")
    lines.append(Line("6", 3, [zob, markt, *kanal], 20.0, TAKT))
    ring = _stops_along(by_name["Ring"].points, 450, "Ring")
    lines.append(Line("7", 3, ring, 18.0, HALF_HOURLY))
    express = [zob, markt, *_stops_along(by_name["Kreuzauer Straße"].points, 1400, "Ost")[1:],
               *_stops_along(by_name["L 264"].points, 1200, "Nachbarstadt")[1:]]
    lines.append(Line("SB 70", 3, express, 28.0, HOURLY))
    lines.append(Line("RB 20", 2, [("Musterstadt Bahnhof", *BAHNHOF),
                                   ("Nachbarstadt Bahnhof", *NACHBAR_BAHNHOF)], 60.0, HALF_HOURLY))
    local = [("Nachbarstadt Bahnhof", NACHBAR_BAHNHOF[0] + 30, NACHBAR_BAHNHOF[1] - 30),
             ("Nachbarstadt Markt", *NACHBARSTADT),
             ("Nachbarstadt Süd", NACHBARSTADT[0] + 300, NACHBARSTADT[1] - 700)]
    lines.append(Line("71", 3, local, 18.0, HALF_HOURLY))
    return lines


def _rows(lines: list[Line], to_lonlat) -> dict[str, list[dict]]:
    stops: dict[str, tuple[str, float, float]] = {}
    known: dict[tuple[str, int, int], str] = {}  # the ZOB and the market serve several lines
    routes, trips, times = [], [], []
    for line in lines:
        ids = []
        for name, x, y in line.stops:
            key = (name, round(x), round(y))
            if key not in known:
                known[key] = f"s{len(known) + 1}"
                stops[known[key]] = (name, x, y)
            ids.append(known[key])
        route_id = line.name.replace(" ", "").lower()
        routes.append({"route_id": route_id, "agency_id": "mvb", "route_short_name": line.name,
                       "route_long_name": f"{line.stops[0][0]} – {line.stops[-1][0]}",
                       "route_type": str(line.route_type)})
        legs = [math.dist(a[1:], b[1:]) for a, b in zip(line.stops[:-1], line.stops[1:], strict=True)]
        minutes = [0]
        for metres in legs:
            minutes.append(minutes[-1] + max(1, round(metres / (line.speed_kmh * 1000 / 60) + 0.5)))
        for service, spans in line.headways.items():
            for direction, order in ((0, list(range(len(ids)))), (1, list(range(len(ids)))[::-1])):
                offsets = [minutes[k] for k in order]
                offsets = [abs(o - offsets[0]) for o in offsets]
                for first, last, headway in spans:
                    for start in range(first + 3 * direction, last, headway):
                        trip_id = f"{route_id}-{service}-{direction}-{start:04d}"
                        trips.append({"route_id": route_id, "service_id": service,
                                      "trip_id": trip_id, "direction_id": str(direction)})
                        for seq, (k, off) in enumerate(zip(order, offsets, strict=True), start=1):
                            t = _hms(start + off)
                            times.append({"trip_id": trip_id, "arrival_time": t,
                                          "departure_time": t, "stop_id": ids[k],
                                          "stop_sequence": str(seq)})
    stop_rows = []
    for stop_id, (name, x, y) in stops.items():
        lon, lat = to_lonlat(np.array([x]), np.array([y]))
        stop_rows.append({"stop_id": stop_id, "stop_name": name, "stop_lat": f"{lat[0]:.6f}",
                          "stop_lon": f"{lon[0]:.6f}"})
    return {"stops.txt": stop_rows, "routes.txt": routes, "trips.txt": trips,
            "stop_times.txt": times}


def _hms(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}:00"


def _calendar() -> dict[str, list[dict]]:
    flags = {"wt": "1111100", "sa": "0000010", "so": "0000001"}
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    calendar = [{"service_id": s, **{d: f for d, f in zip(days, bits, strict=True)},
                 "start_date": f"{FEED_START:%Y%m%d}", "end_date": f"{FEED_END:%Y%m%d}"}
                for s, bits in flags.items()]
    exceptions = []
    nrw = holidays_lib.country_holidays("DE", subdiv="NW", years=[2026, 2027])
    for day in sorted(d for d in nrw if FEED_START <= d <= FEED_END):
        if day.weekday() == 6:
            continue
        usual = "wt" if day.weekday() < 5 else "sa"
        exceptions += [{"service_id": usual, "date": f"{day:%Y%m%d}", "exception_type": "2"},
                       {"service_id": "so", "date": f"{day:%Y%m%d}", "exception_type": "1"}]
    return {"calendar.txt": calendar, "calendar_dates.txt": exceptions}


def gtfs_zip(tables: dict[str, list[dict]]) -> bytes:
    """Tables as a GTFS ZIP with fixed dates (the same bytes every time)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(tables):
            rows = tables[name]
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, out.getvalue().encode("utf-8"))
    return buffer.getvalue()


def _metric_districts(path: Path) -> dict[str, object]:
    to_metric = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
    data = json.loads(path.read_text(encoding="utf-8"))

    def xy(coords):
        x, y = to_metric.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return {f["properties"]["id"]: shapely.transform(shape(f["geometry"]), xy)
            for f in data["features"]}


def _lonlat():
    back = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True)
    return lambda x, y: tuple(np.asarray(v) for v in back.transform(x, y))


def musterstadt(content: Path) -> tuple[Path, Path]:
    """Write ``musterstadt.osm`` and ``gtfs.zip`` into ``content`` (from its districts)."""
    districts = _metric_districts(content / "districts.geojson")
    to_lonlat = _lonlat()
    streets = town_streets(districts)
    osm = content / "musterstadt.osm"
    osm.write_text(osm_xml(streets, to_lonlat), encoding="utf-8")
    centres = {k: (g.representative_point().x, g.representative_point().y)
               for k, g in districts.items()}
    parts = sorted(getattr(districts["nord"], "geoms", [districts["nord"]]), key=lambda p: p.area)
    centres["nord"] = (parts[-1].representative_point().x, parts[-1].representative_point().y)
    centres["kanalhof"] = (parts[0].representative_point().x, parts[0].representative_point().y)
    tables = _rows(town_lines(_roads(centres)), to_lonlat)
    tables.update(_calendar())
    tables["agency.txt"] = [{"agency_id": "mvb", "agency_name": AGENCY,
                             "agency_url": "https://verkehr.musterstadt.example/",
                             "agency_timezone": "Europe/Berlin", "agency_lang": "de"}]
    tables["feed_info.txt"] = [{"feed_publisher_name": AGENCY,
                                "feed_publisher_url": "https://verkehr.musterstadt.example/",
                                "feed_lang": "de", "feed_start_date": f"{FEED_START:%Y%m%d}",
                                "feed_end_date": f"{FEED_END:%Y%m%d}",
                                "feed_version": "Beispieldaten 2026-11"}]
    feed = content / "gtfs.zip"
    feed.write_bytes(gtfs_zip(tables))
    return osm, feed


def main(argv: list[str] | None = None) -> int:
    """Command line: write the sample town's street network and timetable into a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path, help="Inhaltsordner mit districts.geojson")
    args = parser.parse_args(argv)
    for path in musterstadt(args.content):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
