"""The exports keep their languages: GeoJSON nests every translation (with its check date),
CSV has a column per translated text and site language, HSDS carries German and the languages
spoken (HSDS 3.0 has no field for a translated name or description) and still validates."""

from __future__ import annotations

import csv
import io
import json
import shutil

from export_fixtures import FIXTURE, FIXTURE_DAY, SITE
from test_export_hsds import _all_errors

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.exports.csv_export import csv_bytes
from build_tools.exports.geojson import geojson_data
from build_tools.exports.hsds import hsds_objects
from build_tools.exports.records import FIELDS

UK = """\
  uk:
    title: Продуктовий банк Центр
    summary: Продукти для людей з малим доходом.
    checked: 2026-11-01
"""


def _catalog(tmp_path, languages):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    tafel = content / "offers" / "tafel-mitte.yml"
    tafel.write_text(tafel.read_text(encoding="utf-8") + UK, encoding="utf-8")
    result = load_catalog(content, AtlasConfig(site_url=SITE, languages=languages), FIXTURE_DAY)
    assert result.catalog is not None, result.problems
    return result.catalog


def _rows(catalog) -> dict[str, dict[str, str]]:
    rows = list(csv.reader(io.StringIO(csv_bytes(catalog).decode("utf-8-sig"), newline=""),
                           delimiter=";"))
    assert all(len(row) == len(rows[0]) for row in rows)
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}, rows[0]


def test_csv_has_translated_columns_per_site_language(tmp_path):
    catalog = _catalog(tmp_path, ["de", "uk", "en"])
    by_id, header = _rows(catalog)
    extra = header[len(FIELDS):]
    assert header[:len(FIELDS)] == list(FIELDS)
    assert extra == [f"{key}_{code}" for code in ("uk", "en") for key in (
        "titel", "kurzbeschreibung", "beschreibung", "hinweis_zeiten", "wegbeschreibung",
        "aktueller_hinweis")]
    tafel = by_id["tafel-mitte"]
    assert tafel["titel_uk"] == "Продуктовий банк Центр" and tafel["titel_en"] == "Food bank centre"
    assert tafel["kurzbeschreibung_en"] == "Food for people on low incomes."
    assert tafel["beschreibung_uk"] == ""  # not translated: empty, the German column has it
    # A protected place's directions stay out in every language.
    shelter = by_id["frauenhaus"]
    assert shelter["titel_en"] == "Women's shelter" and shelter["wegbeschreibung_en"] == ""


def test_csv_without_other_languages_keeps_its_columns(tmp_path):
    _, header = _rows(_catalog(tmp_path, ["de"]))
    assert header == list(FIELDS)


def test_geojson_nests_every_translation_with_its_check_date(tmp_path):
    catalog = _catalog(tmp_path, ["de"])  # GeoJSON carries every language written
    features = {f["id"]: f["properties"] for f in geojson_data(catalog)["features"]}
    assert features["tafel-mitte"]["uebersetzungen"] == {
        "en": {"kurzbeschreibung": "Food for people on low incomes.", "titel": "Food bank centre"},
        "uk": {"abgeglichen": "2026-11-01", "kurzbeschreibung": "Продукти для людей з малим доходом.",
               "titel": "Продуктовий банк Центр"},
    }
    json.dumps(features)  # plain JSON: the date went out as text


def test_hsds_carries_german_and_the_languages_spoken(tmp_path):
    catalog = _catalog(tmp_path, ["de", "uk", "en"])
    objects = hsds_objects(catalog, FIXTURE_DAY)
    assert _all_errors(objects) == []
    (service,) = [s for s in objects["services"] if s["name"] == "Tafel Mitte"]
    assert "Продукти" not in json.dumps(service, ensure_ascii=False)
    assert [lang["code"] for lang in service["languages"]] == ["de", "en", "ar"]
