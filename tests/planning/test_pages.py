"""The planning pages, read through an HTML parser."""

from __future__ import annotations

from types import SimpleNamespace

import shapely

from build_tools.planning.analysis import analyse
from build_tools.planning.pages import planning_pages
from build_tools.planning.site import render

from ..buildkit import tools
from ..htmlquery import parse
from .synthetic import make_catalog, make_offer


def sample(square, **options):
    east = shapely.box(1000, 0, 2000, 1000)
    catalog = make_catalog(
        {"west": (square, 4000), "ost": (east, 6000)},
        [
            make_offer("tafel", "essen", (1500, 500), title="Tafel <Ost> & Co",
                       opening_hours="Mo-Fr 09:00-12:00"),
            make_offer("geheim", "essen", (1200, 200), confidential=True, title="Schutzhaus"),
        ],
        categories=("essen", "kleidung"),
        options=options,
    )
    catalog.districts["west"].name = 'West <script>alert("x")</script>'
    return catalog


def pages_of(catalog):
    result = analyse(catalog, catalog.config.planning)
    return {p.path: p for p in planning_pages(result)}


def test_four_pages_noindex_and_out_of_search(square):
    pages = pages_of(sample(square))
    assert sorted(pages) == [
        "planung/", "planung/erreichbarkeit/", "planung/versorgung/", "planung/zeiten/",
    ]
    for page in pages.values():
        assert page.meta["robots"] == "noindex"
        assert page.meta["search"] == {"exclude": True}
        parse(page.html)  # well-formed


def test_noindex_can_be_switched_off(square):
    pages = pages_of(sample(square, noindex=False))
    assert "robots" not in pages["planung/"].meta


def test_names_are_escaped_and_scripts_are_external_only(square):
    for page in pages_of(sample(square)).values():
        tree = parse(page.html)
        for script in tree.find_all("script"):
            assert script.attrs["src"].endswith(("assets/javascripts/atlas-sort.js",
                                                 "assets/javascripts/atlas-filter.js"))
            assert script.text == ""
    tree = parse(pages_of(sample(square))["planung/versorgung/"].html)
    names = [th.text for th in tree.find_all("th") if th.attrs.get("scope") == "row"]
    assert 'West <script>alert("x")</script>' in names


def test_coverage_table_marks_zeros_with_text(square):
    tree = parse(pages_of(sample(square))["planung/versorgung/"].html)
    table = tree.find_all("table")[0]
    assert "data-atlas-sort" in table.attrs and "class" not in table.attrs
    headers = [th.text for th in table.find_all("thead")[0].find_all("th")]
    assert headers == ["Sozialraum", "Einwohner", "Essen", "Kleidung"]
    rows = {
        tr.find_all("th")[0].text: tr.find_all("td") for tr in table.find_all("tbody")[0].find_all("tr")
    }
    ost = rows["Ost"]
    assert [td.attrs["data-sort-value"] for td in ost] == ["6000", "2", "0"]
    assert "atlas-zero" in ost[2].classes() and "✕" in ost[2].text
    assert "atlas-zero" not in ost[1].classes()
    link = tree.find_all("a")
    assert any(a.attrs["href"] == "../../sozialraeume/ost/" for a in link)


def test_maps_show_public_points_only_and_title_every_district(square):
    tree = parse(pages_of(sample(square))["planung/versorgung/"].html)
    svgs = tree.find_all("svg")
    assert len(svgs) == 2  # one per category
    essen = svgs[0]
    assert essen.attrs["role"] == "img"
    titles = [t.text for t in essen.find_all("title")]
    assert "Tafel <Ost> & Co" in titles
    assert not any("Schutzhaus" in t for t in titles)
    assert len(essen.find_all("circle")) == 1
    paths = essen.find_all("path")
    assert len(paths) == 2
    west = next(p for p in paths if p.find_all("title")[0].text.startswith("West"))
    assert west.attrs["fill"].startswith("url(#zero-")  # hatched, not only coloured
    assert "keine Versorgung" in west.find_all("title")[0].text


def test_reachability_page_flags_far_districts(square):
    catalog = sample(square, thresholds_m={"essen": 600})
    tree = parse(pages_of(catalog)["planung/erreichbarkeit/"].html)
    flagged = [td for td in tree.find_all("td") if "atlas-flag" in td.classes()]
    assert any("⚠" in td.text for td in flagged)


def test_overview_lists_the_gaps(square):
    tree = parse(pages_of(sample(square))["planung/"].html)
    items = [li.text for li in tree.find_all("li") if "atlas-finding-none" in li.classes()]
    assert items == ["Kleidung: kein offenes Angebot im Atlas."]


def test_contribution_and_switch(square):
    catalog = sample(square)
    contribution = render(SimpleNamespace(catalog=catalog, settings=catalog.config, population=None,
                                 indicators=None, network=None, transit=None,
                                 scenario=None, holidays=()), tools())
    paths = sorted(f.path for f in contribution.files)
    assert paths == [
        "planung/planungsbericht.pdf", "planung/planungsbericht.zip",
    ]
    catalog.config.planning.enabled = False
    off = render(SimpleNamespace(catalog=catalog, settings=catalog.config, population=None,
                                 indicators=None, network=None, transit=None,
                                 scenario=None, holidays=()), tools())
    assert off.pages == [] and off.files == []
