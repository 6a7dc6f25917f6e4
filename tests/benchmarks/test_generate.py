"""The synthetic content generator: valid, varied and byte-for-byte deterministic."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from shapely.geometry import Point
from shapely.ops import unary_union

from benchmarks.generate import generate as reexported
from build_tools.cli import main
from build_tools.config import AtlasConfig, Region
from build_tools.content import load_catalog
from build_tools.opening_hours import parse_hours
from build_tools.synthetic import generate
from tests.conftest import TODAY

CONFIG = AtlasConfig(region=Region(south=50.70, west=6.36, north=50.88, east=6.62))


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("synthetic") / "content", offers=300, districts=12,
                    seed=7, today=TODAY)


@pytest.fixture(scope="module")
def catalog(generated):
    result = load_catalog(generated, CONFIG, TODAY)
    assert [p.format_text() for p in result.problems] == []
    return result.catalog


def test_reexported_from_benchmarks():
    assert reexported is generate


def test_300_offers_load_without_problems(catalog):
    assert len(catalog.offers) == 300
    assert len(catalog.districts) == 12
    assert len(catalog.organizations) >= 5


def test_variety(catalog):
    offers = catalog.offers
    assert {o.category for o in offers} == set(catalog.categories)
    assert {g for o in offers for g in o.target_groups} == set(catalog.target_groups)
    located = {o.location.district for o in offers if o.location}
    assert located == set(catalog.districts)
    assert any(o.service_area and o.location is None for o in offers)
    assert any(o.location and o.location.confidential for o in offers)
    assert {o.status for o in offers} == {"active", "temporarily_closed", "ended"}
    assert any(o.season for o in offers)
    assert any(o.aliases for o in offers)
    assert any(o.related for o in offers)
    assert any(isinstance(o.provider, str) and o.provider in catalog.organizations for o in offers)
    assert any(o.provider is not None and not isinstance(o.provider, str) for o in offers)
    translated = [o for o in offers if o.translations]
    assert 0.3 <= len(translated) / len(offers) <= 0.37
    assert {lang for o in translated for lang in o.translations} == {"en", "uk", "ar", "tr"}


def test_descriptions_are_markdown_of_50_to_400_words(catalog):
    for offer in catalog.offers:
        words = len(offer.description.split())
        assert 50 <= words <= 400, (offer.id, words)
    assert any("\n- " in o.description for o in catalog.offers)


HOURS_SHAPES = [
    r"\b(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su) \d",
    r"\b(Mo|Tu|We|Th|Fr|Sa|Su),(Mo|Tu|We|Th|Fr|Sa|Su)\b",
    r"\d\d:\d\d-\d\d:\d\d,\d\d:\d\d-\d\d:\d\d",
    r"^24/7$",
    r"\b(Mo|Tu|We|Th|Fr) off\b",
    r"PH off",
    r"PH \d\d:\d\d",
    r"^(Oct|Nov)-(Feb|Mar) ",
    r"^Apr-Oct 24/7$",
    r"\[-?\d\]",
    r"; ",
    r'^"[^"]+"$',
    r'\d "[^"]+"$',
]


def test_every_hours_shape(catalog):
    hours = [o.opening_hours for o in catalog.offers]
    for pattern in HOURS_SHAPES:
        assert any(re.search(pattern, h) for h in hours), pattern
    for text in hours:
        parse_hours(text)


def test_districts_tile_a_grid(catalog):
    geoms = [d.geometry for d in catalog.districts.values()]
    union = unary_union(geoms)
    assert union.geom_type == "Polygon" and not union.interiors
    assert sum(g.area for g in geoms) == pytest.approx(union.area, rel=1e-9)
    assert all(g.exterior.is_ccw for g in geoms)
    assert all(d.population and d.population > 0 for d in catalog.districts.values())
    for offer in catalog.offers:
        if offer.location and offer.location.lat is not None:
            point = Point(offer.location.lon, offer.location.lat)
            assert catalog.districts[offer.location.district].geometry.covers(point)
        elif offer.location:  # a protected place: its district only, no coordinates
            assert offer.location.confidential and offer.location.district in catalog.districts


def test_same_seed_same_bytes(tmp_path):
    first = generate(tmp_path / "first", offers=80, districts=6, seed=7, today=TODAY)
    again = generate(tmp_path / "again", offers=80, districts=6, seed=7, today=TODAY)
    assert _digest(again) == _digest(first)
    other = generate(tmp_path / "other", offers=80, districts=6, seed=8, today=TODAY)
    assert _digest(other) != _digest(first)


def test_files_start_with_the_schema_comment(generated):
    for path in (generated / "offers").glob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


@pytest.mark.parametrize("districts", [1, 2, 5, 7])
def test_small_grids(tmp_path, districts):
    out = generate(tmp_path / "c", offers=40, districts=districts, seed=1, today=date(2026, 1, 5))
    result = load_catalog(out, CONFIG, date(2026, 1, 5))
    assert result.problems == []
    assert len(result.catalog.districts) == districts


def test_cli(tmp_path, capsys):
    out = tmp_path / "cli"
    args = ["generate", "--offers", "30", "--districts", "4", "--seed", "3", "--out", str(out),
            "--today", "2026-11-22"]
    assert main(args) == 0
    assert len(list((out / "offers").glob("*.yml"))) == 30
    assert main(args) == 1  # never writes into a folder that holds something
    assert "nicht leer" in capsys.readouterr().err
    assert main(["generate", "--offers", "-1", "--out", str(tmp_path / "x")]) == 2
