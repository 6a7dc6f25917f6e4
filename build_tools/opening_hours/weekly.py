"""The typical week of a schedule: what a weekly table, JSON-LD and planning show."""

from __future__ import annotations

from .model import Rule, Schedule, TimeSpan

Week = tuple[tuple[TimeSpan, ...] | None, ...]  # per weekday; None = no rule says anything


def weekly_table(schedule: Schedule, rules: tuple[Rule, ...] | None = None) -> Week:
    """Spans per weekday (0 = Monday) from the plain weekly rules, as :mod:`.steps` applies
    them: a rule that names days replaces, an additional rule (``,``) adds, an ``off`` rule with
    times takes them out; fallback rules leave the table alone."""
    days: list[tuple[TimeSpan, ...] | None] = [None] * 7
    dated = False
    for rule in schedule.rules if rules is None else rules:
        if not rule.plain or rule.fallback:
            continue
        for weekday in rule.weekdays or range(7):
            before = days[weekday] or ()
            if rule.meaning == "off" and rule.spans:
                days[weekday] = subtract(before, rule.spans)
            elif rule.meaning == "open" and (rule.additive or (not rule.has_date and dated)):
                days[weekday] = tuple(sorted(set(before) | set(rule.spans)))
            else:
                days[weekday] = rule.spans
        dated = rule.has_date
    return tuple(days)


def subtract(spans: tuple[TimeSpan, ...], cut: tuple[TimeSpan, ...]) -> tuple[TimeSpan, ...]:
    """``spans`` without the times in ``cut``."""
    out = list(spans)
    for piece in cut:
        kept = []
        for span in out:
            if span.end <= piece.start or span.start >= piece.end:
                kept.append(span)
                continue
            if span.start < piece.start:
                kept.append(TimeSpan(span.start, piece.start))
            if span.end > piece.end:
                kept.append(TimeSpan(piece.end, span.end, span.open_end))
        out = kept
    return tuple(sorted(out))


def open_minutes_per_week(schedule: Schedule) -> int:
    """Open minutes in a typical in-season week (months ignored; PH and Mo[1]-style rules too).

    Spans past midnight count in full; ``24/7`` gives 10080.
    """
    seasonal = tuple(
        Rule(rule.weekdays, {}, frozenset(), False, rule.spans, rule.comment, state=rule.state,
             additive=rule.additive, fallback=rule.fallback)
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
