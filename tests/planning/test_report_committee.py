"""The committee report: summary first, table of contents, need pages, page x of y, headers whole."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from build_tools.flyers.fonts import BOLD, register
from build_tools.planning.analysis import analyse
from build_tools.planning.findings import summary_findings
from build_tools.planning.report_md import report_csv_files, report_markdown
from build_tools.planning.report_pdf import report_pdf
from build_tools.planning.report_pdf_tables import FONT_SIZE, PAD, UprightHeader, column_widths
from build_tools.planning.report_pdf_tables import pdf_table as make_pdf_table
from build_tools.planning.tables import Table, Value

from .test_profile_and_need_pages import sample_inputs
from .test_report import pdf_text


@pytest.fixture(scope="module")
def sample():
    inputs = sample_inputs()
    result = analyse(inputs.catalog, inputs.settings.planning, None, inputs.indicators)
    return result, report_pdf(result, inputs.settings.name, inputs.catalog.build_date)


FOOTER = re.compile(r"^.* — Planungsbericht Seite \d+ von \d+ ")


def page_texts(data: bytes) -> list[str]:
    """Each page's text, white space folded, the footer (drawn first) cut off the front."""
    pdf = pdfium.PdfDocument(data)
    texts = [" ".join(pdf[i].get_textpage().get_text_range().replace("\u00a0", " ").split())
             for i in range(len(pdf))]
    return [FOOTER.sub("", t, count=1) for t in texts]


def footers(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [FOOTER.match(" ".join(pdf[i].get_textpage().get_text_range().split())).group(0)
            for i in range(len(pdf))]


def test_first_page_is_the_summary_with_a_map(sample):
    result, data = sample
    pages = page_texts(data)
    first = pages[0]
    assert "Das Wichtigste in Kürze" in first
    chosen = summary_findings(result)
    assert 3 <= len(chosen) <= 5
    assert chosen[0].text.startswith("Süd: hoher Bedarf bei Essen/Tafel (SGB-II-Quote 16,9")
    for finding in chosen:
        assert " ".join(finding.text.replace("\u00a0", " ").split()) in first
    assert "Karte: Essen/Tafel — Bedarf: SGB-II-Quote" in first
    image = pdfium.PdfDocument(data)[0].render(scale=0.5).to_pil().convert("L")
    right = image.crop((image.width // 2, 0, image.width, image.height))
    dark = right.point(lambda p: 255 if p < 200 else 0).histogram()[255]
    assert dark > 2000  # the map is drawn, not blank


def test_contents_page_numbers_and_outline(sample):
    _, data = sample
    pages = page_texts(data)
    total = len(pages)
    assert pages[1].startswith("Inhalt")
    for number, text in enumerate(footers(data), start=1):
        assert text.endswith(f"Seite {number} von {total} ")
    need_page = next(i for i, t in enumerate(pages, 1)
                     if t.startswith("Essen/Tafel — Bedarf: SGB-II-Quote"))
    assert "Essen/Tafel — Bedarf: SGB-II-Quote . " in pages[1]
    assert pages[1].split("Essen/Tafel — Bedarf: SGB-II-Quote")[1].lstrip(" .").split()[0] \
        == str(need_page)
    pdf = pdfium.PdfDocument(data)
    titles = [b.get_title() for b in pdf.get_toc()]
    assert titles[:3] == ["Das Wichtigste in Kürze", "Lücken", "Bedarf und Angebot"]
    assert titles[-1] == "Methode" and "Kennzahlen" in titles
    assert any(t.startswith("Methode") for t in pages[-3:])


def test_need_page_holds_map_and_table_on_one_page(sample):
    _, data = sample
    page = next(t for t in page_texts(data) if t.startswith("Essen/Tafel — Bedarf: SGB-II-Quote"))
    assert "Karte: SGB-II-Quote 2025 (in %)" in page
    assert "Süd 1 ⚠ 16,9 1.622 0 ✕ 0,00 1,6 4,3 km ⚠ kein Angebot in 2 km" in page
    assert "Innenstadt 6 14,8 2.486 4 1,61 −1,5 394 m –" in page


def test_metadata_language_and_the_honest_accessibility_note(sample):
    _, data = sample
    pdf = pdfium.PdfDocument(data)
    assert pdf.get_metadata_dict()["Title"] == "Planungsbericht: Hilfe in Musterstadt"
    assert b"/Lang (de)" in data and b"/DisplayDocTitle true" in data
    assert "Das PDF ist nicht getaggt (kein PDF/UA)" in page_texts(data)[-1]


def test_reproducible(sample):
    result, data = sample
    inputs = sample_inputs()
    assert report_pdf(result, inputs.settings.name, inputs.catalog.build_date) == data


def test_headers_never_break_inside_a_word():
    register()
    labels = ["Notunterkunft", "Einwohner", "Kleidung", "Hygiene/Duschen", "Jugend und Familie"]
    table = Table("t", "T", ["Sozialraum", *labels],
                  [[Value("Rölsdorf-Feld", "r"), *[Value("12", 12)] * len(labels)]],
                  [False, *[True] * len(labels)])
    widths, upright = column_widths(table, 400)
    assert not upright
    for label, width in zip(labels, widths[1:], strict=True):
        widest = max(stringWidth(w, BOLD, FONT_SIZE) for w in label.split())
        assert width >= widest + 2 * PAD, label
    widths, upright = column_widths(table, 150)  # too narrow: the headers stand upright
    assert upright
    header = UprightHeader("Jugend und Familie und noch viel mehr Text", True)
    assert len(header.lines) == 2  # a long upright header wraps at a space, words stay whole
    assert " ".join(header.lines) == "Jugend und Familie und noch viel mehr Text"


def test_numbers_right_aligned(sample):
    register()
    table = Table("t", "T", ["Sozialraum", "Einwohner"],
                  [[Value("Süd", "sued"), Value("9.600", 9600)]], [False, True])
    from build_tools.planning.report_pdf import PlanningReportPdf

    styles = PlanningReportPdf(sample[0], "x").styles
    grid = make_pdf_table(table, 300, styles)
    assert grid._cellStyles[1][1].alignment == "RIGHT"
    assert grid._cellStyles[1][0].alignment == "LEFT"


def test_markdown_and_csv_carry_the_need_tables(sample):
    result, _ = sample
    markdown = report_markdown(result, "Musterstadt")
    assert "## Hoher Bedarf, wenig Angebot" in markdown
    assert "### Essen/Tafel — Bedarf: SGB-II-Quote" in markdown
    files = report_csv_files(result)
    assert "bedarf-essen-sgb2_quote.csv" in files and "kennzahlen.csv" in files
    first = files["bedarf-essen-sgb2_quote.csv"].splitlines()[1]
    assert first.startswith("Süd,sued,1,16.9,1622.4,0,0.0,1.609,4338,ja")


def test_a_400_district_report_stays_within_its_pages():
    """The side-by-side need page falls back to map above table when the table is long."""
    from benchmarks.planning_bench import synthetic_catalog, synthetic_indicators

    catalog = synthetic_catalog(600, 20)
    indicators, _ = synthetic_indicators(catalog, 4, 2)
    result = analyse(catalog, catalog.config.planning, None, indicators)
    text = pdf_text(report_pdf(result, "Gross"))
    assert "Gezeigt: die ersten 25 von 400 Sozialräumen" in text
    assert "(Zahl im Kreis = Rang in der Tabelle (die ersten 15))" in text
