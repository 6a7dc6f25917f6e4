"""schema.org ``openingHoursSpecification`` for an offer page's JSON-LD."""

from __future__ import annotations

from typing import Any

from .model import DAY, HoursError, Schedule, TimeSpan
from .parser import parse_hours
from .weekly import weekly_table

_SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def opening_hours_jsonld(schedule: Schedule | str | dict[str, Any]) -> list[dict]:
    """One ``OpeningHoursSpecification`` per (span, days) of the weekly table, plus holidays.

    Takes a :class:`Schedule`, an ``opening_hours`` string or a compact schedule (dict from
    :func:`~.compact.compact_schedule`); text that does not parse gives ``[]``.

    Rules limited to months or to the n-th weekday have no fixed weekly form and are left out
    (the page text shows them). Past midnight, ``closes`` is earlier than ``opens``; a closed
    day is ``00:00``–``00:00`` (Google's convention), a whole day ``00:00``–``23:59``.
    """
    if isinstance(schedule, dict):
        from .compact import schedule_from_compact

        schedule = schedule_from_compact(schedule)
    elif isinstance(schedule, str):
        try:
            schedule = parse_hours(schedule)
        except HoursError:
            return []
    by_appointment = _comment_only_days(schedule)
    groups: dict[TimeSpan | None, list[int]] = {}
    for weekday, spans in enumerate(weekly_table(schedule)):
        if spans is None or weekday in by_appointment:
            continue
        for span in spans or (None,):
            groups.setdefault(span, []).append(weekday)
    result = [_spec([f"https://schema.org/{_SCHEMA_DAYS[d]}" for d in days], span)
              for span, days in groups.items()]
    holiday = next((r for r in reversed(schedule.rules) if r.holiday and not r.months), None)
    if holiday is not None:
        for span in holiday.spans or (None,):
            result.append(_spec(["https://schema.org/PublicHolidays"], span))
    return result


def _comment_only_days(schedule: Schedule) -> set[int]:
    """Days decided by a rule like ``Sa "nach Vereinbarung"``: not closed, just not fixed."""
    days: dict[int, bool] = {}
    for rule in schedule.rules:
        if rule.plain:
            for weekday in rule.weekdays or range(7):
                days[weekday] = not rule.spans and bool(rule.comment)
    return {weekday for weekday, flag in days.items() if flag}


def _spec(days: list[str], span: TimeSpan | None) -> dict:
    if span is None:
        opens, closes = "00:00", "00:00"
    elif span.start == 0 and span.end >= DAY:
        opens, closes = "00:00", "23:59"
    else:
        opens, closes = _clock(span.start), _clock(span.end % DAY)
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": opens, "closes": closes}


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"
