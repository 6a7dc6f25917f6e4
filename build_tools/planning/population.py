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

from ..problems import Problem
from .projection import Projector


@dataclass(frozen=True)
class PopulationGrid:
    """Metric points and their inhabitants."""

    points: np.ndarray
    weights: np.ndarray
    source: str


def load_population_grid(path: Path, crs: str, display: str) -> tuple[PopulationGrid | None, list[Problem]]:
    """Read the grid (projected into ``crs``); every problem names the file and the feature."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        return None, [Problem(display, 1, 1, "", f"Bevölkerungsgitter nicht lesbar: {exc.strerror or exc}")]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line, col = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (1, 1)
        return None, [Problem(display, line, col, "", f"kein gültiges JSON: {exc}")]
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        return None, [Problem(display, 1, 1, "", "erwartet eine GeoJSON-FeatureCollection")]
    problems: list[Problem] = []
    lons, lats, weights = [], [], []
    for index, feature in enumerate(features):
        where = f"features[{index}]"
        props = (feature or {}).get("properties") or {} if isinstance(feature, dict) else {}
        value = props.get("population")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            problems.append(Problem(display, 1, 1, f"{where}.properties.population",
                                    "population muss eine Zahl ≥ 0 sein"))
            continue
        try:
            geom = shape(feature["geometry"])
        except Exception as exc:  # shapely raises several types for malformed input
            problems.append(Problem(display, 1, 1, f"{where}.geometry", f"ungültige Geometrie ({exc})"))
            continue
        if geom.is_empty:
            problems.append(Problem(display, 1, 1, f"{where}.geometry", "leere Geometrie"))
            continue
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        lons.append(point.x)
        lats.append(point.y)
        weights.append(float(value))
    if problems:
        return None, problems
    points = Projector(crs).points(lons, lats)
    return PopulationGrid(points, np.asarray(weights, float), display), []


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
