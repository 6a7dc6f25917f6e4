"""The printable planning report for a council committee (ReportLab, A4 landscape).

Order: one page with the most important gaps and a map; the table of contents; all gaps; need
against supply (per category and need indicator a map beside its ranked table); coverage;
reachability per category (map and table); times; the indicators (small maps, values,
sources); the method in plain German at the end. Every page says "Seite x von y".

Accessibility, as far as ReportLab goes: title (shown in the viewer's title bar), author,
subject and keywords, language ``de``, real text in embedded TrueType fonts (extractable, with
a ToUnicode map), one bookmark per heading (the outline panel mirrors the table of contents),
reading order = story order, and every map described in words in its caption. ReportLab 5
writes no structure tree: the PDF is not tagged (no PDF/UA); the report says so and points to
the accessible HTML pages and the Markdown version. ``invariant=1`` makes the bytes
reproducible.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ..flyers.fonts import BOLD, REGULAR, register
from .analysis import PlanningResult
from .findings import findings, summary_findings
from .indicator_map import Layout, indicator_map
from .method import method_paragraphs, need_method_paragraphs
from .need_tables import indicator_sources_table, indicator_values_table, need_data_table
from .numbers import fmt_number
from .report_pdf_maps import PdfShapes, category_drawing, indicator_drawing
from .report_pdf_tables import pdf_table
from .tables import Table as DataTable
from .tables import coverage_tables, reach_table, time_table

NEED_ROWS = 25
"""Rows of a need table in the PDF; beyond, the note points to the CSV with all of them."""
ACCESSIBILITY_NOTE = (
    "Über dieses Dokument: Titel, Sprache (Deutsch) und Lesezeichen für jede Überschrift sind "
    "gesetzt, der Text ist echter Text, jede Karte ist unter ihr in Worten beschrieben, und "
    "alle Zahlen der Karten stehen in Tabellen. Das PDF ist nicht getaggt (kein PDF/UA): das "
    "Werkzeug, das es erzeugt (ReportLab), schreibt keine Strukturinformationen. Barrierefrei "
    "zugänglich sind dieselben Inhalte auf den Planungsseiten der Website (/planung/) und als "
    "Markdown-Bericht im ZIP-Archiv (planungsbericht.md)."
)


class _Heading(Paragraph):
    """A heading that goes into the table of contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str):
        super().__init__(escape(text), style)
        self.toc_text, self.level, self.key = text, level, key


class _PassCounter(Flowable):
    """Counts the passes of ``multiBuild`` and keeps the page total of the last one, so that
    every footer can say "Seite x von y" (one more pass when the total changed)."""

    def __init__(self) -> None:
        super().__init__()
        self.passes = 0
        self.total: int | None = None
        self._last: int | None = None
        self.doc = None

    def isIndexing(self) -> int:  # noqa: N802 - ReportLab's name
        return 1

    def beforeBuild(self) -> None:  # noqa: N802
        self.passes += 1

    def afterBuild(self) -> None:  # noqa: N802
        self._last, self.total = self.total, self.doc.page  # type: ignore[attr-defined]

    def isSatisfied(self) -> bool:  # noqa: N802
        return self.passes > 1 and self._last == self.total

    def notify(self, kind: str, stuff) -> None:
        """Indexing flowables hear every notice (table-of-contents entries); this one needs none."""

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        pass


class _Doc(SimpleDocTemplate):
    """Registers headings in the table of contents and as bookmarks."""

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - ReportLab's name
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.key, level=flowable.level)
            self.notify("TOCEntry", (flowable.level, flowable.toc_text, self.page, flowable.key))


class _PassTable(Table):
    """A table that draws itself only after the first pass (the pass that counts pages);
    splitting makes more of the same class, so every part keeps the report's counter."""

    counter: _PassCounter

    def draw(self) -> None:
        if self.counter.passes > 1:
            super().draw()


class _Deferred(Flowable):
    """A drawing laid out at its size in every pass, drawn only in the final passes (the first
    pass of ``multiBuild`` only counts pages; drawing maps there would double their cost)."""

    def __init__(self, drawing, counter: _PassCounter):
        super().__init__()
        self.drawing, self.counter = drawing, counter
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        if self.counter.passes > 1:
            self.drawing.drawOn(self.canv, 0, 0)


