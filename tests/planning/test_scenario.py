"""Scenarios: the file is checked at file:line:col; the sample's job centre moving to
Nachbarstadt shows before and after (terminal, Markdown, CSV, page); a confidential offer's
place is never named or marked."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from bs4 import BeautifulSoup

from build_tools.build import inspect
from build_tools.cli import main
from build_tools.planning.analysis import analyse
from build_tools.planning.pages import reach_html
from build_tools.planning.scenario import load_scenario
from build_tools.planning.scenario_compare import compare
from build_tools.planning.scenario_view import scenario_maps, scenario_markdown
from build_tools.project import open_project

from ..conftest import ROOT

SAMPLE = ROOT / "content" / "szenarien" / "jobcenter-nachbarstadt.yml"


@pytest.fixture(scope="module")
def sample():
    project, problems = open_project(ROOT / "mkdocs.yml")
    assert project is not None, problems
    inputs, problems = inspect(project, date(2026, 11, 22))
    assert not [p for p in problems if p.severity == "error"], problems
    before = analyse(inputs.catalog, inputs.settings.planning, inputs.population,
                     inputs.indicators, inputs.network, inputs.transit)
    return inputs, before


def comparison_of(sample, path):
    inputs, before = sample
    scenario, problems = load_scenario(path, inputs.catalog)
    assert scenario is not None, problems
    return compare(inputs.catalog, scenario, before, inputs.population, inputs.indicators,
                   inputs.network, inputs.transit)


def test_the_job_centre_moves_out_of_town(sample):
    c = comparison_of(sample, SAMPLE)
    assert c.changes == ["Jobcenter Musterstadt zieht nach Nachbarstadt."]
    assert [cat for cat, _ in c.categories] == ["arbeit"]
    ride = [h for h in c.headlines if "Fahrzeit" in h]
    assert len(ride) == 1
    assert ride[0].startswith("Jobcenter Musterstadt nach Nachbarstadt: Bewohner mit ≤ 30\u00a0min "
                              "Fahrzeit (vormittags 8–10 Uhr) ")
    assert "Menschen mit Bedarf (SGB-II-Quote) verlieren diese Erreichbarkeit" in ride[0]
    innenstadt = next(r for r in c.tables[0].rows if r[0].raw == "innenstadt")
    columns = c.tables[0].columns
    old = innenstadt[columns.index("≤ 30\u00a0min Fahrzeit vormittags vorher")].raw
    new = innenstadt[columns.index("≤ 30\u00a0min Fahrzeit vormittags nachher")].raw
    assert old > 0.9 and new < 0.2
    # closed in the evening before and after: no evening column
    assert not any("abends" in column for column in columns)
    # the "before" keeps its own figures
    assert round(sample[1].transit[("innenstadt", "arbeit")].shares["vormittags"][30], 4) == old


def test_markdown_and_maps_of_the_move(sample):
    c = comparison_of(sample, SAMPLE)
    text = scenario_markdown(c)
    assert text.startswith("## Szenario: Das Jobcenter zieht nach Nachbarstadt\n")
    assert "### Szenario: Arbeit/Jobcenter" in text
    maps = scenario_maps(c)
    assert [m["when"] for m in maps[0]["maps"]] == ["vorher", "nachher"]
    after = maps[0]["maps"][1]
    assert "Quadrat: neuer Standort" in after["caption"]
    assert "außerhalb der Karte" in after["caption"]


def test_the_reachability_page_shows_the_committed_scenario(sample):
    c = comparison_of(sample, SAMPLE)
    page = BeautifulSoup(reach_html(sample[1], scenario=c), "html.parser")
    heading = page.find(id="szenario")
    assert heading.text == "Szenario: Das Jobcenter zieht nach Nachbarstadt"
    assert page.find(id="szenario-arbeit") is not None
    assert len(page.select(".atlas-scenario-maps svg")) == 2


def test_a_confidential_offer_is_never_placed(sample, tmp_path):
    path = tmp_path / "frauenhaus.yml"
    path.write_text("title: Umzug\nchanges:\n  - offer: frauenhaus-musterstadt\n"
                    "    move: {lat: 50.79, lon: 6.47}\n", encoding="utf-8")
    c = comparison_of(sample, path)
    assert c.changes == ["Frauenhaus Musterstadt zieht um (der neue Ort ist vertraulich)."]
    assert c.moves == []
    assert all("nach " not in h.split(":")[0] for h in c.headlines)
    for section in scenario_maps(c):
        for one in section["maps"]:
            assert "Frauenhaus" not in one["svg"]


def test_a_committed_scenario_that_moves_a_confidential_place_is_warned(sample, tmp_path):
    inputs, _ = sample
    path = tmp_path / "frauenhaus.yml"
    path.write_text("title: Umzug\nchanges:\n  - offer: frauenhaus-musterstadt\n"
                    "    move: {lat: 50.79, lon: 6.47}\n", encoding="utf-8")
    scenario, problems = load_scenario(path, inputs.catalog, "content/frauenhaus.yml",
                                       committed=True)
    assert scenario is not None
    assert [(p.line, p.col, p.severity) for p in problems] == [(4, 11, "warning")]


@pytest.mark.parametrize(("text", "where", "message"), [
    ("title: X\nchanges:\n  - offer: jobcenter-musterstadt\n", "3:5",
     "was ändert sich?"),
    ("title: X\nchanges:\n  - offer: jobcenter-musterstadt\n    opening_hours: 'Mo-Zz 9-10'\n",
     "4:20", "Öffnungszeiten nicht lesbar"),
    ("title: X\nchanges:\n  - new: {id: neu, title: Neu, category: gibts-nicht, lat: 50.8,"
     " lon: 6.48}\n", "3:42", "unbekannte Kategorie 'gibts-nicht'"),
    ("title: X\nchanges: [\n", "3:1", ""),
])
def test_errors_in_the_file_at_line_and_column(sample, tmp_path, text, where, message):
    path = tmp_path / "s.yml"
    path.write_text(text, encoding="utf-8")
    scenario, problems = load_scenario(path, sample[0].catalog, "s.yml")
    assert scenario is None
    first = problems[0].format_text()
    assert first.startswith(f"s.yml:{where}: error: "), first
    assert message in first


def test_atlas_report_scenario_prints_before_and_after(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")
    out = tmp_path / "bericht"
    code = main(["report", "--config", str(ROOT / "mkdocs.yml"), "--format", "md",
                 "--format", "csv", "--out", str(out), "--scenario", str(SAMPLE)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "# Szenario: Das Jobcenter zieht nach Nachbarstadt" in captured.out
    assert "Jobcenter Musterstadt nach Nachbarstadt: Bewohner mit ≤ 30\u00a0min Fahrzeit" \
        in captured.out
    assert "## Szenario: Das Jobcenter zieht nach Nachbarstadt" in (
        out / "planungsbericht.md").read_text(encoding="utf-8")
    assert (out / "szenario-arbeit.csv").is_file()


def test_atlas_report_scenario_with_a_broken_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")
    bad = tmp_path / "kaputt.yml"
    shutil.copy(SAMPLE, bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace("jobcenter-musterstadt",
                                                           "jobcentre"), encoding="utf-8")
    code = main(["report", "--config", str(ROOT / "mkdocs.yml"), "--format", "md",
                 "--out", str(tmp_path / "b"), "--scenario", str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert ":10:12: error: changes.0.offer: unbekanntes Angebot 'jobcentre'" in err
    assert "Traceback" not in err
