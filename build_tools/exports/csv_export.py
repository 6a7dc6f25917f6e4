"""``daten/angebote.csv``: one row per published offer, for spreadsheets.

Choices (documented in ``docs/open-data.md``):

- UTF-8 **with BOM**: Excel only detects UTF-8 with it; LibreOffice and Python's ``utf-8-sig``
  read it cleanly.
- Delimiter **semicolon** ``;``: German Excel splits double-clicked CSV files at ``;`` (the
  comma is the decimal separator here); LibreOffice offers it in its import dialog.
- CRLF line ends and quoting as needed (RFC 4180); lists joined with `` | ``.
- Booleans as ``ja``/``nein`` (empty = unknown); decimal point in coordinates.
- A text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'`` so
  spreadsheets do not run it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..catalog import Catalog
from .records import FIELDS, offer_record

LIST_SEPARATOR = " | "
DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """One value as CSV text (lists joined, booleans in German, formulas defused)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def csv_text(catalog: Catalog) -> str:
    """The CSV table as text (without BOM)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(list(FIELDS))
    for offer in catalog.published:
        record = offer_record(catalog, offer)
        writer.writerow([cell(record[key]) for key in FIELDS])
    return buffer.getvalue()


def csv_bytes(catalog: Catalog) -> bytes:
    """The CSV file: UTF-8 with BOM."""
    return csv_text(catalog).encode("utf-8-sig")
