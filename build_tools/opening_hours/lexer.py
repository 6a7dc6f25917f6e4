"""Split an ``opening_hours`` string into tokens, each with its offset in the string.

Everything the grammar does not know is reported here, with a hint in the editor's terms
(German day names, typographic dashes, ``Uhr``) — never skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import MONTHS, WEEKDAYS, HoursError

TIME_HINT = "Zeiten im Format HH:MM, z. B. 09:00-12:00"
DAY_HINT = "Wochentage englisch abgekürzt: Mo Tu We Th Fr Sa Su"
MONTH_HINT = "Monate englisch abgekürzt: Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
SYNTAX_HINT = 'erlaubt: Wochentage, Monate, PH, HH:MM-HH:MM, off, 24/7 und "Kommentar"'

_GERMAN_DAYS = {"Di": "Tu", "Mi": "We", "Do": "Th", "So": "Su", "Mon": "Mo", "Tue": "Tu",
                "Wed": "We", "Thu": "Th", "Fri": "Fr", "Sat": "Sa", "Sun": "Su"}
_GERMAN_MONTHS = {"Mär": "Mar", "Mai": "May", "Okt": "Oct", "Dez": "Dec", "Mrz": "Mar"}
_KEYWORDS = {"off": "off", "closed": "off", "PH": "PH"}
_UNSUPPORTED = {
    "SH": ("Schulferien (SH) werden nicht unterstützt", "Ferienzeiten als Monate oder im Feld season"),
    "open": ("„open“ ohne Zeiten wird nicht unterstützt", "Zeiten angeben, z. B. Mo-Fr 00:00-24:00"),
    "unknown": ("„unknown“ wird nicht unterstützt", 'stattdessen einen Kommentar: "nach Vereinbarung"'),
    "Uhr": ("„Uhr“ gehört nicht in die Zeiten", TIME_HINT),
    "week": ("Kalenderwochen (week) werden nicht unterstützt", SYNTAX_HINT),
    "easter": ("„easter“ wird nicht unterstützt", "Feiertage mit PH angeben"),
    "sunrise": ("Sonnenzeiten werden nicht unterstützt", TIME_HINT),
    "sunset": ("Sonnenzeiten werden nicht unterstützt", TIME_HINT),
}

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_NUMBERISH = re.compile(r"\d+(?:[:.]\d+)?")
_TIME = re.compile(r"(\d\d):(\d\d)")


@dataclass(frozen=True)
class Token:
    """``kind`` is one of: day, month, PH, off, time, num, always, comment, ; , - [ ]."""

    kind: str
    text: str
    offset: int
    value: int | str | None = None

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text``; raises :class:`HoursError` at the first thing outside the subset."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in ";,-[]":
            tokens.append(Token(char, char, i))
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
        raise HoursError(i + 3, f"Minute {minutes} gibt es nicht", TIME_HINT)
    if hours == 24 and minutes:
        raise HoursError(i, f"„{raw}“ liegt nach Mitternacht", TIME_HINT + "; über Mitternacht: 20:00-01:00")
    return Token("time", raw, i, hours * 60 + minutes)


def _word(word: str, i: int) -> Token:
    if word in WEEKDAYS:
        return Token("day", word, i, WEEKDAYS.index(word))
    if word in MONTHS:
        return Token("month", word, i, MONTHS.index(word) + 1)
    if word in _KEYWORDS:
        return Token(_KEYWORDS[word], word, i)
    if word in _UNSUPPORTED:
        message, hint = _UNSUPPORTED[word]
        raise HoursError(i, message, hint)
    if word in _GERMAN_DAYS:
        raise HoursError(i, f"unbekannter Wochentag „{word}“", f"{DAY_HINT} ({word} → {_GERMAN_DAYS[word]})")
    if word in _GERMAN_MONTHS:
        raise HoursError(i, f"unbekannter Monat „{word}“", f"{MONTH_HINT} ({word} → {_GERMAN_MONTHS[word]})")
    proper = word[:1].upper() + word[1:].lower()
    if proper in WEEKDAYS or proper in MONTHS or word.upper() == "PH":
        fixed = "PH" if word.upper() == "PH" else proper
        return _raise(i, f"„{word}“ bitte so schreiben: {fixed}", "Groß- und Kleinschreibung beachten")
    if word.lower() in ("off", "closed"):
        return _raise(i, f"„{word}“ bitte klein schreiben: {word.lower()}", "Groß- und Kleinschreibung beachten")
    if word.lower() in ("feiertag", "feiertage", "feiertags"):
        return _raise(i, f"„{word}“: Feiertage heißen PH", "z. B. PH off oder PH 10:00-14:00")
    if word.lower() in ("geschlossen", "zu"):
        return _raise(i, f"„{word}“: geschlossen heißt off", "z. B. Sa,Su off")
    return _raise(i, f"unbekanntes Wort „{word}“", SYNTAX_HINT)


def _raise(offset: int, message: str, hint: str) -> Token:
    raise HoursError(offset, message, hint)


def _strange(text: str, i: int) -> HoursError:
    char = text[i]
    if text.startswith("||", i):
        return HoursError(i, "„||“ (Ausweichregel) wird nicht unterstützt", "Regeln mit „;“ trennen")
    if char == "+":
        return HoursError(i, "„+“ (offenes Ende) wird nicht unterstützt", "Endzeit angeben, z. B. 18:00-22:00")
    if char in "–—‐−":
        return HoursError(i, f"Gedankenstrich „{char}“ statt Bindestrich", "einfachen Bindestrich - verwenden, z. B. 09:00-12:00")
    if char in "„“”‚‘’'":
        return HoursError(i, f"typografisches Anführungszeichen ({char}) nicht erlaubt", 'Kommentare in geraden Anführungszeichen: "nach Vereinbarung"')
    if char == ":":
        return HoursError(i, "„:“ nach den Tagen nicht nötig", "z. B. Mo-Fr 09:00-12:00")
    return HoursError(i, f"unerwartetes Zeichen „{char}“", SYNTAX_HINT)
