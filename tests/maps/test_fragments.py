"""Map fragments: escaping, determinism, confidentiality, no CDN, the shape of the config."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from build_tools import maps, urls
from build_tools.maps import spec
from build_tools.maps.site import overview_data_bytes
from build_tools.maps.site import render as maps_family
from build_tools.resources import assets_dir
from build_tools.schema import Category

from .conftest import CATEGORIES, make_catalog, make_offer, sample_offers

EVIL = [
    "</script><img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<!-- </script --><script>alert(1)</script>",
    "Tafel & Café 'Nord' \u00a0 <b> ${x} `y` \\u003c",
]
ALLOWED_TAGS = {"link", "div", "a", "p", "script", "span", "button", "label", "input"}
ALLOWED_ATTRS = {
    "rel", "href", "class", "id", "hidden", "role", "aria-label", "src", "defer", "type",
    "tabindex", "data-atlas-map", "data-atlas-canvas", "data-atlas-map-status", "data-atlas-config",
    "data-atlas-consent", "data-atlas-consent-button", "data-atlas-tools", "data-atlas-open-only",
    # the offer page's lazy map: asset URLs for atlas-lazymap.js, its placeholder and button
    "data-atlas-lazy", "data-atlas-css", "data-atlas-js", "data-atlas-placeholder", "data-atlas-load",
}
CDN_RE = re.compile(
    r"cdn\.|jsdelivr|unpkg|cdnjs|cloudflare|code\.jquery|bootstrapcdn|googleapis|gstatic"
    r"|fontawesome|rawgit|githack",
    re.IGNORECASE,
)


class Collect(HTMLParser):
    """Every start tag with its attributes, and the text of JSON script blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.json_blocks: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        self._in_json = tag == "script" and attributes.get("type") == "application/json"
        if self._in_json:
            self.json_blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_blocks[-1] += data


def parse(fragment: str) -> Collect:
    parser = Collect()
    parser.feed(fragment)
    parser.close()
    return parser


def config_of(fragment: str) -> dict:
    blocks = parse(fragment).json_blocks
    assert len(blocks) == 1
    return json.loads(blocks[0])


def all_fragments(catalog) -> dict[str, str]:
    out = {"overview": maps.overview_map_html(catalog, urls.map_path())}
    for offer in catalog.published:
        out[f"offer:{offer.id}"] = maps.offer_map_html(catalog, offer, urls.offer_path(offer.id))
    for cat_id in catalog.categories:
        out[f"category:{cat_id}"] = maps.category_map_html(
            catalog, cat_id, urls.category_path(cat_id))
    for dist_id in catalog.districts:
        out[f"district:{dist_id}"] = maps.district_map_html(
            catalog, dist_id, urls.district_path(dist_id))
    return out


def evil_catalog(text: str):
    categories = [Category(id=c.id, label=f"{c.label} {text}", color=c.color) for c in CATEGORIES]
    offers = [
        make_offer("evil-one", title=text, category="essen", lat=50.85, lon=6.47),
        make_offer("evil-two", title=f"x{text}y", category="hygiene", lat=50.75, lon=6.5,
                   district="sued"),
    ]
    catalog = make_catalog(offers, categories=categories)
    for district in catalog.districts.values():
        district.name = f"{district.name} {text}"
    return catalog


