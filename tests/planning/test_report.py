"""The report in three formats: Markdown, CSV per table, PDF (text extracted, not bytes)."""

from __future__ import annotations

import csv
import ctypes
import io
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import shapely

from build_tools.cli import main
from build_tools.planning.analysis import analyse
from build_tools.planning.findings import findings
from build_tools.planning.report_md import csv_zip, report_csv_files, report_markdown
from build_tools.planning.report_pdf import report_pdf

from .synthetic import make_catalog, make_offer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def result(square):
    ring = shapely.box(2000, 0, 4000, 2000).difference(shapely.box(2200, 200, 2800, 800))
    catalog = make_catalog(
        {"nord": (square, 5000), "ring": (ring, 3000)},
        [
            make_offer("a", "essen", (10, 10), opening_hours="Mo-Fr 09:00-12:00"),
            make_offer("b", "essen", (900, 900), confidential=True),
        ],
        categories=("essen", "kleidung"),
    )
    return analyse(catalog, catalog.config.planning)


def pdf_text(data: bytes) -> str:
    """All text of the PDF, whitespace folded to single spaces."""
    pdf = pdfium.PdfDocument(data)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return " ".join(text.replace("\u00a0", " ").split())


def pdf_fonts(data: bytes) -> set[str]:
    """Base names of the fonts text is actually drawn with (a subset's ``ABCDEF+`` cut off)."""
    names = set()
    for page in pdfium.PdfDocument(data):
        for obj in page.get_objects(max_depth=5):
            if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
                buffer = ctypes.create_string_buffer(256)
                pdfium_c.FPDFFont_GetBaseFontName(
                    pdfium_c.FPDFTextObj_GetFont(obj.raw), buffer, 256)
                names.add(buffer.value.decode().split("+")[-1])
    return names


def test_markdown_has_gaps_tables_and_method(result):
    text = report_markdown(result, "Musterstadt")
    assert text.startswith("# Planungsbericht: Musterstadt\n")
    for heading in ("## Lücken", "### Offene Angebote je Sozialraum und Kategorie",
                    "### Erreichbarkeit: Essen", "### Zeitliche Abdeckung je Kategorie",
                    "## Methode"):
        assert heading in text.splitlines()
    assert "| Ring | 3.000 | 0 ✕ | 0 ✕ |" in text.splitlines()


def test_csv_one_file_per_table_with_machine_values(result):
    files = report_csv_files(result)
    assert sorted(files) == [
        "erreichbarkeit-essen.csv", "erreichbarkeit-kleidung.csv", "versorgung-anzahl.csv",
        "versorgung-je-10000.csv", "zeiten.csv",
    ]
    rows = list(csv.DictReader(io.StringIO(files["versorgung-anzahl.csv"])))
    assert rows[0] == {"Sozialraum": "Nord", "id": "nord", "Einwohner": "5000",
                       "Essen": "2", "Kleidung": "0"}
    reach = list(csv.DictReader(io.StringIO(files["erreichbarkeit-essen.csv"])))
    assert reach[1]["id"] == "ring" and reach[1]["Weiter als 1,0 km"] == "ja"
    archive = zipfile.ZipFile(io.BytesIO(csv_zip(files)))
    assert sorted(archive.namelist()) == sorted(files)
    assert csv_zip(files) == csv_zip(files)


def test_pdf_carries_findings_tables_method_and_is_reproducible(result):
    data = report_pdf(result, "Musterstadt")
    assert data == report_pdf(result, "Musterstadt")
    text = pdf_text(data)
    for found in findings(result):
        assert " ".join(found.text.replace("\u00a0", " ").split()) in text
    assert "Methode" in text and "EPSG:25832" in text
    assert "Erreichbarkeit: Essen" in text
    assert "Karte: Kleidung" in text
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) >= 4  # overview, coverage, one page per category, times


def test_pdf_embeds_truetype_fonts_only(result):
    """The package's DejaVu Sans, embedded as subsets, in the text and in the maps' labels."""
    data = report_pdf(result, "Musterstadt")
    assert b"/FontFile2" in data  # embedded TrueType
    assert pdf_fonts(data) == {"DejaVuSans", "DejaVuSans-Bold"}


@pytest.mark.skipif(not (ROOT / "content" / "districts.geojson").exists(),
                    reason="sample atlas not present")
def test_atlas_report_on_the_sample_atlas_finds_the_southern_food_gap(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["report", "--config", str(ROOT / "mkdocs.yml"), "--out", str(tmp_path)])
    assert code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "planungsbericht.md" in names and "planungsbericht.pdf" in names
    assert "versorgung-anzahl.csv" in names and "zeiten.csv" in names
    markdown = (tmp_path / "planungsbericht.md").read_text(encoding="utf-8")
    gap = [line for line in markdown.splitlines() if line.startswith("- Essen")]
    assert any("Süd" in line for line in gap), gap
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "versorgung-anzahl.csv").read_text(encoding="utf-8"))))
    assert all(row["Einwohner"] for row in rows)  # the sample carries populations


def test_only_requested_formats(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["report", "--format", "csv", "--config", str(ROOT / "mkdocs.yml"),
                 "--out", str(tmp_path)])
    assert code == 0
    assert {p.suffix for p in tmp_path.iterdir()} == {".csv"}


def test_markdown_report_golden(result, golden):
    """The whole Markdown report of a small synthetic atlas (pytest --update-goldens)."""
    golden("planning/report.md", report_markdown(result, "Musterstadt"))
