"""The pure model of one atlas: validated offers and their reference data.

Knows nothing of files, YAML or MkDocs. Renderers take a :class:`Catalog` and return strings
or bytes; adapters decide where those go.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from .config import AtlasConfig
from .credits import Credit
from .schema import Alert, Category, InlineProvider, Offer, Organization, Status, TargetGroup

T = TypeVar("T")


@dataclass
class District:
    """A Sozialraum: polygon(s) from districts.geojson with optional indicators."""

    id: str
    name: str
    geometry: Any  # shapely (Multi)Polygon
    population: int | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """The name in further languages (``properties.translations``); most stay German."""

    def name_in(self, lang: str) -> str | None:
        """The name in ``lang``, None when the district has no name of its own there."""
        return self.name if lang == "de" else self.names.get(lang)


@dataclass
class Catalog:
    """Everything the renderers need, sorted for deterministic output."""

    config: AtlasConfig
    offers: list[Offer]
    categories: dict[str, Category]
    target_groups: dict[str, TargetGroup]
    districts: dict[str, District]
    organizations: dict[str, Organization]
    sources: dict[str, str] = field(default_factory=dict)
    """Offer id → the file it came from (for messages and edit links)."""
    build_date: date | None = None
    """The day the content is judged against (``SOURCE_DATE_EPOCH`` or today)."""
    credits: dict[str, Credit] = field(default_factory=dict)
    """Source kind (``osm``) → the credit its licence asks for (``content/import/sources.yml``)."""
    alerts: list[Alert] = field(default_factory=list)
    """Site-wide alerts not ended by the build date, by start (``content/alerts/``)."""

    def __post_init__(self) -> None:
        self.offers = sorted(self.offers, key=lambda o: o.id or "")
        self._by_id = {o.id: o for o in self.offers}
        # asked hundreds of times a build (every list, count and page): made once
        self._published = tuple(o for o in self.offers if o.status != Status.ended)
        self._by_category: dict[str, list[Offer]] = {}
        self._by_district: dict[str, list[Offer]] = {}
        for o in self._published:
            for category_id in dict.fromkeys((o.category, *o.also_categories)):
                self._by_category.setdefault(category_id, []).append(o)
            for district_id in districts_of(o):
                self._by_district.setdefault(district_id, []).append(o)
        self._remembered: dict[Hashable, Any] = {}

    def remembered(self, offer: Offer, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, once per catalog, ``offer`` and ``key``: for facts of an offer that depend on
        the catalog alone (its list entry is shown on its category's, its districts', related
        pages: twelve times per offer and build). The catalog does not change once loaded; an
        offer that is not its own (a changed copy) is made anew each time."""
        if self._by_id.get(offer.id) is not offer:
            return make()
        full = (offer.id, key)
        if full not in self._remembered:
            self._remembered[full] = make()
        return self._remembered[full]

    def offer(self, offer_id: str) -> Offer:
        """The offer with this id (KeyError if there is none)."""
        return self._by_id[offer_id]

    def has_offer(self, offer_id: str) -> bool:
        """True when an offer with this id exists (ended ones included)."""
        return offer_id in self._by_id

    @property
    def published(self) -> list[Offer]:
        """Offers that appear in lists, maps and search (everything not ended)."""
        return list(self._published)

    @property
    def ended(self) -> list[Offer]:
        """Ended offers: their pages stay as tombstones, but they are listed nowhere."""
        return [o for o in self.offers if o.status == Status.ended]

    def in_category(self, category_id: str, offers: Iterable[Offer] | None = None) -> list[Offer]:
        """Published offers whose main or additional category is ``category_id``."""
        if offers is None:
            return list(self._by_category.get(category_id, ()))
        return [o for o in offers if o.category == category_id or category_id in o.also_categories]

    def in_district(self, district_id: str, offers: Iterable[Offer] | None = None) -> list[Offer]:
        """Published offers located in, or serving, the district."""
        if offers is None:
            return list(self._by_district.get(district_id, ()))
        return [o for o in offers if district_id in districts_of(o)]

    def provider_name(self, offer: Offer) -> str | None:
        """The provider's display name, resolving organization ids."""
        provider = offer.provider
        if provider is None:
            return None
        if isinstance(provider, InlineProvider):
            return provider.name
        org = self.organizations.get(provider)
        return org.name if org else provider

    def provider_organization(self, offer: Offer) -> Organization | None:
        """The organization record behind the provider, when it has its own file."""
        if isinstance(offer.provider, str):
            return self.organizations.get(offer.provider)
        return None

    def category_label(self, category_id: str) -> str:
        """German label of a category id."""
        cat = self.categories.get(category_id)
        return cat.label if cat else category_id

    def district_name(self, district_id: str) -> str:
        """Name of a district id."""
        dist = self.districts.get(district_id)
        return dist.name if dist else district_id


def districts_of(offer: Offer) -> list[str]:
    """District ids an offer belongs to: its location's district and its service area."""
    ids: list[str] = []
    if offer.location and offer.location.district:
        ids.append(offer.location.district)
    for d in offer.service_area or []:
        if d not in ids:
            ids.append(d)
    return ids


def is_public_location(offer: Offer) -> bool:
    """True when the offer's address and coordinates may be published."""
    return offer.location is not None and not offer.location.confidential
