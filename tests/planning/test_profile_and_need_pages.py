"""District profiles, /planung/bedarf/ and the indicators on /daten/, read through a parser."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from build_tools.build import load
from build_tools.exports.site import render as exports_render
from build_tools.pages.lists import category_page, district_page
from build_tools.pages.site import page_inputs
from build_tools.planning.site import render as planning_render
from build_tools.urls import parse_path

from ..buildkit import tools
from ..htmlquery import parse

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 22)


def sample_inputs(**planning):
    """The sample atlas as mkdocs.yml describes it, with these planning settings."""
    import yaml

    from build_tools.project import atlas_block, open_project

    block, _ = atlas_block(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    project, problems = open_project(ROOT / "mkdocs.yml", options={**block, "planning": planning})
    assert project is not None, problems
    return load(project, DAY)


@pytest.fixture(scope="module")
def inputs():
    return sample_inputs()


def profile_of(inputs, district_id="sued"):
    html = district_page(page_inputs(inputs, tools()), district_id).html
    found = parse(html).find_all("details", id="profil")
    return found[0] if found else None


def test_district_page_shows_the_profile_before_the_offers(inputs):
    html = district_page(page_inputs(inputs, tools()), "sued").html
    assert html.index('id="profil"') < html.index('id="atlas-liste"')
    profile = profile_of(inputs)
    terms = [dt.text for dt in profile.find_all("dt")]
    assert terms[:2] == ["SGB-II-Quote", "Kinder in Bedarfsgemeinschaften"]
    first = profile.find_all("dd")[0]
    assert "16,9\u00a0% · Stadt 11,2\u00a0%" in " ".join(first.text.split(" "))
    trend = first.find_all("svg")[0]
    assert trend.attrs["role"] == "img"
    assert trend.attrs["aria-label"].startswith("Verlauf SGB-II-Quote: 2021: 14,8\u00a0%; "
                                                "2023: 15,9\u00a0%; 2025: 16,9\u00a0%")
    meta = profile.find_all("dd")[1].text
    assert "Stand 31.12.2025" in meta and "Erfundene Beispielzahlen" in meta
    assert "diese Zahlen sind erfunden" in profile.text  # the sample says so


def test_counts_compare_with_the_total(inputs):
    profile = profile_of(inputs)
    rows = dict(zip([dt.text for dt in profile.find_all("dt")],
                    [dd.text for dd in profile.find_all("dd")][::2], strict=True))
    assert "18 · Stadt gesamt 130" in rows["Menschen in Notunterbringung"]


def test_profile_switched_off_and_not_on_category_pages(inputs):
    assert category_page(page_inputs(inputs, tools()), "essen").html.count("atlas-profile") == 0
    closed = sample_inputs(public_profiles=False)
    assert profile_of(closed) is None


def test_need_page_maps_tables_and_filter(inputs):
    pages = {p.path: p for p in planning_render(inputs, tools()).pages}
    assert parse_path("planung/bedarf/") == ("planning", "bedarf")
    page = pages["planung/bedarf/"]
    assert page.meta["robots"] == "noindex"
    tree = parse(page.html)
    nav = [a.text for a in tree.find_all("nav")[0].find_all("a")]
    assert nav == ["Übersicht", "Versorgung", "Erreichbarkeit", "Zeiten", "Bedarf"]
    essen = tree.find_all("h2", id="bedarf-essen-sgb2_quote")[0]
    assert essen.text == "Essen/Tafel — Bedarf: SGB-II-Quote"
    table = tree.find_all("table", data_atlas_filter=True)[1]
    first = table.find_all("tbody")[0].find_all("tr")[0]
    assert "data-atlas-flagged" in first.attrs
    assert first.find_all("th")[0].text == "Süd"
    assert first.find_all("td")[-1].text == "⚠ kein Angebot in 2\u00a0km"
    svg = tree.find_all("figure", id="karte-bedarf-essen-sgb2_quote")[0].find_all("svg")[0]
    names = [t.text for t in svg.find_all("text")]
    assert {"Süd", "Nord", "Innenstadt"} <= set(names)
    assert "1" in names  # Süd's rank
    titles = [t.text for t in svg.find_all("title")]
    assert any(t.startswith("Süd: SGB-II-Quote 16,9\u00a0% — Rang 1: hoher Bedarf") for t in titles)
    small = tree.find_all("figure", id="kennzahl-beschaeftigung")[0]
    assert small.find_all("svg")[0].find_all("path")  # a small map for every indicator
    overview = parse(pages["planung/"].html)
    assert any("atlas-finding-need" in li.classes() for li in overview.find_all("li"))


def test_legend_reads_in_greyscale():
    from build_tools.planning.indicator_map import NEED_COLOURS

    def luminance(colour: str) -> float:
        r, g, b = (int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5))
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    steps = [luminance(c) for c in NEED_COLOURS]
    assert steps == sorted(steps, reverse=True)
    assert min(a - b for a, b in zip(steps, steps[1:], strict=False)) > 0.1


def test_no_need_page_without_indicators(tmp_path, inputs):
    from dataclasses import replace

    pages = planning_render(replace(inputs, indicators=None), tools()).pages
    assert "planung/bedarf/" not in [p.path for p in pages]
    assert "Bedarf" not in [a.text for a in parse(pages[0].html).find_all("a")]


def test_indicators_on_the_open_data_page(inputs):
    contribution = exports_render(inputs, tools())
    files = {f.path: f.data for f in contribution.files}
    values = list(csv.DictReader(io.StringIO(files["daten/kennzahlen.csv"].decode("utf-8-sig")),
                                 delimiter=";"))
    assert len(values) == 7 * 6 * 3  # indicators × districts × years
    sued = next(r for r in values if r["sozialraum_id"] == "sued" and r["jahr"] == "2025"
                and r["kennzahl"] == "sgb2_quote")
    assert sued == {"sozialraum_id": "sued", "sozialraum": "Süd", "kennzahl": "sgb2_quote",
                    "jahr": "2025", "wert": "16.9", "einheit": "%"}
    unknown = next(r for r in values if r["sozialraum_id"] == "roelsdorf-feld"
                   and r["jahr"] == "2021" and r["kennzahl"] == "kinder_sgb2")
    assert unknown["wert"] == ""
    meta = list(csv.DictReader(io.StringIO(
        files["daten/kennzahlen-metadaten.csv"].decode("utf-8-sig")), delimiter=";"))
    assert meta[0]["lizenz"] == "dl-de/by-2-0"
    assert meta[0]["namensnennung"] == "Stadt Musterstadt (fiktiv)"
    assert meta[0]["stichtag"] == "2025-12-31" and meta[0]["bedarf_fuer"] == "essen beratung arbeit"
    page = parse(contribution.pages[0].html)
    links = [a.attrs["href"] for a in page.find_all("a")]
    assert "kennzahlen.csv" in links and "kennzahlen-metadaten.csv" in links
    assert "keine Zellen eines Bevölkerungsgitters" in page.text


def test_no_indicators_on_the_open_data_page_when_kept_internal():
    files = [f.path for f in exports_render(sample_inputs(public_profiles=False), tools()).files]
    assert not [p for p in files if "kennzahlen" in p]
