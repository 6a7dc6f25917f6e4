"""Wegweiser definitions: selection, page targets, and file:line:col errors for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.flyers.definitions import load_definitions

from .conftest import FIXTURE_DEFINITIONS


def _write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "flyers"
    folder.mkdir(exist_ok=True)
    (folder / "test.yml").write_text(text, encoding="utf-8")
    return folder


def test_fixture_definitions_resolve(catalog):
    collections, problems = load_definitions(FIXTURE_DEFINITIONS, catalog)
    assert problems == []
    by_slug = {c.slug: c for c in collections}
    assert set(by_slug) == {"heft", "winter", "bezirk-mitte", "bezirk-nord"}
    assert by_slug["heft"].format == "a6-booklet"
    assert by_slug["heft"].page_path == "kategorien/notunterkunft/"
    assert by_slug["bezirk-nord"].page_path == "sozialraeume/nord/"
    assert by_slug["bezirk-nord"].title == "Wegweiser Nord"
    # Category OR within a kind; ids added on top.
    assert {o.id for o in by_slug["winter"].offers} == {"notschlafstelle", "streetwork",
                                                          "tafel-nord"}
    # Street work serves Nord (service_area), the Tafel stands there.
    assert {o.id for o in by_slug["bezirk-nord"].offers} == {"streetwork", "tafel-nord"}


@pytest.mark.parametrize(
    ("yaml_text", "line", "col", "message"),
    [
        ("title: X\nselect:\n  categories: [essen, tanzen]\n", 3, 23, "unbekannte Kategorie 'tanzen'"),
        ("title: X\nselect:\n  districts:\n    - mond\n", 4, 7, "unbekannter Sozialraum 'mond'"),
        ("title: X\nselect:\n  target_groups: [kinder]\n", 3, 19, "unbekannte Zielgruppe"),
        ("title: X\nselect:\n  ids: [gibt-es-nicht]\n", 3, 9, "unbekanntes Angebot"),
        ("title: X\nselect: {}\n", 2, 9, "leere Auswahl"),
        ("title: X\nlanguage: fr\nselect:\n  categories: [essen]\n", 2, 11, "unbekannte Sprache 'fr'"),
        ("title: X\nformat: a3\nselect:\n  categories: [essen]\n", 2, 9, "unbekanntes Format"),
        ("title: X\nselect:\n  categories: [essen]\ncolour: red\n", 4, 1, "unbekanntes Feld"),
        ("select:\n  categories: [essen]\n", 1, 1, "Pflichtfeld fehlt"),
        ("title: X\nselect:\n  categories: [frauen-schutz]\n  districts: [nord]\n", 3, 3,
         "trifft auf kein veröffentlichtes Angebot"),
    ],
)
def test_bad_definition_is_a_file_line_col_error(tmp_path, catalog, yaml_text, line, col, message):
    folder = _write(tmp_path, yaml_text)
    collections, problems = load_definitions(folder, catalog)
    assert collections == []
    assert problems, "expected a problem"
    problem = problems[0]
    assert problem.file.endswith("test.yml")
    assert (problem.line, problem.col) == (line, col), problem.format_text()
    assert message in problem.message
    assert problem.format_text().startswith(f"{problem.file}:{line}:{col}: error:")


def test_yaml_syntax_error_is_reported(tmp_path, catalog):
    folder = _write(tmp_path, "title: [unclosed\n")
    _, problems = load_definitions(folder, catalog)
    assert problems and problems[0].severity == "error"
