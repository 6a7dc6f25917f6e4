"""How a Wegweiser's list flows: the codes it prints, each entry's blocks and height, columns and
pages — measured, never drawn.

The list flows over as many columns and pages as it needs; an entry taller than a whole column
is split and continues ("Fortsetzung"), so nothing is cut off. The number badges are sized once
per flyer to hold its longest number (one to three digits) with room to spare.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.units import mm

from . import qr
from .collection_data import FORMATS, CollectionData, Entry
from .page import PrintOptions
from .pen import Pen
from .texts import OfferSheet, label

BADGE_MIN_RADIUS = 2.6 * mm
BADGE_PAD = 1.0 * mm
"""Room between a badge's number and its circle, on either side."""


@dataclass
class Placed:
    """A section head or an entry at its place: column and top on a list page."""

    kind: str  # "head" or "entry"
    column: int
    top: float
    height: float
    item: object
    continued: bool = False


class CollectionLayout:
    """Measures one Wegweiser; :class:`~.collection.CollectionFlyer` draws what it lays out."""

    head_height = 8.5  # mm
    entry_gap = 2.5  # mm
    footer = 9.0  # mm reserved at the bottom of each page

    def __init__(self, data: CollectionData, options: PrintOptions):
        self.data = data
        self.options = options
        self.fmt = FORMATS[data.format]

    # ----- codes ------------------------------------------------------------------------
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

    # ----- badges and entries -----------------------------------------------------------
    @property
    def badge_size(self) -> float:
        """Font size of the badges' numbers."""
        return min(self.fmt.body_size, 9.0)

    def badge_radius(self, pen: Pen) -> float:
        """One radius for every badge of the flyer: its longest number fits with room."""
        numbers = [e.number for s in self.data.sections for e in s.entries] or [1]
        widest = max(pen.measure(str(n), self.badge_size, True) for n in numbers)
        return max(BADGE_MIN_RADIUS, widest / 2 + BADGE_PAD)

    def badge_column(self, pen: Pen) -> float:
        """Width the badges take at the start of every entry."""
        return 2 * self.badge_radius(pen) + 1.8 * mm

    def _text_width(self, pen: Pen, entry: Entry, col_w: float) -> float:
        badge = self.badge_column(pen)
        if self.data.offer_codes:
            return col_w - badge - self._entry_qr_mm(entry.sheet) * mm - 2 * mm
        return col_w - badge

    def _entry_lines(self, pen: Pen, entry: Entry, col_w: float
                     ) -> list[tuple[str, float, bool, str]]:
        """(text, size, bold, kind) of every block of an entry; the name a little smaller
        when one of its words would otherwise be cut."""
        if entry.part is not None:
            return entry.part
        s, f, lang = entry.sheet, self.fmt, self.data.lang
        name_size = pen.fit_words(s.title, self._text_width(pen, entry, col_w), f.name_size,
                                  True, f.body_size)
        blocks = [(s.title, name_size, True, "text")]
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
        width = self._text_width(pen, entry, col_w)
        total = 0.0
        for text, size, bold, kind in self._entry_lines(pen, entry, col_w):
            total += size * 1.2 if kind == "phone" else pen.height(text, width, size, bold)
        if not entry.continued:
            total = max(total, 2 * self.badge_radius(pen) + 0.6 * mm)
            if self.data.offer_codes:
                total = max(total, self._entry_qr_mm(entry.sheet) * mm)
        return total + self.entry_gap * mm

    def _split(self, pen: Pen, entry: Entry, col_w: float, room: float) -> list[Entry]:
        """Cut an entry taller than the room into a piece that fits and the rest."""
        blocks = self._entry_lines(pen, entry, col_w)
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

    # ----- columns and pages ------------------------------------------------------------
    def _frames(self) -> tuple[float, float]:
        """(top, bottom) of the list area on a list page."""
        f = self.fmt
        return f.height * mm - f.margin * mm, f.margin * mm + self.footer * mm

    def column_width(self) -> float:
        """Width of one list column."""
        f = self.fmt
        inner = (f.width - 2 * f.margin) * mm
        return (inner - (f.columns - 1) * f.gutter * mm) / f.columns

    def _layout(self, pen: Pen, first_top: float) -> tuple[list[list[Placed]], float]:
        f = self.fmt
        col_w = self.column_width()
        pages: list[list[Placed]] = [[]]
        column = 0
        top, bottom = first_top, self._frames()[1]
        y = top
        head = self.head_height * mm

        def next_column() -> None:
            nonlocal column, y, top
            column += 1
            if column >= f.columns:
                column = 0
                pages.append([])
                top = self._frames()[0]
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
                    pages[-1].append(Placed("head", column, y, head, section, not first))
                    y -= head
                    first = False
                if y - height < bottom - 0.5:
                    # Taller than a whole column: split it, the rest goes on (never cut off).
                    pieces[:0] = self._split(pen, entry, col_w, y - bottom)
                    continue
                pages[-1].append(Placed("entry", column, y, height, entry))
                y -= height
        return pages, col_w
