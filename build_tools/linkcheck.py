"""Walk a built site and report every internal link that does not resolve.

Checks ``href``/``src`` of links, scripts, stylesheets, images and flyers, and ``#fragments``
against the ids of the target page. Root-absolute links (``/angebote/…``) are errors too: they
break when the site is served under a sub-path (``https://example.org/hilfe/``). The one
exception is ``404.html``: a server shows it at any missing address, so MkDocs links it
absolutely, under the path of ``site_url`` — those links are resolved against that path.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = {
    "a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src",
}
_EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "geo", "data", "javascript", "sms"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    """A link on ``page`` to ``target`` that leads nowhere, and why."""

    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target} — {self.reason}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])  # type: ignore[arg-type]
        attr = _LINK_ATTRS.get(tag)
        if attr and values.get(attr):
            if tag == "link" and (values.get("rel") or "") in ("canonical", "alternate"):
                return  # absolute by design
            self.links.append(values[attr])  # type: ignore[arg-type]


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_site(site: Path, base_path: str = "/") -> list[BrokenLink]:
    """All broken internal links in the HTML files under ``site``.

    ``base_path`` is the path part of ``site_url`` (``/hilfe/``), used only for ``404.html``.
    """
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    parsed = {p: _parse(p) for p in pages}
    broken: list[BrokenLink] = []
    for page, collector in parsed.items():
        rel_page = page.relative_to(site).as_posix()
        for link in collector.links:
            problem = _check_one(site, page, link, parsed, base_path if rel_page == "404.html" else None)
            if problem:
                broken.append(BrokenLink(rel_page, link, problem))
    return sorted(set(broken))


def _check_one(
    site: Path, page: Path, link: str, parsed: dict[Path, _Collector], base_path: str | None
) -> str | None:
    parts = urlsplit(link)
    if parts.scheme in _EXTERNAL_SCHEMES or parts.netloc:
        return None
    if parts.scheme:
        return f"unbekanntes Schema {parts.scheme!r}"
    if link.startswith("/"):
        prefix = "/" + (base_path or "/").strip("/") + "/" if (base_path or "/").strip("/") else "/"
        if base_path is None or not link.startswith(prefix):
            return "absoluter Pfad: bricht unter einem Unterpfad (relativ verlinken)"
        # 404.html: resolve as if the page sat at the site root.
        link = link[len(prefix):] or "./"
        parts = urlsplit(link)
        page = site / "index.html"
    if not parts.path:
        target = page
    else:
        base = page.parent.relative_to(site).as_posix()
        joined = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if joined.startswith(".."):
            return "zeigt aus der Website heraus"
        target = site / joined
        if target.is_dir() or parts.path.endswith("/"):
            target = target / "index.html"
    if not target.exists():
        return "Ziel fehlt"
    if parts.fragment and target.suffix == ".html":
        ids = parsed[target].ids if target in parsed else _parse(target).ids
        if unquote(parts.fragment) not in ids:
            return f"Anker #{parts.fragment} fehlt"
    return None


def main(argv: list[str] | None = None) -> int:
    """``python -m build_tools.linkcheck site/ [/sub-path/]`` — exit 1 when anything is broken."""
    import sys

    args = argv if argv is not None else sys.argv[1:]
    site = Path(args[0] if args else "site")
    broken = check_site(site, args[1] if len(args) > 1 else "/")
    for item in broken:
        print(item)
    print(f"{len(broken)} defekte Links", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
