"""What ``atlas import osm`` records about where its data comes from.

It writes ``content/import/sources.yml``; the load phase reads the file back
(:func:`build_tools.credits.load_credits`) and the pages and ``/daten/`` show the credit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

from ..credits import OSM, Credit

__all__ = ["OSM", "sources_text"]


def sources_text(credit: Credit, imported: date, data_as_of: str | None) -> str:
    """``content/import/sources.yml`` after an OSM import (one entry per source kind)."""
    entry: dict[str, Any] = {
        "text": credit.text, "url": credit.url, "license": credit.license, "license_url": credit.license_url,
        "imported": imported.isoformat(),
    }
    if data_as_of:
        entry["data_as_of"] = data_as_of
    head = ("# Herkunft übernommener Daten (schreibt „atlas import osm“). Angebotsseiten mit source: osm:…\n"
            "# und die Seite /daten/ nennen diese Quelle; nicht von Hand ändern.\n")
    return head + yaml.safe_dump({credit.key: entry}, allow_unicode=True, sort_keys=False)
