"""Tables for the PDF report: column widths from the text itself, headers that never break a word.

A header wraps only between words: every column is at least as wide as its longest header word.
When a wide matrix (twelve categories) cannot give each column that much room, its headers are
turned upright (read from bottom to top) and the columns take the width of their figures. Numbers
are right-aligned, headers of number columns too; cell text wraps at spaces where it must.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..flyers.fonts import BOLD, REGULAR
from .tables import Table as DataTable

FONT_SIZE = 7.5
LEADING = 9.0
PAD = 2.5
"""Left and right padding of a cell (points)."""
MAX_UPRIGHT = 110.0
"""An upright header longer than this (points) wraps onto a second line."""
ZERO_BACKGROUND = colors.HexColor("#fde0dd")
FLAG_BACKGROUND = colors.HexColor("#fff3bf")
HEADER_BACKGROUND = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#999999")


def _widest_word(text: str, font: str) -> float:
    return max((stringWidth(word, font, FONT_SIZE) for word in text.split()), default=0.0)


class UprightHeader(Flowable):
    """A header cell written bottom to top, in one or two lines (never broken inside a word)."""

    def __init__(self, text: str, right: bool):
        super().__init__()
        self.lines = _lines(text, MAX_UPRIGHT)
        self.right = right
        self.length = max(stringWidth(line, BOLD, FONT_SIZE) for line in self.lines)

    def wrap(self, available_width, available_height):
        return LEADING * len(self.lines), self.length

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(BOLD, FONT_SIZE)
        canvas.rotate(90)
        for k, line in enumerate(self.lines):
            # After the rotation x runs up the page and y to the left: baseline k+1 leadings in.
            canvas.drawString(0, -(k + 1) * LEADING + 2, line)
        canvas.restoreState()


def _lines(text: str, limit: float) -> list[str]:
    """``text`` in at most two lines of about ``limit`` points, broken at a space."""
    if stringWidth(text, BOLD, FONT_SIZE) <= limit or " " not in text:
        return [text]
    words = text.split()
    best = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        longest = max(stringWidth(first, BOLD, FONT_SIZE), stringWidth(second, BOLD, FONT_SIZE))
        if best is None or longest < best[0]:
            best = (longest, [first, second])
    return best[1]  # type: ignore[index]


def column_widths(table: DataTable, available: float) -> tuple[list[float], bool]:
    """Widths that fit ``available`` points, and whether the headers must stand upright."""
    count = len(table.columns)
    head = [_widest_word(c, BOLD) + 2 * PAD for c in table.columns]
    words = [0.0] * count
    full = [0.0] * count
    for row in table.rows:
        for k, value in enumerate(row):
            font = BOLD if value.flag and not value.zero else REGULAR
            whole = stringWidth(value.text, font, FONT_SIZE)
            full[k] = max(full[k], whole)
            words[k] = max(words[k], whole if table.numeric[k] else
                           _widest_word(value.text, font))
    cells = [w + 2 * PAD for w in words]
    base = [max(h, c) for h, c in zip(head, cells, strict=True)]
    upright = sum(base) > available
    if upright:
        base = [base[0]] + [max(c, LEADING * 2 + 2 * PAD) for c in cells[1:]]
    # Spare room goes where it saves lines: first to cells (none wraps when room allows),
    # then to headers (up to two lines each), the rest evenly.
    stages = [
        [f + 2 * PAD for f in full],
        [stringWidth(c, BOLD, FONT_SIZE) / 2 + 2 * PAD if not (upright and k) else 0.0
         for k, c in enumerate(table.columns)],
    ]
    extra = available - sum(base)
    for wanted in stages:
        # The narrowest needs first: rather one long column wraps than every column a little.
        for k in sorted(range(count), key=lambda k: wanted[k] - base[k]):
            room = max(wanted[k] - base[k], 0.0)
            give = min(room, max(extra, 0.0))
            base[k] += give
            extra -= give
    if extra > 0:
        base = [b + extra / count for b in base]
    return base, upright


def pdf_table(table: DataTable, available: float, styles: dict[str, ParagraphStyle],
              first_column_style: str = "cell", table_class: type[Table] = Table) -> Table:
    """The ReportLab table of a data table, ``available`` points wide, its header repeated.

    ``table_class``: a :class:`Table` subclass (the report's, which skips drawing in the pass
    that only counts pages)."""
    widths, upright = column_widths(table, available)
    head_right = ParagraphStyle("head-right", styles["head"], alignment=TA_RIGHT)
    header: list = []
    for k, (label, numeric) in enumerate(zip(table.columns, table.numeric, strict=True)):
        if upright and k > 0:
            header.append(UprightHeader(label, numeric))
        else:
            header.append(Paragraph(escape(label), head_right if numeric else styles["head"]))
    data = [header]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("GRID", (0, 0), (-1, -1), 0.25, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for col, numeric in enumerate(table.numeric):
        if numeric:
            style.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    for row_index, row in enumerate(table.rows, start=1):
        cells: list = []
        for col, value in enumerate(row):
            fits = table.numeric[col] or (
                stringWidth(value.text, REGULAR, FONT_SIZE) <= widths[col] - 2 * PAD)
            cells.append(value.text if fits else Paragraph(escape(value.text),
                                                           styles[first_column_style]))
            if value.zero:
                style.append(("BACKGROUND", (col, row_index), (col, row_index), ZERO_BACKGROUND))
            elif value.flag:
                style.append(("BACKGROUND", (col, row_index), (col, row_index), FLAG_BACKGROUND))
                style.append(("FONTNAME", (col, row_index), (col, row_index), BOLD))
        data.append(cells)
    grid = table_class(data, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle(style))
    return grid
