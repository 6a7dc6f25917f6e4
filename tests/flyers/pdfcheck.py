"""Looking into flyer PDFs the way a print shop and a phone would: sizes, boxes, fonts, text, QR."""

from __future__ import annotations

import ctypes
import io
import re
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import zxingcpp
from PIL import Image, ImageFilter

MM = 72 / 25.4
BASE14 = re.compile(rb"/BaseFont\s*/(Helvetica|Times|Courier|Symbol|ZapfDingbats)")


def pages_mm(pdf: bytes) -> list[tuple[float, float]]:
    """Media box size of every page in mm."""
    doc = pdfium.PdfDocument(pdf)
    return [(p.get_width() / MM, p.get_height() / MM) for p in doc]


def boxes_mm(pdf: bytes, index: int = 0) -> dict[str, tuple[float, ...]]:
    """Media, trim and bleed box of a page in mm (left, bottom, right, top)."""
    page = pdfium.PdfDocument(pdf)[index]
    return {
        "media": tuple(v / MM for v in page.get_mediabox()),
        "trim": tuple(v / MM for v in page.get_trimbox()),
        "bleed": tuple(v / MM for v in page.get_bleedbox()),
    }


def font_report(pdf: bytes) -> tuple[set[str], int]:
    """Names of the fonts used and the number of embedded TrueType font programs."""
    names = {m.decode() for m in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", pdf)}
    return names, len(re.findall(rb"/FontFile2", pdf))


def assert_fonts_embedded(pdf: bytes) -> None:
    """Every font is an embedded TrueType subset of our family; no base-14 font anywhere."""
    assert not BASE14.search(pdf), "base-14 font referenced"
    names, programs = font_report(pdf)
    assert names, "no fonts at all"
    for name in names:
        assert "+DejaVuSans" in name, name  # a subset of our family
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", pdf))
    assert programs == descriptors and programs >= 1


def text(pdf: bytes, index: int | None = None) -> str:
    """Extracted text of one page or all pages."""
    doc = pdfium.PdfDocument(pdf)
    pages = range(len(doc)) if index is None else [index]
    return "\n".join(doc[i].get_textpage().get_text_range() for i in pages)


def render(pdf: bytes, index: int = 0, dpi: int = 150) -> Image.Image:
    """A page as a greyscale image."""
    page = pdfium.PdfDocument(pdf)[index]
    return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")


def phone_camera(image: Image.Image, seed: int = 7) -> Image.Image:
    """Blur and sensor noise, roughly what an old phone camera sees."""
    blurred = image.filter(ImageFilter.GaussianBlur(radius=1.0))
    pixels = np.asarray(blurred, dtype=np.float32)
    noise = np.random.default_rng(seed).normal(0, 18, pixels.shape)
    noisy = np.clip(pixels * 0.85 + 20 + noise, 0, 255).astype(np.uint8)
    out = io.BytesIO()
    Image.fromarray(noisy).save(out, format="JPEG", quality=70)
    return Image.open(io.BytesIO(out.getvalue())).convert("L")


def decode(image: Image.Image) -> list[str]:
    """Texts of every QR code found."""
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


@dataclass(frozen=True)
class Element:
    """One thing drawn on a page: a text run, a path or an image, with its bounding box."""

    kind: str
    """``text``, ``path``, ``image``, ``shading`` or ``form``."""
    box: tuple[float, float, float, float]
    """Left, bottom, right, top in mm from the trim box's lower-left corner."""
    text: str = ""
    fill: bool = False
    stroke: bool = False
    dashed: bool = False

    def margin(self, trim: tuple[float, float]) -> float:
        """Distance to the nearest trim edge in mm (negative: it crosses the edge)."""
        left, bottom, right, top = self.box
        return min(left, bottom, trim[0] - right, trim[1] - top)


_KINDS = {pdfium_raw.FPDF_PAGEOBJ_TEXT: "text", pdfium_raw.FPDF_PAGEOBJ_PATH: "path",
          pdfium_raw.FPDF_PAGEOBJ_IMAGE: "image", pdfium_raw.FPDF_PAGEOBJ_SHADING: "shading",
          pdfium_raw.FPDF_PAGEOBJ_FORM: "form"}


def _object_text(obj, textpage) -> str:
    size = pdfium_raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    buffer = (ctypes.c_ushort * size)()
    pdfium_raw.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, size)
    text_value = bytes(buffer).decode("utf-16-le").rstrip("\x00")
    return text_value.replace("\x02", "-")  # PDFium reports a line-end hyphen as U+0002


def elements(pdf: bytes, index: int = 0) -> tuple[list[Element], tuple[float, float]]:
    """Every text, path and image object of a page (inside forms too), and the trim size.

    Boxes come from PDFium's page objects, in mm relative to the trim box, so a layout's own
    coordinates and what a print shop cuts compare directly.
    """
    page = pdfium.PdfDocument(pdf)[index]
    trim_left, trim_bottom, trim_right, trim_top = page.get_trimbox()
    textpage = page.get_textpage()
    found = []
    for obj in page.get_objects(max_depth=8):
        kind = _KINDS.get(obj.type, "other")
        left, bottom, right, top = obj.get_bounds()
        box = ((left - trim_left) / MM, (bottom - trim_bottom) / MM,
               (right - trim_left) / MM, (top - trim_bottom) / MM)
        fill = stroke = dashed = False
        text_value = ""
        if kind == "path":
            mode, stroked = ctypes.c_int(), ctypes.c_int()
            pdfium_raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroked))
            fill, stroke = mode.value != 0, bool(stroked.value)
            dashed = pdfium_raw.FPDFPageObj_GetDashCount(obj.raw) > 0
        elif kind == "text":
            text_value = _object_text(obj, textpage)
        found.append(Element(kind, box, text_value, fill, stroke, dashed))
    size = ((trim_right - trim_left) / MM, (trim_top - trim_bottom) / MM)
    return found, size
