"""HSDS schedules → an ``opening_hours`` string (where expressible) and notes.

Weekly schedules (``freq: WEEKLY``, plain ``byday``) and n-th weekday schedules
(``freq: MONTHLY``, ``byday: 1MO``) with ``opens_at``/``closes_at`` become OpenStreetMap rules;
for every weekday the spans of all schedules are united, and days with equal spans share one
rule — the same canonical form the exporter writes. Everything else (``bymonthday``,
``count``, descriptions …) becomes ``hours_note`` text or a report entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..exports.hsds_schedules import GERMAN_MONTHS, RRULE_DAYS
from ..opening_hours.model import day_runs
from .tracker import Tracked

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_RE = re.compile(r"Nur (?:im Monat|in den Monaten) (\w{3})(?:–(\w{3}))?\.")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_NTH_RE = re.compile(r"^([+-]?[1-5])(MO|TU|WE|TH|FR|SA|SU)$")
# Sentences the exporter writes for what HSDS cannot hold; read back where they are exact.
_HOLIDAY_CLOSED = "An Feiertagen: geschlossen."
_HOLIDAY_RE = re.compile(r"An Feiertagen: ((?:\d{2}:\d{2}–\d{2}:\d{2} Uhr(?:, )?)+)\.")
_COMMENT_RE = re.compile(r"Hinweis: „([^“”\"]*)“\.")
_GERMAN_DAY = "(?:Mo|Di|Mi|Do|Fr|Sa|So)"
_RULE_COMMENT_RE = re.compile(rf"({_GERMAN_DAY}(?:,{_GERMAN_DAY})*): „([^“”\"]*)“\.")
GERMAN_DAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
_SEASON_RE = re.compile(r"Jedes Jahr vom \d{2}\.\d{2}\. bis \d{2}\.\d{2}\.")
_RAW_RE = re.compile(r"^Öffnungszeiten \(OpenStreetMap-Format\): (.+)$")


@dataclass
class HoursResult:
    """What the schedules say in our terms."""

    opening_hours: str | None = None
    notes: list[str] = field(default_factory=list)
    valid_from: date | None = None
    valid_until: date | None = None


def minutes(text: object) -> int | None:
    """``HH:MM`` or ``HH:MM:SS`` → minutes after midnight; None if not a time."""
    if not isinstance(text, str):
        return None
    match = _TIME_RE.match(text.strip())
    if not match:
        return None
    hours, mins = int(match.group(1)), int(match.group(2))
    if hours > 24 or mins > 59 or (hours == 24 and mins):
        return None
    return hours * 60 + mins


def _fmt(value: int) -> str:
    if value != 1440:
        value %= 1440
    return f"{value // 60:02d}:{value % 60:02d}"


def _day_list(days: list[int]) -> str:
    """``[0,1,2,3,4,6]`` → ``Mo-Fr,Su``."""
    out = []
    for run in day_runs(days):
        if len(run) >= 3:
            out.append(f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}")
        else:
            out.extend(OSM_DAYS[d] for d in run)
    return ",".join(out)


def _spans_text(spans: list[tuple[int, int]]) -> str:
    return ",".join(f"{_fmt(a)}-{_fmt(b)}" for a, b in spans)


def _date(item: Tracked, key: str) -> date | None:
    raw = item.text(key)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        item.unmapped(key, f"kein Datum: {raw!r}")
        return None


def schedules_to_hours(items: list[Tracked]) -> HoursResult:
    """Convert schedules; every field that does not fit is reported on its item."""
    result = HoursResult()
    weekly: dict[int, set[tuple[int, int]]] = {}
    monthly: dict[tuple[int, tuple[int, ...]], set[tuple[int, int]]] = {}
    holiday: str | None = None
    months: str | None = None
    comment: str | None = None
    rule_comments: list[tuple[frozenset[int], str, str]] = []
    raw_hours: str | None = None
    valid: set[tuple[date | None, date | None]] = set()
    for item in items:
        item.ignore("id", "service_id", "location_id", "service_at_location_id")
        span = _span(item)
        days = _days(item) if span else None
        if span and days is not None:
            kind, values = days
            if kind == "weekly":
                for day in values:
                    weekly.setdefault(day, set()).add(span)
            else:
                for day, nths in values.items():
                    monthly.setdefault((day, nths), set()).add(span)
            valid.add((_date(item, "valid_from"), _date(item, "valid_to") or _date(item, "until")))
            for key in ("interval", "wkst"):
                value = item.get(key)
                if key == "interval" and value not in (None, 1):
                    item.unmapped(key, "nur jede Woche/jeden Monat ist darstellbar")
        else:
            # Not a rule we can write: keep its dates and words as a note.
            start, end = _date(item, "valid_from"), _date(item, "valid_to")
            if start or end:
                valid.add((start, end))
            for key in ("freq", "byday", "opens_at", "closes_at"):
                if item.data.get(key) not in (None, ""):
                    item.unmapped(key, "nicht als Öffnungszeit darstellbar (steht in hours_note)")
            parts = [item.data.get(k) for k in ("byday", "opens_at", "closes_at")]
            if any(isinstance(p, str) and p for p in parts) and not item.data.get("description"):
                result.notes.append(" ".join(str(p) for p in parts if p))
        description = item.text("description")
        if description:
            raw = _RAW_RE.match(description)
            if raw:
                raw_hours = raw.group(1)
                description = ""
            if _HOLIDAY_CLOSED in description:
                holiday = "PH off"
                description = description.replace(_HOLIDAY_CLOSED, "")
            match = _HOLIDAY_RE.search(description)
            if match:
                times = [t.replace(" Uhr", "").replace("–", "-") for t in match.group(1).split(", ")]
                holiday = "PH " + ",".join(times)
                description = description.replace(match.group(0), "")
            match = _MONTHS_RE.search(description)
            if match and all(m in GERMAN_MONTHS for m in match.groups() if m):
                first = OSM_MONTHS[GERMAN_MONTHS.index(match.group(1))]
                last = OSM_MONTHS[GERMAN_MONTHS.index(match.group(2))] if match.group(2) else None
                months = f"{first}-{last}" if last else first
                description = description.replace(match.group(0), "")
            for found in _RULE_COMMENT_RE.finditer(description):
                days = frozenset(GERMAN_DAYS.index(d) for d in found.group(1).split(","))
                if (days, found.group(2), found.group(0)) not in rule_comments:
                    rule_comments.append((days, found.group(2), found.group(0)))
            description = _RULE_COMMENT_RE.sub("", description)
            match = _COMMENT_RE.search(description)
            if match:
                comment = f'"{match.group(1)}"'
                description = description.replace(match.group(0), "")
            description = _SEASON_RE.sub("", description).strip()
            if description and description not in result.notes:
                result.notes.append(description)
        note = item.text("notes")
        if note and note not in result.notes:
            result.notes.insert(0, note)
        for key in ("timezone", "dtstart", "count", "byweekno", "bymonthday", "byyearday",
                    "schedule_link", "attending_type", "until"):
            if key in item.used:
                continue
            value = item.get(key)
            if value not in (None, ""):
                item.unmapped(key, "kein Feld im Atlas")
        item.finish()
    weekly_rules, unplaced = _weekly_rules(weekly, rule_comments)
    rules = weekly_rules + _monthly_rules(monthly)
    result.notes += [sentence for sentence in unplaced if sentence not in result.notes]
    if months:
        rules = [f"{months} {rule}" for rule in rules]
    if holiday:
        rules.append(holiday)
    if comment:
        rules.append(comment)
    result.opening_hours = "; ".join(rules) or raw_hours
    if len(valid) == 1:
        result.valid_from, result.valid_until = next(iter(valid))
    elif valid:
        result.notes.append("Unterschiedliche Gültigkeitszeiträume je Zeit: "
                            + ", ".join(f"{a or '…'} bis {b or '…'}" for a, b in sorted(valid, key=str)))
    return result


def _span(item: Tracked) -> tuple[int, int] | None:
    opens, closes = minutes(item.data.get("opens_at")), minutes(item.data.get("closes_at"))
    if opens is None or closes is None:
        return None
    if any(item.data.get(k) not in (None, "") for k in ("bymonthday", "byweekno", "byyearday", "count")):
        return None
    item.ignore("opens_at", "closes_at")
    if closes <= opens:
        closes += 1440
    return opens, closes


def _days(item: Tracked):
    freq = item.data.get("freq")
    byday = item.data.get("byday")
    parts = [p.strip().upper() for p in byday.split(",") if p.strip()] if isinstance(byday, str) else []
    if byday is not None and not isinstance(byday, str):
        return None
    if freq in (None, "WEEKLY") and all(p in RRULE_DAYS for p in parts):
        item.ignore("freq", "byday")
        return "weekly", sorted({RRULE_DAYS.index(p) for p in parts}) if parts else list(range(7))
    if freq == "MONTHLY" and parts and all(_NTH_RE.match(p) for p in parts):
        by_day: dict[int, set[int]] = {}
        for part in parts:
            match = _NTH_RE.match(part)
            assert match
            by_day.setdefault(RRULE_DAYS.index(match.group(2)), set()).add(int(match.group(1)))
        item.ignore("freq", "byday")
        return "monthly", {day: tuple(sorted(n, key=lambda v: (v < 0, abs(v)))) for day, n in by_day.items()}
    return None


def _weekly_rules(weekly: dict[int, set[tuple[int, int]]],
                  comments: list[tuple[frozenset[int], str, str]]) -> tuple[list[str], list[str]]:
    """Weekly rules (days with equal spans together) and comment sentences that fit no rule."""
    groups: dict[tuple, list[int]] = {}
    for day in range(7):
        if weekly.get(day):
            groups.setdefault(tuple(sorted(weekly[day])), []).append(day)
    ordered = sorted(groups.items(), key=lambda kv: kv[1][0])
    rules, placed = [], set()
    for spans, days in ordered:
        rule = f"{_day_list(days)} {_spans_text(list(spans))}"
        for index, (comment_days, comment, _) in enumerate(comments):
            if comment_days == frozenset(days) and index not in placed:
                rule += f' "{comment}"'
                placed.add(index)
                break
        rules.append(rule)
    return rules, [c[2] for i, c in enumerate(comments) if i not in placed]


def _monthly_rules(monthly: dict[tuple[int, tuple[int, ...]], set[tuple[int, int]]]) -> list[str]:
    out = []
    for (day, nths), spans in sorted(monthly.items()):
        out.append(f"{OSM_DAYS[day]}[{','.join(str(n) for n in nths)}] {_spans_text(sorted(spans))}")
    return out
