"""The offer schema, declared once.

Validation, the JSON Schema for editors' IDEs (``atlas schema``) and the field reference in the
docs all derive from these models. Keys are English, descriptions German: editors read them as
tooltips in their editor.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .languages import ISO_639_1, TRANSLATION_LANGUAGES, language_name, suggest_language
from .pictograms import PICTOGRAMS
from .validation import shown
from .validation.countries import DEFAULT_COUNTRY, ISO_3166_ALPHA2
from .validation.dates import DATE_PATTERN, check_day
from .validation.phone import dialable
from .validation.postal import ANY_POSTAL_PATTERN, postal_code_problem
from .validation.web import check_email, check_url

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)
ID_RULE = "nur a–z, 0–9 und Bindestrich, beginnt mit Buchstabe oder Ziffer, höchstens 64 Zeichen"
"""What an id may be, in the words every message about a wrong id uses."""
_MONTH_DAY_RE = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
# ASCII-only forms, kept for the HSDS importer's pre-filter; the schema itself checks with
# build_tools.validation.web (internationalised names included).
_EMAIL_RE = re.compile(r"^[^@\s<>\"'`]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s<>\"'`]*)?$")

# Patterns for the editors' JSON Schema only (ECMAScript syntax; the IDE's first line of
# defence). Python validation is stricter and lives in build_tools.validation.
PHONE_PATTERN = r"^\+?[0-9][0-9 /()-]{1,30}$"
EMAIL_PATTERN = r"^(?![Mm][Aa][Ii][Ll][Tt][Oo]:)[^@\s<>\"'`,;:()]+@[^@\s<>\"'`,;:()/?#.][^@\s<>\"'`,;:()/?#]*\.[^@\s<>\"'`,;:()/?#.]{2,}$"
URL_PATTERN = r"^https?://[^\s/?#@<>\"'`.][^\s/?#@<>\"'`]*\.[^\s/?#@<>\"'`]+(?:[/?#][^\s<>\"'`]*)?$"
HOURS_ALPHABET_PATTERN = r'^(?:[A-Za-z0-9 :;,/+|\[\]-]|"[^"]*")*$'
COSTS_VAGUE_PATTERN = (
    r"^\s*([Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Oo][Nn]|[Oo][Ff][Ff]"
    r"|[Jj][Aa]|[Nn][Ee][Ii][Nn]|[YyNnXx]|-|\?)\s*$"
)
# Characters that reorder or hide text (bidi overrides, zero-width joiners aside) and C0/C1
# controls: they make a title lie about itself and have no place in a directory entry.
_FORBIDDEN_CHARS_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff"
    "\u2028\u2029]"
)


class StrictModel(BaseModel):
    """Base: unknown keys are errors (a typo must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


def _clean_text(value: Any) -> Any:
    if isinstance(value, str):
        match = _FORBIDDEN_CHARS_RE.search(value)
        if match:
            raise ValueError(
                f"unsichtbares Steuerzeichen U+{ord(match.group()):04X} an Stelle "
                f"{match.start() + 1}; bitte entfernen"
            )
    return value


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            f"{shown(value)} ist keine gültige id: {ID_RULE}"
        )
    return value


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


# Python-Markdown needs quadratic time for many "[" or "<" (20,000 "[" take a minute); no
# description needs hundreds of links or tags, so a budget keeps every build fast.
MARKDOWN_MAX_MARKUP = 200


def _check_markdown_budget(value: str) -> str:
    for char, name in (("[", "eckige Klammern „[“"), ("<", "spitze Klammern „<“")):
        count = value.count(char)
        if count > MARKDOWN_MAX_MARKUP:
            raise ValueError(
                f"zu viele {name} ({count}, höchstens {MARKDOWN_MAX_MARKUP}); "
                "Text kürzen oder Links sparsamer setzen"
            )
    return value


Text = Annotated[str, BeforeValidator(_clean_text)]
Markdown = Annotated[str, BeforeValidator(_clean_text), AfterValidator(_check_markdown_budget)]
Line = Annotated[str, BeforeValidator(_clean_text), Field(min_length=1, max_length=300)]
Identifier = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "patternErrorMessage":
                    f"id: {ID_RULE}, z. B. tafel-nord"}),
]


def _region(info: ValidationInfo | None) -> str:
    """The country a value is judged in: the validation context's ``country`` or the default."""
    context = info.context if info is not None else None
    if isinstance(context, dict) and context.get("country"):
        return str(context["country"])
    return DEFAULT_COUNTRY


def normalize_phone(raw: str, region: str = DEFAULT_COUNTRY) -> str:
    """The number a ``tel:`` link dials: E.164 (``+4924211234``) or a short number (``110``).

    Raises ValueError (German message) when ``raw`` is no phone number; see :mod:`.validation.phone`.
    """
    return dialable(raw, region)


def _check_phone(value: str, info: ValidationInfo) -> str:
    dialable(value, _region(info))
    return value


