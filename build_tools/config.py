"""The atlas settings: the ``atlas`` plugin block of ``mkdocs.yml``, declared once, one class per area.

Like MkDocs' ``config/defaults.py``: every option is typed and carries its German description
(shown in ``docs/`` and tested to be documented there). The whole block is validated when it is
loaded — by ``atlas check`` as much as by a build — and every problem comes back at once as a
:class:`~build_tools.problems.Problem` at ``mkdocs.yml:line:col`` (see :mod:`build_tools.project`).

Areas: :class:`MapSettings`, :class:`FlyerSettings`, :class:`PlanningSettings`,
:class:`ExportSettings`, :class:`CapacitySettings`; the rest (name, region, numbers) sits on :class:`AtlasConfig` itself.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

_WINDOW = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
)
METRIC_CRS = "EPSG:25832"


class Section(BaseModel):
    """Base of every settings class: unknown keys are errors (a typo must not vanish)."""

    model_config = ConfigDict(extra="forbid")


def _switch(value: Any) -> Any:
    """``flyers: false`` is short for ``flyers: {enabled: false}``."""
    return {"enabled": value} if isinstance(value, bool) else value


class Region(Section):
    """Bounding box of the atlas region; coordinates outside give a warning."""

    south: float = Field(47.2, description="Südliche Grenze (Breite).")
    west: float = Field(5.8, description="Westliche Grenze (Länge).")
    north: float = Field(55.1, description="Nördliche Grenze (Breite).")
    east: float = Field(15.1, description="Östliche Grenze (Länge).")

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point lies inside the box."""
        return self.south <= lat <= self.north and self.west <= lon <= self.east


class MapSettings(Section):
    """Map tiles and privacy (``atlas.map``)."""

    tiles: str = Field(DEFAULT_TILES, description="URL-Vorlage des Kachelservers ({z}/{x}/{y}).")
    attribution: str = Field(DEFAULT_ATTRIBUTION, description="Pflicht-Namensnennung der Kacheln.")
    # Privacy by default: no request to a third party before a person asks for the map.
    consent: bool = Field(
        True, description="true (Standard): Karte erst nach Klick auf „Karte laden“ (keine "
        "Kachelanfrage vorher); false: Kacheln laden sofort beim Öffnen der Seite."
    )
    center: tuple[float, float] | None = Field(None, description="Kartenmitte [lat, lon].")
    zoom: int = Field(13, ge=1, le=19, description="Start-Zoomstufe der Übersichtskarte.")

    @field_validator("tiles")
    @classmethod
    def _http_tiles(cls, value: str) -> str:
        from .security.csp import tile_source

        tile_source(value)  # raises ValueError with a German message
        return value


class FlyerSettings(Section):
    """Print flyers (``atlas.flyers``; ``flyers: false`` switches them off)."""

    enabled: bool = Field(True, description="Flyer beim Site-Build erzeugen und verlinken.")
    qr_error_correction: str = Field(
        "M", pattern="^[LMQH]$", description="Fehlerkorrektur der QR-Codes (L, M, Q, H)."
    )


