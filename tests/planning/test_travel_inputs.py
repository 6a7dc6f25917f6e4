"""The planning's files in the load phase: a street network, a timetable and a scenario that are
missing or broken are findings at file:line:col in German — never a traceback — and ``atlas
check`` reports exactly what the build would refuse (both call :func:`build_tools.build.inspect`).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest

from build_tools.cli import main

from ..conftest import ROOT
from .travel.builders import stop, trip_rows, weekday_calendar, write_gtfs, write_osm

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


def project(tmp_path, planning: str = "") -> None:
    """The minimal fixture as ``content/`` and a mkdocs.yml with ``planning`` (YAML lines)."""
    shutil.copytree(FIXTURE, tmp_path / "content")
    settings(tmp_path, planning)


def settings(tmp_path, planning: str) -> None:
    """mkdocs.yml with ``planning`` (YAML lines; the first setting is on line 7)."""
    lines = ["site_name: Test", "docs_dir: content/pages", "plugins:", "  - atlas:",
             "      content_dir: content"]
    if planning:
        lines += ["      planning:", *[f"        {line}" for line in planning.splitlines()]]
    (tmp_path / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def checked(tmp_path, monkeypatch, capsys):
    """Run ``atlas check`` in ``tmp_path``: (exit code, stderr lines with a finding)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22

    def run() -> tuple[int, list[str]]:
        code = main(["check"])
        err = capsys.readouterr().err
        assert "Traceback" not in err
        return code, [line for line in err.splitlines() if ": error: " in line
                      or ": warning: " in line]

    return run


def small_street(path):
    nodes = {1: (0.0, 0.0), 2: (500.0, 0.0)}
    return write_osm(path, nodes, [([1, 2], {"highway": "residential"})])


def test_without_travel_files_all_is_well(tmp_path, checked):
    project(tmp_path)
    assert checked() == (0, [])


def test_a_named_network_that_is_missing_points_at_the_setting(tmp_path, checked):
    project(tmp_path, "street_network: stadt.osm.pbf")
    code, lines = checked()
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("mkdocs.yml:7:25: error: atlas.planning.street_network: ")
    assert "OSM-Auszug fehlt: content/stadt.osm.pbf" in lines[0]


def test_broken_xml_is_reported_at_its_line_and_column(tmp_path, checked):
    project(tmp_path)
    (tmp_path / "content" / "stadt.osm").write_text(
        '<?xml version="1.0"?>\n<osm version="0.6">\n  <node id="1" lat="50.8" lon="6.4"/>\n'
        '  <way id="1"><nd ref="1"/>\n</osm>\n', encoding="utf-8")
    code, lines = checked()
    assert code == 1
    assert lines == ["content/stadt.osm:5:3: error: kein lesbarer OSM-Auszug: XML-Fehler in "
                     "Zeile 5, Spalte 3: mismatched tag (die Datei ist kein vollständiges "
                     "OSM-XML)"]


def test_an_extract_without_walkable_ways_is_a_finding(tmp_path, checked):
    project(tmp_path)
    write_osm(tmp_path / "content" / "stadt.osm", {1: (0.0, 0.0), 2: (500.0, 0.0)},
              [([1, 2], {"highway": "motorway"})])
    code, lines = checked()
    assert code == 1 and "keine begehbaren Wege" in lines[0]


def test_two_extracts_need_a_choice(tmp_path, checked):
    project(tmp_path)
    small_street(tmp_path / "content" / "a.osm")
    small_street(tmp_path / "content" / "b.osm")
    code, lines = checked()
    assert code == 1 and "mehrere OSM-Auszüge (a.osm, b.osm)" in lines[0]
    settings(tmp_path, "street_network: b.osm")
    code, found = checked()
    # the one chosen is far from the fixture's districts: a warning each, no error
    assert code == 0 and found and all(": warning: " in line for line in found)
    assert "deckt den Sozialraum" in found[0]


def test_a_zip_that_is_no_zip(tmp_path, checked):
    project(tmp_path)
    (tmp_path / "content" / "gtfs.zip").write_bytes(b"not a zip")
    code, lines = checked()
    assert code == 1
    assert lines[0].startswith("content/gtfs.zip:1:1: error: kein lesbares ZIP-Archiv (GTFS)")


def test_a_feed_without_stop_times_names_what_is_missing(tmp_path, checked):
    project(tmp_path)
    with zipfile.ZipFile(tmp_path / "content" / "gtfs.zip", "w") as archive:
        archive.writestr("stops.txt", "stop_id,stop_lat,stop_lon\nA,50.8,6.4\n")
    code, lines = checked()
    assert code == 1 and "GTFS-Dateien fehlen im ZIP: trips.txt, stop_times.txt" in lines[0]


def test_a_bad_row_is_reported_in_its_member_at_line_and_column(tmp_path, checked):
    project(tmp_path)
    bad = stop("B", 100, 0)
    bad["stop_lat"] = "nördlich"
    write_gtfs(tmp_path / "content" / "gtfs.zip", {
        "stops.txt": [stop("A", 0, 0), bad],
        "trips.txt": [{"route_id": "1", "service_id": "wt", "trip_id": "t"}],
        "stop_times.txt": trip_rows("t", [("A", "08:00"), ("B", "08:05")]),
        "calendar.txt": weekday_calendar(),
    })
    code, lines = checked()
    assert code == 1
    # line 3 of stops.txt (header, A, B); stop_lat is the third column
    assert lines == ["content/gtfs.zip/stops.txt:3:3: error: stop_lat: Haltestelle 'B' ohne "
                     "gültige Koordinaten"]


def test_a_transit_date_outside_the_feed(tmp_path, checked):
    project(tmp_path, "transit_date: 2030-01-08")
    write_gtfs(tmp_path / "content" / "gtfs.zip", {
        "stops.txt": [stop("A", 0, 0), stop("B", 100, 0)],
        "trips.txt": [{"route_id": "1", "service_id": "wt", "trip_id": "t"}],
        "stop_times.txt": trip_rows("t", [("A", "08:00"), ("B", "08:05")]),
        "calendar.txt": weekday_calendar(),
    })
    code, lines = checked()
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("mkdocs.yml:7:23: error: atlas.planning.transit_date: 08.01.2030 "
                               "liegt nicht im Fahrplanzeitraum 01.12.2026–31.12.2027")


def test_a_missing_scenario_file(tmp_path, checked):
    project(tmp_path, "scenario: szenarien/umzug.yml")
    code, lines = checked()
    assert code == 1
    assert lines[0].startswith("mkdocs.yml:7:19: error: atlas.planning.scenario: Szenario-Datei "
                               "fehlt: content/szenarien/umzug.yml")


def test_a_scenario_naming_an_unknown_offer(tmp_path, checked):
    project(tmp_path, "scenario: umzug.yml")
    (tmp_path / "content" / "umzug.yml").write_text(
        "title: Umzug\nchanges:\n  - offer: gibt-es-nicht\n    close: true\n", encoding="utf-8")
    code, lines = checked()
    assert code == 1
    assert lines == ["content/umzug.yml:3:12: error: changes.0.offer: unbekanntes Angebot "
                     "'gibt-es-nicht'"]


def test_a_build_without_travel_files_does_not_import_scipy_or_osmium():
    code = ("import sys; import build_tools.build, build_tools.planning.site; "
            "print(sorted(m for m in ('scipy', 'osmium') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
