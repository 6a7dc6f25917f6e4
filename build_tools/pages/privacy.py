"""The privacy page's paragraphs on maps and location, written from the actual settings.

A hand-written page (``content/pages/datenschutz.md``) holds the marker
``<!-- atlas:datenschutz-karten -->``; the build replaces it with what this site really does:
which tile server the browser asks, whether it asks before a click, what stays in the browser.
A privacy statement that describes a setting only conditionally is wrong for every reader.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .common import PageInputs

MAPS_MARKER = "datenschutz-karten"
_MARKER = re.compile(r"<!-- atlas:([a-z][a-z-]*) -->")


def privacy_fragments(facts: PageInputs) -> dict[str, str]:
    """Marker name → HTML for the privacy page (see :func:`fill_fragments`)."""
    settings = facts.catalog.config.map
    host = urlsplit(settings.tiles).hostname or settings.tiles
    html = facts.templates.render(
        "privacy_maps.html", host=host, osm=host == "openstreetmap.org" or host.endswith(".openstreetmap.org"),
        consent=settings.consent,
    )
    return {MAPS_MARKER: html}


def fill_fragments(html: str, fragments: dict[str, str]) -> str:
    """``html`` with every known ``<!-- atlas:NAME -->`` marker replaced (others stay comments)."""
    if "<!-- atlas:" not in html:
        return html
    return _MARKER.sub(lambda m: fragments.get(m.group(1), m.group(0)), html)
