"""Where the numbered markers of a printed town map go, so that none hides another.

Markers whose places lie closer than a marker's diameter are spread apart: a small group on a
ring around its middle, then nudged until no two touch; a marker that moved keeps a thin leader
line to a dot at its true place; places closer than a dot's width share one dot. No marker
covers a dot, another's or its own (dots are drawn
first: a marker nudged onto one would hide where that offer is, and a marker moved by less than
its size would hide its own leader line). A crowd too big to spread (more than
:data:`SPREAD_MAX`), or one that still overlaps after nudging, becomes one combined badge
listing its numbers.
Everything is plain geometry in map points, in a fixed order: the same input gives the same map.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SPREAD_MAX = 6
"""The largest group spread on a ring; a bigger one becomes a combined badge."""
ROUNDS = 200
"""Nudging rounds; a few dozen are enough for a town's worth of markers."""
DOT = 0.3
LEADER = 1.5
"""Points of leader line left visible between a moved marker and its own dot."""
"""The dot at a moved marker's true place, as a share of the marker's radius."""


@dataclass(frozen=True)
class Spot:
    """One offer's place on the map (map points) with its list number and colour."""

    number: int
    x: float
    y: float
    color: str


@dataclass
class Marker:
    """What is drawn: one numbered circle, or a combined badge listing several numbers."""

    spots: tuple[Spot, ...]
    x: float
    y: float
    half_w: float
    half_h: float
    fixed: bool = False
    """Never moved (an obstacle such as the close-up frame's badge)."""
    text: str = ""
    """A fixed marker's caption."""

    @property
    def combined(self) -> bool:
        """True for a badge that stands for several offers."""
        return len(self.spots) != 1

    @property
    def numbers(self) -> list[int]:
        """The list numbers this marker stands for."""
        return sorted(s.number for s in self.spots)

    @property
    def anchor(self) -> tuple[float, float]:
        """The true place: the spot, or the middle of a combined badge's spots."""
        if not self.spots:
            return self.x, self.y
        return (sum(s.x for s in self.spots) / len(self.spots),
                sum(s.y for s in self.spots) / len(self.spots))

    @property
    def moved(self) -> bool:
        """True when the marker sits visibly away from its true place (a leader line)."""
        ax, ay = self.anchor
        return math.hypot(self.x - ax, self.y - ay) > 0.35 * min(self.half_w, self.half_h)

    def box(self, pad: float = 0.0) -> tuple[float, float, float, float]:
        """Left, bottom, right, top, grown by ``pad``."""
        return (self.x - self.half_w - pad, self.y - self.half_h - pad,
                self.x + self.half_w + pad, self.y + self.half_h + pad)


def number_ranges(numbers: Sequence[int]) -> str:
    """``[4, 5, 6, 9]`` → ``4–6, 9``."""
    parts: list[str] = []
    ordered = sorted(numbers)
    start = prev = ordered[0]
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else
                     f"{start}, {prev}" if prev == start + 1 else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


