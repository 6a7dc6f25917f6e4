"""Need against supply: offers per 1,000 people in need, per district, ranked by the gap.

For every category that an indicator names in ``need_for``:

- **people in need** = the indicator's share × its base (the district's population, or the
  count indicator named in ``base``); a count indicator is the number of people itself;
- **supply** = open offers counted in the district (as in the coverage matrix) per 1,000
  people in need; the **atlas rate** = all those counts ÷ all people in need × 1,000;
- **gap** = offers the district would have at the atlas rate − offers it has (positive: fewer
  than the average);
- **high need** = the indicator is among the highest quarter of the districts (at least one);
- **flagged** = high need and (no offer in the district, fewer offers per 1,000 than the atlas
  rate, or the nearest offer beyond the category's threshold).

Rows: flagged districts first — no offer within the largest reach distance before none in the
district or a far one, before fewer offers than the average (:func:`severity`) — then the
rest, each by the gap, largest first. Capacity (places, meals) is not part of the offer
schema yet, so supply counts offers only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..indicators import AtlasValue, Indicator, IndicatorSet
from .numbers import fmt_km, fmt_number


@dataclass(frozen=True)
class NeedRow:
    """One district in one category's need table."""

    district_id: str
    name: str
    value: float | None
    """The indicator's current value (None: unknown)."""
    people: float | None
    """Estimated people in need (None: value or base unknown)."""
    offers: int
    rate: float | None
    """Offers per 1,000 people in need."""
    gap: float | None
    """Offers missing to reach the atlas rate (negative: more than the average)."""
    nearest_m: float | None
    high: bool
    no_offer: bool
    low_supply: bool
    far: bool
    """Nearest offer beyond the category's threshold (or none at all)."""
    beyond_m: int | None
    """The largest reach distance when no offer lies within it (``kein Angebot in 2 km``)."""
    flagged: bool
    rank: int
    reason: str
    """Why the row is flagged, in German (empty when it is not)."""


@dataclass(frozen=True)
class NeedTable:
    """One category measured against one need indicator."""

    category_id: str
    category_label: str
    indicator: Indicator
    year: int | None
    atlas: AtlasValue
    atlas_rate: float | None
    """Offers per 1,000 people in need over the whole atlas."""
    high_from: float | None
    """The smallest value counted as high need."""
    rows: list[NeedRow]
    distance_word: str = "Luftlinie"
    """How the nearest offer is measured: ``Luftlinie`` or ``Fußweg`` (street network)."""

    @property
    def flagged(self) -> list[NeedRow]:
        """The flagged rows, in rank order."""
        return [r for r in self.rows if r.flagged]

    @property
    def slug(self) -> str:
        """Anchor and file name: ``bedarf-essen-sgb2_quote``."""
        return f"bedarf-{self.category_id}-{self.indicator.id}"


def high_need_from(values: list[float]) -> float | None:
    """The cut for high need: the value of the district at position ⌈n/4⌉ from the top."""
    if not values:
        return None
    ranked = sorted(values, reverse=True)
    return ranked[math.ceil(len(ranked) / 4) - 1]


def need_tables(result, indicators: IndicatorSet | None) -> list[NeedTable]:
    """Every (category, need indicator) pair of a planning result, in category order."""
    if indicators is None:
        return []
    tables = []
    for category_id, label in result.categories:
        for indicator in indicators.need_indicators(category_id):
            tables.append(need_table(result, indicators, category_id, label, indicator))
    return tables