class PlanningReportPdf:
    """The committee report. Geometry in class attributes, parts in template methods."""

    pagesize = landscape(A4)
    margin = 14 * mm
    map_width = 150 * mm
    map_height = 92 * mm
    need_map_width = 92 * mm
    need_map_height = 112 * mm
    summary_map_width = 112 * mm
    summary_map_height = 118 * mm
    small_map_width = 58 * mm
    small_map_height = 42 * mm

    def __init__(self, result: PlanningResult, title: str, day: date | None = None):
        self.result = result
        self.title = title
        self.day = day
        register()
        self.styles = self._get_stylesheet()
        self.counter = _PassCounter()
        self.table_class = type("ReportTable", (_PassTable,), {"counter": self.counter})
        self._keys = 0

    frame_padding = 6
    """ReportLab's frame keeps 6 pt inside the margins on every side."""

    @property
    def content_width(self) -> float:
        """Width a flowable may take: between the margins, less the frame's padding."""
        return self.pagesize[0] - 2 * self.margin - 2 * self.frame_padding

    def _get_stylesheet(self) -> dict[str, ParagraphStyle]:
        base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, spaceAfter=4)
        return {
            "body": base,
            "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=18, leading=22,
                                    spaceAfter=6),
            "h1": ParagraphStyle("h1", base, fontName=BOLD, fontSize=15, leading=19,
                                 spaceAfter=6),
            "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=12.5, leading=16,
                                 spaceBefore=6, spaceAfter=4),
            "h3": ParagraphStyle("h3", base, fontName=BOLD, fontSize=10.5, leading=13,
                                 spaceBefore=4, spaceAfter=3),
            "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9, spaceAfter=0),
            "head": ParagraphStyle("head", base, fontName=BOLD, fontSize=7.5, leading=9,
                                   spaceAfter=0),
            "note": ParagraphStyle("note", base, fontSize=8, leading=10,
                                   textColor=colors.HexColor("#333333")),
            "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=0,
                                     spaceAfter=2, bulletFontName=REGULAR),
            "summary": ParagraphStyle("summary", base, fontSize=10.5, leading=14, leftIndent=16,
                                      bulletIndent=0, spaceAfter=7, bulletFontName=BOLD),
            "toc0": ParagraphStyle("toc0", base, fontName=BOLD, fontSize=10, leading=13),
            "toc1": ParagraphStyle("toc1", base, fontSize=9, leading=11.5, leftIndent=14),
        }

    # --- building blocks -------------------------------------------------------------------

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text), self.styles[style])

    def _h(self, text: str, level: int = 0) -> _Heading:
        self._keys += 1
        return _Heading(text, self.styles["h1" if level == 0 else "h2"], level, f"k{self._keys}")

    def _table(self, table: DataTable, width: float | None = None, title: bool = True) -> list:
        out: list = [self._p(table.title, "h3")] if title else []
        out.append(pdf_table(table, width or self.content_width, self.styles,
                             table_class=self.table_class))
        if table.note:
            out.append(self._p(table.note, "note"))
        out.append(Spacer(1, 4 * mm))
        return out

    def _drawing(self, drawing) -> _Deferred:
        return _Deferred(drawing, self.counter)

    @property
    def frame_height(self) -> float:
        """Height a flowable may take on one page."""
        return (self.pagesize[1] - 2 * self.margin - 4 * mm - 2 * self.frame_padding)

    def _side_by_side(self, left: list, right: list, left_width: float,
                      reserve: float = 30.0) -> list:
        """``left`` beside ``right`` when both fit on the page below a heading (``reserve``
        points); otherwise one after the other, so a long table may run over pages."""
        grid = self.table_class([[left, right]],
                                colWidths=[left_width, self.content_width - left_width])
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm),
                                  ("RIGHTPADDING", (1, 0), (1, 0), 0)]))
        _, height = grid.wrap(self.content_width, self.frame_height)
        if height <= self.frame_height - reserve:
            return [grid]
        return [*left, *right]

    # --- pages -----------------------------------------------------------------------------

    def _on_page(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.drawString(self.margin, 8 * mm, f"{self.title} — Planungsbericht")
        total = self.counter.total
        canvas.drawRightString(self.pagesize[0] - self.margin, 8 * mm,
                               f"Seite {doc.page} von {total}" if total else f"Seite {doc.page}")
        canvas.restoreState()

    def _summary(self) -> list:
        r = self.result
        story: list = [self._p(f"Planungsbericht: {self.title}", "title")]
        when = f"Stand {self.day:%d.%m.%Y}. " if self.day else ""
        story.append(self._p(
            f"{when}{fmt_number(r.open_offers, 0)} offene Angebote in {len(r.categories)} "
            f"Kategorien, {fmt_number(len(r.districts), 0)} Sozialräume."
        ))
        chosen = summary_findings(r)
        story.append(self._h("Das Wichtigste in Kürze", 0))
        left: list = []
        if not chosen:
            left.append(self._p("Keine Lücke nach den eingestellten Schwellen."))
        for number, finding in enumerate(chosen, start=1):
            left.append(Paragraph(escape(finding.text), self.styles["summary"],
                                  bulletText=f"{number}."))
        left.append(self._p("Wie gerechnet wird, steht am Ende unter „Methode“; alle Zahlen in "
                            "den Tabellen dieses Berichts.", "note"))
        right: list = []
        table = next((t for t in r.need if chosen and t.slug == chosen[0].slug), None)
        if table is not None and r.indicators is not None:
            chart = indicator_map(r, r.indicators, table.indicator, table)
            layout = Layout(r.districts, self.summary_map_width, self.summary_map_height - 30 * mm,
                            font=7)
            right += [self._drawing(indicator_drawing(chart, PdfShapes(layout))),
                      self._p(f"Karte: {chart.title}. {chart.description}", "note")]
        elif r.categories and r.districts:
            category_id, label = next(
                ((c, lbl) for c, lbl in r.categories if chosen and c == chosen[0].category_id),
                r.categories[0])
            right += [self._drawing(category_drawing(r, category_id, 70 * mm, 90 * mm)),
                      self._p(f"Karte: {label} — Angebote je Sozialraum; schraffiert: kein "
                              "Angebot.", "note")]
        story += self._side_by_side(left, right, self.content_width - self.summary_map_width
                                    - 6 * mm, reserve=80.0)
        return story

    def _need(self) -> list:
        r = self.result
        if not r.need or r.indicators is None:
            return []
        story: list = [PageBreak(), self._h("Bedarf und Angebot", 0), self._p(
            "Je Kategorie, für die eine Kennzahl als Bedarf gilt: geschätzte Menschen mit "
            "Bedarf, Angebote je 1.000 von ihnen und der Fehlbedarf gegenüber dem "
            "Durchschnitt. Markiert (⚠, auf der Karte mit dickem Rand und Rang): hoher Bedarf "
            "ohne oder mit wenig erreichbarem Angebot. Zuerst die markierten Sozialräume, dann "
            "alle übrigen nach dem Fehlbedarf.")]
        layout = Layout(r.districts, self.need_map_width, self.need_map_height - 32 * mm, font=7)
        shapes = PdfShapes(layout)
        for k, table in enumerate(r.need):
            chart = indicator_map(r, r.indicators, table.indicator, table)
            left = [self._drawing(indicator_drawing(chart, shapes)),
                    self._p(f"Karte: {chart.description}", "note")]
            data = need_data_table(table, NEED_ROWS)
            right_width = self.content_width - self.need_map_width - 6 * mm
            right = self._table(data, right_width, title=False)
            beside = self._side_by_side(left, right, self.need_map_width + 6 * mm)
            if len(beside) > 1:  # too long to stand beside the map: the full width below it
                beside = [*left, *self._table(data, title=False)]
            if k:
                story.append(PageBreak())
            story += [self._h(data.title, 1), *beside]
        return story

    def _categories(self) -> list:
        r = self.result
        story: list = [PageBreak(), self._h("Erreichbarkeit je Kategorie", 0)]
        for k, (category_id, label) in enumerate(r.categories):
            if k:
                story.append(PageBreak())
            caption = self._p(
                f"Karte: {label} — Angebote"
                f"{' je 10.000 Einwohner' if r.has_population else ''} je Sozialraum; "
                "schraffiert: kein Angebot im Sozialraum; Punkte: öffentliche Standorte.", "note")
            story += [self._h(label, 1), KeepTogether([
                self._drawing(category_drawing(r, category_id, self.map_width, self.map_height)),
                caption, Spacer(1, 3 * mm)])]
            story += self._table(reach_table(r, category_id, label))
        return story

    def _indicators(self) -> list:
        r = self.result
        indicators = r.indicators
        if indicators is None or not indicators.indicators:
            return []
        story: list = [PageBreak(), self._h("Kennzahlen", 0), self._p(
            "Eine kleine Karte je Kennzahl: bis zu fünf Stufen mit etwa gleich vielen Sozialräumen, "
            "dunkler = mehr Bedarf, schraffiert = keine Angabe. Die Werte stehen in der "
            "Tabelle danach.")]
        layout = Layout(r.districts, self.small_map_width, self.small_map_height, font=6)
        shapes = PdfShapes(layout)
        cells = []
        for indicator in indicators.indicators.values():
            chart = indicator_map(r, indicators, indicator)
            cells.append([self._p(indicator.label, "h3"),
                          self._drawing(indicator_drawing(chart, shapes, names=False))])
        per_row = 4
        rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
        rows[-1] += [""] * (per_row - len(rows[-1]))
        grid = self.table_class(rows, colWidths=[self.content_width / per_row] * per_row)
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [grid, PageBreak()]
        story += self._table(indicator_values_table(r, indicators))
        story += self._table(indicator_sources_table(indicators))
        return story

    def _get_story(self) -> list:
        r = self.result
        story: list = [self.counter, *self._summary(), PageBreak()]
        toc = TableOfContents(levelStyles=[self.styles["toc0"], self.styles["toc1"]],
                              dotsMinLevel=0)
        story += [self._p("Inhalt", "h1"), toc, PageBreak(), self._h("Lücken", 0)]
        found = findings(r)
        if not found:
            story.append(self._p("Keine Lücke nach den eingestellten Schwellen."))
        for f in found:
            story.append(Paragraph(escape(f.text), self.styles["bullet"], bulletText="•"))
        story += self._need()
        story += [PageBreak(), self._h("Versorgung", 0)]
        for table in coverage_tables(r):
            story += self._table(table)
        story += self._categories()
        story += [PageBreak(), self._h("Zeiten", 0), *self._table(time_table(r))]
        story += self._indicators()
        story += [PageBreak(), self._h("Methode", 0)]
        story += [self._p(p) for p in method_paragraphs(r) + need_method_paragraphs(r)]
        story.append(self._p(ACCESSIBILITY_NOTE, "note"))
        # The headings are known before the first pass: with them in place the table of
        # contents has its final height at once, so two passes do (pages, then numbers).
        toc.addEntries([(f.level, f.toc_text, 999, f.key) for f in story
                        if isinstance(f, _Heading)])
        return story

    def generate(self) -> bytes:
        """The PDF as bytes."""
        buffer = io.BytesIO()
        doc = _Doc(
            buffer, pagesize=self.pagesize, leftMargin=self.margin, rightMargin=self.margin,
            topMargin=self.margin, bottomMargin=self.margin + 4 * mm,
            title=f"Planungsbericht: {self.title}", author=self.title,
            subject="Versorgung, Erreichbarkeit, Zeiten, Bedarf und Angebot je Sozialraum",
            keywords=["Sozialplanung", "Sozialraum", "Planungsbericht"],
            creator="Angebotsatlas", invariant=1, lang="de", displayDocTitle=True,
        )
        self.counter.doc = doc
        doc.multiBuild(self._get_story(), onFirstPage=self._on_page, onLaterPages=self._on_page)
        return buffer.getvalue()


def report_pdf(result: PlanningResult, title: str, day: date | None = None) -> bytes:
    """The planning report as PDF bytes."""
    return PlanningReportPdf(result, title, day).generate()
