"""WGS84 → metric coordinates (pyproj), once per geometry, so areas and distances are in metres."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer

from ..config import METRIC_CRS


class Projector:
    """Projects lon/lat geometries and points into a metric CRS (ETRS89 / UTM 32N by default)."""

    def __init__(self, crs: str = METRIC_CRS):
        self.crs = crs
        self._forward = Transformer.from_crs("EPSG:4326", crs, always_xy=True)

    def _xy(self, coords: np.ndarray) -> np.ndarray:
        x, y = self._forward.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    def geometry(self, geom):
        """A shapely geometry in lon/lat, projected (vertices transformed, rings kept)."""
        return shapely.transform(geom, self._xy)

    def points(self, lons: Sequence[float], lats: Sequence[float]) -> np.ndarray:
        """Shapely points for parallel lon/lat sequences, projected in one call."""
        if len(lons) == 0:
            return np.empty(0, dtype=object)
        x, y = self._forward.transform(np.asarray(lons, float), np.asarray(lats, float))
        return shapely.points(np.asarray(x), np.asarray(y))


@lru_cache(maxsize=4)
def _inverse(crs: str) -> Transformer:
    return Transformer.from_crs(crs, "EPSG:4326", always_xy=True)


def lonlat_of(crs: str, geom):
    """Inverse projection (metric → lon/lat); used by tests and the benchmark to build input."""
    back = _inverse(crs)

    def xy(coords: np.ndarray) -> np.ndarray:
        x, y = back.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geom, xy)
