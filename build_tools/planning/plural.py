"""The planning pages' sentences with a number: German plural and case from the catalogue
(``planning`` in ``site_templates/i18n/de.yml``), never a noun built in Python."""

from __future__ import annotations

from ..i18n import SOURCE, catalogue


def said(key: str, n: int, **values: object) -> str:
    """The planning text ``key`` for the number ``n``: ``said("districts_dative", 1)`` →
    "1 Sozialraum", ``said("districts_dative", 3)`` → "3 Sozialräumen"."""
    return catalogue(SOURCE).planning[key](n, **values)
