"""Related offers: the nearest-neighbour index gives exactly what a full sort gives."""

from __future__ import annotations

import math

import pytest

from build_tools.catalog import is_public_location
from build_tools.config import AtlasConfig, Region
from build_tools.content import load_catalog
from build_tools.pages.nearby import NearestIndex
from build_tools.pages.offer import category_members, related_offers
from build_tools.schema import Status
from build_tools.synthetic import generate
from tests.conftest import TODAY

CONFIG = AtlasConfig(region=Region(south=50.70, west=6.36, north=50.88, east=6.62))


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    content = generate(tmp_path_factory.mktemp("nearby") / "content", offers=400, districts=9,
                       seed=11, today=TODAY)
    result = load_catalog(content, CONFIG, TODAY)
    assert result.catalog is not None
    return result.catalog


def _reference_distance(a, b) -> float:
    if not (is_public_location(a) and is_public_location(b)):
        return math.inf
    return math.hypot(a.location.lat - b.location.lat, (a.location.lon - b.location.lon) * 0.63)


def _full_sort(catalog, offer, limit=4):
    """The quadratic definition the index replaces: editor's picks, then the whole category sorted."""
    chosen = [catalog.offer(r) for r in offer.related
              if catalog.has_offer(r) and catalog.offer(r).status != Status.ended]
    taken = {o.id for o in chosen} | {offer.id}
    same = [o for o in category_members(catalog).get(offer.category, []) if o.id not in taken]
    same.sort(key=lambda o: (_reference_distance(offer, o), o.id))
    return (chosen + same)[:limit]


def test_index_matches_a_full_sort_for_every_offer(catalog):
    confidential = [o for o in catalog.offers if not is_public_location(o)]
    assert confidential, "the synthetic content should include offers without a public place"
    for offer in catalog.offers:
        for limit in (4, 6):
            expected = [o.id for o in _full_sort(catalog, offer, limit)]
            assert [o.id for o in related_offers(catalog, offer, limit)] == expected, offer.id


def test_ties_are_broken_by_id_and_hidden_places_come_last(catalog):
    offers = [o for o in catalog.published if is_public_location(o)][:3]
    hidden = [o for o in catalog.published if not is_public_location(o)][:2]
    twin = offers[0].model_copy(update={"id": "aaa-zwilling"})
    index = NearestIndex([*hidden, offers[0], twin, offers[1]])
    got = [o.id for o in index.nearest(offers[2], limit=5, exclude=set())]
    assert got.index("aaa-zwilling") == got.index(offers[0].id) - 1
    assert got[-2:] == sorted(o.id for o in hidden)


def test_excluded_offers_are_never_returned(catalog):
    members = category_members(catalog)[catalog.offers[0].category]
    index = NearestIndex(members)
    excluded = {o.id for o in members[:5]}
    got = index.nearest(members[0], limit=10, exclude=excluded)
    assert not excluded & {o.id for o in got}
    assert len(got) == min(10, len(members) - 5)


def test_a_category_with_few_public_places_fills_up_with_hidden_ones_once(catalog):
    public = [o for o in catalog.published if is_public_location(o)][:3]
    hidden = [o for o in catalog.published if not is_public_location(o)][:3]
    index = NearestIndex(sorted([*public, *hidden], key=lambda o: o.id))
    got = index.nearest(public[0], limit=10, exclude={public[0].id})
    assert [o.id for o in got] == [o.id for o in sorted(public[1:], key=lambda o: (_reference_distance(public[0], o), o.id))] + sorted(o.id for o in hidden)
    from_hidden = index.nearest(hidden[0], limit=4, exclude={hidden[0].id})
    assert [o.id for o in from_hidden] == sorted(o.id for o in [*public, *hidden] if o is not hidden[0])[:4]
