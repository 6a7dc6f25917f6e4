"""The site navigation on the pages of a language tree: mkdocs.yml's ``nav``, each entry led to
its version in the tree where there is one.

The navigation stays the one a town wrote in ``mkdocs.yml`` (sections, order, links); only the
targets and labels change. An entry whose page exists in the tree (a generated page of
:data:`build_tools.urls.TREE_PAGES`, a category or district page, a translated hand-written
page ``content/pages/<lang>/<name>.md``) leads there, labelled with that page's own title (the
tree's home with the catalogue's ``nav_home``). Every other entry keeps its German page and
label, and says so (``lang``/``hreflang`` ``de``), as section titles and links from
``mkdocs.yml`` do.

Works on MkDocs' navigation objects by their interface (``is_section``/``is_page``/``is_link``,
``title``, ``url``, ``children``), so it runs without a build too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import urls


@dataclass(frozen=True)
class NavEntry:
    """One entry of a tree's navigation, as the template prints it.

    ``url`` is a site path (``""`` for the home page) or a link's own URL; ``lang`` is the
    language of ``title``; ``hreflang`` is set when a page link leads to a page in another
    language than the tree's (its German page).
    """

    title: str
    url: str
    lang: str
    hreflang: str | None = None
    children: tuple[NavEntry, ...] = ()
    is_section: bool = False
    paths: frozenset[str] = field(init=False, default=frozenset())
    """The entry's page and every page below it: the template marks the entries that hold the
    current page as Material does (``md-nav__item--active``)."""

    def __post_init__(self) -> None:
        below = set() if self.is_section else {self.url}
        for child in self.children:
            below |= child.paths
        object.__setattr__(self, "paths", frozenset(below))


@dataclass(frozen=True)
class TreeNav:
    """The navigation of one language tree: its entries, where its logo leads, and the words
    (in the tree's language) below an entry that leads to a German page."""

    lang: str
    home: str
    items: tuple[NavEntry, ...]
    in_german: str = ""


def tree_nav(items: Iterable[Any], lang: str, versions: Mapping[str, str], home_label: str,
             in_german: str = "") -> TreeNav:
    """The navigation ``items`` (MkDocs' ``nav.items``) for pages of the tree ``lang``.

    ``versions`` maps each site path that exists in the tree (``uk/karte/``) to its page's
    title; the tree's home (``uk/``) is labelled ``home_label`` instead. ``in_german`` is
    printed below the entries that lead to a German page (a reader with little German learns
    what a tap on "Impressum" brings before it).
    """
    home_path = urls.language_path(lang, "")

    def label(path: str) -> str:
        return home_label if path == home_path else versions[path]

    def entry(item: Any) -> NavEntry:
        if item.is_section:
            return NavEntry(item.title, "", urls.SOURCE_LANGUAGE, is_section=True,
                            children=tuple(entry(child) for child in item.children))
        if item.is_page:
            german = item.url.lstrip("/")
            here, _ = urls.split_language(german)
            if here == urls.SOURCE_LANGUAGE and urls.language_path(lang, german) in versions:
                path = urls.language_path(lang, german)
                return NavEntry(label(path), path, lang)
            return NavEntry(item.title, german, urls.SOURCE_LANGUAGE, hreflang=urls.SOURCE_LANGUAGE)
        return NavEntry(item.title, item.url, urls.SOURCE_LANGUAGE)  # a link written in mkdocs.yml

    home = home_path if home_path in versions else ""
    return TreeNav(lang, home, tuple(entry(item) for item in items), in_german)


def tree_versions(pages: Iterable[tuple[str, str]], lang: str) -> dict[str, str]:
    """``{site path: title}`` of the pages (``(url, title)`` pairs) that lie in the tree ``lang``."""
    return {url: title for url, title in pages if urls.split_language(url)[0] == lang}
