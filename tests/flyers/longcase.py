"""The long case: an atlas built to strain every flyer layout.

A 60-character offer id under a 60-character site_url, German compound titles
("Wohnungsnotfallhilfe-Beratungsstelle", and without a hyphen to break at:
"Wohnungslosenhilfeeinrichtung"), organisation names with legal forms ("… e. V.", "… gGmbH"), long district names, an hours rule that is only a comment beside a note that says
it again, four offers in one house and a crowd of eight within a few steps — and the three
Wegweiser formats over all of it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from build_tools.config import AtlasConfig, EmergencyNumber
from build_tools.content import load_catalog

from .conftest import FIXTURE_CONTENT, TODAY

LONG_SITE = "https://www.kreis-neustadt.example/kreishaus/amt51/sozial/h/"
HUGE_SITE = ("https://www.kreis-neustadt.example/kreishaus/amt/amt51/"
             "hilfe-fuer-wohnungslose/wegweiser/2026/infos/")
"""A 100-character site_url: the long case is printed under it too."""
LONG_ID = "notschlafstelle-am-hauptbahnhof-mit-schliessfaechern-und-tee"
NO_PHONE = "aufsuchende-sozialarbeit-fuer-menschen-ohne-wohnung-ohne-tel"
CARITAS = "Sozialdienst katholischer Frauen und Männer für Wohnungsnotfallhilfe Neustadt e. V."
COMPOUND = "Wohnungslosenhilfeeinrichtung"
"""A compound no narrow column holds whole and without a hyphen of its own."""
TRAEGER = "Wohnungslosenhilfeeinrichtungsträgergesellschaft Neustadt gGmbH"
EVANGELISCH = "Evangelische Wohnungslosen- und Straffälligenhilfe Kreis Neustadt gGmbH"
DISTRICTS = {"mitte": "Innenstadt-Bahnhofsviertel und Altstadt-Süd",
             "nord": "Nordwestliche Gartenstadt-Siedlung"}
HOUSE = (50.8101, 6.4802)
"""Four offers share this address."""
CROWD = (50.8201, 6.4755)
"""Eight offers within about 40 m of this point."""

DEFINITIONS = {
    "heft-lang.yml": (
        "title: Hilfe bei Wohnungslosigkeit und Wohnungsnotfallhilfe-Angeboten im Kreis Neustadt\n"
        "intro: Wo es ein Bett für die Nacht, Essen, eine Dusche und Beratung gibt.\n"
        "format: a6-booklet\nselect:\n"
        "  categories: [notunterkunft, essen, beratung, frauen-schutz]\n"
        "page: category:notunterkunft\n"),
    "winter-lang.yml": (
        "title: Winterhilfe-Wegweiser für Wohnungsnotfallhilfe-Einrichtungen im Kreis Neustadt\n"
        "intro: Wenn es kalt wird – hier gibt es Schlafplätze, warme Räume und Beratung.\n"
        "format: a4\nselect:\n  categories: [notunterkunft, beratung, essen]\n"
        "page: category:notunterkunft\noffer_codes: true\n"),
    "bezirk-lang.yml": (
        'title: "Wegweiser {district}: Hilfe und Wohnungsnotfallhilfe-Beratungsstellen"\n'
        "format: a5\nfor_each: district\nselect: {}\n"),
}


def _offer(title: str, category: str, lat: float, lon: float, **extra: str) -> str:
    """An offer file; ``extra`` adds or replaces top-level keys (values as YAML text)."""
    keys = {
        "title": json.dumps(title, ensure_ascii=False),
        "summary": "Hilfe ohne Termin, auch für Menschen ohne Papiere.",
        "category": category, "target_groups": "[wohnungslose]",
        "location": "\n  street: Friedrich-Wilhelm-von-Steuben-Straße 112a"
                    '\n  postal_code: "52349"\n  city: Neustadt-Hauptbahnhofsviertel'
                    f"\n  lat: {lat}\n  lon: {lon}",
        "opening_hours": '"Mo-Fr 09:00-12:00,13:00-16:00; Sa 10:00-12:00"',
        "contact": '\n  phone: "02421 555123"', "last_verified": "2026-10-01",
    }
    keys.update(extra)
    return "".join(f"{key}: {value}\n" for key, value in keys.items())


def write_long_case(root: Path) -> tuple[Path, Path]:
    """The long-case content folder and its Wegweiser definitions, under ``root``."""
    content = root / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    offers = content / "offers"
    (offers / "notschlafstelle.yml").rename(offers / f"{LONG_ID}.yml")
    (content / "organizations" / "caritas.yml").write_text(
        f'name: "{CARITAS}"\nphone: "02421 10000"\n', encoding="utf-8")
    (content / "organizations" / "evangelisch.yml").write_text(
        f'name: "{EVANGELISCH}"\n', encoding="utf-8")
    (content / "organizations" / "traeger.yml").write_text(
        f'name: "{TRAEGER}"\n', encoding="utf-8")
    geo = json.loads((content / "districts.geojson").read_text(encoding="utf-8"))
    for feature in geo["features"]:
        feature["properties"]["name"] = DISTRICTS[feature["properties"]["id"]]
    (content / "districts.geojson").write_text(json.dumps(geo, ensure_ascii=False),
                                               encoding="utf-8")
    (offers / f"{NO_PHONE}.yml").write_text(
        "title: Streetwork ohne Telefon – aufsuchende Sozialarbeit in der ganzen Stadt\n"
        "summary: Wir kommen zu Ihnen.\ncategory: beratung\nservice_area: [mitte, nord]\n"
        "last_verified: 2026-11-01\n", encoding="utf-8")
    (offers / "wohnungsnotfallhilfe-beratungsstelle.yml").write_text(
        _offer("Wohnungsnotfallhilfe-Beratungsstelle", "beratung", 50.8049, 6.4871,
               provider="evangelisch",
               opening_hours='\'"nach Vereinbarung"\'',
               hours_note="Termine nach Vereinbarung",
               access="\n  anonymous: true\n  pets_allowed: true\n  requirements: "
                      "Personalausweis oder Duldung und alle Briefe vom Amt mitbringen, "
                      "wenn vorhanden; ohne Papiere beraten wir anonym.",
               contact='\n  phone: ["+49 (0) 2421 / 22-123456", "0151 55512345"]'),
        encoding="utf-8")
    (offers / "wohnungslosenhilfeeinrichtung.yml").write_text(
        _offer(f"{COMPOUND} Sankt-Elisabeth", "notunterkunft", 50.8302, 6.4651,
               provider="traeger",
               summary=f"Die {COMPOUND} bietet Übernachtung, Frühstück und "
                       "Beratung zur Wohnungslosenhilfeeinrichtungsfinanzierung."),
        encoding="utf-8")
    house = ("Kleiderkammer im Haus der Wohnungsnotfallhilfe", "Suppenküche im Haus der "
             "Wohnungsnotfallhilfe", "Sozialberatung im Haus der Wohnungsnotfallhilfe",
             "Frauenberatung im Haus der Wohnungsnotfallhilfe")
    for i, (title, category) in enumerate(zip(house, ("essen", "essen", "beratung",
                                                      "frauen-schutz"), strict=True)):
        (offers / f"haus-der-hilfe-{i + 1}.yml").write_text(
            _offer(title, category, *HOUSE, provider="caritas",
                   access="\n  pets_allowed: false"), encoding="utf-8")
    for i in range(8):
        lat = CROWD[0] + 0.0001 * (i % 3)
        lon = CROWD[1] + 0.00015 * (i // 3)
        (offers / f"gedraenge-{i + 1}.yml").write_text(
            _offer(f"Tagesaufenthalt und Beratungsangebot am Bahnhofsvorplatz {i + 1}",
                   ("essen", "beratung", "notunterkunft")[i % 3], lat, lon),
            encoding="utf-8")
    definitions = root / "flyers"
    definitions.mkdir()
    for name, text in DEFINITIONS.items():
        (definitions / name).write_text(text, encoding="utf-8")
    return content, definitions


def long_config() -> AtlasConfig:
    """Settings of the long case: the 60-character site_url, long emergency labels."""
    return AtlasConfig(
        name="Hilfe im Kreis Neustadt", site_url=LONG_SITE,
        publisher="Kreis Neustadt – Amt für Soziales, Wohnen und Wohnungsnotfallhilfe",
        emergency_numbers=[
            EmergencyNumber(label="Notruf (Feuerwehr, Rettungsdienst)", number="112"),
            EmergencyNumber(label="Hilfetelefon Gewalt gegen Frauen – bundesweit, kostenlos, "
                            "anonym und in 18 Sprachen", number="116 016",
                            note="rund um die Uhr, auch an Feiertagen"),
        ])


def long_catalog(root: Path):
    """The long case's catalog and its Wegweiser definitions folder."""
    content, definitions = write_long_case(root)
    result = load_catalog(content, long_config(), TODAY)
    assert result.catalog is not None, result.problems
    return result.catalog, definitions
