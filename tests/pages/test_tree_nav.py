"""The navigation of a language tree: mkdocs.yml's nav, each entry led to its version in the tree.

Works on MkDocs' own navigation objects (``get_navigation`` over a ``nav`` written as a town
writes it), so the mapping is tested against the interface the plugin hands it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation

from build_tools.pages.tree_nav import tree_nav, tree_versions

NAV = [
    {"Start": "index.md"},
    {"Karte": "karte/index.md"},
    {"Mehr": [{"Über den Atlas": "ueber.md"}, {"Impressum": "impressum.md"}]},
    {"Stadt": "https://example.org/"},
]


def _nav(tmp_path):
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site"),
                      "nav": NAV})
    errors, warnings = config.validate()
    assert not errors, errors
    sources = ["index.md", "karte/index.md", "ueber.md", "impressum.md"]
    files = Files([File(src, config.docs_dir, config.site_dir, use_directory_urls=True) for src in sources])
    return get_navigation(files, config)


VERSIONS = {"uk/": "Hilfe in Musterstadt", "uk/karte/": "Карта", "uk/ueber/": "Про цей атлас"}


def test_entries_lead_to_the_trees_pages_with_their_titles(tmp_path):
    nav = tree_nav(_nav(tmp_path).items, "uk", VERSIONS, "Головна", "німецькою")
    home, karte, more, town = nav.items
    assert (home.title, home.url, home.lang, home.hreflang) == ("Головна", "uk/", "uk", None)
    assert (karte.title, karte.url, karte.lang, karte.hreflang) == ("Карта", "uk/karte/", "uk", None)
    assert (nav.home, nav.lang, nav.in_german) == ("uk/", "uk", "німецькою")
    # the section keeps its German title; inside it the translated page and the German one
    assert more.is_section and (more.title, more.lang) == ("Mehr", "de")
    about, imprint = more.children
    assert (about.title, about.url, about.lang) == ("Про цей атлас", "uk/ueber/", "uk")
    assert (imprint.title, imprint.url, imprint.lang, imprint.hreflang) == (
        "Impressum", "impressum/", "de", "de")
    assert more.paths == {"uk/ueber/", "impressum/"}  # what marks the section active
    # a link written in mkdocs.yml keeps its URL and German label, no hreflang (not our page)
    assert (town.url, town.lang, town.hreflang) == ("https://example.org/", "de", None)


def test_entries_without_a_version_stay_german(tmp_path):
    nav = tree_nav(_nav(tmp_path).items, "ar", {"ar/": "x"}, "الرئيسية")
    karte = nav.items[1]
    assert (karte.title, karte.url, karte.lang, karte.hreflang) == ("Karte", "karte/", "de", "de")
    about = nav.items[2].children[0]
    assert (about.title, about.url, about.lang) == ("Über den Atlas", "ueber/", "de")


def test_a_tree_without_its_home_page_leads_the_logo_to_the_german_home(tmp_path):
    nav = tree_nav(_nav(tmp_path).items, "tr", {}, "Ana sayfa")
    assert nav.home == "" and nav.items[0].url == "" and nav.items[0].lang == "de"


def test_versions_are_the_pages_of_one_tree():
    pages = [("", "Start"), ("uk/", "Головна"), ("uk/karte/", "Карта"), ("en/karte/", "Map"),
             ("ukraine/", "no tree")]
    assert tree_versions(pages, "uk") == {"uk/": "Головна", "uk/karte/": "Карта"}
