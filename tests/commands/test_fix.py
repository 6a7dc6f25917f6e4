"""``atlas fix``: a diff first, ``--yes`` writes; only the fixed characters change."""

from __future__ import annotations

import shutil

import pytest

from build_tools.cli import main
from build_tools.commands.fix import fix_text
from build_tools.opening_hours import parse_hours

from ..conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
LINE = "opening_hours: 'mo-di 8:00–12:00, Th: 14:00-16:00 \"mit Termin\"; Sa Off'   # von Frau O.\n"
FIXED = "opening_hours: 'Mo-Tu 08:00-12:00, Th 14:00-16:00 \"mit Termin\"; Sa off'   # von Frau O.\n"


@pytest.fixture
def content(tmp_path, monkeypatch):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22
    offer = target / "offers" / "tafel.yml"
    text = offer.read_text(encoding="utf-8")
    offer.write_text(text.replace('opening_hours: "Tu,Th 10:00-12:00"\n', LINE), encoding="utf-8")
    return target


def test_check_warns_fix_previews_then_writes(content, capsys):
    offer = content / "offers" / "tafel.yml"
    before = offer.read_bytes()
    assert main(["check", "--content", str(content)]) == 0
    err = capsys.readouterr().err
    assert "warning: opening_hours: nicht in der üblichen Schreibweise: „mo“ → „Mo“, „di“ → „Tu“" in err
    assert "„atlas fix“ schreibt es um" in err

    assert main(["fix", "--content", str(content)]) == 0
    out, err = capsys.readouterr()
    assert offer.read_bytes() == before  # a preview only
    assert f"-{LINE}" in out and f"+{FIXED}" in out
    assert "1 Dateien würden korrigiert. Schreiben mit: atlas fix --yes" in err

    assert main(["fix", "--content", str(content), "--yes"]) == 0
    capsys.readouterr()
    assert offer.read_bytes() == before.replace(LINE.encode(), FIXED.encode())
    assert main(["check", "--content", str(content)]) == 0
    assert "0 Fehler, 0 Warnungen" in capsys.readouterr().err
    assert main(["fix", "--content", str(content)]) == 0
    assert "Nichts zu korrigieren." in capsys.readouterr().err


@pytest.mark.parametrize("value", [
    '"Mo–Fr: 9:00-12:00"', "Mo-Fr 9:00-12:00", "'Mär-Okt: We 10:00-12:00'",
    '"Mo-Fr 09:00-12:00 \\"Termin\\"; So OFF"',
])
def test_fix_keeps_the_meaning_and_the_rest_of_the_file(value):
    text = f"title: x  # Titel\nopening_hours: {value}\nsummary: y\n"
    fixed, note = fix_text(text)
    assert note and fixed != text
    assert fixed.splitlines()[0] == "title: x  # Titel" and fixed.endswith("\nsummary: y\n")
    import yaml

    old, new = yaml.safe_load(text)["opening_hours"], yaml.safe_load(fixed)["opening_hours"]
    assert parse_hours(new) == parse_hours(old)
    assert fix_text(fixed) == (fixed, "")


def test_broken_hours_are_left_for_check():
    text = 'opening_hours: "Mo-Fr 09.00-12:00"\n'
    assert fix_text(text) == (text, "")
