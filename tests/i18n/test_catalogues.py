"""The UI catalogues: every language has every key German has, and the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.i18n import (
    GERMAN_ONLY,
    PLURAL_SECTIONS,
    SOURCE,
    available,
    catalogue,
    flat_keys,
    plural_categories,
    plural_category,
)
from build_tools.project import open_project
from build_tools.resources import catalogues_dir

LANGUAGES = [code for code in available() if code != SOURCE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _raw(code: str) -> dict:
    return yaml.safe_load((catalogues_dir() / f"{code}.yml").read_text(encoding="utf-8"))


def _values(data: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        if not prefix and key in PLURAL_SECTIONS + GERMAN_ONLY:
            continue  # forms per plural category: test_plural_texts_have_every_form_of_their_language
        if isinstance(value, dict):
            out |= _values(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


def test_the_five_languages_of_the_issue_exist():
    assert set(available()) >= {"de", "en", "uk", "ar", "tr"}
    assert available()[0] == "de"


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_language_misses_a_key(code):
    german, other = flat_keys(_raw(SOURCE)), flat_keys(_raw(code))
    assert not german - other, f"{code}.yml fehlt: {sorted(german - other)}"
    assert not other - german, f"{code}.yml hat unbekannte Schlüssel: {sorted(other - german)}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_and_list_lengths_agree(code):
    german, other = _values(_raw(SOURCE)), _values(_raw(code))
    for key, value in german.items():
        if isinstance(value, list):
            assert len(other[key]) == len(value), (code, key)
        elif isinstance(value, str):
            assert set(PLACEHOLDER.findall(other[key])) == set(PLACEHOLDER.findall(value)), (code, key)
            # words some languages leave out: "Uhr" after a time, "am" before a date
            if value.strip() and key not in ("hours.week.uhr", "hours.status.on"):
                assert str(other[key]).strip(), (code, key)


def test_arabic_is_right_to_left_and_names_are_their_own():
    assert catalogue("ar").rtl and not catalogue("uk").rtl
    assert catalogue("uk").name == "Українська" and catalogue("ar").name == "العربية"
    assert catalogue("de").t("suggest", language="English") == "Diese Seite gibt es auch auf English."


MKDOCS = """\
site_name: Test
site_url: https://hilfe.test.example/
plugins:
  - atlas:
      content_dir: {content}
      languages: [de, en, ukr, de]
"""


def test_languages_are_validated_at_mkdocs_yml_line_and_column(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(MKDOCS.format(content=tmp_path / "content"), encoding="utf-8")
    project, problems = open_project(config)
    assert project is None
    shown = "\n".join(p.format_text().replace(str(tmp_path) + "/", "") for p in problems)
    assert "mkdocs.yml:6:18: error: atlas.languages" in shown, shown
    assert "'ukr'" in shown and "gemeint ist wohl 'uk'" in shown, shown


def test_german_must_come_first(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(MKDOCS.format(content=tmp_path / "content").replace("[de, en, ukr, de]", "[en, de]"),
                      encoding="utf-8")
    _, problems = open_project(config)
    assert any("die erste Sprache muss 'de' sein" in p.message for p in problems), problems


@pytest.mark.parametrize("code", available())
def test_material_speaks_every_catalogue_language(code):
    # A language tree's pages take the theme's own strings, <html lang> and <body dir> from
    # Material's language file (site_templates/overrides/partials/language.html).
    import material

    from build_tools.resources import overrides_dir

    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    assert (languages / f"{code}.html").is_file(), code
    text = (languages / f"{code}.html").read_text(encoding="utf-8")
    assert f'"direction": "{catalogue(code).dir}"' in text or catalogue(code).dir == "ltr"
    assert (overrides_dir() / "partials" / "language.html").is_file()


@pytest.mark.parametrize("code", available())
def test_plural_texts_have_every_form_of_their_language(code):
    """Each text with a number has exactly the CLDR plural categories of its language (Babel's
    rules: Ukrainian one/few/many/other, Arabic zero … other), German's placeholders, and a
    form may leave out ``{n}`` only where its category holds a single number (Arabic "عرض
    واحد" for 1), never where it holds many (Ukrainian "one" is 1, 21, 31 …). Texts with no
    ``{n}`` in any form agree with a list of names (:meth:`PluralText.listing`)."""
    german = _raw(SOURCE)
    sections = [s for s in PLURAL_SECTIONS if s not in GERMAN_ONLY or code == SOURCE]
    for section in sections:
        for key, forms in (_raw(code).get(section) or {}).items():
            assert set(forms) == plural_categories(code), (code, key, sorted(forms))
            wanted = set(PLACEHOLDER.findall(german[section][key]["other"]))
            for category, text in forms.items():
                found = set(PLACEHOLDER.findall(text))
                assert found <= wanted and found >= wanted - {"n"}, (code, key, category)
                if "n" not in found and any("{n}" in t for t in forms.values()):
                    members = [n for n in range(0, 201) if plural_category(code, n) == category]
                    assert len(members) == 1, (code, key, category, members[:5])


COUNTED = [0, 1, 2, 5, 21]


@pytest.mark.parametrize("code,expected", [
    ("de", ["0 Angebote", "1 Angebot", "2 Angebote", "5 Angebote", "21 Angebote"]),
    ("en", ["0 offers", "1 offer", "2 offers", "5 offers", "21 offers"]),
    ("uk", ["0 пропозицій", "1 пропозиція", "2 пропозиції", "5 пропозицій", "21 пропозиція"]),
    ("ar", ["0 عرض", "عرض واحد", "عرضان", "5 عروض", "21 عرضًا"]),
])
def test_offer_counts_take_the_plural_form_of_the_number(code, expected):
    assert [catalogue(code).counts["offers"](n) for n in COUNTED] == expected


def test_plural_categories_are_cldr_not_a_rule_of_ours():
    assert [plural_category("uk", n) for n in (1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111)] == [
        "one", "few", "few", "many", "many", "many", "one", "few", "many", "one", "many"]
    assert [plural_category("ar", n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102)] == [
        "zero", "one", "two", "few", "few", "many", "many", "other", "other"]


def test_a_listing_agrees_with_the_names_not_with_a_numeral():
    moving = catalogue("de").counts["moving_in"]
    assert moving.listing(["Innenstadt"]) == "unterwegs im Sozialraum Innenstadt"
    assert moving.listing(["Innenstadt", "Nord", "West"]) == (
        "unterwegs in den Sozialräumen Innenstadt, Nord und West")
    names = [f"R{i}" for i in range(21)]
    assert catalogue("uk").counts["moving_in"].listing(names).startswith("працює в районах ")
