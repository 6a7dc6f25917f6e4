"""What the cross-file checks need to know of one offer file, read from its raw data.

The checks run on every file that parsed as YAML, also when its schema validation failed (an
e-mail typo must not hide an unknown category), so they read the raw mapping rather than the
model. Values of the wrong shape are left out here: the schema already reports them. For a file
that validated, the facts equal the model's values (strings stripped, numbers parsed alike).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..schema import _ID_RE, Offer
from ..yamlio import LoadedYaml
from .dates import check_day

_TRUE = {"1", "on", "t", "true", "y", "yes"}
_DECIMALS = re.compile(r"\.(\d+)")


@dataclass
class Place:
    """The ``location`` mapping as far as it could be read."""

    lat: float | None = None
    lon: float | None = None
    decimals: int = 0
    """Most decimals written in lat or lon (how exact the point is)."""
    district: str | None = None
    confidential: bool = False
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None

    @property
    def has_point(self) -> bool:
        """True when both coordinates were readable numbers in range."""
        return self.lat is not None and self.lon is not None


@dataclass
class OfferFacts:
    """One offer file: its id, raw references (with list positions) and the model if valid."""

    loaded: LoadedYaml
    id: str | None
    offer: Offer | None = None
    title: str | None = None
    category: str | None = None
    also_categories: list[tuple[int, str]] = field(default_factory=list)
    target_groups: list[tuple[int, str]] = field(default_factory=list)
    provider: str | None = None
    related: list[tuple[int, str]] = field(default_factory=list)
    aliases: list[tuple[int, str]] = field(default_factory=list)
    service_area: list[tuple[int, str]] = field(default_factory=list)
    has_location: bool = False
    place: Place | None = None
    opening_hours: str | None = None
    status: str | None = None
    last_verified: date | None = None
    valid_until: date | None = None
    closed_until: date | None = None
    alert_until: date | None = None

    @property
    def source(self) -> str:
        """The file name shown in messages."""
        return self.loaded.source

    @property
    def categories(self) -> set[str]:
        """Main and additional category ids."""
        return {c for c in [self.category, *(c for _, c in self.also_categories)] if c}


def offer_facts(loaded: LoadedYaml, offer_id: str | None, offer: Offer | None) -> OfferFacts:
    """The facts of one file that holds a mapping; ``offer`` is its model when it validated."""
    data: dict[str, Any] = loaded.data
    location = data.get("location")
    return OfferFacts(
        loaded=loaded,
        id=offer_id,
        offer=offer,
        title=_text(data.get("title")),
        category=_ident(data.get("category")),
        also_categories=_idents(data.get("also_categories")),
        target_groups=_idents(data.get("target_groups")),
        provider=_ident(data.get("provider")),
        related=_idents(data.get("related")),
        aliases=_idents(data.get("aliases")),
        service_area=_idents(data.get("service_area")),
        has_location=location is not None,
        place=_place(location, offer) if isinstance(location, dict) else None,
        opening_hours=data.get("opening_hours") if isinstance(data.get("opening_hours"), str) else None,
        status=_text(data.get("status")) or "active",
        last_verified=_day(data.get("last_verified")),
        valid_until=_day(data.get("valid_until")),
        closed_until=_day(data.get("closed_until")),
        alert_until=_day(data.get("alert_until")),
    )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _ident(value: Any) -> str | None:
    text = _text(value)
    return text if text and _ID_RE.match(text) else None


def _idents(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, item in enumerate(value) if (v := _ident(item))]


def _day(value: Any) -> date | None:
    try:
        day = check_day(value)
    except ValueError:
        return None
    return day if isinstance(day, date) else None


def _coordinate(value: Any, bound: float) -> tuple[float | None, int]:
    text = _text(value)
    try:
        number = float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None, 0
    if not math.isfinite(number) or abs(number) > bound:
        return None, 0
    decimals = _DECIMALS.search(text)  # type: ignore[arg-type]
    return number, len(decimals.group(1)) if decimals else 0


def _place(raw: dict[str, Any], offer: Offer | None) -> Place:
    lat, lat_digits = _coordinate(raw.get("lat"), 90)
    lon, lon_digits = _coordinate(raw.get("lon"), 180)
    if offer is not None and offer.location is not None:
        confidential = offer.location.confidential
    else:
        confidential = str(raw.get("confidential", "")).strip().lower() in _TRUE
    return Place(
        lat=lat, lon=lon, decimals=max(lat_digits, lon_digits), district=_ident(raw.get("district")),
        confidential=confidential, street=_text(raw.get("street")),
        postal_code=_text(raw.get("postal_code")), city=_text(raw.get("city")),
        country=_text(raw.get("country")),
    )
