"""Needs as people name them: one tile or chip per category, with its pictogram and one word.

The home page shows a tile per need with the number of offers open right now. The browser
counts them with ``atlas-hours.js``'s evaluation; the build sends each distinct schedule once
and, per category, how many of its offers follow it — in the page while that is small, else
in ``kategorien/jetzt-offen.json``. Without JavaScript the tile shows the total count.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from .. import urls
from ..catalog import Catalog
from ..hyphenation import hyphenated
from ..memo import FORGETFUL, Memory
from ..opening_hours import compact_schedule
from ..outputs import GeneratedFile
from ..pictograms import svg_shapes
from .common import linker
from .offer_texts import category_label, category_need

NEEDS_SCRIPT = urls.asset_path("javascripts/atlas-needs.js")
"""Counts the home page's open offers per need."""
CHIPS_SCRIPT = urls.asset_path("javascripts/atlas-chips.js")
"""Filters the map page (list and map) or the search by the chosen need."""
NEARBY_SCRIPT = urls.asset_path("javascripts/atlas-nearby.js")
"""Sorts lists by distance to the visitor's position ("In meiner Nähe"), on the device only."""


def need_chips(catalog: Catalog, lang: str = "de") -> list[dict[str, Any]]:
    """One chip per category that has published offers: id, word, label, pictogram shapes, in
    the words of ``lang`` (``lang``: "de" where a word stands in German for a missing one)."""
    chips = []
    for cat in catalog.categories.values():
        if not catalog.in_category(cat.id):
            continue
        word, label = category_need(catalog, cat.id, lang), category_label(catalog, cat.id, lang)
        chips.append({"id": cat.id, "word": word.text, "lang": word.lang, "label": label.text,
                      "icon": svg_shapes(cat.icon)})
    return chips


MIN_BREAKABLE = 9
"""Words of up to eight letters never break."""


def breakable(word: str) -> str:
    """``word`` with soft hyphens at its German syllables: a long need word ("Schuldnerberatung")
    breaks as "Schuldner-/beratung" in a narrow tile instead of at any letter. Browsers show
    the hyphen only where they break the line."""
    return hyphenated([word], MIN_BREAKABLE)[word]


def need_tiles(catalog: Catalog, page_path: str, lang: str = "de", memory: Memory = FORGETFUL) -> list[dict[str, Any]]:
    """The home page's tiles: a chip plus the total count and the category page's link
    (``memory``: where the need words' syllables are kept)."""
    link = linker(page_path)
    tiles = []
    chips = need_chips(catalog, lang)
    # German syllables only for German words: other languages break where the browser can
    german = hyphenated([chip["word"] for chip in chips if lang == "de" or chip["lang"]], MIN_BREAKABLE, memory)
    for chip in chips:
        word = german.get(chip["word"], chip["word"]) if lang == "de" or chip["lang"] else chip["word"]
        tiles.append({**chip, "word": word, "count": len(catalog.in_category(chip["id"])),
                      "href": link(urls.language_path(lang, urls.category_path(chip["id"])))})
    return tiles


INLINE_LIMIT = 16_000
"""Bytes of schedule data the home page carries itself; more go to a file fetched by the script,
so that a page without JavaScript stays light (5,000 generated offers: 1,819 distinct
schedules, 199 KB)."""


def open_count_data(catalog: Catalog, holidays: Iterable[date]) -> dict[str, Any]:
    """What ``atlas-needs.js`` evaluates: ``holidays``, the distinct ``schedules`` keyed
    ``s0``, ``s1``, … (compact form, as ``atlas-hours.js`` reads it), and per category
    ``needs``: ``[[key, number of offers], …]``.

    Offers without anything to evaluate never count as open, so they are left out.
    """
    keys: dict[str, str] = {}
    schedules: dict[str, Any] = {}
    needs: dict[str, list[list[Any]]] = {}
    for cat in catalog.categories.values():
        counts: Counter[str] = Counter()
        for offer in sorted(catalog.in_category(cat.id), key=lambda o: o.id or ""):
            compact = compact_schedule(offer)
            if not compact.get("r"):
                continue
            text = json.dumps(compact, sort_keys=True, separators=(",", ":"))
            if text not in keys:
                keys[text] = f"s{len(keys)}"
                schedules[keys[text]] = compact
            counts[keys[text]] += 1
        if counts:
            needs[cat.id] = [[key, counts[key]] for key in sorted(counts, key=lambda k: int(k[1:]))]
    return {"holidays": sorted(day.isoformat() for day in holidays), "schedules": schedules, "needs": needs}


def open_count_file(data: dict[str, Any]) -> GeneratedFile | None:
    """The data as ``kategorien/jetzt-offen.json`` when it is too big to inline, else None."""
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return GeneratedFile(urls.needs_data_path(), raw) if len(raw) > INLINE_LIMIT else None
