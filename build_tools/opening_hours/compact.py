"""The compact schedule the build embeds for the browser (read by ``atlas-hours.js``).

One offer becomes ``{"r": rules, "s": season, "f": valid_from, "u": valid_until, "x": status,
"c": closed_until}`` (keys left out when empty/active). Each rule is
``[days, months, ph, nth, spans, flags, dates, weeks]``:

* ``days``   — bit mask of weekdays, bit 0 = Monday (0 = none given)
* ``months`` — bit mask of months, bit 0 = January (0 = every month)
* ``ph``     — 1 when ``PH`` is among the day selectors
* ``nth``    — flat list ``[weekday, k, weekday, k, ...]`` for ``Mo[1]``, ``Fr[-1]``
* ``spans``  — flat list ``[start, end, open_end, ...]`` in minutes, ``end`` may pass 1440,
  ``open_end`` 1 for ``18:00+``
* ``flags``  — meaning (0 off, 1 open, 2 unknown) + 4 additional (``,``) + 8 fallback (``||``)
* ``dates``  — flat list ``[from, until, from_year, until_year, ...]``; from/until as
  ``month * 100 + day``, years 0 when the range recurs every year
* ``weeks``  — ISO week numbers (empty = every week)

A missing or empty ``r`` means "no machine-readable hours" (state ``unknown``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from .evaluate import holiday_dates
from .model import DateRange, HoursError, Rule, Schedule, TimeSpan
from .parser import parse_hours
from .steps import KINDS

HOLIDAY_YEARS = 3  # the build year and the next two


def compact_rule(rule: Rule) -> list[Any]:
    """One rule in the browser's form (see the module docstring)."""
    days = sum(1 << d for d in rule.weekdays)
    months = sum(1 << (m - 1) for m in rule.months)
    nth = [v for d, ks in sorted(rule.nth.items()) for k in sorted(ks) for v in (d, k)]
    spans = [v for s in rule.spans for v in (s.start, s.end, int(s.open_end))]
    flags = KINDS[rule.meaning] + 4 * rule.additive + 8 * rule.fallback
    dates = [v for d in rule.dates for v in (d.start[0] * 100 + d.start[1], d.end[0] * 100 + d.end[1],
                                             *(d.years or (0, 0)))]
    return [days, months, int(rule.holiday), nth, spans, flags, dates, sorted(rule.weeks)]


_MEANING = {v: k for k, v in KINDS.items()}


def schedule_from_compact(compact: dict[str, Any]) -> Schedule:
    """The inverse of the rule part of :func:`compact_schedule` (comments are not carried)."""
    rules = []
    for days, months, ph, nth, spans, flags, dates, weeks in compact.get("r") or ():
        by_day: dict[int, set[int]] = {}
        for weekday, k in zip(nth[::2], nth[1::2], strict=True):
            by_day.setdefault(weekday, set()).add(k)
        ranges = tuple(
            DateRange((a // 100, a % 100), (b // 100, b % 100), (y1, y2) if y1 else None)
            for a, b, y1, y2 in zip(dates[::4], dates[1::4], dates[2::4], dates[3::4], strict=True))
        rules.append(Rule(
            frozenset(d for d in range(7) if days >> d & 1),
            {d: frozenset(ks) for d, ks in by_day.items()},
            frozenset(m for m in range(1, 13) if months >> (m - 1) & 1),
            bool(ph),
            tuple(TimeSpan(a, b, bool(e)) for a, b, e in zip(spans[::3], spans[1::3], spans[2::3], strict=True)),
            None, ranges, frozenset(weeks), _MEANING[flags & 3], bool(flags & 4), bool(flags & 8),
        ))
    return Schedule(tuple(rules))


def compact_schedule(offer: Any, schedule: Schedule | None = None) -> dict[str, Any]:
    """JSON-serialisable live-status input for one offer (holidays live once per page)."""
    if schedule is None and getattr(offer, "opening_hours", None):
        try:
            schedule = parse_hours(offer.opening_hours)
        except HoursError:
            schedule = None
    result: dict[str, Any] = {}
    if schedule is not None and schedule.rules:
        result["r"] = [compact_rule(rule) for rule in schedule.rules]
    season = getattr(offer, "season", None)
    if season:
        result["s"] = [season.from_, season.until]
    if getattr(offer, "valid_from", None):
        result["f"] = offer.valid_from.isoformat()
    if getattr(offer, "valid_until", None):
        result["u"] = offer.valid_until.isoformat()
    status = str(getattr(getattr(offer, "status", None), "value", getattr(offer, "status", "active")))
    if status and status != "active":
        result["x"] = status
    if status == "temporarily_closed" and getattr(offer, "closed_until", None):
        result["c"] = offer.closed_until.isoformat()
    return result


def holiday_horizon(state: str, today: date) -> list[date]:
    """Public holidays of ``today``'s year and the next two, sorted: the one horizon the pages,
    the data and the tests use, so a page built in October stays right for its visitors in the
    following years too."""
    return sorted(holiday_dates(state, range(today.year, today.year + HOLIDAY_YEARS)))


def hours_data(offers: Iterable[Any], holidays: Iterable[date]) -> dict[str, Any]:
    """The content of ``<script type="application/json" id="atlas-hours-data">``.

    Offers without anything to evaluate (active, no hours) are left out: the script shows
    "unknown" for them either way, and a list page stays small.
    """
    schedules = {offer.id: compact_schedule(offer) for offer in sorted(offers, key=lambda o: o.id)}
    return {
        "holidays": sorted(day.isoformat() for day in holidays),
        "offers": {offer_id: data for offer_id, data in schedules.items() if data},
    }
