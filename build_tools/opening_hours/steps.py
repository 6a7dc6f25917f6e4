"""How rules paint a day — the ``opening_hours`` npm package's semantics, written down once.

:func:`steps` turns a schedule into its internal rules (the browser gets the same list through
:mod:`.compact`); :func:`paint_day` paints one day with them:

* A rule that names days (or follows a rule that names none) and opens, or is a comment rule,
  replaces what earlier rules said about the days it matches. An additional rule (``,``) and an
  ``off`` rule with times (``We 12:00-14:00 off``) change only their own times.
* A span past midnight (``20:00-08:00``) paints its morning part on the next day as an internal
  rule of its own, right after its rule: a later rule for the next day replaces it
  (``Mo-Su 20:00-08:00; PH off`` is closed on a holiday morning).
* A fallback rule (``||``) paints only where nothing before it is open or unknown.
* ``18:00+`` paints :data:`OPEN_END`; comment-only and ``unknown`` rules paint :data:`UNKNOWN`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .model import DAY, Rule, Schedule

CLOSED, OPEN, UNKNOWN, OPEN_END = 0, 1, 2, 3
KINDS = {"off": CLOSED, "open": OPEN, "unknown": UNKNOWN}
Segment = tuple[int, int, int]  # start, end (minutes of one day), kind


@dataclass(frozen=True)
class Step:
    """One internal rule: a rule's own day, or (``wrapped``) the morning after it.

    ``times``: (start, end, open_end) within the day; None = the whole day."""

    rule: Rule
    wrapped: bool
    resets: bool
    fallback: bool
    kind: int
    times: tuple[tuple[int, int, bool], ...] | None


_CACHE: dict[int, tuple[Schedule, tuple[Step, ...]]] = {}


def steps(schedule: Schedule) -> tuple[Step, ...]:
    """The internal rules of ``schedule``, in the order the reference implementation uses."""
    known = _CACHE.get(id(schedule))
    if known is not None and known[0] is schedule:
        return known[1]
    out: list[Step] = []
    dated: list[bool] = []
    for rule in schedule.rules:
        kind = KINDS[rule.meaning]
        times = None
        wrap: list[tuple[int, int, bool]] = []
        if rule.spans:
            times = tuple((s.start, min(s.end, DAY), s.open_end) for s in rule.spans)
            wrap = [(0, s.end - DAY, s.open_end) for s in rule.spans if s.end > DAY]
        resets = (not rule.additive and not rule.fallback and kind in (OPEN, UNKNOWN)
                  and (rule.has_date or (bool(out) and kind == OPEN and not dated[-1])))
        out.append(Step(rule, False, resets, rule.fallback, kind, times))
        dated.append(rule.has_date)
        if wrap:
            out.append(Step(rule, True, False, False, kind, tuple(wrap)))
            dated.append(rule.has_date)
    if len(_CACHE) > 8192:
        _CACHE.clear()
    _CACHE[id(schedule)] = (schedule, tuple(out))
    return tuple(out)


def paint(segments: list[Segment], start: int, end: int, kind: int, only_closed: bool) -> list[Segment]:
    """``segments`` (covering the day) with ``start..end`` set to ``kind`` (only where closed,
    if ``only_closed``); neighbours of the same kind are merged."""
    out: list[Segment] = []
    for a, b, k in segments:
        if b <= start or a >= end or (only_closed and k != CLOSED):
            out.append((a, b, k))
            continue
        if a < start:
            out.append((a, start, k))
        out.append((max(a, start), min(b, end), kind))
        if b > end:
            out.append((end, b, k))
    merged: list[Segment] = []
    for segment in out:
        if merged and merged[-1][2] == segment[2] and merged[-1][1] == segment[0]:
            merged[-1] = (merged[-1][0], segment[1], segment[2])
        elif segment[0] < segment[1]:
            merged.append(segment)
    return merged


def paint_day(schedule: Schedule, number: int, holidays: frozenset[date] | set[date],
              active: Callable[[date], bool]) -> tuple[Segment, ...]:
    """Day ``number`` (a date ordinal) as (start, end, kind) pieces covering 00:00–24:00.

    ``active(day)``: may rules apply on ``day`` (season, validity)? A morning part follows the
    day its span started on."""
    painted: list[Segment] = [(0, DAY, CLOSED)]
    today, yesterday = date.fromordinal(number), date.fromordinal(number - 1)
    matching: list[Step] = []
    for step in steps(schedule):
        day = yesterday if step.wrapped else today
        if active(day) and step.rule.matches(day, day in holidays):
            if step.resets:
                matching = []
            matching.append(step)
    for step in matching:
        for start, end, open_end in step.times or ((0, DAY, False),):
            kind = OPEN_END if open_end and step.kind != CLOSED else step.kind
            painted = paint(painted, start, end, kind, step.fallback)
    return tuple(painted)
