"""Every offer count of the built sample agrees: home, map page, A–Z and /planung/ (and their
language trees) read from the built HTML, the map's markers from ``karte/angebote.json``; any
difference is said in words next to the number (no browser needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from build_tools import urls
from build_tools.i18n import catalogue

from ..conftest import CONTENT
from ..htmlquery import parse

pytestmark = pytest.mark.xdist_group("browser")


def _page(site: Path, path: str):
    return parse((site / path / "index.html").read_text(encoding="utf-8"))


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.text).strip()


def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not in {text[:300]!r}"
    return int(found.group(1))


def _content_figures() -> dict[str, int]:
    """The sample's offers as the YAML files say, counted without the build's code."""
    listed = placed = mobile = protected = 0
    for file in sorted((CONTENT / "offers").glob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        if data.get("status") == "ended":
            continue
        listed += 1
        location = data.get("location")
        if location is None:
            mobile += 1
        elif location.get("confidential"):
            protected += 1
        else:
            placed += 1
    return {"listed": listed, "placed": placed, "mobile": mobile, "protected": protected}


def test_home_map_az_and_planning_give_one_count(built_site: Path):
    figures = _content_figures()
    listed = figures["listed"]
    home = _text(_page(built_site, "").find("p", **{"class": "atlas-lead"}))
    assert _number(r"^(\d+) Hilfeangebote", home) == listed

    az = _page(built_site, urls.offers_index_path())
    assert _number(r"(\d+) Angebote, alphabetisch", _text(az)) == listed
    assert len({li.attrs["data-atlas-offer"] for li in az.find_all("li")
                if "data-atlas-offer" in li.attrs}) == listed

    karte = _page(built_site, urls.map_path())
    lead = _text(karte.find("h1").parent)
    assert _number(r"(\d+) Angebote, davon", lead) == listed
    on_map = _number(r"davon (\d+) mit festem Ort auf der Karte", lead)
    markers = json.loads((built_site / urls.map_data_path()).read_text(encoding="utf-8"))["offers"]
    assert on_map == len(markers) == figures["placed"]
    # the difference, in words, adds up
    assert _number(r"Nur in der Liste: (\d+) ohne festen Ort", lead) == figures["mobile"]
    assert _number(r"(\d+) mit geschützter Adresse", lead) == figures["protected"]
    assert on_map + figures["mobile"] + figures["protected"] == listed
    assert len({li.attrs["data-atlas-offer"] for li in karte.find_all("li")
                if "data-atlas-offer" in li.attrs}) == listed

    planning = _text(_page(built_site, urls.planning_path()))
    assert _number(r"Von (\d+) Angeboten im Atlas", planning) == listed
    counted = _number(r"(\d+) gezählte Angebote am", planning)
    assert _number(r"im Atlas zählen (\d+);", planning) == counted
    paused = _number(r"(\d+) vorübergehend geschlossen", planning)
    seasonal = _number(r"(\d+) außerhalb (?:seiner|ihrer) Saison", planning)
    assert counted + paused + seasonal == listed
    assert "Stichtag ist der" in planning


@pytest.mark.parametrize("lang", ["en", "uk", "ar", "tr"])
def test_the_language_trees_give_the_same_counts(built_site: Path, lang):
    figures = _content_figures()
    n = catalogue(lang).counts
    home = _text(_page(built_site, urls.language_path(lang, "")).find("p", **{"class": "atlas-lead"}))
    assert home == n["home_lead"](figures["listed"])
    az = _text(_page(built_site, urls.language_path(lang, urls.offers_index_path())))
    assert n["az_count"](figures["listed"]) in az
    karte = _text(_page(built_site, urls.language_path(lang, urls.map_path())))
    assert n["map_some"](figures["listed"], placed=figures["placed"]) in karte
    assert n["map_mobile"](figures["mobile"]) in karte and n["map_protected"](figures["protected"]) in karte


def test_no_sentence_puts_one_before_a_plural(built_site: Path):
    """"1 Angebote", "1 geschützte Angebote", "1 Sozialräumen": nowhere on the German pages."""
    wrong = re.compile(r"(?<![\d.,])1 (?:\w+ )?(?:Angebote|Angeboten|Sozialräume|Sozialräumen|Kategorien)\b")
    offenders = []
    for file in sorted(built_site.rglob("index.html")):
        relative = file.relative_to(built_site).as_posix()
        if relative.split("/")[0] in ("en", "uk", "ar", "tr"):
            continue
        text = re.sub(r"\s+", " ", parse(file.read_text(encoding="utf-8")).text)
        offenders += [f"{relative}: {m.group(0)}" for m in wrong.finditer(text)]
    assert not offenders, offenders[:10]
