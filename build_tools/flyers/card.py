"""The A6 card (105 × 148 mm) of one offer: ``<id>-karte.pdf``.

Band with category colour and pictogram; big title; summary; hours, address, phone (big);
costs, papers and dogs (when known), languages, provider and "Stand:" beside a QR code of at
least 30 mm with its caption right above it, and the readable URL under it. The code carries the offer's short permanent link (``…/q/<code>/``), so its size does
not depend on the id. Built for arm's length: nothing below 7 pt, the phone number at 15 pt.
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
    meta_rows,
    offer_heading,
    offer_rows,
    rows_height,
    second_pen,
)
from .page import SAFE_MM, Metadata, PrintOptions, Sheet
from .pen import Pen
from .texts import OfferSheet, label, short_url


class Card:
    """Geometry of the card, in mm (class attributes, like pretix's renderers)."""

    width = 105.0
    height = 148.0
    margin = 6.0
    band_height = 20.0
    heading = HeadingStyle(
        title_size=19.0, title_min=16.0, title_step=0.5, title_leading=1.12,
        summary_size=9.5, summary_lines=3, after_title=1.5, before_alert=1, alert_size=8.5,
    )
    bilingual_heading = HeadingStyle(
        title_size=16.0, title_min=13.0, title_step=0.5, title_leading=1.12,
        summary_size=8.5, summary_lines=2, after_title=1.2, before_alert=1, alert_size=8,
    )
    """A bilingual card: a smaller heading, each summary at most two lines (German and the
    second language share the room one language had)."""
    qr_size = 38.0
    bottom = 6.5
    """Baseline of the last address line (its descenders stay above the 5 mm margin)."""
    url_size = 7.5
    caption_size = 7.5
    side = RowStyle(7, 8, 8, 15 * mm, 1 * mm)
    """The facts beside the code: costs, papers, dogs, languages, provider."""
    papers_lines = 5

    def __init__(self, sheet: OfferSheet, options: PrintOptions):
        self.data = sheet
        self.options = options
        assert self.margin >= SAFE_MM

    def qr_boxes(self) -> list[qr.QrBox]:
        """The one code the card prints (checked in the load phase, drawn by :meth:`render`)."""
        return [qr.QrBox(self.data.qr_url, self.qr_size, f"{self.data.id}-karte.pdf")]

    def render(self) -> bytes:
        """The PDF bytes."""
        d, lang = self.data, self.data.lang
        (box,) = self.qr_boxes()
        doc = Sheet(self.width, self.height, self.options,
                    Metadata(title=d.title, author=d.author,
                             subject=f"{d.category_label} – {d.url}", lang=lang))
        pen = second_pen(Pen(doc.canvas, lang, doc.ink, where=f"{d.id}-karte"), d)
        w, h, m = self.width * mm, self.height * mm, self.margin * mm
        inner = w - 2 * m
        band = self.band_height * mm
        extra = band_extra(d)
        category_band(doc, pen, d, 0, h - band, w, band, 13, m, extra)

        # The bottom zone, bottom up: the readable address across the card; above it the code
        # with its caption right on top, and beside them the facts people ask about.
        q = box.size_mm * mm
        url_lines, url_size = pen.url_lines(short_url(d.url), inner, self.url_size, min_size=6)
        url_leading = url_size * 1.2
        url_y = self.bottom * mm + (len(url_lines) - 1) * url_leading  # the first line
        qr_y = url_y + url_size * 0.75 + 2 * mm
        caption, caption_lines = both(d, "more"), 3 if d.second is None else 5
        code_top = qr_y + caption_height(pen, box, caption, self.caption_size,
                                         lines=caption_lines)
        side_w = inner - q - 4 * mm
        side_x = w - m - side_w if pen.rtl else m
        stand_h = 8 * 1.4
        # The facts beside the code; a bilingual card would rather give up languages and
        # provider (they are on the website) than the summary, which says what the offer is.
        zones = []
        for lean in (False, True) if d.second is not None else (False,):
            meta = meta_rows(d, lang, papers_lines=self.papers_lines, lean=lean)
            zones.append((meta, max(code_top, qr_y + stand_h
                                    + rows_height(pen, meta, side_w, self.side))))

        # Above it: heading and the main rows, the summary shorter when they need the room.
        heading_top = h - band - 5 * mm
        # First a shorter summary, then shortened rows (one summary line, then none).
        base = self.heading if d.second is None else self.bilingual_heading
        plans = [(n, None) for n in range(base.summary_lines, 0, -1)]
        plans += [(1, label(lang, "see_site")), (0, label(lang, "see_site"))]
        attempts = [(plan, zone) for plan in plans for zone in zones]
        for (summary_lines, more), zone in attempts:
            zone_top = zone[1]
            heading = replace(base, summary_lines=summary_lines)
            top = heading_top - heading_height(pen, d, inner, heading) - 3 * mm
            rows = offer_rows(d, lang, with_meta=False)
            style, fits = fit_rows(pen, rows, inner, top - zone_top - 3 * mm, self.styles(), more)
            if fits:
                break
        meta = zone[0]
        offer_heading(pen, doc.ink.grey, d, m, heading_top, inner, heading)
        draw_rows(pen, rows, m, top, inner, style)

        qr_x = m if pen.rtl else w - m - q
        symbol = qr.make(box.url, self.options.error_correction)
        coded_address(pen, symbol, box, qr_x, code_top, caption, self.caption_size,
                      doc.ink.grey, lines=caption_lines)
        for i, line in enumerate(url_lines):
            pen.ltr(m, url_y - i * url_leading, inner, line, url_size, bold=True, align="end")
        draw_rows(pen, meta, side_x, zone_top, side_w, self.side)
        stand = f"{both(d, 'stand', ' · ')}: {d.stand}"
        pen.line(side_x, qr_y + 1 * mm, side_w, stand, pen.fit(stand, side_w, 8, True, 6.5),
                 bold=True)
        return doc.finish()

    @staticmethod
    def styles() -> list[RowStyle]:
        """The main rows' styles, largest first: the phone number 5 pt above the values."""
        return [RowStyle(7.5, value, value + 5, 16 * mm, 1.6 * mm)
                for value in (12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5)]


def render_card(sheet: OfferSheet, options: PrintOptions) -> bytes:
    """The A6 card of one offer."""
    return Card(sheet, options).render()
