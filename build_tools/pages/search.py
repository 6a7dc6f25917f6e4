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
from ..outputs import GeneratedPage
from ..search.records import RANKING
from ..search.words import FACT_QUERIES, STOP_WORDS, keyword_entries
from . import views
from .common import HOURS_SCRIPT, PageInputs, linker
from .needs import CHIPS_SCRIPT, need_chips

SEARCH_SCRIPT = urls.asset_path("javascripts/atlas-search.js")
FACT_FILTERS = (
    ("kostenlos", "kostenlos"),
    ("ohne_papiere", "ohne Papiere"),
    ("hunde", "Hunde erlaubt"),
    ("rollstuhl", "rollstuhlgerecht"),
)
"""Yes/no filters of the index and their labels (the "open now" filter is the script's own)."""


def search_page(inputs: PageInputs) -> GeneratedPage:
    """``/suche/``: works with and without JavaScript."""
    catalog = inputs.catalog
    path = urls.search_path()
    link = linker(path)
    choices = {
        "kategorie": [(c.id, c.label) for c in catalog.categories.values() if catalog.in_category(c.id)],
        "sozialraum": [(d.id, d.name) for d in sorted(catalog.districts.values(),
                                                     key=lambda d: views.sort_key(d.name))],
        "zielgruppe": [(g.id, g.label) for g in catalog.target_groups.values()],
    }
    entries = keyword_entries(
        catalog,
        link=lambda category_id: link(urls.category_path(category_id)),
        offer_link=lambda offer: link(urls.offer_path(offer.id)),
        sort_key=views.sort_key,
    )
    letters = []
    for letter, members in groupby(entries, key=lambda e: views.initial(e["word"])):
        letters.append({"letter": letter, "anchor": "stichwort-" + ("0" if letter == "#" else letter.lower()),
                        "entries": list(members)})
    html = inputs.templates.render(
        "search.html",
        action="./",
        bundle=link(urls.search_bundle_path("pagefind.js")),
        root=link(""),
        ranking=json.dumps(RANKING, sort_keys=True),
        selects=[
            {"name": "kategorie", "label": "Kategorie", "options": choices["kategorie"]},
            {"name": "sozialraum", "label": "Sozialraum", "options": choices["sozialraum"]},
            {"name": "zielgruppe", "label": "Für wen", "options": choices["zielgruppe"]},
        ],
        checks=list(FACT_FILTERS),
        letters=letters,
        az_href=link(urls.offers_index_path()),
        categories_href=link(urls.categories_index_path()),
        data=_script_data(inputs),
        chips=need_chips(catalog),
        scripts=[link(HOURS_SCRIPT), link(SEARCH_SCRIPT), link(CHIPS_SCRIPT)],
    )
    meta = {"description": "Hilfeangebote suchen: nach Wörtern, Kategorie, Sozialraum, jetzt geöffnet.",
            "atlas_page": "search", "hide": ["toc"]}
    return GeneratedPage(path=path, title="Suche", html=html, meta=meta)


def _script_data(inputs: PageInputs) -> dict[str, Any]:
    """What the script needs besides the index: holidays for the live status, the stop words,
    the words that ask for a fact."""
    return {"holidays": sorted(day.isoformat() for day in inputs.holidays),
            "stop": sorted(STOP_WORDS),
            "facts": {name: list(words) for name, words in FACT_QUERIES.items()}}
