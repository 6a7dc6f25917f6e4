"""Calendar dates as editors write them: ``JJJJ-MM-TT``, with a message that says what is wrong.

``2026-02-30`` gets "gibt es nicht (der Februar 2026 hat 28 Tage)" rather than a format
message; a German ``01.10.2026`` is answered with the ISO form to write instead.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from . import shown

DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
_ISO_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember")


def check_day(value: Any) -> Any:
    """Before pydantic's date parsing: explain impossible and German-style dates in German."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    german = _GERMAN.fullmatch(text)
    if german:
        day, month, year = (int(x) for x in german.groups())
        raise ValueError(
            f"{shown(value)}: Datum als JJJJ-MM-TT schreiben, also {year:04d}-{month:02d}-{day:02d}"
        )
    iso = _ISO_LIKE.fullmatch(text)
    if not iso:
        return value  # pydantic's own message (format JJJJ-MM-TT) fits
    year, month, day = (int(x) for x in iso.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{text} gibt es nicht: Monate gehen von 01 bis 12")
    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        raise ValueError(
            f"{text} gibt es nicht: der {MONTH_NAMES[month - 1]} {year} hat {length} Tage"
        )
    if len(iso.group(2)) == 1 or len(iso.group(3)) == 1:
        raise ValueError(
            f"{shown(value)}: Monat und Tag zweistellig schreiben, also {year:04d}-{month:02d}-{day:02d}"
        )
    return date(year, month, day)
