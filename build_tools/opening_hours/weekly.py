"""The typical week of a schedule: what a weekly table, JSON-LD and planning show."""

from __future__ import annotations

from .model import Rule, Schedule, TimeSpan

Week = tuple[tuple[TimeSpan, ...] | None, ...]  # per weekday; None = no rule says anything


def weekly_table(schedule: Schedule, rules: tuple[Rule, ...] | None = None) -> Week:
    """Spans per weekday (0 = Monday) from the plain weekly rules, the last rule winning."""
    days: list[tuple[TimeSpan, ...] | None] = [None] * 7
    for rule in schedule.rules if rules is None else rules:
        if not rule.plain:
            continue
        for weekday in rule.weekdays or range(7):
            days[weekday] = rule.spans
    return tuple(days)


def open_minutes_per_week(schedule: Schedule) -> int:
    """Open minutes in a typical in-season week (months ignored; PH and Mo[1]-style rules too).

    Spans past midnight count in full; ``24/7`` gives 10080.
    """
    seasonal = tuple(
        Rule(rule.weekdays, {}, frozenset(), False, rule.spans, rule.comment)
        for rule in schedule.rules
        if rule.weekdays or rule.every_day
    )
    total = 0
    for spans in weekly_table(schedule, seasonal):
        total += _merged_minutes(spans or ())
    return min(total, 7 * 1440)


def _merged_minutes(spans: tuple[TimeSpan, ...]) -> int:
    total, reach = 0, -1
    for span in sorted(spans):
        start = max(span.start, reach)
        if span.end > start:
            total += span.end - start
            reach = span.end
    return total
