"""``opening_hours``: syntax errors and doubts placed at the character of the file they concern.

Overnight offers (category :data:`OVERNIGHT_CATEGORIES`) may open in the morning and close
before that the next day without a warning.
"""

from __future__ import annotations

from ..opening_hours import HoursError, parse_hours
from ..opening_hours.lint import hours_warnings
from ..problems import Problem
from ..yamlio import LoadedYaml
from .facts import OfferFacts

OVERNIGHT_CATEGORIES = frozenset({"notunterkunft"})


def check_hours(item: OfferFacts) -> list[Problem]:
    """The hours error of one offer file, or its warnings (both with line and column)."""
    text = item.opening_hours
    if text is None or not text.strip():
        return []
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    loaded = item.loaded
    try:
        parse_hours(stripped)
    except HoursError as exc:
        line, col = _scalar_position(loaded, exc.offset + lead, text)
        hint = f" — {exc.hint}" if exc.hint else ""
        return [Problem(loaded.source, line, col, "opening_hours", f"{exc.message}{hint}")]
    overnight = bool(item.categories & OVERNIGHT_CATEGORIES)
    problems = []
    for warning in hours_warnings(stripped, overnight=overnight):
        line, col = _scalar_position(loaded, warning.offset + lead, text)
        problems.append(Problem(loaded.source, line, col, "opening_hours", warning.message, "warning"))
    return problems


def _scalar_position(loaded: LoadedYaml, offset: int, text: str) -> tuple[int, int]:
    """File position of character ``offset`` inside the single-line scalar ``opening_hours``."""
    line, col = loaded.marks.of_value(("opening_hours",))
    if "\n" in text:
        return line, col
    # A quoted scalar starts with its quote; the text begins one column later.
    return line, col + offset + (1 if loaded.char_at(line, col) in ('"', "'") else 0)
