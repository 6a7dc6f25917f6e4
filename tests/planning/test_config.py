"""Planning settings: validation, defaults, and that every option is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.config import AtlasConfig, ConfigProblem
from build_tools.planning.config import PlanningSettings, planning_settings

DOCS = Path(__file__).resolve().parents[2] / "docs" / "planning.md"


def test_defaults():
    s = planning_settings(AtlasConfig())
    assert s.distances_m == [500, 1000, 2000]
    assert s.noindex
    assert s.threshold("essen") == 1000
    assert s.walking_minutes(750) == pytest.approx(750 * 1.3 / 75)


def test_distances_sorted_and_thresholds_per_category():
    s = planning_settings(AtlasConfig(options={"planning": {
        "distances_m": [2000, 300], "thresholds_m": {"essen": 1500},
    }}))
    assert s.distances_m == [300, 2000]
    assert s.threshold("essen") == 1500 and s.threshold("beratung") == 1000


@pytest.mark.parametrize("bad", [
    {"distances_m": [0]}, {"walking_speed": 4}, {"thresholds_m": {"essen": -1}},
    {"detour_factor": 0.5},
])
def test_bad_settings_name_the_option(bad):
    with pytest.raises(ConfigProblem, match=r"atlas\.options\.planning\."):
        planning_settings(AtlasConfig(options={"planning": bad}))


def test_every_option_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for name in PlanningSettings.model_fields:
        assert f"`{name}`" in text, f"{name} fehlt in docs/planning.md"


def test_threshold_for_an_unknown_category_is_an_error():
    import shapely

    from build_tools.planning.analysis import analyse

    from .synthetic import make_catalog

    catalog = make_catalog({"eck": (shapely.box(0, 0, 10, 10), None)}, [],
                           options={"thresholds_m": {"esen": 800}})
    with pytest.raises(ConfigProblem, match="unbekannte Kategorie 'esen'"):
        analyse(catalog, planning_settings(catalog.config))
