"""indicators.yml + indicators.csv in the load phase: values, years, and every mistake at file:line:col."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import shapely

from build_tools.build import inspect
from build_tools.catalog import District
from build_tools.config import AtlasConfig
from build_tools.indicators import Unit, load_indicators
from build_tools.indicators.table import parse_number, split_line

from ..buildkit import project_for

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = ["essen", "beratung"]
META = """\
quote:
  label: SGB-II-Quote
  unit: "%"
  year: 2025
  source: Jobcenter
  higher_is: need
  need_for: [essen]
kinder:
  label: Kinder unter 18
  unit: Anzahl
  year: 2025
  source: Melderegister
  higher_is: need
"""


def districts(*ids: str) -> dict[str, District]:
    return {i: District(i, i.capitalize(), shapely.box(0, 0, 1, 1), 1000) for i in ids}


def write(tmp_path: Path, csv: str, meta: str = META) -> Path:
    (tmp_path / "indicators.csv").write_text(csv, encoding="utf-8")
    (tmp_path / "indicators.yml").write_text(meta, encoding="utf-8")
    return tmp_path


def shown(problems) -> list[str]:
    """Problems as an editor sees them, without the folder."""
    return [p.format_text().split("/")[-1] for p in problems]


def test_semicolon_and_decimal_comma(tmp_path):
    folder = write(tmp_path, "district;quote;kinder\nnord;14,2;1.234\nsued;9,8;-\n")
    found, problems = load_indicators(folder, districts("nord", "sued"), CATEGORIES)
    assert problems == []
    assert found.value("quote", "nord") == 14.2
    assert found.value("kinder", "nord") == 1234  # a point groups thousands in a comma file
    assert found.value("kinder", "sued") == 0  # "-" is exactly nothing
    assert found.indicators["quote"].unit is Unit.percent
    assert found.year_of("quote") == 2025 and found.years == ()


def test_comma_delimiter_decimal_point_and_quoted_comma(tmp_path):
    folder = write(tmp_path, 'district,quote,kinder\nnord,14.2,120\nsued,".",80\n')
    found, problems = load_indicators(folder, districts("nord", "sued"), CATEGORIES)
    assert problems == []
    assert found.value("quote", "nord") == 14.2
    assert found.value("quote", "sued") is None  # "." = unknown in official statistics
    folder = write(tmp_path, 'district,quote,kinder\nnord,"14,2",120\nsued,"9,8",80\n')
    found, problems = load_indicators(folder, districts("nord", "sued"), CATEGORIES)
    assert problems == [] and found.value("quote", "sued") == 9.8


def test_years_make_series_and_the_latest_counts(tmp_path):
    folder = write(tmp_path, "district;year;quote;kinder\nnord;2023;12,0;100\nsued;2023;8,0;50\n"
                             "nord;2025;14,0;110\nsued;2025;.;60\n")
    found, problems = load_indicators(folder, districts("nord", "sued"), CATEGORIES)
    assert problems == []
    assert found.years == (2023, 2025)
    assert found.series("quote", "nord") == [(2023, 12.0), (2025, 14.0)]
    assert found.series("quote", "sued") == [(2023, 8.0)]
    assert found.value("quote", "sued") is None
    # Whole atlas, weighted by population (both 1,000): 2025 only nord is known.
    assert found.atlas_value("quote").value == 14.0
    assert found.atlas_value("quote", 2023).value == 10.0
    assert found.atlas_value("kinder").value == 170 and found.atlas_value("kinder").method == "sum"


def test_a_missing_row_is_an_error_with_its_line(tmp_path):
    folder = write(tmp_path, "district;quote;kinder\nnord;14,2;120\n")
    found, problems = load_indicators(folder, districts("nord", "sued"), CATEGORIES)
    assert found is None
    [problem] = problems
    assert (problem.file.endswith("indicators.csv"), problem.line, problem.col) == (True, 3, 1)
    assert "Zeile für Sozialraum 'sued' (Sued) fehlt" in problem.message
    assert problem.severity == "error"


def test_every_mistake_at_once_with_line_and_column(tmp_path):
    meta = META.replace("need_for: [essen]", "need_for: [essen, tafel]")
    csv = ("district;quote;kinder;armut\n"
           "nord;14.2;120;3\n"      # a point in a comma file (see the next line)
           "sued;9,8;12,5;4\n"      # a count with a decimal
           "west;101,0;7;1\n")      # unknown district, and more than 100 %
    found, problems = load_indicators(write(tmp_path, csv, meta),
                                      districts("nord", "sued", "ost"), CATEGORIES)
    assert found is None
    assert shown(problems) == [
        "indicators.csv:1:23: error: Kennzahl 'armut' hat keine Beschreibung in indicators.yml "
        "(label, unit, source, higher_is)",
        "indicators.csv:2:6: error: quote: '14.2': die Datei schreibt Dezimalzahlen mit Komma, "
        "hier steht ein Punkt (Punkte trennen hier nur Tausender: 1.234,5)",
        "indicators.csv:3:10: error: kinder: 12,5: eine Anzahl ist eine ganze Zahl",
        "indicators.csv:4:1: error: district: unbekannter Sozialraum 'west'; bekannt "
        "(districts.geojson): nord, sued, ost",
        "indicators.csv:5:1: error: district: Zeile für Sozialraum 'ost' (Ost) fehlt: jeder "
        "Sozialraum aus districts.geojson braucht eine Zeile (unbekannte Werte leer lassen "
        "oder „.“)",
        "indicators.yml:7:21: error: quote.need_for[1]: unbekannte Kategorie 'tafel'; bekannt: "
        "essen, beratung",
    ]


def test_metadata_mistakes(tmp_path):
    meta = """\
