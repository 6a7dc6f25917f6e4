"""Facts about an offer as people read them: German labels, address lines, directions.

Pure functions over the model; templates only arrange what these return.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import urls
from ..alerts import cold_offer_ids
from ..catalog import Catalog, is_public_location
from ..i18n import SOURCE, catalogue
from ..opening_hours import HoursError, describe_hours, parse_hours
from ..schema import Offer, Season, Status, Wheelchair, normalize_phone

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)

WHEELCHAIR = {
    Wheelchair.yes: "Rollstuhlgerecht (stufenlos)",
    Wheelchair.limited: "Eingeschränkt rollstuhlgerecht",
    Wheelchair.no: "Nicht rollstuhlgerecht",
    Wheelchair.unknown: "Nicht bekannt",
}

STATUS = {
    Status.active: "",
    Status.temporarily_closed: "Vorübergehend geschlossen",
    Status.ended: "Dieses Angebot gibt es nicht mehr",
}


def german_date(day: Any) -> str:
    """``2026-03-01`` → ``1. März 2026``."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def season_text(season: Season | None) -> str:
    """``{from: 11-01, until: 03-31}`` → ``jedes Jahr vom 1. November bis 31. März``."""
    if season is None:
        return ""
    def part(md: str) -> str:
        month, day = (int(x) for x in md.split("-"))
        return f"{day}. {MONTHS[month - 1]}"
    return f"jedes Jahr vom {part(season.from_)} bis {part(season.until)}"


def sort_key(text: str) -> str:
    """German A–Z order: umlauts sort with their base letter, case ignored."""
    text = text.replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def initial(text: str) -> str:
    """The letter an offer is filed under in the A–Z list (``#`` for digits and signs)."""
    key = sort_key(text)[:1].upper()
    return key if "A" <= key <= "Z" else "#"


@dataclass
class Phone:
    """A phone number as written and as a ``tel:`` link."""

    label: str
    href: str


def phones(offer: Offer) -> list[Phone]:
    """The offer's numbers with ``tel:`` links (E.164)."""
    return [Phone(raw, "tel:" + normalize_phone(raw)) for raw in offer.contact.phone]


def address_lines(offer: Offer) -> list[str]:
    """Street and town, only for public locations."""
    if not is_public_location(offer):
        return []
    loc = offer.location
    assert loc is not None
    lines = [loc.street] if loc.street else []
    town = " ".join(x for x in (loc.postal_code, loc.city) if x)
    if town:
        lines.append(town)
    return lines


def directions(offer: Offer) -> dict[str, str] | None:
    """``geo:`` URI and OpenStreetMap route link for public locations (links, not requests)."""
    if not is_public_location(offer):
        return None
    loc = offer.location
    assert loc is not None
    lat, lon = f"{loc.lat:.6f}".rstrip("0").rstrip("."), f"{loc.lon:.6f}".rstrip("0").rstrip(".")
    return {
        "geo": f"geo:{lat},{lon}",
        "osm": f"https://www.openstreetmap.org/directions?to={lat}%2C{lon}",
        "lat": lat,
        "lon": lon,
    }


def costs_text(offer: Offer) -> str:
    """``kostenlos``, the editor's text, or a hint that it is not known."""
    if offer.is_free:
        return "kostenlos"
    return offer.costs or "nicht angegeben – bitte nachfragen"


def yes_no(value: bool | None, yes: str, no: str, unknown: str) -> str:
    """A three-valued fact in words."""
    if value is None:
        return unknown
    return yes if value else no


def papers_text(offer: Offer) -> str:
    """What to bring: the requirements, or what anonymity implies."""
    if offer.access.requirements:
        return offer.access.requirements
    if offer.access.anonymous:
        return "Keine Papiere nötig – anonym möglich"
    return "nicht angegeben – bitte nachfragen"


def hours_lines(text: str | None) -> list[str]:
    """The weekly table lines for an opening_hours string (German), for pages without script."""
    return [str(line) for line in describe_hours(text, "de")] if text else []


def closure_text(offer: Offer) -> str:
    """``Vorübergehend geschlossen`` (``… bis 12. Dezember 2026`` with ``closed_until``)."""
    text = STATUS[Status.temporarily_closed]
    return f"{text} bis {german_date(offer.closed_until)}" if offer.closed_until else text


