"""Opening hours → HSDS 3.0 schedules (iCal RRULE fields).

What HSDS can say: weekly days with opening and closing time (``freq: WEEKLY``,
``byday: MO,TU``), n-th weekdays of a month (``freq: MONTHLY``, ``byday: 1MO,-1FR``) and a
validity window (``valid_from``/``valid_to``). What it cannot (public holidays, comments, month
selectors that are not one window, the yearly season as a rule) goes into ``description`` in
German; ``hours_note`` goes into ``notes``. Times are local time in Europe/Berlin; HSDS's
``timezone`` is a fixed numeric offset and would be wrong half the year, so it is left out.

For every weekday the *last* matching plain rule decides (OpenStreetMap semantics); days
with the same spans share one schedule per span. The output is canonical, so the importer's
string gives the same schedules again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from .. import opening_hours
from ..opening_hours.model import Schedule
from ..opening_hours.render import _rule_line
from ..opening_hours.weekly import weekly_table
from ..schema import Offer
from .ids import hsds_id

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
GERMAN_DAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
GERMAN_MONTHS = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


def hhmm(minutes: int) -> str:
    """Minutes after midnight as ``HH:MM`` (``24:00`` for the end of the day; past midnight
    wraps to the next morning)."""
    if minutes != 1440:
        minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _spans_text(spans) -> str:
    if not spans:
        return "geschlossen"
    return ", ".join(f"{hhmm(s.start)}–{hhmm(s.end)} Uhr" for s in spans)


@dataclass
class _Plan:
    weekly: dict[int, tuple] = field(default_factory=dict)
    monthly: list[tuple[str, tuple]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    window: tuple[date, date] | None = None


def _month_window(months: frozenset[int], today: date) -> tuple[date, date] | None:
    """The current or next stretch of consecutive ``months`` as dates; None if not one stretch."""
    if not months or len(months) == 12:
        return None
    starts = [m for m in months if ((m - 2) % 12) + 1 not in months]
    if len(starts) != 1:
        return None
    first, length = starts[0], len(months)
    for year in (today.year - 1, today.year, today.year + 1):
        begin = date(year, first, 1)
        after = first - 1 + length  # months after January of ``year`` where the stretch ends
        end = date(year + after // 12, after % 12 + 1, 1) - timedelta(days=1)
        if end >= today:
            return begin, end
    return None


def months_sentence(months: frozenset[int]) -> str:
    """The German sentence for a single stretch of months (read back by the importer)."""
    starts = [m for m in months if ((m - 2) % 12) + 1 not in months]
    first = starts[0]
    last = (first - 1 + len(months) - 1) % 12 + 1
    if first == last:
        return f"Nur im Monat {GERMAN_MONTHS[first - 1]}."
    return f"Nur in den Monaten {GERMAN_MONTHS[first - 1]}–{GERMAN_MONTHS[last - 1]}."


def parse_schedule(text: str) -> Any:
    """The parsed schedule of an opening_hours string, or None when it does not parse."""
    try:
        return opening_hours.parse_hours(text)
    except opening_hours.HoursError:
        return None


def _plan(text: str, today: date) -> _Plan | None:
    schedule = parse_schedule(text)
    rules = getattr(schedule, "rules", None)
    if rules is None:
        return None  # unparsable (atlas check refuses it) or no parser: describe the text only
    plan = _Plan()
    month_sets = {r.months for r in rules}
    shared = next(iter(month_sets)) if len(month_sets) == 1 else frozenset()
    if shared:
        plan.window = _month_window(shared, today)
        if plan.window:
            plan.notes.append(months_sentence(shared))
    weekly: list = []
    for rule in rules:
        if rule.dates or rule.weeks or rule.fallback:
            # One-off dates, week numbers and fallbacks have no RRULE form here: in words.
            plan.notes.append(f"{_rule_line(rule, 'de')}.")
            continue
        if rule.months and (plan.window is None or rule.months != shared):
            names = ", ".join(GERMAN_MONTHS[m - 1] for m in sorted(rule.months))
            plan.notes.append(f"In den Monaten {names}: {_rule_text(rule)}.")
            continue
        if rule.weekdays or rule.every_day:
            weekly.append(replace(rule, months=frozenset(), nth={}, holiday=False))
        for day, nths in sorted(rule.nth.items()):
            byday = ",".join(f"{n}{RRULE_DAYS[day]}" for n in sorted(nths, key=lambda n: (n < 0, abs(n))))
            plan.monthly.append((byday, tuple(rule.spans)))
        if rule.holiday:
            plan.notes.append(f"An Feiertagen: {_spans_text(rule.spans)}.")
        if rule.comment:
            days = ",".join(GERMAN_DAYS[d] for d in sorted(rule.weekdays)) or "Hinweis"
            plan.notes.append(f"{days}: „{rule.comment}“.")
    for day, spans in enumerate(weekly_table(Schedule(tuple(weekly)))):
        if spans is not None:
            plan.weekly[day] = tuple(s for s in spans if not s.open_end)
            for span in (s for s in spans if s.open_end):
                plan.notes.append(f"{GERMAN_DAYS[day]}: ab {hhmm(span.start)} Uhr (Ende offen).")
    if getattr(schedule, "comment", None):
        plan.notes.append(f"Hinweis: „{schedule.comment}“.")
    return plan


def _rule_text(rule) -> str:
    days = ",".join(GERMAN_DAYS[d] for d in sorted(rule.weekdays)) or "täglich"
    return f"{days} {_spans_text(rule.spans)}"


def _season_window(offer: Offer, today: date) -> tuple[date, date] | None:
    if offer.season is None:
        return None
    fm, fd = (int(x) for x in offer.season.from_.split("-"))
    um, ud = (int(x) for x in offer.season.until.split("-"))
    for year in (today.year - 1, today.year, today.year + 1):
        begin = _safe_date(year, fm, fd)
        end = _safe_date(year + (1 if (um, ud) < (fm, fd) else 0), um, ud)
        if end >= today:
            return begin, end
    return None


def _safe_date(year: int, month: int, day: int) -> date:
    if month == 2 and day == 29:
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return date(year, month, day)


def _validity(offer: Offer, window: tuple[date, date] | None, today: date) -> tuple[date | None, date | None]:
    start, end = offer.valid_from, offer.valid_until
    for win in (_season_window(offer, today), window):
        if win:
            start = max(start, win[0]) if start else win[0]
            end = min(end, win[1]) if end else win[1]
    return start, end


def hsds_schedules(offer: Offer, today: date) -> list[dict[str, Any]]:
    """The HSDS schedules of one offer (empty when it says nothing about time)."""
    plan = _plan(offer.opening_hours, today) if offer.opening_hours else None
    notes: list[str] = []
    if offer.opening_hours and plan is None:
        notes.append(f"Öffnungszeiten (OpenStreetMap-Format): {offer.opening_hours}")
    if plan:
        notes += plan.notes
    if offer.season:
        f, u = offer.season.from_.split("-"), offer.season.until.split("-")
        notes.append(f"Jedes Jahr vom {f[1]}.{f[0]}. bis {u[1]}.{u[0]}.")
    start, end = _validity(offer, plan.window if plan else None, today)
    common: dict[str, Any] = {}
    if start:
        common["valid_from"] = start.isoformat()
    if end:
        common["valid_to"] = end.isoformat()
    if notes:
        common["description"] = " ".join(notes)
    if offer.hours_note:
        common["notes"] = offer.hours_note
    out: list[dict[str, Any]] = []
    service_id = hsds_id("service", offer.id or "")
    if plan:
        groups: dict[tuple, list[int]] = {}
        for day in range(7):
            spans = plan.weekly.get(day)
            if spans:
                groups.setdefault(spans, []).append(day)
        rows = [(days[0], ",".join(RRULE_DAYS[d] for d in days), "WEEKLY", spans)
                for spans, days in groups.items()]
        rows += [(7, byday, "MONTHLY", spans) for byday, spans in plan.monthly if spans]
        for _, byday, freq, spans in sorted(rows, key=lambda r: (r[0], r[3], r[1])):
            for span in spans:
                opens, closes = hhmm(span.start), hhmm(span.end)
                item = {
                    "id": hsds_id("schedule", offer.id or "", freq, byday, opens, closes),
                    "service_id": service_id,
                    "freq": freq,
                    "byday": byday,
                    "opens_at": opens,
                    "closes_at": closes,
                }
                item.update(common)
                out.append(item)
    if not out and common:
        out.append({"id": hsds_id("schedule", offer.id or "", "note"), "service_id": service_id, **common})
    return out
