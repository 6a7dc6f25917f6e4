"""Opening hours in OpenStreetMap syntax: the subset help offers need.

* :func:`parse_hours` — text → :class:`Schedule`, or :class:`HoursError` (offset, message, hint).
* :func:`describe_hours` — German/English lines for pages and flyers.
* :func:`is_open`, :func:`status_at`, :func:`status_text`, :func:`open_minutes_per_week`,
  :func:`holiday_dates`.
* :func:`compact_schedule`, :func:`hours_data`, :func:`holiday_horizon` — what the browser evaluates
  (``site_templates/assets/javascripts/atlas-hours.js`` mirrors :mod:`.evaluate`).
* :func:`opening_hours_jsonld` — schema.org ``openingHoursSpecification``.

The grammar is in :mod:`.parser` and, for editors, in ``docs/opening-hours.md``.
"""

from __future__ import annotations

from .compact import compact_schedule, holiday_horizon, hours_data
from .evaluate import BERLIN, Calendar, HoursStatus, holiday_dates, is_open, status_at
from .jsonld import opening_hours_jsonld
from .model import HoursError, Rule, Schedule, TimeSpan
from .parser import parse_hours
from .render import describe_hours, describe_offer_hours, describe_schedule
from .texts import status_text
from .weekly import open_minutes_per_week, weekly_table

__all__ = [
    "BERLIN", "Calendar", "HoursError", "HoursStatus", "Rule", "Schedule", "TimeSpan",
    "compact_schedule", "describe_hours", "describe_offer_hours", "describe_schedule",
    "holiday_dates", "holiday_horizon", "hours_data", "is_open", "opening_hours_jsonld", "open_minutes_per_week",
    "parse_hours", "status_at", "status_text", "weekly_table",
]
