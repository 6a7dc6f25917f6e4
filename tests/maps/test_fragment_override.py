"""A project's ``custom_dir/atlas/maps/fragment.html`` replaces our map fragment."""

from __future__ import annotations

from build_tools import maps, urls
from build_tools.templating import Templates

from ..htmlquery import parse
from .conftest import make_catalog, sample_offers

CONSENT = "Die Karte lädt Kartenbilder"


def test_the_project_template_replaces_ours(tmp_path):
    folder = tmp_path / "atlas" / "maps"
    folder.mkdir(parents=True)
    (folder / "fragment.html").write_text(
        '<div class="stadt-karte" data-kind="{{ kind }}">{{ name }} (Karte folgt)</div>\n',
        encoding="utf-8",
    )
    catalog = make_catalog(sample_offers(), consent=True)
    path = urls.category_path("essen")
    ours = maps.category_map_html(catalog, "essen", path)
    theirs = maps.category_map_html(catalog, "essen", path, templates=Templates(tmp_path))
    assert CONSENT in ours and CONSENT not in theirs
    [div] = parse(theirs).find_all("div")
    assert div.attrs == {"class": "stadt-karte", "data-kind": "category"}
    assert div.text == "Essen/Tafel (Karte folgt)"


def test_without_an_override_the_project_gets_ours(tmp_path):
    catalog = make_catalog(sample_offers())
    offer = catalog.offer("tafel-nord")
    path = urls.offer_path("tafel-nord")
    assert (maps.offer_map_html(catalog, offer, path, templates=Templates(tmp_path))
            == maps.offer_map_html(catalog, offer, path))