class PlanningSettings(Section):
    """The planning section ``/planung/`` and ``atlas report`` (``atlas.planning``)."""

    enabled: bool = Field(True, description="Planungsbereich /planung/ erzeugen.")
    noindex: bool = Field(
        True, description="Planungsseiten für Suchmaschinen sperren (robots: noindex)."
    )
    distances_m: list[int] = Field(
        [500, 1000, 2000],
        min_length=1,
        max_length=6,
        description="Luftlinien-Entfernungen in Metern für die Erreichbarkeit.",
    )
    walking_speed_kmh: float = Field(
        4.5, gt=0, le=20, description="Gehgeschwindigkeit in km/h für die geschätzte Gehzeit."
    )
    detour_factor: float = Field(
        1.3,
        ge=1,
        le=3,
        description="Umwegfaktor: tatsächlicher Fußweg ÷ Luftlinie (üblich 1,2–1,4).",
    )
    default_threshold_m: int = Field(
        1000, gt=0, description="Schwelle in Metern: weiter entfernte Sozialräume werden markiert."
    )
    thresholds_m: dict[str, int] = Field(
        default_factory=dict,
        description="Schwelle je Kategorie-id in Metern, z. B. {essen: 1500}.",
    )
    evening_hour: int = Field(
        18, ge=12, le=23, description="Ab dieser Stunde gilt eine Öffnung als „abends“."
    )
    population_grid: str | None = Field(
        None,
        description="Bevölkerungsgitter (GeoJSON, Pfad im Inhaltsordner): Punkte oder Zellen "
        "mit population; dann sind die Anteile der Erreichbarkeit Anteile der Einwohner.",
    )
    crs: str = Field(
        METRIC_CRS, description="Metrisches Koordinatensystem für Flächen und Entfernungen."
    )
    public_profiles: bool = Field(
        True,
        description="Sozialraumprofil (Kennzahlen aus indicators.csv) auf jeder Sozialraum-Seite "
        "zeigen und die Kennzahlen unter /daten/ veröffentlichen; false: die Kennzahlen stehen "
        "nur im Planungsbereich.",
    )
    area_label: str = Field(
        "Stadt", min_length=1, max_length=30,
        description="Wort für das ganze Gebiet im Vergleich, z. B. Stadt, Kreis, Gemeinde "
        "(„14,2 % · Stadt 9,8 %“).",
    )
    # Travel: walking on the street network, bus and train (GTFS), scenarios.
    street_network: str | bool | None = Field(
        None,
        description="OSM-Auszug im Inhaltsordner (.osm.pbf oder .osm) für Fußwege auf dem "
        "Straßennetz. Ohne Angabe wird die eine solche Datei im Inhaltsordner genommen; false: "
        "keiner (dann Luftlinie × Umwegfaktor).",
    )
    transit_feed: str | bool | None = Field(
        None,
        description="GTFS-Fahrplan im Inhaltsordner (ZIP) für Fahrzeiten mit Bus und Bahn. Ohne "
        "Angabe wird gtfs.zip genommen, wenn es sie gibt; false: keiner.",
    )
    walk_minutes: list[int] = Field(
        [10, 20, 30], min_length=1, max_length=6,
        description="Gehzeiten in Minuten für die Anteile auf dem Straßennetz.",
    )
    transit_minutes: list[int] = Field(
        [30, 60], min_length=1, max_length=4,
        description="Fahrzeiten (Tür zu Tür) in Minuten für die Anteile mit Bus und Bahn.",
    )
    transit_windows: dict[str, str] = Field(
        default_factory=lambda: {"vormittags": "08:00-10:00", "abends": "17:00-19:00"},
        min_length=1, max_length=4,
        description="Abfahrtszeiträume eines Werktags, Name → HH:MM-HH:MM; je Zeitraum zählt "
        "der Median der Fahrzeiten bei Abfahrt alle fünf Minuten.",
    )
    transit_date: date | None = Field(
        None,
        description="Der Tag des Fahrplans, für den gerechnet wird (JJJJ-MM-TT); ohne Angabe "
        "der erste Dienstag im Fahrplanzeitraum, der kein Feiertag ist.",
    )
    grid_spacing_m: int = Field(
        200, ge=50, le=2000,
        description="Abstand der Rasterpunkte in Metern, für die ohne Bevölkerungsgitter Fußwege "
        "und Fahrzeiten gerechnet werden (Flächenanteile).",
    )
    scenario: str | None = Field(
        None,
        description="Szenario-Datei im Inhaltsordner (YAML), das die Planungsseiten zeigen: "
        "Vorher und Nachher, z. B. wenn ein Angebot umzieht oder schließt.",
    )

    @field_validator("street_network", "transit_feed")
    @classmethod
    def _path_or_off(cls, value: str | bool | None) -> str | bool | None:
        if value is True:
            raise ValueError("einen Dateinamen im Inhaltsordner angeben oder false")
        if isinstance(value, str) and (not value.strip() or value.startswith(("/", "..")) or "\\" in value):
            raise ValueError("ein Pfad im Inhaltsordner, z. B. musterstadt.osm.pbf")
        return value

    @field_validator("scenario")
    @classmethod
    def _scenario_path(cls, value: str | None) -> str | None:
        if value is not None and (not value.endswith((".yml", ".yaml")) or value.startswith(("/", ".."))):
            raise ValueError("eine YAML-Datei im Inhaltsordner, z. B. szenarien/jobcenter.yml")
        return value

    @field_validator("walk_minutes", "transit_minutes")
    @classmethod
    def _minutes(cls, value: list[int]) -> list[int]:
        if any(m <= 0 or m > 180 for m in value):
            raise ValueError("Minuten zwischen 1 und 180 angeben")
        return sorted(set(value))

    @field_validator("transit_windows")
    @classmethod
    def _windows(cls, value: dict[str, str]) -> dict[str, str]:
        for name, text in value.items():
            match = _WINDOW.match(str(text))
            if not match:
                raise ValueError(f"Zeitraum {name!r}: HH:MM-HH:MM erwartet, z. B. 07:00-09:00")
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            if h2 * 60 + m2 <= h1 * 60 + m1 or h2 * 60 + m2 > 1440:
                raise ValueError(f"Zeitraum {name!r}: das Ende muss nach dem Anfang liegen")
        return value

    def window_minutes(self) -> list[tuple[str, int, int]]:
        """The departure windows as (name, start minute, end minute), in the given order."""
        out = []
        for name, text in self.transit_windows.items():
            h1, m1, h2, m2 = (int(g) for g in _WINDOW.match(text).groups())  # type: ignore[union-attr]
            out.append((name, h1 * 60 + m1, h2 * 60 + m2))
        return out

    @property
    def walking_m_per_min(self) -> float:
        """Walking speed in metres a minute."""
        return self.walking_speed_kmh * 1000 / 60

    @field_validator("distances_m")
    @classmethod
    def _positive_sorted(cls, value: list[int]) -> list[int]:
        if any(d <= 0 for d in value):
            raise ValueError("Entfernungen müssen größer als 0 sein")
        return sorted(set(value))

    @field_validator("thresholds_m")
    @classmethod
    def _positive_thresholds(cls, value: dict[str, int]) -> dict[str, int]:
        for key, metres in value.items():
            if metres <= 0:
                raise ValueError(f"Schwelle für {key!r} muss größer als 0 sein")
        return dict(sorted(value.items()))

    @field_validator("crs")
    @classmethod
    def _known_crs(cls, value: str) -> str:
        from pyproj import CRS
        from pyproj.exceptions import CRSError

        try:
            crs = CRS.from_user_input(value)
        except CRSError:
            raise ValueError(f"{value!r} ist kein bekanntes Koordinatensystem (z. B. EPSG:25832)") from None
        if not crs.is_projected:
            raise ValueError(f"{value!r} misst nicht in Metern: ein projiziertes System angeben, z. B. EPSG:25832")
        return value

    def threshold(self, category_id: str) -> int:
        """The distance beyond which a district is flagged for this category."""
        return self.thresholds_m.get(category_id, self.default_threshold_m)

    def walking_minutes(self, metres: float) -> float:
        """Estimated walking time for a straight-line distance (detour factor applied)."""
        return metres * self.detour_factor / (self.walking_speed_kmh * 1000 / 60)


