"""The overview pages' sentences with a number, from :mod:`build_tools.counts` and the
catalogue's plural texts (``counts`` in ``site_templates/i18n/<lang>.yml``).

Every number a reader sees on the start page, the A–Z list and the map page is one of
:class:`~build_tools.counts.OfferCounts`; where the map shows fewer offers than the lists, the
sentence says how many and why in the same breath.
"""

from __future__ import annotations

from babel.lists import format_list

from ..counts import OfferCounts
from ..i18n import catalogue


def home_lead(counts: OfferCounts, lang: str) -> str:
    """"49 Hilfeangebote: Schlafen, Essen …" — every listed offer."""
    return catalogue(lang).counts["home_lead"](counts.listed)


def az_count(counts: OfferCounts, lang: str) -> str:
    """"49 Angebote, alphabetisch." — every listed offer."""
    return catalogue(lang).counts["az_count"](counts.listed)


def map_count(counts: OfferCounts, lang: str) -> str:
    """How many offers the page lists and how many of them the map shows, with the
    difference in words: "49 Angebote, davon 43 mit festem Ort auf der Karte. Nur in der
    Liste: 5 ohne festen Ort (…) und 1 mit geschützter Adresse." (the parts joined as the
    language joins a list, CLDR via Babel)."""
    c = catalogue(lang)
    if not counts.off_map:
        return c.counts["map_all"](counts.listed)
    parts = []
    if counts.without_place:
        parts.append(c.counts["map_mobile"](counts.without_place))
    if counts.protected:
        parts.append(c.counts["map_protected"](counts.protected))
    return (c.counts["map_some"](counts.listed, placed=counts.on_map) + " "
            + c.t("map_only_list", parts=format_list(parts, locale=lang)))
