"""``daten/angebote.csv``: one row per published offer, for spreadsheets.

Choices (documented in ``docs/open-data.md``):

- UTF-8 **with BOM**: Excel only detects UTF-8 with it; LibreOffice and Python's ``utf-8-sig``
  read it cleanly.
- Delimiter **semicolon** ``;``: German Excel splits double-clicked CSV files at ``;`` (the
  comma is the decimal separator here); LibreOffice offers it in its import dialog.
- CRLF line ends and quoting as needed (RFC 4180); lists joined with `` | ``.
- Booleans as ``ja``/``nein`` (empty = unknown); decimal point in coordinates.
- After the German columns, the translated texts of each site language beyond German
  (``atlas.languages``), six columns each: ``titel_en``, ``kurzbeschreibung_en``,
  ``beschreibung_en``, ``hinweis_zeiten_en``, ``wegbeschreibung_en``, ``aktueller_hinweis_en``;
  empty where the offer has no translation (GeoJSON carries every language written).
- A text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'`` so
  spreadsheets do not run it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..catalog import Catalog
from .records import FIELDS, TRANSLATED_KEYS, offer_record, translated_columns, translations_of

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
    extra = translated_columns(catalog.config.languages)
    writer.writerow([*FIELDS, *(column for column, _, _ in extra)])
    for offer in catalog.published:
        record = offer_record(catalog, offer)
        texts = translations_of(offer)
        writer.writerow([cell(record[key]) for key in FIELDS]
                        + [cell(texts.get(code, {}).get(TRANSLATED_KEYS[name]))
                           for _, code, name in extra])
    return buffer.getvalue()


def csv_bytes(catalog: Catalog) -> bytes:
    """The CSV file: UTF-8 with BOM."""
    return csv_text(catalog).encode("utf-8-sig")
