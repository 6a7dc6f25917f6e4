"""A–Z, category, district, map and start pages."""

from __future__ import annotations

import pytest

from build_tools.pages import views
from build_tools.pages.home import home_page
from build_tools.pages.lists import az_page, category_page, district_page, map_page
from build_tools.pages.site import render, render_offers

from ..buildkit import page_inputs, tools
from ..htmlquery import parse


def _listed(html: str) -> list[str]:
    return [li.attrs["data-atlas-offer"] for li in parse(html).find_all("li")
            if "data-atlas-offer" in li.attrs]


def test_az_lists_every_published_offer_once(catalog):
    listed = _listed(az_page(page_inputs(catalog)).html)
    assert sorted(listed) == sorted(o.id for o in catalog.published)
    assert "alte-suppenkueche" not in listed


def test_german_sort_order():
    assert views.sort_key("Ärztliche Hilfe") < views.sort_key("Beratung")
    assert views.initial("Übernachtung") == "U"
    assert views.initial("24-Stunden-Hilfe") == "#"


def test_category_page_lists_main_and_additional_members(catalog):
    listed = _listed(category_page(page_inputs(catalog), "essen").html)
    assert listed == ["tagestreff-mitte"]  # essen is its additional category; the ended one is gone


def test_district_page_includes_service_areas(catalog):
    listed = _listed(district_page(page_inputs(catalog), "nord").html)
    assert "streetwork" in listed


def test_open_filter_on_list_pages(catalog):
    html = az_page(page_inputs(catalog)).html
    assert parse(html).find("input", data_atlas_open_filter=True) is not None


def test_map_page_lists_the_same_offers(catalog):
    assert sorted(_listed(map_page(page_inputs(catalog)).html)) == sorted(
        o.id for o in catalog.published
    )


def test_big_map_page_lists_categories_instead_of_every_offer(catalog, monkeypatch):
    from build_tools.pages import lists

    monkeypatch.setattr(lists, "MAP_PAGE_LIST_LIMIT", len(catalog.published) - 1)
    tree = parse(map_page(page_inputs(catalog)).html)
    assert [li for li in tree.find_all("li") if "data-atlas-offer" in li.attrs] == []
    links = {a.attrs["href"] for h3 in tree.find_all("h3") for a in h3.find_all("a")}
    used = {o.category for o in catalog.published}
    assert links == {f"../kategorien/{c}/" for c in used}


def test_home_has_search_tiles_and_emergency_numbers(catalog):
    tree = parse(home_page(page_inputs(catalog)).html)
    assert tree.find("form", role="search").find("input", name="q") is not None
    hrefs = [a.attrs["href"] for a in tree.find_all("a")]
    assert "tel:112" in hrefs and "tel:08001110111" in hrefs
    assert "kategorien/hygiene/" in hrefs


def test_contribution_paths_are_unique_and_from_the_url_authority(catalog):
    from types import SimpleNamespace

    inputs = SimpleNamespace(catalog=catalog, holidays=(), flyers=None)
    result = render(inputs, tools())
    result.extend(render_offers(inputs, tools()))
    paths = [p.path for p in result.pages]
    assert len(paths) == len(set(paths))
    assert {"", "angebote/", "karte/", "kategorien/", "sozialraeume/"} <= set(paths)
    assert {f"angebote/{o.id}/" for o in catalog.offers} <= set(paths)
    assert any(f.path == "assets/stylesheets/atlas-categories.css" for f in result.files)


@pytest.mark.parametrize("area,expected", [
    (["nord"], "unterwegs im Sozialraum Nord"),
    (["nord", "innenstadt"], "unterwegs in den Sozialräumen Nord und Innenstadt"),
])
def test_an_offer_on_the_move_names_its_districts_with_article_and_case(catalog, area, expected):
    """District names carry no article ("Innenstadt", "Nord"): never "unterwegs in Nord"."""
    offer = catalog.offer("streetwork").model_copy(update={"service_area": area})
    assert views.where_short(catalog, offer) == expected


def test_a_list_entry_on_a_language_tree_says_on_the_move_in_that_language(catalog):
    from build_tools.pages.trees import list_entry_in

    offer = catalog.offer("streetwork").model_copy(update={"service_area": ["nord", "innenstadt"]})
    entry = list_entry_in(catalog, offer, "/uk/karte/", "uk")
    assert entry["where"].startswith("працює в районах ") and "where_lang" not in entry
    one = list_entry_in(catalog, offer.model_copy(update={"service_area": ["nord"]}), "/en/karte/", "en")
    assert one["where"].startswith("on the move in the district ")


def test_offer_pages_claim_each_offer_just_before_rendering_it(catalog, monkeypatch):
    """The other process takes offers from the other end meanwhile: an offer claimed early is
    one it cannot take (all claimed at once, one process rendered every offer)."""
    from dataclasses import replace
    from types import SimpleNamespace

    from build_tools.pages import site
    from build_tools.parallel import Share

    rendered: list[str] = []
    rendered_at_claim: list[int] = []

    class Watched(Share):
        def indices(self, count):
            for index in range(count - 1, -1, -1):  # as the back end claims: last first
                rendered_at_claim.append(len(rendered))
                yield index

    def offer_pages(facts, offer):
        rendered.append(offer.id)
        return real(facts, offer)

    real = site.offer_pages
    monkeypatch.setattr(site, "offer_pages", offer_pages)
    inputs = SimpleNamespace(catalog=catalog, holidays=(), flyers=None)
    pages = render_offers(inputs, replace(tools(), offers=Watched())).pages
    assert rendered_at_claim == list(range(len(catalog.offers)))
    assert rendered == [o.id for o in reversed(catalog.offers)]
    every = render_offers(inputs, tools()).pages  # catalog order either way
    assert [p.path for p in pages] == [p.path for p in every]
