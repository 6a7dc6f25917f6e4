"""The sample atlas speaks the languages of the people who need it most: the offers for the
night, food, showers, drinking water and a doctor are translated in full into English and
Ukrainian, and have at least a title and summary in Arabic and Turkish."""

from __future__ import annotations

import pytest

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.translation_report import german_fields, translation_report
from tests.conftest import CONTENT, TODAY

IMPORTANT = {"notunterkunft", "essen", "hygiene", "trinkwasser", "medizin"}


@pytest.fixture(scope="module")
def catalog():
    result = load_catalog(CONTENT, AtlasConfig(), TODAY)
    assert result.catalog is not None
    return result.catalog


def _important(catalog):
    offers = [o for o in catalog.published
              if IMPORTANT & {o.category, *o.also_categories}]
    assert len(offers) >= 25, len(offers)
    return offers


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_important_offers_are_translated_in_full(catalog, lang):
    lacking = {}
    for offer in _important(catalog):
        tr = offer.translations.get(lang)
        missing = [f for f in german_fields(offer) if tr is None or not getattr(tr, f)]
        if missing:
            lacking[offer.id] = missing
    assert lacking == {}


@pytest.mark.parametrize("lang", ["ar", "tr"])
def test_important_offers_have_title_and_summary(catalog, lang):
    lacking = [o.id for o in _important(catalog)
               if not (lang in o.translations and o.translations[lang].title
                       and o.translations[lang].summary)]
    assert lacking == []


def test_the_report_counts_what_the_sample_has(catalog):
    report = translation_report(catalog, ["de", "en", "uk", "ar", "tr"])
    counts = {c.lang: c.translated for c in report.counts}
    assert all(counts[lang] >= len(_important(catalog)) for lang in ("en", "uk", "ar", "tr"))
    assert report.summary().startswith(f"Übersetzungen: en {counts['en']} von "
                                       f"{len(catalog.published)} Angeboten")
