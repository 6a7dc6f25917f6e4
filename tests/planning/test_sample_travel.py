"""The sample atlas walks on its street network and rides its timetable, and says so: the
reachability page, the Markdown report and the CSV name the method and hold, per district and
category, the shares within 10/20/30 minutes' walk and the door-to-door times by bus."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from bs4 import BeautifulSoup

from build_tools.build import inspect
from build_tools.planning.analysis import analyse
from build_tools.planning.pages import reach_html
from build_tools.planning.report_md import report_csv_files, report_markdown
from build_tools.project import open_project

from ..conftest import ROOT


@pytest.fixture(scope="module")
def result():
    project, problems = open_project(ROOT / "mkdocs.yml")
    assert project is not None, problems
    inputs, problems = inspect(project, date(2026, 11, 22))
    assert not [p for p in problems if p.severity == "error"], problems
    assert inputs.network is not None and inputs.transit is not None
    return analyse(inputs.catalog, inputs.settings.planning, inputs.population,
                   inputs.indicators, inputs.network, inputs.transit)


def test_the_sample_walks_on_its_streets_and_rides_its_buses(result):
    assert result.on_network
    assert result.travel.feed == "content/gtfs.zip"
    assert [w.label for w in result.travel.windows] == ["vormittags", "abends"]
    assert result.travel.day.weekday() == 1  # a Tuesday


def test_the_reachability_page_names_the_method_and_shows_both_tables(result):
    page = BeautifulSoup(reach_html(result), "html.parser")
    intro = page.find("p", class_="atlas-planning-method").text
    assert "Fußweg auf dem Straßennetz (content/musterstadt.osm)" in intro
    assert "vormittags 8–10 Uhr und abends 17–19 Uhr" in intro
    assert "Luftlinie" not in intro
    walk = page.find(id="erreichbarkeit-arbeit").find_next("table")
    heads = [th.text for th in walk.find("thead").find_all("th")]
    assert heads[2:5] == ["Anteil ≤ 10\u00a0min Fußweg", "Anteil ≤ 20\u00a0min Fußweg",
                          "Anteil ≤ 30\u00a0min Fußweg"]
    ride = page.find(id="fahrzeit-arbeit").find_next("table")
    heads = [th.text for th in ride.find("thead").find_all("th")]
    assert "Von der Mitte, vormittags 8–10 Uhr" in heads
    assert "Von der Mitte, abends 17–19 Uhr" in heads


def test_the_job_centre_is_closed_in_the_evening(result):
    # Mo–Fr mornings only: nobody arrives while it is open between 17 and 19 o'clock
    for d in result.districts:
        reach = result.transit[(d.id, "arbeit")]
        assert reach.centre["abends"] is None
        assert reach.shares["abends"][30] == 0.0
    assert result.transit[("innenstadt", "arbeit")].shares["vormittags"][30] > 0.9


def test_markdown_and_csv_carry_the_method_and_the_times(result):
    text = report_markdown(result, "Musterstadt")
    assert "Erreichbarkeit — Gemessen als Fußweg auf dem Straßennetz" in text
    assert "### Bus, Bahn und zu Fuß: Arbeit/Jobcenter" in text
    files = report_csv_files(result)
    rows = list(csv.DictReader(io.StringIO(files["fahrzeit-arbeit.csv"])))
    assert [r["id"] for r in rows] == [d.id for d in result.districts]
    assert rows[0]["Von der Mitte, abends 17–19 Uhr"] == ""
    walk = list(csv.DictReader(io.StringIO(files["erreichbarkeit-arbeit.csv"])))
    assert float(walk[0]["Anteil ≤ 30 min Fußweg"]) > 0.9
