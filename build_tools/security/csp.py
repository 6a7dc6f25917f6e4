"""A strict Content-Security-Policy for every page, as a ``<meta http-equiv>`` tag.

A static site cannot send headers everywhere it is hosted, so the policy travels inside each
page. Scripts run only from the site itself; the theme's own inline scripts are allowed one by
one by their SHA-256 hash, computed here at build time from the final HTML. Data blocks
(``<script type="application/json">``, JSON-LD) are not executed, so CSP ignores them and they
need no hash.

``style-src`` keeps ``'unsafe-inline'``: Material sets ``style=`` attributes in its templates
and Leaflet positions every tile and marker with inline styles. Styles cannot run code; what an
injected style could still do (hide or overlay text) is prevented earlier, because every editor's
text is escaped or sanitised (nh3 removes ``style`` and ``<style>``) before it reaches a page.

``frame-ancestors`` cannot be set from a meta tag (browsers ignore it there), so every page may
be framed unless the host says otherwise. Hosts that can send headers should add
``frame-ancestors 'none'`` themselves — except below ``einbetten/``, the widget pages made for
partners' iframes (``docs/einbetten.md`` has nginx and Apache snippets); the host's headers win.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re
from urllib.parse import urlsplit

_SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTR_RE = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""", re.DOTALL
)
_HEAD_RE = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET_RE = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_HTML_RE = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_DOCTYPE_RE = re.compile(r"<!doctype[^>]*>", re.IGNORECASE)
_OLD_META_RE = re.compile(
    r"""<meta\s+http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>\s*""", re.IGNORECASE
)
_CAPACITY_TAG_RE = re.compile(r"<[a-z]+\b([^>]*\bdata-atlas-capacity\b[^>]*)>", re.IGNORECASE)
_HOST_RE = re.compile(r"^(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?$")

# Script types a browser executes (the HTML standard's JavaScript MIME types, plus modules).
_JS_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
}


def _attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(raw):
        name = match.group(1).lower()
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs.setdefault(name, value)
    return attrs


def _executable(attrs: dict[str, str]) -> bool:
    """True for an inline script the browser would run (and CSP must therefore allow)."""
    if "src" in attrs:
        return False
    return attrs.get("type", "").strip().lower() in _JS_TYPES


def script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) for every inline executable script, in order."""
    hashes: list[str] = []
    for match in _SCRIPT_RE.finditer(html):
        if not _executable(_attributes(match.group(1))):
            continue
        # Browsers hash the script text after the HTML parser normalised line breaks.
        body = match.group(2).replace("\r\n", "\n").replace("\r", "\n")
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def tile_source(tile_url_template: str) -> str | None:
    """The CSP host source of a tile URL template (``{s}`` subdomains become ``*.``).

    ``None`` for a relative template (tiles served by the site itself). Raises ``ValueError``
    for anything that is not a plain http(s) host, so a template can never inject directives.
    """
    if not tile_url_template or "://" not in tile_url_template:
        return None
    parts = urlsplit(tile_url_template.replace("{s}", "SUBDOMAIN"))
    if parts.scheme not in ("https", "http"):
        raise ValueError(f"Kachel-URL muss mit https:// beginnen: {tile_url_template!r}")
    host = parts.netloc.rsplit("@", 1)[-1]
    if "@" in parts.netloc:
        raise ValueError(f"Kachel-URL darf keine Zugangsdaten enthalten: {tile_url_template!r}")
    if "SUBDOMAIN" in host:
        # A wildcard covers exactly one leftmost label and everything after it must be fixed:
        # https://{s}.tile.example.org → https://*.tile.example.org
        labels = host.split(".")
        index = max(i for i, label in enumerate(labels) if "SUBDOMAIN" in label)
        rest = labels[index + 1 :]
        if not rest:
            raise ValueError(f"Kachel-URL ohne festen Hostnamen: {tile_url_template!r}")
        host = "*." + ".".join(rest)
    if not _HOST_RE.match(host):
        raise ValueError(f"Kachel-URL mit ungültigem Host: {tile_url_template!r}")
    return f"{parts.scheme}://{host.lower()}"


def connect_sources(html: str, allowed: frozenset[str]) -> list[str]:
    """Origins the page's live-capacity elements fetch from, in order, each once; only those in
    ``allowed`` (the atlas' configured capacity origins), so no page text can widen the policy."""
    from ..capacity import feed_origin

    found: list[str] = []
    if "data-atlas-capacity" not in html:  # most pages: no tag scan at all
        return found
    for match in _CAPACITY_TAG_RE.finditer(html):
        url = html_lib.unescape(_attributes(match.group(1)).get("data-src", ""))
        try:
            origin = feed_origin(url)
        except ValueError:
            continue
        if origin in allowed and origin not in found:
            found.append(origin)
    return found


def build_policy(html: str, tile_url_template: str, wasm: bool = False,
                 connect: frozenset[str] = frozenset()) -> str:
    """The policy text for one page (``wasm``: it may compile WebAssembly, e.g. the search).

    ``connect``: the atlas' capacity origins; a page gets in ``connect-src`` exactly those its
    own capacity elements name (most pages: none, only ``'self'``)."""
    scripts = " ".join(["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *script_hashes(html)])
    tiles = tile_source(tile_url_template)
    images = "'self' data:" + (f" {tiles}" if tiles else "")
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {images}",
            " ".join(["connect-src 'self'", *connect_sources(html, connect)]),
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def apply_csp(html: str, tile_url_template: str, wasm: bool = False,
              connect: frozenset[str] = frozenset()) -> str:
    """Insert (or replace) the CSP meta tag as the first element of ``<head>``.

    Only a ``<meta charset>`` that opens the head stays in front of it (see below).
    """
    html = _OLD_META_RE.sub("", html)  # (a lowered copy of the page to look first took 5 × as long)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{build_policy(html, tile_url_template, wasm, connect)}">'
    for pattern in (_HEAD_RE, _HTML_RE, _DOCTYPE_RE):
        match = pattern.search(html)
        if match:
            at = match.end()
            charset = _CHARSET_RE.match(html, at)
            if charset:
                # The charset must stay within the first 1024 bytes; it runs nothing, so the
                # policy directly after it still comes before every script and style.
                at = charset.end()
            return html[:at] + meta + html[at:]
    return meta + html
