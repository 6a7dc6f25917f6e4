"""Print setup shared by every flyer: options, colours (RGB or CMYK), page boxes, crop marks.

Coordinates inside a layout are millimetres-as-points relative to the *trim* box: (0, 0) is the
bottom-left corner of the finished page. With ``bleed`` the media box grows by the bleed on
every side (and by a slug for crop marks); colour areas reach into the bleed via
:meth:`Sheet.bleed_rect`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import fonts

# Binary (Flate only) streams: ASCII85 doubles the work in pure Python and adds 25 % size.
rl_config.useA85 = 0

CROP_SLUG_MM = 8.0
"""Room outside the bleed for crop marks."""
SAFE_MM = 5.0
"""Every element keeps at least this distance from the trim edge — text, codes, pictograms,
rules. Only colour areas meant to run off the page (:meth:`Sheet.bleed_rect`) and the
poster's cut lines reach the edge; ``tests/flyers/test_margins.py`` measures every flyer."""


@dataclass(frozen=True)
class PrintOptions:
    """How flyers are printed; part of every cache key."""

    site_url: str
    lang: str = "de"
    bleed_mm: float = 0.0
    crop_marks: bool = False
    cmyk: bool = False
    error_correction: str = "M"
    atlas_name: str = "Angebotsatlas"


class Ink:
    """Colours for one document: RGB, or CMYK with text and QR codes in 100 % black."""

    def __init__(self, cmyk: bool):
        self.cmyk = cmyk
        if cmyk:
            self.black = CMYKColor(0, 0, 0, 1)
            self.white = CMYKColor(0, 0, 0, 0)
            self.grey = CMYKColor(0, 0, 0, 0.7)
            self.rule = CMYKColor(0, 0, 0, 0.35)
            self.tint = CMYKColor(0, 0, 0, 0.06)
        else:
            self.black = Color(0, 0, 0)
            self.white = Color(1, 1, 1)
            self.grey = Color(0.25, 0.25, 0.25)
            self.rule = Color(0.6, 0.6, 0.6)
            self.tint = Color(0.95, 0.95, 0.95)

    def hex(self, value: str, lighten: float = 0.0):
        """A ``#rrggbb`` colour, optionally mixed with white (0 = as is, 1 = white)."""
        r, g, b = (int(value[i:i + 2], 16) / 255 for i in (1, 3, 5))
        r, g, b = (v + (1 - v) * lighten for v in (r, g, b))
        if not self.cmyk:
            return Color(r, g, b)
        k = 1 - max(r, g, b)
        if k >= 1:
            return CMYKColor(0, 0, 0, 1)
        return CMYKColor(
            round((1 - r - k) / (1 - k), 4), round((1 - g - k) / (1 - k), 4),
            round((1 - b - k) / (1 - k), 4), round(k, 4),
        )


@dataclass(frozen=True)
class Metadata:
    """PDF document information."""

    title: str
    author: str
    subject: str = ""
    lang: str = "de"


class Sheet:
    """One PDF document of pages of one trim size, with bleed, boxes and optional crop marks."""

    def __init__(self, width_mm: float, height_mm: float, options: PrintOptions, meta: Metadata):
        fonts.register()
        self.width = width_mm * mm
        self.height = height_mm * mm
        self.bleed = options.bleed_mm * mm
        self.slug = CROP_SLUG_MM * mm if options.crop_marks else 0.0
        self.offset = self.bleed + self.slug
        self.options = options
        self.ink = Ink(options.cmyk)
        self.buffer = io.BytesIO()
        media = (self.width + 2 * self.offset, self.height + 2 * self.offset)
        trim = (self.offset, self.offset, self.offset + self.width, self.offset + self.height)
        bleed_box = (
            self.slug, self.slug, media[0] - self.slug, media[1] - self.slug,
        )
        self.canvas = Canvas(
            self.buffer, pagesize=media, invariant=1, pageCompression=1,
            initialFontName=fonts.REGULAR, initialFontSize=10, lang=meta.lang,
            trimBox=trim, bleedBox=bleed_box,
            enforceColorSpace="cmyk" if options.cmyk else None,
        )
        c = self.canvas
        c.setTitle(meta.title)
        c.setAuthor(meta.author)
        c.setSubject(meta.subject or meta.title)
        c.setCreator(options.atlas_name)
        c.setProducer("Angebotsatlas (ReportLab)")
        self._begin()

    def _begin(self) -> None:
        self.canvas.saveState()
        self.canvas.translate(self.offset, self.offset)

    def bleed_rect(self, x: float, y: float, w: float, h: float, color) -> None:
        """Fill a rectangle; edges lying on the trim edge are pushed out into the bleed."""
        b = self.bleed
        x0 = x - b if x <= 0.01 else x
        y0 = y - b if y <= 0.01 else y
        x1 = x + w + b if x + w >= self.width - 0.01 else x + w
        y1 = y + h + b if y + h >= self.height - 0.01 else y + h
        self.canvas.setFillColor(color)
        self.canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)

    def new_page(self) -> None:
        """Finish the current page and start the next."""
        self._finish_page()
        self.canvas.showPage()
        self._begin()

    def _finish_page(self) -> None:
        self.canvas.restoreState()
        if self.options.crop_marks:
            self._crop_marks()

    def _crop_marks(self) -> None:
        c = self.canvas
        c.saveState()
        c.setStrokeColor(self.ink.black)
        c.setLineWidth(0.25)
        o, w, h = self.offset, self.width, self.height
        gap = self.bleed + 1 * mm  # marks start outside the bleed
        length = self.slug - 1.5 * mm
        for x in (o, o + w):
            for y, d in ((o, -1), (o + h, 1)):
                c.line(x, y + d * gap, x, y + d * (gap + length))
        for y in (o, o + h):
            for x, d in ((o, -1), (o + w, 1)):
                c.line(x + d * gap, y, x + d * (gap + length), y)
        c.restoreState()

    def finish(self) -> bytes:
        """Close the document and return the PDF bytes."""
        self._finish_page()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()
