"""Papers and dogs in one wording (build_tools.facts): what a page says when the content is
silent, what a flyer leaves out, and the flyers' languages with German fallback."""

from __future__ import annotations

import pytest

from build_tools import facts
from build_tools.schema import Access


class _Offer:
    def __init__(self, **access):
        self.access = Access(**access)


@pytest.mark.parametrize(("access", "papers", "dogs"), [
    ({}, None, None),
    ({"anonymous": True}, "Keine Papiere nötig – anonym möglich", None),
    ({"anonymous": False}, None, None),
    ({"anonymous": True, "requirements": "Ausweis mitbringen"}, "Ausweis mitbringen", None),
    ({"pets_allowed": True}, None, "Hunde erlaubt"),
    ({"pets_allowed": False}, None, "Keine Hunde erlaubt"),
])
def test_known_facts(access, papers, dogs):
    offer = _Offer(**access)
    assert facts.known_papers(offer) == papers
    assert facts.known_dogs(offer) == dogs
    assert facts.papers_text(offer) == (papers or "nicht angegeben – bitte nachfragen")
    assert facts.dogs_text(offer) == (dogs or "nicht angegeben – bitte nachfragen")


def test_every_print_language_has_every_word():
    for lang, words in facts.WORDS.items():
        assert words.keys() == facts.WORDS["de"].keys(), lang
    assert facts.known_dogs(_Offer(pets_allowed=True), "en") == "Dogs allowed"
    assert facts.word("dogs", "fr") == "Hunde"  # unknown language: German


def test_yes_no():
    assert facts.yes_no(None, "ja", "nein", "?") == "?"
    assert facts.yes_no(True, "ja", "nein", "?") == "ja"
    assert facts.yes_no(False, "ja", "nein", "?") == "nein"
