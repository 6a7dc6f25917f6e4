"""Unquoted text followed by " #": the rest of the line was read as a comment (a warning)."""

from __future__ import annotations

import pytest

BASE = "summary: x\ncategory: essen\nservice_area: [mitte]\nlast_verified: 2026-10-01\n"


def test_title_with_a_hash_warns(content):
    content.offer("x", "title: Kleiderkammer #2 Süd\n" + BASE)
    result = content.check()
    assert [p.format_text() for p in result.problems] == [
        "content/offers/x.yml:1:8: warning: title: nach 'Kleiderkammer' wurde „#2 Süd“ als "
        "Kommentar gelesen (YAML: „ #“ beginnt einen Kommentar): den ganzen Text in "
        "Anführungszeichen setzen, z. B. title: \"Kleiderkammer #2 Süd\""
    ]
    assert result.catalog.offer("x").title == "Kleiderkammer"  # what YAML made of it


@pytest.mark.parametrize("line", [
    'title: "Kleiderkammer #2 Süd"',
    "title: 'Kleiderkammer #2 Süd'",
    "title: Kleiderkammer#2",
    "title: Kleiderkammer  # der Name steht am Haus",
])
def test_quoted_or_deliberate_comments_are_fine(content, line):
    content.offer("x", line + "\n" + BASE)
    assert content.lines() == []


def test_a_comment_after_a_single_word_value_is_deliberate(content):
    content.offer("x", "title: Kleiderkammer\n" + BASE + "status: active # läuft\n"
                  'opening_hours: "Mo-Fr 09:00-12:00" # mit Kommentar\n')
    assert content.lines() == []


def test_nested_text_warns_with_its_path(content):
    content.offer("x", "title: X\n" + BASE + "access:\n  requirements: Ausweis #und Bescheid\n")
    assert content.lines() == [
        "content/offers/x.yml:7:17: warning: access.requirements: nach 'Ausweis' wurde „#und "
        "Bescheid“ als Kommentar gelesen (YAML: „ #“ beginnt einen Kommentar): den ganzen Text "
        "in Anführungszeichen setzen, z. B. requirements: \"Ausweis #und Bescheid\""
    ]
