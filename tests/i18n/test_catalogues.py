"""The UI catalogues: every language has every key German has, and the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.i18n import SOURCE, available, catalogue, flat_keys
from build_tools.project import open_project
from build_tools.resources import catalogues_dir

LANGUAGES = [code for code in available() if code != SOURCE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _raw(code: str) -> dict:
    return yaml.safe_load((catalogues_dir() / f"{code}.yml").read_text(encoding="utf-8"))


def _values(data: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
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
