"""Need against supply and the indicators as plain tables (HTML, Markdown, CSV and PDF alike)."""

from __future__ import annotations

from ..indicators import Indicator, IndicatorSet, Unit
from ..indicators.profile import fmt_value, when_text
from ..urls import district_path
from .analysis import PlanningResult
from .indicator_map import need_title
from .need import NeedTable, fmt_rate, short_reason
from .numbers import fmt_km, fmt_number
from .tables import Table, Value

UNIT_HEADER = {Unit.percent: "in %", Unit.per_1000: "je 1.000", Unit.count: "Anzahl"}


def value_header(indicator: Indicator) -> str:
    """``SGB II in %`` — a column header for an indicator's values."""
    return f"{indicator.short} {UNIT_HEADER[indicator.unit]}"


def _signed(value: float | None) -> str:
    """``1.61`` → ``"1,6"``, ``-1.53`` → ``"−1,5"``, ``0.01`` → ``"0,0"``."""
    if value is None:
        return "–"
    if abs(value) < 0.05:
        return "0,0"
    return ("−" if value < 0 else "") + fmt_number(abs(value), 1)


def need_data_table(table: NeedTable, limit: int | None = None) -> Table:
    """The ranked need table of one category (``limit``: the first rows only, said in the note)."""
    indicator = table.indicator
    rows = []
    for row in table.rows[:limit]:
        rows.append([
            Value(row.name, row.district_id, link=district_path(row.district_id)),
            Value(f"{row.rank} ⚠" if row.flagged else str(row.rank), row.rank, flag=row.flagged),
            Value(fmt_number(row.value, 1 if indicator.unit is not Unit.count else 0)
                  if row.value is not None else "–", row.value, flag=row.high),
            Value(fmt_number(row.people, 0) if row.people is not None else "–",
                  round(row.people, 1) if row.people is not None else None),
            Value("0 ✕" if row.no_offer else str(row.offers), row.offers, zero=row.no_offer),
            Value(fmt_rate(row.rate) if row.rate is not None else "–",
                  round(row.rate, 4) if row.rate is not None else None),
            Value(_signed(row.gap), round(row.gap, 3) if row.gap is not None else None,
                  flag=row.gap is not None and row.gap > 0 and row.flagged),
            Value(fmt_km(row.nearest_m) if row.nearest_m is not None else "kein Angebot",
                  round(row.nearest_m) if row.nearest_m is not None else None, flag=row.far),
            Value("⚠ " + short_reason(row) if row.flagged else "–", row.flagged,
                  flag=row.flagged),
        ])
    columns = ["Sozialraum", "Rang", value_header(indicator), "Menschen mit Bedarf",
               "Angebote", "je 1.000 mit Bedarf", "Fehlbedarf", "Nächstes Angebot",
               "Hinweis"]
    numeric = [False, True, True, True, True, True, True, True, False]
    rate = fmt_rate(table.atlas_rate) if table.atlas_rate is not None else "–"
    note = (
        "Menschen mit Bedarf: geschätzt aus der Kennzahl. Nächstes Angebot: "
        f"{table.distance_word} von der Mitte des Sozialraums. "
        f"Markiert (⚠): hoher Bedarf (Wert ab {fmt_value(table.high_from, indicator.unit)}, das "
        f"obere Viertel der Sozialräume) und kein Angebot im Sozialraum, weniger Angebote als im "
        f"Durchschnitt ({rate} je 1.000 Menschen mit Bedarf) oder das nächste weiter als die "
        f"Schwelle. Fehlbedarf: so viele Angebote fehlen rechnerisch bis zum Durchschnitt "
        f"(negativ: mehr als der Durchschnitt). ✕ = kein Angebot im Sozialraum."
    )
    if limit is not None and len(table.rows) > limit:
        note += (f" Gezeigt: die ersten {limit} von {len(table.rows)} Sozialräumen; alle stehen "
                 f"in {table.slug}.csv.")
    return Table(table.slug, need_title(table),
                 columns, rows, numeric, note)


def indicator_values_table(result: PlanningResult, indicators: IndicatorSet) -> Table:
    """The current value of every indicator in every district (one column each)."""
    chosen = list(indicators.indicators.values())
    rows = []
    for d in result.districts:
        row = [Value(d.name, d.id, link=district_path(d.id))]
        for indicator in chosen:
            value = indicators.value(indicator.id, d.id)
            row.append(Value(fmt_number(value, 0 if indicator.unit is Unit.count else 1)
                             if value is not None else "–", value))
        rows.append(row)
    area = result.settings.area_label
    total = [Value(area, None)]
    for indicator in chosen:
        value = indicators.atlas_value(indicator.id).value
        total.append(Value(fmt_number(value, 0 if indicator.unit is Unit.count else 1)
                           if value is not None else "–", round(value, 4) if value else value))
    rows.append(total)
    return Table("kennzahlen", "Kennzahlen je Sozialraum (aktueller Stand)",
                 ["Sozialraum", *[value_header(i) for i in chosen]], rows,
                 [False, *[True] * len(chosen)],
                 f"Letzte Zeile: {area} insgesamt (Quoten mit der Einwohnerzahl bzw. der "
                 "Bezugsgröße gewichtet, Anzahlen summiert). – = keine Angabe.")


def indicator_sources_table(indicators: IndicatorSet) -> Table:
    """What each indicator is, its unit, year and source."""
    rows = []
    for indicator in indicators.indicators.values():
        rows.append([
            Value(indicator.label, indicator.id),
            Value(indicator.unit.value, indicator.unit.name),
            Value(when_text(indicator, indicators.year_of(indicator.id)) or "–",
                  indicators.year_of(indicator.id)),
            Value("mehr Bedarf" if indicator.need_rises else "besser", indicator.higher_is),
            Value(", ".join(indicator.need_for) or "–", " ".join(indicator.need_for)),
            Value(indicator.source + (f". {indicator.description}" if indicator.description
                                      else ""), indicator.source),
        ])
    return Table("kennzahlen-quellen", "Kennzahlen und Quellen",
                 ["Kennzahl", "Einheit", "Stand", "Höherer Wert heißt", "Bedarf für", "Quelle"],
                 rows, [False] * 6)