class ExportSettings(Section):
    """The open data under ``/daten/`` (``atlas.exports``)."""

    license: str = Field("dl-de/by-2-0", description="Lizenz der offenen Daten.")
    attribution: str | None = Field(
        None, description="Namensnennung der offenen Daten, z. B. „Stadt Musterstadt“."
    )


GIT_HOSTS = ("github", "gitlab", "gitea")
"""Git hosts whose new-issue form ``report_issue`` can prefill (their URL shapes differ)."""


class ReportIssue(Section):
    """„Fehler melden“ as a prefilled issue on the content repository (``atlas.report_issue``)."""

    host: str = Field(..., description="Art des Git-Hosts: github, gitlab oder gitea "
                      "(auch selbst betrieben, z. B. GitLab der Stadt).")
    repo_url: str = Field(..., description="Adresse des Inhalts-Repositorys, z. B. "
                          "https://gitlab.musterstadt.de/sozialamt/atlas-inhalte.")

    @field_validator("host")
    @classmethod
    def _known_host(cls, value: str) -> str:
        if value not in GIT_HOSTS:
            raise ValueError(f"{value!r} ist kein bekannter Git-Host; möglich: {', '.join(GIT_HOSTS)}")
        return value

    @field_validator("repo_url")
    @classmethod
    def _repository(cls, value: str) -> str:
        from urllib.parse import urlsplit

        from .validation.web import check_url

        check_url(value)  # raises ValueError with a German message
        parts = urlsplit(value)
        if parts.scheme != "https":
            raise ValueError(f"{value!r}: die Adresse des Repositorys beginnt mit https://")
        if parts.query or parts.fragment or len([p for p in parts.path.split("/") if p]) < 2:
            raise ValueError(f"{value!r}: die Adresse des Repositorys selbst angeben, "
                             "z. B. https://github.com/stadt/atlas-inhalte (ohne /issues, ? oder #)")
        return value.rstrip("/")


