"""The atlas settings: typed per area, validated at load with every problem at mkdocs.yml:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.config import AtlasConfig, PlanningSettings
from build_tools.project import open_project

DOCS = Path(__file__).resolve().parents[1] / "docs" / "planning.md"

MKDOCS = """\
site_name: Test
site_url: https://hilfe.test.example/
plugins:
  - search
  - atlas:
      name: Test
      content_dir: {content}
      options:
        planning: {{distanse_m: 5}}
      map:
        tiles: ftp://kacheln.example/{{z}}/{{x}}/{{y}}.png
        zoom: 40
      planning:
        distanse_m: [500]
      holidays_state: XY
"""


def test_defaults_and_sorting():
    s = AtlasConfig().planning
    assert s.distances_m == [500, 1000, 2000]
    assert s.noindex and s.enabled
    assert s.threshold("essen") == 1000
    assert s.walking_minutes(750) == pytest.approx(750 * 1.3 / 75)
    s = AtlasConfig(planning={"distances_m": [2000, 300], "thresholds_m": {"essen": 1500}}).planning
    assert s.distances_m == [300, 2000]
    assert s.threshold("essen") == 1500 and s.threshold("beratung") == 1000


def test_switches_have_a_short_form():
    config = AtlasConfig.model_validate({"flyers": False, "planning": False})
    assert not config.flyers.enabled and not config.planning.enabled


def test_every_problem_at_once_with_line_and_column(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(MKDOCS.format(content=tmp_path / "content"), encoding="utf-8")
    project, problems = open_project(config)
    assert project is None
    lines = [p.format_text().replace(str(tmp_path) + "/", "") for p in problems]
    shown = "\n".join(lines)
    assert "mkdocs.yml:8:7: error: atlas.options: die Planungs-Einstellungen stehen jetzt direkt unter planning:" in shown
    assert "mkdocs.yml:11:16: error: atlas.map.tiles: Kachel-URL muss mit https:// beginnen" in shown
    assert "mkdocs.yml:12:15: error: atlas.map.zoom: darf höchstens 19 sein" in shown
    assert "mkdocs.yml:14:9: error: atlas.planning.distanse_m: unbekanntes Feld (Tippfehler?)" in shown
    assert "mkdocs.yml:15:23: error: atlas.holidays_state: 'XY' ist kein Bundesland-Kürzel" in shown
    assert len(problems) == 5, shown


def test_check_and_build_refuse_the_same_settings(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text(MKDOCS.format(content=tmp_path / "content"), encoding="utf-8")
    assert main(["check", "--config", str(config)]) == 1
    checked = capsys.readouterr().err
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) != 0
    built = capsys.readouterr().err
    for line in checked.splitlines():
        if ": error: " in line:
            assert line.split(": error: ", 1)[1] in built, line
    assert not (tmp_path / "site").exists()


def test_every_planning_option_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for name in PlanningSettings.model_fields:
        assert f"`{name}`" in text, f"{name} fehlt in docs/planning.md"


def test_every_capacity_option_is_documented():
    from build_tools.config import CapacitySettings

    text = (DOCS.parent / "kapazitaet.md").read_text(encoding="utf-8")
    for name in CapacitySettings.model_fields:
        assert f"`{name}`" in text, f"{name} fehlt in docs/kapazitaet.md"


CAPACITY = """\
site_name: Test
site_url: https://hilfe.test.example/
plugins:
  - atlas:
      content_dir: {content}
      capacity:
        url: http://kaeltehilfe.example/plaetze.json
        max_age_minutes: 0
        max_kb: 1000
        timeout_seconds: 60
        typo: 1
"""


def test_capacity_settings_problems_at_once_with_line_and_column(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(CAPACITY.format(content=tmp_path / "content"), encoding="utf-8")
    project, problems = open_project(config)
    assert project is None
    shown = "\n".join(p.format_text().replace(str(tmp_path) + "/", "") for p in problems)
    assert "mkdocs.yml:7:14: error: atlas.capacity.url: 'http://kaeltehilfe.example/plaetze.json': " \
           "eine absolute Adresse mit https:// angeben" in shown
    assert "mkdocs.yml:8:26: error: atlas.capacity.max_age_minutes: " in shown
    assert "mkdocs.yml:9:17: error: atlas.capacity.max_kb: darf höchstens 256 sein" in shown
    assert "mkdocs.yml:10:26: error: atlas.capacity.timeout_seconds: darf höchstens 30 sein" in shown
    assert "mkdocs.yml:11:9: error: atlas.capacity.typo: unbekanntes Feld" in shown


def test_capacity_lists_need_the_file():
    from pydantic import ValidationError

    for option in ("offers", "categories"):
        with pytest.raises(ValidationError, match=f"{option} ohne url"):
            AtlasConfig(capacity={option: ["x"]})
    assert AtlasConfig(capacity={"url": "https://f.example/p.json", "offers": ["x"]}).capacity.offers == ["x"]


def test_capacity_names_existing_offers_and_categories(tmp_path, capsys):
    from tests.adapters.project import write_project

    config = write_project(tmp_path, capacity={"url": "https://f.example/p.json",
                                               "offers": ["tagestreff-mitte", "tagestref-mitte"],
                                               "categories": ["schlafen-x"]})
    assert main(["check", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    lines = config.read_text(encoding="utf-8").splitlines()
    typo = next(n for n, line in enumerate(lines, 1) if "tagestref-mitte" in line)
    assert f"mkdocs.yml:{typo}:" in err
    assert "atlas.capacity.offers: kein Angebot mit der id 'tagestref-mitte'" in err
    assert "atlas.capacity.categories: unbekannte Kategorie 'schlafen-x'" in err
    assert "'tagestreff-mitte'" not in err.split("bekannt")[0]


def test_the_states_checked_are_the_ones_the_holidays_library_knows():
    from holidays import country_holidays

    from build_tools.config import STATES

    assert tuple(code for code in country_holidays("DE").subdivisions if len(code) == 2) == STATES
