"""Where the people of each district are, as weighted points: the origins of every walk and ride.

With a population grid the origins are its points (cells count at their centre) and the weights
their inhabitants; a district without inhabitants on the grid, or every district without a grid,
gets a regular lattice of equal weights, so its shares are shares of area. The lattice is
anchored at multiples of the spacing (the same points whatever the district's shape) and
widened when a region would need more than :data:`MAX_POINTS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from ..reachability import district_centre

MAX_POINTS = 40_000


@dataclass(frozen=True)
class Origins:
    """Weighted points per district, in the planning CRS."""

    xy: np.ndarray
    """n × 2 metric coordinates."""
    weight: np.ndarray
    district: np.ndarray
    """District index (position in the district list) of each point."""
    centres: np.ndarray
    """d × 2: the centre of each district (centroid, or a point inside)."""
    weighted: tuple[bool, ...]
    """Per district: True when its weights are inhabitants (population grid)."""
    spacing_m: float
    """Lattice spacing used for area shares."""

    def shares(self, reached: np.ndarray) -> np.ndarray:
        """Per district the weighted share (0–1) of its points where ``reached`` is True."""
        count = len(self.centres)
        total = np.bincount(self.district, weights=self.weight, minlength=count)
        got = np.bincount(self.district, weights=self.weight * reached, minlength=count)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, got / total, 0.0)


def district_origins(geoms: list, weights: list[tuple[np.ndarray, np.ndarray]] | None,
                     spacing_m: float) -> Origins:
    """Origins for metric district ``geoms``; ``weights`` per district as in
    :func:`..population.district_weights` (None: no population grid)."""
    area = float(sum(shapely.area(g) for g in geoms))
    if area / spacing_m**2 > MAX_POINTS:
        spacing_m = math.ceil(math.sqrt(area / MAX_POINTS) / 10) * 10
    xy, weight, district, weighted = [], [], [], []
    for k, geom in enumerate(geoms):
        coords, people = (weights[k] if weights is not None else (np.empty((0, 2)), np.empty(0)))
        has_people = len(people) > 0 and float(people.sum()) > 0
        if has_people:
            keep = people > 0
            coords, people = coords[keep], people[keep]
        else:
            coords = lattice(geom, spacing_m)
            people = np.ones(len(coords))
        xy.append(coords)
        weight.append(people)
        district.append(np.full(len(coords), k))
        weighted.append(has_people)
    centres = np.array([[c.x, c.y] for c in (district_centre(g) for g in geoms)]).reshape(-1, 2)
    return Origins(
        xy=np.concatenate(xy) if xy else np.empty((0, 2)),
        weight=np.concatenate(weight) if weight else np.empty(0),
        district=np.concatenate(district).astype(np.int64) if district else np.empty(0, np.int64),
        centres=centres, weighted=tuple(weighted), spacing_m=float(spacing_m),
    )


def lattice(geom, spacing_m: float) -> np.ndarray:
    """Points of the regular lattice (multiples of ``spacing_m`` plus half) inside ``geom``;
    a district too small for any gets one point inside it."""
    minx, miny, maxx, maxy = shapely.bounds(geom)
    xs = (np.arange(math.floor(minx / spacing_m), math.ceil(maxx / spacing_m)) + 0.5) * spacing_m
    ys = (np.arange(math.floor(miny / spacing_m), math.ceil(maxy / spacing_m)) + 0.5) * spacing_m
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    inside = shapely.contains_xy(geom, gx, gy)
    if not inside.any():
        point = geom.point_on_surface()
        return np.array([[point.x, point.y]])
    return np.column_stack([gx[inside], gy[inside]])
