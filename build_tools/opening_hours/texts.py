"""Words for hours in German and English, and the live-status sentence (as ``atlas-hours.js``)."""

from __future__ import annotations

from datetime import date

from .evaluate import HoursStatus
from .model import DAY

DAY_ABBR = {
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
DAY_NAMES = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_ABBR = {
    "de": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
MONTH_NAMES = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
_WORDS = {
    "de": {"open": "Jetzt geöffnet", "closed": "Geschlossen", "closes": "schließt",
           "opens": "öffnet", "today": "heute", "tomorrow": "morgen", "at": "um", "on": "am",
           "always": "rund um die Uhr", "season": "Saisonangebot — wieder ab {date}",
           "upcoming": "Startet am {date}", "ended": "Beendet", "paused": "Vorübergehend geschlossen",
           "paused_until": "Vorübergehend geschlossen bis {date}",
           "open_end": "Jetzt geöffnet — Ende offen", "from": "ab"},
    "en": {"open": "Open now", "closed": "Closed", "closes": "closes", "opens": "opens",
           "today": "today", "tomorrow": "tomorrow", "at": "at", "on": "on",
           "always": "24 hours", "season": "Seasonal — back from {date}",
           "upcoming": "Starts on {date}", "ended": "Ended", "paused": "Temporarily closed",
           "paused_until": "Temporarily closed until {date}",
           "open_end": "Open now — no fixed closing time", "from": "from"},
}


def lang_of(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "de"


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def long_date(day: date, lang: str, year: bool = False) -> str:
    """``1. November`` / ``1 November`` (with the year when asked)."""
    lang = lang_of(lang)
    text = f"{day.day}. {MONTH_NAMES[lang][day.month - 1]}" if lang == "de" else \
        f"{day.day} {MONTH_NAMES[lang][day.month - 1]}"
    return f"{text} {day.year}" if year else text


def short_date(day: date, lang: str) -> str:
    """``12.12.`` / ``12 Dec``: a date this year or next, where the sentence is short."""
    if lang_of(lang) == "de":
        return f"{day.day}.{day.month}."
    return f"{day.day} {MONTH_ABBR['en'][day.month - 1]}"


def status_text(status: HoursStatus, lang: str = "de") -> str | None:
    """The sentence the page shows; None for ``unknown`` (the page keeps its static text)."""
    lang = lang_of(lang)
    words = _WORDS[lang]
    if status.state == "paused" and status.change is not None:
        return words["paused_until"].format(date=short_date(date.fromordinal(status.change // DAY), lang))
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
    return f"{words['on']} {long_date(day, lang)} {words['at']} {time}"
