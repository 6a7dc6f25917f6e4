"""Collection flyers (Wegweiser): A4, A5 or an A6 pocket booklet listing many offers — drawn.

What is printed comes from :mod:`.collection_data`, where it goes from :mod:`.collection_layout`.
Each entry has a number badge, the name, address, hours and phone, optionally a small QR code
(the offer's short permanent link ``…/q/<code>/``). The first page carries the title, the intro
and a large QR code to the matching atlas page, its caption right above it and its readable
address below. Every page is numbered; everything keeps 5 mm inside the trim.

The A6 booklet follows Düsseldorf's "Wohnen ist Menschenrecht" guide: a cover, a town map with
a numbered marker per offer and a legend of the categories (a close-up of the densest district
when it needs one), sections by category, and emergency numbers on the back.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from . import qr
from .blocks import caption_height, coded_address
from .collection_data import CollectionData, Entry, Section
from .collection_layout import CollectionLayout
from .icons import draw_icon
from .mapdecor import draw_legend, legend_entries, legend_height
from .page import Metadata, PrintOptions, Sheet
from .pen import Pen
from .texts import label, short_url
from .townmap import CloseUp, MapPoint, MapStyle, TownMap

HEADER_COLOR = "#1f3a5f"
CAPTION_GAP = 1.5 * mm
"""Between the first page's code (its quiet zone) and its caption beside it."""
LEGEND_ROW = 4.4 * mm
LEGEND_SIZE = 7.0


