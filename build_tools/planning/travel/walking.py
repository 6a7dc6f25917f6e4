"""Walks: on the street network when the town gives one, else along the straight line.

Both walkers answer the same two questions, in metres of walking:

- :meth:`nearest` — from every origin, how far to the nearest of some targets;
- :meth:`pairs` — every (origin, target) pair within a limit (access to and from stops).

On the network a point joins it at the nearest node of the connected part, in a straight line
(OSM nodes lie a few metres apart along streets); the rest is the shortest path on the graph
(scipy's Dijkstra, all targets at once through one virtual source). Without a network the walk
is the straight line times the detour factor — the method of round one.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from .network import StreetNetwork

CHUNK = 96
"""Sources per Dijkstra call in :meth:`NetworkWalker.pairs` (memory: CHUNK × nodes floats)."""


class StraightWalker:
    """Straight line × detour factor."""

    method = "luftlinie"

    def __init__(self, detour_factor: float):
        self.detour = detour_factor

    def nearest(self, origins: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Walking metres from each origin (n × 2, metric) to its nearest target (inf: none)."""
        if len(targets) == 0:
            return np.full(len(origins), np.inf)
        distance, _ = cKDTree(targets).query(origins)
        return distance * self.detour

    def pairs(self, origins: np.ndarray, targets: np.ndarray, limit_m: float
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(origin index, target index, walking metres) of every pair within ``limit_m``."""
        if len(origins) == 0 or len(targets) == 0:
            return _no_pairs()
        found = cKDTree(origins).sparse_distance_matrix(
            cKDTree(targets), limit_m / self.detour, output_type="ndarray")
        order = np.lexsort((found["j"], found["i"]))
        found = found[order]
        return (found["i"].astype(np.int64), found["j"].astype(np.int64),
                found["v"].astype(float) * self.detour)


class NetworkWalker:
    """Shortest paths on the walkable graph of a :class:`StreetNetwork`."""

    method = "netz"

    def __init__(self, network: StreetNetwork):
        self.network = network
        self.nodes = np.flatnonzero(network.connected)
        xy = np.column_stack([network.x[self.nodes], network.y[self.nodes]])
        self._tree = cKDTree(xy)

    def snap(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each point (n × 2): its node on the connected part and the metres to it."""
        if len(points) == 0:
            return np.empty(0, dtype=np.int64), np.empty(0)
        distance, k = self._tree.query(points)
        return self.nodes[k], distance

    def nearest(self, origins: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Walking metres from each origin to its nearest target (inf: no target)."""
        if len(targets) == 0:
            return np.full(len(origins), np.inf)
        target_nodes, target_off = self.snap(targets)
        along = self.from_nodes(target_nodes, target_off)
        origin_nodes, origin_off = self.snap(origins)
        return along[origin_nodes] + origin_off

    def from_nodes(self, nodes: np.ndarray, offsets: np.ndarray,
                   limit_m: float = np.inf) -> np.ndarray:
        """Metres from the nearest of ``nodes`` (each starting ``offsets`` metres away) to
        every node of the graph: one Dijkstra from a virtual node joined to all of them."""
        graph = self.network.graph
        n = graph.shape[0]
        source = np.full(len(nodes), n)
        extra = coo_matrix((np.maximum(offsets, 0.01), (source, nodes)), shape=(n + 1, n + 1))
        grown = csr_matrix((graph.data, graph.indices, graph.indptr[np.r_[0:n + 1, n]]),
                           shape=(n + 1, n + 1))
        distance = dijkstra(grown + extra.tocsr(), directed=True, indices=n, limit=limit_m)
        return distance[:n]

    def pairs(self, origins: np.ndarray, targets: np.ndarray, limit_m: float
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(origin index, target index, walking metres) of every pair within ``limit_m``."""
        if len(origins) == 0 or len(targets) == 0:
            return _no_pairs()
        o_nodes, o_off = self.snap(origins)
        t_nodes, t_off = self.snap(targets)
        o_unique, o_of = np.unique(o_nodes, return_inverse=True)
        t_unique, t_of = np.unique(t_nodes, return_inverse=True)
        swap = len(t_unique) < len(o_unique)  # run Dijkstra from the smaller side
        src, dst = (t_unique, o_unique) if swap else (o_unique, t_unique)
        rows, cols, metres = [], [], []
        for start in range(0, len(src), CHUNK):
            block = dijkstra(self.network.graph, directed=False, indices=src[start:start + CHUNK],
                             limit=limit_m)[:, dst]
            r, c = np.nonzero(np.isfinite(block))
            rows.append(r + start)
            cols.append(c)
            metres.append(block[r, c])
        r, c, m = np.concatenate(rows), np.concatenate(cols), np.concatenate(metres)
        o_idx, t_idx = (c, r) if swap else (r, c)
        return _expand(o_idx, t_idx, m, o_of, t_of, o_off, t_off, limit_m)


def _expand(o_idx, t_idx, metres, o_of, t_of, o_off, t_off, limit_m):
    """Node pairs → point pairs (points sharing a node share its pairs), offsets added."""
    pair, o_points = _members(o_idx, o_of)
    t_node, metres = t_idx[pair], metres[pair]
    pair, t_points = _members(t_node, t_of)
    o_points, metres = o_points[pair], metres[pair] + o_off[o_points[pair]] + t_off[t_points]
    keep = metres <= limit_m
    o_points, t_points, metres = o_points[keep], t_points[keep], metres[keep]
    order = np.lexsort((t_points, o_points))
    return o_points[order], t_points[order], metres[order]


def _members(nodes: np.ndarray, of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every entry of ``nodes`` (indices into the unique nodes) each point on that node:
    (entry index, point index), entry by entry."""
    order = np.argsort(of, kind="stable")
    counts = np.bincount(of, minlength=int(nodes.max()) + 1 if len(nodes) else 0)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]) if len(counts) else counts
    repeat = counts[nodes]
    entry = np.repeat(np.arange(len(nodes)), repeat)
    within = np.arange(int(repeat.sum())) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    return entry, order[starts[nodes][entry] + within]


def _no_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0)
