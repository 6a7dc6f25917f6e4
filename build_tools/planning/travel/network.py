"""The walkable street network of a town, from its OSM extract, and its main streets for maps.

:func:`load_street_network` runs in the load phase: it reads the extract (:mod:`.osm`), keeps the
ways people walk on, splits them at every node into edges measured in metres (in the planning
CRS) and marks the largest connected part — offers and homes are placed on that part, so a
footway fragment cut off at the edge of the extract never swallows a district.
:func:`main_streets` gives the printed town map its primary, secondary and tertiary roads (and
motorways) as plain lon/lat polylines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely

from ...problems import Problem
from .osm import MAIN, OsmReadError, read_ways

if TYPE_CHECKING:  # scipy is imported when a network is built: a site without one never pays
    from scipy.sparse import csr_matrix

MAX_BYTES = 512 * 1024 * 1024
"""Largest extract read (a Regierungsbezirk fits; a whole Land should be cut first)."""
MAIN_ORDER = ("motorway", "trunk", "primary", "secondary", "tertiary")


@dataclass(frozen=True)
class Street:
    """One main-street way: its kind (``primary`` …), name and node indices in order."""

    kind: str
    name: str
    nodes: np.ndarray


@dataclass(frozen=True)
class StreetLine:
    """A main street as the town map draws it: lon/lat points, its kind and name."""

    kind: str
    name: str
    points: list[tuple[float, float]]


@dataclass(frozen=True)
class StreetNetwork:
    """Nodes (lon/lat and metric), walkable edges in metres, the main streets and stations."""

    source: str
    """The extract, as messages name it (``content/musterstadt.osm``)."""
    crs: str
    lon: np.ndarray
    lat: np.ndarray
    x: np.ndarray
    y: np.ndarray
    graph: csr_matrix
    """Symmetric, metres; only walkable edges."""
    connected: np.ndarray
    """True for nodes of the largest walkable connected part (where people are placed)."""
    streets: tuple[Street, ...]
    stations: tuple[tuple[str, float, float], ...]
    """Named railway stations: (name, lon, lat)."""
    broken_ways: int = 0

    @property
    def edge_count(self) -> int:
        """Walkable edges (each direction counted once)."""
        return int(self.graph.nnz // 2)

    @property
    def walk_node_count(self) -> int:
        """Nodes of the largest walkable part."""
        return int(self.connected.sum())

    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of the walkable part."""
        lon, lat = self.lon[self.connected], self.lat[self.connected]
        return float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())


def load_street_network(path: Path, crs: str, display: str
                        ) -> tuple[StreetNetwork | None, list[Problem]]:
    """The walkable network of the extract at ``path`` (projected into ``crs``), or problems
    that name the file: unreadable, too large, not OSM, no walkable way in it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(display, 1, 1, "", f"OSM-Auszug nicht lesbar: {exc.strerror or exc}")]
    if size > MAX_BYTES:
        return None, [Problem(display, 1, 1, "", "OSM-Auszug zu groß (höchstens 512 MB): mit "
                              "osmium extract auf das Gebiet des Atlas zuschneiden")]
    if size == 0:
        return None, [Problem(display, 1, 1, "", "OSM-Auszug ist leer")]
    try:
        ways = read_ways(path)
    except OsmReadError as exc:
        line, col = _xml_position(str(exc))
        return None, [Problem(display, line, col, "", f"kein lesbarer OSM-Auszug: {exc}")]
    network = build_network(ways, crs, display)
    if network is None:
        return None, [Problem(display, 1, 1, "", "keine begehbaren Wege im OSM-Auszug (Fußwege, "
                              "Wohnstraßen …); ist es der richtige Ausschnitt?")]
    return network, []


_XML_AT = re.compile(r"Zeile (\d+), Spalte (\d+)")


def _xml_position(message: str) -> tuple[int, int]:
    """Line and column of an XML error, from :func:`.osm.read_ways`' message (else 1:1)."""
    found = _XML_AT.search(message)
    return (int(found[1]), int(found[2])) if found else (1, 1)


def build_network(ways, crs: str, source: str) -> StreetNetwork | None:
    """The network of ways read by :func:`.osm.read_ways` (None: nothing walkable)."""
    from scipy.sparse.csgraph import connected_components

    from ..projection import Projector

    if not any(ways.walkable):
        return None
    ids = np.fromiter(sorted(ways.positions), dtype=np.int64)
    index = {node_id: k for k, node_id in enumerate(ids.tolist())}
    lonlat = np.array([ways.positions[i] for i in ids.tolist()], dtype=float)
    points = Projector(crs).points(lonlat[:, 0], lonlat[:, 1])
    xy = shapely.get_coordinates(points)
    heads: list[np.ndarray] = []
    tails: list[np.ndarray] = []
    streets: list[Street] = []
    for node_ids, kind, name, walkable in zip(ways.node_ids, ways.kinds, ways.names,
                                              ways.walkable, strict=True):
        nodes = np.array([index[i] for i in node_ids], dtype=np.int64)
        if walkable:
            heads.append(nodes[:-1])
            tails.append(nodes[1:])
        if kind in MAIN:
            streets.append(Street(kind, name, nodes))
    graph = _graph(np.concatenate(heads), np.concatenate(tails), xy)
    _, labels = connected_components(graph, directed=False)
    used = np.zeros(len(ids), dtype=bool)
    used[np.concatenate(heads)] = True
    used[np.concatenate(tails)] = True
    counts = np.bincount(labels[used])
    connected = used & (labels == int(np.argmax(counts)))
    return StreetNetwork(
        source=source, crs=crs, lon=lonlat[:, 0].copy(), lat=lonlat[:, 1].copy(),
        x=xy[:, 0].copy(), y=xy[:, 1].copy(), graph=graph, connected=connected,
        streets=tuple(streets), stations=tuple(sorted(ways.stations)),
        broken_ways=ways.broken_ways,
    )


