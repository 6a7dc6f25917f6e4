"""Hand-made OSM extracts and GTFS feeds for the travel tests, drawn in metres.

Coordinates are metres east and north of :data:`ORIGIN` in ETRS89 / UTM 32N (near Düren) and
converted to lon/lat, so a test can say "200 m across the river" and mean it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from pyproj import Transformer

ORIGIN = (320_000.0, 5_630_000.0)
_BACK = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)


def lonlat(x: float, y: float) -> tuple[float, float]:
    """Metres relative to ORIGIN → (lon, lat)."""
    lon, lat = _BACK.transform(ORIGIN[0] + x, ORIGIN[1] + y)
    return float(lon), float(lat)


def write_osm(path: Path, nodes: dict[int, tuple[float, float]], ways: list[tuple[list[int], dict]],
              tagged_nodes: dict[int, dict] | None = None) -> Path:
    """An ``.osm`` XML file: ``nodes`` id → metric (x, y); ``ways``: (node ids, tags)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    for node_id, (x, y) in sorted(nodes.items()):
        lon, lat = lonlat(x, y)
        tags = (tagged_nodes or {}).get(node_id, {})
        if tags:
            lines.append(f'  <node id="{node_id}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">')
            lines += [f"    <tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items()]
            lines.append("  </node>")
        else:
            lines.append(f'  <node id="{node_id}" version="1" lat="{lat:.7f}" lon="{lon:.7f}"/>')
    for k, (ids, tags) in enumerate(ways, start=1):
        lines.append(f'  <way id="{k}" version="1">')
        lines += [f'    <nd ref="{i}"/>' for i in ids]
        lines += [f"    <tag k={quoteattr(a)} v={quoteattr(b)}/>" for a, b in tags.items()]
        lines.append("  </way>")
    lines.append("</osm>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_gtfs(path: Path, tables: dict[str, list[dict]]) -> Path:
    """A GTFS ZIP from table name → rows (dicts; the first row's keys are the header)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, rows in tables.items():
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["x"],
                                    lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr(name, out.getvalue())
    return path


def stop(stop_id: str, x: float, y: float, name: str = "") -> dict:
    """A row of stops.txt at metric (x, y)."""
    lon, lat = lonlat(x, y)
    return {"stop_id": stop_id, "stop_name": name or stop_id, "stop_lat": f"{lat:.7f}",
            "stop_lon": f"{lon:.7f}"}


def trip_rows(trip_id: str, calls: list[tuple[str, str]]) -> list[dict]:
    """stop_times rows of one trip: (stop id, HH:MM) in order (arrival = departure)."""
    return [{"trip_id": trip_id, "arrival_time": f"{t}:00", "departure_time": f"{t}:00",
             "stop_id": s, "stop_sequence": str(k)} for k, (s, t) in enumerate(calls, start=1)]


def weekday_calendar(service: str = "wt", start: str = "20261201", end: str = "20271231") -> list[dict]:
    """calendar.txt: one service Monday to Friday."""
    return [{"service_id": service, "monday": "1", "tuesday": "1", "wednesday": "1",
             "thursday": "1", "friday": "1", "saturday": "0", "sunday": "0",
             "start_date": start, "end_date": end}]
