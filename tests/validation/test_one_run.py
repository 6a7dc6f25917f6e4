"""Every mistake in one run: a format error in one field never hides the others, and the
cross-file checks run on files whose schema validation failed (issue 15, point 4)."""

from __future__ import annotations

from build_tools.content import MAX_PROBLEMS_PER_FILE

BROKEN = """\
title: Suppenküche
summary: Warmes Essen.
category: suppe
target_groups: [obdachlose]
location: {lat: 50.81, lon: 6.45, district: zentrum}
opening_hours: "Mo-Fr 9.00-12:00"
contact: {email: "info(at)example.org", phone: "0242 1"}
related: [gibt-es-nicht, 7]
last_verified: 2026-02-30
"""


def test_a_format_error_hides_nothing(content):
    content.offer("suppe", BROKEN)
    lines = content.lines()
    fields = [line.split(": ", 3)[2] for line in lines]
    assert fields == [
        "category", "target_groups[0]", "location.district", "opening_hours", "contact.email",
        "contact.phone[0]", "related[0]", "related[1]", "last_verified",
    ], lines
    assert all(line.startswith("content/offers/suppe.yml:") and ": error: " in line for line in lines)


def test_each_message_names_the_fix(content):
    content.offer("suppe", BROKEN)
    text = "\n".join(content.lines())
    for expected in (
        "category: unbekannte Kategorie 'suppe'; bekannt: essen, beratung",
        "target_groups[0]: unbekannte Zielgruppe 'obdachlose'; bekannt: wohnungslose",
        "location.district: unbekannter Sozialraum 'zentrum'; bekannt: mitte",
        "opening_hours: „9.00“ ist keine Uhrzeit",
        "contact.email: 'info(at)example.org' ist keine E-Mail-Adresse („(at)“ durch @ ersetzen)",
        "contact.phone[0]: '0242 1' ist keine vollständige Telefonnummer",
        "related[0]: unbekanntes Angebot 'gibt-es-nicht'",
        "last_verified: 2026-02-30 gibt es nicht: der Februar 2026 hat 28 Tage",
    ):
        assert expected in text


def test_cross_file_checks_run_on_invalid_files(content):
    # Both files fail the schema (bad e-mail); the duplicate alias is still found.
    content.offer("a", "title: A\nsummary: x\ncategory: essen\nservice_area: [mitte]\n"
                  "contact: {email: nein}\naliases: [alt]\nlast_verified: 2026-10-01\n")
    content.offer("b", "title: B\nsummary: x\ncategory: essen\nservice_area: [mitte]\n"
                  "contact: {email: nein}\naliases: [alt]\nlast_verified: 2026-10-01\n")
    lines = content.lines()
    assert ("content/offers/b.yml:6:11: error: aliases[0]: der alte Name 'alt' steht schon bei "
            "content/offers/a.yml") in lines
    assert sum("contact.email" in line for line in lines) == 2


def test_a_broken_related_hides_nothing_else(content):
    content.offer("x", "title: X\nsummary: x\ncategory: essen\nservice_area: [mitte, nirgends]\n"
                  "related: [x]\nlanguages: [engl]\nlast_verified: 2026-10-01\n")
    fields = [line.split(": ", 3)[2] for line in content.lines()]
    assert fields == ["service_area[1]", "related[0]", "languages[0]"]


def test_only_pathological_files_are_capped(content):
    tags = "".join(f"  - {'x' * 61}\n" for _ in range(MAX_PROBLEMS_PER_FILE + 20))
    content.offer("viele", "title: X\nsummary: x\ncategory: essen\nservice_area: [mitte]\n"
                  f"last_verified: 2026-10-01\ntags:\n{tags}")
    lines = content.lines()
    assert len(lines) == MAX_PROBLEMS_PER_FILE + 1
    assert lines[-1].endswith("… und 20 weitere Probleme in dieser Datei: erst diese beheben, "
                              "dann erneut prüfen")


def test_a_broken_provider_file_is_reported_once(content):
    content.organization("verein", "name: Verein\nwebsite: javascript:x\n")
    content.offer("x", "title: X\nsummary: x\ncategory: essen\nservice_area: [mitte]\n"
                  "provider: verein\nlast_verified: 2026-10-01\n")
    lines = content.lines()
    assert [line.split(": ")[0] for line in lines] == ["content/organizations/verein.yml:2:10"]
