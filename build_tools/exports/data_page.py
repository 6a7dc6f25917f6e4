"""The /daten/ page: downloads with sizes, licence, and DCAT-AP.de metadata as JSON-LD.

Every value from configuration or content is escaped; the JSON-LD is made safe to sit inside
``<script>`` (``<``, ``>`` and ``&`` as ``\\u`` escapes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any

from ..catalog import Catalog
from ..urls import MissingSiteUrl, absolute_url, data_path, relative_url


@dataclass(frozen=True)
class License:
    """A licence the data can be published under."""

    title: str
    url: str
    dcat_uri: str
    attribution: bool


LICENSES = {
    "dl-de/by-2-0": License(
        "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "https://www.govdata.de/dl-de/by-2-0",
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0", True),
    "dl-de/zero-2-0": License(
        "Datenlizenz Deutschland – Zero – Version 2.0",
        "https://www.govdata.de/dl-de/zero-2-0",
        "http://dcat-ap.de/def/licenses/dl-zero-de/2.0", False),
    "cc-by-4.0": License(
        "Creative Commons Namensnennung 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/deed.de",
        "http://dcat-ap.de/def/licenses/cc-by/4.0", True),
    "cc0-1.0": License(
        "Creative Commons Zero 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/deed.de",
        "http://dcat-ap.de/def/licenses/cc-zero", False),
}


def license_of(key: str) -> License:
    """The licence for a config key; an unknown key is shown as given (no DCAT URI)."""
    return LICENSES.get(key) or License(key, "", "", True)


@dataclass(frozen=True)
class Download:
    """One file offered on the page."""

    path: str  # site path, e.g. daten/angebote.csv
    title: str
    description: str
    media_type: str
    file_type: str  # EU file-type authority code (CSV, GEOJSON, JSON)
    size: int


def human_size(size: int) -> str:
    """Bytes in German notation: ``950 Bytes``, ``12,3 kB``, ``1,2 MB``."""
    if size < 1000:
        return f"{size} Bytes"
    for unit, factor in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < factor * 1000 or unit == "GB":
            return f"{size / factor:.1f} {unit}".replace(".", ",")
    raise AssertionError  # pragma: no cover


def attribution_text(catalog: Catalog) -> str:
    """The attribution users of the data must give."""
    config = catalog.config
    return config.exports.attribution or config.publisher or config.name


def _abs(catalog: Catalog, path: str) -> str | None:
    try:
        return absolute_url(catalog.config.site_url, path)
    except MissingSiteUrl:
        return None


def dcat_jsonld(catalog: Catalog, downloads: list[Download]) -> dict[str, Any]:
    """DCAT-AP.de description of the dataset and its distributions."""
    config = catalog.config
    lic = license_of(config.exports.license)
    page = _abs(catalog, data_path())
    dataset: dict[str, Any] = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@type": "dcat:Dataset",
        "dct:title": f"{config.name}: Hilfeangebote",
        "dct:description": "Soziale Hilfeangebote mit Ort, Öffnungszeiten, Kontakt und "
                           "Zugangsbedingungen. Geschützte Orte ohne Adresse und Koordinaten.",
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI"},
        "dcat:keyword": ["Soziales", "Hilfeangebote", "Beratung", "HSDS"],
    }
    if page:
        dataset["@id"] = page
        dataset["dcat:landingPage"] = {"@id": page}
    if config.publisher:
        dataset["dct:publisher"] = {"@type": "foaf:Agent", "foaf:name": config.publisher}
    if catalog.build_date:
        dataset["dct:modified"] = {"@type": "xsd:date", "@value": catalog.build_date.isoformat()}
    if lic.dcat_uri:
        dataset["dct:license"] = {"@id": lic.dcat_uri}
    if lic.attribution:
        dataset["dcatde:licenseAttributionByText"] = attribution_text(catalog)
    distributions = []
    for item in downloads:
        dist: dict[str, Any] = {
            "@type": "dcat:Distribution",
            "dct:title": item.title,
            "dct:description": item.description,
            "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{item.media_type}"},
            "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{item.file_type}"},
            "dcat:byteSize": {"@type": "xsd:nonNegativeInteger", "@value": str(item.size)},
        }
        url = _abs(catalog, item.path)
        if url:
            dist["dcat:accessURL"] = {"@id": url}
            dist["dcat:downloadURL"] = {"@id": url}
        if lic.dcat_uri:
            dist["dct:license"] = {"@id": lic.dcat_uri}
        if lic.attribution:
            dist["dcatde:licenseAttributionByText"] = attribution_text(catalog)
        distributions.append(dist)
    dataset["dcat:distribution"] = distributions
    return dataset


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def data_page_html(catalog: Catalog, downloads: list[Download]) -> str:
    """The body of /daten/ (escaped HTML with the JSON-LD block)."""
    config = catalog.config
    lic = license_of(config.exports.license)
    here = data_path()
    rows = []
    for item in downloads:
        href = relative_url(here, item.path)
        rows.append(
            "<tr>"
            f'<td><a href="{escape(href)}" download>{escape(item.path.rsplit("/", 1)[-1])}</a></td>'
            f"<td>{escape(item.description)}</td>"
            f"<td>{escape(item.media_type)}</td>"
            f'<td data-bytes="{item.size}">{escape(human_size(item.size))}</td>'
            "</tr>"
        )
    lic_name = escape(lic.title)
    lic_link = f'<a href="{escape(lic.url)}">{lic_name}</a>' if lic.url else lic_name
    parts = [
        '<div class="atlas-data">',
        f"<p>Alle Angebote von {escape(config.name)} gibt es als offene Daten zum Herunterladen. "
        "Sie werden bei jeder Veröffentlichung neu erzeugt. Geschützte Orte (z. B. Frauenhäuser) "
        "erscheinen ohne Adresse und ohne Koordinaten; beendete Angebote fehlen in GeoJSON "
        "und CSV und stehen in HSDS mit dem Status <code>defunct</code>.</p>",
        f"<p>{len(catalog.published)} Angebote"
        + (f", Stand {catalog.build_date.strftime('%d.%m.%Y')}" if catalog.build_date else "")
        + ".</p>",
        "<h2>Downloads</h2>",
        '<table class="atlas-downloads"><thead><tr><th scope="col">Datei</th>'
        '<th scope="col">Inhalt</th><th scope="col">Format</th><th scope="col">Größe</th>'
        "</tr></thead><tbody>",
        *rows,
        "</tbody></table>",
        "<h2>Lizenz</h2>",
        f"<p>Die Daten stehen unter der Lizenz {lic_link} (<code>{escape(config.exports.license)}</code>).</p>",
    ]
    if lic.attribution:
        parts.append(
            "<p>Namensnennung bei jeder Nutzung: "
            f"<strong class=\"atlas-attribution\">{escape(attribution_text(catalog))}</strong></p>"
        )
    parts += [
        "<h2>Formate</h2>",
        "<ul>"
        "<li><strong>GeoJSON</strong> (RFC 7946, WGS84, Reihenfolge Länge/Breite): "
        "ein Punkt je Angebot mit allen öffentlichen Angaben; ohne Punkt bei geschützten "
        "Orten und Angeboten ohne festen Ort.</li>"
        "<li><strong>CSV</strong>: UTF-8 mit BOM, Trennzeichen Semikolon, Listen mit "
        "<code> | </code> verbunden – öffnet sich direkt in Excel und LibreOffice.</li>"
        "<li><strong>HSDS 3.0</strong> (Open Referral): Dienste, Träger und Orte als JSON "
        "nach den offiziellen Schemas, mit <code>datapackage.json</code> als Verzeichnis.</li>"
        "</ul>",
        '<script type="application/ld+json">',
        script_json(dcat_jsonld(catalog, downloads)),
        "</script>",
        "</div>",
    ]
    return "\n".join(parts) + "\n"
