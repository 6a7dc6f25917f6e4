"""HSDS 3.0 export: strict validation against the official compiled schemas, ids, privacy."""

from __future__ import annotations

import hashlib
import json
import uuid

from export_fixtures import fixture_catalog, sample_catalog
from hsds_validation import errors

from build_tools.exports.hsds import hsds_files, hsds_objects
from build_tools.exports.ids import NAMESPACE, hsds_id
from build_tools.exports.site import export_files

KINDS = {
    "services": "service",
    "organizations": "organization",
    "service_at_locations": "service_at_location",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}


def _all_errors(objects) -> list[str]:
    found = []
    for stem, kind in KINDS.items():
        for obj in objects[stem]:
            found += [f"{stem} {obj.get('id')}: {e}" for e in errors(kind, obj)]
    return found


def test_fixture_export_validates_strictly(catalog):
    objects = hsds_objects(catalog)
    assert len(objects["services"]) == 5
    assert _all_errors(objects) == []


def test_sample_atlas_export_validates_strictly():
    objects = hsds_objects(sample_catalog())
    assert objects["services"]
    assert _all_errors(objects) == []


def test_strict_validation_catches_invented_fields(catalog):
    service = hsds_objects(catalog)["services"][0]
    assert errors("service", {**service, "kategorie": "x"})  # additionalProperties: false
    assert errors("service", {**service, "status": "ended"})  # not HSDS vocabulary
    nested = json.loads(json.dumps(service))
    nested["schedules"][0]["oeffnungszeiten"] = "Mo-Fr"
    assert any("oeffnungszeiten" in e for e in errors("service", nested))


def test_ids_are_uuid5_of_our_ids_and_stable(catalog):
    assert uuid.UUID("5b0c7f4e-2d1a-5e8b-9c3f-a7e4d2b1c0f9") == NAMESPACE
    services = {s["name"]: s for s in hsds_objects(catalog)["services"]}
    assert services["Tafel Mitte"]["id"] == hsds_id("service", "tafel-mitte")
    assert services["Tafel Mitte"]["id"] == str(uuid.uuid5(NAMESPACE, "service:tafel-mitte"))
    assert hsds_files(catalog) == hsds_files(fixture_catalog())  # byte-identical


def test_status_mapping_and_ended_offers(catalog):
    services = {s["name"]: s for s in hsds_objects(catalog)["services"]}
    assert services["Tafel Mitte"]["status"] == "active"
    assert services["Sprechstunde im Stadtteilbüro"]["status"] == "temporarily closed"
    ended = services["Alte Beratung"]
    assert ended["status"] == "defunct"
    assert not {"service_at_locations", "schedules", "service_areas"} & set(ended)


def test_closure_until_and_reason_as_field_attributes(catalog):
    # HSDS 3.0 says "temporarily closed" but has no field for until when: a field term carries it.
    services = {s["name"]: s for s in hsds_objects(catalog)["services"]}
    closed = services["Sprechstunde im Stadtteilbüro"]
    values = {a["taxonomy_term"]["code"]: a["value"] for a in closed["attributes"]
              if a["taxonomy_term"]["taxonomy"] == "angebotsatlas-felder"}
    assert values["geschlossen_bis"] == "2027-01-31"
    assert values["schliessungsgrund"] == "Umbau"
    open_codes = {a["taxonomy_term"]["code"] for a in services["Tafel Mitte"]["attributes"]}
    assert not {"geschlossen_bis", "schliessungsgrund"} & open_codes
    terms = {t["code"] for t in hsds_objects(catalog)["taxonomy_terms"]}
    assert {"geschlossen_bis", "schliessungsgrund"} <= terms
    assert _all_errors({"services": [closed]} | {k: [] for k in KINDS if k != "services"}) == []


