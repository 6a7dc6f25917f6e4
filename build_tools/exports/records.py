"""One offer as a flat record with German keys: the common ground of GeoJSON and CSV.

Only public fields: a confidential location gives neither street nor coordinates, only its
Sozialraum. The key list :data:`FIELDS` is documented in ``docs/open-data.md`` (a test checks).
"""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog, districts_of, is_public_location
from ..schema import InlineProvider, Offer
from ..urls import MissingSiteUrl, absolute_url, offer_path

# German key → short German description (the documentation table is generated from it).
FIELDS: dict[str, str] = {
    "id": "Dauerhafte Kennung des Angebots (Teil der Web-Adresse)",
    "titel": "Name des Angebots",
    "kurzbeschreibung": "Kurzbeschreibung in einem Satz",
    "beschreibung": "Ausführliche Beschreibung (Markdown)",
    "kategorie": "Hauptkategorie (id)",
    "kategorie_name": "Hauptkategorie (Name)",
    "weitere_kategorien": "Weitere Kategorien (ids, Liste)",
    "zielgruppen": "Zielgruppen (ids, Liste)",
    "stichwoerter": "Stichwörter (Liste)",
    "traeger": "Name des Trägers",
    "traeger_id": "Kennung des Trägers (wenn er eine eigene Datei hat)",
    "strasse": "Straße und Hausnummer (leer bei geschützten Orten)",
    "plz": "Postleitzahl (leer bei geschützten Orten)",
    "ort": "Ort (leer bei geschützten Orten)",
    "breite": "Geografische Breite WGS84 (leer bei geschützten Orten und ohne festen Ort)",
    "laenge": "Geografische Länge WGS84 (leer bei geschützten Orten und ohne festen Ort)",
    "sozialraeume": "Sozialräume (ids, Liste): Lage des Orts und Einsatzgebiet",
    "geschuetzter_ort": "true, wenn Adresse und Kartenpunkt nicht veröffentlicht werden",
    "wegbeschreibung": "Wegbeschreibung (leer bei geschützten Orten)",
    "rollstuhl": "Rollstuhlgerecht: yes, limited, no, unknown",
    "oeffnungszeiten": "Öffnungszeiten im OpenStreetMap-Format (opening_hours)",
    "hinweis_zeiten": "Hinweis zu den Zeiten",
    "saison_von": "Jährliche Saison: Beginn (MM-TT)",
    "saison_bis": "Jährliche Saison: Ende einschließlich (MM-TT)",
    "gueltig_ab": "Gilt ab (JJJJ-MM-TT)",
    "gueltig_bis": "Gilt bis einschließlich (JJJJ-MM-TT)",
    "status": "active (läuft) oder temporarily_closed (vorübergehend geschlossen)",
    "geschlossen_bis": "Nur bei temporarily_closed: geschlossen bis einschließlich (JJJJ-MM-TT)",
    "schliessungsgrund": "Nur bei temporarily_closed: Grund der Schließung",
    "aktueller_hinweis": "Aktueller Hinweis",
    "telefon": "Telefonnummern (Liste, wie eingetragen)",
    "email": "E-Mail-Adresse",
    "webseite": "Webseite des Angebots",
    "sprachen": "Gesprochene Sprachen (ISO 639-1, Liste)",
    "kosten": "Kosten (Text; „free“ = kostenlos)",
    "kostenlos": "true, wenn das Angebot nichts kostet",
    "anonym": "Anonym nutzbar (true/false/leer = unbekannt)",
    "anmeldung_noetig": "Anmeldung nötig (true/false/leer)",
    "termin_noetig": "Nur mit Termin (true/false/leer)",
    "haustiere_erlaubt": "Hunde/Haustiere erlaubt (true/false/leer)",
    "voraussetzungen": "Was mitzubringen ist oder gelten muss",
    "zuletzt_geprueft": "Zuletzt geprüft am (JJJJ-MM-TT)",
    "aehnliche_angebote": "ids ähnlicher Angebote (Liste)",
    "fruehere_ids": "Frühere ids, die auf dieses Angebot weiterleiten (Liste)",
    "uebersetzungen": "Sprachcodes, in die das Angebot übersetzt ist (Liste; Texte nur in GeoJSON)",
    "url": "Adresse der Angebotsseite im Atlas",
}


def offer_url(catalog: Catalog, offer: Offer) -> str:
    """Absolute URL of the offer page, or the site path when no site_url is configured."""
    try:
        return absolute_url(catalog.config.site_url, offer_path(offer.id or ""))
    except MissingSiteUrl:
        return "/" + offer_path(offer.id or "")


