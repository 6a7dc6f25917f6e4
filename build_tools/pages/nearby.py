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
        public = [is_public_location(o) and o.location is not None for o in self.members]
        self._lat = np.array([o.location.lat if p else 0.0 for o, p in zip(self.members, public, strict=True)])
        self._lon = np.array([o.location.lon if p else 0.0 for o, p in zip(self.members, public, strict=True)])
        self._public = np.array(public, dtype=bool)
        # Infinitely far offers (no public place) are ordered by id alone: sort them once.
        self._all_by_id = sorted(self.members, key=lambda o: o.id or "")
        self._hidden_by_id = [o for o in self._all_by_id if not is_public_location(o) or o.location is None]

    def nearest(self, offer: Offer, limit: int, exclude: set[str]) -> list[Offer]:
        """Up to ``limit`` members nearest to ``offer``, ordered by (distance, id), none in ``exclude``."""
        if limit <= 0 or not self.members:
            return []
        if not is_public_location(offer) or offer.location is None:
            return _first(self._all_by_id, limit, exclude)  # every distance is infinite
        dist = np.hypot(self._lat - offer.location.lat, (self._lon - offer.location.lon) * LON_SCALE)
        dist[~self._public] = np.inf
        public_count = int(self._public.sum())
        wanted = min(limit + len(exclude), public_count)
        if wanted == 0:
            candidates = []
        else:
            kth = np.partition(dist, wanted - 1)[wanted - 1]
            bound = kth * (1 + _TOLERANCE) + _TOLERANCE
            if limit + len(exclude) > public_count:
                bound = np.inf  # every public member is a candidate; hidden ones follow
            candidates = [self.members[i] for i in np.flatnonzero((dist <= bound) & self._public)]
        found = [o for o in candidates if o.id not in exclude]
        found.sort(key=lambda o: (distance(offer, o), o.id))
        if len(found) < limit:
            found += _first(self._hidden_by_id, limit - len(found), exclude)
        return found[:limit]


def _first(offers: Sequence[Offer], limit: int, exclude: set[str]) -> list[Offer]:
    chosen: list[Offer] = []
    for other in offers:
        if other.id not in exclude:
            chosen.append(other)
            if len(chosen) == limit:
                break
    return chosen
