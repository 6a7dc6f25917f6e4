"""Districts (Sozialräume) from GeoJSON, and which district a point lies in.

Geometry goes through shapely; no home-made polygon code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shapely import STRtree
from shapely.geometry import Point, shape
from shapely.validation import explain_validity

from .catalog import District
from .languages import TRANSLATION_LANGUAGES
from .problems import Problem
from .schema import _ID_RE

MAX_GEOJSON_BYTES = 64 * 1024 * 1024


def _line_of(text: str, needle: str) -> tuple[int, int]:
    offset = text.find(needle)
    if offset < 0:
        return (1, 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def load_districts(path: Path, display: str) -> tuple[dict[str, District], list[Problem]]:
    """Read districts.geojson: a FeatureCollection of (Multi)Polygons with ``id`` and ``name``."""
    problems: list[Problem] = []
    if not path.exists():
        return {}, problems
    try:
        if path.stat().st_size > MAX_GEOJSON_BYTES:
            return {}, [Problem(display, 1, 1, "", "Datei zu groß (höchstens 64 MB)")]
        text = path.read_text(encoding="utf-8-sig")
        data = json.loads(text)
    except UnicodeDecodeError:
        return {}, [Problem(display, 1, 1, "", "die Datei ist nicht UTF-8-kodiert")]
    except json.JSONDecodeError as exc:
        return {}, [Problem(display, exc.lineno, exc.colno, "", f"JSON-Fehler: {exc.msg}")]
    except (OSError, RecursionError) as exc:
        return {}, [Problem(display, 1, 1, "", f"nicht lesbar: {exc}")]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return {}, [Problem(display, 1, 1, "type", "erwartet eine GeoJSON-FeatureCollection")]
    features = data.get("features")
    if not isinstance(features, list):
        return {}, [Problem(display, 1, 1, "features", "erwartet eine Liste von Features")]
    districts: dict[str, District] = {}
    for index, feature in enumerate(features):
        district, problem = _district(feature, index, text, display)
        if problem:
            problems.append(problem)
        elif district:
            if district.id in districts:
                line, col = _line_of(text, f'"{district.id}"')
                problems.append(
                    Problem(display, line, col, f"features[{index}].properties.id",
                            f"Sozialraum-id {district.id!r} steht doppelt")
                )
            districts[district.id] = district
    return dict(sorted(districts.items())), problems


def _district(feature: Any, index: int, text: str, display: str) -> tuple[District | None, Problem | None]:
    where = f"features[{index}]"
    if not isinstance(feature, dict):
        return None, Problem(display, 1, 1, where, "Feature ist kein Objekt")
    props = feature.get("properties") or {}
    district_id = props.get("id", feature.get("id"))
    line, col = _line_of(text, f'"{district_id}"') if district_id else (1, 1)
    if not isinstance(district_id, str) or not _ID_RE.match(district_id):
        return None, Problem(display, line, col, f"{where}.properties.id",
                             f"fehlende oder ungültige Sozialraum-id {district_id!r}")
    name = props.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, Problem(display, line, col, f"{where}.properties.name",
                             f"Sozialraum {district_id!r} hat keinen Namen")
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None, Problem(display, line, col, f"{where}.geometry",
                             f"Sozialraum {district_id!r}: Geometrie muss Polygon oder MultiPolygon sein")
    try:
        geom = shape(geometry)
    except Exception as exc:  # shapely raises several types for malformed coordinates
        return None, Problem(display, line, col, f"{where}.geometry",
                             f"Sozialraum {district_id!r}: ungültige Koordinaten ({exc})")
    if geom.is_empty or not geom.is_valid:
        reason = explain_validity(geom) if not geom.is_empty else "leer"
        return None, Problem(display, line, col, f"{where}.geometry",
                             f"Sozialraum {district_id!r}: ungültiges Polygon ({reason})")
    population = props.get("population")
    if population is not None and (isinstance(population, bool) or not isinstance(population, int) or population < 0):
        return None, Problem(display, line, col, f"{where}.properties.population",
                             f"Sozialraum {district_id!r}: population muss eine ganze Zahl ≥ 0 sein")
    names, problem = _district_names(props.get("translations"), district_id, where, line, col, display)
    if problem:
        return None, problem
    return District(district_id, name.strip(), geom, population, dict(props), names), None


def _district_names(raw: Any, district_id: str, where: str, line: int, col: int,
                    display: str) -> tuple[dict[str, str], Problem | None]:
    """``properties.translations``: ``{"en": {"name": "…"}}`` — a district's name in further
    languages (names are mostly proper names and stay German; an atlas may translate them)."""
    field = f"{where}.properties.translations"
    if raw is None:
        return {}, None
    if not isinstance(raw, dict):
        return {}, Problem(display, line, col, field,
                           f'Sozialraum {district_id!r}: translations muss ein Objekt sein, z. B. {{"en": {{"name": "…"}}}}')
    names: dict[str, str] = {}
    for code, entry in sorted(raw.items()):
        if code not in TRANSLATION_LANGUAGES:
            return {}, Problem(display, line, col, f"{field}.{code}",
                               f"Sozialraum {district_id!r}: Sprache {code!r} wird nicht übersetzt; möglich: "
                               + ", ".join(TRANSLATION_LANGUAGES))
        unknown = sorted(set(entry) - {"name"}) if isinstance(entry, dict) else []
        if not isinstance(entry, dict) or unknown:
            return {}, Problem(display, line, col, f"{field}.{code}",
                               f"Sozialraum {district_id!r}: unter translations.{code} steht nur name "
                               + (f"(unbekannt: {', '.join(unknown)})" if unknown else '(ein Objekt wie {"name": "…"})'))
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            return {}, Problem(display, line, col, f"{field}.{code}.name",
                               f"Sozialraum {district_id!r}: translations.{code}.name muss ein Name sein")
        names[code] = name.strip()
    return names, None


class DistrictLocator:
    """Finds the district that contains a point (an R-tree keeps it fast for 400 districts)."""

    def __init__(self, districts: dict[str, District]):
        self._ids = list(districts)
        self._geoms = [districts[i].geometry for i in self._ids]
        self._tree = STRtree(self._geoms) if self._geoms else None

    def locate(self, lat: float, lon: float) -> str | None:
        """District id containing (lat, lon), or None. Ties go to the smallest id."""
        if self._tree is None:
            return None
        point = Point(lon, lat)
        hits = [self._ids[i] for i in self._tree.query(point, predicate="intersects")]
        return min(hits) if hits else None
