"""Building blocks shared by card and poster: the colour band, the heading, the label/value rows
and the QR code with its label above and its address below.

A bilingual sheet (``sheet.second``) prints German first and its second language beneath, in
the same hierarchy: the second title under the title, the second summary under the summary,
each label with its translation under it, and under a row's German values the second
language's where they differ (hours in its words, "free", papers, dogs, directions). The
second language is drawn by ``pen.second``, so Arabic is shaped and right-aligned in its box.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm

from . import qr
from .icons import draw_icon
from .page import SAFE_MM
from .pen import Pen
from .texts import OfferSheet, label


@dataclass
class Row:
    """One labelled fact: ``phone`` rows are printed big, bold and left-to-right."""

    label: str
    values: list[str]
    kind: str = "text"
    max_lines: int | None = None
    """Longest a value may run (shortened with "…"); ``None``: as long as it needs."""
    second_label: str = ""
    """The label in the sheet's second language, printed under the German one."""
    second: list[str] = field(default_factory=list)
    """Values in the second language, printed under the German ones (only those that differ)."""


def _row(sheet: OfferSheet, lang: str, key: str, values: list[str], kind: str = "text",
         second: list[str] | None = None, max_lines: int | None = None) -> Row:
    """A row labelled ``key``; on a bilingual sheet with its second label and values."""
    row = Row(label(lang, key), values, kind, max_lines)
    if sheet.second is not None:
        row.second_label = label(sheet.second.lang, key)
        row.second = [v for v in second or [] if v and v not in values]
    return row


def offer_rows(sheet: OfferSheet, lang: str, with_meta: bool = True) -> list[Row]:
    """The facts of an offer in print order."""
    rows: list[Row] = []
    other = sheet.second or sheet
    hours = [*sheet.hours, *([sheet.hours_note] if sheet.hours_note else [])]
    if hours:
        rows.append(_row(sheet, lang, "hours", hours,
                         second=[*other.hours, *([other.hours_note] if other.hours_note else [])]))
    if sheet.confidential:
        rows.append(_row(sheet, lang, "address", [label(lang, "confidential")],
                         second=[label(other.lang, "confidential")]))
    elif sheet.address:
        rows.append(_row(sheet, lang, "address", sheet.address, second=other.address))
    elif sheet.area:
        rows.append(_row(sheet, lang, "area", [sheet.area]))
    if sheet.phones:
        rows.append(_row(sheet, lang, "phone", sheet.phones, "phone"))
    if with_meta:
        rows.extend(meta_rows(sheet, lang))
    return rows


def meta_rows(sheet: OfferSheet, lang: str, papers_lines: int | None = None,
              lean: bool = False) -> list[Row]:
    """Costs, papers and dogs (when known, in the offer page's words), languages, provider
    (``lean``: without languages and provider, the rows a crowded bilingual card gives up)."""
    rows = []
    other = sheet.second or sheet
    if sheet.costs:
        rows.append(_row(sheet, lang, "costs", [sheet.costs], second=[other.costs]))
    if sheet.papers:
        rows.append(_row(sheet, lang, "papers", [sheet.papers], second=[other.papers],
                         max_lines=papers_lines))
    if sheet.dogs:
        rows.append(_row(sheet, lang, "dogs", [sheet.dogs], second=[other.dogs]))
    if lean:
        return rows
    if sheet.languages:
        rows.append(_row(sheet, lang, "languages", [sheet.languages]))
    if sheet.provider:
        rows.append(_row(sheet, lang, "provider", [sheet.provider]))
    return rows


@dataclass
class RowStyle:
    """Sizes of a row table, in points."""

    label_size: float
    value_size: float
    phone_size: float
    label_width: float
    gap: float


def label_width(pen: Pen, rows: list[Row], width: float, style: RowStyle) -> float:
    """Width of the label column: the widest label, at least the style's, at most 38 %."""
    widest = max((pen.measure(r.label, style.label_size, True) for r in rows), default=0.0)
    if pen.second is not None:
        widest = max([widest, *(pen.second.measure(r.second_label, style.label_size, True)
                                for r in rows)])
    return min(max(style.label_width, widest + 2.5 * mm), width * 0.38)


def _row_height(pen: Pen, row: Row, label_w: float, value_w: float, style: RowStyle) -> float:
    if row.kind == "phone":
        value = style.phone_size * 1.2 * len(row.values)
    else:
        value = sum(pen.height(v, value_w, style.value_size, max_lines=row.max_lines)
                    for v in row.values)
    lab = pen.height(row.label, label_w - 1.5 * mm, style.label_size, True)
    if pen.second is not None:
        value += sum(pen.second.height(v, value_w, style.value_size, max_lines=row.max_lines)
                     for v in row.second)
        if row.second_label:
            lab += pen.second.height(row.second_label, label_w - 1.5 * mm, style.label_size, True)
    first = style.phone_size if row.kind == "phone" else style.value_size
    return max(value, lab + (first - style.label_size) * 0.8)


