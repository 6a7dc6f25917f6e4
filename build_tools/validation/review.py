"""Dates that ask for the editor's attention: not checked for a long time, in the future, expired.

These are warnings, never errors: a date passing must not break tomorrow's build."""

from __future__ import annotations

from datetime import date

from ..config import AtlasConfig
from ..problems import Problem
from .facts import OfferFacts
from .report import problem_at


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def review_due(last_verified: date, today: date, config: AtlasConfig) -> int | None:
    """Months since ``last_verified`` when the review interval (``review_months``) has passed,
    else None. The one rule: ``atlas check`` warns by it and the editors' desk sorts by it."""
    age = months_between(last_verified, today)
    return age if age >= config.review_months else None


def check_review(files: list[OfferFacts], config: AtlasConfig, today: date) -> list[Problem]:
    """Warnings about ``last_verified``, ``valid_until``, ``closed_until`` and ``alert_until``."""
    problems: list[Problem] = []
    for item in files:
        if item.last_verified is not None:
            age = review_due(item.last_verified, today, config)
            if age is not None:
                problems.append(problem_at(
                    item.loaded, ("last_verified",),
                    f"seit {age} Monaten nicht geprüft: Angaben prüfen und Datum erneuern", "warning"))
            if item.last_verified > today:
                problems.append(problem_at(item.loaded, ("last_verified",),
                                           "Datum liegt in der Zukunft", "warning"))
        if item.valid_until and item.valid_until < today and item.status != "ended":
            problems.append(problem_at(
                item.loaded, ("valid_until",),
                "abgelaufen: Angebot beenden (status: ended) oder Datum anpassen", "warning"))
        if item.closed_until and item.closed_until < today and item.status == "temporarily_closed":
            # The page already shows the hours again (decided in the browser); the file lags.
            problems.append(problem_at(
                item.loaded, ("closed_until",),
                "liegt in der Vergangenheit: wieder geöffnet? status: active setzen und "
                "closed_until entfernen, sonst das Datum verlängern", "warning"))
        if item.alert_until and item.alert_until < today:
            problems.append(problem_at(
                item.loaded, ("alert_until",),
                "der Hinweis ist abgelaufen und erscheint nicht mehr: alert und alert_until "
                "entfernen oder das Datum verlängern", "warning"))
    return problems
