"""The parsed form of an ``opening_hours`` string: a :class:`Schedule` of :class:`Rule` objects.

Other stages (planning, HSDS export, rendering, the browser's compact schedule) read these
fields directly, so their meaning is part of the interface:

* ``Rule.weekdays`` — 0 = Monday … 6 = Sunday.
* ``Rule.nth`` — ``{weekday: {1, -1}}`` for ``Mo[1]`` (first Monday) and ``Fr[-1]`` (last Friday).
* ``Rule.holiday`` — ``PH`` was among the day selectors.
* A rule matches a day when its months match (empty = all) and one of its day selectors
  (weekdays, nth, holiday) matches; with no day selector at all it matches every day.
* ``Rule.spans`` — empty means closed (``off``). Minutes from midnight; ``end`` may pass 1440
  for a span into the next morning (``20:00-08:00`` → ``TimeSpan(1200, 1920)``).
* ``Rule.dates`` — day-precision dates (``Dec 24-26``, ``2025 Nov 22``), ``Rule.weeks`` — ISO
  week numbers (``week 1-53/2``); both narrow the rule like ``months``.
* ``Rule.state`` — ``open``, ``off`` (with spans: closed during them) or ``unknown`` (a comment
  rule such as ``Sa "nach Vereinbarung"``); ``""`` derives it: open with spans, off without.
* ``Rule.additive`` — joined to the rule before by ``,`` (adds, does not replace);
  ``Rule.fallback`` — after ``||`` (applies where nothing before it is open).
* ``TimeSpan.open_end`` — ``18:00+``: the end is a guess (:func:`open_end_guess`).
* Rules are in source order; for each day the **last** matching rule decides (OSM semantics,
  exactly as :mod:`.evaluate` and the ``opening_hours`` npm package apply them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DAY = 1440
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class HoursError(Exception):
    """A problem inside an opening_hours string, at ``offset`` (0-based index into the text)."""

    offset: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return self.message + (f" ({self.hint})" if self.hint else "")


@dataclass(frozen=True, order=True)
class TimeSpan:
    """Open from ``start`` until ``end`` (exclusive), minutes after the day's midnight."""

    start: int
    end: int
    open_end: bool = False

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, order=True)
class DateRange:
    """From ``start`` to ``end`` inclusive, each (month, day); ``years`` make it one stretch
    of real dates (``2024 Oct 07-2026 Jun 01``), without them it recurs every year and may
    wrap over New Year (``Dec 24-Jan 01``)."""

    start: tuple[int, int]
    end: tuple[int, int]
    years: tuple[int, int] | None = None

    def matches(self, day: date) -> bool:
        """Is ``day`` inside the range?"""
        if self.years is not None:
            here = (day.year, day.month, day.day)
            return (self.years[0], *self.start) <= here <= (self.years[1], *self.end)
        here = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= here <= self.end
        return here >= self.start or here <= self.end


def open_end_guess(start: int) -> int:
    """Where ``HH:MM+`` is taken to end — the ``opening_hours`` npm package's rule: from 22:00
    eight hours, from 17:00 ten hours, earlier until midnight."""
    if start >= 22 * 60:
        return start + 8 * 60
    if start >= 17 * 60:
        return start + 10 * 60
    return DAY


@dataclass(frozen=True)
class Rule:
    """One ``;``-separated rule: selectors, then times (or ``off``), then an optional comment."""

    weekdays: frozenset[int] = frozenset()
    nth: dict[int, frozenset[int]] = field(default_factory=dict, hash=False)
    months: frozenset[int] = frozenset()
    holiday: bool = False
    spans: tuple[TimeSpan, ...] = ()
    comment: str | None = None
    dates: tuple[DateRange, ...] = ()
    weeks: frozenset[int] = frozenset()
    state: str = ""
    additive: bool = False
    fallback: bool = False

    @property
    def meaning(self) -> str:
        """``open``, ``off`` or ``unknown`` (see the module docstring)."""
        return self.state or ("open" if self.spans else "off")

    @property
    def every_day(self) -> bool:
        """True when the rule has no day selector (it applies to every day of its months)."""
        return not self.weekdays and not self.nth and not self.holiday

    @property
    def has_date(self) -> bool:
        """True when the rule names any day, month, date or week (OSM: a "date selector")."""
        return not self.every_day or bool(self.months or self.dates or self.weeks)

    @property
    def plain(self) -> bool:
        """A weekly rule: no months, dates, weeks, n-th weekday or holidays (fits a weekly table)."""
        return not (self.months or self.nth or self.holiday or self.dates or self.weeks)

    def matches(self, day: date, is_holiday: bool) -> bool:
        """Does this rule apply to ``day``?"""
        if self.months and day.month not in self.months:
            return False
        if self.dates and not any(d.matches(day) for d in self.dates):
            return False
        if self.weeks and day.isocalendar()[1] not in self.weeks:
            return False
        if self.every_day:
            return True
        weekday = day.weekday()
        if weekday in self.weekdays or (self.holiday and is_holiday):
            return True
        wanted = self.nth.get(weekday)
        return bool(wanted) and bool(nth_of(day) & wanted)


@dataclass(frozen=True)
class Schedule:
    """A whole ``opening_hours`` value: rules in order and a comment that stands on its own."""

    rules: tuple[Rule, ...] = ()
    comment: str | None = None

    def rule_for(self, day: date, is_holiday: bool) -> Rule | None:
        """The rule that decides ``day`` (the last matching one), or None (closed)."""
        found = None
        for rule in self.rules:
            if rule.matches(day, is_holiday):
                found = rule
        return found


def nth_of(day: date) -> frozenset[int]:
    """Which occurrences of its weekday in the month ``day`` is: e.g. {1, -4} or {5, -1}."""
    first = (day.day - 1) // 7 + 1
    days_in_month = _days_in_month(day.year, day.month)
    last = -((days_in_month - day.day) // 7 + 1)
    return frozenset((first, last))


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def day_runs(days) -> list[list[int]]:
    """Weekday numbers grouped into runs of consecutive days: ``[0,1,2,4]`` → ``[[0,1,2],[4]]``."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs
