"""The pages family of a site build: start page, offers, lists, category/district pages, map, search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import alerts, urls
from ..outputs import Contribution
from .alerts import banner, with_banner
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
from .trees import tree_languages

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
    """The start page, the lists, category and district pages, and the category colours as CSS;
    each page with the alerts that concern it (:mod:`build_tools.alerts`)."""
    catalog = inputs.catalog
    facts = page_inputs(inputs, tools)
    current = catalog.alerts
    result = Contribution()
    for lang in tree_languages(catalog):  # German first, then each further language's tree
        home_page, home_files = home(facts, banner(facts.templates, urls.language_path(lang, ""), alerts.for_home(current)), lang)
        result.pages.append(home_page)
        result.files += home_files
        for make in (az_page, map_page, categories_index_page, districts_index_page):
            result.pages.append(with_banner(make(facts, lang), facts, alerts.for_page(current)))
        # each tree's own search page: Pagefind keeps an index per <html lang> of the records
        result.pages.append(with_banner(search_page(facts, lang), facts, alerts.for_page(current)))
        result.pages += [with_banner(category_page(facts, category_id, lang), facts,
                                     alerts.for_category(current, category_id))
                         for category_id in catalog.categories]
        result.pages += [with_banner(district_page(facts, district_id, lang), facts,
                                     alerts.for_district(current, district_id))
                         for district_id in catalog.districts]
    result.files.append(category_css(catalog))
    result.fragments.update(privacy_fragments(facts))
    return result


def render_offers(inputs: Inputs, tools: Tools) -> Contribution:
    """One page per offer and language (a German tombstone for ended ones), in catalog order:
    the offers ``tools.offers`` gives this process, all of them unless the driver shares them
    out between processes (an offer's pages in every language are rendered together)."""
    facts = page_inputs(inputs, tools)
    offers = inputs.catalog.offers
    # each index is claimed just before its pages are rendered (the other process may be
    # claiming from the other end meanwhile), then the pages are put in catalog order
    done = sorted((index, offer_pages(facts, offers[index])) for index in tools.offers.indices(len(offers)))
    return Contribution(pages=[page for _, pages in done for page in pages])