@pytest.mark.parametrize("text", EVIL)
def test_yaml_values_cannot_break_out(text):
    catalog = evil_catalog(text)
    fragments = {name: html for name, html in all_fragments(catalog).items() if html}
    assert len(fragments) == 7  # overview, 2 offers, 2 categories, 2 districts
    for name, fragment in fragments.items():
        parsed = parse(fragment)
        for tag, attrs in parsed.tags:
            assert tag in ALLOWED_TAGS, (name, tag)
            assert set(attrs) <= ALLOWED_ATTRS, (name, tag, attrs)
        # Exactly one JSON block, and it ends where we ended it.
        config = config_of(fragment)
        assert [a.get("type") for t, a in parsed.tags if t == "script"].count(
            "application/json") == 1
        assert "<" not in parsed.json_blocks[0] and ">" not in parsed.json_blocks[0]
        # Values parse back to the very strings from YAML.
        labels = {c["id"]: c["label"] for c in config["categories"]}
        for cat_id, label in labels.items():
            assert label == catalog.categories[cat_id].label
        for row in config["markers"] or []:
            assert row[1] == catalog.offer(row[0]).title
        for area in config["areas"]:
            assert area["name"] in {d.name for d in catalog.districts.values()}
        canvas = [a for t, a in parsed.tags if "data-atlas-canvas" in a]
        assert len(canvas) == 1 and canvas[0]["role"] == "region"
    offer_config = config_of(fragments["offer:evil-one"])
    assert offer_config["markers"][0][1] == text
    canvas = [a for t, a in parse(fragments["offer:evil-one"]).tags if a.get("role") == "region"]
    assert canvas[0]["aria-label"] == f"Karte: {text}"
    data = json.loads(overview_data_bytes(catalog))
    assert [row[1] for row in data["offers"]] == [text, f"x{text}y"]


def test_attribution_html_is_sanitised():
    catalog = make_catalog(
        sample_offers(),
        attribution='<a href="javascript:alert(1)" onclick="x()">A</a><script>alert(2)</script>'
        '<a href="https://www.openstreetmap.org/copyright">OSM</a><img src=x onerror=y>',
    )
    options = config_of(maps.overview_map_html(catalog, "karte/"))["tiles"]["options"]
    attribution = options["attribution"]
    assert "javascript:" not in attribution and "onclick" not in attribution
    assert "<script" not in attribution and "<img" not in attribution
    assert 'href="https://www.openstreetmap.org/copyright"' in attribution


def test_tiles_must_be_http():
    catalog = make_catalog(sample_offers(), tiles="javascript:alert(1)//{z}/{x}/{y}")
    with pytest.raises(ValueError, match="tiles"):
        maps.overview_map_html(catalog, "karte/")


def test_output_is_deterministic(catalog):
    first = all_fragments(catalog)
    second = all_fragments(make_catalog(sample_offers()))
    assert first == second
    assert overview_data_bytes(catalog) == overview_data_bytes(make_catalog(sample_offers()))


_DIGEST_SCRIPT = """
import hashlib
from tests.maps.conftest import make_catalog, sample_offers
from tests.maps.test_fragments import all_fragments
from build_tools.maps.site import overview_data_bytes
catalog = make_catalog(sample_offers())
text = "".join(all_fragments(catalog).values()).encode() + overview_data_bytes(catalog)
print(hashlib.sha256(text).hexdigest())
"""


def test_output_is_identical_across_processes():
    root = Path(__file__).resolve().parents[2]
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        result = subprocess.run([sys.executable, "-c", _DIGEST_SCRIPT], cwd=root, env=env,
                                capture_output=True, text=True, check=True, timeout=120)
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_descriptions_do_not_depend_on_folium_ids():
    """folium names every element with a random id; nothing of it reaches the description."""
    def describe_once() -> str:
        draft = spec.build_map((50.8, 6.48), 13, "https://tiles.example/{z}/{x}/{y}.png", "T")
        spec.add_category_groups(draft, [("essen", "Essen", "#b34700")], cluster=True, control=True)
        draft.fit_bounds([[50.7, 6.4], [50.9, 6.6]], padding=(10, 10), max_zoom=16)
        return json.dumps(spec.describe(draft), sort_keys=True)

    assert describe_once() == describe_once()


def test_confidential_offers_never_reach_a_map(catalog):
    secret = catalog.offer("frauenhaus")
    assert maps.offer_map_html(catalog, secret, urls.offer_path("frauenhaus")) == ""
    outputs = list(all_fragments(catalog).values())
    outputs += [f.data.decode() for f in maps_family(SimpleNamespace(catalog=catalog), None).files]
    for text in outputs:
        assert "frauenhaus" not in text
        assert str(secret.location.lat) not in text and str(secret.location.lon) not in text
    essen = config_of(maps.category_map_html(catalog, "essen", "kategorien/essen/"))
    assert [r[0] for r in essen["markers"]] == ["beratung-sued", "tafel-nord"]


