"""The commented template ``atlas new`` writes: every field explained, placeholders to replace.

The placeholders (:data:`PLACEHOLDERS`) are declared here once: the template writes them and
``atlas check`` reports each one as an error naming its field until the editor has replaced it
(:mod:`build_tools.validation.placeholders`). The coordinates are left empty (the schema
reports them as missing), so no template ever puts an offer on the map centre. Optional claims
(costs, access, hours) stay commented out: an untouched template never publishes a promise
nobody checked.
"""

from __future__ import annotations

from datetime import date

SUMMARY_PLACEHOLDER = "Ein Satz, was es hier gibt und für wen (höchstens 200 Zeichen)."
STREET_PLACEHOLDER = "Musterstraße 1"
POSTAL_CODE_PLACEHOLDER = "00000"
PHONE_PLACEHOLDER = "02421 000000"

PLACEHOLDERS: dict[tuple[str, ...], tuple[str, str]] = {
    ("summary",): (SUMMARY_PLACEHOLDER, "einen Satz schreiben, was es hier gibt und für wen"),
    ("location", "street"): (
        STREET_PLACEHOLDER,
        "Straße und Hausnummer eintragen (bei einem geschützten Ort die Zeile löschen)",
    ),
    ("location", "postal_code"): (
        POSTAL_CODE_PLACEHOLDER, "die Postleitzahl in Anführungszeichen eintragen, z. B. \"52349\""
    ),
    ("contact", "phone"): (
        PHONE_PLACEHOLDER, "die Telefonnummer eintragen, z. B. \"02421 123456\", oder die Zeile löschen"
    ),
}
"""Field path → (placeholder value, what to do instead)."""

TEMPLATE = """\
# yaml-language-server: $schema=../schema/offer.schema.json
# Neues Angebot. Zeilen mit # sind Kommentare: entfernen Sie das # vor einem Feld, um es zu nutzen.
# Die id ({id}) ist der Dateiname und Teil der Web-Adresse /angebote/{id}/ — nicht mehr ändern,
# sobald ein Flyer gedruckt ist. Platzhalter (Kurzbeschreibung, Straße, Postleitzahl, Telefon,
# Koordinaten) meldet `atlas check` als Fehler, bis sie ersetzt sind.
# Texte mit „: “ oder „ #“ immer in Anführungszeichen: title: "Kleiderkammer #2".

title: "{title}"
summary: "{summary}"
# description: |
#   Ausführliche Beschreibung in Markdown. Absätze durch Leerzeilen trennen.
category: {category}
# also_categories: [beratung]
# target_groups: [wohnungslose]
# tags: ["Dusche", "Wäsche"]
# provider: diakonie            # id aus content/organizations/ oder {{name: "Verein XY"}}

location:
  street: "{street}"
  postal_code: "{postal_code}"        # immer in Anführungszeichen
  city: "{city}"
  # country: NL                # nur außerhalb Deutschlands; die Postleitzahl dann im Format des Landes
  lat:                         # Breite, z. B. 50.8034 (openstreetmap.org: Rechtsklick → „Adresse anzeigen“)
  lon:                         # Länge, z. B. 6.4826
  # district: innenstadt       # sonst aus den Koordinaten bestimmt
  # directions: "Eingang im Hinterhof"
  wheelchair: unknown          # yes, limited, no, unknown
  # confidential: true         # geschützter Ort (z. B. Frauenhaus): street, lat und lon löschen, district angeben
# Ohne festen Ort (Streetwork) statt location:
# service_area: [innenstadt, nord]

# opening_hours: "Mo-Fr 09:00-12:00"   # OpenStreetMap-Format, immer in Anführungszeichen
# opening_hours: 'Mo-Fr 09:00-12:00 "mit Termin"'   # mit Kommentar: außen einfache Anführungszeichen
# hours_note: "Termine nach Vereinbarung"
# season: {{from: "11-01", until: "03-31"}}   # jedes Jahr von–bis (Monat-Tag)
# valid_from: 2026-01-01
# valid_until: 2026-12-31
status: active                 # active, temporarily_closed, ended
# closed_until: 2026-03-15     # nur mit temporarily_closed: letzter geschlossener Tag
# closed_reason: "Umbau"       # nur mit temporarily_closed
# alert: "Ab April neue Zeiten."
# alert_from: 2026-03-01       # Hinweis erst ab diesem Tag zeigen
# alert_until: 2026-03-31      # und bis einschließlich diesem Tag

contact:
  phone: "{phone}"
  # email: info@example.org    # ohne mailto:
  # website: https://example.org
languages: [de]                # Sprachcodes nach ISO 639-1: de, en, ar, tr, uk …
# costs: free                  # free (kostenlos) oder der Preis als Text, z. B. "1 € pro Mahlzeit"
# access:
#   anonymous: true
#   registration_required: false
#   appointment_required: false
#   pets_allowed: false
#   requirements: "Personalausweis mitbringen"

last_verified: {today}       # Datum der letzten Prüfung (JJJJ-MM-TT)
# related: [andere-id]
# aliases: [alte-id]
# translations:
#   en:
#     title: "..."
#     summary: "..."
"""


def offer_template(
    offer_id: str,
    category: str,
    today: date,
    city: str = "Musterstadt",
    postal_code: str = POSTAL_CODE_PLACEHOLDER,
) -> str:
    """The YAML text of a new offer skeleton: valid YAML, with placeholders to replace."""
    title = offer_id.replace("-", " ").title()
    return TEMPLATE.format(
        id=offer_id, title=title, summary=SUMMARY_PLACEHOLDER, category=category,
        today=today.isoformat(), street=STREET_PLACEHOLDER, phone=PHONE_PLACEHOLDER,
        city=city, postal_code=postal_code,
    )

