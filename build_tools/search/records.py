"""One search record per offer: a small HTML document made only for the search index.

The record is not the offer page. It holds the words a person may type, in weighted blocks
(title, need words and tags above the description), the offer's facts as words that are true
of it (:mod:`.words`), the filters of the search page and the metadata a result shows (title,
category, address, opening hours for the live status). Pagefind reads these attributes:

- ``data-pagefind-body`` marks what is indexed; ``data-pagefind-weight`` weighs a block;
- ``data-pagefind-meta`` and ``data-pagefind-filter`` inside a ``data-pagefind-ignore`` block
  are result data, not words.

What a record never holds: the street of a protected place, an ended offer (no record at
all), anything of a page marked ``noindex``. Pure: catalog in, HTML out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import unescape
from typing import Any

import nh3

from ..catalog import districts_of, is_public_location
from ..languages import RTL_LANGUAGES, language_name
from ..opening_hours.compact import compact_schedule
from ..pages import views
from ..pages.common import PageInputs
from ..schema import Offer, Status
from .words import (
    category_need_words,
    elided_words,
    fact_words,
    facts_of,
    target_group_need_words,
    unique,
    without_stop_words,
)

LANGUAGE = "de"
"""The language of the site's records. Pagefind builds one index per ``<html lang>`` of the
records and the search page loads the one of its own ``lang``: when the atlas has a language
tree (``/en/…``), its records are written with ``language="en"`` and that tree's search page
searches them, stemmed in that language. Until then the German records carry every
translation's title and summary, marked with its ``lang``."""

WEIGHTS = {
    "title": 6.0,
    "need": 5.0,
    "tags": 5.0,
    "labels": 4.0,
    "also": 3.0,
    "groups": 3.0,
    "facts": 3.0,
    "summary": 2.0,
    "translations": 1.5,
    "text": 1.0,
    "places": 1.0,
}
"""Weight of each block (Pagefind: 0–10, quadratic: 2.0 counts about four times 1.0)."""
RANKING = {
    "termSimilarity": 2.0,
    "pageLength": 0.2,
    "termFrequency": 0.6,
    "termSaturation": 1.4,
    "metaWeights": {"title": 1.0},
}
"""Pagefind's ranking parameters for these records (passed to ``pagefind.options``).

Records differ in length only by their description, so page length counts little; the title
is weighted in the record itself, so Pagefind's own bonus for a title match (5.0) is lowered:
otherwise "Schlafsack-Ausgabe" wins "schlafen" by its title's first letters alone."""
CLOSED_FACTOR = 0.6
"""A temporarily closed offer's weights are scaled by this: still found, below open ones."""

FILTERS = ("kategorie", "sozialraum", "zielgruppe", "kostenlos", "ohne_papiere", "hunde", "rollstuhl")
"""Filter names of the index (the search page offers each)."""

_FACT_FILTERS = {"kostenlos": "free", "ohne_papiere": "no_papers", "hunde": "dogs", "rollstuhl": "wheelchair"}


@dataclass(frozen=True)
class Block:
    """Words of one weight; ``lang`` for text in another language than the record's."""

    weight: float
    text: str
    lang: str = ""
    dir: str = ""


def offer_record(inputs: PageInputs, offer: Offer, page: dict[str, Any] | None = None,
                 language: str = LANGUAGE) -> str | None:
    """The search record of ``offer`` (None for an ended offer: it is never found).

    ``page`` is the offer page's context (:func:`build_tools.pages.offer.offer_context`) when
    the page was just rendered: its description HTML, hours text and schedule are reused.
    """
    if offer.status == Status.ended:
        return None
    return inputs.templates.render("search_record.html", **record_context(inputs, offer, page, language))


def record_context(inputs: PageInputs, offer: Offer, page: dict[str, Any] | None = None,
                   language: str = LANGUAGE) -> dict[str, Any]:
    """What ``search_record.html`` writes: blocks, metadata and filters of one offer."""
    page = page or {}
    catalog = inputs.catalog
    main = catalog.categories.get(offer.category)
    also = [catalog.categories[c] for c in offer.also_categories if c in catalog.categories]
    groups = [catalog.target_groups[g] for g in offer.target_groups if g in catalog.target_groups]
    public = is_public_location(offer)
    places = [catalog.district_name(d) for d in districts_of(offer)]
    if public and offer.location is not None:
        places += [x for x in (offer.location.street, offer.location.city) if x]
    provider = catalog.provider_name(offer)
    if provider:
        places.append(provider)
    blocks = [
        Block(WEIGHTS["title"], offer.title),
        Block(WEIGHTS["title"], _join(elided_words(offer.title))),
        Block(WEIGHTS["need"], _join(category_need_words(catalog, offer.category))),
        Block(WEIGHTS["tags"], _join(offer.tags)),
        Block(WEIGHTS["labels"], _join([main.label] if main else [])),
        Block(WEIGHTS["also"], _join(unique(
            [c.label for c in also] + [w for c in also for w in c.need_words]))),
        Block(WEIGHTS["groups"], _join(unique(
            [g.label for g in groups] + target_group_need_words(catalog, offer.target_groups)))),
        Block(WEIGHTS["facts"], _join(fact_words(offer) + [language_name(c) for c in offer.languages])),
        Block(WEIGHTS["summary"], offer.summary),
        Block(WEIGHTS["text"], _plain(page.get("description") or inputs.markdown(offer.description))
              if offer.description else ""),
        Block(WEIGHTS["places"], _join(places)),
    ]
    blocks += _translation_blocks(offer)
    factor = CLOSED_FACTOR if offer.status == Status.temporarily_closed else 1.0
    blocks = [Block(round(b.weight * factor, 2), without_stop_words(b.text), b.lang, b.dir) for b in blocks]
    facts = facts_of(offer)
    chosen = {
        "kategorie": list(dict.fromkeys([offer.category, *offer.also_categories])),
        "sozialraum": districts_of(offer),
        "zielgruppe": list(offer.target_groups),
    }
    filters = [filter_name(name, value) for name, values in chosen.items() for value in values]
    filters += [name for name, fact in _FACT_FILTERS.items() if facts[fact]]
    known = (page.get("status") or {}).get("data", {}).get("offers", {})
    schedule = known[offer.id] if offer.id in known else compact_schedule(offer)
    # Pagefind indexes every metadata word too (it costs indexing time and can match): only
    # what a result shows, and nothing the page knows already (category labels are in its form).
    meta = {
        "title": offer.title,
        "cat": offer.category,
        "ort": views.where_short(catalog, offer),
        "hours": json.dumps(schedule, sort_keys=True, separators=(",", ":")) if schedule.get("r") else "",
        "zeiten": "" if schedule.get("r") else (page.get("hours_summary") or views.hours_summary(offer)),
        "kostenlos": "ja" if facts["free"] else "",
    }
    return {
        "lang": language,
        "title": offer.title,
        "blocks": [b for b in blocks if b.text],
        "meta": {k: v for k, v in meta.items() if v},
        "filters": filters,
    }