def rows_height(pen: Pen, rows: list[Row], width: float, style: RowStyle) -> float:
    """Height the rows take in a box of ``width``."""
    label_w = label_width(pen, rows, width, style)
    value_w = width - label_w - 1 * mm
    return sum(_row_height(pen, row, label_w, value_w, style) + style.gap for row in rows)


def draw_rows(pen: Pen, rows: list[Row], x: float, top: float, width: float,
              style: RowStyle) -> float:
    """Draw the label/value rows (mirrored when right-to-left); returns the next top."""
    label_w = label_width(pen, rows, width, style)
    value_width = width - label_w - 1 * mm
    if pen.rtl:
        label_x, value_x = x + width - label_w, x
    else:
        label_x, value_x = x, x + label_w
    y = top
    for row in rows:
        row_top = y
        height = _row_height(pen, row, label_w, value_width, style)
        first = style.phone_size if row.kind == "phone" else style.value_size
        under = pen.paragraph(label_x, y - (first - style.label_size) * 0.8, label_w - 1.5 * mm,
                              row.label, style.label_size, bold=True, color=pen.ink.grey)
        if pen.second is not None and row.second_label:
            pen.second.paragraph(label_x, under, label_w - 1.5 * mm, row.second_label,
                                 style.label_size, bold=True, color=pen.ink.grey)
        if row.kind == "phone":
            for phone in row.values:
                pen.ltr(value_x, y - style.phone_size * 0.8, value_width, phone,
                        style.phone_size, bold=True)
                y -= style.phone_size * 1.2
        else:
            for value in row.values:
                y = pen.paragraph(value_x, y, value_width, value, style.value_size,
                                  max_lines=row.max_lines)
            if pen.second is not None:
                for value in row.second:
                    y = pen.second.paragraph(value_x, y, value_width, value, style.value_size,
                                             color=pen.ink.grey, max_lines=row.max_lines)
        y = row_top - height - style.gap
    return y


def category_band(sheet_doc, pen: Pen, sheet: OfferSheet, x: float, y: float, w: float,
                  h: float, label_size: float, margin: float, extra: str = "") -> None:
    """The category colour band with pictogram and label (white on the category colour)."""
    ink = sheet_doc.ink
    sheet_doc.bleed_rect(x, y, w, h, ink.hex(sheet.color))
    icon = min(h * 0.62, h - 2 * (SAFE_MM + 0.5) * mm)  # the band runs off the page: keep clear
    cy = y + h / 2
    if pen.rtl:
        icon_cx = x + w - margin - icon / 2
        text_x, text_w = x + margin, w - 2 * margin - icon - 3 * mm
    else:
        icon_cx = x + margin + icon / 2
        text_x, text_w = x + margin + icon + 3 * mm, w - 2 * margin - icon - 3 * mm
    draw_icon(pen.c, sheet.icon, icon_cx, cy, icon, ink.white)
    size = pen.fit(sheet.category_label, text_w, label_size, bold=True, min_size=8)
    if extra:
        pen.line(text_x, cy + size * 0.15, text_w, sheet.category_label, size, True, ink.white)
        small = pen.fit(extra, text_w, label_size * 0.8, bold=True, min_size=7)
        pen.line(text_x, cy - small * 1.15, text_w, extra, small, True, ink.white)
    else:
        pen.line(text_x, cy - size * 0.35, text_w, sheet.category_label, size, True, ink.white)


@dataclass(frozen=True)
class HeadingStyle:
    """Sizes (pt) and gaps (mm) of an offer flyer's heading: title, summary, alert."""

    title_size: float
    title_min: float
    title_step: float
    title_leading: float
    summary_size: float
    summary_lines: int
    after_title: float
    before_alert: float
    alert_size: float


SECOND_TITLE = 0.6
"""The second language's title, relative to the German title's size."""


def _heading_parts(pen: Pen, sheet: OfferSheet, width: float, style: HeadingStyle):
    """(pen, gap before, text, size, bold, grey, leading, max_lines) of each heading paragraph;
    on a bilingual sheet each German paragraph is followed by its translation."""
    other = sheet.second
    pen2 = pen.second or pen
    size = style.title_size
    while size > style.title_min and len(pen.wrap(sheet.title, width, size, True)) > 2:
        size -= style.title_step
    parts = [(pen, 0.0, sheet.title, size, True, False, size * style.title_leading, 4)]
    if other is not None and other.title != sheet.title:
        small = size * SECOND_TITLE
        parts.append((pen2, 0.6 * mm, other.title, small, True, False, small * 1.15, 2))
    gap = style.after_title * mm
    if sheet.summary and style.summary_lines:
        parts.append((pen, gap, sheet.summary, style.summary_size, False, True,
                      style.summary_size * 1.22, style.summary_lines))
        gap = 0.0
        if other is not None and other.summary and other.summary != sheet.summary:
            parts.append((pen2, 0.6 * mm, other.summary, style.summary_size, False, True,
                          style.summary_size * 1.22, style.summary_lines))
    if sheet.alert:
        parts.append((pen, gap + style.before_alert * mm, "⚠ " + sheet.alert, style.alert_size,
                      True, False, style.alert_size * 1.22, 2))
        if other is not None and other.alert and other.alert != sheet.alert:
            parts.append((pen2, 0.6 * mm, "⚠ " + other.alert, style.alert_size, True, False,
                          style.alert_size * 1.22, 2))
    return parts


