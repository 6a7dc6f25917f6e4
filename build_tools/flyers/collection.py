"""Collection flyers (Wegweiser): A4, A5 or an A6 pocket booklet listing many offers.

Offers are grouped by category (in the order of categories.yml) and sorted by title; each
entry has a number, the name, address, hours and phone, optionally a small QR code (the offer's
short permanent link ``…/q/<code>/``). The first page carries the title, the intro and a large
QR code to the matching atlas page (its readable address: category and district ids are short). The list
flows over as many columns and pages as it needs — every page numbered, nothing cut off.

The A6 booklet follows Düsseldorf's "Wohnen ist Menschenrecht" guide: a cover, a town map with
a numbered pictogram per offer, sections by category, and emergency numbers on the back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from reportlab.lib.units import mm

from .. import urls
from ..catalog import Catalog
from . import qr
from .icons import draw_icon
from .page import Metadata, PrintOptions, Sheet
from .pen import Pen
from .texts import OfferSheet, category_label, label, short_url
from .townmap import MapPoint, TownMap

HEADER_COLOR = "#1f3a5f"


@dataclass(frozen=True)
class Format:
    """Geometry of one collection format, in mm and pt."""

    name: str
    width: float
    height: float
    margin: float
    columns: int
    gutter: float
    title_size: float
    body_size: float
    name_size: float
    phone_size: float
    big_qr: float
    booklet: bool = False
    entry_qr_min: float = 18.0
    """Side of an entry's code (mm): at least this, more when the link needs it ..."""
    entry_qr_max: float = 28.0
    """... but never more (28 mm holds version 7: a site_url of up to about 110 characters)."""


FORMATS = {
    "a4": Format("a4", 210, 297, 14, 2, 8, 26, 10, 12.5, 13, 44),
    "a5": Format("a5", 148, 210, 10, 1, 0, 20, 9.5, 11.5, 12.5, 38),
    "a6-booklet": Format("a6-booklet", 105, 148, 7, 1, 0, 16, 8.5, 10.5, 11.5, 42, True),
}


@dataclass
class Entry:
    """One numbered offer in the list (or a piece of one that runs over a column)."""

    number: int
    sheet: OfferSheet
    part: list | None = None
    """The blocks of this piece, when the entry was split over columns."""
    continued: bool = False
    """True for the second and later pieces (no badge, no code)."""


@dataclass
class Section:
    """The offers of one category."""

    category: str
    label: str
    color: str
    icon: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class CollectionData:
    """Everything a Wegweiser prints; plain data (picklable, hashable into the cache key)."""

    slug: str
    title: str
    intro: str
    lang: str
    format: str
    url: str
    sections: list[Section]
    offer_codes: bool
    stand: str
    author: str
    districts: list = field(default_factory=list)
    """(name, geometry) pairs for the town map."""
    emergency: list[tuple[str, str, str]] = field(default_factory=list)
    show_map: bool = True
    source: str = ""
    """The definition file (``flyers/<slug>.yml``), for messages."""


def _sort_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def collection_data(catalog: Catalog, coll, sheets: dict[str, OfferSheet], site_url: str,
                    lang: str) -> CollectionData:
    """Group and number the selected offers; ``sheets`` maps offer id → printed facts."""
    wanted = list(coll.categories)
    order = {cid: i for i, cid in enumerate([*wanted, *catalog.categories])}

    def section_of(offer) -> str:
        # The selected category the offer was chosen for (its main one when that was chosen).
        for cid in [offer.category, *offer.also_categories]:
            if not wanted or cid in wanted:
                return cid
        return offer.category

    offers = sorted(coll.offers, key=lambda o: (order.get(section_of(o), 999),
                                                 _sort_key(sheets[o.id].title), o.id))
    sections: list[Section] = []
    for number, offer in enumerate(offers, start=1):
        sheet = sheets[offer.id]
        cid = section_of(offer)
        if not sections or sections[-1].category != cid:
            cat = catalog.categories.get(cid)
            sections.append(Section(cid, category_label(catalog, cid, lang),
                                    cat.color if cat else sheet.color,
                                    cat.icon if cat else sheet.icon))
        sections[-1].entries.append(Entry(number, sheet))
    latest = max(o.last_verified for o in coll.offers)
    from .texts import format_date

    districts = []
    if coll.format == "a6-booklet":
        wanted = coll.districts or list(catalog.districts)
        districts = [(catalog.districts[d].name, catalog.districts[d].geometry)
                     for d in wanted if d in catalog.districts]
    return CollectionData(
        slug=coll.slug,
        title=coll.title,
        intro=coll.intro,
        lang=lang,
        format=coll.format,
        url=urls.absolute_url(site_url, coll.page_path),
        sections=sections,
        offer_codes=coll.offer_codes,
        stand=format_date(latest, lang),
        author=catalog.config.publisher or catalog.config.name,
        districts=districts,
        emergency=[(e.label, e.number, e.note or "") for e in catalog.config.emergency_numbers],
        show_map=coll.map,
        source=coll.source,
    )


