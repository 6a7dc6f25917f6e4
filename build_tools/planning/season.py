"""Which offers the planning figures count on the report's reference date (its "Stand").

The rule, stated on the overview page and in the method (:func:`.method.season_rule`): an
offer counts when it is not ended, not temporarily closed, and **in season on the reference
date** — the build date (``SOURCE_DATE_EPOCH`` or today) the report is dated with. "In season"
is asked of the evaluator the live status uses (:mod:`build_tools.opening_hours`): the offer is
open on that day or opens within :data:`WINDOW_DAYS` days from it, by its ``season``,
``valid_from``/``valid_until`` and its hours alike; an offer without machine-readable hours
("nach Vereinbarung") counts. A winter offer (``season: 11-01 … 03-31`` or hours like
``Nov-Mar 19:30-23:30``) counts in a December report and not in a June one; a summer drinking
fountain the other way round; an offer held once a month counts in every month.

Coverage, reachability, the time table, need against supply and the key figures all take their
offers from :func:`counted_offers`, so they agree with each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..catalog import Catalog
from ..clock import build_date
from ..opening_hours import BERLIN, Calendar, holiday_dates, status_at
from ..schema import Offer, Status

WINDOW_DAYS = 35
"""An offer counts when it opens within this many days from the reference date: five weeks,
so an offer held once a month ("Sa[1] 10:00-13:00") counts in every month it is held."""
COUNTING_STATES = ("open", "open_end", "unknown")
"""Evaluator states that count at once (``unknown``: in season, no machine-readable hours)."""
WAITING_STATES = ("closed", "season", "upcoming")
"""States whose ``change`` is the next moment the offer may open (a closed offer's next
opening, the start of its season, its first day)."""


@dataclass(frozen=True)
class Counted:
    """The offers the planning figures count, and those the season rule leaves out."""

    offers: list[Offer]
    out_of_season: list[Offer]
    reference: date


def in_season(offer: Offer, day: date, holidays: frozenset[date]) -> bool:
    """True when ``offer`` is open on ``day`` or opens within :data:`WINDOW_DAYS` days from
    00:00 on it (or, in season, has no machine-readable hours); False when paused or ended."""
    calendar = Calendar.of_offer(offer, holidays)
    moment = datetime.combine(day, time(0, 0), BERLIN)
    limit = (day + timedelta(days=WINDOW_DAYS)).toordinal() * 1440  # local minutes, as `change`
    for _ in range(3):  # a season's start, then the hours of that day: a few steps at most
        status = status_at(calendar, moment, holidays)
        if status.state in COUNTING_STATES:
            return True
        if status.state not in WAITING_STATES or status.change is None or status.change >= limit:
            return False
        if status.state == "closed":
            return True  # it opens before the limit
        moment = datetime.combine(date.fromordinal(status.change // 1440), time(0, 0), BERLIN)
    return False


def counted_offers(catalog: Catalog, day: date | None = None, known: Iterable[date] = ()) -> Counted:
    """Active offers in season on ``day`` (default: the catalog's build date). ``known``: public
    holidays the build has (its horizon); looked up only when they miss the years needed."""
    reference = day or catalog.build_date or build_date()
    years = {reference.year, reference.year + 1}
    holidays = frozenset(d for d in known if d.year in years)
    if {d.year for d in holidays} != years:
        holidays = frozenset(holiday_dates(catalog.config.holidays_state, sorted(years)))
    keep: list[Offer] = []
    left: list[Offer] = []
    for offer in catalog.published:
        if offer.status == Status.active:
            (keep if in_season(offer, reference, holidays) else left).append(offer)
    return Counted(keep, left, reference)