def need_table(result, indicators: IndicatorSet, category_id: str, label: str,
               indicator: Indicator) -> NeedTable:
    """The need table of one category and one indicator."""
    values = {d.id: indicators.value(indicator.id, d.id) for d in result.districts}
    people = {d.id: indicators.people(indicator.id, d.id) for d in result.districts}
    counts = {d.id: result.coverage[(d.id, category_id)].count for d in result.districts}
    known = [d_id for d_id in people if people[d_id]]
    total_people = sum(people[d] for d in known)  # type: ignore[misc]
    atlas_rate = (sum(counts[d] for d in known) * 1000 / total_people) if total_people else None
    high_from = high_need_from([v for v in values.values() if v is not None])
    largest = max(result.settings.distances_m)
    rows = []
    for d in result.districts:
        reach = result.reach[(d.id, category_id)]
        value, need, count = values[d.id], people[d.id], counts[d.id]
        rate = count * 1000 / need if need else None
        gap = need * atlas_rate / 1000 - count if need and atlas_rate is not None else None
        high = value is not None and high_from is not None and value >= high_from
        low = rate is not None and atlas_rate is not None and rate < atlas_rate
        beyond = largest if reach.nearest_m is None or reach.nearest_m > largest else None
        flagged = high and (count == 0 or low or reach.flagged)
        rows.append(NeedRow(
            district_id=d.id, name=d.name, value=value, people=need, offers=count, rate=rate,
            gap=gap, nearest_m=reach.nearest_m, high=high, no_offer=count == 0,
            low_supply=low, far=reach.flagged, beyond_m=beyond, flagged=flagged, rank=0,
            reason="",
        ))
    rows.sort(key=lambda r: (not r.flagged, severity(r) if r.flagged else 0,
                             -(r.gap if r.gap is not None else -math.inf), r.name))
    ranked = [
        replace(r, rank=k, reason=reason(r, atlas_rate) if r.flagged else "")
        for k, r in enumerate(rows, start=1)
    ]
    return NeedTable(category_id, label, indicator, indicators.year_of(indicator.id),
                     indicators.atlas_value(indicator.id), atlas_rate, high_from,
                     ranked, getattr(result, "distance_word", "Luftlinie"))


def severity(row: NeedRow) -> int:
    """How grave a flagged row is: 0 no offer within the largest reach distance, 1 none in the
    district or the nearest beyond the threshold, 2 fewer offers than the average only."""
    if row.beyond_m is not None:
        return 0
    if row.no_offer or row.far:
        return 1
    return 2


def fmt_rate(rate: float | None) -> str:
    """Offers per 1,000: two decimals below 10 (``0,43``), one above (``52,6``)."""
    return fmt_number(rate, 2 if rate is None or rate < 10 else 1)


def km(metres: float) -> str:
    """``2000`` → ``"2 km"``, ``1500`` → ``"1,5 km"`` (whole kilometres without a decimal)."""
    if metres >= 1000 and metres % 1000 == 0:
        return f"{int(metres // 1000)}\u00a0km"
    return fmt_km(metres)


def reason_parts(row: NeedRow, atlas_rate: float | None) -> list[str]:
    """What besides the high need makes a flagged row stand out, in German."""
    parts = []
    if row.nearest_m is None:
        parts.append("kein offenes Angebot im Atlas")
    elif row.beyond_m is not None:
        parts.append(f"kein Angebot in {km(row.beyond_m)} (nächstes {fmt_km(row.nearest_m)})")
    else:
        if row.no_offer:
            parts.append("kein Angebot im Sozialraum")
        if row.far:
            parts.append(f"nächstes Angebot {fmt_km(row.nearest_m)} entfernt")
    if row.low_supply and not row.no_offer and atlas_rate is not None:
        parts.append(f"{fmt_rate(row.rate)} Angebote je 1.000 Menschen mit Bedarf "
                     f"(Durchschnitt {fmt_rate(atlas_rate)})")
    return parts


def short_reason(row: NeedRow) -> str:
    """The table's marker: the gravest reason only (``kein Angebot in 2 km``, ``keins im
    Sozialraum``, ``weiter Weg``, ``unter Durchschnitt``); the sentence says the rest."""
    if row.nearest_m is None:
        return "kein Angebot im Atlas"
    if row.beyond_m is not None:
        return f"kein Angebot in {km(row.beyond_m)}"
    if row.no_offer:
        return "keins im Sozialraum"
    if row.far:
        return "weiter Weg"
    return "unter Durchschnitt"


def reason(row: NeedRow, atlas_rate: float | None) -> str:
    """``hoher Bedarf, kein Angebot in 2 km (nächstes 4,3 km)``."""
    return ", ".join(["hoher Bedarf", *reason_parts(row, atlas_rate)])
