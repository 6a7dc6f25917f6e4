"""Alert files (content/alerts/*.yml) are checked like offers: ``file:line:col`` in German,
naming the field and the fix, every mistake in one run; an ended alert only warns."""

from __future__ import annotations

from .conftest import TODAY

BROKEN = """\
text: Bei Frost länger geöffnet.
level: kalt
start: 2026-12-01
end: 2026-11-30
categories: [essen, suppe]
districts: [mitte, zentrum]
offers: [tafel, gibt-es-nicht]
farbe: blau
"""


def alert(content, name: str, text: str) -> None:
    folder = content.folder / "alerts"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")


def test_every_mistake_in_one_run_with_its_place_and_fix(content):
    alert(content, "frost", BROKEN)
    alert(content, "datum", "text: x\nstart: 01.12.2026\nend: 2026-02-30\n")
    lines = content.lines()
    assert lines == [
        "content/alerts/datum.yml:2:8: error: start: '01.12.2026': Datum als JJJJ-MM-TT schreiben, "
        "also 2026-12-01",
        "content/alerts/datum.yml:3:6: error: end: 2026-02-30 gibt es nicht: der Februar 2026 hat 28 Tage",
        "content/alerts/frost.yml:2:8: error: level: erlaubt sind: 'info', 'warnung' oder 'kaelte'",
        "content/alerts/frost.yml:4:6: error: end: liegt vor start (2026-12-01): Enddatum anpassen",
        "content/alerts/frost.yml:5:21: error: categories[1]: unbekannte Kategorie 'suppe': eine id "
        "aus content/categories.yml angeben; bekannt: beratung, essen",
        "content/alerts/frost.yml:6:20: error: districts[1]: unbekannter Sozialraum 'zentrum': eine "
        "id aus content/districts.geojson angeben; bekannt: mitte",
        "content/alerts/frost.yml:7:17: error: offers[1]: unbekanntes Angebot 'gibt-es-nicht': eine "
        "id aus content/offers/ angeben; bekannt: tafel",
        "content/alerts/frost.yml:8:1: error: farbe: unbekanntes Feld (Tippfehler?)",
    ]
    assert content.check().catalog is None  # a build refuses what atlas check reports


def test_an_ended_alert_warns_and_is_not_published(content):
    alert(content, "herbst", "text: Herbstmarkt\nstart: 2026-10-01\nend: 2026-10-31\n")
    alert(content, "winter", "text: Kältehilfe\nlevel: kaelte\nstart: 2026-12-01\nend: 2027-02-28\n")
    result = content.check()
    assert [p.format_text() for p in result.problems] == [
        "content/alerts/herbst.yml:3:6: warning: end: abgelaufen am 2026-10-31: der Hinweis "
        "erscheint nicht mehr; Datei löschen oder end verlängern",
    ]
    assert result.catalog is not None
    assert [a.id for a in result.catalog.alerts] == ["winter"]
    assert result.catalog.alerts[0].start > TODAY  # a coming alert is published (the page waits)


def test_an_offer_with_errors_is_not_called_unknown(content):
    content.offer("kaputt", "title: Kaputt\n")
    alert(content, "hinweis", "text: x\nstart: 2026-12-01\nend: 2026-12-02\noffers: [kaputt]\n")
    assert not [line for line in content.lines() if "alerts/" in line]


def test_files_in_the_alerts_folder_that_are_not_read_are_named(content):
    alert(content, "ok", "text: x\nstart: 2026-12-01\nend: 2026-12-02\n")
    (content.folder / "alerts" / "notiz.txt").write_text("x", encoding="utf-8")
    assert any("alerts/notiz.txt" in line and "wird nicht gelesen" in line for line in content.lines())
