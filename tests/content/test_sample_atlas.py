"""The sample atlas "Musterstadt" in content/: complete, valid, and exercising every field.

The sample is the project's showcase and the fixture other modules build from, so it must use
every field of the offer schema (a new schema field fails here until the sample uses it), every
hours shape the parser supports, and contain the planning gaps the planning module reports.
"""

from __future__ import annotations

import math
import re
import typing

import pytest
from pydantic import BaseModel
from shapely.geometry import Point
from shapely.ops import unary_union

from build_tools.config import AtlasConfig, Region
from build_tools.content import load_catalog
from build_tools.opening_hours import parse_hours
from build_tools.schema import Category, Offer, Organization, Status, TargetGroup, Wheelchair
from build_tools.yamlio import load_yaml_file
from tests.conftest import CONTENT, TODAY

OFFERS = sorted((CONTENT / "offers").glob("*.yml"))
ORGS = sorted((CONTENT / "organizations").glob("*.yml"))
OFFER_SCHEMA_LINE = "# yaml-language-server: $schema=../schema/offer.schema.json"
ORG_SCHEMA_LINE = "# yaml-language-server: $schema=../schema/organization.schema.json"


@pytest.fixture(scope="module")
def result():
    # The settings of mkdocs.yml that judge content (region box and review period), spelled out
    # so this test does not depend on the rest of the site configuration.
    config = AtlasConfig(
        name="Hilfe in Musterstadt",
        region=Region(south=50.70, west=6.36, north=50.88, east=6.62),
        review_months=12,
    )
    return load_catalog(CONTENT, config, TODAY)


@pytest.fixture(scope="module")
def catalog(result):
    assert result.catalog is not None, [p.format_text() for p in result.problems]
    return result.catalog


@pytest.fixture(scope="module")
def raw_offers() -> dict[str, Offer]:
    """Each offer validated straight from its file (fields_set = what the file really says)."""
    return {path.stem: Offer.model_validate(load_yaml_file(path).data) for path in OFFERS}


def test_no_errors_and_no_warnings(result):
    assert [p.format_text() for p in result.problems] == []


def test_counts(catalog):
    assert len(catalog.offers) >= 44
    used = {o.category for o in catalog.offers} | {c for o in catalog.offers for c in o.also_categories}
    assert len({o.category for o in catalog.offers}) >= 11
    assert used == set(catalog.categories)
    assert len(catalog.categories) >= 11
    assert len(catalog.districts) >= 6
    assert len(catalog.organizations) >= 5
    groups = {g for o in catalog.offers for g in o.target_groups}
    assert groups == set(catalog.target_groups)


def test_required_categories_exist(catalog):
    required = {
        "notunterkunft", "essen", "trinkwasser", "hygiene", "kleidung", "medizin", "beratung",
        "arbeit", "tagesaufenthalt", "jugend-familie", "postadresse",
    }
    assert required <= set(catalog.categories)


# --- every field of the schema is used ------------------------------------------------------


