"""The QR code: vector path, quiet zone, module size, error correction."""

from __future__ import annotations

import io

import numpy as np
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from build_tools.flyers import qr

from .pdfcheck import decode, render

URL = "https://hilfe.musterstadt.example/angebote/notschlafstelle/"


def _pdf(symbol, size_mm: float) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(60 * mm, 60 * mm), invariant=1)
    qr.draw(c, symbol, 5 * mm, 5 * mm, size_mm * mm, (0, 0, 0), (1, 1, 1))
    c.showPage()
    c.save()
    return buf.getvalue()


def test_default_level_is_m_and_exact():
    symbol = qr.make(URL)
    assert symbol.error == "M"
    assert qr.make(URL, "H").error == "H"
    assert qr.make(URL, "H").version >= symbol.version


def test_drawn_as_vector_path_that_decodes():
    symbol = qr.make(URL)
    pdf = _pdf(symbol, 34)
    assert b"/Subtype /Image" not in pdf and b"/XObject" not in pdf  # no bitmap anywhere
    assert decode(render(pdf, dpi=150)) == [URL]


def test_quiet_zone_is_four_modules_of_white():
    symbol = qr.make(URL)
    size = 45.0
    image = render(_pdf(symbol, size), dpi=300)
    px_per_mm = 300 / 25.4
    module_px = symbol.module_mm(size) * px_per_mm
    left = 5 * px_per_mm
    top = image.height - (5 + size) * px_per_mm
    # The band of four modules inside the square's edge is white, the fifth holds the finder.
    strip = image.crop((int(left + 1), int(top + 1), int(left + 4 * module_px - 1),
                        int(top + size * px_per_mm - 1)))
    assert np.asarray(strip).min() > 200
    finder = image.getpixel((int(left + 4.5 * module_px), int(top + 4.5 * module_px)))
    assert finder < 60


def test_too_small_fails_with_message():
    symbol = qr.make(URL)
    minimum = symbol.min_size_mm()
    qr.check_size(symbol, minimum, "ok")
    with pytest.raises(qr.QrTooSmall, match=r"mm je Modul.*mindestens 0.5 mm"):
        _pdf(symbol, minimum - 1)


def test_the_version_alone_is_what_encoding_gives():
    """The load phase judges codes by version only; it must be the version segno encodes."""
    import random

    from build_tools.flyers.qr import make, modules_of, version_of

    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-./äöüß"
    for _ in range(300):
        length = rng.randint(10, 400)
        data = "https://" + "".join(rng.choice(alphabet) for _ in range(length))
        for level in "LMQH":
            symbol = make(data, level)
            assert version_of(data, level) == symbol.version, (data, level)
            assert modules_of(symbol.version) == symbol.modules