def test_nothing_to_place_gives_empty_string():
    catalog = make_catalog([make_offer("geheim", confidential=True)])
    assert maps.overview_map_html(catalog, "karte/") == ""
    assert maps.category_map_html(catalog, "essen", "kategorien/essen/") == ""
    assert maps.district_map_html(catalog, "gibt-es-nicht", "sozialraeume/x/") == ""
    # A district's outline alone is still a map.
    district = config_of(maps.district_map_html(catalog, "nord", "sozialraeume/nord/"))
    assert district["markers"] == [] and district["areas"]


def test_no_cdn_and_only_relative_asset_urls(catalog):
    for name, fragment in all_fragments(catalog).items():
        assert not CDN_RE.search(fragment), name
        for tag, attrs in parse(fragment).tags:
            url = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
            if url:
                assert not re.match(r"^([a-z]+:)?//", url), (name, url)
                assert "assets/" in url
        hosts = set(re.findall(r"https?://([^/\"\\]+)", fragment))
        assert hosts <= {"tile.openstreetmap.org", "www.openstreetmap.org"}, (name, hosts)
    for path in assets_dir().rglob("*"):
        if path.suffix in {".js", ".css", ".html"} and (
            "vendor" in path.parts or path.name.startswith("atlas-map")
        ):
            assert not CDN_RE.search(path.read_text(encoding="utf-8")), path


def test_asset_urls_point_at_existing_files(catalog):
    fragment = maps.overview_map_html(catalog, "karte/")
    named = []
    for tag, attrs in parse(fragment).tags:
        named += [attrs.get("src") or (attrs.get("href") if tag == "link" else None)]
        named += (attrs.get("data-atlas-css") or "").split() + (attrs.get("data-atlas-js") or "").split()
    assert len([url for url in named if url]) == 7  # lazymap + 3 stylesheets + 3 scripts
    for url in named:
        if url:
            relative = url.split("?")[0].split("assets/", 1)[1]
            assert (assets_dir() / relative).is_file(), url


def test_the_offer_map_is_lazy(catalog):
    """No Leaflet tag in an offer page: atlas-lazymap.js alone, with the files it fetches later
    named in data attributes (relative, existing); other maps load Leaflet as before."""
    fragment = maps.offer_map_html(catalog, catalog.offer("tafel-nord"), "angebote/tafel-nord/")
    tags = parse(fragment).tags
    assert [a["src"].split("?")[0] for t, a in tags if t == "script" and "src" in a] == [
        "../../assets/javascripts/atlas-lazymap.js"]
    assert [t for t, a in tags if t == "link"] == []
    (root,) = [a for t, a in tags if "data-atlas-map" in a]
    assert "data-atlas-lazy" in root and "hidden" in root
    named = root["data-atlas-css"].split() + root["data-atlas-js"].split()
    assert [u.split("?")[0].rsplit("/", 1)[1] for u in named] == [
        "leaflet.css", "atlas-map.css", "leaflet.js", "atlas-map.js"]
    for url in named:
        assert url.startswith("../../assets/")
        assert (assets_dir() / url.split("?")[0].split("assets/", 1)[1]).is_file(), url
    assert "Karte anzeigen</button>" in fragment


