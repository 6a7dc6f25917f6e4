"""Profile Connection Scan (Dibbelt, Pajor, Strasser, Wagner): for every stop, the earliest
moment one is served at an open offer, for every moment one may leave that stop.

One backward pass over the day's connections (a vehicle leaving one stop and reaching the next)
answers it for all stops at once, which is what a district table needs: thousands of origins,
dozens of departure minutes, one target set (the open offers of a category). RAPTOR would need
one run per origin and minute. Times are whole minutes; ``INF`` means never.

For a connection from ``u`` to ``v`` the traveller can get off at ``v`` and walk to an offer
(the egress function of ``v``), stay on the vehicle (the best value of its trip so far), or
change at ``v`` — to another vehicle at ``v`` after :data:`CHANGE_MIN` or at a stop nearby
after the walk there. The best of the three, if it beats what ``u``'s profile already holds for
later departures, is added to that profile. Profiles are appended in falling departure order,
so each is a list in which both departure and served time fall: evaluating one at a moment is
a binary search.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

INF = 10**9
CHANGE_MIN = 1
"""Minutes to change vehicles at the same stop."""


@dataclass(frozen=True)
class Connections:
    """The day's connections, latest departure first (ties: later in the trip first)."""

    dep_stop: np.ndarray
    arr_stop: np.ndarray
    dep: np.ndarray
    arr: np.ndarray
    trip: np.ndarray
    board: np.ndarray
    """Boarding allowed at the departure stop."""
    alight: np.ndarray
    """Getting off allowed at the arrival stop."""

    def __len__(self) -> int:
        return len(self.dep)


@dataclass
class Egress:
    """Per stop: when one is served when getting off there at minute ``base + k``
    (``table[stop][k]``; None: no open offer within walking distance)."""

    base: int
    tables: list[array | None]

    def served(self, stop: int, minute: int) -> int:
        """Served minute after getting off at ``stop`` at ``minute`` (INF: never)."""
        table = self.tables[stop]
        if table is None:
            return INF
        k = minute - self.base
        return table[k] if 0 <= k < len(table) else INF


@dataclass
class Profiles:
    """Per stop: departures (negated, rising) and the served minute of each."""

    neg_dep: list[list[int]]
    served: list[list[int]]

    def at(self, stop: int, minute: int) -> int:
        """Earliest served minute when at ``stop`` ready to board at ``minute``."""
        deps = self.neg_dep[stop]
        k = bisect_right(deps, -minute) - 1
        return self.served[stop][k] if k >= 0 else INF

    def table(self, stop: int, minutes: np.ndarray) -> np.ndarray:
        """:meth:`at` for many minutes at once."""
        deps = self.neg_dep[stop]
        if not deps:
            return np.full(len(minutes), INF, dtype=np.int64)
        k = np.searchsorted(np.asarray(deps), -minutes, side="right") - 1
        values = np.asarray(self.served[stop], dtype=np.int64)
        return np.where(k >= 0, values[np.maximum(k, 0)], INF)


def scan(connections: Connections, stop_count: int, trip_count: int, egress: Egress,
         transfers: list[list[tuple[int, int]]]) -> Profiles:
    """The profiles of every stop. ``transfers[v]``: (stop, walking minutes) reachable on foot
    from ``v`` for a change (``v`` itself not included: it gets :data:`CHANGE_MIN`)."""
    neg_dep: list[list[int]] = [[] for _ in range(stop_count)]
    served: list[list[int]] = [[] for _ in range(stop_count)]
    trip_best = [INF] * trip_count
    tables = egress.tables
    base = egress.base
    for u, v, dep, arr, trip, board, alight in zip(
            connections.dep_stop.tolist(), connections.arr_stop.tolist(),
            connections.dep.tolist(), connections.arr.tolist(), connections.trip.tolist(),
            connections.board.tolist(), connections.alight.tolist(), strict=True):
        best = trip_best[trip]
        if alight:
            table = tables[v]
            if table is not None:
                k = arr - base
                if 0 <= k < len(table) and table[k] < best:
                    best = table[k]
            deps = neg_dep[v]
            if deps:
                k = bisect_right(deps, -(arr + CHANGE_MIN)) - 1
                if k >= 0 and served[v][k] < best:
                    best = served[v][k]
            for x, walk in transfers[v]:
                deps = neg_dep[x]
                if deps:
                    k = bisect_right(deps, -(arr + walk)) - 1
                    if k >= 0 and served[x][k] < best:
                        best = served[x][k]
        if best >= INF:
            continue
        trip_best[trip] = best
        if not board:
            continue
        deps, values = neg_dep[u], served[u]
        if not values or best < values[-1]:
            if deps and deps[-1] == -dep:
                values[-1] = best
            else:
                deps.append(-dep)
                values.append(best)
    return Profiles(neg_dep, served)
