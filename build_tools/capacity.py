"""Live capacity ("Stand 19:40: 3 Betten frei"): where an offer's free places come from, and the feed file.

A shelter or the Kältehilfe coordination office keeps one small JSON file on any static host
(format: ``docs/kapazitaet.md``)::

    {"offers": {"winternotquartier-alte-feuerwache":
        {"available": 3, "maximum": 30, "unit": "Betten", "updated": "2026-12-03T19:40:00+01:00"}}}

The page fetches it in the visitor's browser (``atlas-capacity.js``: size limit, timeout, age
limit). An offer reads its own ``capacity_url`` when it has one, else the atlas' feed
(``atlas.capacity``) when the feed names its id or category. Without either nothing is fetched
and nothing is shown. The build never fetches the file: its content changes by the minute.
A file the site serves itself (``/plaetze/<name>.json``, :func:`site_file`) is fetched from the
page's own origin.

``atlas capacity set`` writes the file for offices that keep it in Git (:func:`set_entry`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import urls
from .atomic import write_atomic
from .schema import Offer

_SITE_FILE = re.compile(r"^/plaetze/[a-z0-9][a-z0-9_-]*\.json$")


def site_file(url: str) -> str | None:
    """The site path of a capacity file the site serves itself (``/plaetze/musterstadt.json`` →
    ``plaetze/musterstadt.json``), None for an address on another host; ``ValueError`` in German
    for a path outside ``/plaetze/``. Such a file is fetched from the page's own origin, so the
    policy needs no further source (``connect-src 'self'``)."""
    if not url.startswith("/"):
        return None
    if not _SITE_FILE.match(url):
        raise ValueError(f"{url!r}: eine Datei auf der Website selbst liegt unter /plaetze/ und "
                         "endet auf .json, z. B. /plaetze/kaeltehilfe.json (Kleinbuchstaben, "
                         "Ziffern, - und _)")
    return urls.capacity_file_path(url.removeprefix(f"/{urls.CAPACITY}/"))


def check_feed_url(url: str) -> str:
    """``url`` when it is a capacity file address (https, or a file under /plaetze/ of the site);
    ``ValueError`` in German otherwise."""
    if site_file(url) is None:
        feed_origin(url)
    return url


def feed_origin(url: str) -> str:
    """The origin (``https://host[:port]``) of a capacity URL; ``ValueError`` in German otherwise.

    Only an absolute https URL without credentials, query-free host and fragment passes (http only
    for a local server), so the origin can go into the page's ``connect-src`` as it is."""
    parts = urlsplit(url.strip())
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        raise ValueError(f"{url!r}: eine absolute Adresse mit https:// angeben, z. B. "
                         "https://kaeltehilfe.example/plaetze.json")
    if "@" in parts.netloc or not parts.hostname or parts.fragment:
        raise ValueError(f"{url!r}: Adresse ohne Zugangsdaten und ohne #-Teil angeben")
    host = parts.hostname
    # ASCII only: a policy names hosts as the browser sends them (umlauts as xn--…)
    if not all((c.isascii() and c.isalnum()) or c in ".-:[]" for c in host) or host.startswith(("-", ".")):
        raise ValueError(f"{url!r}: ungültiger Rechnername (Umlaute in der xn--…-Schreibweise angeben)")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"{url!r}: ungültiger Port") from None
    shown_host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown_host.lower()}" + (f":{port}" if port else "")


@dataclass(frozen=True)
class CapacitySource:
    """What an offer's page fetches: the file, its origin and the limits the script keeps."""

    url: str
    origin: str | None
    """None: a file the site serves itself (:attr:`site_path`)."""
    site_path: str | None
    max_age_minutes: int
    max_bytes: int
    timeout_ms: int


def source_for(offer: Offer, settings: Any) -> CapacitySource | None:
    """The capacity file of ``offer`` under the atlas ``settings.capacity``; None: no request."""
    cap = settings.capacity
    url = offer.capacity_url
    if url is None and cap.url and (offer.id in cap.offers or offer.category in cap.categories
                                    or bool(set(offer.also_categories) & set(cap.categories))):
        url = cap.url
    if url is None:
        return None
    path = site_file(url)
    return CapacitySource(url=url, origin=None if path else feed_origin(url), site_path=path,
                          max_age_minutes=cap.max_age_minutes,
                          max_bytes=cap.max_kb * 1024, timeout_ms=cap.timeout_seconds * 1000)


def origins(offers: list[Offer], settings: Any) -> frozenset[str]:
    """Every origin a page of this atlas may connect to for capacity (the CSP's allow list)."""
    found = {s.origin for s in (source_for(o, settings) for o in offers) if s is not None and s.origin}
    return frozenset(found)


# --- the feed file ------------------------------------------------------------------------


class FeedError(ValueError):
    """A feed file that cannot be updated (German message naming the file and the fix)."""


def read_feed(path: Path) -> dict[str, Any]:
    """The feed in ``path`` ({"offers": {}} when the file does not exist yet)."""
    if not path.exists():
        return {"offers": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"{path}: kein lesbares JSON ({exc}); Datei reparieren oder löschen") from None
    if not isinstance(data, dict) or not isinstance(data.get("offers", {}), dict):
        raise FeedError(f"{path}: erwartet {{\"offers\": {{…}}}} (siehe docs/kapazitaet.md)")
    data.setdefault("offers", {})
    return data


UNIT_MAX = 40
"""Longest ``unit`` the page accepts (atlas-capacity.js treats a longer one as a broken entry)."""


def set_entry(data: dict[str, Any], offer_id: str, available: int, maximum: int | None,
              unit: str | None, at: datetime) -> dict[str, Any]:
    """``data`` with the offer's entry replaced: free places, maximum, unit, time of the count.

    A maximum or unit given before stays unless a new one is given; a count above the maximum
    is refused (the page would treat the entry as broken and show „bitte anrufen“)."""
    if available < 0:
        raise FeedError(f"freie Plätze {available}: eine Zahl ab 0 angeben")
    raw = data["offers"].get(offer_id)
    old = raw if isinstance(raw, dict) else {}
    if maximum is None and isinstance(old.get("maximum"), int) and not isinstance(old["maximum"], bool):
        maximum = old["maximum"]
    if maximum is not None and maximum < available:
        raise FeedError(f"{available} freie Plätze, aber insgesamt nur {maximum}: die Zahl prüfen "
                        "oder --maximum mit der neuen Zahl aller Plätze angeben")
    unit = (unit if unit is not None else old.get("unit")) or None
    if unit is not None and (not isinstance(unit, str) or len(unit.strip()) > UNIT_MAX):
        raise FeedError(f"--unit: ein kurzes Wort angeben (höchstens {UNIT_MAX} Zeichen), z. B. Betten")
    entry: dict[str, Any] = {"available": available}
    if maximum is not None:
        entry["maximum"] = maximum
    if unit is not None and unit.strip():
        entry["unit"] = unit.strip()
    entry["updated"] = at.isoformat(timespec="seconds")
    offers = dict(data["offers"]) | {offer_id: entry}
    return {**data, "updated": entry["updated"], "offers": dict(sorted(offers.items()))}


def write_feed(path: Path, data: dict[str, Any]) -> None:
    """Write the feed atomically: a reader (a web server, a Git checkout) never sees half a file."""
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
