"""Indicators per district as plain values: what ``indicators.yml`` says and ``indicators.csv`` holds.

Knows nothing of files. The loader (:mod:`.load`) builds an :class:`IndicatorSet`; the district
profiles and the planning section read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Unit(StrEnum):
    """The units an indicator may have; the value is how it is shown."""

    percent = "%"
    per_1000 = "je 1.000"
    count = "Anzahl"

    @property
    def maximum(self) -> float | None:
        """The largest possible value (None: no upper limit)."""
        return {Unit.percent: 100.0, Unit.per_1000: 1000.0}.get(self)

    @property
    def scale(self) -> float | None:
        """Divisor from the value to a share of the base (None for counts)."""
        return {Unit.percent: 100.0, Unit.per_1000: 1000.0}.get(self)


UNIT_NAMES = {
    "%": Unit.percent, "prozent": Unit.percent, "percent": Unit.percent,
    "je 1.000": Unit.per_1000, "je 1000": Unit.per_1000, "per 1000": Unit.per_1000,
    "per 1,000": Unit.per_1000, "‰": Unit.per_1000, "promille": Unit.per_1000,
    "anzahl": Unit.count, "count": Unit.count,
}
"""What an editor may write for ``unit`` (lower case), and what it means."""


@dataclass(frozen=True)
class Indicator:
    """One indicator as ``indicators.yml`` describes it."""

    id: str
    label: str
    unit: Unit
    source: str
    higher_is: str
    """``need`` (a higher value means more need, e.g. the SGB II share) or ``better``."""
    year: int | None = None
    as_of: date | None = None
    description: str = ""
    need_for: tuple[str, ...] = ()
    """Category ids this indicator is the need figure for."""
    base: str | None = None
    """Id of a count indicator the share refers to (None: the district's population)."""
    short_label: str | None = None
    """A short form for table headers and small maps (the label when not given)."""

    @property
    def short(self) -> str:
        """The label for narrow places."""
        return self.short_label or self.label

    @property
    def need_rises(self) -> bool:
        """True when a higher value means more need."""
        return self.higher_is == "need"


@dataclass(frozen=True)
class AtlasValue:
    """An indicator over the whole atlas, and how it was formed."""

    value: float | None
    method: str
    """``weighted`` (by the base population), ``mean`` (plain mean of districts), ``sum``."""
    districts: int
    """Districts with a value that went into it."""


@dataclass(frozen=True)
class IndicatorSet:
    """Every indicator, and its values per district and year.

    ``values[indicator][district][year]``: the value (None: unknown, e.g. ``.`` or an empty
    cell); ``year`` is None when the table has no year column. ``populations``: the districts'
    inhabitants from districts.geojson (the base of a share without ``base``). The figures
    over the whole atlas are computed once and remembered (a page per district asks for them).
    """

    indicators: dict[str, Indicator]
    values: dict[str, dict[str, dict[int | None, float | None]]]
    years: tuple[int, ...] = ()
    """The years of the table's ``year`` column, ascending (empty: one set of figures)."""
    source: str = "indicators.csv"
    populations: dict[str, int | None] = field(default_factory=dict)
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def year_of(self, indicator_id: str) -> int | None:
        """The year whose figures count as current: the latest with any value."""
        if not self.years:
            return self.indicators[indicator_id].year
        key = ("year", indicator_id)
        if key not in self._memo:
            by_district = self.values.get(indicator_id, {})
            known = [y for y in self.years
                     if any(v.get(y) is not None for v in by_district.values())]
            self._memo[key] = known[-1] if known else self.years[-1]
        return self._memo[key]

    def _row(self, indicator_id: str, district_id: str) -> dict[int | None, float | None]:
        return self.values.get(indicator_id, {}).get(district_id, {})

    def value(self, indicator_id: str, district_id: str) -> float | None:
        """The current value of one district (None: unknown)."""
        year = self.year_of(indicator_id) if self.years else None
        return self._row(indicator_id, district_id).get(year)

    def series(self, indicator_id: str, district_id: str) -> list[tuple[int, float]]:
        """(year, value) for every year with a value, ascending (empty without years)."""
        row = self._row(indicator_id, district_id)
        return [(y, row[y]) for y in self.years if row.get(y) is not None]  # type: ignore[misc]

    def need_indicators(self, category_id: str) -> list[Indicator]:
        """Indicators that are a need figure for this category, in file order."""
        return [i for i in self.indicators.values() if category_id in i.need_for]

    def base_of(self, indicator_id: str, district_id: str, year: int | None = None
                ) -> float | None:
        """The number of people a share refers to (base indicator or population)."""
        base = self.indicators[indicator_id].base
        if base is None:
            population = self.populations.get(district_id)
            return float(population) if population else None
        row = self._row(base, district_id)
        if not self.years:
            return row.get(None)
        return row.get(year if year is not None else self.year_of(base))

    def people(self, indicator_id: str, district_id: str) -> float | None:
        """People in need in one district: a share times its base, or the count itself."""
        indicator = self.indicators[indicator_id]
        value = self.value(indicator_id, district_id)
        if value is None:
            return None
        if indicator.unit.scale is None:
            return value
        year = self.year_of(indicator_id) if self.years else None
        base = self.base_of(indicator_id, district_id, year)
        if base is None:
            return None
        return value / indicator.unit.scale * base

    def atlas_value(self, indicator_id: str, year: int | None = None) -> AtlasValue:
        """The indicator for the whole atlas in ``year`` (default: the current one).

        Counts are summed. Shares are weighted by their base where every district with a value
        has one (that is the share the whole town would have), otherwise the plain mean.
        """
        if self.years and year is None:
            year = self.year_of(indicator_id)
        key = ("atlas", indicator_id, year)
        if key not in self._memo:
            self._memo[key] = self._atlas_value(indicator_id, year)
        return self._memo[key]

    def _atlas_value(self, indicator_id: str, year: int | None) -> AtlasValue:
        indicator = self.indicators[indicator_id]
        pairs = []
        for district_id, row in self.values.get(indicator_id, {}).items():
            value = row.get(year)
            if value is not None:
                pairs.append((value, self.base_of(indicator_id, district_id, year)))
        if not pairs:
            return AtlasValue(None, "mean", 0)
        if indicator.unit.scale is None:
            return AtlasValue(sum(v for v, _ in pairs), "sum", len(pairs))
        if all(base for _, base in pairs):
            total = sum(base for _, base in pairs)  # type: ignore[misc]
            return AtlasValue(sum(v * base for v, base in pairs) / total, "weighted",  # type: ignore[operator]
                              len(pairs))
        return AtlasValue(sum(v for v, _ in pairs) / len(pairs), "mean", len(pairs))