Phone = Annotated[
    str,
    BeforeValidator(_clean_text),
    AfterValidator(_check_phone),
    WithJsonSchema({"type": "string", "pattern": PHONE_PATTERN, "patternErrorMessage":
                    "Telefonnummer mit Vorwahl, z. B. \"02421 123456\" oder \"+49 2421 123456\""}),
]
Email = Annotated[
    str,
    AfterValidator(check_email),
    WithJsonSchema({"type": "string", "pattern": EMAIL_PATTERN, "patternErrorMessage":
                    "E-Mail-Adresse wie info@beispiel.de (ohne „mailto:“)"}),
]
Url = Annotated[
    str,
    AfterValidator(check_url),
    WithJsonSchema({"type": "string", "pattern": URL_PATTERN, "patternErrorMessage":
                    "Web-Adresse mit https://, ohne Leerzeichen, z. B. https://www.beispiel.de"}),
]
def _check_capacity_url(value: str) -> str:
    from .capacity import check_feed_url

    check_feed_url(value)  # raises ValueError with a German message
    return value


CapacityUrl = Annotated[
    str,
    AfterValidator(_check_capacity_url),
    WithJsonSchema({"type": "string",
                    "pattern": r"^(https://[^\s/?#@<>\"'`]+/[^\s<>\"'`#]*|/plaetze/[a-z0-9][a-z0-9_-]*\.json)$",
                    "patternErrorMessage": "Adresse der Platz-Datei mit https://, z. B. "
                    "https://kaeltehilfe.example/plaetze.json, oder eine Datei der Website unter "
                    "/plaetze/, z. B. /plaetze/kaeltehilfe.json"}),
]
Day = Annotated[
    date,
    BeforeValidator(check_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN,
                    "patternErrorMessage": "Datum als JJJJ-MM-TT, z. B. 2026-10-01"}),
]


def _check_language(value: str) -> str:
    if value in ISO_639_1:
        return value
    meant = suggest_language(value)
    if meant == "":
        raise ValueError(f"für {shown(value)} gibt es keinen Sprachcode nach ISO 639-1: "
                         "Eintrag entfernen und in der Beschreibung erwähnen")
    hint = (f"meinten Sie {meant} ({language_name(meant)})?" if meant
            else "zwei Kleinbuchstaben, z. B. de, en, ar, tr, uk")
    raise ValueError(f"{shown(value)} ist kein Sprachcode nach ISO 639-1: {hint}")


LanguageCode = Annotated[
    str, AfterValidator(_check_language), WithJsonSchema({"type": "string", "enum": sorted(ISO_639_1)})
]


def _check_country(value: str) -> str:
    if value in ISO_3166_ALPHA2:
        return value
    if value.upper() in ISO_3166_ALPHA2:
        raise ValueError(f"{shown(value)}: Ländercode groß schreiben: {value.upper()}")
    raise ValueError(f"{shown(value)} ist kein Ländercode nach ISO 3166-1 (zwei Großbuchstaben, "
                     "z. B. DE, NL, BE, AT)")


CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    WithJsonSchema({"type": "string", "enum": sorted(ISO_3166_ALPHA2)}),
]

# Words that say nothing about a price ("Kosten no" on a page): free or a text with the price.
_VAGUE_COSTS = {"yes", "no", "true", "false", "on", "off", "y", "n", "ja", "nein", "-", "?", "x"}
COSTS_HINT = "„free“ für kostenlos, sonst den Preis als Text, z. B. \"1 € pro Mahlzeit\""


