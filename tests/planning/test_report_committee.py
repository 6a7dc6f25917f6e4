"""The committee report: summary first, contents, need pages, page x of y, headers whole, tagged."""

from __future__ import annotations

import io
import re

import pikepdf
import pypdfium2 as pdfium
import pytest

from build_tools.planning.analysis import analyse
from build_tools.planning.findings import summary_findings
from build_tools.planning.report_content import report_content, table_data
from build_tools.planning.report_md import report_csv_files, report_markdown
from build_tools.planning.report_pdf import ReportError, compile_report, report_pdf
from build_tools.planning.tables import Table, Value
from build_tools.templating import Templates

from .test_profile_and_need_pages import sample_inputs
from .test_report import pdf_text

NAME = "Hilfe in Musterstadt"
SECTIONS = ["Das Wichtigste in Kürze", "Inhalt", "Lücken", "Bedarf und Angebot", "Versorgung",
            "Erreichbarkeit je Kategorie", "Zeiten", "Kennzahlen", "Methode"]


@pytest.fixture(scope="module")
def sample():
    inputs = sample_inputs()
    result = analyse(inputs.catalog, inputs.settings.planning, None, inputs.indicators)
    return result, report_pdf(result, inputs.settings.name, inputs.catalog.build_date)


def _folded(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def raw_pages(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [_folded(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]


def footer(name: str = NAME) -> re.Pattern:
    """The footer at the end of a page's text: ``<name> — Planungsbericht Seite x von y``."""
    return re.compile(rf" ?{re.escape(_folded(name))} — Planungsbericht Seite (\d+) von (\d+)$")


def page_texts(data: bytes, name: str = NAME) -> list[str]:
    """Each page's text, white space folded, the footer (drawn last) cut off the end."""
    return [footer(name).sub("", t, count=1) for t in raw_pages(data)]


def structure(pdf: pikepdf.Pdf) -> list[tuple[str, pikepdf.Dictionary]]:
    """Every element of the structure tree in reading order: (type, element)."""
    out: list[tuple[str, pikepdf.Dictionary]] = []

    def walk(node) -> None:
        if not isinstance(node, pikepdf.Dictionary):
            return
        if "/S" in node:
            out.append((str(node.S), node))
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids else []):
            walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return out


def test_first_page_is_the_summary_with_a_map(sample):
    result, data = sample
    first = page_texts(data)[0]
    assert first.startswith("Planungsbericht: Hilfe in Musterstadt Stand ")
    assert "Das Wichtigste in Kürze" in first
    chosen = summary_findings(result)
    assert 3 <= len(chosen) <= 5
    assert chosen[0].text.startswith("Süd: hoher Bedarf bei Essen/Tafel (SGB-II-Quote 16,9")
    for finding in chosen:
        assert _folded(finding.text) in first
    assert "Karte: Essen/Tafel — Bedarf: SGB-II-Quote" in first
    image = pdfium.PdfDocument(data)[0].render(scale=0.5).to_pil().convert("L")
    right = image.crop((image.width // 2, 0, image.width, image.height))
    dark = right.point(lambda p: 255 if p < 200 else 0).histogram()[255]
    assert dark > 2000  # the map is drawn, not blank


def test_contents_page_numbers_and_outline(sample):
    _, data = sample
    raw = raw_pages(data)
    total = len(raw)
    assert raw[0].endswith(f"Seite 1 von {total}")
    for number, text in enumerate(raw, start=1):
        assert footer().search(text).groups() == (str(number), str(total)), number
    pages = page_texts(data)
    assert pages[1].startswith("Inhalt")
    need_page = next(i for i, t in enumerate(pages, 1)
                     if t.startswith("Essen/Tafel — Bedarf: SGB-II-Quote"))
    listed = re.search(r"Essen/Tafel — Bedarf: SGB-II-Quote [. ]*\.+ (\d+)", pages[1])
    assert listed and listed.group(1) == str(need_page)
    titles = [b.get_title() for b in pdfium.PdfDocument(data).get_toc()]
    assert titles[:3] == ["Das Wichtigste in Kürze", "Lücken", "Bedarf und Angebot"]
    assert titles[-1] == "Methode" and "Kennzahlen" in titles
    assert any(t.startswith("Methode") for t in pages[-3:])


def test_need_page_holds_map_and_table_on_one_page(sample):
    _, data = sample
    page = next(t for t in page_texts(data) if t.startswith("Essen/Tafel — Bedarf: SGB-II-Quote"))
    assert "Karte: SGB-II-Quote 2025 (in %)" in page
    assert "Süd 1 ⚠ 16,9 1.622 0 ✕ 0,00 1,6 4,3 km ⚠ kein Angebot in 2 km" in page
    assert "Innenstadt 6 14,8 2.486 4 1,61 −1,5 394 m –" in page


def test_tagged_pdf_ua(sample):
    """Marked, structure tree, language, title, headings, contents, alt texts, header cells."""
    result, data = sample
    pdf = pikepdf.open(io.BytesIO(data))
    assert pdf.Root.MarkInfo.Marked is True
    assert pdf.Root.Lang == "de"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert pdf.docinfo.Title == "Planungsbericht: Hilfe in Musterstadt"
    meta = pdf.open_metadata()
    assert meta["pdfuaid:part"] == "1"
    assert meta["dc:title"] == "Planungsbericht: Hilfe in Musterstadt"
    assert "de" in meta["dc:language"]
    tags = structure(pdf)
    kinds = [kind for kind, _ in tags]
    assert [str(node.T) for kind, node in tags if kind == "/H1"] == SECTIONS
    h2 = [str(node.T) for kind, node in tags if kind == "/H2"]
    assert "Essen/Tafel — Bedarf: SGB-II-Quote" in h2 and "Notunterkunft" in h2
    assert "/TOC" in kinds and kinds.count("/TOCI") >= len(SECTIONS) - 1
    figures = [node for kind, node in tags if kind == "/Figure"]
    indicators = len(result.indicators.indicators)
    assert len(figures) == 1 + len(result.need) + len(result.categories) + indicators
    assert all(str(f.get("/Alt", "")).startswith("Karte: ") for f in figures)
    assert str(figures[0].Alt).startswith(
        "Karte: Essen/Tafel — Bedarf: SGB-II-Quote je Sozialraum; höchster Wert Süd 16,9\u00a0%")
    tables = [node for kind, node in tags if kind == "/Table"]
    assert len(tables) >= 1 + len(result.categories) + len(result.need)
    for table in tables:
        head = [k for k in table.K if str(k.S) == "/THead"]
        assert head, "a table without header row"
        cells = [c for row in head[0].K for c in (row.K if isinstance(row.K, pikepdf.Array)
                                                  else [row.K])]
        assert cells and all(str(c.S) == "/TH" for c in cells)


def test_accessibility_note(sample):
    _, data = sample
    assert "ein getaggtes PDF nach PDF/UA-1" in page_texts(data)[-1]


def test_hostile_title_prints_literally(sample):
    """A name full of Typst markup is data, never markup."""
    result, _ = sample
    hostile = "Hilfe #set *fett* $x^2$ [Klammer] @ref <label> _kursiv_ `code` \\ // Ende"
    data = report_pdf(result, hostile)
    assert pikepdf.open(io.BytesIO(data)).docinfo.Title == f"Planungsbericht: {hostile}"
    first = page_texts(data, hostile)[0]
    assert first.startswith(_folded(f"Planungsbericht: {hostile}") + " 43 gezählte Angebote in 12 Kategorien")
    assert footer(hostile).search(raw_pages(data)[0]).group(1) == "1"


def test_reproducible_and_dated_from_the_build(sample, monkeypatch):
    result, data = sample
    inputs = sample_inputs()
    assert report_pdf(result, inputs.settings.name, inputs.catalog.build_date) == data
    assert pikepdf.open(io.BytesIO(data)).docinfo.CreationDate == "D:20261122000000Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    dated = report_pdf(result, inputs.settings.name, inputs.catalog.build_date)
    assert pikepdf.open(io.BytesIO(dated)).docinfo.CreationDate == "D:20260101000000Z"


LABELS = ["Notunterkunft", "Einwohner", "Kleidung", "Hygiene/Duschen", "Jugend und Familie"]


def _one_table_report(result, columns: list[str], rows: list[list[str]]) -> bytes:
    """The report with one table only (under "Versorgung")."""
    numeric = [False, *[True] * (len(columns) - 1)]
    table = Table("t", "Tabelle", columns, [[Value(c, c) for c in row] for row in rows], numeric)
    content = report_content(result, "T")
    content.update(need=[], categories=[], indicators=None, summary_map=None,
                   coverage=[table_data(table)])
    return compile_report(content)


def _words(data: bytes) -> set[str]:
    page = next(t for t in raw_pages(data) if t.startswith("Versorgung"))
    return set(page.split())


@pytest.mark.parametrize("repeat", [1, 6])
def test_headers_never_break_inside_a_word(sample, repeat):
    """Five categories stand level; thirty stand upright — no word is ever cut."""
    columns = ["Sozialraum", *LABELS * repeat]
    data = _one_table_report(sample[0], columns, [["Rölsdorf-Feld", *["12.345"] * (len(columns) - 1)]])
    words = _words(data)
    for label in LABELS:
        for word in label.split():
            assert word in words, (word, sorted(words))
    assert "12.345" in words


def test_every_report_header_is_whole(sample):
    """In the sample report, every word of every table header reaches the page whole."""
    result, data = sample
    words = set(" ".join(raw_pages(data)).split())
    content = report_content(result, "Hilfe in Musterstadt")
    tables = [*content["coverage"], content["times"], *[c["table"] for c in content["categories"]],
              *[p["table"] for p in content["need"]], *content["indicators"]["tables"]]
    for table in tables:
        for column in table["columns"]:
            for word in column.replace("\u00a0", " ").split():
                assert word in words, (table["title"], column)


def _right_edge(page, text: str) -> float:
    textpage = page.get_textpage()
    found = textpage.search(text, match_whole_word=True).get_next()
    assert found, text
    start, count = found
    return textpage.get_charbox(start + count - 1)[2]


def test_numbers_right_aligned_with_german_separators(sample):
    _, data = sample
    pdf = pdfium.PdfDocument(data)
    number = next(i for i, t in enumerate(page_texts(data)) if t.startswith("Versorgung"))
    page = pdf[number]
    text = page_texts(data)[number]
    assert "Innenstadt 16.800 " in text and "Süd 9.600 " in text  # thousands with a point
    assert "2,38" in text and "2.38" not in text  # decimal comma
    edges = {_right_edge(page, n) for n in ("16.800", "19.400", "9.600", "15.300")}
    assert max(edges) - min(edges) < 0.6  # one right edge for the whole column


def test_a_project_replaces_the_report_template(tmp_path, sample):
    result, _ = sample
    folder = tmp_path / "atlas" / "planning"
    folder.mkdir(parents=True)
    (folder / "report.typ").write_text(
        '#let data = json(bytes(sys.inputs.data))\n#set document(title: data.title)\n'
        '#set text(lang: "de", font: "DejaVu Sans")\n= Eigene Vorlage\n#data.facts\n',
        encoding="utf-8")
    data = report_pdf(result, "Musterstadt", templates=Templates(tmp_path))
    assert pdf_text(data).startswith("Eigene Vorlage 43 gezählte Angebote in 12 Kategorien")


@pytest.mark.parametrize(("template", "message"), [
    ('#set document(title: "x")\n#set text(lang: "de")\n#image("fehlt.svg")\n', "fehlt.svg"),
    ('#set document(title: "x")\n#set text(lang: "de", font: "Comic")\n= A\n', "comic"),
])
def test_a_broken_override_is_an_error_naming_the_template(tmp_path, sample, template, message):
    """A Typst error, and a warning too (a font it lacks): never a quietly wrong report."""
    folder = tmp_path / "atlas" / "planning"
    folder.mkdir(parents=True)
    (folder / "report.typ").write_text(template, encoding="utf-8")
    with pytest.raises(ReportError, match=message) as raised:
        report_pdf(sample[0], "Musterstadt", templates=Templates(tmp_path))
    assert str(folder / "report.typ") in str(raised.value)


def test_a_build_reports_a_broken_override_at_the_template(tmp_path):
    """In a site build the refusal is a finding like any content error, not a traceback."""
    from build_tools.build import Tools
    from build_tools.planning import site as planning_site
    from build_tools.problems import ContentError

    folder = tmp_path / "atlas" / "planning"
    folder.mkdir(parents=True)
    (folder / "report.typ").write_text('#image("fehlt.svg")\n', encoding="utf-8")
    render_tools = Tools(templates=Templates(tmp_path), pdf_cache=None, fork=False)
    with pytest.raises(ContentError) as raised:
        planning_site.render(sample_inputs(), render_tools)
    [problem] = raised.value.problems
    assert problem.file == str(folder / "report.typ")
    assert "fehlt.svg" in problem.message and "custom_dir" in problem.message


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
