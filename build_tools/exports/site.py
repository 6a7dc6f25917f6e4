"""The exports family of a site build: the open-data files under ``daten/`` and the /daten/ page.

:func:`render` serves the site build; ``atlas export`` writes :func:`export_files`. Both produce
the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..indicators import IndicatorSet
from ..indicators.export import META_FILE, VALUES_FILE, indicator_files
from ..outputs import Contribution, GeneratedFile, GeneratedPage
from ..urls import data_file_path, data_path

if TYPE_CHECKING:
    from ..build import Inputs, Tools
from .csv_export import csv_bytes
from .data_page import Download, data_page_html
from .geojson import geojson_bytes
from .hsds import hsds_files

TITLE = "Offene Daten"

_DESCRIPTIONS = {
    "angebote.geojson": ("Angebote (GeoJSON)", "Alle Angebote als Kartenpunkte mit Angaben",
                         "application/geo+json", "GEOJSON"),
    "angebote.csv": ("Angebote (CSV)", "Alle Angebote als Tabelle, eine Zeile je Angebot",
                     "text/csv", "CSV"),
    "hsds/services.json": ("HSDS: Dienste", "HSDS 3.0: Dienste mit Orten, Zeiten und Träger",
                           "application/json", "JSON"),
    "hsds/organizations.json": ("HSDS: Träger", "HSDS 3.0: Träger (organizations)",
                                "application/json", "JSON"),
    "hsds/service_at_locations.json": ("HSDS: Dienste an Orten",
                                       "HSDS 3.0: Dienst-Ort-Verknüpfungen mit Ort",
                                       "application/json", "JSON"),
    "hsds/taxonomies.json": ("HSDS: Taxonomien", "HSDS 3.0: Kategorien, Zielgruppen, Felder",
                             "application/json", "JSON"),
    "hsds/taxonomy_terms.json": ("HSDS: Begriffe", "HSDS 3.0: Begriffe der Taxonomien",
                                 "application/json", "JSON"),
    "hsds/datapackage.json": ("HSDS: Verzeichnis", "HSDS 3.0: Verzeichnis der Dateien",
                              "application/json", "JSON"),
    VALUES_FILE: ("Kennzahlen je Sozialraum (CSV)",
                  "Kennzahlen der Statistik je Sozialraum und Jahr, eine Zeile je Wert",
                  "text/csv", "CSV"),
    META_FILE: ("Kennzahlen: Beschreibung (CSV)",
                "Je Kennzahl Bezeichnung, Einheit, Stand, Quelle und Lizenz", "text/csv", "CSV"),
}


def export_files(catalog: Catalog, indicators: IndicatorSet | None = None) -> dict[str, bytes]:
    """Relative path inside ``daten/`` → bytes, in a fixed order (the indicators' two CSV
    files last, when the atlas publishes indicators)."""
    files = {"angebote.geojson": geojson_bytes(catalog), "angebote.csv": csv_bytes(catalog)}
    for name, data in hsds_files(catalog).items():
        files[f"hsds/{name}"] = data
    files.update(indicator_files(catalog, indicators))
    return files


def downloads(files: dict[str, bytes]) -> list[Download]:
    """The download list for the page, with sizes."""
    out = []
    for name, data in files.items():
        title, description, media, file_type = _DESCRIPTIONS[name]
        out.append(Download(data_file_path(name), title, description, media, file_type, len(data)))
    return out


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """The open-data files and the /daten/ page."""
    catalog = inputs.catalog
    files = export_files(catalog, getattr(inputs, "indicators", None))  # test doubles may lack it
    page = GeneratedPage(
        path=data_path(),
        title=TITLE,
        html=data_page_html(catalog, downloads(files), templates=tools.templates,
                            indicators=VALUES_FILE in files),
        meta={"hide": ["toc"]},
    )
    return Contribution(
        pages=[page],
        files=[GeneratedFile(data_file_path(name), data) for name, data in files.items()],
    )
