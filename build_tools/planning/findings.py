"""The gaps the figures show, in words: the list a planner reads first."""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import PlanningResult
from .numbers import fmt_km, fmt_minutes


@dataclass(frozen=True)
class Finding:
    """One gap: which category, what kind, and a German sentence."""

    category_id: str
    kind: str
    """``none`` (no open offer at all), ``coverage``, ``distance`` or ``time``."""
    text: str


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
                f"{label}: nächstes Angebot weiter als {fmt_km(threshold)} Luftlinie von der "
                f"Mitte von {_districts(len(far))} ({_names(far)}).",
            ))
        time = result.time[category_id]
        if time.with_hours and time.gaps:
            out.append(Finding(
                category_id, "time",
                f"{label}: kein Angebot geöffnet {_and(time.gaps)} "
                f"({time.with_hours} von {time.offers} Angeboten mit Öffnungszeiten).",
            ))
    return out


def _districts(n: int) -> str:
    return f"{n} Sozialraum" if n == 1 else f"{n} Sozialräumen"


def _names(names: list[str], limit: int = 12) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" und {len(names) - limit} weitere" if len(names) > limit else "")


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " und " + words[-1]
