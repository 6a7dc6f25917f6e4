"""Words for hours in every catalogue language, and the live-status sentence (as ``atlas-hours.js``)."""

from __future__ import annotations

from datetime import date

from .evaluate import HoursStatus
from .model import DAY


def _hours_words() -> dict[str, dict]:
    from ..i18n import available, catalogue

    return {code: catalogue(code).hours for code in available()}


_HOURS = _hours_words()
"""The hours words of every catalogue (``site_templates/i18n/<code>.yml``, key ``hours``)."""
DAY_ABBR = {code: tuple(h["day_abbr"]) for code, h in _HOURS.items()}
DAY_NAMES = {code: tuple(h["day_names"]) for code, h in _HOURS.items()}
MONTH_ABBR = {code: tuple(h["month_abbr"]) for code, h in _HOURS.items()}
MONTH_NAMES = {code: tuple(h["month_names"]) for code, h in _HOURS.items()}
_WORDS = {code: dict(h["status"]) for code, h in _HOURS.items()}


def lang_of(lang: str) -> str:
    """The catalogue for a page's ``lang`` (``en-GB`` → ``en``); German when there is none."""
    base = lang.lower().split("-")[0]
    return base if base in _HOURS else "de"


def status_words(lang: str) -> dict:
    """The words ``atlas-hours.js`` needs for a language it does not carry itself."""
    lang = lang_of(lang)
    return {**_WORDS[lang], "days": list(DAY_NAMES[lang]), "months": list(MONTH_NAMES[lang]),
            "longDate": _HOURS[lang]["long_date"]}


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def long_date(day: date, lang: str, year: bool = False) -> str:
    """``1. November`` / ``1 November`` (with the year when asked)."""
    lang = lang_of(lang)
    text = _HOURS[lang]["long_date"].format(day=day.day, month=MONTH_NAMES[lang][day.month - 1])
    return f"{text} {day.year}" if year else text


def status_text(status: HoursStatus, lang: str = "de") -> str | None:
    """The sentence the page shows; None for ``unknown`` (the page keeps its static text)."""
    lang = lang_of(lang)
    words = _WORDS[lang]
    if status.state in ("ended", "paused"):
        return words[status.state]
    if status.state == "unknown":
        return None
    if status.state == "open_end":
        return words["open_end"]
    if status.state in ("season", "upcoming"):
        if status.change is None:
            return words["closed"]
        day = date.fromordinal(status.change // DAY)
        return words[status.state].format(date=long_date(day, lang, status.state == "upcoming"))
    head = words["open" if status.state == "open" else "closed"]
    if status.change is None:
        return f"{head} — {words['always']}" if status.state == "open" else head
    verb = words["closes" if status.state == "open" else "opens"]
    return f"{head} — {verb} {_when(status.change, status.now, lang, status.state == 'open')}"


def _when(minute: int, now: int, lang: str, closing: bool) -> str:
    words = _WORDS[lang]
    number = (minute - 1) // DAY if minute % DAY == 0 else minute // DAY  # 24:00 ends the day
    time = clock(minute - number * DAY)
    delta = number - now // DAY
    if delta == 0:  # "schließt um 16:00", but "öffnet heute um 14:00"
        return f"{words['at']} {time}" if closing else f"{words['today']} {words['at']} {time}"
    if delta == 1:
        return f"{words['tomorrow']} {words['at']} {time}"
    day = date.fromordinal(number)
    if delta < 7:
        return f"{DAY_NAMES[lang][day.weekday()]} {words['at']} {time}"
    # a language without a word for "on" before a date (uk, tr) must not get a double space
    return " ".join(x for x in (words["on"], long_date(day, lang), words["at"], time) if x)
