"""The ``atlas new`` template's placeholders: an error per placeholder, naming its field.

The values come from :mod:`build_tools.offer_template` (declared once, written there). The
template leaves lat and lon empty, so the schema reports them as missing.
"""

from __future__ import annotations

from typing import Any

from ..offer_template import PLACEHOLDERS
from ..problems import Problem
from .facts import OfferFacts
from .report import problem_at


def check_placeholders(files: list[OfferFacts]) -> list[Problem]:
    """Errors for every placeholder still in an offer file."""
    problems: list[Problem] = []
    for item in files:
        for path, (value, fix) in PLACEHOLDERS.items():
            for at, found in _values(item.loaded.data, path):
                if isinstance(found, str) and found.strip() == value:
                    problems.append(problem_at(
                        item.loaded, at, f"noch der Platzhalter der Vorlage ({value!r}): {fix}"))
    return problems


def _values(data: Any, path: tuple) -> list[tuple[tuple, Any]]:
    """(position, value) at ``path``; a list at the end gives one pair per entry."""
    value = data
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return []
        value = value[key]
    if isinstance(value, list):
        return [((*path, i), v) for i, v in enumerate(value)]
    return [(path, value)]
