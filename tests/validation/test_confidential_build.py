"""A confidential place with only its district builds into a site that never shows a point.

The sample's women's shelter (content/offers/frauenhaus-musterstadt.yml) has no lat/lon in
Git: ``atlas build`` must build it — page, lists, exports, planning — without a crash and
without inventing coordinates.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.yamlio import load_yaml_file

from ..conftest import ROOT

ATLAS = Path(sys.executable).with_name("atlas")
SHELTER = "frauenhaus-musterstadt"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    for name in ("content", "flyers"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    target = project / "site"
    done = subprocess.run([str(ATLAS), "build", "--site-dir", str(target)], cwd=project,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    return target


def test_the_sample_shelter_has_no_coordinates_in_git():
    location = load_yaml_file(ROOT / "content" / "offers" / f"{SHELTER}.yml").data["location"]
    assert location.get("confidential") == "true" and location.get("district")
    assert "lat" not in location and "lon" not in location and "street" not in location


def test_its_page_names_the_district_but_no_place(site):
    html = (site / "angebote" / SHELTER / "index.html").read_text(encoding="utf-8")
    assert "sozialraeume/nord/" in html
    assert "geo:" not in html and "openstreetmap.org/directions" not in html


def test_exports_carry_no_point(site):
    features = json.loads((site / "daten" / "angebote.geojson").read_text(encoding="utf-8"))["features"]
    (shelter,) = [f for f in features if f["properties"]["id"] == SHELTER]
    assert shelter["geometry"] is None
    assert shelter["properties"]["breite"] is None and shelter["properties"]["sozialraeume"] == ["nord"]
    with (site / "daten" / "angebote.csv").open(encoding="utf-8-sig") as handle:
        (row,) = [r for r in csv.DictReader(handle, delimiter=";") if r["id"] == SHELTER]
    assert row["breite"] == row["laenge"] == row["strasse"] == ""


def test_planning_was_built(site):
    assert (site / "planung" / "index.html").exists()
