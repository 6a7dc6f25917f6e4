"""The start page: the needs as tiles (pictogram, one word, open now), emergency numbers, search."""

from __future__ import annotations

import re

from markupsafe import Markup

from .. import urls
from ..counts import offer_counts
from ..i18n import SOURCE, catalogue
from ..outputs import GeneratedFile, GeneratedPage
from .common import HOURS_SCRIPT, PageInputs
from .count_texts import home_lead
from .needs import NEEDS_SCRIPT, need_tiles, open_count_data, open_count_file
from .trees import language_switch, suggestion, tree_languages, tree_meta


def emergency_href(number: str) -> str:
    """``tel:`` link for a number as dialled (short numbers like 112 stay as they are)."""
    return "tel:" + re.sub(r"[^\d+]", "", number)


def home_page(inputs: PageInputs, lang: str = SOURCE) -> GeneratedPage:
    """``/``: what a person needs first."""
    return home(inputs, lang=lang)[0]


def home(inputs: PageInputs, banner: str = "", lang: str = SOURCE) -> tuple[GeneratedPage, list[GeneratedFile]]:
    """The start page in ``lang`` and, for a big atlas, the file its need tiles' counts come
    from (one file for every language: the counts are the same).

    ``banner``: the alerts' HTML (:mod:`.alerts`), placed below the need tiles."""
    catalog = inputs.catalog
    config = catalog.config
    path = urls.language_path(lang, "")
    t = catalogue(lang).ui
    emergency = [
        {"label": e.label, "number": e.number, "note": e.note, "href": emergency_href(e.number)}
        for e in config.emergency_numbers
    ]
    needs = open_count_data(catalog, inputs.holidays)
    needs_file = open_count_file(needs)

    languages = tree_languages(catalog)
    switch = language_switch("", lang, languages) if len(languages) > 1 else []

    def tree(german_path: str) -> str:
        return urls.relative_url(path, urls.language_path(lang, german_path))

    html = inputs.templates.render(
        "home.html",
        t=t,
        german=lang == SOURCE,
        switch=switch,
        suggest=suggestion(switch, lang, path),
        name=config.name,
        lead=home_lead(offer_counts(catalog), lang),
        n=catalogue(lang).counts,
        search_action=tree(urls.search_path()),  # the tree's own search (its own index)
        map_href=tree(urls.map_path()),
        az_href=tree(urls.offers_index_path()),
        emergency=emergency,
        tiles=need_tiles(catalog, path, lang, inputs.memory),
        needs=None if needs_file else needs,
        needs_src=urls.relative_url(path, needs_file.path) if needs_file else "",
        banner=Markup(banner),  # noqa: S704 - rendered by our autoescaping templates
        scripts=[urls.relative_url(path, HOURS_SCRIPT), urls.relative_url(path, NEEDS_SCRIPT)],
        links=[
            {"label": t["all_categories"], "href": tree(urls.categories_index_path())},
            {"label": t["districts"], "href": tree(urls.districts_index_path())},
        ],
    )
    meta = tree_meta({"atlas_page": "home", "hide": ["toc"]}, catalog, "", lang)
    files = [needs_file] if needs_file and lang == SOURCE else []
    return GeneratedPage(path=path, title=config.name, html=html, meta=meta), files
