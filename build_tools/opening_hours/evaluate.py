"""Is an offer open at a moment, and what changes next? The Python twin of ``atlas-hours.js``.

Both evaluators work in Europe/Berlin wall-clock minutes: a moment becomes (local date, minute of
the day); spans are wall-clock times, so "09:00" means 09:00 on both sides of a DST change. How
rules paint a day is :mod:`.steps` (the ``opening_hours`` npm package's semantics); season and
validity decide on which days rules apply, and a span's morning part follows the day it began.

The tests ``tests/opening_hours/test_equivalence.py`` (Python and JavaScript on generated cases)
and ``test_oracle.py`` (both and ``opening_hours`` 3.15.0 on real strings) fail on any difference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .model import DAY, HoursError, Schedule
from .parser import parse_hours
from .steps import CLOSED, OPEN, OPEN_END, Segment, paint_day

BERLIN = ZoneInfo("Europe/Berlin")
HORIZON_DAYS = 370  # how far "öffnet am ..." looks ahead
ALWAYS_DAYS = 7  # open this long without a break counts as "rund um die Uhr"


def holiday_dates(state: str, years: Iterable[int]) -> set[date]:
    """Public holidays of German ``state`` (NW, BY, ...) in ``years``, from ``holidays``."""
    import holidays as holidays_lib  # 0.15 s: it imports all its 250 countries; warm builds need none

    return set(holidays_lib.country_holidays("DE", subdiv=state, years=list(years)))


@dataclass(frozen=True)
class Calendar:
    """Everything live status depends on: the schedule plus the offer's season and validity."""

    schedule: Schedule | None
    holidays: frozenset[date] = frozenset()
    season: tuple[tuple[int, int], tuple[int, int]] | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    status: str = "active"
    closed_until: date | None = None
    """Last day of a temporary closure (``status: temporarily_closed``); after it the hours apply."""
    _days: dict[int, tuple[Segment, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of_offer(cls, offer: Any, holidays: Iterable[date], schedule: Schedule | None = None) -> Calendar:
        """Read ``opening_hours``, ``season``, ``valid_from/until``, ``status`` and
        ``closed_until`` of an offer."""
        if schedule is None and getattr(offer, "opening_hours", None):
            try:
                schedule = parse_hours(offer.opening_hours)
            except HoursError:
                schedule = None
        season = getattr(offer, "season", None)
        status = getattr(offer, "status", "active")
        return cls(
            schedule,
            frozenset(holidays),
            (_month_day(season.from_), _month_day(season.until)) if season else None,
            getattr(offer, "valid_from", None),
            getattr(offer, "valid_until", None),
            str(getattr(status, "value", status)),
            getattr(offer, "closed_until", None),
        )

    def in_season(self, day: date) -> bool:
        if self.season is None:
            return True
        start, end = self.season
        here = (day.month, day.day)
        return start <= here <= end if start <= end else (here >= start or here <= end)

    def active(self, day: date) -> bool:
        """May spans start on ``day``? (valid and in season; status is handled by the caller)."""
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_until and day > self.valid_until:
            return False
        return self.in_season(day)

    def segments(self, number: int) -> tuple[Segment, ...]:
        """Day ``number`` (a date ordinal) as (start, end, kind) pieces covering 00:00–24:00."""
        found = self._days.get(number)
        if found is None:
            if self.schedule is None or not self.schedule.rules:
                found = ((0, DAY, CLOSED),)
            else:
                found = paint_day(self.schedule, number, self.holidays, self.active)
            if len(self._days) > 4096:
                self._days.clear()
            self._days[number] = found
        return found

    def kind_at(self, t: int) -> tuple[int, int]:
        """(kind, end of that piece as an absolute local minute) at absolute local minute ``t``."""
        number, minute = divmod(t, DAY)
        for start, end, kind in self.segments(number):
            if start <= minute < end:
                return kind, number * DAY + end
        raise AssertionError("segments cover the day")  # pragma: no cover


@dataclass(frozen=True)
class HoursStatus:
    """The live state. ``change``: absolute local minute of closing/opening (see ``state``)."""

    state: str  # open, open_end, closed, season, upcoming, ended, paused, unknown
    change: int | None = None  # open: closes; closed: opens; season: new season (00:00)
    now: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Comparable form, the same as ``AtlasHours.status`` returns in JavaScript."""
        return {"state": self.state, "change": _iso(self.change) if self.change is not None else None}


def local_minute(moment: datetime) -> int:
    """Absolute wall-clock minute in Europe/Berlin (day ordinal × 1440 + minute of day)."""
    if moment.tzinfo is None:
        raise ValueError("moment needs a time zone")
    local = moment.astimezone(BERLIN)
    return local.toordinal() * DAY + local.hour * 60 + local.minute


def is_open(schedule: Schedule, moment: datetime, holiday_dates: set[date]) -> bool:
    """Is ``schedule`` open at ``moment`` (aware datetime)?"""
    return Calendar(schedule, frozenset(holiday_dates)).kind_at(local_minute(moment))[0] in (OPEN, OPEN_END)


def status_at(offer: Any, moment: datetime, holiday_dates: Iterable[date],
              schedule: Schedule | None = None) -> HoursStatus:
    """Live status of an offer-like object (or a :class:`Calendar`) at ``moment``."""
    cal = offer if isinstance(offer, Calendar) else Calendar.of_offer(offer, holiday_dates, schedule)
    return evaluate(cal, local_minute(moment))


def evaluate(cal: Calendar, t: int) -> HoursStatus:
    """Status at absolute local minute ``t`` — mirrors ``statusAt`` in ``atlas-hours.js``."""
    today = date.fromordinal(t // DAY)
    if cal.status == "ended":
        return HoursStatus("ended", None, t)
    if cal.status == "temporarily_closed":
        if cal.closed_until is None:
            return HoursStatus("paused", None, t)
        if today <= cal.closed_until:  # change: the closure's last day (00:00)
            return HoursStatus("paused", cal.closed_until.toordinal() * DAY, t)
        # The closure is over: a page built before that day shows the usual hours again.
    if cal.schedule is not None and cal.schedule.rules:
        kind, end = cal.kind_at(t)
        if kind == OPEN:
            return HoursStatus("open", _closing(cal, end, t), t)
        if kind == OPEN_END:
            return HoursStatus("open_end", None, t)
    if cal.valid_until and today > cal.valid_until:
        return HoursStatus("ended", None, t)
    if cal.valid_from and today < cal.valid_from:
        return HoursStatus("upcoming", cal.valid_from.toordinal() * DAY, t)
    if not cal.in_season(today):
        return HoursStatus("season", _season_start(cal, today), t)
    if cal.schedule is None or not cal.schedule.rules:
        return HoursStatus("unknown", None, t)
    return HoursStatus("closed", _next_opening(cal, t), t)


def _closing(cal: Calendar, end: int, t: int) -> int | None:
    while end - t <= ALWAYS_DAYS * DAY:
        kind, later = cal.kind_at(end)
        if kind != OPEN:
            return end
        end = later
    return None


def _next_opening(cal: Calendar, t: int) -> int | None:
    first = t // DAY
    for number in range(first, first + HORIZON_DAYS + 1):
        for start, _end, kind in cal.segments(number):
            if kind in (OPEN, OPEN_END) and number * DAY + start > t:
                return number * DAY + start
    return None


def _season_start(cal: Calendar, today: date) -> int | None:
    assert cal.season is not None
    month, day = cal.season[0]
    for year in range(today.year, today.year + 9):
        try:
            start = date(year, month, day)
        except ValueError:  # 29 February
            continue
        if start > today:
            return start.toordinal() * DAY
    return None


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def _iso(minute: int) -> str:
    day = date.fromordinal(minute // DAY)
    rest = minute % DAY
    return f"{day.isoformat()}T{rest // 60:02d}:{rest % 60:02d}"