quote:
  label: Quote
  unit: "%"
  year: 2025
  source: Amt
  higher_is: better
  need_for: [essen]
  base: kinder
kinder:
  label: Kinder
  unit: "%"
  year: 2025
  source: Amt
  higher_is: need
dritte:
  label: Dritte
  unit: Prozentpunkte
  year: 2025
  source: Amt
  higher_is: need
Falsch:
  label: x
"""
    csv = "district;quote;kinder;dritte\nnord;1;2;3\n"
    found, problems = load_indicators(write(tmp_path, csv, meta), districts("nord"), CATEGORIES)
    assert found is None
    messages = {(p.line, p.field): p.message for p in problems}
    assert messages == {
        (7, "quote.need_for"): "need_for setzt higher_is: need voraus (der Bedarf muss mit dem "
                               "Wert steigen)",
        (8, "quote.base"): "Bezugsgröße einer Quote ist eine Kennzahl mit unit: Anzahl (z. B. "
                           "Einwohner unter 18)",
        (17, "dritte.unit"): 'erlaubt sind: "%", "je 1.000", Anzahl',
        (21, "Falsch"): "ungültige Kennzahl-id 'Falsch': Kleinbuchstaben, Ziffern, _ und -, am "
                        "Anfang ein Buchstabe",
    }  # no "keine Beschreibung" for dritte: its description is there, only wrong


def test_year_or_as_of_needed_without_year_column(tmp_path):
    meta = META.replace("  year: 2025\n", "", 1)
    found, problems = load_indicators(write(tmp_path, "district;quote;kinder\nnord;1;2\n", meta),
                                      districts("nord"), CATEGORIES)
    assert [(p.line, p.col, p.field) for p in problems] == [(1, 1, "quote")]
    assert "year oder as_of angeben" in problems[0].message


def test_one_file_without_the_other(tmp_path):
    (tmp_path / "indicators.csv").write_text("district;quote\nnord;1\n", encoding="utf-8")
    found, problems = load_indicators(tmp_path, districts("nord"), CATEGORIES)
    assert found is None and "Datei fehlt" in problems[0].message
    assert problems[0].file.endswith("indicators.yml")


def test_no_files_no_indicators(tmp_path):
    assert load_indicators(tmp_path, districts("nord"), CATEGORIES) == (None, [])


def test_duplicate_rows_and_described_indicator_without_column(tmp_path):
    csv = "district;quote\nnord;1\nnord;2\n"
    found, problems = load_indicators(write(tmp_path, csv), districts("nord"), CATEGORIES)
    assert shown(problems) == [
        "indicators.csv:3:1: error: district: Sozialraum 'nord' steht doppelt (zuerst in Zeile 2)",
        "indicators.yml:8:1: warning: kinder: Kennzahl 'kinder' hat keine Spalte in "
        "indicators.csv: sie wird nicht gezeigt",
    ]


@pytest.mark.parametrize(("text", "comma", "value"), [
    ("14,2", True, 14.2), ("1.234,5", True, 1234.5), ("1 234", False, 1234.0),
    ("14.2", False, 14.2), ("", True, None), ("x", False, None), ("–", True, 0.0),
])
def test_numbers(text, comma, value):
    assert parse_number(text, comma) == value


@pytest.mark.parametrize("text", ["14,2 %", "-3", "abc", "1,2,3"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text, True)


def test_split_line_keeps_columns():
    cells = split_line('nord;"a;b";"sagt ""ja""";', 4, ";")
    assert [(c.text, c.col) for c in cells] == [("nord", 1), ("a;b", 6), ('sagt "ja"', 12),
                                                ("", 26)]


def test_sample_atlas_indicators_load_cleanly():
    project = project_for(ROOT / "content", AtlasConfig(), ROOT)
    inputs, problems = inspect(project, date(2026, 11, 22))
    assert [p for p in problems if "indicators" in p.file] == []
    found = inputs.indicators
    assert found.years == (2021, 2023, 2025)
    assert "Erfundene Beispielzahlen" in found.indicators["sgb2_quote"].source
    assert found.value("sgb2_quote", "sued") == 16.9


def test_atlas_check_reports_indicator_errors(tmp_path, capsys):
    from build_tools.cli import main

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    table = content / "indicators.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("sued;2023;15,9",
                                                                "sued;2023;15,9 %"),
                     encoding="utf-8")
    code = main(["check", "--config", str(ROOT / "mkdocs.yml"), "--content", str(content)])
    out = capsys.readouterr()
    assert code != 0
    assert "indicators.csv:11:11: error: sgb2_quote: '15,9 %' ist keine Zahl" in out.out + out.err