def filter_name(name: str, value: str) -> str:
    """The index's filter for one choice: ``kategorie``, ``essen`` → ``kategorie-essen``.

    Every filter of the index has the one value ``ja`` (the yes/no facts are named alone:
    ``kostenlos``). Pagefind 1.5.2 writes the values of a filter in a new order on every run,
    so a filter with many values would make every build's bundle differ; one value cannot.
    """
    return f"{name}-{value}"


def _translation_blocks(offer: Offer) -> list[Block]:
    """Title and summary of every translation, marked with their language."""
    out = []
    for code in sorted(offer.translations):
        tr = offer.translations[code]
        text = " — ".join(x for x in (tr.title, tr.summary) if x)
        if text:
            out.append(Block(WEIGHTS["translations"], text, code, "rtl" if code in RTL_LANGUAGES else "ltr"))
    return out


def _plain(html: str) -> str:
    """The text of sanitised HTML (the record needs words, not markup)."""
    return unescape(nh3.clean(html, tags=set()))


def _join(words: list[str]) -> str:
    """Words as one line; the commas keep Pagefind from reading two words as one phrase."""
    return ", ".join(words)


def language_record(inputs: PageInputs, offer: Offer, lang: str) -> str | None:
    """The record of ``offer`` in the index of ``lang`` (Pagefind splits indexes by the
    records' ``<html lang>``; the search page of the tree ``/<lang>/suche/`` loads its own).

    Every published offer has one, translated or not: the translation's title and summary
    where there is one, else the German ones (marked ``lang="de"``, also found by German
    words); the category's need words and names in ``lang`` (``translations`` in
    categories.yml) find every offer of the category in that language's words.
    """
    if offer.status == Status.ended:
        return None
    return inputs.templates.render("search_record.html", **language_record_context(inputs, offer, lang))


def language_record_context(inputs: PageInputs, offer: Offer, lang: str) -> dict[str, Any]:
    """What ``search_record.html`` writes for the index of ``lang``: the German record's
    filters, metadata and places, with blocks of words in ``lang`` first."""
    from ..pages.offer_texts import has_page

    catalog = inputs.catalog
    german = record_context(inputs, offer, None, LANGUAGE)
    tr = offer.translations.get(lang) if has_page(offer, lang) else None
    title = tr.title if tr is not None and tr.title else offer.title
    summary = tr.summary if tr is not None and tr.summary else offer.summary
    marked = "" if tr is not None else LANGUAGE
    cats = [catalog.categories[c] for c in dict.fromkeys([offer.category, *offer.also_categories])
            if c in catalog.categories]
    groups = [catalog.target_groups[g] for g in offer.target_groups if g in catalog.target_groups]
    own = [Block(WEIGHTS["title"], title, marked, "ltr" if marked else ""),
           Block(WEIGHTS["need"], _join(unique(
               [w for c in cats[:1] for w in (c.need_in(lang) or "", *c.need_words_in(lang))]))),
           Block(WEIGHTS["labels"], _join([c.label_in(lang) or "" for c in cats[:1]])),
           Block(WEIGHTS["also"], _join(unique(
               [w for c in cats[1:] for w in (c.label_in(lang) or "", *c.need_words_in(lang))]))),
           Block(WEIGHTS["groups"], _join([g.label_in(lang) or "" for g in groups])),
           Block(WEIGHTS["summary"], summary, marked, "ltr" if marked else "")]
    if tr is not None and tr.description:
        own.append(Block(WEIGHTS["text"], _plain(inputs.markdown(tr.description))))
    factor = CLOSED_FACTOR if offer.status == Status.temporarily_closed else 1.0
    own = [Block(round(b.weight * factor, 2), b.text.strip(", "), b.lang, b.dir) for b in own]
    # the German words after the page's own (a reader may know "Tafel" or "Dusche"), less weight
    rest = [Block(round(b.weight / 2, 2), b.text, b.lang or LANGUAGE, b.dir or "ltr")
            for b in german["blocks"] if b.lang in ("", LANGUAGE)]
    meta = {**german["meta"], "title": title}
    if marked:
        meta["de"] = "ja"  # the result says its title is German (lang="de")
    return {**german, "lang": lang, "title": title, "blocks": [b for b in [*own, *rest] if b.text],
            "meta": meta}