@dataclass
class _Placed:
    kind: str  # "head" or "entry"
    column: int
    top: float
    height: float
    item: object
    continued: bool = False


class CollectionFlyer:
    """Lays out and draws one Wegweiser."""

    head_height = 8.5  # mm
    entry_gap = 2.5  # mm
    footer = 9.0  # mm reserved at the bottom of each page

    def __init__(self, data: CollectionData, options: PrintOptions):
        self.data = data
        self.options = options
        self.fmt = FORMATS[data.format]

    # ----- measuring -------------------------------------------------------------------
    def qr_boxes(self) -> list[qr.QrBox]:
        """The big code, then each entry's code (checked in the load phase, drawn by render)."""
        d = self.data
        boxes = [qr.QrBox(d.url, self.fmt.big_qr, f"{d.slug}.pdf")]
        if d.offer_codes:
            boxes += [self._entry_box(e.sheet) for s in d.sections for e in s.entries]
        return boxes

    def _entry_box(self, sheet: OfferSheet) -> qr.QrBox:
        """An entry's code: as small as its modules allow, within the format's bounds."""
        f = self.fmt
        modules = qr.modules_of(qr.version_of(sheet.qr_url, self.options.error_correction))
        smallest = (modules + 2 * qr.QUIET_ZONE) * qr.MIN_MODULE_MM
        size = min(max(smallest, f.entry_qr_min), f.entry_qr_max)
        return qr.QrBox(sheet.qr_url, size, f"{self.data.slug}.pdf ({sheet.id})")

    def _entry_qr_mm(self, sheet: OfferSheet) -> float:
        return self._entry_box(sheet).size_mm

    def _text_width(self, entry: Entry, col_w: float) -> float:
        badge = 7 * mm
        if self.data.offer_codes:
            return col_w - badge - self._entry_qr_mm(entry.sheet) * mm - 2 * mm
        return col_w - badge

    def _entry_lines(self, entry: Entry) -> list[tuple[str, float, bool, str]]:
        """(text, size, bold, kind) of every block of an entry."""
        if entry.part is not None:
            return entry.part
        s, f, lang = entry.sheet, self.fmt, self.data.lang
        blocks = [(s.title, f.name_size, True, "text")]
        if s.confidential:
            blocks.append((label(lang, "confidential"), f.body_size, False, "text"))
        elif s.address:
            blocks.append((", ".join(s.address), f.body_size, False, "text"))
        elif s.area:
            blocks.append((f"{label(lang, 'area')}: {s.area}", f.body_size, False, "text"))
        for line in s.hours:
            blocks.append((line, f.body_size, False, "text"))
        if s.hours_note:
            blocks.append((s.hours_note, f.body_size, False, "text"))
        for phone in s.phones:
            blocks.append((phone, f.phone_size, True, "phone"))
        return blocks

    def _entry_height(self, pen: Pen, entry: Entry, col_w: float) -> float:
        width = self._text_width(entry, col_w)
        total = 0.0
        for text, size, bold, kind in self._entry_lines(entry):
            total += size * 1.2 if kind == "phone" else pen.height(text, width, size, bold)
        if self.data.offer_codes and not entry.continued:
            total = max(total, self._entry_qr_mm(entry.sheet) * mm)
        return total + self.entry_gap * mm

    def _split(self, pen: Pen, entry: Entry, col_w: float, room: float) -> list[Entry]:
        """Cut an entry taller than the room into a piece that fits and the rest."""
        blocks = self._entry_lines(entry)
        for cut in range(len(blocks) - 1, 0, -1):
            head = replace(entry, part=blocks[:cut])
            if self._entry_height(pen, head, col_w) <= room:
                title = f"{entry.sheet.title} ({label(self.data.lang, 'continued')})"
                rest = replace(entry, part=[(title, self.fmt.body_size, True, "text"),
                                            *blocks[cut:]], continued=True)
                return [head, rest]
        raise ValueError(
            f"{self.data.slug}: Eintrag {entry.sheet.id!r} passt nicht in eine Spalte im "
            f"Format {self.fmt.name}"
        )

    # ----- layout ----------------------------------------------------------------------
    def _frames(self, page: int) -> tuple[float, float]:
        """(top, bottom) of the list area on a page (0-based, list pages only)."""
        f = self.fmt
        return f.height * mm - f.margin * mm, f.margin * mm + self.footer * mm

    def _layout(self, pen: Pen, first_top: float) -> tuple[list[list[_Placed]], float]:
        f = self.fmt
        inner = (f.width - 2 * f.margin) * mm
        col_w = (inner - (f.columns - 1) * f.gutter * mm) / f.columns
        pages: list[list[_Placed]] = [[]]
        column = 0
        top, bottom = first_top, self._frames(0)[1]
        y = top
        head = self.head_height * mm

        def next_column() -> None:
            nonlocal column, y, top
            column += 1
            if column >= f.columns:
                column = 0
                pages.append([])
                top = self._frames(len(pages) - 1)[0]
            y = top

        for section in self.data.sections:
            first = True
            pieces = list(section.entries)
            while pieces:
                entry = pieces.pop(0)
                height = self._entry_height(pen, entry, col_w)
                needs = height + (head if first or y == top else 0)
                if y - needs < bottom and y != top:
                    next_column()
                if first or y == top:
                    pages[-1].append(_Placed("head", column, y, head, section, not first))
                    y -= head
                    first = False
                if y - height < bottom - 0.5:
                    # Taller than a whole column: split it, the rest goes on (never cut off).
                    pieces[:0] = self._split(pen, entry, col_w, y - bottom)
                    continue
                pages[-1].append(_Placed("entry", column, y, height, entry))
                y -= height
        return pages, col_w

    # ----- drawing ---------------------------------------------------------------------
    def render(self) -> bytes:
        """The PDF bytes."""
        d, f = self.data, self.fmt
        doc = Sheet(f.width, f.height, self.options,
                    Metadata(title=d.title, author=d.author, subject=d.url, lang=d.lang))
        pen = Pen(doc.canvas, d.lang, doc.ink, where=f"{d.slug}.pdf")
        self.doc, self.pen = doc, pen
        extra_pages: list = []
        if f.booklet:
            cover_pages = 1
            points = self._map_points()
            if d.show_map and (points or d.districts):
                extra_pages.append(None)
                detail = self._overview(points).dense_area()
                if detail is not None:
                    extra_pages.append(detail)
            list_top = self._frames(0)[0]
        else:
            cover_pages = 0
            list_top = None
        if list_top is None:
            list_top = self._draw_header(dry=True)
        pages, col_w = self._layout(pen, list_top)
        back = ["back"] if f.booklet and d.emergency else []
        total = cover_pages + len(extra_pages) + len(pages) + len(back)
        if f.booklet and total % 4:  # a stapled booklet has a multiple of four pages
            back[:0] = ["notes"] * (4 - total % 4)
            total = cover_pages + len(extra_pages) + len(pages) + len(back)
        number = 0

        def footer() -> None:
            nonlocal number
            number += 1
            self._footer(number, total)

        if f.booklet:
            self._draw_cover()
            footer()
            detail_area = next((e[1] for e in extra_pages if e is not None), None)
            for detail in extra_pages:
                doc.new_page()
                self._draw_map(points, detail, detail_area)
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

    def _draw_header(self, dry: bool) -> float:
        """Title band, intro and big QR code on the first page; returns where the list starts."""
        d, f, doc, pen = self.data, self.fmt, getattr(self, "doc", None), self.pen
        w, h, m = f.width * mm, f.height * mm, f.margin * mm
        inner = w - 2 * m
        title_lines = pen.wrap(d.title, inner, f.title_size, True)
        band = len(title_lines) * f.title_size * 1.15 + 2 * m
        big = self.qr_boxes()[0]
        q = big.size_mm * mm
        text_w = inner - q - 5 * mm
        intro_h = pen.height(d.intro, text_w, f.body_size + 1.5) if d.intro else 0
        more_h = pen.height(label(d.lang, "more"), text_w, f.body_size, True)
        url_lines, url_size = pen.url_lines(short_url(d.url), text_w, f.body_size, 6)
        url_h = len(url_lines) * url_size * 1.2
        block = max(q + 2 * mm, intro_h + more_h + url_h + 5 * mm)
        list_top = h - band - 5 * mm - block - 4 * mm
        if dry:
            return list_top
        doc.bleed_rect(0, h - band, w, band, doc.ink.hex(HEADER_COLOR))
        pen.paragraph(m, h - m, inner, d.title, f.title_size, True, doc.ink.white,
                      leading=f.title_size * 1.15)
        top = h - band - 5 * mm
        qr_x = m if pen.rtl else w - m - q
        text_x = w - m - text_w if pen.rtl else m
        qr.draw(doc.canvas, qr.make(big.url, self.options.error_correction), qr_x, top - q, q,
                doc.ink.black, doc.ink.white, where=big.where)
        y = top
        if d.intro:
            y = pen.paragraph(text_x, y, text_w, d.intro, f.body_size + 1.5)
        y -= 3 * mm
        y = pen.paragraph(text_x, y, text_w, label(d.lang, "more"), f.body_size, bold=True)
        for i, line in enumerate(url_lines):
            pen.ltr(text_x, y - url_size - i * url_size * 1.2, text_w, line, url_size, True)
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
        room_for_intro = y - (m + self.footer * mm + q + 10 * mm + (len(url_lines) - 1) * leading)
        if d.intro:
            intro_size = f.body_size + 1.5
            while intro_size > 7 and pen.height(d.intro, inner, intro_size) > room_for_intro:
                intro_size -= 0.5
            y = pen.paragraph(m, y, inner, d.intro, intro_size)
        qr_y = m + self.footer * mm + 5 * mm + (len(url_lines) - 1) * leading
        qr.draw(doc.canvas, qr.make(big.url, self.options.error_correction), (w - q) / 2, qr_y,
                q, doc.ink.black, doc.ink.white, where=big.where)
        for i, line in enumerate(url_lines):
            pen.ltr(m, qr_y - 4 * mm - i * leading, inner, line, url_size, True, align="center")
        pen.line(m, qr_y + q + 2 * mm, inner, label(d.lang, "more"), f.body_size, True,
                 align="center")

    def _map_points(self) -> list[MapPoint]:
        return [
            MapPoint(e.number, e.sheet.lat, e.sheet.lon, e.sheet.color, e.sheet.icon)
            for s in self.data.sections for e in s.entries
            if e.sheet.lat is not None and not e.sheet.confidential
        ]

    def _map_box(self) -> tuple[float, float, float, float]:
        f = self.fmt
        w, h, m = f.width * mm, f.height * mm, f.margin * mm
        top = h - m - f.name_size - 4 * mm
        bottom = m + self.footer * mm
        return m, bottom, w - 2 * m, top - bottom

    def _overview(self, points: list[MapPoint]) -> TownMap:
        _, _, width, height = self._map_box()
        districts = [_Named(name, geom) for name, geom in self.data.districts]
        return TownMap(districts, points, width, height)

    def _draw_map(self, points: list[MapPoint], detail=None, outline=None) -> None:
        d, f, doc, pen = self.data, self.fmt, self.doc, self.pen
        x, bottom, width, height = self._map_box()
        title = label(d.lang, "map") + (f": {detail[0]}" if detail else "")
        pen.line(x, f.height * mm - f.margin * mm - f.name_size, width, title,
                 f.name_size + 2, True)
        districts = [_Named(name, geom) for name, geom in d.districts]
        townmap = TownMap(districts, points, width, height,
                          bounds=detail[1] if detail else None)
        townmap.draw(doc.canvas, x, bottom, doc.ink, pen, marker=4.2 * mm,
                     detail=outline if detail is None else None)

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
        doc, pen, f = self.doc, self.pen, self.fmt
        badge = 7 * mm
        text_w = self._text_width(entry, width)
        # Number badge in the category colour (matches the map).
        number = str(entry.number)
        r = 2.6 * mm
        bx = x + width - 2 * r if pen.rtl else x
        if not entry.continued:
            doc.canvas.setFillColor(doc.ink.hex(entry.sheet.color))
            doc.canvas.circle(bx + r, top - r - 0.6 * mm, r, stroke=0, fill=1)
            pen.ltr(bx, top - r - 0.6 * mm - f.body_size * 0.33, 2 * r, number, f.body_size,
                    True, doc.ink.white, align="center")
        tx = x + width - badge - text_w if pen.rtl else x + badge
        y = top
        for text, size, bold, kind in self._entry_lines(entry):
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
        y = max(m, 5 * mm)
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
