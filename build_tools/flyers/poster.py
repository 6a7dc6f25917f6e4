"""The A4 poster (Aushang) of one offer with tear-off strips: ``<id>-aushang.pdf``.

Top: category band, huge title, summary, the facts (papers and dogs when known) and a large QR
code with its caption right above it. Bottom: 6–10 strips separated by dashed cut lines, each
with a small QR code, the title and the phone number, so a person can take the number with them
even without mobile data. The strips share the width inside the 5 mm safe margin: the outer
two run on to the page edge as blank paper, so no code or text comes closer than 5 mm to the
trim; only the cut lines run off the page. Every code carries the offer's short permanent link
(``…/q/<code>/``); the strip count is the largest that keeps the strip codes' modules at 0.5 mm
or more — 10 strips up to a site_url of about 20 characters, 9 up to about 30, 6 up to about
170 (error correction M).
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm

from . import qr
from .blocks import (
    HeadingStyle,
    RowStyle,
    band_extra,
    both,
    caption_height,
    category_band,
    coded_address,
    draw_rows,
    fit_rows,
    heading_height,
    offer_heading,
    offer_rows,
    second_pen,
)
from .page import SAFE_MM, Metadata, PrintOptions, Sheet
from .pen import Pen
from .texts import OfferSheet, label, short_url


class Poster:
    """Geometry of the poster, in mm."""

    width = 210.0
    height = 297.0
    margin = 12.0
    band_height = 30.0
    heading = HeadingStyle(
        title_size=38.0, title_min=26.0, title_step=1, title_leading=1.1,
        summary_size=16.0, summary_lines=4, after_title=3, before_alert=2, alert_size=13,
    )
    bilingual_heading = HeadingStyle(
        title_size=32.0, title_min=24.0, title_step=1, title_leading=1.1,
        summary_size=14.0, summary_lines=3, after_title=2.5, before_alert=2, alert_size=12,
    )
    """A bilingual poster: a smaller heading, each summary at most three lines."""
    qr_size = 62.0
    strips_height = 78.0
    strip_counts = (10, 9, 8, 7, 6)
    strip_pad = 0.75
    """Between a strip's code and its cut lines (its quiet zone adds about 2 mm)."""
    strip_bottom = SAFE_MM + 0.5
    strip_text_pad = 1.8
    """Between a strip's text and its cut lines (mm)."""
    caption_size = 10

    def __init__(self, sheet: OfferSheet, options: PrintOptions):
        self.data = sheet
        self.options = options

    def qr_boxes(self) -> list[qr.QrBox]:
        """The big code and the strips' code (checked in the load phase, drawn by :meth:`render`)."""
        d = self.data
        name = f"{d.id}-aushang.pdf"
        count = self.strip_count()
        return [qr.QrBox(d.qr_url, self.qr_size, name),
                qr.QrBox(d.qr_url, self.strip_qr_mm(count), f"{name} (Abreißstreifen)", count)]

    def render(self) -> bytes:
        """The PDF bytes."""
        d, lang = self.data, self.data.lang
        main, strips = self.qr_boxes()
        symbol = qr.make(main.url, self.options.error_correction)
        doc = Sheet(self.width, self.height, self.options,
                    Metadata(title=d.title, author=d.author,
                             subject=f"{d.category_label} – {d.url}", lang=lang))
        pen = second_pen(Pen(doc.canvas, lang, doc.ink, where=f"{d.id}-aushang"), d)
        w, h, m = self.width * mm, self.height * mm, self.margin * mm
        inner = w - 2 * m
        band = self.band_height * mm
        extra = band_extra(d)
        category_band(doc, pen, d, 0, h - band, w, band, 24, m, extra)

        strips_top = self.strips_height * mm
        footer_y = strips_top + 9 * mm
        q = main.size_mm * mm
        rows_w = inner - q - 8 * mm
        rows_x = w - m - rows_w if pen.rtl else m
        url_w = q + 10 * mm
        lines, url_size = pen.url_lines(short_url(d.url), url_w, 10, min_size=6.5, max_lines=4)
        caption, caption_lines = both(d, "more"), 3 if d.second is None else 5
        code_h = (caption_height(pen, main, caption, self.caption_size, 2 * mm,
                                 lines=caption_lines)
                  + 1 * mm + len(lines) * url_size * 1.15)
        # The heading, its summary shorter when the facts or the code need the room.
        heading_top = h - band - 9 * mm
        # First a shorter summary, then shortened rows (one summary line, then none).
        base = self.heading if d.second is None else self.bilingual_heading
        plans = [(n, None) for n in range(base.summary_lines, 0, -1)]
        plans += [(1, label(lang, "see_site")), (0, label(lang, "see_site"))]
        for summary_lines, more in plans:
            heading = replace(base, summary_lines=summary_lines)
            top = heading_top - heading_height(pen, d, inner, heading) - 7 * mm
            rows = offer_rows(d, lang)
            style, fits = fit_rows(pen, rows, rows_w, top - footer_y - 8 * mm, self.styles(), more)
            if fits and top - code_h >= footer_y + 6 * mm:
                break
        offer_heading(pen, doc.ink.grey, d, m, heading_top, inner, heading)
        draw_rows(pen, rows, rows_x, top, rows_w, style)

        qr_x = m if pen.rtl else w - m - q
        qr_y = coded_address(pen, symbol, main, qr_x, top, caption,
                             self.caption_size, doc.ink.grey, gap=2 * mm, lines=caption_lines)
        y = qr_y - 1 * mm
        for line in lines:
            y -= url_size * 1.15
            pen.ltr(qr_x - 5 * mm, y, url_w, line, url_size, bold=True, align="center")
        stand = f"{both(d, 'stand', ' · ')}: {d.stand}"
        pen.line(m, footer_y, inner, stand, 10, bold=True)
        pen.line(m, strips_top + 3 * mm, inner, "✂  " + both(d, "take", " · "), 10,
                 color=doc.ink.grey, align="center")
        self._strips(doc, pen, strips)
        return doc.finish()

    @staticmethod
    def styles() -> list[RowStyle]:
        """The facts' styles, largest first; the phone number stays big, readable from a few
        steps away."""
        return [RowStyle(10, value, 26 if value >= 12 else value + 12, 30 * mm, 2.5 * mm)
                for value in (15, 14, 13, 12, 11, 10)]

    def strip_count(self) -> int:
        """The most strips whose codes print at ≥ 0.5 mm per module (the fewest when none do)."""
        modules = qr.modules_of(qr.version_of(self.data.qr_url, self.options.error_correction))
        for count in self.strip_counts:
            if self.strip_qr_mm(count) / (modules + 2 * qr.QUIET_ZONE) + 1e-9 >= qr.MIN_MODULE_MM:
                return count
        return self.strip_counts[-1]

    @classmethod
    def strip_width_mm(cls, count: int) -> float:
        """Width of one of ``count`` strips: they share the width inside the safe margin."""
        return (cls.width - 2 * SAFE_MM) / count

    def strip_qr_mm(self, count: int) -> float:
        """Side of a strip's code (quiet zone included) for ``count`` strips."""
        return self.strip_width_mm(count) - 2 * self.strip_pad

    def _strips(self, doc: Sheet, pen: Pen, box: qr.QrBox) -> None:
        c, ink = doc.canvas, doc.ink
        count = box.copies
        symbol = qr.make(box.url, self.options.error_correction)
        w = self.width * mm
        sh = self.strips_height * mm
        sw = self.strip_width_mm(count) * mm
        left = SAFE_MM * mm
        q = box.size_mm * mm
        c.saveState()
        c.setStrokeColor(ink.black)
        c.setLineWidth(0.6)
        c.setDash(4, 3)
        c.line(-doc.bleed, sh, w + doc.bleed, sh)
        for i in range(1, count):  # the outer strips end at the page edge: no line there
            c.line(left + i * sw, -doc.bleed, left + i * sw, sh)
        c.restoreState()
        title_room = sh - q - self.strip_pad * mm - 2 * mm - self.strip_bottom * mm
        across = sw - 2 * self.strip_text_pad * mm
        contact, contact_size = self._contact(pen, title_room)
        used = len(contact) * contact_size * 1.15 + 1.2 * mm
        title_size, title_lines = self._title(pen, title_room, across - used)
        for i in range(count):
            x0 = left + i * sw
            qr.draw(c, symbol, x0 + self.strip_pad * mm, sh - self.strip_pad * mm - q, q,
                    ink.black, ink.white, where=box.where)
            # Rotated text reads bottom to top: phone nearest the fold, title beside it.
            c.saveState()
            c.translate(x0, self.strip_bottom * mm)
            c.rotate(90)
            y = -self.strip_text_pad * mm
            for line in contact:
                y -= contact_size * 0.85
                pen.ltr(0, y, title_room, line, contact_size, bold=True)
                y -= contact_size * 0.3
            y -= 1.2 * mm
            for line in title_lines:
                y -= title_size * 1.1
                pen.line(0, y, title_room, line, title_size, bold=True)
            c.restoreState()

    def _contact(self, pen: Pen, room: float) -> tuple[list[str], float]:
        """The phone number; without one the page's address — the readable one when it fits
        in three lines, else the short link the strip's code carries."""
        d = self.data
        if d.phones:
            return [d.phones[0]], pen.fit(d.phones[0], room, 13, bold=True, min_size=7)
        lines, size = pen.url_lines(short_url(d.url), room, 8, min_size=6, max_lines=3)
        if len(lines) > 3:
            lines, size = pen.url_lines(short_url(d.qr_url), room, 8, min_size=6, max_lines=3)
        return lines, size

    def _title(self, pen: Pen, room: float, across: float) -> tuple[float, list[str]]:
        """The title in as many lines as the strip's width holds (one to three), shortened
        with "…" when it needs more."""
        title = self.data.title
        size = 9.5
        fits = max(1, min(3, int(across / (size * 1.1))))
        lines = pen.wrap(title, room, size, True)
        while len(lines) > fits and size > 7:
            size -= 0.5
            fits = max(1, min(3, int(across / (size * 1.1))))
            lines = pen.wrap(title, room, size, True)
        if len(lines) > fits:
            lines = lines[:fits]
            last = lines[-1]
            while last and pen.measure(last + " …", size, True) > room:
                last = last[:-1]
            lines[-1] = last.rstrip() + " …"
        return size, lines


def render_poster(sheet: OfferSheet, options: PrintOptions) -> bytes:
    """The A4 poster of one offer."""
    return Poster(sheet, options).render()
