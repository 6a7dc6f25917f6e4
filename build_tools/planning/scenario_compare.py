"""Before and after a scenario: which districts lose or gain, in shares of residents.

:func:`compare` analyses the catalog as it would be after the scenario (reusing the "before"
analysis' origins, walker and timetable) and keeps, for every category a change touches, the
districts whose figures move: the share within the largest walking time and, with a timetable,
within the first door-to-door time of each departure window. A headline per change and
category sums the districts up for the whole area, weighted by inhabitants ("Jobcenter
Musterstadt nach Nachbarstadt: Bewohner mit ≤ 30 min Fahrzeit (vormittags 8–10 Uhr) 98 % →
12 %"); where a need indicator applies to the category, the people in need who fall out of
reach are estimated (people in need × the fall of the share).

Confidential offers: their figures count as everywhere, but no sentence names their place —
neither the old nor the new one — and the maps get no mark for them (:mod:`.share_map`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..catalog import Catalog
from ..schema import Status
from .analysis import PlanningResult, analyse
from .coverage import offer_categories
from .numbers import fmt_number, fmt_percent
from .scenario import Change, Scenario, apply_scenario
from .tables import Table, Value, _district_cells

MOVED = 0.005
"""A share that changes by less than this (half a percentage point) counts as unchanged."""


@dataclass(frozen=True)
class Measure:
    """One compared figure: its key, its words, and how to read it from a result."""

    key: str
    words: str
    """``≤ 30 min Fußweg`` or ``≤ 30 min Fahrzeit (vormittags 8–10 Uhr)``."""
    column: str


@dataclass
class Comparison:
    """A scenario's before and after, ready for every renderer."""

    scenario: Scenario
    before: PlanningResult
    after: PlanningResult
    changes: list[str]
    """Each change in words (confidential places unnamed)."""
    headlines: list[str]
    tables: list[Table] = field(default_factory=list)
    categories: list[tuple[str, str]] = field(default_factory=list)
    """The categories the scenario touches (id, label)."""
    affected: dict[str, list[str]] = field(default_factory=dict)
    """Category → ids of the districts whose figures change."""
    moves: list[tuple[str, tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    """(title, old lon/lat, new lon/lat) of every public offer that moves (for the maps)."""
    measures: dict[str, list[Measure]] = field(default_factory=dict)
    """Category → the figures that change somewhere (the table's columns, the maps' measure)."""


def measures(result: PlanningResult) -> list[Measure]:
    """What a scenario compares: the walk, and the ride per window when there is a timetable."""
    s = result.settings
    if result.on_network:
        walk = max(s.walk_minutes)
        out = [Measure(f"walk-{walk}", f"≤ {walk}\u00a0min Fußweg", f"≤ {walk}\u00a0min Fußweg")]
    else:
        metres = max(s.distances_m)
        out = [Measure(f"line-{metres}", f"≤ {fmt_number(metres / 1000, 1)}\u00a0km Luftlinie",
                       f"≤ {fmt_number(metres / 1000, 1)}\u00a0km Luftlinie")]
    info = result.travel
    if info is not None and info.day is not None and result.transit:
        minutes = min(s.transit_minutes)
        for w in info.windows:
            out.append(Measure(f"ride-{w.label}", f"≤ {minutes}\u00a0min Fahrzeit ({w.label} "
                               f"{w.text()})", f"≤ {minutes}\u00a0min Fahrzeit {w.label}"))
    return out


def main_measure(wanted: list[Measure]) -> Measure:
    """The figure a map and the people in need follow: the first ride, else the walk."""
    return next((m for m in wanted if m.key.startswith("ride-")), wanted[0])


def share(result: PlanningResult, measure: Measure, district_id: str, category_id: str) -> float:
    """The share (0–1) of a district's residents (or area) that ``measure`` counts."""
    s = result.settings
    reach = result.reach[(district_id, category_id)]
    if measure.key.startswith("walk-"):
        return reach.minutes[max(s.walk_minutes)]
    if measure.key.startswith("line-"):
        return reach.shares[max(s.distances_m)]
    window = measure.key.removeprefix("ride-")
    return result.transit[(district_id, category_id)].shares[window][min(s.transit_minutes)]


def area_share(result: PlanningResult, measure: Measure, category_id: str) -> float:
    """The share over all districts, weighted by inhabitants (equal weights when unknown)."""
    weights = [d.population or 0 for d in result.districts]
    if not sum(weights):
        weights = [1] * len(result.districts)
    total = sum(weights)
    return sum(w * share(result, measure, d.id, category_id)
               for w, d in zip(weights, result.districts, strict=True)) / total


def compare(catalog: Catalog, scenario: Scenario, before: PlanningResult, grid=None,
            indicators=None, network=None, transit=None, holidays: Iterable[date] = ()) -> Comparison:
    """The scenario against ``before`` (the analysis of ``catalog`` as it is); ``holidays``: the
    build's, as for ``before``."""
    context = None
    if before.context is not None:
        # the second analysis notes its own assumptions; the "before" keeps its own
        context = copy.copy(before.context)
        context.info = copy.deepcopy(before.context.info)
    after = analyse(apply_scenario(catalog, scenario), before.settings, grid, indicators,
                    network, transit, context=context, holidays=holidays)
    labels = dict(before.categories)
    touched = _touched(catalog, scenario)
    categories = [(c, labels[c]) for c in labels if c in touched]
    changes = [_words(catalog, c, labels, before) for c in scenario.changes]
    comparison = Comparison(scenario, before, after, changes, [], categories=categories,
                            moves=_moves(catalog, scenario))
    for category_id, label in categories:
        def moved(m: Measure, district_id: str, c: str = category_id) -> bool:
            return abs(share(before, m, district_id, c) - share(after, m, district_id, c)) >= MOVED

        # only the figures that change somewhere (a job centre closed in the evening stays 0 %)
        wanted = [m for m in measures(before) if any(moved(m, d.id) for d in before.districts)]
        districts = [d.id for d in before.districts if any(moved(m, d.id) for m in wanted)]
        comparison.affected[category_id] = districts
        comparison.measures[category_id] = wanted
        comparison.tables.append(_table(comparison, category_id, label, wanted, districts))
        for measure in wanted:
            old = area_share(before, measure, category_id)
            new = area_share(after, measure, category_id)
            if abs(old - new) < MOVED:
                continue
            comparison.headlines.append(
                f"{_short(catalog, scenario, category_id, labels)}: Bewohner mit {measure.words} "
                f"{fmt_percent(old)} → {fmt_percent(new)}" + _need_words(comparison, category_id,
                                                                          measure))
    return comparison


def _touched(catalog: Catalog, scenario: Scenario) -> set[str]:
    out: set[str] = set()
    for change in scenario.changes:
        if change.new is not None:
            out |= {change.new.category, *change.new.also_categories}
        else:
            out |= set(offer_categories(catalog.offer(change.offer)))  # type: ignore[arg-type]
    return out


def _place(catalog: Catalog, change: Change) -> str:
    """Where a move goes, in words: its name, else the district, else "außerhalb"."""
    from ..geo import DistrictLocator

    if change.move is None:
        return ""
    if change.move.name:
        return change.move.name
    district = DistrictLocator(catalog.districts).locate(change.move.lat, change.move.lon)
    return catalog.districts[district].name if district else "außerhalb der Sozialräume"


def _confidential(catalog: Catalog, change: Change) -> bool:
    if change.new is not None:
        return False
    location = catalog.offer(change.offer).location  # type: ignore[arg-type]
    return location is not None and location.confidential


def _short(catalog: Catalog, scenario: Scenario, category_id: str, labels: dict) -> str:
    """The changes of one category in a few words (the headline's subject)."""
    parts = []
    for change in scenario.changes:
        if change.new is not None:
            if category_id in (change.new.category, *change.new.also_categories):
                parts.append(f"neu: {change.new.title}")
            continue
        offer = catalog.offer(change.offer)  # type: ignore[arg-type]
        if category_id not in offer_categories(offer):
            continue
        if change.close:
            parts.append(f"{offer.title} schließt")
        elif change.move is not None and _confidential(catalog, change):
            parts.append(f"{offer.title} zieht um")
        elif change.move is not None:
            parts.append(f"{offer.title} nach {_place(catalog, change)}")
        else:
            parts.append(f"{offer.title}: neue Öffnungszeiten")
    return "; ".join(parts) or labels[category_id]


def _words(catalog: Catalog, change: Change, labels: dict, before: PlanningResult) -> str:
    if change.new is not None:
        new = change.new
        hours = f", geöffnet {new.opening_hours}" if new.opening_hours else ""
        return f"Neu: {new.title} ({labels.get(new.category, new.category)}){hours}."
    offer = catalog.offer(change.offer)  # type: ignore[arg-type]
    if change.close:
        return f"{offer.title} schließt."
    text = ""
    if change.move is not None:
        text = (f"{offer.title} zieht um (der neue Ort ist vertraulich)." if
                _confidential(catalog, change) else
                f"{offer.title} zieht nach {_place(catalog, change)}.")
    if change.opening_hours:
        text += (" " if text else f"{offer.title}: ") + (
            f"neue Öffnungszeiten {change.opening_hours}" + ("." if not text else "."))
    return text.strip()


def _moves(catalog: Catalog, scenario: Scenario):
    out = []
    for change in scenario.changes:
        if change.move is None or change.new is not None or _confidential(catalog, change):
            continue
        offer = catalog.offer(change.offer)  # type: ignore[arg-type]
        old = offer.location
        if old is None or old.lat is None or offer.status == Status.ended:
            continue
        out.append((offer.title, (old.lon, old.lat), (change.move.lon, change.move.lat)))
    return out


def _need_rows(comparison: Comparison, category_id: str):
    """The first need table of the category (indicator and people per district), or None."""
    return next((t for t in comparison.before.need if t.category_id == category_id), None)


def _need_words(comparison: Comparison, category_id: str, measure: Measure) -> str:
    table = _need_rows(comparison, category_id)
    if table is None:
        return ""
    lost = _people_lost(comparison, table, category_id, measure)
    if lost is None or abs(lost) < 1:
        return ""
    verb = "verlieren" if lost > 0 else "gewinnen"
    return (f"; etwa {fmt_number(abs(lost), 0)} Menschen mit Bedarf ({table.indicator.label}) "
            f"{verb} diese Erreichbarkeit")


def _people_lost(comparison: Comparison, table, category_id: str, measure: Measure
                 ) -> float | None:
    """People in need × (share before − share after), summed over the districts."""
    total = 0.0
    known = False
    for row in table.rows:
        if row.people is None:
            continue
        known = True
        total += row.people * (share(comparison.before, measure, row.district_id, category_id)
                               - share(comparison.after, measure, row.district_id, category_id))
    return total if known else None


def _table(comparison: Comparison, category_id: str, label: str, wanted: list[Measure],
           districts: list[str]) -> Table:
    before, after = comparison.before, comparison.after
    need = _need_rows(comparison, category_id)
    key = main_measure(wanted) if wanted else None
    people = {r.district_id: r.people for r in need.rows} if need is not None else {}
    by_id = {d.id: d for d in before.districts}
    rows = []
    for district_id in districts:
        row = _district_cells(before, by_id[district_id])
        for measure in wanted:
            old = share(before, measure, district_id, category_id)
            new = share(after, measure, district_id, category_id)
            row.append(Value(fmt_percent(old), round(old, 4), zero=old == 0))
            worse = new < old - MOVED
            row.append(Value(fmt_percent(new) + (" ⚠" if worse else ""), round(new, 4),
                             zero=new == 0, flag=worse))
        if need is not None and key is not None:
            count = people.get(district_id)
            row.append(Value(fmt_number(count, 0) if count is not None else "–",
                             round(count) if count is not None else None))
            lost = None if count is None else count * (
                share(before, key, district_id, category_id)
                - share(after, key, district_id, category_id))
            row.append(Value(fmt_number(lost, 0) if lost is not None else "–",
                             round(lost) if lost is not None else None,
                             flag=lost is not None and lost >= 1))
        rows.append(row)
    columns = ["Sozialraum", "Einwohner"]
    for measure in wanted:
        columns += [f"{measure.column} vorher", f"{measure.column} nachher"]
    if need is not None and key is not None:
        columns += [f"Menschen mit Bedarf ({need.indicator.label})",
                    f"davon nicht mehr {key.column}"]
    numeric = [False] + [True] * (len(columns) - 1)
    note = ("Nur Sozialräume, in denen sich etwas ändert. ⚠ (markiert): nachher weniger. "
            + ("Menschen mit Bedarf: geschätzt aus der Kennzahl; „davon nicht mehr“: diese × "
               "der Rückgang des Anteils. " if need is not None else "") +
            "Anteile wie in den Tabellen der Erreichbarkeit; Fahrzeit Tür zu Tür mit Bus und "
            "Bahn, nur Ankünfte, wenn das Angebot geöffnet ist.")
    if not rows:
        note = "In keinem Sozialraum ändert sich etwas an diesen Zahlen."
    return Table(f"szenario-{category_id}", f"Szenario: {label}", columns, rows, numeric, note)
