"""Reading an OpenStreetMap export: overpass turbo GeoJSON, Overpass JSON, ``.osm`` XML.

Every reader yields :class:`OsmObject` (type, id, tags, one point). Ways and relations get a
point inside their shape (``center`` from Overpass, else the GeoJSON geometry's representative
point, else the mean of their nodes). ``.pbf`` extracts are refused with the way out (osmium
converts them); unusable input raises :class:`~.tracker.ImportError_` with file and position.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shapely.geometry import shape

from .hsds_input import MAX_FILE_BYTES
from .tracker import ImportError_


@dataclass(frozen=True)
class OsmObject:
    """One mapped object: ``kind`` node/way/relation, its id, tags and a point (lat, lon)."""

    kind: str
    id: int
    tags: dict[str, str]
    lat: float | None
    lon: float | None

    @property
    def source(self) -> str:
        """``osm:node/123``."""
        return f"osm:{self.kind}/{self.id}"


@dataclass
class OsmExport:
    """The objects of one file and what it says about its data (for the attribution)."""

    objects: list[OsmObject]
    timestamp: str | None
    unplaced: list[str]


def read_export(path: Path) -> OsmExport:
    """Read ``path`` by its content (GeoJSON, Overpass JSON) or ending (``.osm``)."""
    if not path.is_file():
        raise ImportError_(f"{path}: Datei nicht gefunden")
    if path.suffix.lower() == ".pbf":
        raise ImportError_(f"{path}: .pbf-Dateien werden nicht gelesen — in overpass turbo als GeoJSON "
                           "exportieren oder umwandeln: osmium cat auszug.osm.pbf -o auszug.osm")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportError_(f"{path}: zu groß ({size} Bytes, höchstens {MAX_FILE_BYTES})")
    raw = path.read_bytes()
    if path.suffix.lower() == ".osm" or raw.lstrip().startswith(b"<"):
        return _read_xml(path, raw)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportError_(f"{path}: keine UTF-8-Textdatei") from None
    except json.JSONDecodeError as exc:
        raise ImportError_(f"{path}:{exc.lineno}:{exc.colno}: kein gültiges JSON: {exc.msg}") from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return _read_geojson(path, data)
    if isinstance(data, dict) and isinstance(data.get("elements"), list):
        return _read_overpass(path, data)
    raise ImportError_(f"{path}: weder GeoJSON (FeatureCollection) noch Overpass-JSON (elements) — "
                       "in overpass turbo über „Export → GeoJSON“ speichern")


def _read_geojson(path: Path, data: dict[str, Any]) -> OsmExport:
    objects, unplaced = [], []
    for index, feature in enumerate(data.get("features") or []):
        if not isinstance(feature, dict):
            raise ImportError_(f"{path}: features[{index}]: kein Objekt")
        props = feature.get("properties") or {}
        ident = props.get("@id") or feature.get("id") or props.get("id")
        kind, number = _osm_id(ident, props.get("type"))
        if kind is None:
            raise ImportError_(f"{path}: features[{index}]: keine OSM-id (@id wie node/123) — "
                               "mit overpass turbo exportieren")
        tags = props.get("tags") if isinstance(props.get("tags"), dict) else {
            k: v for k, v in props.items() if not k.startswith("@") and k not in ("id", "type", "tags", "meta")}
        lat = lon = None
        try:
            point = shape(feature["geometry"]).representative_point() if feature.get("geometry") else None
        except (ValueError, TypeError, KeyError, AttributeError):
            point = None
        if point is not None and not point.is_empty:
            lon, lat = point.x, point.y
        else:
            unplaced.append(f"{kind}/{number}")
        objects.append(OsmObject(kind, number, _strings(tags), lat, lon))
    return OsmExport(objects, data.get("timestamp") or data.get("osm3s", {}).get("timestamp_osm_base"), unplaced)


def _read_overpass(path: Path, data: dict[str, Any]) -> OsmExport:
    nodes = {e["id"]: (e["lat"], e["lon"]) for e in data["elements"]
             if isinstance(e, dict) and e.get("type") == "node" and "lat" in e}
    objects, unplaced = [], []
    for index, element in enumerate(data["elements"]):
        if not isinstance(element, dict) or not element.get("tags"):
            continue  # the skeleton nodes of ways
        kind, number = _osm_id(None, element.get("type"), element.get("id"))
        if kind is None:
            raise ImportError_(f"{path}: elements[{index}]: ohne type/id")
        lat, lon = element.get("lat"), element.get("lon")
        if lat is None and isinstance(element.get("center"), dict):
            lat, lon = element["center"].get("lat"), element["center"].get("lon")
        if lat is None:
            points = [nodes[n] for n in element.get("nodes") or [] if n in nodes]
            points += [(g["lat"], g["lon"]) for g in element.get("geometry") or [] if isinstance(g, dict)]
            if points:
                lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        if lat is None:
            unplaced.append(f"{kind}/{number}")
        objects.append(OsmObject(kind, number, _strings(element["tags"]), lat, lon))
    return OsmExport(objects, (data.get("osm3s") or {}).get("timestamp_osm_base"), unplaced)


def _read_xml(path: Path, raw: bytes) -> OsmExport:
    try:
        root = ET.fromstring(raw)  # noqa: S314 - an editor's own export; no entities are resolved
    except ET.ParseError as exc:
        raise ImportError_(f"{path}:{exc.position[0]}:{exc.position[1]}: kein gültiges OSM-XML") from None
    nodes: dict[int, tuple[float, float]] = {}
    objects, unplaced = [], []
    for element in root:
        if element.tag not in ("node", "way", "relation") or element.get("id") is None:
            continue
        number = int(element.get("id"))  # type: ignore[arg-type]
        tags = {t.get("k", ""): t.get("v", "") for t in element.findall("tag")}
        lat = lon = None
        if element.tag == "node":
            lat, lon = float(element.get("lat", "nan")), float(element.get("lon", "nan"))
            nodes[number] = (lat, lon)
        else:
            points = [nodes[int(nd.get("ref", "0"))] for nd in element.findall("nd") if int(nd.get("ref", "0")) in nodes]
            if points:
                lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        if not tags:
            continue
        if lat is None:
            unplaced.append(f"{element.tag}/{number}")
        objects.append(OsmObject(element.tag, number, tags, lat, lon))
    return OsmExport(objects, root.get("timestamp") or (root.find("meta").get("osm_base") if root.find("meta") is not None else None), unplaced)  # type: ignore[union-attr]


def _osm_id(ident: Any, kind: Any = None, number: Any = None) -> tuple[str | None, int]:
    if isinstance(ident, str) and "/" in ident:
        kind, _, number = ident.partition("/")
    if kind in ("node", "way", "relation") and str(number).isdigit():
        return str(kind), int(number)
    return None, 0


def _strings(tags: dict[str, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in tags.items() if v is not None}
