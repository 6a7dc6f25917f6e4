"""The import's "needs a category" marker is an error at the category line, naming the fix."""

from __future__ import annotations

from build_tools.importers.merge import MISSING_CATEGORY
from build_tools.validation import import_marks
from build_tools.validation.facts import offer_facts
from build_tools.validation.import_marks import check_import_marks
from build_tools.yamlio import load_yaml_text


def test_marker_is_an_error_at_its_line():
    assert import_marks.MISSING_CATEGORY == MISSING_CATEGORY
    text = "title: Yoga\nsummary: x\ncategory: kategorie-fehlt  # Kategorie fehlt\nlast_verified: 2026-01-01\n"
    loaded = load_yaml_text(text, "content/offers/yoga.yml")
    problems = check_import_marks([offer_facts(loaded, "yoga", None)], {"essen": 1, "beratung": 2})
    assert [(p.line, p.col, p.field, p.severity) for p in problems] == [(3, 11, "category", "error")]
    assert problems[0].message.startswith("Kategorie fehlt (der Import konnte keine zuordnen): eine id aus "
                                          "content/categories.yml eintragen (essen, beratung)")
    ok = load_yaml_text("title: A\ncategory: essen\n", "content/offers/a.yml")
    assert check_import_marks([offer_facts(ok, "a", None)], {"essen": 1}) == []
