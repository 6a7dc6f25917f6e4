"""`atlas check` reports translations: a count per language, and per offer what is missing or
older than the German text — at info level, so neither the exit code nor --strict changes."""

from __future__ import annotations

import json
import shutil

import pytest

from build_tools.cli import main

from ..conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"

TRANSLATIONS = """\
hours_note: Bitte eine Tasche mitbringen.
translations:
  en:
    title: Food bank centre
    summary: Food for people with little money.
    hours_note: Please bring a bag.
    checked: 2026-10-05
  uk:
    title: Продуктовий банк Центр
    summary: Продукти для людей з малими грошима.
    checked: 2026-09-01
  tr:
    title: Gıda bankası Merkez
"""

SECOND = """\
title: Suppenküche
summary: Warmes Essen am Mittag.
category: essen
location: {street: "Markt 3", postal_code: "52349", city: Musterstadt, lat: 50.80, lon: 6.48}
last_verified: 2026-10-01
"""


@pytest.fixture
def content(tmp_path, monkeypatch):
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    offer = target / "offers" / "tafel.yml"
    offer.write_text(offer.read_text(encoding="utf-8") + TRANSLATIONS, encoding="utf-8")
    (target / "offers" / "suppe.yml").write_text(SECOND, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22
    return target


def test_count_per_language_in_the_summary(content, capsys):
    assert main(["check", "--content", str(content), "--strict"]) == 0
    err = capsys.readouterr().err
    # en and uk have title and summary; uk was checked before the German text (2026-10-01);
    # tr has a title only: no page, not counted.
    # Without site languages (no mkdocs.yml) the languages written, alphabetically.
    assert ("Übersetzungen: en 1 von 2 Angeboten, tr 0 von 2 Angeboten, uk 1 von 2 Angeboten "
            "(1 älter als der deutsche Text)") in err
    assert "0 Fehler, 0 Warnungen, 2 Angebote geprüft" in err
    assert "info:" not in err  # the details only on request


def test_details_per_offer_at_the_translation_block(content, capsys):
    assert main(["check", "--content", str(content), "--translations"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if ": info: " in line]
    assert ("content/offers/tafel.yml:15:3: info: translations.uk: fehlt: hours_note; älter als "
            "der deutsche Text (checked 2026-09-01, last_verified 2026-10-01)") in lines
    assert ("content/offers/tafel.yml:19:3: info: translations.tr: fehlt: summary, hours_note; "
            "kein Prüfdatum (translations.tr.checked): ob sie zum deutschen Text passt, ist offen"
            ) in lines
    assert any(line.startswith("content/offers/suppe.yml:1:1: info: translations: keine "
                               "Übersetzung auf en, tr, uk") for line in lines), lines
    # complete and checked after the German text: nothing to say about en in tafel.yml
    assert not [line for line in lines if "tafel.yml" in line and "translations.en" in line]


def test_machine_formats_carry_the_report(content, capsys):
    assert main(["check", "--content", str(content), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["severity"] for d in data} == {"info"}
    counts = {d["field"]: d["message"] for d in data if d["file"] == "content/offers"}
    assert counts == {"translations.en": "1 von 2 Angeboten übersetzt",
                      "translations.uk": "1 von 2 Angeboten übersetzt, 1 älter als der deutsche Text",
                      "translations.tr": "0 von 2 Angeboten übersetzt"}
    stale = [d for d in data if d["field"] == "translations.uk" and d["file"].endswith("tafel.yml")]
    assert stale and (stale[0]["line"], stale[0]["col"]) == (15, 3)
    assert main(["check", "--content", str(content), "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert "::notice file=content/offers/tafel.yml,line=15,col=3::translations.uk: fehlt" in out
    assert "::warning" not in out and "::error" not in out


def test_a_bad_checked_date_is_an_error_at_its_line(content, capsys):
    offer = content / "offers" / "tafel.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("2026-09-01", "2026-13-01"),
                     encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 1
    assert "content/offers/tafel.yml:18:14: error: translations.uk.checked" in capsys.readouterr().err
