"""content/categories.yml: the need word and the pictogram are checked like every other field,
with the line, the field and the fix — all mistakes in one run."""

from __future__ import annotations

CATEGORIES = """\
- {id: essen, label: Essen, color: "#b3261e", icon: food, need_label: Essen}
- id: beratung
  label: Beratung
  color: "#1a5fb4"
  icon: sprechblase
  need_label: Rat und Tat
"""


def test_unknown_icon_and_a_need_label_of_two_words_are_reported_together(content):
    (content.folder / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    lines = content.lines()
    icon = [x for x in lines if "icon" in x]
    need = [x for x in lines if "need_label" in x]
    assert icon == [
        "content/categories.yml:5:9: error: [1].icon: unbekanntes Bildzeichen „sprechblase“: eines von "
        "bed, chat, circle, family, food, home, mail, medical, shield, shirt, shower, water, work wählen"
    ], lines
    assert need == [
        "content/categories.yml:6:15: error: [1].need_label: ein einziges Wort ohne Leerzeichen, "
        "Schrägstrich oder Komma (z. B. Schlafen, Duschen)"
    ], lines


def test_need_label_falls_back_to_the_label(content):
    result = content.check()
    assert not [p for p in result.problems if p.severity == "error"]
    assert {c.id: c.need for c in result.catalog.categories.values()} == {"essen": "Essen", "beratung": "Beratung"}
    (content.folder / "categories.yml").write_text(CATEGORIES.replace("sprechblase", "chat")
                                                   .replace("Rat und Tat", "Rat"), encoding="utf-8")
    assert {c.id: c.need for c in content.check().catalog.categories.values()} == {"essen": "Essen", "beratung": "Rat"}
