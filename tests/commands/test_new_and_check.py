"""`atlas new` writes a commented template whose placeholders fail until replaced; it refuses
ids taken elsewhere; `atlas check` exit codes and formats."""

from __future__ import annotations

import json
import shutil

import pytest

from build_tools.cli import main

from ..conftest import ROOT
from .placeholders import PLACEHOLDER_FIELDS, error_fields, fill_placeholders

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


@pytest.fixture
def content(tmp_path, monkeypatch):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22
    return target


def test_check_clean_exits_zero(content, capsys):
    assert main(["check", "--content", str(content)]) == 0
    assert "0 Fehler, 0 Warnungen, 1 Angebote geprüft" in capsys.readouterr().err


def test_new_template_fails_until_its_placeholders_are_replaced(content, capsys):
    assert main(["new", "kleiderkammer", "--content", str(content), "--category", "beratung"]) == 0
    written = content / "offers" / "kleiderkammer.yml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/offer.schema.json")
    capsys.readouterr()
    assert main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert error_fields(err) == PLACEHOLDER_FIELDS, err
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert all(line.startswith("content/offers/kleiderkammer.yml:") for line in errors)
    written.write_text(fill_placeholders(text), encoding="utf-8")
    assert main(["check", "--content", str(content), "--strict"]) == 0, capsys.readouterr().err
    before = written.read_bytes()
    assert main(["new", "kleiderkammer", "--content", str(content)]) == 1
    assert written.read_bytes() == before
    assert "nichts überschrieben" in capsys.readouterr().err


def test_new_rejects_bad_id(content):
    assert main(["new", "Tafel Nord", "--content", str(content)]) == 2


def test_new_says_why_a_long_real_id_is_refused(content, capsys):
    long_id = "notunterkunft-fuer-wohnungslose-maenner-und-frauen-am-bahnhof-nord"
    assert main(["new", long_id, "--content", str(content)]) == 2
    said = capsys.readouterr().err
    assert "höchstens 64 Zeichen (hat 66)" in said
    assert not (content / "offers" / f"{long_id}.yml").exists()
    assert main(["new", long_id[:60], "--content", str(content)]) == 0  # 60 characters are fine


def test_new_refuses_an_id_that_is_an_alias_elsewhere(content, capsys):
    path = content / "offers" / "tafel.yml"
    path.write_text(path.read_text(encoding="utf-8") + "aliases: [alte-tafel]\n", encoding="utf-8")
    assert main(["new", "alte-tafel", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert ("'alte-tafel' ist ein alter Name (aliases) des Angebots in content/offers/tafel.yml:8 "
            "und leitet dorthin weiter") in err
    assert not (content / "offers" / "alte-tafel.yml").exists()


def test_new_refuses_an_id_another_file_declares(content, capsys):
    path = content / "offers" / "tafel.yml"
    path.write_text("id: tafel-mitte\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["new", "tafel-mitte", "--content", str(content)]) == 1
    assert "'tafel-mitte' ist schon die id in content/offers/tafel.yml:1" in capsys.readouterr().err


def test_check_error_formats_and_exit_codes(content, capsys):
    (content / "offers" / "bad.yml").write_text(
        "title: X\nsummary: Y\ncategory: essen\nlocation: {lat: 95, lon: 6.4}\nlast_verified: 2026-10-01\n",
        encoding="utf-8",
    )
    assert main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "content/offers/bad.yml:4:17: error: location.lat: darf höchstens 90 sein" in err
    assert main(["check", "--content", str(content), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "::error file=content/offers/bad.yml,line=4,col=17::location.lat: darf höchstens 90 sein" in out
    assert main(["check", "--content", str(content), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0]["line"] == 4 and data[0]["field"] == "location.lat"


def test_warning_exit_zero_but_strict_fails(content, capsys):
    path = content / "offers" / "tafel.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-10-01", "2024-01-01"), encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 0
    assert "warning: last_verified: seit 34 Monaten nicht geprüft" in capsys.readouterr().err
    assert main(["check", "--content", str(content), "--strict"]) == 1


def test_usage_error_exits_two():
    with pytest.raises(SystemExit) as exc:
        main(["check", "--no-such-flag"])
    assert exc.value.code == 2


def test_district_that_contradicts_the_coordinates_warns(content, capsys):
    path = content / "offers" / "tafel.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("lon: 6.48}", "lon: 6.48, district: mitte}"), encoding="utf-8")
    assert main(["check", "--content", str(content), "--strict"]) == 0
    path.write_text(text.replace("lat: 50.80, lon: 6.48", "lat: 50.86, lon: 6.48"), encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    assert ("content/offers/tafel.yml:4:77: warning: location.lat: die Koordinaten liegen in keinem "
            "Sozialraum aus content/districts.geojson") in err


def test_category_colour_needs_contrast_on_white(content, capsys):
    cats = content / "categories.yml"
    cats.write_text(cats.read_text(encoding="utf-8").replace("#1a5fb4", "#ffd700"), encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 1
    assert ("content/categories.yml:2:42: error: [1].color: #ffd700: Kontrast zu Weiß nur 1.4:1, "
            "mindestens 3:1 nötig") in capsys.readouterr().err
