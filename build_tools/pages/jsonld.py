"""schema.org JSON-LD for an offer: the place, its address, position and hours.

Confidential offers are described without address and coordinates.
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..catalog import Catalog, districts_of, is_public_location
from ..opening_hours import compact_schedule, opening_hours_jsonld
from ..schema import Offer, normalize_phone


def offer_jsonld(catalog: Catalog, offer: Offer) -> dict[str, Any]:
    """A ``CivicStructure`` (public place) or ``Service`` (no public address) description."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "name": offer.title,
        "description": offer.summary,
    }
    site_url = catalog.config.site_url
    if site_url:
        data["url"] = urls.absolute_url(site_url, urls.offer_path(offer.id))
    if offer.contact.phone:
        data["telephone"] = normalize_phone(offer.contact.phone[0])
    if offer.contact.email:
        data["email"] = offer.contact.email
    if offer.languages:
        data["availableLanguage"] = list(offer.languages)
    if offer.is_free:
        data["isAccessibleForFree"] = True
    if is_public_location(offer):
        loc = offer.location
        assert loc is not None
        data["@type"] = "CivicStructure"
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        if loc.street:
            address["streetAddress"] = loc.street
        if loc.postal_code:
            address["postalCode"] = loc.postal_code
        if loc.city:
            address["addressLocality"] = loc.city
        data["address"] = address
        data["geo"] = {"@type": "GeoCoordinates", "latitude": loc.lat, "longitude": loc.lon}
        hours = opening_hours_jsonld(compact_schedule(offer)) if offer.opening_hours else []
        if hours:
            data["openingHoursSpecification"] = hours
    else:
        data["@type"] = "Service"
        areas = [catalog.district_name(d) for d in districts_of(offer)]
        if areas:
            data["areaServed"] = [{"@type": "Place", "name": a} for a in areas]
    provider = catalog.provider_name(offer)
    if provider and data["@type"] == "Service":
        data["provider"] = {"@type": "Organization", "name": provider}
    return data
