"""The report's tables as plain values, shared by the HTML, Markdown, CSV and PDF renderers."""

from __future__ import annotations

from dataclasses import dataclass

from ..urls import category_path, district_path
from .analysis import PlanningResult
from .numbers import fmt_km, fmt_minutes, fmt_number, fmt_percent
from .plural import said
from .time_coverage import WEEKDAY_NAMES


@dataclass(frozen=True)
class Value:
    """One table cell: shown text, machine value (CSV, sorting) and markers."""

    text: str
    raw: str | int | float | None
    zero: bool = False
    """A zero count: shown with a text marker, not only a colour."""
    flag: bool = False
    """Beyond a threshold, or a time gap."""
    link: str | None = None
    """Site path to link to (district or category page)."""

    @property
    def sort(self) -> str | None:
        """The value to sort by (numbers only; text sorts by its shown form)."""
        if isinstance(self.raw, bool) or self.raw is None:
            return None
        if isinstance(self.raw, int | float):
            return repr(float(self.raw)) if isinstance(self.raw, float) else str(self.raw)
        return None


@dataclass(frozen=True)
class Table:
    """A titled table; ``slug`` names its CSV file and HTML id."""

    slug: str
    title: str
    columns: list[str]
    rows: list[list[Value]]
    numeric: list[bool]
    note: str = ""


def _district_cells(result: PlanningResult, district) -> list[Value]:
    return [
        Value(district.name, district.id, link=district_path(district.id)),
        Value(fmt_number(district.population, 0) if district.population is not None else "–",
              district.population),
    ]


def coverage_tables(result: PlanningResult) -> list[Table]:
    """Offers per district and category, and per 10,000 inhabitants when populations exist."""
    labels = [label for _, label in result.categories]
    counts = []
    rates = []
    for d in result.districts:
        row = _district_cells(result, d)
        rate_row = list(row)
        for category_id, _ in result.categories:
            cell = result.coverage[(d.id, category_id)]
            zero = cell.count == 0
            row.append(Value("0 ✕" if zero else str(cell.count), cell.count, zero=zero))
            rate_row.append(Value(
                ("0 ✕" if zero else fmt_number(cell.per_10k, 2)) if cell.per_10k is not None
                else "–",
                round(cell.per_10k, 4) if cell.per_10k is not None else None,
                zero=zero,
            ))
        counts.append(row)
        rates.append(rate_row)
    columns = ["Sozialraum", "Einwohner", *labels]
    numeric = [False, True, *[True] * len(labels)]
    tables = [Table(
        "versorgung-anzahl", "Offene Angebote je Sozialraum und Kategorie", columns, counts,
        numeric, "✕ = kein Angebot im Sozialraum. Angebote ohne festen Ort zählen in keinem "
        "Sozialraum (sie stehen in der Übersicht gesondert).",
    )]
    if result.has_population:
        tables.append(Table(
            "versorgung-je-10000", "Angebote je 10.000 Einwohner", columns, rates, numeric,
            "✕ = kein Angebot; – = Einwohnerzahl unbekannt.",
        ))
    return tables


def reach_table(result: PlanningResult, category_id: str, label: str) -> Table:
    """Reachability of one category from every district: along the street network when the
    town gives one (shares within the walking minutes), else in a straight line."""
    settings = result.settings
    threshold = settings.threshold(category_id)
    network = result.on_network
    rows = []
    for d in result.districts:
        reach = result.reach[(d.id, category_id)]
        row = _district_cells(result, d)
        shares = reach.minutes if network else reach.shares
        for key in (settings.walk_minutes if network else settings.distances_m):
            share = shares[key]
            row.append(Value(fmt_percent(share), round(share, 4), zero=share == 0))
        row.append(Value(
            fmt_km(reach.nearest_m) if reach.nearest_m is not None else "kein Angebot",
            round(reach.nearest_m) if reach.nearest_m is not None else None,
            flag=reach.flagged,
        ))
        row.append(Value(
            fmt_minutes(reach.walking_min),
            round(reach.walking_min, 1) if reach.walking_min is not None else None,
            flag=reach.flagged,
        ))
        row.append(Value("über Schwelle ⚠" if reach.flagged else "nein", reach.flagged,
                         flag=reach.flagged))
        rows.append(row)
    if network:
        heads = [f"Anteil ≤ {m}\u00a0min Fußweg" for m in settings.walk_minutes]
        columns = ["Sozialraum", "Einwohner", *heads, "Nächstes Angebot (Fußweg)", "Gehzeit",
                   f"Weiter als {fmt_km(threshold)} Fußweg"]
    else:
        heads = [f"Anteil ≤ {fmt_km(d)}" for d in settings.distances_m]
        columns = ["Sozialraum", "Einwohner", *heads, "Nächstes Angebot (Luftlinie)",
                   "Gehzeit (geschätzt)", f"Weiter als {fmt_km(threshold)}"]
    numeric = [False, True, *[True] * len(heads), True, True, False]
    return Table(
        f"erreichbarkeit-{category_id}", f"Erreichbarkeit: {label}", columns, rows, numeric,
        " ".join([_share_basis(result) + (
            " innerhalb der Gehzeit auf dem Straßennetz zum nächsten offenen Angebot; Angebote "
            "jenseits der Grenze zählen mit." if network else
            " innerhalb der Luftlinie eines offenen Angebots; Angebote jenseits der Grenze "
            "zählen mit."), *_left_out(result, category_id)]),
    )


