"""Search records: words that mean what they say, weights in order, nothing hidden inside."""

from __future__ import annotations

import json

from build_tools.opening_hours.compact import compact_schedule
from build_tools.schema import Status
from build_tools.search.records import CLOSED_FACTOR, FILTERS, WEIGHTS, offer_record
from build_tools.search.words import STOP_WORDS
from tests.htmlquery import parse


def record(facts, offer):
    html = offer_record(facts, offer)
    assert html is not None
    return parse(html)


def blocks(tree) -> dict[str, list[float]]:
    """Indexed text → the weights it appears with (title and every block)."""
    body = tree.find("main", data_pagefind_body="")
    out: dict[str, list[float]] = {}
    for el in body.iter():
        if "data-pagefind-weight" in el.attrs:
            out.setdefault(el.text.strip(), []).append(float(el.attrs["data-pagefind-weight"]))
    return out


def weight_of(tree, word: str) -> float:
    """The highest weight of a block that holds ``word`` (0 when none does)."""
    found = [w for text, ws in blocks(tree).items() for w in ws if word.casefold() in text.casefold()]
    return max(found, default=0.0)


def meta(tree) -> dict[str, str]:
    return {el.attrs["data-pagefind-meta"]: el.text for el in tree.find_all() if "data-pagefind-meta" in el.attrs}


def filters(tree) -> set[str]:
    """The record's filters; each has the one value ``ja`` (one filter per choice)."""
    spans = [el for el in tree.find_all("span") if "data-pagefind-filter" in el.attrs]
    assert all(el.text == "ja" for el in spans)
    return {el.attrs["data-pagefind-filter"] for el in spans}


def test_dogs_only_where_they_may_come(sample, facts):
    for offer in sample.published:
        tree = record(facts, offer)
        text = tree.find("main").text.casefold()
        if offer.access.pets_allowed:
            assert "hunde erlaubt" in text and "hunde" in filters(tree), offer.id
        else:
            assert "hunde erlaubt" not in text.replace("keine hunde erlaubt", ""), offer.id
            assert "mit hund" not in text and "hunde" not in filters(tree), offer.id


def test_no_papers_free_and_wheelchair_are_facts_not_guesses(sample, facts):
    for offer in sample.published:
        tree = record(facts, offer)
        got = filters(tree)
        assert ("ohne_papiere" in got) == bool(offer.access.anonymous), offer.id
        assert ("kostenlos" in got) == bool(offer.is_free), offer.id
        wheelchair = offer.location is not None and not offer.location.confidential \
            and offer.location.wheelchair.value == "yes"
        assert ("rollstuhl" in got) == wheelchair, offer.id
        assert all(name.split("-", 1)[0] in FILTERS for name in got)
        assert {f"kategorie-{c}" for c in [offer.category, *offer.also_categories]} <= got
        assert {f"zielgruppe-{g}" for g in offer.target_groups} <= got


def test_titles_need_words_and_tags_weigh_more_than_the_description(sample, facts):
    offer = sample.offer("notunterkunft-mariengasse")
    tree = record(facts, offer)
    description_word = "Mariengasse"  # also in the title: check a word only the text has
    assert weight_of(tree, description_word) == WEIGHTS["title"]
    assert weight_of(tree, "schlafen") == WEIGHTS["need"]  # need word of its category
    assert weight_of(tree, "Schlafplatz") == WEIGHTS["tags"]
    assert weight_of(tree, "Dusche") >= WEIGHTS["also"]  # its additional category's need word
    assert weight_of(tree, "obdachlos") >= WEIGHTS["groups"]
    assert WEIGHTS["title"] >= WEIGHTS["need"] >= WEIGHTS["labels"] > WEIGHTS["summary"] > WEIGHTS["text"]
    body_only = "Frühstück"  # in its description, nowhere above it
    assert 0 < weight_of(tree, body_only) <= WEIGHTS["summary"]


def test_a_temporarily_closed_offer_weighs_less(sample, facts):
    closed = next(o for o in sample.published if o.status == Status.temporarily_closed)
    tree = record(facts, closed)
    assert weight_of(tree, closed.title.split()[0]) == round(WEIGHTS["title"] * CLOSED_FACTOR, 2)
    assert json.loads(meta(tree)["hours"])["x"] == "temporarily_closed"  # the page says so
    # ... and until when: the result's live status reads "Vorübergehend geschlossen bis 15.12."
    assert json.loads(meta(tree)["hours"])["c"] == closed.closed_until.isoformat()


def test_ended_offers_have_no_record(sample, facts):
    ended = [o for o in sample.offers if o.status == Status.ended]
    assert ended and all(offer_record(facts, o) is None for o in ended)


def test_protected_places_keep_their_street_out(sample, facts):
    offer = sample.offer("frauenhaus-musterstadt")
    hidden = offer.model_copy(update={"location": offer.location.model_copy(
        update={"street": "Geheimweg 7", "postal_code": "52351", "city": "Musterstadt"})})
    html = offer_record(facts, hidden)
    assert "Geheimweg" not in html and "52351" not in html
    assert meta(parse(html))["ort"].startswith("Adresse geschützt")


def test_translations_are_searchable_and_marked_with_their_language(sample, facts):
    offer = sample.offer("strassenambulanz")
    tree = record(facts, offer)
    marked = {el.attrs["lang"]: el.text for el in tree.find("main").iter() if "lang" in el.attrs}
    assert set(marked) == set(offer.translations)
    assert "Street clinic" in marked["en"] and marked["ar"].startswith("العيادة")
    assert tree.find("html").attrs["lang"] == "de"  # one index per language later: Pagefind reads this


def test_stop_words_are_left_out_but_negations_stay(sample, facts):
    for offer in sample.published:
        words = record(facts, offer).find("main").text.casefold().split()
        assert not {w.strip(",.;:!?") for w in words} & STOP_WORDS, offer.id
    offer = sample.offer("notunterkunft-mariengasse")
    no_dogs = offer.model_copy(update={"description": "Keine Hunde, nicht mit Katze, ohne Anmeldung."})
    text = record(facts, no_dogs).find("main").text
    assert "Keine Hunde, nicht Katze, ohne Anmeldung." in text


def test_metadata_carries_what_a_result_shows(sample, facts):
    offer = sample.offer("notunterkunft-mariengasse")
    got = meta(record(facts, offer))
    assert got["title"] == offer.title
    assert meta(record(facts, sample.offer("duschen-tagestreff")))["title"] == "Duschen im Tagestreff Am Wall"
    assert got["cat"] == "notunterkunft"
    assert got["ort"] == "Mariengasse 5"
    assert json.loads(got["hours"]) == compact_schedule(offer)
    assert "zeiten" not in got  # the live status comes from the hours
    assert got["kostenlos"] == "ja"
    unknown = offer.model_copy(update={"opening_hours": None, "hours_note": "Nach Absprache"})
    assert meta(record(facts, unknown))["zeiten"] == "Nach Absprache"


def test_values_are_escaped(sample, facts):
    offer = sample.offer("suppenkueche-ost")
    hostile = offer.model_copy(update={"title": "Suppe <script>alert(1)</script>", "tags": ['"><img src=x>']})
    html = offer_record(facts, hostile)
    assert "<script>alert" not in html and "<img" not in html
    assert meta(parse(html))["title"] == "Suppe <script>alert(1)</script>"
