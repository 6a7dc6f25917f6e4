"""The atlas settings: the ``atlas`` plugin block of ``mkdocs.yml``, declared once.

The CLI reads the same block without MkDocs, so ``atlas check`` and ``mkdocs build`` judge the
content by the same rules. Every option has a docstring-like ``description`` (shown in the docs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
)


class Region(BaseModel):
    """Bounding box of the atlas region; coordinates outside give a warning."""

    model_config = ConfigDict(extra="forbid")
    south: float = Field(47.2, description="Südliche Grenze (Breite).")
    west: float = Field(5.8, description="Westliche Grenze (Länge).")
    north: float = Field(55.1, description="Nördliche Grenze (Breite).")
    east: float = Field(15.1, description="Östliche Grenze (Länge).")

    def contains(self, lat: float, lon: float) -> bool:
        """True when the point lies inside the box."""
        return self.south <= lat <= self.north and self.west <= lon <= self.east


class MapSettings(BaseModel):
    """Map tiles and privacy."""

    model_config = ConfigDict(extra="forbid")
    tiles: str = Field(DEFAULT_TILES, description="URL-Vorlage des Kachelservers ({z}/{x}/{y}).")
    attribution: str = Field(DEFAULT_ATTRIBUTION, description="Pflicht-Namensnennung der Kacheln.")
    consent: bool = Field(
        False, description="true: Karte erst nach Klick auf „Karte laden“ (keine Kachelanfrage vorher)."
    )
    center: tuple[float, float] | None = Field(None, description="Kartenmitte [lat, lon].")
    zoom: int = Field(13, description="Start-Zoomstufe der Übersichtskarte.")


class EmergencyNumber(BaseModel):
    """A number shown on the start page."""

    model_config = ConfigDict(extra="forbid")
    label: str
    number: str
    note: str | None = None


class AtlasConfig(BaseModel):
    """Settings of one atlas (the ``atlas`` plugin block in mkdocs.yml)."""

    model_config = ConfigDict(extra="forbid")

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
    report_email: str | None = Field(
        None, description="Adresse für „Fehler melden“-Links auf den Angebotsseiten."
    )
    emergency_numbers: list[EmergencyNumber] = Field(
        default_factory=list, description="Notrufnummern auf der Startseite."
    )
    map: MapSettings = Field(default_factory=MapSettings, description="Karten-Einstellungen.")
    license: str = Field("dl-de/by-2-0", description="Lizenz der offenen Daten.")
    license_attribution: str | None = Field(
        None, description="Namensnennung der offenen Daten, z. B. „Stadt Musterstadt“."
    )
    publisher: str | None = Field(None, description="Herausgeber (Impressum, Metadaten).")
    planning: bool = Field(True, description="Planungsbereich /planung/ erzeugen.")
    flyers: bool = Field(True, description="Flyer beim Site-Build erzeugen.")
    qr_error_correction: str = Field(
        "M", pattern="^[LMQH]$", description="Fehlerkorrektur der QR-Codes (L, M, Q, H)."
    )
    options: dict[str, Any] = Field(
        default_factory=dict, description="Einstellungen späterer Module (Planung, Flyer ...)."
    )


class ConfigProblem(Exception):
    """The atlas configuration is unusable; the message says which option and why."""


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` and ``!ENV`` tags; we only need plain values."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """Read mkdocs.yml as plain data (without MkDocs), ignoring Python-specific tags."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigProblem(f"{path}: nicht lesbar: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigProblem(f"{path}: keine YAML-Zuordnung")
    return data


def atlas_block(mkdocs_config: dict[str, Any]) -> dict[str, Any]:
    """The options given to the ``atlas`` plugin in a parsed mkdocs.yml (empty if absent)."""
    for entry in mkdocs_config.get("plugins") or []:
        if isinstance(entry, dict) and "atlas" in entry:
            return dict(entry["atlas"] or {})
        if entry == "atlas":
            return {}
    return {}


def make_config(options: dict[str, Any], site_url: str | None = None) -> AtlasConfig:
    """Validate plugin options; ``site_url`` (from mkdocs.yml) fills in when not set."""
    try:
        config = AtlasConfig.model_validate(options)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigProblem(f"mkdocs.yml: atlas.{where}: {first['msg']}") from None
    if not config.site_url and site_url:
        config.site_url = site_url
    return config


def load_config(mkdocs_yml: Path | None) -> tuple[AtlasConfig, Path]:
    """Load the atlas settings from mkdocs.yml; returns them and the project root.

    Without a mkdocs.yml, the defaults apply and the current directory is the root.
    """
    if mkdocs_yml is None or not mkdocs_yml.exists():
        return AtlasConfig(), Path.cwd()
    raw = read_mkdocs_yml(mkdocs_yml)
    return make_config(atlas_block(raw), raw.get("site_url")), mkdocs_yml.parent
