"""Hand-written pages in other languages: ``content/pages/<lang>/<name>.md`` translates
``content/pages/<name>.md`` and is published at ``<lang>/<name>/``.

Both the German page and its translations get the language switch (the languages the page
exists in), ``hreflang`` alternates with ``x-default`` (the German page), and a translation
its ``lang``/``dir`` and the theme's strings in its language (``atlas_lang``), as the pages of
the language trees (:mod:`.trees`). Planning and editorial pages stay German: only a file that
an editor writes below ``<lang>/`` is a translation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import urls
from ..content import display_path
from ..i18n import SOURCE, catalogue
from ..problems import Problem


def split_source(src_uri: str) -> tuple[str, str] | None:
    """``(lang, name)`` of a top-level hand-written page (``ueber.md`` → ``("de", "ueber")``,
    ``en/ueber.md`` → ``("en", "ueber")``); None for anything else (sub-folders, other files)."""
    if not src_uri.endswith(".md"):
        return None
    parts = src_uri[: -len(".md")].split("/")
    if len(parts) == 1:
        return SOURCE, parts[0]
    if len(parts) == 2 and parts[0] in urls.tree_languages():
        return parts[0], parts[1]
    return None


def page_path(lang: str, name: str) -> str:
    """The site path of a hand-written page in ``lang`` (``index`` is the tree's root)."""
    german = "" if name == "index" else f"{name}/"
    return urls.language_path(lang, german)


def page_languages(name: str, src_uris: set[str], languages: list[str]) -> list[str]:
    """The configured languages (German first) in which the hand-written page ``name`` exists."""
    return [code for code in languages
            if (f"{name}.md" if code == SOURCE else f"{code}/{name}.md") in src_uris]


def handwritten_meta(meta: dict[str, Any], lang: str, name: str, present: list[str],
                     site_url: str | None) -> dict[str, Any]:
    """``meta`` of a hand-written page that exists in the languages ``present`` (two or more):
    its language, its alternates and no theme bundle (it fetches ``sitemap.xml`` below every
    alternate, see :func:`.trees.tree_meta`)."""
    here = page_path(lang, name)

    def href(code: str) -> str:
        path = page_path(code, name)
        return urls.absolute_url(site_url, path) if site_url else urls.relative_url(here, path)

    out = dict(meta)
    if lang != SOURCE:
        out["atlas_lang"] = lang
    out["atlas_alternates"] = [*({"lang": code, "href": href(code)} for code in present),
                               {"lang": "x-default", "href": href(SOURCE)}]
    out["atlas_theme_js"] = False
    return out


def switch_context(lang: str, name: str, present: list[str]) -> dict[str, Any]:
    """What ``handwritten_switch.html`` needs: each language the page exists in, named in itself."""
    here = page_path(lang, name)
    switch = []
    for code in present:
        own = catalogue(code)
        switch.append({"code": code, "name": own.name, "dir": own.dir, "current": code == lang,
                       "href": urls.relative_url(here, page_path(code, name))})
    return {"switch": switch, "label": catalogue(lang).ui["languages_switch"]}


def translation_problems(docs_dir: Path | None, languages: list[str]) -> list[Problem]:
    """Translations that cannot be offered (``atlas check`` and the build alike): a folder for a
    language the atlas does not speak (a warning: the page goes out without switch), and a
    translation whose German page is missing (an error: nothing would lead to it)."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    out = []
    for lang in sorted(urls.tree_languages()):
        folder = docs_dir / lang
        if not folder.is_dir():
            continue
        for source in sorted(folder.glob("*.md")):
            shown = display_path(source)
            if lang not in languages:
                out.append(Problem(shown, 1, 1, "atlas.languages",
                                   f"Übersetzung in {lang!r}, aber diese Sprache steht nicht in "
                                   f"atlas.languages ({', '.join(languages)}): die Sprache dort "
                                   "ergänzen oder die Datei löschen", "warning"))
            elif not (docs_dir / source.name).is_file():
                german = display_path(docs_dir / source.name)
                out.append(Problem(shown, 1, 1, "Seite",
                                   f"Übersetzung ohne deutsche Seite: {german} fehlt; die "
                                   "deutsche Seite anlegen oder die Übersetzung umbenennen, "
                                   "damit sie so heißt wie die deutsche Seite", "error"))
    return out
