"""QR codes as vector graphics: one path of dark modules from a segno matrix.

ReportLab's ``QrCodeWidget`` costs ~95 % of a flyer's build time and renders bolder modules;
one path of merged module runs is fast, crisp at any resolution and decodes reliably.

Print rules enforced here: a quiet zone of 4 modules (drawn white, part of the given size) and
a printed module of at least 0.5 mm — a layout that would print smaller raises
:class:`QrTooSmall`, which fails the build with a message.

Every layout lists the codes it prints as :class:`QrBox` values (``qr_boxes()``), without
drawing: the load phase checks exactly those boxes (:func:`too_small`) and the renderer draws
exactly those, so ``atlas check`` and a build can never disagree about a code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from reportlab.lib.units import mm
from segno import consts as segno_consts
from segno import encoder as segno_encoder

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


@dataclass(frozen=True)
class QrBox:
    """One QR code a layout prints: what it encodes, its side in mm (quiet zone included)."""

    url: str
    size_mm: float
    where: str
    """The flyer and place, for messages: ``tafel-aushang.pdf (Abreißstreifen)``."""
    copies: int = 1
    """How often the code is printed (the tear-off strips)."""


def too_small(boxes: list[QrBox], error: str) -> list[tuple[QrBox, QrTooSmall]]:
    """Every box whose code would print below the minimum module size, with the reason
    (the facts only: the caller knows what to suggest).

    Only the symbol's version is needed, not its matrix: encoding and masking a code costs
    ~10 ms, finding its version ~35 µs — and ``atlas check`` judges every flyer of the atlas.
    """
    found = []
    for box in boxes:
        version = version_of(box.url, error)
        try:
            check_modules(box.url, version, box.size_mm, box.where, hint="")
        except QrTooSmall as exc:
            found.append((box, exc))
    return found


_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def version_of(data: str, error: str = "M") -> int:
    """The version :func:`make` gives ``data`` (segno's own choice of mode and version).

    An ASCII text with a character outside QR's alphanumeric set is encoded in byte mode, one
    byte per character, so its version depends on its length alone: the short links of an atlas
    all have one length, and one look-up serves them all.
    """
    if data.isascii() and not _ALPHANUMERIC.issuperset(data):
        return _version_of(f"{len(data)}-byte", "a" * len(data), error)
    return _version_of(data, data, error)


@lru_cache(maxsize=8192)
def _version_of(_key: str, data: str, error: str) -> int:
    segments = segno_encoder.prepare_data(data, None, None)
    level = segno_consts.ERROR_MAPPING[error.upper()]
    return int(segno_encoder.find_version(segments, level, eci=False, micro=False))


def modules_of(version: int) -> int:
    """Modules per side of a QR symbol of ``version`` (without the quiet zone)."""
    return 17 + 4 * version


def largest_version(size_mm: float, min_module: float = MIN_MODULE_MM) -> int:
    """The largest QR version whose modules (with quiet zone) still print at ``min_module``."""
    modules = int(size_mm / min_module + 1e-9) - 2 * QUIET_ZONE
    return max(0, min(40, (modules - 17) // 4))


@lru_cache(maxsize=256)
def capacity(size_mm: float, error: str = "M") -> int:
    """How many bytes of a URL a code of ``size_mm`` holds at ≥ 0.5 mm per module (0: none)."""
    version = largest_version(size_mm)
    if version < 1:
        return 0
    low, high = 0, 3000
    while low < high:  # the largest n that segno fits into ``version``
        middle = (low + high + 1) // 2
        try:
            segno.make_qr("a" * middle, error=error.lower(), version=version, boost_error=False)
        except segno.DataOverflowError:
            high = middle - 1
        else:
            low = middle
    return low


@lru_cache(maxsize=8192)
def make(data: str, error: str = "M") -> QrSymbol:
    """Encode ``data`` at exactly the given error correction level (no silent boost)."""
    qr = segno.make_qr(data, error=error.lower(), boost_error=False)
    rows = tuple(tuple(bool(v) for v in row) for row in qr.matrix)
    return QrSymbol(data, rows, int(qr.version), error.upper())


GENERIC_HINT = "Kürzere site_url, niedrigere Fehlerkorrektur oder größeres Format wählen."


def check_size(symbol: QrSymbol, size_mm: float, where: str, hint: str = GENERIC_HINT) -> None:
    """Raise :class:`QrTooSmall` when the modules would print below 0.5 mm."""
    check_modules(symbol.data, symbol.version, size_mm, where, hint)


def check_modules(data: str, version: int, size_mm: float, where: str, hint: str = GENERIC_HINT) -> None:
    """:func:`check_size` from the version alone (no matrix needed)."""
    modules = modules_of(version)
    module = size_mm / (modules + 2 * QUIET_ZONE)
    if module + 1e-9 < MIN_MODULE_MM:
        raise QrTooSmall(
            f"{where}: QR-Code für {data} würde mit {module:.2f} mm je Modul gedruckt "
            f"(mindestens {MIN_MODULE_MM} mm; Version {version}, {modules} Module)."
            + (f" {hint}" if hint else "")
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
