"""Time coverage: when at least one offer of a category is open during the week.

A week is a grid of 7 × 96 quarter-hours built from the parsed opening hours
(:mod:`build_tools.opening_hours`). Rules apply in order; a later rule for the same weekday
replaces the earlier ones (OpenStreetMap semantics) unless it is additive. Rules limited to
some months or to the n-th weekday of a month still count: the offer is open in some weeks.
Public-holiday rules (``PH``) are kept apart and decide whether an offer opens on holidays.
"""

from __future__ import annotations

from dataclasses import dataclass

SLOTS_PER_DAY = 96
DAYS = 7
WEEKDAY_NAMES = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


@dataclass(frozen=True)
class WeekGrid:
    """Open quarter-hours of a week (index day * 96 + slot) and whether holidays are open."""

    slots: frozenset[int]
    holidays: bool

    @property
    def hours(self) -> float:
        """Open hours per week."""
        return len(self.slots) / 4


def week_grid(schedule) -> WeekGrid:
    """The week grid of one parsed schedule (``Schedule.rules`` of the opening-hours parser)."""
    owned: list[list] = [[] for _ in range(DAYS)]  # spans starting on each weekday
    for rule in schedule.rules:
        selected = set(range(DAYS)) if rule.every_day else set(rule.weekdays) | set(rule.nth)
        for day in sorted(selected):
            # A rule for every such weekday replaces what came before; one that holds only in
            # some months or on the n-th weekday adds: the offer is open in some weeks.
            partial = bool(rule.months) or (not rule.every_day and day not in rule.weekdays)
            if partial:
                owned[day].extend(rule.spans)
            else:
                owned[day] = list(rule.spans)
    slots: set[int] = set()
    for day in range(DAYS):
        for span in owned[day]:
            start, end = int(span.start), int(span.end)
            for minute in range(start - start % 15, end, 15):
                target = (day + minute // (24 * 60)) % DAYS
                slots.add(target * SLOTS_PER_DAY + (minute % (24 * 60)) // 15)
    return WeekGrid(frozenset(slots), _open_on_holidays(schedule))


def _open_on_holidays(schedule) -> bool:
    """A ``PH`` rule decides (the last one wins); without one, only an every-day schedule
    ("24/7", "Mo-Su") is taken to include holidays: "Mo-Fr" says nothing about Christmas."""
    holiday_rules = [rule for rule in schedule.rules if rule.holiday]
    if holiday_rules:
        return bool(holiday_rules[-1].spans)
    last_daily = [
        rule for rule in schedule.rules
        if not rule.months and (rule.every_day or len(rule.weekdays) == DAYS)
    ]
    return bool(last_daily and last_daily[-1].spans)


@dataclass(frozen=True)
class TimeCoverage:
    """Time coverage of one category."""

    offers: int
    """Open offers of the category."""
    with_hours: int
    """Of those, offers with machine-readable opening hours (the others cannot be placed)."""
    hours_per_week: float
    """Hours per week at which at least one offer is open."""
    hours_by_day: tuple[float, ...]
    sunday: bool
    holidays: bool
    evening: bool
    """Open at or after ``evening_hour`` on at least one day."""
    latest: str | None
    """Latest closing time over the week, e.g. "20:00" (None when never open)."""

    @property
    def gaps(self) -> list[str]:
        """German names of the gaps: Sonntag, Feiertag, abends."""
        out = []
        if not self.sunday:
            out.append("sonntags")
        if not self.holidays:
            out.append("feiertags")
        if not self.evening:
            out.append("abends")
        return out


def combine(grids: list[WeekGrid], offers: int, evening_hour: int) -> TimeCoverage:
    """Union of the week grids of a category's offers."""
    slots: set[int] = set()
    for grid in grids:
        slots |= grid.slots
    by_day = tuple(
        sum(1 for s in slots if s // SLOTS_PER_DAY == day) / 4 for day in range(DAYS)
    )
    evening_slot = evening_hour * 4
    evening = any(s % SLOTS_PER_DAY >= evening_slot for s in slots)
    return TimeCoverage(
        offers=offers,
        with_hours=len(grids),
        hours_per_week=len(slots) / 4,
        hours_by_day=by_day,
        sunday=by_day[6] > 0,
        holidays=any(g.holidays for g in grids),
        evening=evening,
        latest=latest_closing(slots),
    )


def latest_closing(slots: set[int]) -> str | None:
    """The latest time of day at which an open stretch ends, with the day starting at 06:00
    (so 02:00 is later than 23:00). "rund um die Uhr" when nothing ever closes."""
    if not slots:
        return None
    week = DAYS * SLOTS_PER_DAY
    if len(slots) == week:
        return "rund um die Uhr"
    ends = [((s + 1) % SLOTS_PER_DAY) * 15 for s in slots if (s + 1) % week not in slots]
    minute = max(ends, key=lambda m: (m - 6 * 60) % (24 * 60))
    return f"{minute // 60:02d}:{minute % 60:02d}"
