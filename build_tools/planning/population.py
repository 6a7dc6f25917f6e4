"""An optional population grid: where people live inside a district.

A GeoJSON FeatureCollection of points or grid cells (polygons) with a ``population`` number,
e.g. the Zensus 2022 100-m grid cut to the town. A cell counts at its representative point.
With a grid, reachability shares are shares of inhabitants instead of shares of area.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

from ..config import ConfigProblem
from .projection import Projector


@dataclass(frozen=True)
class PopulationGrid:
    """Metric points and their inhabitants."""

    points: np.ndarray
    weights: np.ndarray
    source: str


def load_population_grid(path: Path, projector: Projector, display: str) -> PopulationGrid:
    """Read the grid; a ConfigProblem names the file and the feature when something is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigProblem(f"{display}: Bevölkerungsgitter nicht lesbar: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigProblem(f"{display}:{exc.lineno}:{exc.colno}: JSON-Fehler: {exc.msg}") from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise ConfigProblem(f"{display}: erwartet eine GeoJSON-FeatureCollection")
    lons, lats, weights = [], [], []
    for index, feature in enumerate(features):
        where = f"{display}: features[{index}]"
        props = (feature or {}).get("properties") or {}
        value = props.get("population")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigProblem(f"{where}: population muss eine Zahl ≥ 0 sein")
        try:
            geom = shape(feature["geometry"])
        except Exception as exc:  # shapely raises several types for malformed input
            raise ConfigProblem(f"{where}: ungültige Geometrie ({exc})") from None
        if geom.is_empty:
            raise ConfigProblem(f"{where}: leere Geometrie")
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        lons.append(point.x)
        lats.append(point.y)
        weights.append(float(value))
    return PopulationGrid(projector.points(lons, lats), np.asarray(weights, float), display)


def district_weights(grid: PopulationGrid, geoms: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per district: the coordinates (n × 2) and inhabitants of the grid points inside it."""
    out: list[tuple[np.ndarray, np.ndarray]] = [
        (np.empty((0, 2)), np.empty(0)) for _ in range(len(geoms))
    ]
    if len(grid.points) == 0 or len(geoms) == 0:
        return out
    tree = shapely.STRtree(grid.points)
    district_idx, point_idx = tree.query(geoms, predicate="contains")
    coords = shapely.get_coordinates(grid.points)
    for k in np.unique(district_idx):
        members = point_idx[district_idx == k]
        out[int(k)] = (coords[members], grid.weights[members])
    return out
