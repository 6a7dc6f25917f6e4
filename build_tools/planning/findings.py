"""The gaps the figures show, in words: the list a planner reads first."""

from __future__ import annotations

from dataclasses import dataclass

from ..indicators.profile import compared, fmt_value
from .analysis import PlanningResult
from .need import reason_parts, severity
from .numbers import fmt_km, fmt_minutes, fmt_number
from .plural import said


@dataclass(frozen=True)
class Finding:
    """One gap: which category, what kind, and a German sentence."""

    category_id: str
    kind: str
    """``none`` (no open offer at all), ``coverage``, ``distance``, ``time`` or ``need``."""
    text: str
    slug: str = ""
    """The need table the finding comes from (``need`` only)."""
    district_id: str = ""
    """The district it is about (``need`` only)."""


def findings(result: PlanningResult) -> list[Finding]:
    """Gaps in category order: no offers, districts without offers, far districts, times."""
    out: list[Finding] = []
    total = len(result.districts)
    for category_id, label in result.categories:
        cells = [(d, result.coverage[(d.id, category_id)]) for d in result.districts]
        if all(cell.count == 0 for _, cell in cells) and not result.time[category_id].offers:
            out.append(Finding(category_id, "none", f"{label}: kein offenes Angebot im Atlas."))
            continue
        empty = [d.name for d, cell in cells if cell.count == 0]
        if empty:
            out.append(Finding(
                category_id, "coverage",
                f"{label}: kein Angebot in {len(empty)} von {_districts(total)} "
                f"({_names(empty)}).",
            ))
        far = []
        for d in result.districts:
            reach = result.reach[(d.id, category_id)]
            if reach.flagged and reach.nearest_m is not None:
                far.append(
                    f"{d.name} {fmt_km(reach.nearest_m)}, ca. {fmt_minutes(reach.walking_min)}"
                )
        if far:
            threshold = result.settings.threshold(category_id)
            out.append(Finding(
                category_id, "distance",
                f"{label}: nächstes Angebot weiter als {fmt_km(threshold)} {result.distance_word} von der "
                f"Mitte von {_districts(len(far))} ({_names(far)}).",
            ))
        time = result.time[category_id]
        if time.with_hours and time.gaps:
            out.append(Finding(
                category_id, "time",
                f"{label}: kein Angebot geöffnet {_and(time.gaps)} "
                f"{said('with_hours', time.offers, k=time.with_hours)}.",
            ))
    return out


def _districts(n: int) -> str:
    return said("districts_dative", n)


def _names(names: list[str], limit: int = 12) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" und {len(names) - limit} weitere" if len(names) > limit else "")


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " und " + words[-1]


SUMMARY_MAX = 5
SUMMARY_MIN = 3


def need_findings(result: PlanningResult) -> list[Finding]:
    """Every flagged district of every need table, one sentence each: the gravest first (no
    offer within reach before a far or missing one before a thin supply), then the most
    people in need."""
    area = result.settings.area_label
    found = []
    for table in result.need:
        indicator = table.indicator
        for row in table.flagged:
            figure = f"{indicator.label} {fmt_value(row.value, indicator.unit)}"
            if table.atlas.value is not None:
                figure += ", " + compared(area, table.atlas.value, indicator.unit)
            parts = reason_parts(row, table.atlas_rate)
            if row.gap is not None and row.gap > 0:
                parts.append(f"rechnerisch fehlen {fmt_number(row.gap, 1)} Angebote")
            key = (severity(row), -(row.people or 0.0))
            found.append((key, Finding(
                table.category_id, "need",
                f"{row.name}: hoher Bedarf bei {table.category_label} ({figure}), "
                + ", ".join(parts) + ".",
                table.slug, row.district_id,
            )))
    found.sort(key=lambda pair: pair[0])  # stable: category order among equals
    return [f for _, f in found]


def summary_findings(result: PlanningResult) -> list[Finding]:
    """The three to five most important gaps for the report's first page.

    Flagged need first (:func:`need_findings`, one per district and category); then
    categories without any offer and districts without one, until there are at least three.
    """
    chosen: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for finding in need_findings(result):
        if (finding.district_id, finding.category_id) not in seen and len(chosen) < SUMMARY_MAX:
            seen.add((finding.district_id, finding.category_id))
            chosen.append(finding)
    if len(chosen) < SUMMARY_MIN:
        order = ("none", "coverage", "distance", "time")
        rest = sorted(findings(result), key=lambda f: order.index(f.kind))
        chosen += rest[: SUMMARY_MIN - len(chosen)]
    return chosen
