"""The commented template ``atlas new`` writes: every field, explained, ready to fill in."""

from __future__ import annotations

from datetime import date

TEMPLATE = """\
# yaml-language-server: $schema=../schema/offer.schema.json
# Neues Angebot. Zeilen mit # sind Kommentare: entfernen Sie das # vor einem Feld, um es zu nutzen.
# Die id ({id}) ist der Dateiname und Teil der Web-Adresse /angebote/{id}/ — nicht mehr ändern,
# sobald ein Flyer gedruckt ist.

title: "{title}"
summary: "Ein Satz, was es hier gibt und für wen (höchstens 200 Zeichen)."
# description: |
#   Ausführliche Beschreibung in Markdown. Absätze durch Leerzeilen trennen.
category: {category}
# also_categories: [beratung]
# target_groups: [wohnungslose]
# tags: ["Dusche", "Wäsche"]
# provider: diakonie            # id aus content/organizations/ oder {{name: "Verein XY"}}

location:
  street: "Musterstraße 1"
  postal_code: "{postal_code}"        # immer in Anführungszeichen
  city: "{city}"
  lat: {lat}                   # Breite, z. B. aus openstreetmap.org (Rechtsklick → Adresse anzeigen)
  lon: {lon}                   # Länge
  # district: innenstadt       # sonst aus den Koordinaten bestimmt
  # directions: "Eingang im Hinterhof"
  wheelchair: unknown          # yes, limited, no, unknown
  # confidential: true         # geschützte Adresse (z. B. Frauenhaus): wird nie veröffentlicht
# Ohne festen Ort (Streetwork) statt location:
# service_area: [innenstadt, nord]

opening_hours: "Mo-Fr 09:00-12:00"   # OpenStreetMap-Format, immer in Anführungszeichen
# hours_note: "Termine nach Vereinbarung"
# season: {{from: "11-01", until: "03-31"}}   # jedes Jahr von–bis (Monat-Tag)
# valid_from: 2026-01-01
# valid_until: 2026-12-31
status: active                 # active, temporarily_closed, ended
# alert: "Wegen Umbau bis 15. März geschlossen."

contact:
  phone: "02421 000000"
  # email: info@example.org
  # website: https://example.org
languages: [de]
costs: free                    # oder Text, z. B. "1 € pro Mahlzeit"
access:
  anonymous: true
  registration_required: false
  appointment_required: false
  pets_allowed: false
  # requirements: "Personalausweis mitbringen"

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
    postal_code: str = "00000",
    lat: float = 50.80,
    lon: float = 6.48,
) -> str:
    """The YAML text of a new, valid offer skeleton."""
    title = offer_id.replace("-", " ").title()
    return TEMPLATE.format(
        id=offer_id, title=title, category=category, today=today.isoformat(),
        city=city, postal_code=postal_code, lat=lat, lon=lon,
    )
