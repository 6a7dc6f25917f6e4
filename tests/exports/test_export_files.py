"""GeoJSON and CSV: RFC 7946 shape, spreadsheet-safe CSV, documented keys, the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from export_fixtures import FIXTURE, ROOT, fixture_catalog

from build_tools.cli import main
from build_tools.exports.csv_export import cell, csv_bytes
from build_tools.exports.geojson import geojson_bytes
from build_tools.exports.records import FIELDS


def test_geojson_is_rfc7946(catalog):
    data = json.loads(geojson_bytes(catalog))
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946: WGS84 only, no crs member
    features = {f["id"]: f for f in data["features"]}
    assert set(features) == {"frauenhaus", "kaeltebus", "sprechstunde", "tafel-mitte"}  # no ended
    tafel = features["tafel-mitte"]
    assert tafel["type"] == "Feature"
    assert tafel["geometry"] == {"type": "Point", "coordinates": [6.4826, 50.8034]}  # [lon, lat]
    assert list(tafel["properties"]) == list(FIELDS)
    assert tafel["properties"]["telefon"] == ["02421 123456", "+49 2421 654321"]
    assert tafel["properties"]["uebersetzungen"] == {
        "en": {"kurzbeschreibung": "Food for people on low incomes.", "titel": "Food bank centre"}}
    for hidden in ("frauenhaus", "kaeltebus"):
        assert features[hidden]["geometry"] is None
    shelter = features["frauenhaus"]["properties"]
    assert shelter["geschuetzter_ort"] is True
    assert (shelter["strasse"], shelter["breite"], shelter["wegbeschreibung"]) == (None, None, None)
    assert shelter["sozialraeume"] == ["mitte"]
    assert shelter["uebersetzungen"] == {"en": {"titel": "Women's shelter"}}


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_opens_cleanly(catalog):
    data = csv_bytes(catalog)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel detects UTF-8
    assert b"\r\n" in data and data.endswith(b"\r\n")
    rows = _rows(data)
    assert rows[0] == list(FIELDS)
    assert len(rows) == 1 + len(catalog.published)
    assert all(len(row) == len(FIELDS) for row in rows)
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    tafel = by_id["tafel-mitte"]
    assert tafel["sprachen"] == "de | en | ar"
    # Only a cell that *starts* with a formula character is run by spreadsheets.
    assert tafel["stichwoerter"] == "Lebensmittel | =SUMME(A1)"
    assert tafel["telefon"] == "02421 123456 | +49 2421 654321"
    assert tafel["beschreibung"].startswith("Ausgabe von Lebensmitteln.\n\n**Bitte**")
    assert tafel["breite"] == "50.8034"
    assert tafel["anonym"] == "nein" and tafel["anmeldung_noetig"] == "ja" and tafel["termin_noetig"] == ""
    assert (tafel["geschlossen_bis"], tafel["schliessungsgrund"]) == ("", "")
    closed = by_id["sprechstunde"]
    assert (closed["status"], closed["geschlossen_bis"], closed["schliessungsgrund"]) == (
        "temporarily_closed", "2027-01-31", "Umbau")
    assert by_id["frauenhaus"]["strasse"] == "" and by_id["frauenhaus"]["breite"] == ""
    assert "alte-beratung" not in by_id


def test_formulas_are_defused():
    assert cell("=SUMME(A1)") == "'=SUMME(A1)"
    assert cell(["+49 2421 1", "x"]) == "'+49 2421 1 | x"
    assert cell("@x") == "'@x" and cell("-1") == "'-1"
    assert cell(-6.5) == "-6.5"  # numbers are numbers
    assert cell(True) == "ja" and cell(None) == ""


def test_outputs_are_deterministic(catalog):
    assert geojson_bytes(catalog) == geojson_bytes(fixture_catalog())
    assert csv_bytes(catalog) == csv_bytes(fixture_catalog())


def test_every_key_is_documented():
    doc = (ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")
    missing = [key for key in FIELDS if f"`{key}`" not in doc]
    assert missing == []


def test_cli_export(tmp_path, capsys):
    out = tmp_path / "daten"
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://hilfe.example/\n", encoding="utf-8")
    code = main(["export", "--out", str(out), "--config", str(config), "--content", str(FIXTURE)])
    assert code == 0
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert names == ["angebote.csv", "angebote.geojson", "hsds/datapackage.json",
                     "hsds/organizations.json", "hsds/service_at_locations.json",
                     "hsds/services.json", "hsds/taxonomies.json", "hsds/taxonomy_terms.json"]
    assert not list(tmp_path.glob(".atlas-export-*"))


def test_cli_export_refuses_broken_content(tmp_path, capsys):
    content = tmp_path / "content"
    (content / "offers").mkdir(parents=True)
    for name in ("categories.yml", "target_groups.yml", "districts.geojson"):
        (content / name).write_bytes((FIXTURE / name).read_bytes())
    (content / "offers" / "x.yml").write_text("title: x\n", encoding="utf-8")
    out = tmp_path / "daten"
    code = main(["export", "--out", str(out), "--config", str(tmp_path / "none.yml"),
                 "--content", str(content)])
    assert code == 1
    assert not Path(out).exists()