def test_confidential_place_is_nowhere(catalog):
    services = {s["name"]: s for s in hsds_objects(catalog)["services"]}
    shelter = services["Frauenhaus Musterstadt"]
    assert "service_at_locations" not in shelter
    assert [a["extent"] for a in shelter["service_areas"]] == ["mitte"]
    for name, data in export_files(catalog).items():
        text = data.decode("utf-8-sig")
        for secret in ("Geheimweg", "50.7801", "6.4702", "Hinter der Kirche", "Behind the church"):
            assert secret not in text, (name, secret)


def test_fields_filled(catalog):
    tafel = next(s for s in hsds_objects(catalog)["services"] if s["name"] == "Tafel Mitte")
    assert tafel["assured_date"] == "2026-10-01"
    assert [p["number"] for p in tafel["phones"]] == ["+492421123456", "+492421654321"]
    assert [(lang["code"], lang["name"]) for lang in tafel["languages"]] == [
        ("de", "Deutsch"), ("en", "Englisch"), ("ar", "Arabisch")]
    location = tafel["service_at_locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == (50.8034, 6.4826)
    address = location["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["city"], address["country"],
            address["state_province"]) == ("Marktplatz 3", "52349", "Musterstadt", "DE",
                                           "Nordrhein-Westfalen")
    assert location["accessibility"][0]["details"] == "wheelchair=limited"
    assert tafel["organization"]["name"] == "Tafel Musterstadt e. V."
    assert tafel["organization"]["organization_identifiers"][0]["identifier"] == "tafel"
    main = [a for a in tafel["attributes"] if a.get("value") == "hauptkategorie"][0]
    assert main["taxonomy_term"]["code"] == "essen"
    assert main["taxonomy_term"]["term_uri"] == "https://hilfe.example/kategorien/essen/"


def _times(service):
    return [(s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"]]


def test_schedules(catalog):
    services = {s["name"]: s for s in hsds_objects(catalog)["services"]}
    tafel = services["Tafel Mitte"]
    assert _times(tafel) == [
        ("WEEKLY", "MO,TU,WE,TH,FR", "09:00", "12:00"),
        ("WEEKLY", "MO,TU,WE,TH,FR", "14:00", "16:00"),
        ("WEEKLY", "SA", "10:00", "12:00"),
    ]
    assert {s["description"] for s in tafel["schedules"]} == {"An Feiertagen: geschlossen."}
    assert {s["notes"] for s in tafel["schedules"]} == {"Letzter Einlass 30 Minuten vor Schluss."}
    bus = services["Kältebus"]
    assert _times(bus) == [("WEEKLY", "MO,WE,FR", "20:00", "02:00"), ("MONTHLY", "1SU", "18:00", "20:00")]
    # The season becomes the current window (the fixture's day is 2026-11-22).
    assert {(s["valid_from"], s["valid_to"]) for s in bus["schedules"]} == {("2026-11-01", "2027-03-31")}
    office = services["Sprechstunde im Stadtteilbüro"]
    assert _times(office) == [("WEEKLY", "TU", "10:00", "12:00")]
    assert "nach Absprache" in office["schedules"][0]["description"]
    assert "Nov, Dez: Do 15:00–17:00" in office["schedules"][0]["description"]
    assert services["Frauenhaus Musterstadt"]["schedules"][0]["byday"] == "MO,TU,WE,TH,FR,SA,SU"


def test_taxonomy_files(catalog):
    objects = hsds_objects(catalog)
    names = {t["name"] for t in objects["taxonomies"]}
    assert names == {"angebotsatlas-kategorien", "angebotsatlas-zielgruppen", "angebotsatlas-felder"}
    terms = {(t["taxonomy"], t["code"]): t for t in objects["taxonomy_terms"]}
    assert terms[("angebotsatlas-kategorien", "schutz")]["term_uri"] == \
        "https://hilfe.example/kategorien/schutz/"


def test_datapackage_index_matches_files(catalog):
    files = hsds_files(catalog)
    package = json.loads(files["datapackage.json"])
    assert {r["path"] for r in package["resources"]} == set(files) - {"datapackage.json"}
    for resource in package["resources"]:
        data = files[resource["path"]]
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["count"] == len(json.loads(data))