def _check_costs(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _VAGUE_COSTS:
        raise ValueError(f"{shown(value)} sagt nicht, was es kostet: {COSTS_HINT}")
    return value


Costs = Annotated[
    str,
    BeforeValidator(_clean_text),
    BeforeValidator(_check_costs),
    WithJsonSchema({"type": "string", "not": {"pattern": COSTS_VAGUE_PATTERN}, "errorMessage":
                    "Kosten: free (kostenlos) oder der Preis als Text, nicht yes/no"}),
]
Hours = Annotated[
    str,
    BeforeValidator(_clean_text),
    WithJsonSchema({"type": "string", "pattern": HOURS_ALPHABET_PATTERN, "patternErrorMessage":
                    "OpenStreetMap-Format: Mo Tu We Th Fr Sa Su, Zeiten HH:MM-HH:MM mit „-“ "
                    "(kein „–“, kein Punkt), Kommentare in \"…\" (docs/opening-hours.md); "
                    "„atlas fix“ korrigiert die Schreibweise"}),
]


SOURCE_PATTERN = r"^(osm:(node|way|relation)/[1-9][0-9]{0,14}|hsds:[^\s]{1,200})$"
_SOURCE_RE = re.compile(SOURCE_PATTERN)


def _check_source(value: str) -> str:
    if not _SOURCE_RE.match(value):
        raise ValueError(f"{shown(value)}: Herkunft als osm:node/123, osm:way/123, osm:relation/123 "
                         "oder hsds:<id> (schreibt der Import; nicht von Hand ändern)")
    return value


Source = Annotated[
    str,
    AfterValidator(_check_source),
    WithJsonSchema({"type": "string", "pattern": SOURCE_PATTERN, "patternErrorMessage":
                    "Herkunft: osm:node/123 oder hsds:<id>"}),
]


def check_postal_code(value: str | None, info: ValidationInfo) -> str | None:
    """Field validator for ``postal_code``: the format of the address' country.

    The country is the one given before it in the same mapping (``country`` is declared first),
    else the atlas' (validation context). When ``country`` itself is wrong, its own error says
    so and the postal code is not judged.
    """
    if value is None or "country" not in info.data:
        return value
    problem = postal_code_problem(value, info.data["country"] or _region(info))
    if problem:
        raise ValueError(problem)
    return value


def at_field(field: str, message: str) -> PydanticCustomError:
    """An error a validator reports at a sibling ``field`` (``build_tools.validation.messages``)."""
    return PydanticCustomError("atlas_at", "{message}", {"message": message, "at": field})


class Status(StrEnum):
    """Whether an offer runs."""

    active = "active"
    temporarily_closed = "temporarily_closed"
    ended = "ended"


class Wheelchair(StrEnum):
    """Step-free access, in OpenStreetMap's words."""

    yes = "yes"
    limited = "limited"
    no = "no"
    unknown = "unknown"


COARSE_DIGITS = 2
"""A confidential place's point may have this many decimals (about 1 km); more warn."""


class Location(StrictModel):
    """Where the offer takes place."""

    model_config = ConfigDict(
        json_schema_extra={
            # lat and lon are required unless the place is confidential (then district is).
            "if": {"properties": {"confidential": {"const": True}}, "required": ["confidential"]},
            "then": {"anyOf": [{"required": ["lat", "lon"]}, {"required": ["district"]}]},
            "else": {"required": ["lat", "lon"]},
        }
    )

    street: Line | None = Field(None, description="Straße und Hausnummer, z. B. \"Marktplatz 3\".")
    country: CountryCode | None = Field(
        None,
        description="Land als Ländercode nach ISO 3166-1 (DE, NL, BE, AT, CH, LU, FR, DK, PL, CZ "
        "…); fehlt es, gilt das Land des Atlas (Deutschland). Bestimmt das Format der "
        "Postleitzahl; Telefonnummern im Ausland mit +, z. B. \"+31 43 123 4567\".",
    )
    postal_code: str | None = Field(
        None,
        max_length=12,
        description="Postleitzahl in Anführungszeichen, im Format des Landes (z. B. \"52349\", "
        "NL \"6211 AB\", PL \"68-200\", CZ \"110 00\").",
        json_schema_extra={"pattern": ANY_POSTAL_PATTERN, "patternErrorMessage":
                           "Postleitzahl in Anführungszeichen, z. B. \"52349\""},
    )
    city: Line | None = Field(None, description="Ort, z. B. \"Musterstadt\".")
    lat: float | None = Field(
        None,
        ge=-90,
        le=90,
        allow_inf_nan=False,
        description="Geografische Breite (WGS84), z. B. 50.8034. Pflicht, außer bei geschützten "
        "Orten (confidential: true): dort weglassen oder höchstens zwei Nachkommastellen.",
    )
    lon: float | None = Field(
        None,
        ge=-180,
        le=180,
        allow_inf_nan=False,
        description="Geografische Länge (WGS84), z. B. 6.4826. Pflicht wie lat.",
    )
    district: Identifier | None = Field(
        None,
        description="Sozialraum (id aus content/districts.geojson). Fehlt er, wird er aus den "
        "Koordinaten bestimmt; bei einem geschützten Ort ohne Koordinaten Pflicht.",
    )
    directions: Text | None = Field(
        None, max_length=300, description="Wegbeschreibung, z. B. \"Eingang im Hinterhof\"."
    )
    wheelchair: Wheelchair = Field(
        Wheelchair.unknown,
        description="Rollstuhlgerecht: yes (ja), limited (eingeschränkt), no (nein), unknown.",
    )
    confidential: bool = Field(
        False,
        validate_default=True,
        description="true für geschützte Orte (z. B. Frauenhaus): Adresse und Kartenpunkt werden "
        "nie veröffentlicht, nur Sozialraum und Kontakt. Dann nur district angeben, ohne "
        "street, lat und lon — was in der Datei steht, steht für immer in der Git-Geschichte.",
    )

    _postal_code = field_validator("postal_code")(check_postal_code)

    @field_validator("confidential")
    @classmethod
    def _coordinates(cls, value: bool, info: ValidationInfo) -> bool:
        # Declared last, so every field it looks at is in info.data (or failed on its own).
        data = info.data
        if "lat" not in data or "lon" not in data:
            return value  # a coordinate with its own error
        lat, lon = data["lat"], data["lon"]
        if (lat is None) != (lon is None):
            missing = "lat" if lat is None else "lon"
            raise at_field(missing, f"Pflichtfeld fehlt: lat und lon gehören zusammen ({missing} angeben)")
        if lat is None and not value:
            raise at_field("lat", "Pflichtfeld fehlt: Koordinaten lat und lon angeben, z. B. aus "
                           "openstreetmap.org (Rechtsklick → „Adresse anzeigen“); nur ein geschützter "
                           "Ort mit confidential: true kommt ohne sie aus")
        if lat is None and "district" in data and data["district"] is None:
            raise at_field("district", "ein geschützter Ort ohne Koordinaten braucht district "
                           "(den Sozialraum), sonst erscheint er in keiner Liste")
        return value


class Contact(StrictModel):
    """How to reach the offer."""

    phone: Annotated[
        list[Phone], BeforeValidator(_one_or_many, json_schema_input_type=Phone | list[Phone])
    ] = Field(
        default_factory=list,
        description="Telefonnummer(n), z. B. \"02421 123456\"; mehrere als Liste.",
    )
    email: Email | None = Field(
        None, description="E-Mail-Adresse, z. B. info@beispiel.de (ohne „mailto:“)."
    )
    website: Url | None = Field(
        None,
        description="Webseite, beginnt mit https:// (http:// nur, wenn die Seite kein https "
        "kann: gibt eine Warnung).",
    )


class Access(StrictModel):
    """Conditions of access: the questions people ask before they go."""

    anonymous: bool | None = Field(None, description="Anonym nutzbar (ohne Namen).")
    registration_required: bool | None = Field(None, description="Anmeldung nötig.")
    appointment_required: bool | None = Field(None, description="Nur mit Termin.")
    pets_allowed: bool | None = Field(None, description="Hunde/Haustiere erlaubt.")
    requirements: Text | None = Field(
        None,
        max_length=500,
        description="Was mitzubringen ist oder gelten muss, z. B. \"Personalausweis\".",
    )


class Season(StrictModel):
    """A yearly season (from and until as MM-DD; may wrap over New Year)."""

    from_: str = Field(
        ..., alias="from", description="Beginn jedes Jahr, Monat-Tag, z. B. \"11-01\"."
    )
    until: str = Field(..., description="Ende jedes Jahr (einschließlich), z. B. \"03-31\".")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @field_validator("from_", "until")
    @classmethod
    def _month_day(cls, value: str) -> str:
        if not _MONTH_DAY_RE.match(value):
            raise ValueError(f"{shown(value)}: Monat-Tag im Format \"MM-TT\" angeben, z. B. \"11-01\"")
        month, day = (int(x) for x in value.split("-"))
        if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            raise ValueError(f"{shown(value)}: diesen Tag gibt es nicht")
        return value


class Translation(StrictModel):
    """The translatable texts of an offer in one language."""

    title: Line | None = Field(None, max_length=120, description="Titel.")
    summary: Text | None = Field(None, max_length=200, description="Kurzbeschreibung.")
    description: Markdown | None = Field(None, max_length=20000, description="Beschreibung (Markdown).")
    hours_note: Text | None = Field(None, max_length=300, description="Hinweis zu den Zeiten.")
    directions: Text | None = Field(None, max_length=300, description="Wegbeschreibung.")
    alert: Text | None = Field(None, max_length=300, description="Aktueller Hinweis.")
    checked: Day | None = Field(
        None,
        description="Datum, an dem die Übersetzung zuletzt mit dem deutschen Text abgeglichen "
        "wurde (JJJJ-MM-TT). Ist last_verified neuer, nennt atlas check sie „älter als der "
        "deutsche Text“.",
    )


def check_translation_languages(value: dict[str, Any]) -> dict[str, Any]:
    """``translations:`` keys must be languages the atlas translates (one message for all files)."""
    for code in value:
        if code not in TRANSLATION_LANGUAGES:
            raise ValueError(
                f"Sprache {code!r} wird nicht übersetzt; möglich: "
                + ", ".join(TRANSLATION_LANGUAGES)
            )
    return value


class InlineProvider(StrictModel):
    """A provider without its own file under content/organizations/."""

    name: Line = Field(..., max_length=200, description="Name des Trägers.")
    website: Url | None = Field(None, description="Webseite des Trägers.")
    phone: Phone | None = Field(None, description="Telefon des Trägers.")
    email: Email | None = Field(None, description="E-Mail des Trägers.")


class Offer(StrictModel):
    """One help offer: the content of one file in content/offers/."""

    model_config = ConfigDict(
        json_schema_extra={
            # The IDE's view of the validators below: a closure date needs the closed status,
            # an alert window needs the alert it times.
            "dependentSchemas": {
                name: {"properties": {"status": {"const": "temporarily_closed"}}, "required": ["status"]}
                for name in ("closed_until", "closed_reason")
            },
            "dependentRequired": {"alert_from": ["alert"], "alert_until": ["alert"]},
        }
    )

    id: Identifier | None = Field(
        None,
        description="Dauerhafte Kennung, Teil der Web-Adresse /angebote/<id>/. Fehlt sie, gilt "
        "der Dateiname. Nie ändern, wenn sie gedruckt wurde (sonst aliases nutzen).",
    )
    title: Line = Field(..., max_length=120, description="Name des Angebots.")
    summary: Text = Field(
        ...,
        min_length=1,
        max_length=200,
        description="Kurzbeschreibung in einem Satz (höchstens 200 Zeichen), erscheint auf "
        "Karten, Listen und Flyern.",
    )
    description: Markdown | None = Field(
        None, max_length=20000, description="Ausführliche Beschreibung (Markdown)."
    )
    category: Identifier = Field(..., description="Hauptkategorie (id aus content/categories.yml).")
    also_categories: list[Identifier] = Field(
        default_factory=list, description="Weitere Kategorien (ids)."
    )
    target_groups: list[Identifier] = Field(
        default_factory=list,
        description="Zielgruppen (ids aus content/target_groups.yml), z. B. wohnungslose.",
    )
    tags: list[Annotated[Line, Field(max_length=60)]] = Field(
        default_factory=list, description="Stichwörter für die Suche, z. B. \"Dusche\"."
    )
    provider: Identifier | InlineProvider | Line | None = Field(
        None,
        description="Träger: id einer Datei in content/organizations/ oder ein Name "
        "(bzw. {name: ..., website: ...}).",
    )
    location: Location | None = Field(None, description="Fester Ort des Angebots.")
    service_area: list[Identifier] | None = Field(
        None,
        description="Für Angebote ohne festen Ort (Streetwork, Kältebus): Liste der Sozialräume.",
    )
    opening_hours: Hours | None = Field(
        None,
        max_length=500,
        description="Öffnungszeiten im OpenStreetMap-Format, in Anführungszeichen, z. B. "
        "\"Mo-Fr 09:00-12:00\"; mit Kommentar in einfachen: 'Mo 10:00-12:00 \"mit Termin\"' "
        "(siehe docs/opening-hours.md).",
    )
    hours_note: Text | None = Field(
        None, max_length=300, description="Hinweis zu den Zeiten, z. B. \"Termine nach Vereinbarung\"."
    )
    season: Season | None = Field(None, description="Jährliche Saison, z. B. von 11-01 bis 03-31.")
    valid_from: Day | None = Field(None, description="Gilt ab (Datum JJJJ-MM-TT).")
    valid_until: Day | None = Field(None, description="Gilt bis einschließlich (Datum JJJJ-MM-TT).")
    status: Status = Field(
        Status.active,
        description="active (läuft), temporarily_closed (vorübergehend geschlossen), ended (beendet).",
    )
    closed_until: Day | None = Field(
        None,
        description="Nur mit status: temporarily_closed: geschlossen bis einschließlich (JJJJ-MM-TT). "
        "Danach zeigt die Seite von selbst wieder die Öffnungszeiten; status dann auf active setzen.",
    )
    closed_reason: Text | None = Field(
        None,
        max_length=200,
        description="Nur mit status: temporarily_closed: Grund der Schließung, z. B. \"Wasserschaden\".",
    )
    alert: Text | None = Field(
        None, max_length=300, description="Aktueller Hinweis, wird hervorgehoben angezeigt."
    )
    alert_from: Day | None = Field(
        None,
        description="Hinweis (alert) erst ab diesem Tag zeigen (JJJJ-MM-TT); fehlt es, sofort.",
    )
    alert_until: Day | None = Field(
        None,
        description="Hinweis (alert) bis einschließlich diesem Tag zeigen (JJJJ-MM-TT); danach "
        "blendet die Seite ihn von selbst aus.",
    )
    capacity_url: CapacityUrl | None = Field(
        None,
        description="Adresse einer Platz-Datei (JSON, https, oder /plaetze/<name>.json auf der "
        "Website selbst), die freie Plätze dieses Angebots "
        "meldet; die Seite zeigt sie live („Stand 19:40: 3 Betten frei“), veraltet „Bitte "
        "anrufen“. Format: docs/kapazitaet.md. Ohne Angabe gilt capacity aus mkdocs.yml.",
    )
    contact: Contact = Field(default_factory=Contact, description="Kontakt.")
    languages: list[LanguageCode] = Field(
        default_factory=list, description="Gesprochene Sprachen (ISO 639-1), z. B. [de, en, ar]."
    )
    costs: Costs | None = Field(
        None,
        max_length=200,
        description="Kosten: free (kostenlos) oder der Preis als Text, z. B. \"1 € pro Mahlzeit\" "
        "oder \"Spende erbeten\". Nicht yes/no: das sagt nicht, was es kostet.",
    )
    access: Access = Field(default_factory=Access, description="Zugangsbedingungen.")
    last_verified: Day = Field(
        ..., description="Zuletzt geprüft am (JJJJ-MM-TT). Pflicht; nach 12 Monaten gibt es eine Warnung."
    )
    related: list[Identifier] = Field(default_factory=list, description="ids ähnlicher Angebote.")
    aliases: list[Identifier] = Field(
        default_factory=list,
        description="Frühere ids: ihre Adressen leiten auf dieses Angebot weiter.",
    )
    source: Source | None = Field(
        None,
        description="Herkunft übernommener Daten: osm:node/123 (OpenStreetMap, Lizenz ODbL: die "
        "Seite nennt die Quelle) oder hsds:<id> (HSDS-Import). Schreibt atlas import; ein erneuter "
        "Import gleicht darüber ab. Nicht ändern.",
    )
    translations: dict[str, Translation] = Field(
        default_factory=dict,
        description="Übersetzungen je Sprachcode (en, uk, ar, tr, ...): title, summary, "
        "description, hours_note, directions, alert. Mit title und summary bekommt das Angebot "
        "in jeder Sprache aus atlas.languages eine eigene Seite /<sprache>/angebote/<id>/; was "
        "fehlt, steht dort auf Deutsch.",
    )

    @field_validator("translations")
    @classmethod
    def _translation_languages(cls, value: dict[str, Translation]) -> dict[str, Translation]:
        return check_translation_languages(value)

    @field_validator("valid_until")
    @classmethod
    def _until_after_from(cls, value: date | None, info: ValidationInfo) -> date | None:
        # A field validator (not a model validator) so the message lands on valid_until's line.
        start = info.data.get("valid_from")
        if value is not None and start is not None and value < start:
            raise ValueError(f"liegt vor valid_from ({start.isoformat()})")
        return value

    @field_validator("closed_until", "closed_reason")
    @classmethod
    def _only_when_closed(cls, value: Any, info: ValidationInfo) -> Any:
        # status is declared before these fields, so info.data has it (unless it failed itself).
        status = info.data.get("status")
        if value is not None and status is not None and status != Status.temporarily_closed:
            raise ValueError(f"{info.field_name} gilt nur mit status: temporarily_closed: status "
                             f"ändern oder {info.field_name} entfernen")
        return value

    @field_validator("alert_from", "alert_until")
    @classmethod
    def _alert_window(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None:
            return value
        if "alert" in info.data and info.data["alert"] is None:
            raise ValueError(f"{info.field_name} ohne alert: den Hinweistext unter alert angeben "
                             f"oder {info.field_name} entfernen")
        start = info.data.get("alert_from")
        if info.field_name == "alert_until" and start is not None and value < start:
            raise ValueError(f"liegt vor alert_from ({start.isoformat()}): Enddatum anpassen")
        return value

    @property
    def is_free(self) -> bool:
        """True when the offer costs nothing."""
        return (self.costs or "").strip().lower() in {"free", "kostenlos", "0", "0 €"}


NeedWord = Annotated[Line, Field(max_length=60)]
"""One word or short phrase people type when they need this help ("schlafen", "Penne")."""
NEED_WORDS_DESCRIPTION = (
    "Suchwörter: so, wie Menschen fragen, wenn sie diese Hilfe brauchen (z. B. schlafen, "
    "übernachten, Bett, Penne). Die Suche findet damit jedes Angebot dieser Kategorie bzw. "
    "Zielgruppe, auch wenn das Wort in keinem Angebotstext steht; sie stehen auch im "
    "Stichwortverzeichnis der Suchseite. Die Suche findet Wortanfänge (Kleider findet "
    "Kleiderkammer, Kammer aber nicht): gesuchte Wortteile einzeln eintragen."
)


NeedLabel = Annotated[
    str,
    BeforeValidator(_clean_text),
    Field(min_length=1, max_length=20, pattern=r"^[^\s/,;]+$"),
]
"""One word for a need ("Schlafen", "Essen", "Duschen"): no spaces, at most 20 letters."""
NEED_LABEL_DESCRIPTION = (
    "Ein Wort für die Kachel auf der Startseite und die Filter von Karte und Suche, so wie "
    "Menschen ihr Bedürfnis nennen (z. B. Schlafen, Essen, Duschen, Arzt). Ohne Leerzeichen, "
    "höchstens 20 Zeichen; fehlt es, steht dort der Name der Kategorie."
)


class NameTranslation(StrictModel):
    """A target group's or district's name in one language."""

    name: Line | None = Field(None, max_length=80, description="Name in dieser Sprache.")


class CategoryTranslation(NameTranslation):
    """A category's name, tile word and short description in one language."""

    need_label: NeedLabel | None = Field(
        None, description="Das eine Wort für Kachel und Filter; fehlt es, gilt name.")
    description: Text | None = Field(None, max_length=500, description="Kurzbeschreibung.")
    need_words: list[NeedWord] = Field(
        default_factory=list, max_length=60,
        description="Suchwörter in dieser Sprache: die Suche der Sprache (/en/suche/ …) findet damit "
        "jedes Angebot der Kategorie.")


NAME_TRANSLATIONS_DESCRIPTION = (
    "Übersetzungen je Sprachcode (en, uk, ar, tr, ...): name, bei Kategorien auch need_label "
    "und description. Die Seiten der Sprachbäume /<sprache>/… zeigen sie; was fehlt, steht "
    "dort auf Deutsch."
)


class Category(StrictModel):
    """One category in content/categories.yml."""

    id: Identifier = Field(..., description="Kennung, Teil der Adresse /kategorien/<id>/.")
    label: Line = Field(..., max_length=80, description="Name auf Deutsch.")
    label_en: Line | None = Field(None, max_length=80, description="Name auf Englisch.")
    icon: Line = Field(
        "circle",
        max_length=40,
        description="Bildzeichen auf Flyern, Startseite und Filtern: " + ", ".join(sorted(PICTOGRAMS)) + ".",
    )
    need_label: NeedLabel | None = Field(
        None,
        description=NEED_LABEL_DESCRIPTION,
    )
    color: str = Field(
        ...,
        pattern=r"^#[0-9a-fA-F]{6}$",
        description="Farbe als #rrggbb, Kontrast mindestens 3:1 zu Weiß (Kartenpunkte).",
    )
    description: Text | None = Field(None, max_length=500, description="Kurzbeschreibung.")
    need_words: list[NeedWord] = Field(
        default_factory=list,
        max_length=60,
        description=NEED_WORDS_DESCRIPTION,
    )
    translations: dict[str, CategoryTranslation] = Field(
        default_factory=dict, description=NAME_TRANSLATIONS_DESCRIPTION)

    _translation_languages = field_validator("translations")(check_translation_languages)

    def label_in(self, lang: str) -> str | None:
        """The name in ``lang`` (``translations``, for English also ``label_en``); None when
        the category has none there. German is :attr:`label`."""
        if lang == "de":
            return self.label
        own = self.translations.get(lang)
        if own is not None and own.name:
            return own.name
        return self.label_en if lang == "en" else None

    def need_in(self, lang: str) -> str | None:
        """The tile's one word in ``lang`` (its need_label, else its name there), or None."""
        if lang == "de":
            return self.need
        own = self.translations.get(lang)
        if own is not None and own.need_label:
            return own.need_label
        return self.label_in(lang)

    def need_words_in(self, lang: str) -> list[str]:
        """The search words in ``lang`` (German: :attr:`need_words`)."""
        if lang == "de":
            return list(self.need_words)
        own = self.translations.get(lang)
        return list(own.need_words) if own is not None else []

    def description_in(self, lang: str) -> str | None:
        """The short description in ``lang``, or None when it has none there."""
        if lang == "de":
            return self.description
        own = self.translations.get(lang)
        return own.description if own is not None else None

    @field_validator("icon")
    @classmethod
    def _known_icon(cls, value: str) -> str:
        if value not in PICTOGRAMS:
            raise ValueError(f"unbekanntes Bildzeichen „{value}“: eines von {', '.join(sorted(PICTOGRAMS))} wählen")
        return value

    @property
    def need(self) -> str:
        """The one word on the home page's tile and the filter chips (``label`` when none is set)."""
        return self.need_label or self.label

    @field_validator("color")
    @classmethod
    def _contrast_on_white(cls, value: str) -> str:
        ratio = contrast_with_white(value)
        if ratio < 3.0:
            raise ValueError(
                f"{value}: Kontrast zu Weiß nur {ratio:.1f}:1, mindestens 3:1 nötig "
                "(Kartenpunkte und Farbbalken müssen erkennbar sein): dunklere Farbe wählen"
            )
        return value


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of ``#rrggbb`` against white."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


class TargetGroup(StrictModel):
    """One target group in content/target_groups.yml."""

    id: Identifier = Field(..., description="Kennung.")
    label: Line = Field(..., max_length=80, description="Name auf Deutsch.")
    label_en: Line | None = Field(None, max_length=80, description="Name auf Englisch.")
    need_words: list[NeedWord] = Field(
        default_factory=list,
        max_length=60,
        description=NEED_WORDS_DESCRIPTION,
    )
    translations: dict[str, NameTranslation] = Field(
        default_factory=dict, description=NAME_TRANSLATIONS_DESCRIPTION)

    _translation_languages = field_validator("translations")(check_translation_languages)

    def label_in(self, lang: str) -> str | None:
        """The name in ``lang`` (as :meth:`Category.label_in`), None when it has none there."""
        if lang == "de":
            return self.label
        own = self.translations.get(lang)
        if own is not None and own.name:
            return own.name
        return self.label_en if lang == "en" else None


class Address(StrictModel):
    """A postal address."""

    street: Line | None = Field(None, description="Straße und Hausnummer.")
    country: CountryCode | None = Field(
        None, description="Land (ISO 3166-1, z. B. DE, NL); fehlt es, gilt das Land des Atlas."
    )
    postal_code: str | None = Field(
        None,
        max_length=12,
        description="Postleitzahl in Anführungszeichen, im Format des Landes (z. B. \"52349\").",
        json_schema_extra={"pattern": ANY_POSTAL_PATTERN, "patternErrorMessage":
                           "Postleitzahl in Anführungszeichen, z. B. \"52349\""},
    )
    city: Line | None = Field(None, description="Ort.")

    _postal_code = field_validator("postal_code")(check_postal_code)


class Organization(StrictModel):
    """A provider, one file in content/organizations/<id>.yml."""

    id: Identifier | None = Field(None, description="Kennung; fehlt sie, gilt der Dateiname.")
    name: Line = Field(..., max_length=200, description="Name des Trägers.")
    website: Url | None = Field(None, description="Webseite.")
    phone: Phone | None = Field(None, description="Telefon.")
    email: Email | None = Field(None, description="E-Mail.")
    address: Address | None = Field(None, description="Anschrift.")


class AlertLevel(StrEnum):
    """How urgent a site-wide alert is; each level has its own colour and heading."""

    info = "info"
    warnung = "warnung"
    kaelte = "kaelte"


ALERT_HEADINGS = {AlertLevel.info: "Hinweis", AlertLevel.warnung: "Achtung",
                  AlertLevel.kaelte: "Kältehilfe aktiv"}
"""The banner's heading when an alert has no ``title`` of its own."""


class AlertTranslation(StrictModel):
    """A site-wide alert in one further language (``translations: {en: {text: …}}``)."""

    title: Line | None = Field(
        None, max_length=80,
        description="Überschrift; fehlt sie, steht das Wort der Stufe in dieser Sprache "
        "(z. B. en: Notice, Warning, Cold-weather help active).",
    )
    text: Text = Field(..., min_length=1, max_length=500, description="Der Hinweis in dieser Sprache.")


class Alert(StrictModel):
    """A dated, site-wide alert: one file in content/alerts/<id>.yml."""

    id: Identifier | None = Field(None, description="Kennung; fehlt sie, gilt der Dateiname.")
    title: Line | None = Field(
        None,
        max_length=80,
        description="Überschrift des Hinweises; fehlt sie, je nach level „Hinweis“, „Achtung“ "
        "oder „Kältehilfe aktiv“.",
    )
    text: Text = Field(
        ...,
        min_length=1,
        max_length=500,
        description="Der Hinweis in ein bis zwei Sätzen, z. B. \"Bei Frost öffnet das "
        "Winternotquartier schon um 18 Uhr.\"",
    )
    level: AlertLevel = Field(
        AlertLevel.info,
        description="info (Hinweis), warnung (Achtung, z. B. Schließungen) oder kaelte "
        "(Kältehilfe aktiv: Saisonangebote wie Winternotquartier und Kältebus stehen in den "
        "Listen dann vorn).",
    )
    start: Day = Field(..., description="Erster Tag, an dem der Hinweis erscheint (JJJJ-MM-TT).")
    end: Day = Field(
        ...,
        description="Letzter Tag (einschließlich, JJJJ-MM-TT); danach blendet die Seite den "
        "Hinweis von selbst aus.",
    )
    categories: list[Identifier] = Field(
        default_factory=list,
        description="Nur auf den Seiten dieser Kategorien und ihrer Angebote (ids aus "
        "content/categories.yml).",
    )
    districts: list[Identifier] = Field(
        default_factory=list,
        description="Nur auf den Seiten dieser Sozialräume und ihrer Angebote (ids aus "
        "content/districts.geojson). Mit categories zusammen: Angebote, die beides erfüllen.",
    )
    offers: list[Identifier] = Field(
        default_factory=list,
        description="Auf den Seiten dieser Angebote (ids aus content/offers/). Ohne categories, "
        "districts und offers erscheint der Hinweis auf allen Seiten.",
    )
    translations: dict[str, AlertTranslation] = Field(
        default_factory=dict,
        description="Übersetzungen je Sprachcode, z. B. {en: {text: ..., title: ...}}: die "
        "Seiten unter /en/ usw. zeigen sie; ohne Übersetzung steht dort der deutsche Text "
        "(als Deutsch ausgezeichnet).",
    )

    @field_validator("translations")
    @classmethod
    def _translation_languages(cls, value: dict[str, AlertTranslation]) -> dict[str, AlertTranslation]:
        return check_translation_languages(value)

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("start")
        if start is not None and value < start:
            raise ValueError(f"liegt vor start ({start.isoformat()}): Enddatum anpassen")
        return value

    @property
    def heading(self) -> str:
        """The banner's heading: the title or the level's word."""
        return self.title or ALERT_HEADINGS[self.level]

    @property
    def site_wide(self) -> bool:
        """True when the alert names no category, district or offer (then: every page)."""
        return not (self.categories or self.districts or self.offers)