def offer_record(catalog: Catalog, offer: Offer) -> dict[str, Any]:
    """The public fields of one offer, keyed as in :data:`FIELDS` (lists stay lists)."""
    loc = offer.location if is_public_location(offer) else None
    provider = offer.provider
    org = catalog.provider_organization(offer)
    record: dict[str, Any] = {
        "id": offer.id,
        "titel": offer.title,
        "kurzbeschreibung": offer.summary,
        "beschreibung": offer.description,
        "kategorie": offer.category,
        "kategorie_name": catalog.category_label(offer.category),
        "weitere_kategorien": list(offer.also_categories),
        "zielgruppen": list(offer.target_groups),
        "stichwoerter": list(offer.tags),
        "traeger": catalog.provider_name(offer),
        "traeger_id": org.id if org else None,
        "strasse": loc.street if loc else None,
        "plz": loc.postal_code if loc else None,
        "ort": loc.city if loc else None,
        "breite": loc.lat if loc else None,
        "laenge": loc.lon if loc else None,
        "sozialraeume": districts_of(offer),
        "geschuetzter_ort": bool(offer.location and offer.location.confidential),
        "wegbeschreibung": loc.directions if loc else None,
        "rollstuhl": offer.location.wheelchair.value if offer.location else None,
        "oeffnungszeiten": offer.opening_hours,
        "hinweis_zeiten": offer.hours_note,
        "saison_von": offer.season.from_ if offer.season else None,
        "saison_bis": offer.season.until if offer.season else None,
        "gueltig_ab": offer.valid_from.isoformat() if offer.valid_from else None,
        "gueltig_bis": offer.valid_until.isoformat() if offer.valid_until else None,
        "status": offer.status.value,
        "geschlossen_bis": offer.closed_until.isoformat() if offer.closed_until else None,
        "schliessungsgrund": offer.closed_reason,
        "aktueller_hinweis": offer.alert,
        "telefon": list(offer.contact.phone),
        "email": offer.contact.email,
        "webseite": offer.contact.website,
        "sprachen": list(offer.languages),
        "kosten": offer.costs,
        "kostenlos": offer.is_free,
        "anonym": offer.access.anonymous,
        "anmeldung_noetig": offer.access.registration_required,
        "termin_noetig": offer.access.appointment_required,
        "haustiere_erlaubt": offer.access.pets_allowed,
        "voraussetzungen": offer.access.requirements,
        "zuletzt_geprueft": offer.last_verified.isoformat(),
        "aehnliche_angebote": list(offer.related),
        "fruehere_ids": list(offer.aliases),
        "uebersetzungen": sorted(offer.translations),
        "url": offer_url(catalog, offer),
    }
    if isinstance(provider, InlineProvider) and record["traeger"] is None:
        record["traeger"] = provider.name
    assert list(record) == list(FIELDS), "FIELDS and offer_record disagree"
    return record


TRANSLATED_KEYS = {
    "title": "titel", "summary": "kurzbeschreibung", "description": "beschreibung",
    "hours_note": "hinweis_zeiten", "directions": "wegbeschreibung", "alert": "aktueller_hinweis",
    "checked": "abgeglichen",
}
"""Schema field of a translation → its German key in GeoJSON (``uebersetzungen``) and CSV."""

CSV_TRANSLATED = ("title", "summary", "description", "hours_note", "directions", "alert")
"""The translated texts CSV gives a column per site language (``titel_en``, …)."""


def translations_of(offer: Offer) -> dict[str, dict[str, str]]:
    """Translated texts per language with German keys (GeoJSON); directions of a protected
    place are left out like the place itself; ``abgeglichen`` is the translation's check date."""
    public = is_public_location(offer)
    out: dict[str, dict[str, str]] = {}
    for code in sorted(offer.translations):
        texts = offer.translations[code].model_dump(exclude_none=True)
        if not public:
            texts.pop("directions", None)
        if "checked" in texts:
            texts["checked"] = texts["checked"].isoformat()
        out[code] = {TRANSLATED_KEYS[k]: v for k, v in sorted(texts.items())}
    return out


def translated_columns(languages: list[str]) -> list[tuple[str, str, str]]:
    """``(column, language, field)`` of the CSV's translated columns: for each site language
    beyond German, in the settings' order, ``titel_<lang>``, ``kurzbeschreibung_<lang>``, …"""
    return [(f"{TRANSLATED_KEYS[name]}_{code}", code, name)
            for code in languages if code != "de" for name in CSV_TRANSLATED]