def hours_summary(offer: Offer) -> str:
    """The weekly hours in one line: the server-side text where the live status goes."""
    if offer.status == Status.temporarily_closed:
        return closure_text(offer)
    return usual_hours(offer)


def usual_hours(offer: Offer) -> str:
    """The weekly hours in one line, whatever the status (what a reopened offer shows)."""
    lines = hours_lines(offer.opening_hours)
    if lines:
        return "; ".join(lines)
    return offer.hours_note or "Zeiten nicht angegeben"


def where_short(catalog: Catalog, offer: Offer) -> str:
    """Street (or district names) for list entries."""
    lines = address_lines(offer)
    if lines:
        return lines[0]
    names = [catalog.district_name(d) for d in _districts(offer)]
    if offer.location is not None and offer.location.confidential:
        return "Adresse geschützt" + (f" ({', '.join(names)})" if names else "")
    # "unterwegs im Sozialraum Nord", never "unterwegs in Nord" (names carry no article)
    return catalogue(SOURCE).counts["moving_in"].listing(names) if names else ""


def _districts(offer: Offer) -> list[str]:
    from ..catalog import districts_of

    return districts_of(offer)


def place_kind(offer: Offer) -> str:
    """``fixed`` (a public place with coordinates), ``hidden`` (a protected address) or
    ``none`` (no fixed place: street work, phone and online help) — what "In meiner Nähe" can
    measure, and what it says instead."""
    if is_public_location(offer) and offer.location is not None:
        return "fixed"
    if offer.location is not None and offer.location.confidential:
        return "hidden"
    return "none"


def closure(offer: Offer) -> dict[str, str] | None:
    """A temporary closure as pages show it: the sentence, the reason and what to show once
    ``closed_until`` has passed (the browser decides; None when the offer is not closed)."""
    if offer.status != Status.temporarily_closed:
        return None
    return {
        "text": closure_text(offer),
        "reason": offer.closed_reason or "",
        "until": offer.closed_until.isoformat() if offer.closed_until else "",
        "normal": usual_hours(offer) if offer.closed_until else "",
    }


@lru_cache(maxsize=4096)
def _month_limited(hours: str) -> bool:
    try:
        rules = parse_hours(hours).rules
    except HoursError:
        return False
    return bool(rules) and all(rule.months for rule in rules)


def is_seasonal(offer: Offer) -> bool:
    """A winter (or summer) offer: a ``season``, or opening hours only in some months."""
    return offer.season is not None or bool(offer.opening_hours and _month_limited(offer.opening_hours))


def raised_when_cold(catalog: Catalog, offer: Offer) -> bool:
    """True when a Kältehilfe alert of the catalog raises this offer in lists (while active)."""
    cold = [a for a in catalog.alerts if a.level == "kaelte"]
    return bool(cold) and (is_seasonal(offer) or offer.id in cold_offer_ids(cold))


def list_entry(catalog: Catalog, offer: Offer, page_path: str) -> dict[str, Any]:
    """What a list item shows about an offer (with its public coordinates for "In meiner Nähe")."""
    entry = dict(catalog.remembered(offer, "list_entry", lambda: _entry(catalog, offer)))
    entry["href"] = urls.relative_url(page_path, urls.offer_path(offer.id))
    return entry


def _entry(catalog: Catalog, offer: Offer) -> dict[str, Any]:
    """:func:`list_entry` but its link (the one thing that depends on the page)."""
    place = directions(offer)
    return {
        "id": offer.id,
        "title": offer.title,
        "summary": offer.summary,
        "category": catalog.category_label(offer.category),
        "category_id": offer.category,
        "where": where_short(catalog, offer),
        "hours": hours_summary(offer),
        "closed": offer.status == Status.temporarily_closed,
        "closure": closure(offer),
        "seasonal": raised_when_cold(catalog, offer),
        "free": offer.is_free,
        "place": place_kind(offer),
        # for the printed list only (hidden on screen): paper needs the number, the street and
        # the weekly hours, never the live status that replaces "hours" in the browser
        "print_phone": offer.contact.phone[0] if offer.contact.phone else "",
        "print_address": ", ".join(address_lines(offer)),
        "print_hours": hours_summary(offer),
        "lat": place["lat"] if place else "",
        "lon": place["lon"] if place else "",
    }


def sorted_offers(offers: list[Offer]) -> list[Offer]:
    """Offers in German A–Z order of their titles (id breaks ties)."""
    return sorted(offers, key=lambda o: (sort_key(o.title), o.id or ""))
