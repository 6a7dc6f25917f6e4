"""The one authority on URLs. Every page, link, flyer, QR code and export asks here.

A printed URL is a promise: these paths are a contract with every flyer on every wall. Change
nothing here without an alias plan (see the printed-URL ledger).

Paths are site-relative without a leading slash and end in ``/`` for pages
(``angebote/tafel-nord/``), so the site works under a sub-path and on a plain static server.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from urllib.parse import quote, urlsplit

OFFERS = "angebote"
CATEGORIES = "kategorien"
DISTRICTS = "sozialraeume"
MAP = "karte"
DATA = "daten"
PLANNING = "planung"
FLYERS = "flyers"
ASSETS = "assets"
SHORT = "q"
SOURCE_LANGUAGE = "de"
"""The language at the site root; every further one has its tree ``<code>/…``."""
SEARCH = "suche"
"""The search page: ``suche/`` (``suche/?q=Dusche`` works as a printed or sent link)."""
SEARCH_BUNDLE = "pagefind"
"""Pagefind's index and scripts: ``pagefind/pagefind.js``, ``pagefind/fragment/…``."""
"""Short permanent links for QR codes: ``q/<code>/``."""
SHORT_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
"""Crockford's base32 in lower case: no i, l, o, u — nothing to misread when typed."""
SHORT_LENGTH = 7
"""Characters of a short code: 32**7 ≈ 34 billion codes, a collision practically never happens."""
_SHORT_CODE = re.compile(f"^[{SHORT_ALPHABET}]{{{SHORT_LENGTH}}}$")

DESK = "redaktion"
"""The editors' desk: ``redaktion/`` (noindex, out of search and sitemap) and its CSV."""
DESK_CSV = "pruefliste.csv"
CHANGES = "neu"
"""„Neu und geändert“: ``neu/``; its Atom feed is ``neu.xml`` at the site root."""
FEED = "neu.xml"
CAPACITY = "plaetze"
"""Folder of capacity files served by the site itself (``capacity_url: /plaetze/<name>.json``)."""
EMBED = "einbetten"
"""Widget pages for partner sites' iframes: ``einbetten/kategorie/<id>/``, ``…/sozialraum/<id>/``."""
EMBED_KINDS = {"kategorie": "category", "sozialraum": "district"}
"""Path word of a widget → what it lists."""

PLANNING_PARTS = ("versorgung", "erreichbarkeit", "zeiten", "bedarf")
"""Sub-pages of the planning section: ``planung/<part>/``."""
REPORT_NAME = "planungsbericht"
MAP_DATA = "angebote.json"
NEEDS_DATA = "jetzt-offen.json"
FIXED_PAGES = ("", OFFERS, CATEGORIES, DISTRICTS, MAP, DATA, PLANNING, SEARCH)
"""Overview pages every atlas has (the start page is ``""``)."""
TREE_PAGES = ("", OFFERS, CATEGORIES, DISTRICTS, MAP, SEARCH)
"""The overview pages each language tree has too (``en/``, ``en/karte/`` …); data, planning
and search stay German."""
TREE_KINDS = ("page", "category", "district")
"""What :func:`parse_path` calls the pages of a language tree besides offers (``tree``)."""
# Files the theme (MkDocs + Material) adds on its own; parse_path knows them by name.
_THEME_FILES = re.compile(
    r"^(404\.html|sitemap\.xml(\.gz)?|search/search_index\.json"
    r"|assets/(javascripts/(bundle\.[0-9a-f]+\.min\.js|lunr/.+|workers/.+)"
    r"|stylesheets/(main|palette)\.[0-9a-f]+\.min\.css|images/favicon\.png))$"
)