class CollectionFlyer(CollectionLayout):
    """Draws one Wegweiser."""

    def render(self) -> bytes:
        """The PDF bytes."""
        d, f = self.data, self.fmt
        doc = Sheet(f.width, f.height, self.options,
                    Metadata(title=d.title, author=d.author, subject=d.url, lang=d.lang))
        pen = Pen(doc.canvas, d.lang, doc.ink, where=f"{d.slug}.pdf")
        self.doc, self.pen = doc, pen
        maps: list = []
        points = self._map_points()
        if f.booklet:
            if d.show_map and (points or d.districts):
                maps.append(None)
                detail = self._overview(points).dense_area()
                if detail is not None:
                    maps.append(detail)
            list_top = self._frames()[0]
        else:
            list_top = self._draw_header(dry=True)
        pages, col_w = self._layout(pen, list_top)
        back = ["back"] if f.booklet and d.emergency else []
        cover = 1 if f.booklet else 0
        total = cover + len(maps) + len(pages) + len(back)
        if f.booklet and total % 4:  # a stapled booklet has a multiple of four pages
            back[:0] = ["notes"] * (4 - total % 4)
            total = cover + len(maps) + len(pages) + len(back)
        number = 0

        def footer() -> None:
            nonlocal number
            number += 1
            self._footer(number, total)

        if f.booklet:
            self._draw_cover()
            footer()
            detail = next((m for m in maps if m is not None), None)
            for index, shown in enumerate(maps):
                doc.new_page()
                close_up = None
                if shown is None and detail is not None:
                    close_up = CloseUp(detail[1], label(d.lang, "close_up", n="{n}",
                                                        page=cover + index + 2))
                self._draw_map(points, shown, close_up)
                footer()
            doc.new_page()
        else:
            self._draw_header(dry=False)
        for index, placed in enumerate(pages):
            if index:
                doc.new_page()
            for item in placed:
                x = f.margin * mm + item.column * (col_w + f.gutter * mm)
                if item.kind == "head":
                    self._draw_head(item.item, x, item.top, col_w, item.continued)
                else:
                    self._draw_entry(item.item, x, item.top, col_w)
            footer()
        for kind in back:
            doc.new_page()
            if kind == "notes":
                self._draw_notes()
            else:
                self._draw_back()
            footer()
        return doc.finish()

    # ----- first page -------------------------------------------------------------------
    def _draw_header(self, dry: bool) -> float:
        """Title band, intro and the big code on the first page of an A4 or A5 Wegweiser;
        returns where the list starts. The caption and the readable address stand right
        beside the code (:data:`CAPTION_GAP`), aligned to its lower edge."""
        d, f, doc, pen = self.data, self.fmt, getattr(self, "doc", None), self.pen
        w, h, m = f.width * mm, f.height * mm, f.margin * mm
        inner = w - 2 * m
        title_lines = pen.wrap(d.title, inner, f.title_size, True)
        band = len(title_lines) * f.title_size * 1.15 + 2 * m
        big = self.qr_boxes()[0]
        q = big.size_mm * mm
        text_w = inner - q - CAPTION_GAP
        intro_h = pen.height(d.intro, text_w, f.body_size + 1.5) if d.intro else 0
        caption = label(d.lang, "more")
        caption_h = pen.height(caption, text_w, f.body_size, True)
        url_lines, url_size = pen.url_lines(short_url(d.url), text_w, f.body_size, 6.5,
                                            max_lines=3)
        url_h = len(url_lines) * url_size * 1.2
        beside_h = caption_h + url_h + 1 * mm
        top = h - band - 5 * mm
        block = max(q, intro_h + 4 * mm + beside_h + 4 * mm)
        list_top = top - block - 6 * mm
        if dry:
            return list_top
        doc.bleed_rect(0, h - band, w, band, doc.ink.hex(HEADER_COLOR))
        pen.paragraph(m, h - m, inner, d.title, f.title_size, True, doc.ink.white,
                      leading=f.title_size * 1.15)
        qr_x = m if pen.rtl else w - m - q
        qr_y = top - block
        text_x = w - m - text_w if pen.rtl else m
        symbol = qr.make(big.url, self.options.error_correction)
        qr.draw(doc.canvas, symbol, qr_x, qr_y, q, doc.ink.black, doc.ink.white, where=big.where)
        if d.intro:
            pen.paragraph(text_x, top, text_w, d.intro, f.body_size + 1.5)
        # Caption and address flush against the code (right-aligned; left in RTL), their
        # last line level with the code's last row of modules.
        quiet = q * qr.QUIET_ZONE / symbol.modules_with_quiet_zone
        y = pen.paragraph(text_x, qr_y + quiet + beside_h, text_w, caption, f.body_size, True,
                          align="end")
        for i, line in enumerate(url_lines):
            pen.ltr(text_x, y - url_size * 0.8 - 1 * mm - i * url_size * 1.2, text_w, line,
                    url_size, True, align="end")
        doc.canvas.setStrokeColor(doc.ink.rule)
        doc.canvas.setLineWidth(0.5)
        doc.canvas.line(m, list_top + 2 * mm, w - m, list_top + 2 * mm)
        return list_top

    def _draw_cover(self) -> None:
        d, f, doc, pen = self.data, self.fmt, self.doc, self.pen
        w, h, m = f.width * mm, f.height * mm, f.margin * mm
        inner = w - 2 * m
        size = f.title_size + 4
        while size > f.title_size and len(pen.wrap(d.title, inner, size, True)) > 4:
            size -= 1
        band = len(pen.wrap(d.title, inner, size, True)) * size * 1.15 + 2 * m
        doc.bleed_rect(0, h - band, w, band, doc.ink.hex(HEADER_COLOR))
        pen.paragraph(m, h - m, inner, d.title, size, True, doc.ink.white, leading=size * 1.15)
        y = h - band - 4 * mm
        big = self.qr_boxes()[0]
        q = big.size_mm * mm
        url_lines, url_size = pen.url_lines(short_url(d.url), inner, 8, 6)
        leading = url_size * 1.2
        caption = label(d.lang, "more")
        code_h = caption_height(pen, big, caption, f.body_size, bold=True)
        qr_y = m + self.footer * mm + 5 * mm + (len(url_lines) - 1) * leading
        room_for_intro = y - (qr_y + code_h + 4 * mm)
        if d.intro:
            intro_size = f.body_size + 1.5
            while intro_size > 7 and pen.height(d.intro, inner, intro_size) > room_for_intro:
                intro_size -= 0.5
            pen.paragraph(m, y, inner, d.intro, intro_size)
        symbol = qr.make(big.url, self.options.error_correction)
        coded_address(pen, symbol, big, (w - q) / 2, qr_y + code_h, caption, f.body_size,
                      doc.ink.black, bold=True)
        for i, line in enumerate(url_lines):
            pen.ltr(m, qr_y - 4 * mm - i * leading, inner, line, url_size, True, align="center")

    # ----- town map ---------------------------------------------------------------------
    def _map_points(self) -> list[MapPoint]:
        return [
            MapPoint(e.number, e.sheet.lat, e.sheet.lon, e.sheet.color, e.sheet.icon,
                     e.sheet.category_label)
            for s in self.data.sections for e in s.entries
            if e.sheet.lat is not None and not e.sheet.confidential
        ]

    def _map_box(self, legend_h: float) -> tuple[float, float, float, float]:
        f = self.fmt
        w, h, m = f.width * mm, f.height * mm, f.margin * mm
        top = h - m - f.name_size - 4 * mm
        bottom = m + self.footer * mm + legend_h + (2.5 * mm if legend_h else 0)
        return m, bottom, w - 2 * m, top - bottom

    def _legend(self, points: list[MapPoint]) -> tuple[list, float]:
        entries = legend_entries(points)
        return entries, legend_height(entries, 2, LEGEND_ROW)

    def _overview(self, points: list[MapPoint]) -> TownMap:
        _, _, width, height = self._map_box(self._legend(points)[1])
        districts = [_Named(name, geom) for name, geom in self.data.districts]
        return TownMap(districts, points, width, height, streets=self.data.streets)

    def _draw_map(self, points: list[MapPoint], detail=None, close_up: CloseUp | None = None
                  ) -> None:
        d, f, doc, pen = self.data, self.fmt, self.doc, self.pen
        entries, legend_h = self._legend(
            [p for p in points if detail is None or TownMap.inside(detail[1], p)])
        x, bottom, width, height = self._map_box(legend_h)
        title = label(d.lang, "map") + (f": {detail[0]}" if detail else "")
        pen.line(x, f.height * mm - f.margin * mm - f.name_size, width, title,
                 f.name_size + 2, True)
        districts = [_Named(name, geom) for name, geom in d.districts]
        townmap = TownMap(districts, points, width, height,
                          bounds=detail[1] if detail else None, streets=d.streets)
        townmap.draw(doc.canvas, x, bottom, doc.ink, pen, MapStyle(marker=4.4 * mm),
                     close_up=close_up)
        draw_legend(doc.canvas, doc.ink, pen, entries, x, bottom - 2.5 * mm, width, 2,
                    LEGEND_ROW, LEGEND_SIZE)

    # ----- back pages -------------------------------------------------------------------
    def _draw_notes(self) -> None:
        f, doc, pen = self.fmt, self.doc, self.pen
        w, h, m = f.width * mm, f.height * mm, f.margin * mm
        heading = {"de": "Notizen", "en": "Notes", "uk": "Нотатки", "tr": "Notlar",
                   "ar": "ملاحظات"}.get(self.data.lang, "Notizen")
        pen.line(m, h - m - f.name_size, w - 2 * m, heading, f.name_size + 2, True)
        doc.canvas.setStrokeColor(doc.ink.rule)
        doc.canvas.setLineWidth(0.4)
        y = h - m - f.name_size - 10 * mm
        while y > m + self.footer * mm + 2 * mm:
            doc.canvas.line(m, y, w - m, y)
            y -= 8 * mm

    def _draw_back(self) -> None:
        d, f, doc, pen = self.data, self.fmt, self.doc, self.pen
        w, h, m = f.width * mm, f.height * mm, f.margin * mm
        inner = w - 2 * m
        heading = {"de": "Notrufe und Hilfetelefone", "en": "Emergency numbers"}.get(
            d.lang, "Notrufe / Emergency")
        y = pen.paragraph(m, h - m, inner, heading, f.name_size + 2, True) - 3 * mm
        for name, number, note in d.emergency:
            y = pen.paragraph(m, y, inner, name, f.body_size, True)
            pen.ltr(m, y - f.phone_size * 1.1, inner, number, f.phone_size + 3, True)
            y -= (f.phone_size + 3) * 1.3
            if note:
                y = pen.paragraph(m, y, inner, note, f.body_size, color=doc.ink.grey)
            y -= 2.5 * mm

    # ----- the list ---------------------------------------------------------------------
    def _draw_head(self, section: Section, x: float, top: float, width: float,
                   continued: bool) -> None:
        doc, pen, f = self.doc, self.pen, self.fmt
        head = self.head_height * mm
        y = top - head + 1.5 * mm
        box = head - 2 * mm
        doc.canvas.setFillColor(doc.ink.hex(section.color))
        doc.canvas.rect(x, y, width, box, stroke=0, fill=1)
        icon_x = x + width - box / 2 - 1 * mm if pen.rtl else x + box / 2 + 1 * mm
        draw_icon(doc.canvas, section.icon, icon_x, y + box / 2, box * 0.75, doc.ink.white)
        text = section.label + (f" ({label(self.data.lang, 'continued')})" if continued else "")
        tx = x + 2 * mm if pen.rtl else x + box + 2.5 * mm
        size = pen.fit(text, width - box - 4 * mm, f.name_size, True, 7)
        pen.line(tx, y + (box - size * 0.7) / 2, width - box - 4 * mm, text, size, True,
                 doc.ink.white)

    def _draw_entry(self, entry: Entry, x: float, top: float, width: float) -> None:
        doc, pen = self.doc, self.pen
        badge = self.badge_column(pen)
        text_w = self._text_width(pen, entry, width)
        if not entry.continued:  # the number badge in the category colour, as on the map
            r = self.badge_radius(pen)
            cx = x + width - r if pen.rtl else x + r
            cy = top - r - 0.6 * mm
            doc.canvas.setFillColor(doc.ink.hex(entry.sheet.color))
            doc.canvas.circle(cx, cy, r, stroke=0, fill=1)
            size = self.badge_size
            pen.ltr(cx - r, cy - size * 0.36, 2 * r, str(entry.number), size, True,
                    doc.ink.white, align="center")
        tx = x + width - badge - text_w if pen.rtl else x + badge
        y = top
        for text, size, bold, kind in self._entry_lines(pen, entry, width):
            if kind == "phone":
                pen.ltr(tx, y - size * 0.85, text_w, text, size, True)
                y -= size * 1.2
            else:
                y = pen.paragraph(tx, y, text_w, text, size, bold)
        if self.data.offer_codes and not entry.continued:
            box = self._entry_box(entry.sheet)
            q = box.size_mm * mm
            qx = x if pen.rtl else x + width - q
            qr.draw(doc.canvas, qr.make(box.url, self.options.error_correction), qx,
                    top - q, q, doc.ink.black, doc.ink.white, where=box.where)
        doc.canvas.setStrokeColor(doc.ink.rule)
        doc.canvas.setLineWidth(0.3)
        rule_y = top - self._entry_height(pen, entry, width) + self.entry_gap * mm / 2
        doc.canvas.line(x, rule_y, x + width, rule_y)

    def _footer(self, number: int, total: int) -> None:
        d, f, pen = self.data, self.fmt, self.pen
        w, m = f.width * mm, f.margin * mm
        inner = w - 2 * m
        y = max(m, 6 * mm)
        size = 7.5 if f.booklet else 8.5
        pen.line(m, y, inner, label(d.lang, "page", n=number, m=total), size, True,
                 align="end")
        pen.line(m, y, inner * 0.7, f"{label(d.lang, 'stand')}: {d.stand}", size,
                 color=self.doc.ink.grey)


@dataclass
class _Named:
    name: str
    geometry: object


def render_collection(data: CollectionData, options: PrintOptions) -> bytes:
    """The PDF of one Wegweiser."""
    return CollectionFlyer(data, options).render()
