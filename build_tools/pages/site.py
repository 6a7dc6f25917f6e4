"""The pages family of a site build: start page, offers, lists, category/district pages, map, search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..outputs import Contribution
from .assets import category_css
from .common import PageInputs
from .home import home
from .lists import (
    az_page,
    categories_index_page,
    category_page,
    district_page,
    districts_index_page,
    map_page,
)
from .offer import offer_pages
from .privacy import privacy_fragments
from .search import search_page

if TYPE_CHECKING:
    from ..build import Inputs, Tools


def page_inputs(inputs: Inputs, tools: Tools) -> PageInputs:
    """What the page renderers read, from the build's inputs and tools."""
    return PageInputs(
        catalog=inputs.catalog,
        templates=tools.templates,
        holidays=inputs.holidays,
        flyers=inputs.flyers.paths if inputs.flyers is not None else frozenset(),
        memory=tools.memory,
        indicators=getattr(inputs, "indicators", None),  # test doubles may lack it
    )


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """The start page, the lists, category and district pages, and the category colours as CSS."""
    catalog = inputs.catalog
    facts = page_inputs(inputs, tools)
    result = Contribution()
    home_page, home_files = home(facts)
    result.pages.append(home_page)
    result.files += home_files
    result.pages.append(az_page(facts))
    result.pages.append(map_page(facts))
    result.pages.append(categories_index_page(facts))
    result.pages.append(districts_index_page(facts))
    result.pages.append(search_page(facts))
    result.pages += [category_page(facts, category_id) for category_id in catalog.categories]
    result.pages += [district_page(facts, district_id) for district_id in catalog.districts]
    result.files.append(category_css(catalog))
    result.fragments.update(privacy_fragments(facts))
    return result


def render_offers(inputs: Inputs, tools: Tools) -> Contribution:
    """One page per offer and language (a German tombstone for ended ones): the offers of
    ``tools.offers``, all of them unless the driver shares them out between processes. An
    offer's pages in every language stay in one share, so both processes' shares stay even."""
    facts = page_inputs(inputs, tools)
    return Contribution(pages=[page for offer in inputs.catalog.offers[tools.offers]
                               for page in offer_pages(facts, offer)])
