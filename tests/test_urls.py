"""One URL authority: every file of a built site has a path that :mod:`build_tools.urls` produced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools import urls
from build_tools.cli import main
from build_tools.resources import assets_dir

from .conftest import ROOT


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = tmp_path_factory.mktemp("urls") / "site"
    assert main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)]) == 0
    return site


def _site_path(relative: str) -> str:
    """``angebote/x/index.html`` → ``angebote/x/`` (pages), other files as they are."""
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def test_every_file_of_the_built_site_has_a_known_kind(sample_site):
    unknown = []
    kinds: dict[str, int] = {}
    pages = ROOT / "content" / "pages"
    # hand-written pages and their translations (content/pages/en/ueber.md → en/ueber)
    documents = {p.relative_to(pages).with_suffix("").as_posix()
                 for pattern in ("*.md", "*/*.md") for p in pages.glob(pattern)}
    ours = {urls.asset_path(p.relative_to(assets_dir()).as_posix())
            for p in assets_dir().rglob("*") if p.is_file()}
    for file in sorted(sample_site.rglob("*")):
        if not file.is_file():
            continue
        relative = file.relative_to(sample_site).as_posix()
        kind, ident = urls.parse_path(_site_path(relative))
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind == "unknown":
            unknown.append(relative)
        elif kind == "document":
            assert ident in documents, f"{relative}: no page in content/pages/"
        elif kind == "precompressed":
            assert (sample_site / ident).is_file(), f"{relative}: a twin without its file"
        elif kind == "asset":
            assert relative in ours or relative == urls.asset_path("stylesheets/atlas-categories.css"), relative
        elif kind == "capacity":
            assert (ROOT / "content" / "pages" / urls.capacity_file_path(ident)).is_file(), relative
    assert unknown == []
    for kind in ("page", "offer", "category", "district", "planning", "report", "data", "flyer",
                 "map-data", "asset", "theme", "document", "short", "search-index", "precompressed",
                 "translation", "tree", "capacity"):
        assert kinds.get(kind), f"no {kind} in the sample site"


@pytest.mark.parametrize("path", [
    urls.offer_path("tafel"), urls.category_path("essen"), urls.district_path("nord"),
    urls.planning_part_path("zeiten"), urls.planning_report_path("pdf"), urls.data_file_path("angebote.csv"),
    urls.data_file_path("hsds/services.json"), urls.map_data_path(), urls.flyer_path("tafel", "karte"),
    urls.collection_flyer_path("wegweiser"), urls.asset_path("javascripts/atlas-hours.js"),
    urls.offers_index_path(), urls.map_path(), urls.data_path(), urls.planning_path(), "",
    urls.offer_short_path("tafel"), urls.search_path(), urls.search_bundle_path("pagefind.js"),
    urls.search_bundle_path("fragment/de_1a2b3c4.pf_fragment"),
    urls.offer_path("tafel", "en"), urls.offer_path("tafel", "ar"),
    urls.desk_path(), urls.desk_csv_path(), urls.changes_path(), urls.feed_path(),
    urls.embed_path("category", "essen"), urls.embed_path("district", "nord"),
])
def test_every_path_function_is_classified(path):
    assert urls.parse_path(path)[0] not in ("unknown", "document")


def test_desk_news_and_widget_paths():
    assert urls.parse_path(urls.desk_path()) == ("desk", "")
    assert urls.parse_path(urls.desk_csv_path()) == ("desk-data", "")
    assert urls.parse_path(urls.changes_path()) == ("changes", "")
    assert urls.parse_path(urls.feed_path()) == ("feed", "")
    assert urls.embed_path("district", "nord") == "einbetten/sozialraum/nord/"
    assert urls.parse_path("einbetten/sozialraum/nord/") == ("widget", "district/nord")
    assert urls.parse_path("einbetten/kategorie/essen/") == ("widget", "category/essen")
    assert urls.parse_path("einbetten/karte/essen/")[0] == "document"
    with pytest.raises(ValueError):
        urls.embed_path("map", "x")


def test_a_gzip_twin_names_its_file():
    page = urls.offer_path("tafel") + "index.html"
    assert urls.parse_path(urls.precompressed_path(page)) == ("precompressed", page)
    assert urls.parse_path("sitemap.xml.gz")[0] == "theme"  # MkDocs' own, not a twin


def test_a_brotli_twin_names_its_file():
    page = urls.offer_path("tafel") + "index.html"
    assert urls.precompressed_path(page, "br") == page + ".br"
    assert urls.parse_path(urls.precompressed_path(page, "br")) == ("precompressed", page)


@pytest.mark.parametrize("lang", ["en", "uk", "ar", "tr"])
def test_offer_pages_of_a_language_tree(lang):
    path = urls.offer_path("tafel", lang)
    assert path == f"{lang}/angebote/tafel/"
    assert urls.parse_path(path) == ("translation", f"{lang}/tafel")
    assert urls.split_language(path) == (lang, urls.offer_path("tafel"))
    assert urls.src_for_path(path) == f"{lang}/angebote/tafel.md"
    assert urls.relative_url(path, urls.offer_path("tafel")) == "../../../angebote/tafel/"


def test_german_stays_at_the_root_and_unknown_trees_are_refused():
    assert urls.offer_path("tafel", "de") == urls.offer_path("tafel") == "angebote/tafel/"
    assert urls.split_language("angebote/tafel/") == ("de", "angebote/tafel/")
    with pytest.raises(ValueError):
        urls.offer_path("tafel", "xx")
    # data, planning and search stay German: below a code they are no page of the tree
    assert urls.parse_path("en/daten/")[0] == "document"
    assert urls.parse_path("en/planung/zeiten/")[0] == "document"
    assert urls.parse_path("xx/angebote/tafel/")[0] == "document"
    assert urls.parse_path("en/angebote/tafel.pdf")[0] == "unknown"


@pytest.mark.parametrize("lang", ["en", "uk", "ar", "tr"])
def test_overview_pages_of_a_language_tree(lang):
    tree = {
        urls.language_path(lang, ""): f"{lang}/page/",
        urls.language_path(lang, urls.offers_index_path()): f"{lang}/page/{urls.OFFERS}",
        urls.language_path(lang, urls.map_path()): f"{lang}/page/{urls.MAP}",
        urls.language_path(lang, urls.categories_index_path()): f"{lang}/page/{urls.CATEGORIES}",
        urls.language_path(lang, urls.districts_index_path()): f"{lang}/page/{urls.DISTRICTS}",
        urls.language_path(lang, urls.category_path("essen")): f"{lang}/category/essen",
        urls.language_path(lang, urls.district_path("nord")): f"{lang}/district/nord",
    }
    for path, ident in tree.items():
        assert path.startswith(f"{lang}/")
        assert urls.parse_path(path) == ("tree", ident), path
        assert urls.split_language(path)[0] == lang


def test_district_urls_of_any_atlas():
    assert urls.district_in_url("https://a.example/x/sozialraeume/nord/") == "nord"
    assert urls.district_in_url("https://a.example/x/kategorien/nord/") is None


def test_relative_urls_are_what_posixpath_computes():
    import posixpath
    import random

    rng = random.Random(3)
    names = ["angebote", "tafel", "kategorien", "essen", "q", "assets", "x.css", "index.html", "a"]

    def path(directory: bool) -> str:
        parts = [rng.choice(names) for _ in range(rng.randint(0, 4))]
        text = "/".join(parts)
        return text + "/" if directory and text else text

    for _ in range(3000):
        page, target = path(True), path(rng.random() < 0.5)
        expected = posixpath.relpath("/" + target.rstrip("/") or "/", "/" + page.strip("/") or "/")
        expected = "./" if expected == "." else expected
        if (target.endswith("/") or not target) and not expected.endswith("/"):
            expected += "/"
        assert urls.relative_url(page, target) == expected, (page, target)
