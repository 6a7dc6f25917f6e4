"""The search page ``/suche/``: search form, filters, results, and a keyword index A–Z.

With JavaScript, ``atlas-search.js`` asks the Pagefind index (:mod:`build_tools.search`) and
shows results here, also for a link such as ``suche/?q=Dusche`` on a flyer. Without it, the
same form leads to this same page, whose keyword index (need words and tags, each linked to
its categories or offers) still helps. The page itself is never a search result.
"""

from __future__ import annotations

import json
from itertools import groupby
from typing import Any

from .. import urls
from ..i18n import SOURCE, catalogue
from ..opening_hours.texts import status_words
from ..outputs import GeneratedPage
from ..search.records import RANKING
from ..search.words import FACT_QUERIES, STOP_WORDS, keyword_entries
from . import views
from .common import HOURS_SCRIPT, SCRIPT_LANGUAGES, PageInputs, linker
from .needs import CHIPS_SCRIPT, need_chips
from .offer_texts import category_label, district_label, target_group_label
from .trees import language_switch, suggestion, tree_languages, tree_meta

SEARCH_SCRIPT = urls.asset_path("javascripts/atlas-search.js")
FACT_FILTERS = (
    ("kostenlos", "free"),
    ("ohne_papiere", "no_papers"),
    ("hunde", "dogs_yes"),
    ("rollstuhl", "wheelchair_ok"),
)
"""Yes/no filters of the index and the catalogue keys of their labels (the "open now" filter
is the script's own)."""
SCRIPT_TEXTS = ("s_for", "s_none", "s_near", "s_none_open", "s_open_of", "s_open_first", "s_word",
                "s_running", "s_failed", "s_chosen", "free")
"""Catalogue keys ``atlas-search.js`` says (in the page's data, in the page's language); the
number of results goes as ``offers``: the forms of ``counts.offers``, chosen in the browser by
``Intl.PluralRules`` (the same CLDR rules Babel applies to the pages)."""


def search_page(inputs: PageInputs, lang: str = SOURCE) -> GeneratedPage:
    """``/suche/`` and each language tree's ``/<lang>/suche/``: works with and without JavaScript.

    Pagefind keeps one index per ``<html lang>`` of its records and loads the one of the search
    page's own ``lang``: the page in ``lang`` finds the offer pages in ``lang``
    (:func:`build_tools.search.records.language_record`). The keyword index A–Z is German
    words and stays on the German page."""
    catalog = inputs.catalog
    german_path = urls.search_path()
    path = urls.language_path(lang, german_path)
    link = linker(path)
    own = catalogue(lang)
    t = own.ui
    choices = {
        "kategorie": [(c.id, category_label(catalog, c.id, lang).text) for c in catalog.categories.values()
                      if catalog.in_category(c.id)],
        "sozialraum": [(d.id, district_label(catalog, d.id, lang).text)
                       for d in sorted(catalog.districts.values(), key=lambda d: views.sort_key(d.name))],
        "zielgruppe": [(g.id, target_group_label(catalog, g.id, lang).text) for g in catalog.target_groups.values()],
    }
    letters = []
    if lang == SOURCE:
        entries = keyword_entries(
            catalog,
            link=lambda category_id: link(urls.category_path(category_id)),
            offer_link=lambda offer: link(urls.offer_path(offer.id)),
            sort_key=views.sort_key,
        )
        for letter, members in groupby(entries, key=lambda e: views.initial(e["word"])):
            letters.append({"letter": letter, "anchor": "stichwort-" + ("0" if letter == "#" else letter.lower()),
                            "entries": list(members)})
    languages = tree_languages(catalog)
    switch = language_switch(german_path, lang, languages) if len(languages) > 1 else []
    html = inputs.templates.render(
        "search.html",
        t=t,
        switch=switch,
        suggest=suggestion(switch, lang, path),
        action="./",
        bundle=link(urls.search_bundle_path("pagefind.js")),
        root=link(""),
        ranking=json.dumps(RANKING, sort_keys=True),
        selects=[
            {"name": "kategorie", "label": t["kind_category"], "options": choices["kategorie"]},
            {"name": "sozialraum", "label": t["district"], "options": choices["sozialraum"]},
            {"name": "zielgruppe", "label": t["for_whom"], "options": choices["zielgruppe"]},
        ],
        checks=[(name, t[key]) for name, key in FACT_FILTERS],
        letters=letters,
        az_href=link(urls.language_path(lang, urls.offers_index_path())),
        categories_href=link(urls.language_path(lang, urls.categories_index_path())),
        data=_script_data(inputs, lang),
        chips=need_chips(catalog, lang),
        scripts=[link(HOURS_SCRIPT), link(SEARCH_SCRIPT), link(CHIPS_SCRIPT)],
    )
    meta = tree_meta({"description": t["search_description"], "atlas_page": "search", "hide": ["toc"]},
                     catalog, german_path, lang)
    return GeneratedPage(path=path, title=t["search_title"], html=html, meta=meta)


def _script_data(inputs: PageInputs, lang: str = SOURCE) -> dict[str, Any]:
    """What the script needs besides the index: holidays for the live status, the stop words,
    the words that ask for a fact, its sentences in the page's language (and the live
    status's words where ``atlas-hours.js`` does not carry them)."""
    own = catalogue(lang)
    data: dict[str, Any] = {"holidays": sorted(day.isoformat() for day in inputs.holidays),
                            "stop": sorted(STOP_WORDS),
                            "facts": {name: list(words) for name, words in FACT_QUERIES.items()},
                            "texts": {key: own.ui[key] for key in SCRIPT_TEXTS},
                            "offers": dict(own.counts["offers"].forms)}
    if lang not in SCRIPT_LANGUAGES:
        data["lang"], data["words"] = lang, status_words(lang)
    return data