class CapacitySettings(Section):
    """Live capacity: one feed of free places for the atlas (``atlas.capacity``, docs/kapazitaet.md).

    Without ``url`` no page fetches anything, except offers with their own ``capacity_url``
    (they keep the limits set here)."""

    url: str | None = Field(
        None,
        description="Adresse der Platz-Datei (JSON, absolute https-Adresse), z. B. "
        "https://kaeltehilfe.example/plaetze.json (der Server muss "
        "Access-Control-Allow-Origin senden), oder eine Datei der Website selbst unter "
        "/plaetze/, z. B. /plaetze/kaeltehilfe.json (liegt im Ordner der Seiten, docs_dir).",
    )
    offers: list[str] = Field(
        default_factory=list, description="ids der Angebote, deren freie Plätze die Datei meldet."
    )
    categories: list[str] = Field(
        default_factory=list,
        description="Kategorie-ids: jedes Angebot dieser Kategorien zeigt die Plätze aus der Datei.",
    )
    max_age_minutes: int = Field(
        90, ge=5, le=1440,
        description="Älter als so viele Minuten gilt eine Meldung als unbekannt („Bitte anrufen“).",
    )
    max_kb: int = Field(
        16, ge=1, le=256, description="Größte Platz-Datei in KB; eine größere wird nicht gelesen."
    )
    timeout_seconds: int = Field(
        4, ge=1, le=30, description="So lange wartet die Seite auf die Datei, dann „Bitte anrufen“."
    )

    @field_validator("url")
    @classmethod
    def _feed_url(cls, value: str | None) -> str | None:
        from .capacity import check_feed_url

        if value is not None:
            check_feed_url(value)  # raises ValueError with a German message
        return value

    @field_validator("offers", "categories")
    @classmethod
    def _needs_url(cls, value: list[str], info: Any) -> list[str]:
        # runs only when the option is given: a list without the file it refers to is a mistake
        if value and not info.data.get("url"):
            raise ValueError(f"{info.field_name} ohne url: die Adresse der Platz-Datei unter "
                             "capacity: {url: https://…} angeben")
        return value


class EmergencyNumber(Section):
    """A number shown on the start page."""

    label: str
    number: str
    note: str | None = None