# Ids that would collide with an index page or a file name some systems refuse.
RESERVED_IDS = frozenset(
    {"index", "con", "prn", "aux", "nul", "clock"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)


class MissingSiteUrl(ValueError):
    """Raised when an absolute URL is needed (QR codes, exports) but no site_url is set."""


def offer_path(offer_id: str, lang: str = SOURCE_LANGUAGE) -> str:
    """Page of one offer: ``angebote/<id>/``; in a further language ``<lang>/angebote/<id>/``."""
    return language_path(lang, f"{OFFERS}/{offer_id}/")


def language_path(lang: str, path: str) -> str:
    """``path`` in the language tree of ``lang``: German at the root, ``en/…`` for English.

    Only pages translated by the atlas live in a tree (offer pages, the overview pages of
    :data:`TREE_PAGES`, category and district pages); every file, asset and export stays at
    its one German path.
    """
    if lang == SOURCE_LANGUAGE:
        return path
    if lang not in tree_languages():
        raise ValueError(f"no language tree for {lang!r}")
    return f"{lang}/{path}"


@cache
def tree_languages() -> frozenset[str]:
    """The codes that may head a language tree: every interface catalogue but German's.

    Any catalogue, not only the configured languages: ``parse_path`` says what a path *is*,
    whichever atlas built it (the ledger reads printed URLs of older builds too).
    """
    from .i18n import available  # late: i18n reads the package's catalogue folder

    return frozenset(available()) - {SOURCE_LANGUAGE}


def split_language(path: str) -> tuple[str, str]:
    """``en/angebote/x/`` → ``("en", "angebote/x/")``; a German path → ``("de", path)``."""
    head, sep, rest = path.lstrip("/").partition("/")
    if sep and head in tree_languages():
        return head, rest
    return SOURCE_LANGUAGE, path


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


def planning_part_path(part: str) -> str:
    """A planning sub-page: ``planung/versorgung/``, ``planung/erreichbarkeit/``,
    ``planung/zeiten/``, ``planung/bedarf/`` (need against supply, when the atlas keeps
    indicators)."""
    if part not in PLANNING_PARTS:
        raise ValueError(f"unknown planning page {part!r}")
    return f"{PLANNING}/{part}/"


def planning_report_path(extension: str) -> str:
    """The planning report for download: ``planung/planungsbericht.pdf`` (or ``.zip``)."""
    return f"{PLANNING}/{REPORT_NAME}.{extension}"


def data_file_path(name: str) -> str:
    """An open-data file: ``daten/angebote.csv``, ``daten/hsds/services.json``."""
    return f"{DATA}/{name}"


def map_data_path() -> str:
    """The overview map's markers, fetched once by ``atlas-map.js``: ``karte/angebote.json``."""
    return f"{MAP}/{MAP_DATA}"


def needs_data_path() -> str:
    """The home page's need tiles' schedules, fetched by ``atlas-needs.js`` when they are too
    many to inline: ``kategorien/jetzt-offen.json``."""
    return f"{CATEGORIES}/{NEEDS_DATA}"


def asset_path(relative: str) -> str:
    """A published asset: ``assets/javascripts/atlas-hours.js``."""
    return f"{ASSETS}/{relative}"


def search_path() -> str:
    """The search page: ``suche/``."""
    return f"{SEARCH}/"


def search_bundle_path(name: str = "") -> str:
    """A file of the search index: ``pagefind/pagefind.js``, ``pagefind/index/de_….pf_index``."""
    return f"{SEARCH_BUNDLE}/{name}"


def desk_path() -> str:
    """The editors' desk: ``redaktion/``."""
    return f"{DESK}/"


def desk_csv_path() -> str:
    """The desk's list for mail merges: ``redaktion/pruefliste.csv``."""
    return f"{DESK}/{DESK_CSV}"


def changes_path() -> str:
    """„Neu und geändert“: ``neu/``."""
    return f"{CHANGES}/"


def feed_path() -> str:
    """The Atom feed of new, changed and ended offers: ``neu.xml``."""
    return FEED


def capacity_file_path(name: str) -> str:
    """A capacity file the site serves itself (copied from docs_dir): ``plaetze/<name>``."""
    return f"{CAPACITY}/{name}"


def embed_path(kind: str, ident: str) -> str:
    """A widget page: ``einbetten/kategorie/<id>/`` (kind ``category``) or
    ``einbetten/sozialraum/<id>/`` (kind ``district``)."""
    word = {v: k for k, v in EMBED_KINDS.items()}.get(kind)
    if word is None:
        raise ValueError(f"unknown widget kind {kind!r}")
    return f"{EMBED}/{word}/{ident}/"


def flyer_path(offer_id: str, kind: str, second: str | None = None) -> str:
    """A per-offer flyer: ``flyers/<id>-karte.pdf`` or ``flyers/<id>-aushang.pdf``; bilingual
    (German and ``second``): ``flyers/<id>-karte-uk.pdf``."""
    return f"{FLYERS}/{offer_id}-{kind}{'-' + second if second else ''}.pdf"


def collection_flyer_path(slug: str) -> str:
    """A collection flyer (Wegweiser): ``flyers/<slug>.pdf``."""
    return f"{FLYERS}/{slug}.pdf"


def short_code(offer_id: str) -> str:
    """The short code of an offer id: the first 35 bits of its SHA-256, Crockford base32.

    Derived from the id alone, so it never changes while the id (or an alias of it) lives:
    ``short_code("tafel")`` is the same in every build, on every machine.
    """
    number = int.from_bytes(hashlib.sha256(offer_id.encode("utf-8")).digest()[:8], "big")
    number >>= 64 - 5 * SHORT_LENGTH
    chars = []
    for _ in range(SHORT_LENGTH):
        number, rest = divmod(number, 32)
        chars.append(SHORT_ALPHABET[rest])
    return "".join(reversed(chars))


def is_short_code(code: str) -> bool:
    """True for a well-formed short code (seven characters of :data:`SHORT_ALPHABET`)."""
    return bool(_SHORT_CODE.match(code))


def short_path(code: str) -> str:
    """The short permanent link a QR code carries: ``q/<code>/`` (a redirect page)."""
    if not is_short_code(code):
        raise ValueError(f"not a short code: {code!r}")
    return f"{SHORT}/{code}/"


def offer_short_path(offer_id: str) -> str:
    """The short link of an offer: ``q/<short_code(id)>/``."""
    return short_path(short_code(offer_id))


PRECOMPRESSED_SUFFIX = ".gz"
BROTLI_SUFFIX = ".br"


def precompressed_path(path: str, encoding: str = "gzip") -> str:
    """Site path of the ``gzip`` (``.gz``) or ``br`` (``.br``) twin of the file at ``path``
    (:mod:`build_tools.precompress`)."""
    return path + (BROTLI_SUFFIX if encoding == "br" else PRECOMPRESSED_SUFFIX)


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
    """Link from the page at ``from_page`` (a directory path) to ``to_path``, relative.

    Site paths never hold ``.`` or ``..`` segments, so the common prefix of the two paths' parts
    decides (what ``posixpath.relpath`` computes, without its normalising: a page links dozens
    of times, and a build has thousands of pages).
    """
    start = [part for part in from_page.split("/") if part]
    target = [part for part in to_path.split("/") if part]
    common = 0
    for mine, theirs in zip(start, target, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    if not parts:
        return "./"
    rel = "/".join(parts)
    if to_path.endswith("/") or not to_path:
        rel += "/"
    return rel


def parse_path(path: str) -> tuple[str, str]:
    """What a site path points at — the inverse of every ``*_path`` function above.

    Kinds: ``offer``, ``category``, ``district`` (with the id), ``short`` (a QR code's short
    link ``q/<code>/``, with the code), ``page`` (a fixed overview
    page: ``""``, ``angebote`` …), ``planning`` (a sub-page), ``report`` (its extension),
    ``translation`` (an offer page in a language tree, with ``<lang>/<id>``: ``en/tafel``),
    ``tree`` (an overview, category or district page in a language tree, with
    ``<lang>/<kind>/<id>``: ``en/category/essen``, ``uk/page/karte``, ``ar/page/`` for the start page),
    ``data`` (a file below ``daten/``), ``map-data``, ``needs-data``, ``search-index`` (a file of the search
    index below ``pagefind/``), ``flyer`` (file name), ``precompressed`` (a file's ``.gz`` or ``.br`` twin,
    with the file's path), ``asset``
    (below ``assets/``), ``theme`` (what MkDocs and Material add: 404 page, sitemap, search
    index, their bundles), ``desk`` and ``desk-data`` (the editors' desk and its CSV),
    ``changes`` and ``feed`` („Neu und geändert“, its Atom feed), ``capacity`` (a capacity
    file the site serves itself, with its name), ``widget`` (an embeddable
    list, with ``category/<id>`` or ``district/<id>``), ``document`` (any other page: hand-written ones from docs_dir) and
    ``unknown`` for a file no part of the build makes. Used to check printed URLs against a new
    build and, in the tests, that a built site holds nothing urls.py does not know.
    """
    stripped = path.strip("/")
    parts = [p for p in stripped.split("/") if p]
    is_dir = path.endswith("/") or not parts
    if _THEME_FILES.match(stripped):
        return "theme", stripped
    for suffix in (PRECOMPRESSED_SUFFIX, BROTLI_SUFFIX):
        if stripped.endswith(suffix) and not is_dir:
            return "precompressed", stripped[: -len(suffix)]
    lang, rest = split_language(stripped + ("/" if is_dir else ""))
    if lang != SOURCE_LANGUAGE:
        kind, ident = parse_path(rest)
        if kind == "offer":
            return "translation", f"{lang}/{ident}"
        if kind in TREE_KINDS and (kind != "page" or ident in TREE_PAGES):
            return "tree", f"{lang}/{kind}/{ident}"
        return ("document", stripped) if is_dir else ("unknown", stripped)
    if is_dir:
        if len(parts) == 2 and parts[0] in (OFFERS, CATEGORIES, DISTRICTS):
            return {OFFERS: "offer", CATEGORIES: "category", DISTRICTS: "district"}[parts[0]], parts[1]
        if len(parts) == 2 and parts[0] == PLANNING and parts[1] in PLANNING_PARTS:
            return "planning", parts[1]
        if len(parts) == 2 and parts[0] == SHORT and is_short_code(parts[1]):
            return "short", parts[1]
        if len(parts) == 3 and parts[0] == EMBED and parts[1] in EMBED_KINDS:
            return "widget", f"{EMBED_KINDS[parts[1]]}/{parts[2]}"
        if stripped == DESK:
            return "desk", ""
        if stripped == CHANGES:
            return "changes", ""
        if stripped in FIXED_PAGES:
            return "page", stripped
        return "document", stripped
    if parts[0] == ASSETS and len(parts) > 1:
        return "asset", "/".join(parts[1:])
    if parts[0] == DATA and len(parts) > 1:
        return "data", "/".join(parts[1:])
    if stripped == map_data_path():
        return "map-data", ""
    if stripped == desk_csv_path():
        return "desk-data", ""
    if stripped == FEED:
        return "feed", ""
    if stripped == needs_data_path():
        return "needs-data", ""
    if parts[0] == SEARCH_BUNDLE and len(parts) > 1:
        return "search-index", "/".join(parts[1:])
    if len(parts) == 2 and parts[0] == CAPACITY and parts[1].endswith(".json"):
        return "capacity", parts[1]
    if len(parts) == 2 and parts[0] == FLYERS and parts[1].endswith(".pdf"):
        return "flyer", parts[1]
    if len(parts) == 2 and parts[0] == PLANNING and parts[1].startswith(REPORT_NAME + "."):
        return "report", parts[1].split(".", 1)[1]
    return "unknown", stripped


def district_in_url(url: str) -> str | None:
    """The district id of a ``…/sozialraeume/<id>/`` URL of any atlas (None for other URLs)."""
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if len(parts) >= 2 and parts[-2] == DISTRICTS:
        return parts[-1]
    return None


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
