"""Need words, fact words, compounds a hyphen leaves out, and the keyword index A–Z."""

from __future__ import annotations

import pytest

from build_tools.pages.views import sort_key
from build_tools.search.words import elided_words, keyword_entries, without_stop_words


@pytest.mark.parametrize(("title", "words"), [
    ("Schuldner- und Insolvenzberatung", ["Schuldnerberatung"]),
    ("Erziehungs- und Familienberatung", ["Erziehungsberatung"]),
    ("Schlafsack- und Deckenausgabe", ["Schlafsackausgabe"]),
    ("Frauen- oder Männerhaus", ["Frauenhaus"]),
    ("Arbeit und Tagesstruktur", []),
    ("Jugend- und Familienhilfe, Kinder- und Jugendtreff", ["Jugendhilfe", "Kindertreff"]),
    ("Tafel- und Kleider", []),  # no known word end: nothing guessed
])
def test_compounds_a_hyphen_leaves_out(title, words):
    assert elided_words(title) == words


def test_stop_words_go_negations_stay():
    assert without_stop_words("Wo kann ich duschen, ohne Papiere und keine Hunde?") \
        == "duschen, ohne Papiere keine Hunde?"
    assert without_stop_words("Duschen im Tagestreff „Am Wall“ (im Hof).") == "Duschen Tagestreff Wall“ Hof)."


def _entries(sample):
    return keyword_entries(sample, link=lambda c: f"k/{c}", offer_link=lambda o: f"a/{o.id}",
                           sort_key=sort_key)


def test_every_need_word_leads_somewhere(sample):
    entries = {e["word"].casefold(): e for e in _entries(sample)}
    assert [link["href"] for link in entries["schlafen"]["links"]] == ["k/notunterkunft"]
    for category in sample.categories.values():
        if sample.in_category(category.id):
            for word in category.need_words:
                assert any(link["href"] == f"k/{category.id}" for link in entries[word.casefold()]["links"])
    # a target group's word leads to the categories that have offers for that group
    women = {link["href"] for link in entries["mädchen"]["links"]}
    assert "k/notunterkunft" in women and "k/frauen-schutz" in women and "k/trinkwasser" not in women


def test_tags_lead_to_their_offers_or_to_categories(sample):
    entries = {e["word"].casefold(): e for e in _entries(sample)}
    assert [link["href"] for link in entries["zahnschmerzen"]["links"]] == ["a/zahnarzt-sprechstunde"]
    water = {link["href"] for link in entries["trinkbrunnen"]["links"]}
    assert "k/trinkwasser" in water  # five offers: their category, not five links
    assert not [e for e in entries.values() if any("mieterberatung" in link["href"] for link in e["links"])]


def test_keyword_index_is_in_german_order(sample):
    words = [e["word"] for e in _entries(sample)]
    assert words == sorted(words, key=lambda w: (sort_key(w), w))
    assert len({w.casefold() for w in words}) == len(words)
