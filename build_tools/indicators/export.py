"""The indicators as open data: ``daten/kennzahlen.csv`` (values) and ``kennzahlen-metadaten.csv``.

Same conventions as ``daten/angebote.csv`` (:mod:`build_tools.exports.csv_export`): UTF-8 with
BOM, ``;`` as delimiter, decimal point, CRLF. One row per district, indicator and year (long
format: any spreadsheet pivots it back). Only the figures per district that the statistics
office published go out — never a population grid's single cells, which may describe a handful
of households. The licence is the one of all open data (``exports.license``).
"""

from __future__ import annotations

import csv
import io

from ..catalog import Catalog
from ..exports.csv_export import DELIMITER, cell
from ..exports.data_page import attribution_text, license_of
from .model import IndicatorSet

VALUES_FILE = "kennzahlen.csv"
META_FILE = "kennzahlen-metadaten.csv"
VALUE_FIELDS = ("sozialraum_id", "sozialraum", "kennzahl", "jahr", "wert", "einheit")
META_FIELDS = ("kennzahl", "bezeichnung", "einheit", "jahr", "stichtag", "quelle",
               "beschreibung", "hoeher_ist", "bedarf_fuer", "bezugsgroesse", "lizenz",
               "namensnennung")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(round(value, 6))


def _csv(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def values_csv(catalog: Catalog, indicators: IndicatorSet) -> bytes:
    """Every value: district, indicator, year (empty without a year column), value, unit."""
    rows = []
    for indicator in indicators.indicators.values():
        for district in catalog.districts.values():
            row = indicators.values.get(indicator.id, {}).get(district.id, {})
            for year in indicators.years or (None,):
                rows.append([district.id, cell(district.name), indicator.id,
                             str(year if year is not None else indicator.year or ""),
                             _number(row.get(year)), indicator.unit.value])
    return _csv(VALUE_FIELDS, rows)


def metadata_csv(catalog: Catalog, indicators: IndicatorSet) -> bytes:
    """What each indicator is, where it comes from, and under which licence it is published."""
    licence = license_of(catalog.config.exports.license)
    attribution = attribution_text(catalog) if licence.attribution else ""
    rows = []
    for indicator in indicators.indicators.values():
        rows.append([
            indicator.id, cell(indicator.label), indicator.unit.value,
            str(indicators.year_of(indicator.id) or ""),
            indicator.as_of.isoformat() if indicator.as_of else "", cell(indicator.source),
            cell(indicator.description), indicator.higher_is, " ".join(indicator.need_for),
            indicator.base or "", catalog.config.exports.license, cell(attribution),
        ])
    return _csv(META_FIELDS, rows)


def indicator_files(catalog: Catalog, indicators: IndicatorSet | None) -> dict[str, bytes]:
    """File name → bytes; nothing when the atlas keeps no indicators or keeps them internal
    (``planning.public_profiles: false``)."""
    if indicators is None or not indicators.indicators:
        return {}
    if not catalog.config.planning.public_profiles:
        return {}
    return {VALUES_FILE: values_csv(catalog, indicators),
            META_FILE: metadata_csv(catalog, indicators)}
