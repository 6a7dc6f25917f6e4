"""Places: swapped coordinates, confidential places without (exact) coordinates, copies."""

from __future__ import annotations

BASE = "title: X\nsummary: x\ncategory: essen\nlast_verified: 2026-10-01\n"


def test_swapped_coordinates_inside_the_region_are_an_error(content):
    content.offer("x", BASE + "location: {lat: 6.45, lon: 50.81}\n")
    result = content.check()
    assert result.catalog is None
    assert [p.format_text() for p in result.problems] == [
        "content/offers/x.yml:5:17: error: location.lat: lat und lon sind vertauscht: "
        "(6.45, 50.81) liegt außerhalb des Atlas-Gebiets, umgekehrt darin — lat: 50.81 und "
        "lon: 6.45 schreiben"
    ]


def test_far_away_coordinates_only_warn(content):
    content.offer("x", BASE + "location: {lat: 48.857, lon: 2.352}\n")
    assert content.lines() == [
        "content/offers/x.yml:5:17: warning: location.lat: Koordinaten liegen außerhalb des "
        "Atlas-Gebiets (atlas.region in mkdocs.yml): Breite (lat) und Länge (lon) prüfen"
    ]


def test_a_confidential_place_needs_only_its_district(content):
    content.offer("x", BASE + "location: {district: mitte, confidential: true}\n")
    result = content.check()
    assert [p.format_text() for p in result.problems] == []
    offer = result.catalog.offer("x")
    assert offer.location.lat is None and offer.location.lon is None
    assert offer.location.district == "mitte"


def test_a_confidential_place_without_district_or_point(content):
    content.offer("x", BASE + "location: {confidential: true}\n")
    assert content.lines() == [
        "content/offers/x.yml:5:11: error: location.district: ein geschützter Ort ohne "
        "Koordinaten braucht district (den Sozialraum), sonst erscheint er in keiner Liste"
    ]


def test_an_open_place_needs_its_coordinates(content):
    content.offer("x", BASE + "location: {street: Markt 1, lat: 50.81}\n")
    content.offer("y", BASE + "location: {street: Markt 2}\n")
    assert content.lines() == [
        "content/offers/x.yml:5:11: error: location.lon: Pflichtfeld fehlt: lat und lon gehören "
        "zusammen (lon angeben)",
        "content/offers/y.yml:5:11: error: location.lat: Pflichtfeld fehlt: Koordinaten lat und "
        "lon angeben, z. B. aus openstreetmap.org (Rechtsklick → „Adresse anzeigen“); nur ein "
        "geschützter Ort mit confidential: true kommt ohne sie aus",
    ]


def test_exact_coordinates_of_a_confidential_place_warn(content):
    content.offer("x", BASE + "location: {lat: 50.8123, lon: 6.45, confidential: true, "
                  "street: Geheimweg 1}\n")
    assert content.lines() == [
        "content/offers/x.yml:5:17: warning: location.lat: genaue Koordinaten eines geschützten "
        "Orts stehen für immer in der Git-Geschichte dieser Datei: lat und lon löschen (district "
        "genügt) oder auf 2 Nachkommastellen runden",
        "content/offers/x.yml:5:65: warning: location.street: die Adresse eines geschützten Orts "
        "steht für immer in der Git-Geschichte dieser Datei: street löschen (veröffentlicht wird "
        "sie ohnehin nie)",
    ]


def test_a_coarse_point_of_a_confidential_place_is_fine(content):
    content.offer("x", BASE + "location: {lat: 50.81, lon: 6.45, confidential: true}\n")
    result = content.check()
    assert [p.format_text() for p in result.problems] == []
    assert result.catalog.offer("x").location.district == "mitte"


def test_a_copy_under_a_new_name_warns(content):
    text = content.folder.joinpath("offers", "tafel.yml").read_text(encoding="utf-8")
    content.offer("tafel-kopie", text.replace("Tafel Mitte", "tafel  mitte"))
    assert content.lines() == [
        "content/offers/tafel.yml:1:8: warning: title: gleicher Titel und gleiche Adresse wie "
        "content/offers/tafel-kopie.yml: eine Kopie? Eine der Dateien löschen (ihre id unter "
        "aliases: der anderen eintragen) oder Titel bzw. Adresse unterscheiden"
    ]


def test_same_title_elsewhere_is_no_copy(content):
    text = content.folder.joinpath("offers", "tafel.yml").read_text(encoding="utf-8")
    content.offer("tafel-2", text.replace("Markt 1", "Markt 7"))
    content.offer("tafel-3", text.replace("Tafel Mitte", "Tafel Nord").replace("lat: 50.80", "lat: 50.84"))
    assert content.lines() == []
