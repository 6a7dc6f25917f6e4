"""Split an ``opening_hours`` string into tokens, each with its offset in the string.

Forms real data uses that have one obvious meaning — ``8:00``, ``Off``, ``mo``, German day and
month names (``Di``, ``Mär``), the typographic dash ``–`` — are read as what they mean and carry
``Token.fix``, the canonical text: ``atlas check`` warns about them and ``atlas fix`` writes the
fix into the file. Everything else the grammar does not know is reported here, with a hint in the
editor's terms — never skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import MONTHS, WEEKDAYS, HoursError

TIME_HINT = "Zeiten im Format HH:MM, z. B. 09:00-12:00"
DAY_HINT = "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su"
MONTH_HINT = "Monate englisch abgekürzt: Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
SYNTAX_HINT = 'erlaubt: Wochentage, Monate, Daten (Dec 24), PH, HH:MM-HH:MM, off, 24/7 und "Kommentar"'

_DAY_WORDS = {
    "Mo": ("mo", "mon", "monday", "montag"),
    "Tu": ("tu", "tue", "tues", "tuesday", "di", "dienstag"),
    "We": ("we", "wed", "wednesday", "mi", "mittwoch"),
    "Th": ("th", "thu", "thur", "thurs", "thursday", "do", "donnerstag"),
    "Fr": ("fr", "fri", "friday", "freitag"),
    "Sa": ("sa", "sat", "saturday", "samstag", "sonnabend"),
    "Su": ("su", "sun", "sunday", "so", "sonntag"),
}
_MONTH_WORDS = {
    "Jan": ("jan", "january", "januar", "jän"), "Feb": ("feb", "february", "februar"),
    "Mar": ("mar", "march", "mär", "mrz", "märz"), "Apr": ("apr", "april"),
    "May": ("may", "mai"), "Jun": ("jun", "june", "juni"), "Jul": ("jul", "july", "juli"),
    "Aug": ("aug", "august"), "Sep": ("sep", "sept", "september"),
    "Oct": ("oct", "october", "okt", "oktober"), "Nov": ("nov", "november"),
    "Dec": ("dec", "december", "dez", "dezember"),
}
DAY_OF = {form: day for day, forms in _DAY_WORDS.items() for form in forms}
MONTH_OF = {form: month for month, forms in _MONTH_WORDS.items() for form in forms}
_KEYWORDS = {"off": ("off", "off"), "closed": ("off", "closed"), "ph": ("PH", "PH"),
             "open": ("open", "open"), "unknown": ("unknown", "unknown"), "week": ("week", "week")}
_UNSUPPORTED = {
    "sh": ("Schulferien (SH) werden nicht unterstützt", "Ferienzeiten als Daten (Jul 29-Sep 11 off) oder im Feld season"),
    "uhr": ("„Uhr“ gehört nicht in die Zeiten", TIME_HINT),
    "easter": ("„easter“ wird nicht unterstützt", "Ostern als Datum schreiben, z. B. 2027 Mar 28 off"),
    "sunrise": ("Sonnenzeiten werden nicht unterstützt", TIME_HINT),
    "sunset": ("Sonnenzeiten werden nicht unterstützt", TIME_HINT),
    "dawn": ("Sonnenzeiten werden nicht unterstützt", TIME_HINT),
    "dusk": ("Sonnenzeiten werden nicht unterstützt", TIME_HINT),
    "day": ("Verschiebungen um Tage (PH -1 day) werden nicht unterstützt", "das Datum selbst angeben, z. B. Dec 24 off"),
    "days": ("Verschiebungen um Tage (PH -1 day) werden nicht unterstützt", "das Datum selbst angeben, z. B. Dec 24 off"),
    "and": ("„and“ verbindet keine Zeiten", "mehrere Zeitspannen mit Komma: 09:00-12:00,14:00-16:00"),
    "und": ("„und“ verbindet keine Zeiten", "mehrere Zeitspannen mit Komma: 09:00-12:00,14:00-16:00"),
}

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_NUMBERISH = re.compile(r"\d+(?:[:.]\d+)?")
_TIME = re.compile(r"(\d{1,2}):(\d\d)")
_DASHES = "–—‐−"


@dataclass(frozen=True)
class Token:
    """``kind``: day, month, PH, off, open, unknown, week, time, num, always, comment,
    ``; , - [ ] : + / ||``. ``fix``: the canonical spelling when ``text`` is a tolerated form."""

    kind: str
    text: str
    offset: int
    value: int | str | None = None
    fix: str | None = None

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text``; raises :class:`HoursError` at the first thing outside the grammar."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif text.startswith("||", i):
            tokens.append(Token("||", "||", i))
            i += 2
        elif char in ";,-[]:+/":
            tokens.append(Token(char, char, i))
            i += 1
        elif char in _DASHES:
            tokens.append(Token("-", char, i, fix="-"))
            i += 1
        elif char == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise HoursError(i, "Kommentar ohne schließendes Anführungszeichen", 'Kommentar so: "nach Vereinbarung"')
            body = text[i + 1 : close].strip()
            if not body:
                raise HoursError(i, "leerer Kommentar", 'Kommentar so: "nach Vereinbarung"')
            tokens.append(Token("comment", text[i : close + 1], i, body))
            i = close + 1
        elif text.startswith("24/7", i):
            tokens.append(Token("always", "24/7", i))
            i += 4
        elif char.isdigit():
            tokens.append(_number(text, i))
            i = tokens[-1].end
        elif _WORD.match(text, i):
            word = _WORD.match(text, i).group()  # type: ignore[union-attr]
            tokens.append(_word(word, i))
            i += len(word)
        else:
            raise _strange(text, i)
    return tokens


def _number(text: str, i: int) -> Token:
    raw = _NUMBERISH.match(text, i).group()  # type: ignore[union-attr]
    if ":" not in raw and "." not in raw:
        return Token("num", raw, i, int(raw))
    match = _TIME.fullmatch(raw)
    if not match:
        raise HoursError(i, f"„{raw}“ ist keine Uhrzeit", TIME_HINT)
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 24:
        raise HoursError(i, f"Stunde {hours} gibt es nicht", TIME_HINT + "; über Mitternacht: 20:00-08:00")
    if minutes > 59:
        raise HoursError(i + len(raw) - 2, f"Minute {minutes} gibt es nicht", TIME_HINT)
    if hours == 24 and minutes:
        raise HoursError(i, f"„{raw}“ liegt nach Mitternacht", TIME_HINT + "; über Mitternacht: 20:00-01:00")
    fix = f"0{raw}" if len(match.group(1)) == 1 else None
    return Token("time", raw, i, hours * 60 + minutes, fix)


def _word(word: str, i: int) -> Token:
    lower = word.lower()
    if lower in DAY_OF:
        day = DAY_OF[lower]
        return Token("day", word, i, WEEKDAYS.index(day), None if word == day else day)
    if lower in MONTH_OF:
        month = MONTH_OF[lower]
        return Token("month", word, i, MONTHS.index(month) + 1, None if word == month else month)
    if lower in _KEYWORDS:
        kind, canonical = _KEYWORDS[lower]
        fix = None if word == canonical else canonical
        return Token(kind, word, i, None, fix)
    if lower in _UNSUPPORTED:
        message, hint = _UNSUPPORTED[lower]
        raise HoursError(i, message, hint)
    if lower in ("feiertag", "feiertage", "feiertags"):
        raise HoursError(i, f"„{word}“: Feiertage heißen PH", "z. B. PH off oder PH 10:00-14:00")
    if lower in ("geschlossen", "zu", "ruhetag"):
        raise HoursError(i, f"„{word}“: geschlossen heißt off", "z. B. Sa,Su off")
    raise HoursError(i, f"unbekanntes Wort „{word}“", SYNTAX_HINT + '; freier Text gehört in "…"')


def _strange(text: str, i: int) -> HoursError:
    char = text[i]
    if char in "„“”‚‘’'":
        return HoursError(i, f"typografisches Anführungszeichen ({char}) nicht erlaubt", 'Kommentare in geraden Anführungszeichen: "nach Vereinbarung"')
    if char == "|":
        return HoursError(i, "einzelnes „|“", 'Ausweichregel mit zwei Strichen: Mo-Fr 09:00-12:00 || "nach Vereinbarung"')
    return HoursError(i, f"unerwartetes Zeichen „{char}“", SYNTAX_HINT)
