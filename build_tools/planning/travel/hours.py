"""Open spans of an offer on the day analysed, through the public evaluator of
:mod:`build_tools.opening_hours` (``status_at``): what door-to-door times wait for.

A span is (start, end) in minutes after midnight of that day; the day after runs on past 1440,
so a night shelter opening at 22:00 and an evening window's late arrivals meet. Offers without
machine-readable hours ("nach Vereinbarung") are taken as open — the report counts them; an
offer that is out of season, not yet or no longer valid, or paused is closed all day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ...opening_hours import BERLIN, Calendar, status_at

HORIZON = 2 * 1440
"""Spans are followed until the end of the following day."""
ALWAYS = ((0, HORIZON),)
OPEN_STATES = ("open", "open_end")
OPEN_END_STEP = 15
"""Minutes an open end ("18:00+") is taken as open before the evaluator is asked again."""


def open_spans(offer, day: date, holidays: frozenset[date]) -> tuple[tuple[int, int], ...]:
    """(start, end) minutes of every open span of ``offer`` from 00:00 on ``day`` up to
    :data:`HORIZON`; :data:`ALWAYS` for offers without machine-readable hours."""
    calendar = Calendar.of_offer(offer, holidays)
    midnight = datetime.combine(day, time(0, 0), BERLIN)
    base = _absolute(midnight)
    spans: list[tuple[int, int]] = []
    t = 0
    while t < HORIZON:
        status = status_at(calendar, midnight + timedelta(minutes=t), holidays)
        if status.state == "unknown":
            return ALWAYS
        if status.state in OPEN_STATES:
            if status.state == "open_end":  # "18:00+": its end is a guess; look again soon
                end = min(HORIZON, t + OPEN_END_STEP)
            elif status.change is None:  # open for a week without a break
                end = HORIZON
            else:
                end = max(t + 1, min(HORIZON, status.change - base))
            if spans and spans[-1][1] == t:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((t, end))
            t = end
        elif status.state == "closed" and status.change is not None:
            t = max(t + 1, status.change - base)
        else:
            break  # closed for good within the horizon (season, ended, paused, never again)
    return tuple(spans)


def _absolute(moment: datetime) -> int:
    return moment.toordinal() * 1440 + moment.hour * 60 + moment.minute


def served_at(spans: tuple[tuple[int, int], ...], minute: int) -> int | None:
    """When someone at the door at ``minute`` is served: then if open, else at the next opening
    (the wait counts), None when it does not open again within the horizon."""
    for start, end in spans:
        if minute < end:
            return max(minute, start)
    return None