def _graph(heads: np.ndarray, tails: np.ndarray, xy: np.ndarray) -> csr_matrix:
    """Symmetric adjacency in metres; of parallel edges the shortest one stays."""
    from scipy.sparse import coo_matrix

    keep = heads != tails
    a, b = np.minimum(heads, tails)[keep], np.maximum(heads, tails)[keep]
    length = np.hypot(*(xy[a] - xy[b]).T)
    order = np.lexsort((length, b, a))
    a, b, length = a[order], b[order], length[order]
    first = np.ones(len(a), dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    a, b, length = a[first], b[first], np.maximum(length[first], 0.01)  # 0 would be "no edge"
    n = len(xy)
    matrix = coo_matrix((np.concatenate([length, length]),
                         (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))
    return matrix.tocsr()


def main_street_lines(network: StreetNetwork, bbox: tuple[float, float, float, float]
                      ) -> list[StreetLine]:
    """Main streets inside ``bbox`` = (west, south, east, north), clipped to it; ways of one
    name and kind joined where they meet. Ordered motorway → tertiary, then by name and
    position, so the same extract always gives the same lines."""
    groups: dict[tuple[str, str], list] = {}
    for street in network.streets:
        line = shapely.linestrings(np.column_stack([network.lon[street.nodes],
                                                    network.lat[street.nodes]]))
        groups.setdefault((street.kind, street.name), []).append(line)
    out: list[StreetLine] = []
    for (kind, name), lines in groups.items():
        merged = shapely.line_merge(shapely.clip_by_rect(shapely.multilinestrings(lines), *bbox))
        for part in shapely.get_parts(merged):
            coords = shapely.get_coordinates(part)
            if len(coords) >= 2:
                out.append(StreetLine(kind, name, [(float(x), float(y)) for x, y in coords]))
    out.sort(key=lambda s: (MAIN_ORDER.index(s.kind), s.name, s.points))
    return out


def main_streets(network: StreetNetwork, bbox: tuple[float, float, float, float]
                 ) -> list[list[tuple[float, float]]]:
    """The main streets inside ``bbox`` = (west, south, east, north) as lon/lat polylines —
    what the Wegweiser's town map draws (see :func:`main_street_lines` for kind and name)."""
    return [line.points for line in main_street_lines(network, bbox)]


@dataclass(frozen=True)
class TownStreets:
    """What the printed town map draws of the street network (all lon/lat)."""

    main: tuple[StreetLine, ...]
    """Motorways to tertiary roads, with kind and name (:func:`main_street_lines`)."""
    minor: object
    """Every other walkable street as one shapely MultiLineString (thin grey lines)."""
    landmarks: tuple[tuple[str, float, float], ...] = ()
    """Named railway stations: (name, lon, lat)."""


MINOR_TOLERANCE = 0.00003
"""Simplification of the minor streets in degrees (about 3 m: far below a printed line)."""


def town_streets(network: StreetNetwork, bbox: tuple[float, float, float, float]
                 ) -> TownStreets:
    """The town map's streets inside ``bbox`` = (west, south, east, north): main streets, the
    other walkable edges merged into lines, and the stations there. Deterministic: the same
    extract gives the same lines in the same order."""
    main = tuple(main_street_lines(network, bbox))
    on_main = set()
    for street in network.streets:
        nodes = street.nodes.tolist()
        on_main.update(zip(nodes[:-1], nodes[1:], strict=True))
        on_main.update(zip(nodes[1:], nodes[:-1], strict=True))
    upper = network.graph.tocoo()
    keep = upper.row < upper.col
    pairs = [(a, b) for a, b in zip(upper.row[keep].tolist(), upper.col[keep].tolist(),
                                    strict=True) if (a, b) not in on_main]
    if pairs:
        a, b = np.array(pairs).T
        segments = shapely.linestrings(
            np.stack([np.column_stack([network.lon[a], network.lat[a]]),
                      np.column_stack([network.lon[b], network.lat[b]])], axis=1))
        merged = shapely.line_merge(shapely.clip_by_rect(shapely.multilinestrings(segments),
                                                         *bbox))
        minor = shapely.simplify(merged, MINOR_TOLERANCE)
    else:
        minor = shapely.MultiLineString()
    west, south, east, north = bbox
    landmarks = tuple((name, lon, lat) for name, lon, lat in network.stations
                      if west <= lon <= east and south <= lat <= north)
    return TownStreets(main, minor, landmarks)