@pytest.mark.parametrize("kind", ["category", "district", "overview"])
def test_list_and_overview_maps_are_lazy_with_their_clusters_in_order(catalog, kind):
    """A list's map comes after the list on phones: no Leaflet tag in the page either, and the
    cluster files are fetched between Leaflet and atlas-map.js (each needs the one before)."""
    page, fragment = {
        "category": ("kategorien/essen/", lambda p: maps.category_map_html(catalog, "essen", p)),
        "district": ("sozialraeume/nord/", lambda p: maps.district_map_html(catalog, "nord", p)),
        "overview": ("karte/", lambda p: maps.overview_map_html(catalog, p)),
    }[kind]
    tags = parse(fragment(page)).tags
    assert [a["src"].split("?")[0].rsplit("/", 1)[1] for t, a in tags
            if t == "script" and "src" in a] == ["atlas-lazymap.js"]
    assert [t for t, a in tags if t == "link"] == []
    (root,) = [a for t, a in tags if "data-atlas-map" in a]
    names = [u.split("?")[0].rsplit("/", 1)[1] for u in root["data-atlas-js"].split()]
    styles = [u.split("?")[0].rsplit("/", 1)[1] for u in root["data-atlas-css"].split()]
    if "markercluster.js" in " ".join(names):
        assert names == ["leaflet.js", "leaflet.markercluster.js", "atlas-map.js"]
        assert styles == ["leaflet.css", "MarkerCluster.css", "atlas-map.css"]
    else:
        assert names == ["leaflet.js", "atlas-map.js"] and styles == ["leaflet.css", "atlas-map.css"]
    assert kind != "overview" or "leaflet.markercluster.js" in names  # the overview clusters


def test_offer_links_use_the_url_authority(catalog):
    for page, kind in [("angebote/tafel-nord/", "offer"), ("kategorien/essen/", "category"),
                       ("karte/", "overview")]:
        if kind == "offer":
            fragment = maps.offer_map_html(catalog, catalog.offer("tafel-nord"), page)
        elif kind == "category":
            fragment = maps.category_map_html(catalog, "essen", page)
        else:
            fragment = maps.overview_map_html(catalog, page)
        template = config_of(fragment)["offerUrl"]
        assert template.replace("{id}", "dusche-nord") == urls.relative_url(
            page, urls.offer_path("dusche-nord")
        )


def test_overview_is_driven_by_data(catalog):
    config = config_of(maps.overview_map_html(catalog, "karte/"))
    assert config["markers"] is None
    assert config["data"] == "angebote.json"
    assert config["cluster"]["chunkedLoading"] is True
    assert [g["category"] for g in config["groups"]] == ["essen", "hygiene", "beratung"]
    assert config["layerControl"]["collapsed"] is True
    files = maps_family(SimpleNamespace(catalog=catalog), None).files
    assert [f.path for f in files] == ["karte/angebote.json"]
    data = json.loads(files[0].data)
    assert data["fields"] == ["id", "title", "category", "lat", "lon"]
    assert [r[0] for r in data["offers"]] == ["beratung-sued", "dusche-nord", "tafel-nord"]


def test_consent_markup():
    catalog = make_catalog(sample_offers(), consent=True)
    fragment = maps.offer_map_html(catalog, catalog.offer("tafel-nord"), "angebote/tafel-nord/")
    parsed = parse(fragment)
    buttons = [a for t, a in parsed.tags if t == "button"]
    # The consent button, then the lazy map's own ("Karte anzeigen", for a later page of the
    # session on which consent is already given).
    assert buttons == [{"type": "button", "class": "md-button", "data-atlas-consent-button": None},
                       {"type": "button", "class": "md-button", "data-atlas-load": None}]
    assert "Karte laden</button>" in fragment
    assert "tile.openstreetmap.org" in fragment.split("<script")[0]
    assert config_of(fragment)["consent"] is True


def test_accessibility_hooks(catalog):
    fragment = maps.district_map_html(catalog, "nord", "sozialraeume/nord/")
    parsed = parse(fragment)
    skip = [a for t, a in parsed.tags if t == "a"]
    assert skip[0]["href"] == "#atlas-map-district-ende"
    assert "Karte überspringen" in fragment
    assert [a for t, a in parsed.tags if a.get("id") == "atlas-map-district-ende"]
    canvas = [a for t, a in parsed.tags if a.get("role") == "region"][0]
    assert canvas["aria-label"] == "Karte: Sozialraum Nord"
    assert "\n\n" not in fragment  # stays one raw-HTML block inside Markdown
