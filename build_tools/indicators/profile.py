"""The public profile of one district: its indicators, formatted, beside the whole atlas.

This module decides what the profile says (values, units, years, sources, the comparison, the
points of each small trend figure); the template ``district_profile.html`` decides how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from ..planning.numbers import fmt_number
from .model import Indicator, IndicatorSet, Unit

TREND_WIDTH = 112
TREND_HEIGHT = 32
TREND_PAD = 4


def fmt_value(value: float | None, unit: Unit) -> str:
    """``14.2`` → ``"14,2 %"``, ``27.5`` → ``"27,5 je 1.000"``, ``1234`` → ``"1.234"``."""
    if value is None:
        return "keine Angabe"
    if unit is Unit.count:
        return fmt_number(value, 0)
    return fmt_number(value, 1) + ("\u00a0%" if unit is Unit.percent else "\u00a0je\u00a01.000")


def when_text(indicator: Indicator, year: int | None) -> str:
    """``"Stand 31.12.2025"`` or ``"2025"``."""
    if indicator.as_of is not None and (year is None or indicator.as_of.year == year):
        return f"Stand {indicator.as_of:%d.%m.%Y}"
    return str(year) if year is not None else ""


@dataclass(frozen=True)
class Trend:
    """A small line figure: the district solid, the whole atlas dashed (points pre-formatted)."""

    points: str
    atlas_points: str
    last: tuple[str, str]
    """The last point of the district's line (x, y), marked with a dot."""
    text: str
    """The same figures in words (the figure's accessible name)."""
    first_year: int
    last_year: int
    width: int = TREND_WIDTH
    height: int = TREND_HEIGHT


@dataclass(frozen=True)
class ProfileRow:
    """One indicator as the profile shows it."""

    id: str
    label: str
    value: str
    atlas: str
    """``"Stadt 9,8 %"`` (empty when the atlas value is unknown)."""
    when: str
    source: str
    description: str
    higher_is: str
    trend: Trend | None


def _scale(values: list[float]):
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    inner = TREND_HEIGHT - 2 * TREND_PAD

    def y(value: float) -> float:
        return TREND_PAD + inner * (high - value) / (high - low)

    return y


def trend(indicators: IndicatorSet, indicator: Indicator, district_id: str,
          area: str) -> Trend | None:
    """The trend figure of one indicator in one district (None with fewer than two years)."""
    series = indicators.series(indicator.id, district_id)
    if len(series) < 2:
        return None
    years = [y for y, _ in series]
    atlas = [(y, indicators.atlas_value(indicator.id, y).value) for y in years]
    atlas_known = [(y, v) for y, v in atlas if v is not None]
    if indicator.unit is Unit.count:
        atlas_known = []  # a sum over the atlas has another scale than one district
    y_of = _scale([v for _, v in series] + [v for _, v in atlas_known])
    first, span = years[0], max(years[-1] - years[0], 1)

    def x_of(year: int) -> float:
        return TREND_PAD + (TREND_WIDTH - 2 * TREND_PAD) * (year - first) / span

    def line(points: list[tuple[int, float]]) -> str:
        return " ".join(f"{x_of(y):.1f},{y_of(v):.1f}" for y, v in points)

    words = "; ".join(f"{y}: {fmt_value(v, indicator.unit)}" for y, v in series)
    if atlas_known:
        words += f" ({area}: " + "; ".join(f"{y}: {fmt_value(v, indicator.unit)}"
                                          for y, v in atlas_known) + ")"
    last_year, last_value = series[-1]
    return Trend(
        points=line(series), atlas_points=line(atlas_known),
        last=(f"{x_of(last_year):.1f}", f"{y_of(last_value):.1f}"),
        text=f"Verlauf {indicator.label}: {words}", first_year=first, last_year=last_year,
    )


def compared(area: str, value: float | None, unit: Unit) -> str:
    """``"Stadt 9,8 %"``; a count is the atlas' total (``"Stadt gesamt 130"``)."""
    if value is None:
        return ""
    return f"{area} {'gesamt ' if unit is Unit.count else ''}{fmt_value(value, unit)}"


def district_profile(catalog: Catalog, indicators: IndicatorSet | None,
                     district_id: str) -> dict | None:
    """What ``district_profile.html`` shows for one district (None: no profile to show)."""
    settings = catalog.config.planning
    if indicators is None or not settings.public_profiles or not indicators.indicators:
        return None
    area = settings.area_label
    rows = []
    for indicator in indicators.indicators.values():
        year = indicators.year_of(indicator.id)
        atlas = indicators.atlas_value(indicator.id)
        rows.append(ProfileRow(
            id=indicator.id,
            label=indicator.label,
            value=fmt_value(indicators.value(indicator.id, district_id), indicator.unit),
            atlas=compared(area, atlas.value, indicator.unit),
            when=when_text(indicator, year),
            source=indicator.source,
            description=indicator.description,
            higher_is=indicator.higher_is,
            trend=trend(indicators, indicator, district_id, area),
        ))
    years = [indicators.year_of(i) for i in indicators.indicators]
    known = sorted({y for y in years if y is not None})
    return {
        "rows": rows,
        "area": area,
        "district": catalog.districts[district_id].name,
        "count": len(rows),
        "latest": known[-1] if known else None,
        "years": f"{indicators.years[0]}–{indicators.years[-1]}" if len(indicators.years) > 1
        else "",
        "sample": catalog.config.sample_data,
    }
