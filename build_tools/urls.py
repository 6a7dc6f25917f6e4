"""The one authority on URLs. Every page, link, flyer, QR code and export asks here.

A printed URL is a promise: these paths are a contract with every flyer on every wall. Change
nothing here without an alias plan (see the printed-URL ledger).

Paths are site-relative without a leading slash and end in ``/`` for pages
(``angebote/tafel-nord/``), so the site works under a sub-path and on a plain static server.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

OFFERS = "angebote"
CATEGORIES = "kategorien"
DISTRICTS = "sozialraeume"
MAP = "karte"
DATA = "daten"
PLANNING = "planung"
FLYERS = "flyers"

# Ids that would collide with an index page or a file name some systems refuse.
RESERVED_IDS = frozenset(
    {"index", "con", "prn", "aux", "nul", "clock"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


class MissingSiteUrl(ValueError):
    """Raised when an absolute URL is needed (QR codes, exports) but no site_url is set."""


def offer_path(offer_id: str) -> str:
    """Page of one offer: ``angebote/<id>/``."""
    return f"{OFFERS}/{offer_id}/"


def offer_src(offer_id: str) -> str:
    """MkDocs source name of an offer page (``use_directory_urls`` turns it into the path)."""
    return f"{OFFERS}/{offer_id}.md"


def offers_index_path() -> str:
    """The A–Z list."""
    return f"{OFFERS}/"


def category_path(category_id: str) -> str:
    """Page of one category: ``kategorien/<id>/``."""
    return f"{CATEGORIES}/{category_id}/"


def categories_index_path() -> str:
    """Overview of all categories."""
    return f"{CATEGORIES}/"


def district_path(district_id: str) -> str:
    """Page of one Sozialraum: ``sozialraeume/<id>/``."""
    return f"{DISTRICTS}/{district_id}/"


def districts_index_path() -> str:
    """Overview of all Sozialräume."""
    return f"{DISTRICTS}/"


def map_path() -> str:
    """The overview map."""
    return f"{MAP}/"


def data_path() -> str:
    """The open-data page."""
    return f"{DATA}/"


def planning_path() -> str:
    """The planning section."""
    return f"{PLANNING}/"


def flyer_path(offer_id: str, kind: str) -> str:
    """A per-offer flyer: ``flyers/<id>-karte.pdf`` or ``flyers/<id>-aushang.pdf``."""
    return f"{FLYERS}/{offer_id}-{kind}.pdf"


def collection_flyer_path(slug: str) -> str:
    """A collection flyer (Wegweiser): ``flyers/<slug>.pdf``."""
    return f"{FLYERS}/{slug}.pdf"


def src_for_path(path: str) -> str:
    """MkDocs source name for a page path (``kategorien/essen/`` → ``kategorien/essen.md``)."""
    stripped = path.strip("/")
    if not stripped:
        return "index.md"
    if path.endswith("/") and stripped.count("/") == 0:
        return f"{stripped}/index.md"
    return f"{stripped}.md"


def absolute_url(site_url: str | None, path: str) -> str:
    """Public URL of a site path, e.g. for QR codes: ``site_url`` + path."""
    if not site_url:
        raise MissingSiteUrl(
            "site_url fehlt: in mkdocs.yml site_url: https://... setzen oder --site-url angeben"
        )
    return site_url.rstrip("/") + "/" + quote(path, safe="/-_.~")


def relative_url(from_page: str, to_path: str) -> str:
    """Link from the page at ``from_page`` (a directory path) to ``to_path``, relative."""
    start = "/" + from_page.strip("/")
    target = "/" + to_path
    rel = posixpath.relpath(target.rstrip("/") or "/", start.rstrip("/") or "/")
    if rel == ".":
        return "./"
    if (to_path.endswith("/") or not to_path) and not rel.endswith("/"):
        rel += "/"
    return rel


def parse_path(path: str) -> tuple[str, str | None]:
    """What a site path points at: ``("offer", id)``, ``("category", id)``, ``("district", id)``,
    ``("page", path)`` for fixed overview pages, or ``("file", path)`` for anything else.

    The inverse of the ``*_path`` functions, used to check printed URLs against a new build.
    """
    parts = [p for p in path.strip("/").split("/") if p]
    if len(parts) == 2 and parts[0] in (OFFERS, CATEGORIES, DISTRICTS) and path.endswith("/"):
        kind = {OFFERS: "offer", CATEGORIES: "category", DISTRICTS: "district"}[parts[0]]
        return kind, parts[1]
    if len(parts) <= 1 and (path.endswith("/") or not parts):
        return "page", "/".join(parts)
    return "file", "/".join(parts)


def site_path_of(site_url: str | None, url: str) -> str | None:
    """The site path of an absolute URL under ``site_url`` (None when it points elsewhere)."""
    if not site_url:
        return None
    base = site_url.rstrip("/") + "/"
    if url == base.rstrip("/"):
        return ""
    if not url.startswith(base):
        return None
    return url[len(base):].split("#", 1)[0].split("?", 1)[0]
