"""The printable planning report for a council committee (ReportLab, A4 landscape).

Tables, one map per category drawn from the polygons and points themselves (no tiles), and
the method. Fonts are embedded TrueType (DejaVu Sans); ``invariant=1`` makes the bytes
reproducible.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import FILL_EVEN_ODD, Drawing, Line, Path, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..flyers.fonts import BOLD, REGULAR, register
from .analysis import PlanningResult
from .choropleth import OUTLINE, POINT, ZERO_FILL, ZERO_HATCH, Frame, hatch_lines, rings, shades
from .findings import findings
from .method import method_paragraphs
from .tables import Table as DataTable
from .tables import coverage_tables, reach_table, time_table

ZERO_BACKGROUND = colors.HexColor("#fde0dd")
FLAG_BACKGROUND = colors.HexColor("#fff3bf")
HEADER_BACKGROUND = colors.HexColor("#e8eef5")


class PlanningReportPdf:
    """The committee report. Geometry in class attributes, parts in template methods."""

    pagesize = landscape(A4)
    margin = 14 * mm
    map_width = 150 * mm
    map_height = 120 * mm
    first_column = 45 * mm

    def __init__(self, result: PlanningResult, title: str, day: date | None = None):
        self.result = result
        self.title = title
        self.day = day
        register()
        self.styles = self._get_stylesheet()

    @property
    def content_width(self) -> float:
        return self.pagesize[0] - 2 * self.margin

    def _get_stylesheet(self) -> dict[str, ParagraphStyle]:
        base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, spaceAfter=4)
        return {
            "body": base,
            "h1": ParagraphStyle("h1", base, fontName=BOLD, fontSize=18, leading=22,
                                 spaceAfter=6),
            "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=13, leading=16,
                                 spaceBefore=8, spaceAfter=4),
            "h3": ParagraphStyle("h3", base, fontName=BOLD, fontSize=11, leading=14,
                                 spaceBefore=6, spaceAfter=3),
            "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9, spaceAfter=0),
            "head": ParagraphStyle("head", base, fontName=BOLD, fontSize=7.5, leading=9,
                                   spaceAfter=0),
            "note": ParagraphStyle("note", base, fontSize=8, leading=10,
                                   textColor=colors.HexColor("#333333")),
            "bullet": ParagraphStyle("bullet", base, leftIndent=10, bulletIndent=0, spaceAfter=1,
                                     bulletFontName=REGULAR),
        }

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text), self.styles[style])

    def _on_page(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.drawString(self.margin, 8 * mm, f"{self.title} — Planungsbericht")
        canvas.drawRightString(self.pagesize[0] - self.margin, 8 * mm, f"Seite {doc.page}")
        canvas.restoreState()

    def _get_story(self) -> list:
        r = self.result
        story: list = [self._p(f"Planungsbericht: {self.title}", "h1")]
        when = f"Stand {self.day:%d.%m.%Y}. " if self.day else ""
        story.append(self._p(
            f"{when}{r.open_offers} offene Angebote in {len(r.categories)} Kategorien, "
            f"{len(r.districts)} Sozialräume."
        ))
        story.append(self._p("Lücken", "h2"))
        found = findings(r)
        if not found:
            story.append(self._p("Keine Lücke nach den eingestellten Schwellen."))
        for f in found:
            story.append(Paragraph(escape(f.text), self.styles["bullet"], bulletText="•"))
        story.append(self._p("Methode", "h2"))
        story += [self._p(p) for p in method_paragraphs(r)]
        story.append(PageBreak())
        story.append(self._p("Versorgung", "h2"))
        for table in coverage_tables(r):
            story += self._table(table)
        for category_id, label in r.categories:
            story.append(PageBreak())
            story.append(self._p(f"{label}", "h2"))
            story.append(self._map(category_id, label))
            story += self._table(reach_table(r, category_id, label))
        story.append(PageBreak())
        story += self._table(time_table(r))
        return story

    def _table(self, table: DataTable) -> list:
        columns = len(table.columns)
        rest = (self.content_width - self.first_column) / max(columns - 1, 1)
        widths = [self.first_column] + [rest] * (columns - 1)
        data = [[Paragraph(escape(c), self.styles["head"]) for c in table.columns]]
        style = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        for col, numeric in enumerate(table.numeric):
            if numeric:
                style.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
        for row_index, row in enumerate(table.rows, start=1):
            data.append([v.text for v in row])
            for col, value in enumerate(row):
                if value.zero:
                    style.append(("BACKGROUND", (col, row_index), (col, row_index),
                                  ZERO_BACKGROUND))
                elif value.flag:
                    style.append(("BACKGROUND", (col, row_index), (col, row_index),
                                  FLAG_BACKGROUND))
                    style.append(("FONTNAME", (col, row_index), (col, row_index), BOLD))
        grid = Table(data, colWidths=widths, repeatRows=1)
        grid.setStyle(TableStyle(style))
        out = [self._p(table.title, "h3"), grid]
        if table.note:
            out.append(self._p(table.note, "note"))
        out.append(Spacer(1, 4 * mm))
        return out

    def _map(self, category_id: str, label: str) -> KeepTogether:
        r = self.result
        frame = Frame.fit([d.geometry for d in r.districts], self.map_width, self.map_height)
        shaded, legend = shades(r, category_id)
        legend_width = 95 * mm
        drawing = Drawing(frame.width + legend_width, max(frame.height, 14 * len(legend)))
        by_id = {d.id: d for d in r.districts}
        spacing = 2.2 * mm / frame.scale
        # Few, large path objects: ReportLab formats every coordinate in Python.
        hatch = Path(fillColor=None, strokeColor=colors.HexColor(ZERO_HATCH), strokeWidth=0.6)
        for shade in shaded:
            geom = by_id[shade.district_id].geometry
            path = Path(fillColor=colors.HexColor(shade.fill),
                        strokeColor=colors.HexColor(OUTLINE), strokeWidth=0.5,
                        fillMode=FILL_EVEN_ODD)  # holes stay open
            for ring in rings(geom):
                x0, y0 = frame.xy(*ring[0], y_down=False)
                path.moveTo(x0, y0)
                for x, y in ring[1:]:
                    path.lineTo(*frame.xy(x, y, y_down=False))
                path.closePath()
            drawing.add(path)
            if shade.zero:
                for a, b in hatch_lines(geom, spacing):
                    hatch.moveTo(*frame.xy(*a, y_down=False))
                    hatch.lineTo(*frame.xy(*b, y_down=False))
        drawing.add(hatch)
        # Points as round-capped dots of one path (a Circle each would be 4 curves).
        dots = Path(fillColor=None, strokeColor=colors.HexColor(POINT), strokeWidth=3.2,
                    strokeLineCap=1)
        for point in r.map_points.get(category_id, []):
            if not frame.contains(point.x, point.y):
                continue
            x, y = frame.xy(point.x, point.y, y_down=False)
            dots.moveTo(x, y)
            dots.lineTo(x + 0.01, y)
        drawing.add(dots)
        y = drawing.height - 12
        lx = frame.width + 8 * mm
        for fill, text in legend:
            drawing.add(Rect(lx, y, 10, 8, fillColor=colors.HexColor(fill),
                             strokeColor=colors.HexColor(OUTLINE), strokeWidth=0.4))
            if fill == ZERO_FILL:
                drawing.add(Line(lx, y, lx + 8, y + 8, strokeColor=colors.HexColor(ZERO_HATCH),
                                 strokeWidth=0.6))
            drawing.add(String(lx + 14, y + 1, text, fontName=REGULAR, fontSize=7.5))
            y -= 13
        drawing.add(String(lx, y - 4, "● öffentlicher Standort (vertrauliche nicht gezeigt)",
                           fontName=REGULAR, fontSize=7.5))
        caption = self._p(
            f"Karte: {label} — Angebote"
            f"{' je 10.000 Einwohner' if r.has_population else ''} je Sozialraum; "
            "schraffiert: kein Angebot im Sozialraum.", "note",
        )
        return KeepTogether([drawing, caption, Spacer(1, 3 * mm)])

    def generate(self) -> bytes:
        """The PDF as bytes."""
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=self.margin, rightMargin=self.margin,
            topMargin=self.margin, bottomMargin=self.margin + 4 * mm,
            title=f"Planungsbericht: {self.title}", author=self.title,
            creator="Angebotsatlas", invariant=1, lang="de",
        )
        doc.build(self._get_story(), onFirstPage=self._on_page, onLaterPages=self._on_page)
        return buffer.getvalue()


def report_pdf(result: PlanningResult, title: str, day: date | None = None) -> bytes:
    """The planning report as PDF bytes."""
    return PlanningReportPdf(result, title, day).generate()

