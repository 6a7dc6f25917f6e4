"""Is an offer open at a moment, and what changes next? The Python twin of ``atlas-hours.js``.

Both evaluators work in Europe/Berlin wall-clock minutes: a moment becomes (local date, minute of
the day); spans are wall-clock times, so "09:00" means 09:00 on both sides of a DST change.
A span past midnight belongs to the day it starts on: ``Mo-Su 20:00-08:00; PH off`` is still
open on a holiday morning until 08:00 (the night began the day before) but does not open that
evening. The same holds for season and validity: they decide on which days spans *start*.

The test ``tests/opening_hours/test_equivalence.py`` runs this module and the JavaScript file on
the same generated cases and fails on any difference — change both together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import holidays as holidays_lib

from .model import DAY, HoursError, Schedule, TimeSpan
from .parser import parse_hours

BERLIN = ZoneInfo("Europe/Berlin")
HORIZON_DAYS = 370  # how far "öffnet am ..." looks ahead
ALWAYS_DAYS = 7  # open this long without a break counts as "rund um die Uhr"


def holiday_dates(state: str, years: Iterable[int]) -> set[date]:
    """Public holidays of German ``state`` (NW, BY, ...) in ``years``, from ``holidays``."""
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

    @classmethod
    def of_offer(cls, offer: Any, holidays: Iterable[date], schedule: Schedule | None = None) -> Calendar:
        """Read ``opening_hours``, ``season``, ``valid_from/until`` and ``status`` of an offer."""
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

    def spans(self, day: date) -> tuple[TimeSpan, ...]:
        if self.schedule is None or not self.active(day):
            return ()
        rule = self.schedule.rule_for(day, day in self.holidays)
        return rule.spans if rule else ()

    def covering_end(self, t: int) -> int | None:
        """End (absolute local minute) of a span covering ``t``, the latest one; None if closed."""
        best = None
        today = t // DAY
        for number in (today - 1, today):
            base = number * DAY
            for span in self.spans(date.fromordinal(number)):
                if base + span.start <= t < base + span.end and (best is None or base + span.end > best):
                    best = base + span.end
        return best


@dataclass(frozen=True)
class HoursStatus:
    """The live state. ``change``: absolute local minute of closing/opening (see ``state``)."""

    state: str  # open, closed, season, upcoming, ended, paused, unknown
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
    return Calendar(schedule, frozenset(holiday_dates)).covering_end(local_minute(moment)) is not None


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
        return HoursStatus("paused", None, t)
    if cal.schedule is not None and cal.schedule.rules:
        end = cal.covering_end(t)
        if end is not None:
            return HoursStatus("open", _closing(cal, end, t), t)
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
        later = cal.covering_end(end)
        if later is None:
            return end
        end = later
    return None


def _next_opening(cal: Calendar, t: int) -> int | None:
    first = t // DAY
    for number in range(first, first + HORIZON_DAYS + 1):
        for span in cal.spans(date.fromordinal(number)):
            if number * DAY + span.start > t:
                return number * DAY + span.start
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