class AtlasConfig(Section):
    """Settings of one atlas (the ``atlas`` plugin block in mkdocs.yml)."""

    name: str = Field("Angebotsatlas", description="Name des Atlas (Titel, Flyer, Metadaten).")
    content_dir: str = Field("content", description="Ordner mit offers/, categories.yml usw.")
    site_url: str | None = Field(
        None, description="Öffentliche Adresse; sonst gilt site_url aus mkdocs.yml."
    )
    sample_data: bool = Field(
        False, description="Banner „Beispieldaten — fiktive Angebote“ auf jeder Seite."
    )
    region: Region = Field(default_factory=Region, description="Gebiet des Atlas.")
    review_months: int = Field(
        12, ge=1, description="Nach so vielen Monaten ohne Prüfung (last_verified) warnen."
    )
    holidays_state: str = Field(
        "NW", description="Bundesland für Feiertage (NW, BY, BE, ...), für „PH“ in Öffnungszeiten."
    )
    country: str = Field(
        "DE", pattern="^[A-Z]{2}$",
        description="Land der Angebote (ISO 3166, z. B. DE), wenn location.country fehlt.",
    )
    report_email: str | None = Field(
        None, description="Adresse für „Fehler melden“-Links auf den Angebotsseiten."
    )
    report_issue: ReportIssue | None = Field(
        None, description="„Fehler melden“ öffnet statt der E-Mail ein vorausgefülltes Issue im "
        "Inhalts-Repository: {host: gitlab, repo_url: https://…}."
    )
    editorial_desk: bool = Field(
        True, description="Redaktionsseite /redaktion/ (Prüfliste, fehlende Angaben, Hinweise; "
        "noindex, nicht in Suche und Sitemap) und /redaktion/pruefliste.csv erzeugen; false: keine."
    )
    emergency_numbers: list[EmergencyNumber] = Field(
        default_factory=list, description="Notrufnummern auf der Startseite."
    )
    publisher: str | None = Field(None, description="Herausgeber (Impressum, Metadaten).")
    map: MapSettings = Field(default_factory=MapSettings, description="Karten-Einstellungen.")
    flyers: FlyerSettings = Field(default_factory=FlyerSettings, description="Flyer-Einstellungen.")
    planning: PlanningSettings = Field(
        default_factory=PlanningSettings, description="Planungsbereich und Planungsbericht."
    )
    exports: ExportSettings = Field(default_factory=ExportSettings, description="Offene Daten.")
    capacity: CapacitySettings = Field(
        default_factory=CapacitySettings, description="Freie Plätze live (Platz-Datei)."
    )
    languages: list[str] = Field(
        ["de"], min_length=1,
        description="Sprachen der Website, Deutsch zuerst (an der Wurzel); jede weitere bekommt "
        "einen eigenen Baum /<code>/… (z. B. [de, en, uk, ar, tr]).",
    )

    @field_validator("flyers", "planning", mode="before")
    @classmethod
    def _short_switch(cls, value: Any) -> Any:
        return _switch(value)

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        from .i18n import SOURCE, available
        from .languages import suggest_language

        known = available()
        for code in value:
            if code not in known:
                hint = suggest_language(code)
                fix = f" – gemeint ist wohl {hint!r}" if hint in known else ""
                raise ValueError(
                    f"für {code!r} gibt es keine Übersetzung der Oberfläche{fix}; möglich: {', '.join(known)}"
                )
        if value[0] != SOURCE:
            raise ValueError(f"die erste Sprache muss {SOURCE!r} sein (die Inhalte sind deutsch): [{SOURCE}, …]")
        doubles = sorted({c for c in value if value.count(c) > 1})
        if doubles:
            raise ValueError(f"{', '.join(doubles)} steht mehrfach in languages")
        return value

    @field_validator("holidays_state")
    @classmethod
    def _known_state(cls, value: str) -> str:
        if value not in STATES:
            raise ValueError(f"{value!r} ist kein Bundesland-Kürzel; möglich: {', '.join(STATES)}")
        return value


STATES = ("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH")
"""The Länder ``holidays`` knows for Germany (a test holds them equal), without importing it:
it loads all its 250 countries, 0.15 s of every settings check."""


MOVED_OPTIONS = {
    "options": "die Planungs-Einstellungen stehen jetzt direkt unter planning: (statt options: {planning: …})",
    "license": "steht jetzt unter exports: {license: …}",
    "license_attribution": "steht jetzt unter exports: {attribution: …}",
    "qr_error_correction": "steht jetzt unter flyers: {qr_error_correction: …}",
}
"""Options of earlier versions: the message says where each one went."""
