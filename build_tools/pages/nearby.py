"""The nearest offers of a category, without comparing every offer with every other.

Offer pages show up to four related offers: the editor's picks, filled up with the nearest
published offers of the same category. Sorting the whole category for every page made a
10,000-offer build quadratic (each page sorted ~800 offers). Here numpy narrows each page's
question to a handful of candidates, and the exact ordering — straight-line distance with the
same ``math.hypot`` as before, ties by id — is decided in Python on those few, so the result is
identical to a full sort.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ..catalog import is_public_location
from ..schema import Offer

# Longitude degrees are shorter than latitude degrees at ~51° N (cos 51° ≈ 0.63).
LON_SCALE = 0.63
# numpy's hypot may differ from math.hypot in the last bit: keep near-ties as candidates.
_TOLERANCE = 1e-9


def distance(a: Offer, b: Offer) -> float:
    """Straight-line distance in scaled degrees; infinite when either location is not public."""
    if not (is_public_location(a) and is_public_location(b)):
        return math.inf
    assert a.location and b.location
    return math.hypot(a.location.lat - b.location.lat, (a.location.lon - b.location.lon) * LON_SCALE)


class NearestIndex:
    """Offers of one category with their coordinates in arrays, for repeated nearest queries."""

    def __init__(self, members: Sequence[Offer]) -> None:
        self.members = list(members)
        points = [(o.location.lat, o.location.lon) if is_public_location(o) and o.location else None
                  for o in self.members]
        self._lat = np.array([p[0] if p else 0.0 for p in points])
        self._lon = np.array([p[1] if p else 0.0 for p in points])
        self._public = np.array([p is not None for p in points], dtype=bool)

    def nearest(self, offer: Offer, limit: int, exclude: set[str]) -> list[Offer]:
        """Up to ``limit`` members nearest to ``offer``, ordered by (distance, id), none in ``exclude``."""
        if limit <= 0 or not self.members:
            return []
        if is_public_location(offer):
            assert offer.location
            dist = np.hypot(self._lat - offer.location.lat, (self._lon - offer.location.lon) * LON_SCALE)
            dist[~self._public] = np.inf
        else:
            dist = np.full(len(self.members), np.inf)
        wanted = min(limit + len(exclude), len(self.members))
        kth = np.partition(dist, wanted - 1)[wanted - 1]
        bound = kth * (1 + _TOLERANCE) + _TOLERANCE if math.isfinite(kth) else np.inf
        candidates = [self.members[i] for i in np.flatnonzero(dist <= bound)]
        candidates = [o for o in candidates if o.id not in exclude]
        candidates.sort(key=lambda o: (distance(offer, o), o.id))
        return candidates[:limit]
