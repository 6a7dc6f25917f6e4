"""The /daten/ page: downloads with sizes, licence, and DCAT-AP.de metadata as JSON-LD.

This module says what the page holds (files, sizes, licence, the JSON-LD); the template
``data.html`` says how it looks and escapes every value. The JSON-LD is made safe to sit inside
``<script>`` here (``<``, ``>`` and ``&`` as ``\\u`` escapes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..catalog import Catalog
from ..credits import Credit, credit_for
from ..templating import Templates, templates_for
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


def source_credits(catalog: Catalog) -> list[tuple[Credit, int]]:
    """Each source the published offers came from (OpenStreetMap …) with its offer count."""
    counts: dict[str, int] = {}
    found: dict[str, Credit] = {}
    for offer in catalog.published:
        credit = credit_for(offer.source, catalog.credits)
        if credit is not None:
            found[credit.key] = credit
            counts[credit.key] = counts.get(credit.key, 0) + 1
    return [(found[key], counts[key]) for key in sorted(found)]


def offers_attribution(catalog: Catalog) -> str:
    """The attribution for the offer datasets: the publisher's, then every source's credit."""
    return "; ".join([attribution_text(catalog), *(c.text for c, _ in source_credits(catalog))])


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
    credits = source_credits(catalog)
    if credits:  # e.g. OpenStreetMap: its licence (ODbL) travels with the records taken from it
        dataset["dct:source"] = [{"@id": credit.url} for credit, _ in credits]
    if lic.attribution or credits:
        dataset["dcatde:licenseAttributionByText"] = offers_attribution(catalog)
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
        if lic.attribution or credits:
            dist["dcatde:licenseAttributionByText"] = offers_attribution(catalog)
        distributions.append(dist)
    dataset["dcat:distribution"] = distributions
    return dataset


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def data_page_html(catalog: Catalog, downloads: list[Download], *,
                   templates: Templates | None = None, indicators: bool = False) -> str:
    """The body of /daten/ (template ``data.html``, with the JSON-LD block).

    ``templates``: the project's environment (its overrides first); the package's without.
    ``indicators``: the downloads include the indicators per district (the page says what
    they are, and what they never hold).
    """
    config = catalog.config
    here = data_path()
    files = [
        {"href": relative_url(here, item.path), "name": item.path.rsplit("/", 1)[-1],
         "description": item.description, "media_type": item.media_type, "size": item.size,
         "human_size": human_size(item.size)}
        for item in downloads
    ]
    jsonld = Markup(script_json(dcat_jsonld(catalog, downloads)))  # noqa: S704 - escaped for <script>
    return (templates or templates_for(None)).render(
        "data.html",
        name=config.name,
        offer_count=len(catalog.published),
        build_date=catalog.build_date.strftime("%d.%m.%Y") if catalog.build_date else None,
        downloads=files,
        license=license_of(config.exports.license),
        license_key=config.exports.license,
        attribution=offers_attribution(catalog),
        jsonld=jsonld,
        indicators=indicators,
        credits=[{"text": c.text, "url": c.url, "license": c.license, "license_url": c.license_url,
                  "offers": n, "data_as_of": c.data_as_of} for c, n in source_credits(catalog)],
    )
