"""Seeded generators of (offer, moment) cases for the Python ↔ JavaScript equivalence test."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Moments that break evaluators: DST changes (01:00 UTC on the last Sundays of March and
# October), New Year's Eve, holidays in NW, and their neighbourhoods.
SPECIAL_UTC = [
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC), datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    datetime(2027, 3, 28, 1, 0, tzinfo=UTC), datetime(2027, 10, 31, 1, 0, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 0, tzinfo=UTC), datetime(2027, 12, 31, 23, 0, tzinfo=UTC),
    datetime(2026, 12, 24, 22, 0, tzinfo=UTC), datetime(2026, 5, 1, 6, 0, tzinfo=UTC),
    datetime(2027, 3, 26, 8, 0, tzinfo=UTC), datetime(2026, 6, 4, 10, 0, tzinfo=UTC),
    datetime(2026, 11, 1, 0, 0, tzinfo=UTC), datetime(2027, 2, 28, 23, 0, tzinfo=UTC),
]


@dataclass
class Season:
    from_: str
    until: str


@dataclass
class FakeOffer:
    opening_hours: str | None
    season: Season | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    status: str = "active"
    closed_until: date | None = None


def _time(rng: random.Random) -> int:
    return rng.choice((0, 7, 8, 9, 10, 12, 14, 16, 18, 20, 22, 23)) * 60 + rng.choice((0, 0, 30, 45))


def _spans(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        start = _time(rng)
        end = rng.choice((start + rng.choice((60, 120, 180, 480)), _time(rng), 1440))
        if end % 1440 == start % 1440:
            end = start + 90
        end = end if end <= 1440 else end - 1440
        parts.append(f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}")
    return ",".join(parts)


def _days(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        a, b = rng.randrange(7), rng.randrange(7)
        return f"{DAYS[a]}-{DAYS[b]}" if a != b else DAYS[a]
    if kind < 0.65:
        return ",".join(DAYS[d] for d in sorted(rng.sample(range(7), rng.randint(1, 3))))
    if kind < 0.8:
        day = rng.randrange(7)
        return f"{DAYS[day]}[{rng.choice((1, 2, 3, 4, 5, -1, -2))}]"
    if kind < 0.9:
        return "PH"
    return f"{DAYS[rng.randrange(7)]},PH"


def random_hours(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return "24/7"
    rules = []
    for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
        prefix = ""
        if rng.random() < 0.2:
            a, b = rng.randrange(12), rng.randrange(12)
            prefix = f"{MONTHS[a]}-{MONTHS[b]} " if a != b else f"{MONTHS[a]} "
        selector = _days(rng) + " " if rng.random() < 0.9 else ""
        body = "off" if rng.random() < 0.15 else _spans(rng)
        rules.append(f"{prefix}{selector}{body}")
    return "; ".join(rules)


def random_offer(rng: random.Random) -> FakeOffer:
    offer = FakeOffer(random_hours(rng) if rng.random() < 0.95 else None)
    if rng.random() < 0.2:
        a, b = rng.choice(("11-01", "10-15", "04-01", "12-01", "02-29")), rng.choice(("03-31", "04-30", "10-31", "01-06"))
        offer.season = Season(a, b)
    if rng.random() < 0.15:
        offer.valid_from = date(2026, 1, 1) + timedelta(days=rng.randrange(700))
    if rng.random() < 0.15:
        offer.valid_until = (offer.valid_from or date(2026, 1, 1)) + timedelta(days=rng.randrange(500))
    if rng.random() < 0.05:
        offer.status = rng.choice(("ended", "temporarily_closed"))
    if rng.random() < 0.06:  # a closure with an end: paused until then, the hours after it
        offer.status = "temporarily_closed"
        offer.closed_until = date(2026, 1, 1) + timedelta(days=rng.randrange(730))
    return offer


def random_moment(rng: random.Random) -> datetime:
    if rng.random() < 0.4:
        base = rng.choice(SPECIAL_UTC)
        return base + timedelta(minutes=rng.randrange(-26 * 60, 26 * 60))
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return start + timedelta(minutes=rng.randrange(2 * 365 * 1440))


def cases(count: int, seed: int = 4) -> list[tuple[FakeOffer, datetime]]:
    """``count`` random pairs, plus every special instant ±1 minute for 20 of the offers."""
    rng = random.Random(seed)
    pairs = [(random_offer(rng), random_moment(rng)) for _ in range(count)]
    exact = [
        (offer, instant + timedelta(minutes=delta))
        for offer, _ in pairs[:20]
        for instant in SPECIAL_UTC
        for delta in (-61, -1, 0, 1, 59)
    ]
    return pairs + exact
