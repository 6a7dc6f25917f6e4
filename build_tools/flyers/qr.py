"""QR codes as vector graphics: one path of dark modules from a segno matrix.

ReportLab's ``QrCodeWidget`` costs ~95 % of a flyer's build time and renders bolder modules;
one path of merged module runs is fast, crisp at any resolution and decodes reliably.

Print rules enforced here: a quiet zone of 4 modules (drawn white, part of the given size) and
a printed module of at least 0.5 mm — a layout that would print smaller raises
:class:`QrTooSmall`, which fails the build with a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from reportlab.lib.units import mm

QUIET_ZONE = 4
MIN_MODULE_MM = 0.5


class QrTooSmall(ValueError):
    """A layout would print QR modules below the minimum size."""


@dataclass(frozen=True)
class QrSymbol:
    """The module matrix of one QR code (True = dark), without quiet zone."""

    data: str
    rows: tuple[tuple[bool, ...], ...]
    version: int
    error: str

    @property
    def modules(self) -> int:
        """Modules per side, without the quiet zone."""
        return len(self.rows)

    @property
    def modules_with_quiet_zone(self) -> int:
        """Modules per side including the quiet zone on both sides."""
        return self.modules + 2 * QUIET_ZONE

    def module_mm(self, size_mm: float) -> float:
        """Printed module size when the symbol with quiet zone is ``size_mm`` wide."""
        return size_mm / self.modules_with_quiet_zone

    def min_size_mm(self, min_module: float = MIN_MODULE_MM) -> float:
        """Smallest printable side length (quiet zone included)."""
        return self.modules_with_quiet_zone * min_module


@lru_cache(maxsize=8192)
def make(data: str, error: str = "M") -> QrSymbol:
    """Encode ``data`` at exactly the given error correction level (no silent boost)."""
    qr = segno.make_qr(data, error=error.lower(), boost_error=False)
    rows = tuple(tuple(bool(v) for v in row) for row in qr.matrix)
    return QrSymbol(data, rows, int(qr.version), error.upper())


def check_size(symbol: QrSymbol, size_mm: float, where: str) -> None:
    """Raise :class:`QrTooSmall` when the modules would print below 0.5 mm."""
    module = symbol.module_mm(size_mm)
    if module + 1e-9 < MIN_MODULE_MM:
        raise QrTooSmall(
            f"{where}: QR-Code für {symbol.data} würde mit {module:.2f} mm je Modul gedruckt "
            f"(mindestens {MIN_MODULE_MM} mm; Version {symbol.version}, {symbol.modules} Module). "
            f"Kürzere site_url/id, niedrigere Fehlerkorrektur oder größeres Format wählen."
        )


@lru_cache(maxsize=8192)
def path_operators(symbol: QrSymbol) -> str:
    """PDF operators filling the dark modules, in module units (quiet zone included).

    Runs of dark modules in a row become one rectangle; small integers keep the stream short
    and building it cheap (ReportLab's float formatting dominated the poster's build time).
    """
    ops = []
    height = symbol.modules_with_quiet_zone
    for r, row in enumerate(symbol.rows):
        y = height - QUIET_ZONE - r - 1
        c = 0
        n = len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start + QUIET_ZONE} {y} {c - start} 1 re")
            else:
                c += 1
    ops.append("f")
    return "\n".join(ops)


def draw(canvas, symbol: QrSymbol, x: float, y: float, size: float, dark, light,
         where: str = "") -> None:
    """Draw the symbol with its quiet zone into the square at (x, y) of side ``size`` (points).

    The white square covers the quiet zone; the dark modules are one filled path.
    """
    check_size(symbol, size / mm, where or "QR-Code")
    module = size / symbol.modules_with_quiet_zone
    canvas.saveState()
    canvas.setFillColor(light)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(dark)
    canvas.translate(x, y)
    canvas.scale(module, module)
    canvas._code.append(path_operators(symbol))  # raw path: see path_operators
    canvas.restoreState()
