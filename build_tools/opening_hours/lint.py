"""Warnings about opening hours that parse but probably do not say what the editor meant.

Only for strings :func:`~.parser.parse_hours` accepts; nothing here changes what they mean.

* ``PH off`` alone names only when the offer is closed: every other day stays closed too.
* Tolerated spellings (``8:00``, ``Off``, ``Di``, ``–``, ``Mo-Fr:``): one warning naming them;
  ``atlas fix`` writes the canonical form (:mod:`.fixes`).
* A span that ends before it starts runs past midnight (``20:00-08:00`` at a shelter is
  right). One that *starts in the morning* and ends before its start (``09:00-05:00``,
  meant as 9 to 5) is a typo far more often than a 20-hour opening — unless the offer is an
  overnight one (``overnight=True``: a night shelter).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .fixes import fix_summary, hours_fixes
from .lexer import tokenize
from .model import DAY
from .parser import parse_hours

NOON = DAY // 2


@dataclass(frozen=True)
class HoursWarning:
    """A doubt at ``offset`` (0-based index into the text), in German, with the fix."""

    offset: int
    message: str


@lru_cache(maxsize=8192)
def hours_warnings(text: str, overnight: bool = False) -> tuple[HoursWarning, ...]:
    """Doubts about ``text`` (which must parse); ``overnight`` for offers open at night.

    Cached like :func:`~.parser.parse_hours` (many offers share their hours).
    """
    schedule = parse_hours(text)
    tokens = tokenize(text)
    found: list[HoursWarning] = []
    fixes = hours_fixes(text)
    if fixes:
        found.append(HoursWarning(
            fixes[0].offset,
            f"nicht in der üblichen Schreibweise: {fix_summary(fixes)} — gleiche Bedeutung; "
            "„atlas fix“ schreibt es um",
        ))
    if schedule.rules and all(
        rule.holiday and not rule.weekdays and not rule.nth and not rule.spans
        for rule in schedule.rules
    ):
        where = next((t.offset for t in tokens if t.kind == "PH"), 0)
        found.append(HoursWarning(
            where,
            "„PH off“ allein sagt nur, dass an Feiertagen geschlossen ist — an allen anderen "
            "Tagen gilt das Angebot dann auch als geschlossen: die Öffnungszeiten davor "
            "schreiben, z. B. \"Mo-Fr 09:00-12:00; PH off\"",
        ))
    if overnight:
        return tuple(found)
    for first, dash, second in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if first.kind != "time" or dash.kind != "-" or second.kind != "time":
            continue
        start, end = int(first.value or 0), int(second.value or 0)
        if end < start and start < NOON:
            meant = f"{(end // 60 + 12) % 24:02d}:{end % 60:02d}" if end < NOON else second.text
            found.append(HoursWarning(
                first.offset,
                f"„{first.text}-{second.text}“ endet vor dem Beginn und liefe damit über "
                f"Mitternacht bis {second.text} am nächsten Tag: Zeiten im 24-Stunden-Format "
                f"schreiben, z. B. „{first.text}-{meant}“",
            ))
    return tuple(found)
