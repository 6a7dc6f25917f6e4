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
    field_validator,
)

from .languages import ISO_639_1, TRANSLATION_LANGUAGES

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)
_MONTH_DAY_RE = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
_EMAIL_RE = re.compile(r"^[^@\s<>\"'`]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
_URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s<>\"'`]*)?$")
# Characters that reorder or hide text (bidi overrides, zero-width joiners aside) and C0/C1
# controls: they make a title lie about itself and have no place in a directory entry.
_FORBIDDEN_CHARS_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff"
    "\u2028\u2029]"
)


def shown(value: Any, limit: int = 60) -> str:
    """``repr`` of an editor's value for a message, cut short (a 200 KB id must not flood CI)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
            f"{shown(value)} ist keine gültige id: nur a–z, 0–9 und Bindestrich, "
            "beginnt mit Buchstabe oder Ziffer, höchstens 64 Zeichen"
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
Identifier = Annotated[str, AfterValidator(_check_id)]


def normalize_phone(raw: str) -> str:
    """Normalise a German phone number to E.164 (``+4924211234``); raise ValueError if it is not one."""
    compact = re.sub(r"[\s/().-]", "", raw)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    elif compact.startswith("0"):
        compact = "+49" + compact[1:]
    if not re.fullmatch(r"\+[1-9]\d{5,14}", compact):
        raise ValueError(
            f"{shown(raw)} ist keine Telefonnummer (z. B. \"02421 123456\" oder \"+49 2421 123456\")"
        )
    return compact


def _check_phone(value: str) -> str:
    normalize_phone(value)
    return value


Phone = Annotated[str, BeforeValidator(_clean_text), AfterValidator(_check_phone)]


def _check_email(value: str) -> str:
    if not _EMAIL_RE.match(value) or len(value) > 254:
        raise ValueError(f"{shown(value)} ist keine E-Mail-Adresse")
    return value


def _check_url(value: str) -> str:
    if not _URL_RE.match(value) or len(value) > 2000:
        raise ValueError(f"{shown(value)} ist keine Web-Adresse (muss mit https:// beginnen)")
    return value


Email = Annotated[str, AfterValidator(_check_email)]
Url = Annotated[str, AfterValidator(_check_url)]


def _check_language(value: str) -> str:
    if value not in ISO_639_1:
        raise ValueError(f"{shown(value)} ist kein Sprachcode nach ISO 639-1 (z. B. de, en, ar, tr, uk)")
    return value


LanguageCode = Annotated[str, AfterValidator(_check_language)]


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


class Location(StrictModel):
    """Where the offer takes place."""

    street: Line | None = Field(None, description="Straße und Hausnummer, z. B. \"Marktplatz 3\".")
    postal_code: str | None = Field(
        None,
        pattern=r"^\d{5}$",
        description="Postleitzahl, fünfstellig (in Anführungszeichen, z. B. \"52349\").",
    )
    city: Line | None = Field(None, description="Ort, z. B. \"Musterstadt\".")
    lat: float = Field(
        ..., ge=-90, le=90, allow_inf_nan=False, description="Geografische Breite (WGS84), z. B. 50.8034."
    )
    lon: float = Field(
        ..., ge=-180, le=180, allow_inf_nan=False, description="Geografische Länge (WGS84), z. B. 6.4826."
    )
    district: Identifier | None = Field(
        None,
        description="Sozialraum (id aus content/districts.geojson). Fehlt er, wird er aus den "
        "Koordinaten bestimmt.",
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
        description="true für geschützte Orte (z. B. Frauenhaus): Adresse und Kartenpunkt werden "
        "nie veröffentlicht, nur Sozialraum und Kontakt.",
    )


class Contact(StrictModel):
    """How to reach the offer."""

    phone: Annotated[
        list[Phone], BeforeValidator(_one_or_many, json_schema_input_type=str | list[str])
    ] = Field(
        default_factory=list,
        description="Telefonnummer(n), z. B. \"02421 123456\"; mehrere als Liste.",
    )
    email: Email | None = Field(None, description="E-Mail-Adresse.")
    website: Url | None = Field(None, description="Webseite, beginnt mit https://.")


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


class InlineProvider(StrictModel):
    """A provider without its own file under content/organizations/."""

    name: Line = Field(..., max_length=200, description="Name des Trägers.")
    website: Url | None = Field(None, description="Webseite des Trägers.")
    phone: Phone | None = Field(None, description="Telefon des Trägers.")
    email: Email | None = Field(None, description="E-Mail des Trägers.")


class Offer(StrictModel):
    """One help offer: the content of one file in content/offers/."""

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
    opening_hours: Text | None = Field(
        None,
        max_length=500,
        description="Öffnungszeiten im OpenStreetMap-Format, z. B. \"Mo-Fr 09:00-12:00\".",
    )
    hours_note: Text | None = Field(
        None, max_length=300, description="Hinweis zu den Zeiten, z. B. \"Termine nach Vereinbarung\"."
    )
    season: Season | None = Field(None, description="Jährliche Saison, z. B. von 11-01 bis 03-31.")
    valid_from: date | None = Field(None, description="Gilt ab (Datum JJJJ-MM-TT).")
    valid_until: date | None = Field(None, description="Gilt bis einschließlich (Datum JJJJ-MM-TT).")
    status: Status = Field(
        Status.active,
        description="active (läuft), temporarily_closed (vorübergehend geschlossen), ended (beendet).",
    )
    alert: Text | None = Field(
        None, max_length=300, description="Aktueller Hinweis, wird hervorgehoben angezeigt."
    )
    contact: Contact = Field(default_factory=Contact, description="Kontakt.")
    languages: list[LanguageCode] = Field(
        default_factory=list, description="Gesprochene Sprachen (ISO 639-1), z. B. [de, en, ar]."
    )
    costs: Text | None = Field(
        None, max_length=200, description="Kosten: \"free\" (kostenlos) oder Text, z. B. \"1 €\"."
    )
    access: Access = Field(default_factory=Access, description="Zugangsbedingungen.")
    last_verified: date = Field(
        ..., description="Zuletzt geprüft am (JJJJ-MM-TT). Pflicht; nach 12 Monaten gibt es eine Warnung."
    )
    related: list[Identifier] = Field(default_factory=list, description="ids ähnlicher Angebote.")
    aliases: list[Identifier] = Field(
        default_factory=list,
        description="Frühere ids: ihre Adressen leiten auf dieses Angebot weiter.",
    )
    translations: dict[str, Translation] = Field(
        default_factory=dict,
        description="Übersetzungen je Sprachcode (en, uk, ar, tr, ...): title, summary, "
        "description, hours_note, directions, alert.",
    )

    @field_validator("translations")
    @classmethod
    def _translation_languages(cls, value: dict[str, Translation]) -> dict[str, Translation]:
        for code in value:
            if code not in TRANSLATION_LANGUAGES:
                raise ValueError(
                    f"Sprache {code!r} wird nicht übersetzt; möglich: "
                    + ", ".join(TRANSLATION_LANGUAGES)
                )
        return value

    @field_validator("valid_until")
    @classmethod
    def _until_after_from(cls, value: date | None, info: ValidationInfo) -> date | None:
        # A field validator (not a model validator) so the message lands on valid_until's line.
        start = info.data.get("valid_from")
        if value is not None and start is not None and value < start:
            raise ValueError(f"liegt vor valid_from ({start.isoformat()})")
        return value

    @property
    def is_free(self) -> bool:
        """True when the offer costs nothing."""
        return (self.costs or "").strip().lower() in {"free", "kostenlos", "0", "0 €"}


class Category(StrictModel):
    """One category in content/categories.yml."""

    id: Identifier = Field(..., description="Kennung, Teil der Adresse /kategorien/<id>/.")
    label: Line = Field(..., max_length=80, description="Name auf Deutsch.")
    label_en: Line | None = Field(None, max_length=80, description="Name auf Englisch.")
    icon: Line = Field("circle", max_length=40, description="Symbolname (siehe Doku).")
    color: str = Field(
        ...,
        pattern=r"^#[0-9a-fA-F]{6}$",
        description="Farbe als #rrggbb, Kontrast mindestens 3:1 zu Weiß (Kartenpunkte).",
    )
    description: Text | None = Field(None, max_length=500, description="Kurzbeschreibung.")

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


class Address(StrictModel):
    """A postal address."""

    street: Line | None = Field(None, description="Straße und Hausnummer.")
    postal_code: str | None = Field(None, pattern=r"^\d{5}$", description="Postleitzahl (fünfstellig).")
    city: Line | None = Field(None, description="Ort.")


class Organization(StrictModel):
    """A provider, one file in content/organizations/<id>.yml."""

    id: Identifier | None = Field(None, description="Kennung; fehlt sie, gilt der Dateiname.")
    name: Line = Field(..., max_length=200, description="Name des Trägers.")
    website: Url | None = Field(None, description="Webseite.")
    phone: Phone | None = Field(None, description="Telefon.")
    email: Email | None = Field(None, description="E-Mail.")
    address: Address | None = Field(None, description="Anschrift.")
