"""The editors' docs agree with the checker and with the sample: every quoting example in
docs/opening-hours.md loads and parses, the sample quotes its hours the documented way, and the
confidential-place example of docs/redaktion.md validates."""

from __future__ import annotations

import re

import pytest

from build_tools.opening_hours import HoursError, parse_hours
from build_tools.schema import Location
from build_tools.yamlio import load_yaml_text

from ..conftest import CONTENT, ROOT

HOURS_DOC = (ROOT / "docs" / "opening-hours.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "redaktion.md").read_text(encoding="utf-8")


def _quoting_examples() -> list[str]:
    section = HOURS_DOC.split("## Anführungszeichen", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    return [line for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize("line", _quoting_examples())
def test_each_quoting_example_loads_and_parses(line):
    value = load_yaml_text(line, "doc").data["opening_hours"]
    parse_hours(value)


def test_the_wrong_example_is_wrong():
    assert 'Falsch ist `opening_hours: "nach Vereinbarung"`' in HOURS_DOC
    value = load_yaml_text('opening_hours: "nach Vereinbarung"', "doc").data["opening_hours"]
    with pytest.raises(HoursError):
        parse_hours(value)


def test_the_sample_quotes_hours_as_documented():
    lines = [line for path in sorted((CONTENT / "offers").glob("*.yml"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if line.startswith("opening_hours:")]
    assert lines
    for line in lines:
        value = line.split(":", 1)[1].strip()
        inner_comment = '"' in value[1:-1]
        assert value[0] == ("'" if inner_comment else '"'), line


def test_the_confidential_example_validates():
    block = GUIDE.split("## Geschützte Orte", 1)[1].split("\n## ", 1)[0]
    (example,) = re.findall(r"```yaml\n(.*?)```", block, flags=re.S)
    data = load_yaml_text(example, "doc").data
    location = Location.model_validate(data["location"])
    assert location.confidential and location.lat is None and location.district == "nord"


def _section(title: str) -> str:
    return GUIDE.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_the_alert_and_closure_examples_validate():
    from build_tools.schema import Alert, Offer

    blocks = re.findall(r"```yaml\n(.*?)```", _section("Aktuelle Hinweise und vorübergehende Schließungen"),
                        flags=re.S)
    site_wide, offer_alert, closure = (load_yaml_text(b, "doc").data for b in blocks)
    alert = Alert.model_validate(site_wide)
    assert alert.level == "kaelte" and alert.site_wide
    base = {"title": "Test", "summary": "Test.", "category": "essen", "last_verified": "2026-10-01"}
    assert Offer.model_validate({**base, **offer_alert}).alert_until.isoformat() == "2027-01-01"
    assert Offer.model_validate({**base, **closure}).closed_until.isoformat() == "2026-12-15"
    assert (CONTENT / "alerts" / "kaeltehilfe-2026.yml").is_file()  # the sample has the example