def _share_basis(result: PlanningResult) -> str:
    if result.population_grid:
        return "Anteil der Einwohner laut Bevölkerungsgitter"
    return ("Anteil der Fläche des Sozialraums (bei nur einer Einwohnerzahl je Sozialraum "
            "gleich dem Bevölkerungsanteil)")


def _left_out(result: PlanningResult, category_id: str) -> list[str]:
    extra = []
    if result.mobile.get(category_id):
        extra.append(said("mobile_not_here", result.mobile[category_id]))
    if result.unplaced.get(category_id):
        extra.append(said("unplaced_not_here", result.unplaced[category_id]))
    return extra


def transit_table(result: PlanningResult, category_id: str, label: str) -> Table | None:
    """Door-to-door times by bus, train and on foot (None without a timetable): per departure
    window the shares within the minutes and the median time from the district centre."""
    info = result.travel
    if info is None or info.day is None or not result.transit:
        return None
    minutes = result.settings.transit_minutes
    rows = []
    for d in result.districts:
        reach = result.transit[(d.id, category_id)]
        row = _district_cells(result, d)
        for window in info.windows:
            for m in minutes:
                share = reach.shares[window.label][m]
                row.append(Value(fmt_percent(share), round(share, 4), zero=share == 0))
            centre = reach.centre[window.label]
            row.append(Value(fmt_minutes(centre) if centre is not None
                             else f"über {info.horizon}\u00a0min", centre, flag=centre is None))
        rows.append(row)
    columns = ["Sozialraum", "Einwohner"]
    for window in info.windows:
        name = f"{window.label} {window.text()}"
        columns += [f"≤ {m}\u00a0min, {name}" for m in minutes]
        columns.append(f"Von der Mitte, {name}")
    numeric = [False, True] + [True] * (len(columns) - 2)
    assumed = info.assumed_open.get(category_id, 0)
    return Table(
        f"fahrzeit-{category_id}", f"Bus, Bahn und zu Fuß: {label}", columns, rows, numeric,
        " ".join([
            _share_basis(result) + ", die bei Abfahrt im Zeitraum (alle 5 Minuten, Median) "
            "innerhalb der Minuten an einem geöffneten Angebot sind: Weg zur Haltestelle, "
            "Warten, Fahrt, Umstiege und Weg zum Angebot, oder ganz zu Fuß. Wer vor der Öffnung "
            f"ankommt, wartet (das zählt mit); „über {info.horizon}\u00a0min“: bei der Hälfte der "
            "Abfahrten oder mehr in dieser Zeit nichts Geöffnetes erreicht (etwa weil das Angebot "
            f"abends geschlossen ist). Fahrplan vom {info.day:%d.%m.%Y}.",
            *([said("assumed_open", assumed)]
              if assumed else []),
            *_left_out(result, category_id)]),
    )
def time_table(result: PlanningResult) -> Table:
    """Hours per week and gaps, one row per category."""
    evening = result.settings.evening_hour
    rows = []
    for category_id, label in result.categories:
        t = result.time[category_id]
        known = t.with_hours > 0
        row = [
            Value(label, category_id, link=category_path(category_id)),
            Value(str(t.offers), t.offers, zero=t.offers == 0),
            Value(str(t.with_hours), t.with_hours),
            Value(fmt_number(t.hours_per_week, 1), t.hours_per_week, zero=t.hours_per_week == 0),
        ]
        row += [Value(fmt_number(h, 1), h, zero=h == 0) for h in t.hours_by_day]
        for ok in (t.sunday, t.holidays, t.evening):
            if not known:
                row.append(Value("–", None))
            else:
                row.append(Value("ja" if ok else "nein ⚠", ok, flag=not ok))
        row.append(Value(t.latest or "–", t.latest))
        rows.append(row)
    columns = [
        "Kategorie", "Offene Angebote", "Mit Öffnungszeiten", "Stunden je Woche",
        *[f"Std. {name}" for name in WEEKDAY_NAMES],
        "Sonntags", "Feiertags", f"Ab {evening}:00 Uhr", "Spätestes Ende",
    ]
    numeric = [False, True, True, True, *[True] * 7, False, False, False, False]
    return Table(
        "zeiten", "Zeitliche Abdeckung je Kategorie", columns, rows, numeric,
        "Stunden, in denen mindestens ein Angebot der Kategorie geöffnet ist "
        "(Viertelstunden-Raster einer Woche). Feiertags zählt nur, wer „PH“ angibt oder "
        "täglich geöffnet hat.",
    )


def all_tables(result: PlanningResult) -> list[Table]:
    """Every table of the report, in report order."""
    rides = [transit_table(result, c, label) for c, label in result.categories]
    return [
        *coverage_tables(result),
        *[reach_table(result, c, label) for c, label in result.categories],
        *[t for t in rides if t is not None],
        time_table(result),
    ]
