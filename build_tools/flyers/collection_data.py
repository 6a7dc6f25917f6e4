"""What a Wegweiser prints: the formats, and the selected offers grouped, sorted and numbered.

Offers are grouped by category (in the order of the definition's categories, then of
categories.yml) and sorted by title; each gets the number it has in the list and on the town
map. :class:`CollectionData` is plain data: it pickles to worker processes and hashes into the
PDF cache key. Laying it out is :mod:`.collection_layout`'s job, drawing :mod:`.collection`'s.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import urls
from ..catalog import Catalog
from .texts import OfferSheet, category_label, format_date

if TYPE_CHECKING:
    from ..planning.travel.network import TownStreets


@dataclass(frozen=True)
class Format:
    """Geometry of one collection format, in mm and pt."""

    name: str
    width: float
    height: float
    margin: float
    columns: int
    gutter: float
    title_size: float
    body_size: float
    name_size: float
    phone_size: float
    big_qr: float
    booklet: bool = False
    entry_qr_min: float = 18.0
    """Side of an entry's code (mm): at least this, more when the link needs it ..."""
    entry_qr_max: float = 28.0
    """... but never more (28 mm holds version 7: a site_url of up to about 110 characters)."""


FORMATS = {
    "a4": Format("a4", 210, 297, 14, 2, 8, 26, 10, 12.5, 13, 44),
    "a5": Format("a5", 148, 210, 10, 1, 0, 20, 9.5, 11.5, 12.5, 38),
    "a6-booklet": Format("a6-booklet", 105, 148, 7, 1, 0, 16, 8.5, 10.5, 11.5, 42, True),
}


@dataclass
class Entry:
    """One numbered offer in the list (or a piece of one that runs over a column)."""

    number: int
    sheet: OfferSheet
    part: list | None = None
    """The blocks of this piece, when the entry was split over columns."""
    continued: bool = False
    """True for the second and later pieces (no badge, no code)."""


@dataclass
class Section:
    """The offers of one category."""

    category: str
    label: str
    color: str
    icon: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class CollectionData:
    """Everything a Wegweiser prints; plain data (picklable, hashable into the cache key)."""

    slug: str
    title: str
    intro: str
    lang: str
    format: str
    url: str
    sections: list[Section]
    offer_codes: bool
    stand: str
    author: str
    districts: list = field(default_factory=list)
    """(name, geometry) pairs for the town map."""
    emergency: list[tuple[str, str, str]] = field(default_factory=list)
    show_map: bool = True
    source: str = ""
    """The definition file (``flyers/<slug>.yml``), for messages."""
    streets: TownStreets | None = None
    """The town's streets for the map (from its OSM extract; None: none given)."""


def _sort_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def collection_data(catalog: Catalog, coll, sheets: dict[str, OfferSheet], site_url: str,
                    lang: str, streets: TownStreets | None = None) -> CollectionData:
    """Group and number the selected offers; ``sheets`` maps offer id → printed facts;
    ``streets`` go on a booklet's town map."""
    wanted = list(coll.categories)
    order = {cid: i for i, cid in enumerate([*wanted, *catalog.categories])}

    def section_of(offer) -> str:
        # The selected category the offer was chosen for (its main one when that was chosen).
        for cid in [offer.category, *offer.also_categories]:
            if not wanted or cid in wanted:
                return cid
        return offer.category

    offers = sorted(coll.offers, key=lambda o: (order.get(section_of(o), 999),
                                                 _sort_key(sheets[o.id].title), o.id))
    sections: list[Section] = []
    for number, offer in enumerate(offers, start=1):
        sheet = sheets[offer.id]
        cid = section_of(offer)
        if not sections or sections[-1].category != cid:
            cat = catalog.categories.get(cid)
            sections.append(Section(cid, category_label(catalog, cid, lang),
                                    cat.color if cat else sheet.color,
                                    cat.icon if cat else sheet.icon))
        sections[-1].entries.append(Entry(number, sheet))
    latest = max(o.last_verified for o in coll.offers)
    districts = []
    if coll.format == "a6-booklet":
        wanted = coll.districts or list(catalog.districts)
        districts = [(catalog.districts[d].name, catalog.districts[d].geometry)
                     for d in wanted if d in catalog.districts]
    return CollectionData(
        slug=coll.slug,
        title=coll.title,
        intro=coll.intro,
        lang=lang,
        format=coll.format,
        url=urls.absolute_url(site_url, coll.page_path),
        sections=sections,
        offer_codes=coll.offer_codes,
        stand=format_date(latest, lang),
        author=catalog.config.publisher or catalog.config.name,
        districts=districts,
        emergency=[(e.label, e.number, e.note or "") for e in catalog.config.emergency_numbers],
        show_map=coll.map,
        source=coll.source,
        streets=streets if coll.format == "a6-booklet" and coll.map else None,
    )
