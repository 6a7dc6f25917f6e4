"""Words people search with: need words of categories and target groups, facts as words.

Pure functions over the catalog. Facts become words only where they are true: an offer that
takes dogs says "Hunde erlaubt", one that does not says nothing about dogs, so a search for
"Hund" can never find a "Keine Hunde" first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..catalog import Catalog
from ..schema import Offer, Wheelchair

STOP_WORDS = frozenset({
    "ab", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "bitte", "brauche", "brauchen",
    "da", "das", "dass", "dem", "den", "der", "des", "die", "dies", "diese", "dir", "du", "ein",
    "eine", "einem", "einen", "einer", "es", "etwas", "fuer", "für", "gern", "gerne", "gibt",
    "hat", "heute", "hier", "ich", "ihr", "im", "in", "irgendwo", "ist", "ja", "jetzt", "kann",
    "könnte", "mal", "man", "mein", "meine", "mich", "mir", "mit", "möchte", "nach", "noch",
    "nur", "oder", "sich", "sie", "sind", "so", "sofort", "suche", "suchen", "um", "und", "uns",
    "vom", "von", "vor", "was", "welche", "welcher", "wenn", "wer", "wie", "will", "wir", "wo",
    "zu", "zum", "zur"
})
"""Words that carry no need ("wo kann ich duschen" asks for "duschen"). They are left out of the
records and out of queries alike (the search page gets this list), so a word that is not in the
index cannot be matched through "im" or "in" either. Negations stay ("ohne Papiere", and "keine
Hunde" must never turn into "Hunde")."""

FACT_WORDS = {
    "free": ("kostenlos", "umsonst", "gratis", "kostenfrei"),
    "no_papers": ("ohne Papiere oder Ausweis", "keine Papiere nötig", "anonym"),
    "dogs": ("Hunde erlaubt", "mit Hund", "Haustiere willkommen"),
    "wheelchair": ("rollstuhlgerecht", "barrierefrei", "stufenlos", "Rollstuhl"),
    "walk_in": ("ohne Anmeldung", "einfach vorbeikommen"),
}
"""The words an offer gets for each fact that is true of it (and only then)."""

FACT_QUERIES = {
    "kostenlos": ("kostenlos", "umsonst", "gratis", "kostenfrei", "ohne geld"),
    "ohne_papiere": ("ohne papiere", "ohne ausweis", "keine papiere", "anonym"),
    "hunde": ("hund", "hunde", "haustier", "haustiere"),
    "rollstuhl": ("rollstuhl", "rollstuhlgerecht", "barrierefrei", "stufenlos"),
}
"""What people type for a fact, by the filter that answers it. The search page turns these words
into the filter (``essen umsonst`` → ``essen`` among the free offers): exact, and a first
search loads a small filter file instead of the index of a word in nearly every offer."""


ELIDED_HEADS = (
    "beratung", "ausgabe", "stelle", "hilfe", "treff", "küche", "kammer", "stube", "dienst",
    "haus", "zentrum", "arbeit", "versorgung", "sprechstunde", "unterkunft", "frühstück",
)
"""Word ends a German compound may share ("Schuldner- und Insolvenzberatung")."""

_ELISION = re.compile(r"\b(\w+)-\s+(?:und|oder|bzw\.|,)\s+(\w+)", re.UNICODE)


def elided_words(text: str) -> list[str]:
    """The compounds a hyphen leaves out: "Schuldner- und Insolvenzberatung" → Schuldnerberatung.

    German writes the shared end of two compounds once; people search for the whole word. The
    shared end is found in :data:`ELIDED_HEADS` (longest first), so nothing is guessed.
    """
    found = []
    for first, second in _ELISION.findall(text):
        lowered = second.casefold()
        head = next((h for h in sorted(ELIDED_HEADS, key=len, reverse=True)
                     if lowered.endswith(h) and len(lowered) > len(h)), None)
        if head:
            found.append(first + head)
    return found


def facts_of(offer: Offer) -> dict[str, bool]:
    """Which of :data:`FACT_WORDS`' facts are true of ``offer`` (unknown counts as false)."""
    access = offer.access
    location = offer.location
    return {
        "free": bool(offer.is_free),
        "no_papers": bool(access.anonymous),
        "dogs": access.pets_allowed is True,
        "wheelchair": bool(location and not location.confidential
                           and location.wheelchair == Wheelchair.yes),
        "walk_in": access.registration_required is False and not access.appointment_required,
    }


def fact_words(offer: Offer) -> list[str]:
    """The words for every true fact of ``offer``, in the order of :data:`FACT_WORDS`."""
    true = facts_of(offer)
    return [word for fact, words in FACT_WORDS.items() if true[fact] for word in words]


def category_need_words(catalog: Catalog, category_id: str) -> list[str]:
    """The need words of a category (none for an unknown id)."""
    category = catalog.categories.get(category_id)
    return list(category.need_words) if category else []


def target_group_need_words(catalog: Catalog, group_ids: Iterable[str]) -> list[str]:
    """The need words of the target groups, each word once, in order."""
    words: dict[str, None] = {}
    for group_id in group_ids:
        group = catalog.target_groups.get(group_id)
        if group is not None:
            words.update(dict.fromkeys(group.need_words))
    return list(words)


_PUNCTUATION = ".,;:!?\"'„“”‚‘’()[]…–—"


def without_stop_words(text: str) -> str:
    """``text`` without :data:`STOP_WORDS` (case-insensitive), words joined by single spaces.

    Split on whitespace, not with a regular expression: this runs over every word of every
    record (a pattern of 90 alternatives took 0.3 ms a record).
    """
    return " ".join(word for word in text.split()
                    if word.strip(_PUNCTUATION).casefold() not in STOP_WORDS)


def unique(words: Iterable[str]) -> list[str]:
    """``words`` without repeats (case-insensitive), first spelling kept."""
    seen: set[str] = set()
    out = []
    for word in words:
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            out.append(word)
    return out


def keyword_entries(catalog: Catalog, link: Any, offer_link: Any, sort_key: Any,
                    tag_offer_limit: int = 6) -> list[dict[str, Any]]:
    """The keyword index of the search page: ``{"word", "links": [{"label", "href"}]}``, A–Z.

    A category's need word leads to the category; a target group's need word to the categories
    that have offers for that group; an offer's tag to the offers that carry it (to their
    categories when more than ``tag_offer_limit`` do). ``link(category_id)`` and
    ``offer_link(offer)`` give the hrefs; ``sort_key`` orders words the German way.
    """
    by_word: dict[str, dict[str, Any]] = {}

    def add(word: str, label: str, href: str) -> None:
        entry = by_word.setdefault(word.casefold(), {"word": word, "links": {}})
        entry["links"].setdefault(href, label)

    published = catalog.published
    groups_in: dict[str, set[str]] = {}
    tagged: dict[str, list[Offer]] = {}
    for offer in published:
        for group in offer.target_groups:
            groups_in.setdefault(group, set()).update([offer.category, *offer.also_categories])
        for tag in offer.tags:
            tagged.setdefault(tag.casefold(), []).append(offer)
    for category in catalog.categories.values():
        if not catalog.in_category(category.id):
            continue
        for word in category.need_words:
            add(word, category.label, link(category.id))
    for group in catalog.target_groups.values():
        categories = [c for c in catalog.categories if c in groups_in.get(group.id, ())]
        for word in group.need_words:
            for category_id in categories:
                add(word, catalog.category_label(category_id), link(category_id))
    for key in sorted(tagged):
        offers = tagged[key]
        word = offers[0].tags[[t.casefold() for t in offers[0].tags].index(key)]
        if len(offers) <= tag_offer_limit:
            for offer in sorted(offers, key=lambda o: sort_key(o.title)):
                add(word, offer.title, offer_link(offer))
        else:
            for category_id in sorted({o.category for o in offers}, key=list(catalog.categories).index):
                add(word, catalog.category_label(category_id), link(category_id))
    entries = [{"word": e["word"], "links": [{"href": h, "label": lab} for h, lab in e["links"].items()]}
               for e in by_word.values()]
    return sorted(entries, key=lambda e: (sort_key(e["word"]), e["word"]))
