"""German number formatting for every planning renderer (decimal comma, no locale state)."""

from __future__ import annotations


def fmt_number(value: float | None, digits: int = 1) -> str:
    """``1234.5`` → ``"1.234,5"``; None → ``"–"``."""
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def fmt_percent(share: float | None) -> str:
    """``0.4567`` → ``"46 %"``."""
    if share is None:
        return "–"
    return f"{round(share * 100):d}\u00a0%"


def fmt_km(metres: float | None) -> str:
    """``1534`` → ``"1,5 km"``, ``640`` → ``"640 m"``."""
    if metres is None:
        return "–"
    if metres < 1000:
        return f"{round(metres):d}\u00a0m"
    return fmt_number(metres / 1000, 1) + "\u00a0km"


def fmt_minutes(minutes: float | None) -> str:
    """``12.3`` → ``"12 min"``."""
    if minutes is None:
        return "–"
    return f"{round(minutes):d}\u00a0min"
