"""Where imported data comes from, and the credit its licence asks for.

``atlas import osm`` writes ``content/import/sources.yml``; the offer page (for an offer whose
``source`` starts with ``osm:``) and the open-data page read it through :func:`load_sources` and
:func:`credit_for`. OpenStreetMap data is under the Open Database License: the credit
"© OpenStreetMap-Mitwirkende" with a link to the copyright page, and open data derived from it
stays under the ODbL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

SOURCES_FILE = Path("import") / "sources.yml"


@dataclass(frozen=True)
class Credit:
    """The credit one source asks for."""

    key: str
    text: str
    url: str
    license: str
    license_url: str
    imported: str | None = None
    data_as_of: str | None = None


OSM = Credit(
    "osm", "© OpenStreetMap-Mitwirkende", "https://www.openstreetmap.org/copyright",
    "Open Database License (ODbL) 1.0", "https://opendatacommons.org/licenses/odbl/1-0/",
)


def sources_text(credit: Credit, imported: date, data_as_of: str | None) -> str:
    """``content/import/sources.yml`` after an OSM import (one entry per source kind)."""
    entry: dict[str, Any] = {
        "text": credit.text, "url": credit.url, "license": credit.license, "license_url": credit.license_url,
        "imported": imported.isoformat(),
    }
    if data_as_of:
        entry["data_as_of"] = data_as_of
    head = ("# Herkunft übernommener Daten (schreibt „atlas import osm“). Offer-Seiten mit source: osm:…\n"
            "# und die Seite /daten/ nennen diese Quelle; nicht von Hand ändern.\n")
    return head + yaml.safe_dump({credit.key: entry}, allow_unicode=True, sort_keys=False)


def load_sources(content_dir: Path) -> dict[str, Credit]:
    """The credits recorded in ``content/import/sources.yml`` (empty when there is none)."""
    path = content_dir / SOURCES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    found = {}
    for key, entry in data.items() if isinstance(data, dict) else ():
        if isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("text", "url", "license")):
            found[str(key)] = Credit(str(key), entry["text"], entry["url"], entry["license"],
                                     str(entry.get("license_url", "")), entry.get("imported"), entry.get("data_as_of"))
    return found


def credit_for(source: str | None, sources: dict[str, Credit]) -> Credit | None:
    """The credit an offer with ``source`` must show (``osm:node/1`` → OpenStreetMap)."""
    if not source or ":" not in source:
        return None
    kind = source.split(":", 1)[0]
    return sources.get(kind) or (OSM if kind == "osm" else None)