def _clusters(spots: list[Spot], reach: float) -> list[list[Spot]]:
    """Groups of spots linked by distances below ``reach`` (single linkage), in list order."""
    parent = list(range(len(spots)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(spots):
        for j in range(i + 1, len(spots)):
            b = spots[j]
            if math.hypot(a.x - b.x, a.y - b.y) < reach:
                parent[root(j)] = root(i)
    groups: dict[int, list[Spot]] = {}
    for i, spot in enumerate(spots):
        groups.setdefault(root(i), []).append(spot)
    return sorted(groups.values(), key=lambda g: min(s.number for s in g))


class Placer:
    """Places the markers of one map of ``width`` × ``height`` points."""

    def __init__(self, width: float, height: float, radius: float, gap: float,
                 badge_size: Callable[[str], tuple[float, float]], dot: float | None = None):
        self.width, self.height = width, height
        self.radius, self.gap = radius, gap
        self.dot = DOT * radius if dot is None else dot
        """Radius of the dot at a moved marker's true place; other markers keep clear of it."""
        self.badge_size = badge_size
        """(width, height) of a combined badge showing a text."""

    def place(self, spots: Sequence[Spot], fixed: Sequence[Marker] = ()) -> list[Marker]:
        """Markers for the spots, none overlapping another or a fixed marker."""
        ordered = self._snapped(sorted(spots, key=lambda s: s.number))
        markers: list[Marker] = []
        for group in _clusters(ordered, 2 * self.radius + self.gap):
            if len(group) > SPREAD_MAX:
                markers.append(self._badge(group))
            else:
                markers += self._ring(group)
        while True:
            self._nudge(markers, list(fixed))
            clash = self._first_clash(markers, list(fixed))
            if clash is None:
                return markers
            a, b = clash
            merged = self._badge([*a.spots, *b.spots])
            markers = [m for m in markers if m is not a and m is not b] + [merged]
            markers.sort(key=lambda m: m.numbers[0])

    def _snapped(self, spots: list[Spot]) -> list[Spot]:
        """Places closer than a dot's width share one place, their middle: at this scale they
        are one place anyway, and two dots half on top of each other read as a smudge. The
        closest two merge first, again and again, so a merged place is weighed by its spots."""
        reach = 2 * self.dot
        places = [[s.x, s.y, [s]] for s in spots]
        while True:
            pairs = [(math.hypot(a[0] - b[0], a[1] - b[1]), i, j)
                     for i, a in enumerate(places) for j, b in enumerate(places[i + 1:], i + 1)]
            close = min((p for p in pairs if p[0] < reach), default=None)
            if close is None:
                break
            _, i, j = close
            (ax, ay, a_spots), (bx, by, b_spots) = places[i], places[j]
            na, nb = len(a_spots), len(b_spots)
            places[i] = [(ax * na + bx * nb) / (na + nb), (ay * na + by * nb) / (na + nb),
                         a_spots + b_spots]
            del places[j]
        out = [Spot(s.number, x, y, s.color) for x, y, group in places for s in group]
        return sorted(out, key=lambda s: s.number)

    def _single(self, spot: Spot, x: float, y: float) -> Marker:
        return Marker((spot,), x, y, self.radius, self.radius)

    def _badge(self, spots: list[Spot]) -> Marker:
        spots = sorted(spots, key=lambda s: s.number)
        w, h = self.badge_size(number_ranges([s.number for s in spots]))
        cx = sum(s.x for s in spots) / len(spots)
        cy = sum(s.y for s in spots) / len(spots)
        return Marker(tuple(spots), cx, cy, w / 2, h / 2)

    def _ring(self, group: list[Spot]) -> list[Marker]:
        if len(group) == 1:
            return [self._single(group[0], group[0].x, group[0].y)]
        n = len(group)
        cx = sum(s.x for s in group) / n
        cy = sum(s.y for s in group) / n
        # Far enough that neighbours on the ring do not touch and none covers the dot in the
        # middle (two markers from one house would otherwise hide half of it each).
        ring = max((self.radius + self.gap / 2) / math.sin(math.pi / n),
                   self.radius + self.dot + self.gap / 2)

        def angle(s: Spot) -> float:
            if math.hypot(s.x - cx, s.y - cy) < 1e-6:
                return math.pi / 2
            return math.atan2(s.y - cy, s.x - cx)

        members = sorted(group, key=lambda s: (angle(s), s.number))
        start = angle(members[0])
        return [self._single(s, cx + ring * math.cos(start + 2 * math.pi * k / n),
                             cy + ring * math.sin(start + 2 * math.pi * k / n))
                for k, s in enumerate(members)]

    def _clear(self, a: Marker, b: Marker) -> tuple[float, float]:
        """How far apart (x, y) two markers must be, gap included."""
        return a.half_w + b.half_w + self.gap, a.half_h + b.half_h + self.gap

    def _overlap(self, a: Marker, b: Marker) -> bool:
        need_x, need_y = self._clear(a, b)
        if a.combined or b.combined or a.fixed or b.fixed:  # boxes
            return abs(a.x - b.x) < need_x - 1e-6 and abs(a.y - b.y) < need_y - 1e-6
        return math.hypot(a.x - b.x, a.y - b.y) < need_x - 1e-6  # two circles

    def _nudge(self, markers: list[Marker], fixed: list[Marker]) -> None:
        for _ in range(ROUNDS):
            moved = False
            for i, a in enumerate(markers):
                for b in [*markers[i + 1:], *fixed]:
                    if self._overlap(a, b):
                        self._push(a, b, i)
                        moved = True
            for a in markers:
                for dot in self._dots_under(a, markers):
                    self._push_off(a, dot)
                    moved = True
            for m in markers:
                m.x = min(max(m.x, m.half_w), self.width - m.half_w)
                m.y = min(max(m.y, m.half_h), self.height - m.half_h)
            if not moved:
                return

    def _push(self, a: Marker, b: Marker, index: int) -> None:
        """Move ``a`` and ``b`` apart just enough (``a`` alone when ``b`` is fixed)."""
        dx, dy = a.x - b.x, a.y - b.y
        if math.hypot(dx, dy) < 1e-6:  # the same place: part along a direction fixed by order
            dx, dy = math.cos(index * 2.4) * 1e-3, math.sin(index * 2.4) * 1e-3
        need_x, need_y = self._clear(a, b)
        if a.combined or b.combined or a.fixed or b.fixed:  # boxes: along the shallower axis
            over_x, over_y = need_x - abs(dx), need_y - abs(dy)
            if over_x < over_y:
                mx, my = math.copysign(over_x + 0.05, dx), 0.0
            else:
                mx, my = 0.0, math.copysign(over_y + 0.05, dy)
        else:
            distance = math.hypot(dx, dy)
            step = need_x - distance + 0.05
            mx, my = step * dx / distance, step * dy / distance
        if b.fixed:
            a.x, a.y = a.x + mx, a.y + my
            return
        a.x, a.y = a.x + mx / 2, a.y + my / 2
        b.x, b.y = b.x - mx / 2, b.y - my / 2

    def _dots_under(self, a: Marker, markers: list[Marker]) -> list[Marker]:
        """The markers whose true place ``a`` covers, dot and gap included: others' that
        moved, and its own when it moved, but not far enough to show its leader line."""
        found = []
        for b in markers:
            if not b.moved:
                continue  # a marker in its place covers its own place; ``a`` keeps clear of it
            reach = self._reach(a, b)
            bx, by = b.anchor
            if a.combined:
                if abs(a.x - bx) < a.half_w + reach and abs(a.y - by) < a.half_h + reach:
                    found.append(b)
            elif math.hypot(a.x - bx, a.y - by) < a.half_w + reach - 1e-6:
                found.append(b)
        return found

    def _reach(self, a: Marker, b: Marker) -> float:
        """How far ``a``'s edge keeps from ``b``'s true place: the dot and half a gap, and
        for its own dot a piece of leader line as well, so the two read as one."""
        return self.dot + self.gap / 2 + (LEADER if a is b else 0.0)

    def _push_off(self, a: Marker, b: Marker) -> None:
        """Move ``a`` just off ``b``'s dot (a dot never moves: it marks the true place)."""
        bx, by = b.anchor
        dx, dy = a.x - bx, a.y - by
        distance = math.hypot(dx, dy)
        if distance < 1e-6:  # right on it: away along a direction fixed by the numbers
            turn = (a.numbers[0] * 7 + b.numbers[0]) * 2.4
            dx, dy, distance = math.cos(turn), math.sin(turn), 1.0
        reach = self._reach(a, b)
        if a.combined:
            over_x, over_y = a.half_w + reach - abs(dx), a.half_h + reach - abs(dy)
            if over_x < over_y:
                a.x += math.copysign(over_x + 0.05, dx)
            else:
                a.y += math.copysign(over_y + 0.05, dy)
            return
        step = a.half_w + reach - distance + 0.05
        a.x, a.y = a.x + step * dx / distance, a.y + step * dy / distance

    def _first_clash(self, markers: list[Marker], fixed: list[Marker]
                     ) -> tuple[Marker, Marker] | None:
        for i, a in enumerate(markers):
            for b in markers[i + 1:]:
                if self._overlap(a, b):
                    return a, b
            under = [b for b in self._dots_under(a, markers) if b is not a]
            if under:  # still on another's dot after nudging: one badge for both
                return a, under[0]
            for b in fixed:
                if self._overlap(a, b):  # cannot move away (a crowded corner): merge with
                    others = [m for m in markers if m is not a]  # its nearest neighbour
                    if not others:
                        return None
                    near = min(others, key=lambda m: math.hypot(m.x - a.x, m.y - a.y))
                    return a, near
        return None