def _nested_models(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for arg in typing.get_args(annotation):
        found += _nested_models(arg)
    return found


def schema_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted paths of every field of ``model`` and its nested models (dict/list items flat)."""
    paths = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.add(path)
        for nested in _nested_models(info.annotation):
            paths |= schema_paths(nested, f"{path}.")
    return paths


def used_paths(value, prefix: str = "") -> set[str]:
    """Dotted paths of the fields actually set in a validated model tree."""
    paths: set[str] = set()
    if isinstance(value, BaseModel):
        for name in value.model_fields_set:
            path = f"{prefix}{name}"
            paths.add(path)
            paths |= used_paths(getattr(value, name), f"{path}.")
    elif isinstance(value, dict):
        for item in value.values():
            paths |= used_paths(item, prefix)
    elif isinstance(value, list):
        for item in value:
            paths |= used_paths(item, prefix)
    return paths


def test_every_offer_field_is_used(raw_offers):
    expected = schema_paths(Offer)
    assert "translations.alert" in expected and "location.confidential" in expected
    used: set[str] = set()
    for offer in raw_offers.values():
        used |= used_paths(offer)
    assert sorted(expected - used) == []


def test_every_enum_value_is_used(raw_offers):
    offers = raw_offers.values()
    assert {o.status for o in offers} == set(Status)
    assert {o.location.wheelchair for o in offers if o.location} == set(Wheelchair)


def test_every_reference_data_field_is_used(catalog):
    orgs = [Organization.model_validate(load_yaml_file(path).data) for path in ORGS]
    used = set().union(*(used_paths(org) for org in orgs))
    assert sorted(schema_paths(Organization) - used) == []
    categories = set().union(*(used_paths(c) for c in catalog.categories.values()))
    assert sorted(schema_paths(Category) - categories) == []
    groups = set().union(*(used_paths(g) for g in catalog.target_groups.values()))
    assert sorted(schema_paths(TargetGroup) - groups) == []


def test_special_cases(catalog, raw_offers):
    offers = {o.id: o for o in catalog.offers}
    shelter = offers["notunterkunft-mariengasse"]
    assert shelter.opening_hours == "Mo-Su 20:00-08:00" and shelter.access.pets_allowed
    winter = offers["winternotquartier-alte-feuerwache"]
    assert (winter.season.from_, winter.season.until) == ("11-01", "03-31")
    assert offers["tafel-innenstadt"].opening_hours == "Tu,Th 10:00-12:00,15:00-17:00"
    counselling = offers["schuldnerberatung-caritas"]
    assert counselling.access.appointment_required and counselling.hours_note == "Termine nach Vereinbarung"
    refuge = offers["frauenhaus-musterstadt"]
    assert refuge.location.confidential and refuge.location.street is None
    assert refuge.location.lat is None and refuge.location.district == "nord"  # nothing exact in Git
    assert refuge.contact.phone and refuge.contact.email is None and refuge.contact.website is None
    assert any(o.service_area and o.location is None for o in catalog.offers)
    ended = [o for o in catalog.offers if o.status == Status.ended]
    assert ended and all(o.valid_until and o.valid_until < TODAY and o.related for o in ended)
    closed = [o for o in catalog.offers if o.status == Status.temporarily_closed]
    assert closed and all(o.alert for o in closed)
    assert any(o.aliases for o in catalog.offers)
    assert any(isinstance(o.provider, BaseModel) for o in catalog.offers)
    assert any(isinstance(o.provider, str) and o.provider in catalog.organizations for o in catalog.offers)
    assert any(len(o.contact.phone) > 1 for o in catalog.offers)
    assert any(o.is_free for o in catalog.offers) and any(o.costs and not o.is_free for o in catalog.offers)
    drinking = catalog.in_category("trinkwasser")
    assert len(drinking) >= 3


_SCRIPTS = {"uk": r"[\u0400-\u04ff]", "ar": r"[\u0600-\u06ff]", "tr": r"[çğıöşüÇĞİÖŞÜ]", "en": r"[A-Za-z]"}


@pytest.mark.parametrize("lang", ["en", "uk", "ar", "tr"])
def test_translations_exist_in_their_script(catalog, lang):
    translated = [o.translations[lang] for o in catalog.offers if lang in o.translations]
    assert len(translated) >= 3
    for text in translated:
        assert text.title and text.summary
        assert re.search(_SCRIPTS[lang], text.title + text.summary)


def test_every_file_starts_with_the_schema_comment():
    assert OFFERS and ORGS
    for path in OFFERS:
        assert path.read_text(encoding="utf-8").splitlines()[0] == OFFER_SCHEMA_LINE, path.name
    for path in ORGS:
        assert path.read_text(encoding="utf-8").splitlines()[0] == ORG_SCHEMA_LINE, path.name


def test_summaries_fit(catalog):
    for offer in catalog.offers:
        assert len(offer.summary) <= 200


# --- colours ----------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(colour_a: str, colour_b: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    la, lb = sorted((_luminance(colour_a), _luminance(colour_b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_category_colours_contrast_with_white(catalog):
    for category in catalog.categories.values():
        assert contrast(category.color, "#ffffff") >= 3, category.id
        assert category.icon and category.label_en


# --- geography ---------------------------------------------------------------------------------


def test_districts_tile_the_area(catalog):
    districts = catalog.districts
    geoms = [d.geometry for d in districts.values()]
    union = unary_union(geoms)
    assert union.geom_type == "Polygon" and not union.interiors, "gap inside the atlas area"
    assert sum(g.area for g in geoms) == pytest.approx(union.area, rel=1e-9), "overlap"
    assert any(g.geom_type == "MultiPolygon" for g in geoms)
    polygons = [p for g in geoms for p in getattr(g, "geoms", [g])]
    assert any(p.interiors for p in polygons), "one district should have an enclave"
    for polygon in polygons:  # RFC 7946: exterior rings counter-clockwise, holes clockwise
        assert polygon.exterior.is_ccw
        assert all(not ring.is_ccw for ring in polygon.interiors)
    total = sum(d.population for d in districts.values())
    assert 80_000 <= total <= 100_000


def test_offer_coordinates_lie_in_their_district(catalog, raw_offers):
    for offer in catalog.offers:
        if offer.location is None:
            continue
        if offer.location.lat is None:  # a confidential place with its district only
            assert offer.location.confidential and offer.location.district in catalog.districts
            continue
        point = Point(offer.location.lon, offer.location.lat)
        district = catalog.districts[offer.location.district]
        assert district.geometry.covers(point), offer.id
    enclave = raw_offers["trinkbrunnen-kanalhof"].location
    assert enclave.district == "nord"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_planning_gap_no_food_near_the_south(catalog):
    """The outer southern district has no food distribution within 2 km of its centre."""
    south = catalog.districts["sued"].geometry
    food = [o for o in catalog.in_category("essen") if o.location]
    assert food
    for centre in (south.centroid, south.representative_point()):
        for offer in food:
            assert _km(centre.y, centre.x, offer.location.lat, offer.location.lon) > 2.0, offer.id
    assert not [o for o in catalog.in_category("essen") if "sued" in (o.service_area or [])]


def _opens_on_sunday(hours: str) -> bool:
    schedule = parse_hours(hours)
    return any(
        rule.spans and (rule.every_day or 6 in rule.weekdays or 6 in rule.nth)
        for rule in schedule.rules
    )


def test_planning_gap_no_counselling_on_sunday(catalog):
    assert _opens_on_sunday("Mo-Su 10:00-12:00") and not _opens_on_sunday("Mo-Fr 10:00-12:00")
    counselling = catalog.in_category("beratung")
    assert counselling
    assert not [o.id for o in counselling if o.opening_hours and _opens_on_sunday(o.opening_hours)]


# --- hours shapes ---------------------------------------------------------------------------


HOURS_SHAPES = {
    "weekday range": r"\b(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su)\b",
    "weekday list": r"\b(Mo|Tu|We|Th|Fr|Sa|Su),(Mo|Tu|We|Th|Fr|Sa|Su)\b",
    "several spans": r"\d\d:\d\d-\d\d:\d\d,\d\d:\d\d-\d\d:\d\d",
    "24/7": r"24/7",
    "off": r"\b(Mo|Tu|We|Th|Fr|Sa|Su) off\b",
    "PH off": r"PH off",
    "PH hours": r"PH \d\d:\d\d",
    "month range": r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b",
    "nth weekday": r"\[\d\]",
    "last weekday": r"\[-1\]",
    "several rules": r"; ",
    "comment": r'"[^"]+"',
}


def _past_midnight(hours: str) -> bool:
    return any(
        int(a[:2]) * 60 + int(a[3:]) > int(b[:2]) * 60 + int(b[3:])
        for a, b in re.findall(r"(\d\d:\d\d)-(\d\d:\d\d)", hours)
    )


def test_every_hours_shape_is_used(catalog):
    hours = [o.opening_hours for o in catalog.offers if o.opening_hours]
    for shape_name, pattern in HOURS_SHAPES.items():
        assert any(re.search(pattern, h) for h in hours), shape_name
    assert any(_past_midnight(h) for h in hours)
    assert any(o.season for o in catalog.offers)


# --- pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, needles",
    [
        ("impressum.md", ["Impressum", "Musterstadt"]),
        ("datenschutz.md", ["Cookies", "<!-- atlas:datenschutz-karten -->", "IP-Adresse"]),
        ("barrierefreiheit.md", ["BITV 2.0", "Schlichtungsstelle", "Feedback"]),
        ("ueber.md", ["Beispieldaten — fiktive Angebote"]),
        ("leichte-sprache.md", ["Leichte"]),
    ],
)
def test_pages(name: str, needles: list[str]):
    text = (CONTENT / "pages" / name).read_text(encoding="utf-8")
    assert text.startswith("# ")
    for needle in needles:
        assert needle in text


def test_no_hand_written_start_page():
    assert not (CONTENT / "pages" / "index.md").exists()
