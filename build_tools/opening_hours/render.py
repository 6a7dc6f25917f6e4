"""Hours as lines of text, for offer pages and flyers alike (German, or English)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from .model import DAY, HoursError, Rule, Schedule, TimeSpan, day_runs
from .parser import parse_hours
from .texts import _HOURS, DAY_ABBR, DAY_NAMES, MONTH_ABBR, clock, lang_of, long_date
from .weekly import weekly_table

_W = {code: dict(words["week"]) for code, words in _HOURS.items()}
_ORDINAL_EN = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th"}


def describe_hours(text: str, lang: str = "de") -> list[str]:
    """Lines for people: weekly table, then seasonal/monthly/holiday rules, then the comment.

    ``"Mo-Fr 09:00-12:00,14:00-16:00; PH off"`` → ``["Mo–Fr 09:00–12:00 Uhr, 14:00–16:00 Uhr",
    "Feiertags geschlossen"]``. Text that does not parse comes back unchanged (one line).
    """
    return list(_described(text, lang))


@lru_cache(maxsize=8192)
def _described(text: str, lang: str) -> tuple[str, ...]:
    # An offer's hours are described on its page, in every list that shows it and on its
    # flyers: 24,000 times for 1,000 offers, 0.5 s of a build, for the same few texts.
    try:
        schedule = parse_hours(text)
    except HoursError:
        return (text,)
    return tuple(describe_schedule(schedule, lang))


def describe_schedule(schedule: Schedule, lang: str = "de") -> list[str]:
    """:func:`describe_hours` for an already parsed schedule."""
    lang = lang_of(lang)
    lines = _weekly_lines(schedule, lang)
    for rule in schedule.rules:
        if not rule.plain or rule.fallback:
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
    return ", ".join(_W[lang]["open_end"].format(a=clock(s.start)) if s.open_end else
                     f"{clock(s.start)}–{clock(s.end % DAY if s.end != DAY else DAY)}{suffix}" for s in spans)


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
    comments: list[str | None] = [None] * 7
    for rule in schedule.rules:
        if rule.plain and not rule.fallback:
            for weekday in rule.weekdays or range(7):
                comments[weekday] = rule.comment if not rule.additive else comments[weekday] or rule.comment
    table = weekly_table(schedule)
    per_day: list[tuple[tuple[TimeSpan, ...], str | None] | None] = [
        None if spans is None else (spans, comments[day]) for day, spans in enumerate(table)]
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
    if not parts and rule.spans and rule.spans != (TimeSpan(0, DAY),) and not (rule.dates or rule.weeks):
        parts.append(words["daily"])
    body = spans_text(rule.spans, lang) if rule.spans else rule.comment or words["closed"]
    if rule.spans and rule.meaning == "off":
        body = words["closed_at"].format(a=body)
    if not rule.spans and lang == "en" and parts and not rule.comment:
        line = f"{body} on {', '.join(parts)}"
    else:
        line = " ".join([", ".join(parts), body]).strip()
    heads = [_months_text(rule.months, lang)] if rule.months else []
    heads += [dates_text(rule.dates, lang)] if rule.dates else []
    heads += [_weeks_text(rule.weeks, lang)] if rule.weeks else []
    if heads:
        line = f"{', '.join(heads)}: {line}"
    if rule.comment and rule.spans:
        line += f" ({rule.comment})"
    if rule.fallback:
        line = f"{words['otherwise']}: {line}"
    return line


def dates_text(dates, lang: str) -> str:
    """``24.–26. Dez``, ``24. Dez, 31. Dez``, ``22. Nov 2025``, ``24. Dez – 1. Jan``."""
    names = MONTH_ABBR[lang]
    dot = "." if lang == "de" else ""
    parts = []
    for found in dates:
        (m1, d1), (m2, d2) = found.start, found.end
        y1, y2 = found.years or (None, None)
        first = f"{d1}{dot} {names[m1 - 1]}" + (f" {y1}" if y1 and y1 != y2 else "")
        last = f"{d2}{dot} {names[m2 - 1]}" + (f" {y2}" if y2 else "")
        if (m1, d1, y1) == (m2, d2, y2):
            parts.append(last)
        elif m1 == m2 and y1 == y2:
            parts.append(f"{d1}{dot}–{last}")
        else:
            parts.append(f"{first} – {last}")
    return ", ".join(parts)


def _weeks_text(weeks: frozenset[int], lang: str) -> str:
    """``KW 1–53, jede 2.``, ``KW 48``, ``KW 1–5, 10``."""
    words = _W[lang]
    ordered = sorted(weeks)
    step = ordered[1] - ordered[0] if len(ordered) > 2 else 1
    if step > 1 and all(b - a == step for a, b in zip(ordered, ordered[1:], strict=False)):
        return f"{words['week']} {ordered[0]}–{ordered[-1]}, {words['every'].format(n=step)}"
    runs = day_runs(ordered)
    return f"{words['week']} " + ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _nth_text(weekday: int, which: list[int], lang: str) -> str:
    """``1. und 3. Mittwoch im Monat``, ``letzter Freitag im Monat``."""
    words = _W[lang]
    heads = []
    for k in which:
        if lang == "de":
            heads.append(words["last"] if k == -1 else f"{k}." if k > 0 else f"{-k}.-letzter")
        else:
            heads.append(words["last"] if k == -1 else _ordinal(k, lang) if k > 0 else f"{_ordinal(-k, lang)}-to-last")
    joiner = {"de": " und ", "en": " and "}.get(lang, ", ")
    return f"{joiner.join(heads)} {DAY_NAMES[lang][weekday]} {words['of_month']}"


def _ordinal(k: int, lang: str) -> str:
    return _ORDINAL_EN[k] if lang == "en" else f"{k}."


def _months_text(months: frozenset[int], lang: str) -> str:
    names = MONTH_ABBR[lang]
    if len(months) == 12:
        return f"{names[0]}–{names[11]}"
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
