"""Hours as lines of text, for offer pages and flyers alike (German, or English)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import DAY, HoursError, Rule, Schedule, TimeSpan, day_runs
from .parser import parse_hours
from .texts import DAY_ABBR, DAY_NAMES, MONTH_ABBR, clock, lang_of, long_date

_W = {
    "de": {"uhr": " Uhr", "daily": "täglich", "closed": "geschlossen", "always": "rund um die Uhr",
           "ph": "feiertags", "last": "letzter", "of_month": "im Monat", "season": "Saison: {a} bis {b}",
           "from": "Gilt ab {a}", "until": "Gilt bis {b}", "between": "Gilt vom {a} bis {b}"},
    "en": {"uhr": "", "daily": "daily", "closed": "closed", "always": "open 24/7",
           "ph": "public holidays", "last": "last", "of_month": "of the month",
           "season": "Season: {a} to {b}", "from": "From {a}", "until": "Until {b}",
           "between": "From {a} to {b}"},
}
_ORDINAL_EN = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th"}


def describe_hours(text: str, lang: str = "de") -> list[str]:
    """Lines for people: weekly table, then seasonal/monthly/holiday rules, then the comment.

    ``"Mo-Fr 09:00-12:00,14:00-16:00; PH off"`` → ``["Mo–Fr 09:00–12:00 Uhr, 14:00–16:00 Uhr",
    "Feiertags geschlossen"]``. Text that does not parse comes back unchanged (one line).
    """
    try:
        schedule = parse_hours(text)
    except HoursError:
        return [text]
    return describe_schedule(schedule, lang)


def describe_schedule(schedule: Schedule, lang: str = "de") -> list[str]:
    """:func:`describe_hours` for an already parsed schedule."""
    lang = lang_of(lang)
    lines = _weekly_lines(schedule, lang)
    for rule in schedule.rules:
        if not rule.plain:
            lines.append(_rule_line(rule, lang))
    lines = [line[:1].upper() + line[1:] for line in lines]
    if schedule.comment:
        lines.append(schedule.comment)  # as the editor wrote it
    return lines


def describe_offer_hours(offer: Any, lang: str = "de") -> list[str]:
    """Hours lines of an offer plus its season and validity (``hours_note`` is the caller's)."""
    lang = lang_of(lang)
    lines = describe_hours(offer.opening_hours, lang) if offer.opening_hours else []
    season = getattr(offer, "season", None)
    if season:
        a, b = (long_date(date(2000, *map(int, v.split("-"))), lang) for v in (season.from_, season.until))
        lines.append(_W[lang]["season"].format(a=a, b=b))
    start, end = getattr(offer, "valid_from", None), getattr(offer, "valid_until", None)
    if start or end:
        key = "between" if start and end else "from" if start else "until"
        lines.append(_W[lang][key].format(a=start and long_date(start, lang, True),
                                          b=end and long_date(end, lang, True)))
    return lines


def spans_text(spans: tuple[TimeSpan, ...], lang: str) -> str:
    """``09:00–12:00 Uhr, 14:00–16:00 Uhr``; ``rund um die Uhr`` for a whole day."""
    if spans == (TimeSpan(0, DAY),):
        return _W[lang]["always"]
    suffix = _W[lang]["uhr"]
    return ", ".join(f"{clock(s.start)}–{clock(s.end % DAY if s.end != DAY else DAY)}{suffix}" for s in spans)


def days_text(days: list[int], lang: str) -> str:
    """``Mo–Fr``, ``Mo, Mi, Fr``, ``Sa, So``; ``täglich`` for all seven."""
    if len(days) == 7:
        return _W[lang]["daily"]
    names = DAY_ABBR[lang]
    parts = []
    for run in day_runs(days):
        if len(run) >= 3:
            parts.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            parts.extend(names[d] for d in run)
    return ", ".join(parts)


def _weekly_lines(schedule: Schedule, lang: str) -> list[str]:
    per_day: list[tuple[tuple[TimeSpan, ...], str | None] | None] = [None] * 7
    for rule in schedule.rules:
        if rule.plain:
            for weekday in rule.weekdays or range(7):
                per_day[weekday] = (rule.spans, rule.comment)
    groups: dict[tuple, list[int]] = {}
    for weekday, entry in enumerate(per_day):
        if entry is not None:
            groups.setdefault(entry, []).append(weekday)
    lines = []
    for (spans, comment), days in groups.items():
        if spans == (TimeSpan(0, DAY),) and len(days) == 7:
            line = _W[lang]["always"]
        else:
            line = f"{days_text(days, lang)} {spans_text(spans, lang) if spans else _W[lang]['closed']}"
            if not spans and comment:
                line = f"{days_text(days, lang)}: {comment}"
                comment = None
        lines.append(f"{line} ({comment})" if comment else line)
    return lines


def _rule_line(rule: Rule, lang: str) -> str:
    words = _W[lang]
    parts = [days_text(sorted(rule.weekdays), lang)] if rule.weekdays else []
    for weekday, which in sorted(rule.nth.items()):
        parts.append(_nth_text(weekday, sorted(which, key=lambda k: (k < 0, abs(k))), lang))
    if rule.holiday:
        parts.append(words["ph"])
    if not parts and rule.spans and rule.spans != (TimeSpan(0, DAY),):
        parts.append(words["daily"])
    body = spans_text(rule.spans, lang) if rule.spans else rule.comment or words["closed"]
    if not rule.spans and lang == "en" and parts and not rule.comment:
        line = f"{body} on {', '.join(parts)}"
    else:
        line = " ".join([", ".join(parts), body]).strip()
    if rule.months:
        line = f"{_months_text(rule.months, lang)}: {line}"
    if rule.comment and rule.spans:
        line += f" ({rule.comment})"
    return line


def _nth_text(weekday: int, which: list[int], lang: str) -> str:
    """``1. und 3. Mittwoch im Monat``, ``letzter Freitag im Monat``."""
    words = _W[lang]
    heads = []
    for k in which:
        if lang == "de":
            heads.append(words["last"] if k == -1 else f"{k}." if k > 0 else f"{-k}.-letzter")
        else:
            heads.append(words["last"] if k == -1 else _ORDINAL_EN[k] if k > 0 else f"{_ORDINAL_EN[-k]}-to-last")
    joiner = " und " if lang == "de" else " and "
    return f"{joiner.join(heads)} {DAY_NAMES[lang][weekday]} {words['of_month']}"


def _months_text(months: frozenset[int], lang: str) -> str:
    names = MONTH_ABBR[lang]
    if len(months) == 12:
        return "Jan–Dez" if lang == "de" else "Jan–Dec"
    # find the start of a (possibly wrapping) run
    ordered = sorted(months)
    starts = [m for m in ordered if (m - 2) % 12 + 1 not in months]
    parts = []
    for start in starts:
        end = start
        while end % 12 + 1 in months:
            end = end % 12 + 1
        parts.append(names[start - 1] if start == end else f"{names[start - 1]}–{names[end - 1]}")
    return ", ".join(parts)