def heading_height(pen: Pen, sheet: OfferSheet, width: float, style: HeadingStyle) -> float:
    """Height :func:`offer_heading` takes."""
    return sum(gap + part_pen.height(text, width, size, bold, leading, lines)
               for part_pen, gap, text, size, bold, _, leading, lines in _heading_parts(
                   pen, sheet, width, style))


def offer_heading(pen: Pen, grey, sheet: OfferSheet, x: float, top: float, width: float,
                  style: HeadingStyle) -> float:
    """Title (shrunk until it fits on two lines, down to ``title_min``), summary (at most
    ``summary_lines``; none at 0) and alert; returns the next top."""
    for part_pen, gap, text, size, bold, is_grey, leading, lines in _heading_parts(
            pen, sheet, width, style):
        top = part_pen.paragraph(x, top - gap, width, text, size, bold=bold,
                                 color=grey if is_grey else None, leading=leading,
                                 max_lines=lines)
    return top


def fit_rows(pen: Pen, rows: list[Row], width: float, room: float, styles: list[RowStyle],
             more: str | None) -> tuple[RowStyle, bool]:
    """The first style whose rows fit the room, and True. When none does: with ``more``
    given, the last style with the rows shortened until they fit — the longest list (the
    hours) loses lines and ends with ``more``, then every value is held to two lines, then
    to one (ending "…") — and whether they fit at last; without, the last style and False.
    Phone numbers are never shortened."""
    for style in styles:
        if rows_height(pen, rows, width, style) <= room:
            return style, True
    style = styles[-1]
    if more is None:
        return style, False
    texts = [r for r in rows if r.kind != "phone"]
    if pen.second is not None:  # the second language's long lists give way first
        more2 = label(pen.second.lang, "see_site")
        for row in sorted(texts, key=lambda r: -len(r.second)):
            if rows_height(pen, rows, width, style) <= room or len(row.second) <= 2:
                break
            row.second = [row.second[0], more2]
    while texts and rows_height(pen, rows, width, style) > room:
        longest = max(texts, key=lambda r: len(r.values))
        if len(longest.values) <= 2:
            break
        longest.values = [*longest.values[:-2], more]
    for cap in (2, 1):
        if rows_height(pen, rows, width, style) <= room:
            break
        for row in texts:
            row.max_lines = min(row.max_lines or cap, cap)
            if len(row.values) > cap:
                row.values = ([*row.values[:cap - 1], more] if cap > 1
                              else [row.values[0].rstrip(" …") + " …"])
            row.second = row.second[:1]
    return style, rows_height(pen, rows, width, style) <= room


def coded_address(pen: Pen, symbol: qr.QrSymbol, box: qr.QrBox, x: float, top: float,
                  caption: str, caption_size: float, color, gap: float = 1.5 * mm,
                  bold: bool = False, lines: int = 3) -> float:
    """The caption ("Mehr Infos …") centred right above its code, ``gap`` between them;
    returns the code's lower edge. The caption's lines are at most as wide as the code, and
    as even as their number allows (:meth:`.Pen.balanced_width`)."""
    q = box.size_mm * mm
    even = pen.balanced_width(caption, q, caption_size, bold)
    bottom = pen.paragraph(x + (q - even) / 2, top, even, caption, caption_size, bold=bold,
                           color=color, align="center", max_lines=lines)
    qr_y = bottom - gap - q
    qr.draw(pen.c, symbol, x, qr_y, q, pen.ink.black, pen.ink.white, where=box.where)
    return qr_y


def caption_height(pen: Pen, box: qr.QrBox, caption: str, caption_size: float,
                   gap: float = 1.5 * mm, bold: bool = False, lines: int = 3) -> float:
    """Height :func:`coded_address` needs above the code's lower edge."""
    lines = min(lines, len(pen.wrap(caption, box.size_mm * mm, caption_size, bold)))
    return lines * caption_size * 1.22 + gap + box.size_mm * mm


def both(sheet: OfferSheet, key: str, joiner: str = "\n") -> str:
    """A fixed text in German and, on a bilingual sheet, in the second language after it."""
    first = label(sheet.lang, key)
    if sheet.second is None:
        return first
    second = label(sheet.second.lang, key)
    return first if second == first else f"{first}{joiner}{second}"


def second_pen(pen: Pen, sheet: OfferSheet) -> Pen:
    """``pen`` with a pen for the sheet's second language beside it (none on one language)."""
    if sheet.second is not None:
        pen.second = Pen(pen.c, sheet.second.lang, pen.ink, where=pen.where)
    return pen


def band_extra(sheet: OfferSheet) -> str:
    """The colour band's second line: "temporarily closed" (in both languages on a bilingual
    sheet), else the category in the second language when it has its own name."""
    if sheet.closed:
        return both(sheet, "closed", " · ")
    other = sheet.second
    if other is not None and other.category_label != sheet.category_label:
        return other.category_label
    return ""
