"""The /daten/ page: downloads with sizes, licence, escaped values, DCAT-AP.de JSON-LD."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from types import SimpleNamespace

from export_fixtures import fixture_catalog

from build_tools.exports.data_page import human_size
from build_tools.exports.site import render
from tests.buildkit import tools


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []
        elif tag == "a":
            self.links.append(attrs.get("href"))
        elif tag == "script":
            self._script = attrs

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
            self._script = None
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _page(catalog):
    contribution = render(SimpleNamespace(catalog=catalog), tools())
    [page] = contribution.pages
    parser = _Page()
    parser.feed(page.html)
    return contribution, page, parser


def test_page_and_files(catalog):
    contribution, page, parser = _page(catalog)
    assert (page.path, page.title) == ("daten/", "Offene Daten")
    sizes = {f.path: len(f.data) for f in contribution.files}
    assert set(sizes) == {
        "daten/angebote.geojson", "daten/angebote.csv", "daten/hsds/services.json",
        "daten/hsds/organizations.json", "daten/hsds/service_at_locations.json",
        "daten/hsds/taxonomies.json", "daten/hsds/taxonomy_terms.json", "daten/hsds/datapackage.json"}
    body = [row for row in parser.rows if row]
    assert len(body) == len(sizes)
    assert body[0][0] == "angebote.geojson"
    assert body[0][3] == human_size(sizes["daten/angebote.geojson"])
    assert "angebote.csv" in parser.links and "hsds/services.json" in parser.links
    text = "".join(parser.text)
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in text
    assert "dl-de/by-2-0" in text
    assert "4 Angebote, Stand 22.11.2026." in text


def test_jsonld_is_dcat_ap_de(catalog):
    contribution, _, parser = _page(catalog)
    [(attrs, raw)] = parser.scripts
    assert attrs["type"] == "application/ld+json"
    data = json.loads(raw)
    assert data["@type"] == "dcat:Dataset"
    assert data["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/dl-by-de/2.0"}
    assert data["dcatde:licenseAttributionByText"] == "Angebotsatlas"
    assert data["dct:modified"]["@value"] == "2026-11-22"
    sizes = {f"https://hilfe.example/{f.path}": len(f.data) for f in contribution.files}
    dists = {d["dcat:downloadURL"]["@id"]: d for d in data["dcat:distribution"]}
    assert set(dists) == set(sizes)
    for url, dist in dists.items():
        assert int(dist["dcat:byteSize"]["@value"]) == sizes[url]


def test_licence_and_attribution_are_configurable_and_escaped():
    catalog = fixture_catalog(exports={"license": "dl-de/zero-2-0", "attribution": "<b>X</b>"},
                              publisher='Stadt "</script><script>alert(1)</script>"',
                              name="Atlas <i>")
    _, page, parser = _page(catalog)
    assert "<script>alert(1)" not in page.html
    assert "<i>" not in page.html and "<b>X</b>" not in page.html
    [(_, raw)] = parser.scripts
    data = json.loads(raw)
    assert data["dct:publisher"]["foaf:name"] == 'Stadt "</script><script>alert(1)</script>"'
    assert data["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"}
    assert "dcatde:licenseAttributionByText" not in data  # zero: no attribution required
    assert "Datenlizenz Deutschland – Zero – Version 2.0" in "".join(parser.text)


def test_attribution_shown(catalog):
    catalog = fixture_catalog(exports={"attribution": "Stadt Musterstadt & Partner"})
    _, page, parser = _page(catalog)
    assert "Stadt Musterstadt &amp; Partner" in page.html
    assert "Stadt Musterstadt & Partner" in "".join(parser.text)


def test_human_size():
    assert human_size(999) == "999 Bytes"
    assert human_size(12_345) == "12,3 kB"
    assert human_size(1_234_567) == "1,2 MB"
