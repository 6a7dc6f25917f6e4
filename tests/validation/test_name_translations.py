"""Names of categories, target groups and districts in further languages (``translations``):
an unknown language or field is an error at its line and column, in German, with the fix — all
of them in one run — and a page in a language shows the translated name."""

from __future__ import annotations

import json

from build_tools.pages.offer_texts import (
    category_label,
    category_need,
    district_label,
    target_group_label,
)

CATEGORIES = """\
- id: essen
  label: Essen
  color: "#b3261e"
  icon: food
  translations:
    en: {name: Food, need_label: Food}
    xx: {name: Essen}
- id: beratung
  label: Beratung
  color: "#1a5fb4"
  icon: chat
  translations:
    uk: {name: Консультації, titel: Порада}
"""

GROUPS = """\
- id: wohnungslose
  label: Wohnungslose Menschen
  translations: {ar: {name: أشخاص بلا مأوى, need_label: مأوى}}
"""


def test_unknown_languages_and_fields_are_errors_at_their_place(content):
    (content.folder / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    (content.folder / "target_groups.yml").write_text(GROUPS, encoding="utf-8")
    lines = [x for x in content.lines() if "translations" in x]
    assert lines == [
        "content/categories.yml:6:5: error: [0].translations: Sprache 'xx' wird nicht übersetzt; "
        "möglich: en, uk, ar, tr, ru, pl, ro, bg, fa, fr",
        "content/categories.yml:13:30: error: [1].translations.uk.titel: unbekanntes Feld (Tippfehler?)",
        "content/target_groups.yml:3:45: error: [0].translations.ar.need_label: unbekanntes Feld (Tippfehler?)",
    ], content.lines()


def _districts(content, translations) -> None:
    path = content.folder / "districts.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["translations"] = translations
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def test_a_district_name_in_an_unknown_language_or_with_other_fields_is_an_error(content):
    _districts(content, {"xx": {"name": "Mitte"}})
    wrong_language = [x for x in content.lines() if "translations" in x]
    assert len(wrong_language) == 1 and "Sprache 'xx' wird nicht übersetzt" in wrong_language[0], wrong_language
    assert wrong_language[0].startswith("content/districts.geojson:")
    _districts(content, {"en": {"name": "Centre", "summary": "x"}})
    other_field = [x for x in content.lines() if "translations" in x]
    assert len(other_field) == 1 and "nur name (unbekannt: summary)" in other_field[0], other_field


def test_translated_names_and_the_german_fallback(content):
    _districts(content, {"en": {"name": "Centre"}})
    (content.folder / "categories.yml").write_text(
        CATEGORIES.replace("    xx: {name: Essen}\n", "").replace(", titel: Порада", ""), encoding="utf-8")
    result = content.check()
    assert not [p for p in result.problems if p.severity == "error"], content.lines()
    catalog = result.catalog
    assert category_label(catalog, "essen", "en").text == "Food"
    assert category_need(catalog, "essen", "en").text == "Food"
    assert category_label(catalog, "beratung", "uk").text == "Консультації"
    # no name in that language: the German one, marked as German
    assert (category_label(catalog, "essen", "tr").text, category_label(catalog, "essen", "tr").lang) == ("Essen", "de")
    assert target_group_label(catalog, "wohnungslose", "uk").lang == "de"
    district = next(iter(catalog.districts))
    assert district_label(catalog, district, "en").text == "Centre"
    assert district_label(catalog, district, "uk").lang == "de"
