"""Every page this package renders, as one :class:`Contribution`.

``ctx.extra["available_files"]`` (a set of site paths other contributors produced, e.g. flyer
PDFs) lets offer pages link only what exists.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..outputs import BuildContext, Contribution
from . import integrations
from .assets import category_css
from .home import home_page
from .lists import (
    az_page,
    categories_index_page,
    category_page,
    district_page,
    districts_index_page,
    map_page,
)
from .offer import offer_page


def contribute(catalog: Catalog, ctx: BuildContext) -> Contribution:
    """Start page, offer pages, lists, category/district pages, the map page, category CSS."""
    holiday_list = integrations.holidays(catalog)
    available = frozenset(ctx.extra.get("available_files", ()))
    result = Contribution()
    result.pages.append(home_page(catalog))
    result.pages.append(az_page(catalog, holiday_list))
    result.pages.append(map_page(catalog, ctx, holiday_list))
    result.pages.append(categories_index_page(catalog))
    result.pages.append(districts_index_page(catalog))
    for category_id in catalog.categories:
        result.pages.append(category_page(catalog, category_id, ctx, holiday_list))
    for district_id in catalog.districts:
        result.pages.append(district_page(catalog, district_id, ctx, holiday_list))
    for offer in catalog.offers:
        result.pages.append(offer_page(catalog, offer, ctx, holiday_list, available))
    result.files.append(category_css(catalog))
    return result
