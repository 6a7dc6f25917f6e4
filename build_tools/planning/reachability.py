"""Reachability: how much of a district lies within a straight-line distance of an offer.

All geometry is metric (see :mod:`.projection`); shapely does the buffers, unions and
intersections. Offers outside a district count for it: people cross district lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import STRtree

QUAD_SEGS = 16
"""Segments per quarter circle of a buffer: the circle's area is 0.16 % short of π r²."""


@dataclass(frozen=True)
class Reach:
    """Reachability of one category from one district."""

    shares: dict[int, float]
    """Distance in metres → share (0–1) of the district within that distance of an offer."""
    nearest_m: float | None
    """Straight-line distance from the district's centre to the nearest offer (None: none)."""
    walking_min: float | None
    """Estimated walking time for ``nearest_m`` (speed and detour factor applied)."""
    threshold_m: int
    flagged: bool
    """True when the nearest offer is farther than the threshold, or there is none."""
    weighted: bool = False
    """True when shares are shares of inhabitants (population grid), not of area."""
    minutes: dict[int, float] = field(default_factory=dict)
    """Walking minutes → share (0–1), on the street network (empty for straight lines)."""
    method: str = "luftlinie"
    """``luftlinie`` (straight line × detour factor) or ``netz`` (along the street network)."""


def district_centre(geom) -> shapely.Point:
    """The centroid when it lies inside the district, otherwise a point on its surface.

    A ring-shaped district or one with a large hole may have its centroid outside itself.
    """
    centroid = geom.centroid
    if geom.covers(centroid):
        return centroid
    return geom.point_on_surface()


def _share(covered, area: float) -> float:
    if area <= 0:
        return 0.0
    return min(1.0, float(shapely.area(covered)) / area)


def reach_for_category(
    districts: dict[str, object],
    points: np.ndarray,
    distances: list[int],
    threshold_m: int,
    walking_minutes,
    weights: list[tuple[np.ndarray, np.ndarray]] | None = None,
) -> dict[str, Reach]:
    """Reachability of one category for every district.

    ``districts`` maps id → metric (Multi)Polygon; ``points`` holds the category's offer
    locations as metric shapely points (confidential ones included: they count, unseen).
    ``weights`` (optional, per district in order): coordinates and inhabitants of population
    grid points inside it; a district with inhabitants on the grid gets population shares.
    """
    ids = list(districts)
    geoms = np.array([districts[i] for i in ids], dtype=object)
    weighted = [
        weights is not None and float(weights[k][1].sum()) > 0 for k in range(len(ids))
    ]
    if len(points) == 0:
        return {
            i: Reach({d: 0.0 for d in distances}, None, None, threshold_m, True, weighted[k])
            for k, i in enumerate(ids)
        }
    tree = STRtree(points)
    centres = np.array([district_centre(g) for g in geoms], dtype=object)
    (centre_idx, _), nearest = tree.query_nearest(centres, return_distance=True, all_matches=False)
    nearest_by_district = dict(zip(centre_idx.tolist(), nearest.tolist(), strict=True))
    areas = shapely.area(geoms)
    boxes = shapely.bounds(geoms)
    shares: dict[int, dict[int, float]] = {k: {} for k in range(len(ids))}
    for distance in distances:
        # One union of all circles per distance (GEOS cascaded union), then each district
        # takes its own piece: clipping to the district's box first keeps the overlay small.
        reached = shapely.union_all(shapely.buffer(points, distance, quad_segs=QUAD_SEGS))
        for k in range(len(ids)):
            piece = shapely.clip_by_rect(reached, *boxes[k])
            covered = shapely.intersection(piece, geoms[k])
            if weighted[k]:
                coords, people = weights[k]  # type: ignore[index]
                inside = shapely.intersects_xy(covered, coords[:, 0], coords[:, 1])
                shares[k][distance] = float(people[inside].sum() / people.sum())
            else:
                shares[k][distance] = _share(covered, float(areas[k]))
    result: dict[str, Reach] = {}
    for k, district_id in enumerate(ids):
        metres = nearest_by_district.get(k)
        result[district_id] = Reach(
            shares=shares[k],
            nearest_m=metres,
            walking_min=walking_minutes(metres) if metres is not None else None,
            threshold_m=threshold_m,
            flagged=metres is None or metres > threshold_m,
            weighted=weighted[k],
        )
    return result
