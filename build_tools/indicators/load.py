"""Load ``content/indicators.yml`` and ``content/indicators.csv``, collecting every problem.

::

    content/indicators.yml   per indicator id: label, unit, year or as_of, source, higher_is …
    content/indicators.csv   district (+ year) and one column per indicator id

Both files or neither: an atlas without indicators has none. Every mistake is a
:class:`~build_tools.problems.Problem` at ``file:line:col`` — a bad number, an unknown district,
a missing district row, a column without metadata, an unknown category in ``need_for`` — all of
them in one run, so ``atlas check`` lists them together. With any error the set is None.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..catalog import District
from ..content import display_path
from ..problems import Problem
from ..validation.messages import pydantic_problems
from ..yamlio import LoadedYaml, YamlProblem, load_yaml_file, read_text_file
from .model import UNIT_NAMES, Indicator, IndicatorSet, Unit
from .table import Cell, TableError, parse_number, read_rows, uses_decimal_comma

META_FILE = "indicators.yml"
TABLE_FILE = "indicators.csv"
MAX_TABLE_BYTES = 16 * 1024 * 1024
INDICATOR_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
DISTRICT_COLUMNS = ("district", "sozialraum")
YEAR_COLUMNS = ("year", "jahr")
_SHOWN = 8
"""Known districts named in a message about an unknown one."""


class IndicatorEntry(BaseModel):
    """One indicator in ``indicators.yml`` (the schema of that file)."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1, max_length=120)
    short_label: str | None = Field(None, min_length=1, max_length=24)
    unit: Unit
    year: int | None = Field(None, ge=1900, le=2100)
    as_of: date | None = None
    source: str = Field(min_length=1, max_length=300)
    description: str | None = Field(None, max_length=1000)
    higher_is: Literal["need", "better"]
    need_for: list[str] = Field(default_factory=list)
    base: str | None = None

    @field_validator("unit", mode="before")
    @classmethod
    def _unit(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in UNIT_NAMES:
            return UNIT_NAMES[value.strip().lower()]
        raise ValueError("erlaubt sind: \"%\", \"je 1.000\", Anzahl")


def load_indicators(content_dir: Path, districts: dict[str, District],
                    categories: list[str]) -> tuple[IndicatorSet | None, list[Problem]]:
    """Read both files; (None, []) when neither exists."""
    meta_path, table_path = content_dir / META_FILE, content_dir / TABLE_FILE
    if not meta_path.exists() and not table_path.exists():
        return None, []
    meta_shown, table_shown = display_path(meta_path), display_path(table_path)
    if not meta_path.exists():
        return None, [Problem(meta_shown, 1, 1, "", f"Datei fehlt: zu {TABLE_FILE} gehört eine "
                              f"Beschreibung jeder Kennzahl ({META_FILE})")]
    if not table_path.exists():
        return None, [Problem(table_shown, 1, 1, "", f"Datei fehlt: {META_FILE} beschreibt "
                              "Kennzahlen, aber es gibt keine Tabelle mit ihren Werten")]
    loaded, problems = _read_meta(meta_path, meta_shown)
    if loaded is None:  # without units no number can be judged
        return None, problems
    try:
        text = read_text_file(table_path, table_shown, MAX_TABLE_BYTES)
    except YamlProblem as exc:
        return None, [*problems, exc.problem]
    try:
        header, rows, _ = read_rows(text)
    except TableError as exc:
        return None, [*problems, Problem(table_shown, exc.line, exc.col, "", exc.message)]
    table = _Table(table_shown, header, rows, len(text.splitlines()))
    indicators, found = _indicators(loaded, table, categories)
    problems += found
    described = {key for key in loaded.data if isinstance(key, str)}
    values, years, found = table.values(indicators, districts, described)
    problems += found
    if any(p.severity == "error" for p in problems):
        return None, sorted(problems)
    ordered = {i: indicators[i] for i in indicators if i in values}
    populations = {d.id: d.population for d in districts.values()}
    return IndicatorSet(ordered, values, years, table_shown, populations), sorted(problems)


def _read_meta(path: Path, shown: str) -> tuple[LoadedYaml | None, list[Problem]]:
    try:
        loaded = load_yaml_file(path, shown)
    except YamlProblem as exc:
        return None, [exc.problem]
    if not isinstance(loaded.data, dict):
        return None, [Problem(shown, 1, 1, "", "erwartet eine Zuordnung: je Kennzahl-id ihre "
                              "Angaben (label, unit, source, higher_is …)")]
    return loaded, []


def _indicators(loaded: LoadedYaml, table: _Table, categories: list[str]
                ) -> tuple[dict[str, Indicator], list[Problem]]:
    """The validated entries of indicators.yml, checked against the table and the categories."""
    problems: list[Problem] = []
    entries: dict[str, IndicatorEntry] = {}
    for key, raw in loaded.data.items():
        line, col = loaded.marks.of_key((key,))
        if not isinstance(key, str) or not INDICATOR_ID.match(key):
            problems.append(Problem(loaded.source, line, col, str(key),
                                    f"ungültige Kennzahl-id {key!r}: Kleinbuchstaben, Ziffern, "
                                    "_ und -, am Anfang ein Buchstabe"))
            continue
        try:
            entries[key] = IndicatorEntry.model_validate(raw)
        except ValidationError as exc:
            problems += pydantic_problems(exc, loaded.marks, loaded.source, (key,))
    out: dict[str, Indicator] = {}
    for key, entry in entries.items():
        problems += _entry_problems(key, entry, entries, loaded, table, categories)
        out[key] = Indicator(
            id=key, label=entry.label, unit=entry.unit, source=entry.source,
            higher_is=entry.higher_is, year=entry.year, as_of=entry.as_of,
            description=entry.description or "", need_for=tuple(entry.need_for),
            base=entry.base, short_label=entry.short_label,
        )
        if key not in table.columns:
            line, col = loaded.marks.of_key((key,))
            problems.append(Problem(loaded.source, line, col, key,
                                    f"Kennzahl {key!r} hat keine Spalte in {TABLE_FILE}: "
                                    "sie wird nicht gezeigt", "warning"))
    return out, problems


def _entry_problems(key: str, entry: IndicatorEntry, entries: dict[str, IndicatorEntry],
                    loaded: LoadedYaml, table: _Table, categories: list[str]) -> list[Problem]:
    problems = []

    def at(*path: str | int) -> tuple[int, int]:
        return loaded.marks.of_value((key, *path))

    for index, category in enumerate(entry.need_for):
        if category not in categories:
            line, col = at("need_for", index)
            problems.append(Problem(loaded.source, line, col, f"{key}.need_for[{index}]",
                                    f"unbekannte Kategorie {category!r}; bekannt: "
                                    f"{', '.join(categories)}"))
    if entry.need_for and entry.higher_is != "need":
        line, col = at("need_for")
        problems.append(Problem(loaded.source, line, col, f"{key}.need_for",
                                "need_for setzt higher_is: need voraus (der Bedarf muss mit dem "
                                "Wert steigen)"))
    if entry.base is not None:
        line, col = at("base")
        base = entries.get(entry.base)
        if base is None:
            problems.append(Problem(loaded.source, line, col, f"{key}.base",
                                    f"unbekannte Kennzahl {entry.base!r} als Bezugsgröße"))
        elif base.unit is not Unit.count or entry.unit is Unit.count:
            problems.append(Problem(loaded.source, line, col, f"{key}.base",
                                    "Bezugsgröße einer Quote ist eine Kennzahl mit unit: Anzahl "
                                    "(z. B. Einwohner unter 18)"))
    if not table.has_years and entry.year is None and entry.as_of is None:
        line, col = loaded.marks.of_key((key,))
        problems.append(Problem(loaded.source, line, col, key,
                                f"year oder as_of angeben (Jahr oder Stichtag der Zahlen); oder "
                                f"in {TABLE_FILE} eine Spalte year"))
    return problems


class _Table:
    """indicators.csv split into cells, with the checks that need the districts."""

    def __init__(self, source: str, header: list[Cell], rows: list[list[Cell]], lines: int):
        self.source, self.header, self.rows, self.lines = source, header, rows, lines
        names = [c.text.lower() for c in header]
        self.district_col = 0 if names and names[0] in DISTRICT_COLUMNS else None
        self.year_col = next((k for k, n in enumerate(names) if n in YEAR_COLUMNS), None)
        self.has_years = self.year_col is not None
        special = {self.district_col, self.year_col}
        self.columns = {c.text: k for k, c in enumerate(header) if k not in special}

    def _problem(self, cell: Cell, message: str, field: str = "") -> Problem:
        return Problem(self.source, cell.line, cell.col, field, message)

    def values(self, indicators: dict[str, Indicator], districts: dict[str, District],
               described: set[str] | None = None):
        """(values, years, problems): every cell read, every mistake named. ``described``:
        ids with an entry in indicators.yml, valid or not (an invalid one has its own error)."""
        problems: list[Problem] = []
        if self.district_col is None:
            first = self.header[0]
            return {}, (), [self._problem(first, f"die erste Spalte heißt district (die "
                                          f"Sozialraum-id), nicht {first.text!r}")]
        problems += self._header_problems(indicators, described or set(indicators))
        comma = uses_decimal_comma([row[k].text for row in self.rows for k in self.columns.values()
                                    if k < len(row)])
        values: dict[str, dict[str, dict[int | None, float | None]]] = {
            name: {} for name in self.columns if name in indicators}
        seen: dict[tuple[str, int | None], int] = {}
        for row in self.rows:
            if len(row) != len(self.header):
                problems.append(self._problem(row[min(len(row), len(self.header)) - 1],
                                              f"{len(row)} Felder statt {len(self.header)} wie "
                                              "in der Kopfzeile"))
                continue
            key, found = self._row_key(row, districts, seen)
            problems += found
            if key is None:
                continue
            district_id, year = key
            for name, k in self.columns.items():
                if name not in values:
                    continue
                number, problem = self._number(row[k], indicators[name], comma)
                if problem:
                    problems.append(problem)
                values[name].setdefault(district_id, {})[year] = number
        years = tuple(sorted({y for (_, y) in seen if y is not None}))
        problems += self._missing_rows(districts, seen, years)
        return values, years, problems

    def _header_problems(self, indicators: dict[str, Indicator], described: set[str]
                         ) -> list[Problem]:
        problems = []
        counted: dict[str, Cell] = {}
        for cell in self.header[1:]:
            if cell.text in counted:
                problems.append(self._problem(cell, f"Spalte {cell.text!r} steht doppelt"))
            counted[cell.text] = cell
        for name, k in self.columns.items():
            if name not in described:
                problems.append(self._problem(
                    self.header[k],
                    f"Kennzahl {name!r} hat keine Beschreibung in {META_FILE} (label, unit, "
                    "source, higher_is)" if INDICATOR_ID.match(name) else
                    f"ungültige Kennzahl-id {name!r} in der Kopfzeile: Kleinbuchstaben, "
                    "Ziffern, _ und -"))
        if not self.columns:
            problems.append(self._problem(self.header[0], "keine Spalte mit Kennzahlen: nach "
                                          "district je Kennzahl eine Spalte"))
        return problems

    def _row_key(self, row: list[Cell], districts: dict[str, District],
                 seen: dict[tuple[str, int | None], int]):
        cell = row[self.district_col]  # type: ignore[index]
        problems = []
        if cell.text not in districts:
            known = ", ".join(list(districts)[:_SHOWN]) + (" …" if len(districts) > _SHOWN else "")
            problems.append(self._problem(cell, f"unbekannter Sozialraum {cell.text!r}; "
                                          f"bekannt (districts.geojson): {known}", "district"))
        year = None
        if self.year_col is not None:
            year_cell = row[self.year_col]
            if not re.fullmatch(r"(19|20|21)\d\d", year_cell.text):
                problems.append(self._problem(year_cell, f"Jahr {year_cell.text!r}: erwartet "
                                              "eine Jahreszahl wie 2025", "year"))
                return None, problems
            year = int(year_cell.text)
        if problems:
            return None, problems
        key = (cell.text, year)
        if key in seen:
            when = f" für {year}" if year is not None else ""
            problems.append(self._problem(cell, f"Sozialraum {cell.text!r}{when} steht doppelt "
                                          f"(zuerst in Zeile {seen[key]})", "district"))
            return None, problems
        seen[key] = cell.line
        return key, problems

    def _number(self, cell: Cell, indicator: Indicator, comma: bool
                ) -> tuple[float | None, Problem | None]:
        try:
            number = parse_number(cell.text, comma)
        except ValueError as exc:
            return None, self._problem(cell, str(exc), indicator.id)
        if number is None:
            return None, None
        limit = indicator.unit.maximum
        if limit is not None and number > limit:
            return None, self._problem(cell, f"{cell.text}: eine Angabe in "
                                       f"{indicator.unit.value} ist höchstens "
                                       f"{limit:.0f}", indicator.id)
        if indicator.unit is Unit.count and not number.is_integer():
            return None, self._problem(cell, f"{cell.text}: eine Anzahl ist eine ganze Zahl",
                                       indicator.id)
        return number, None

    def _missing_rows(self, districts: dict[str, District],
                      seen: dict[tuple[str, int | None], int], years: tuple[int, ...]
                      ) -> list[Problem]:
        """A district without its row: placed after the last line, where it belongs."""
        problems = []
        line = self.lines + 1
        for year in years or (None,):
            for district_id, district in districts.items():
                if (district_id, year) not in seen:
                    when = f" für {year}" if year is not None else ""
                    problems.append(Problem(
                        self.source, line, 1, "district",
                        f"Zeile für Sozialraum {district_id!r} ({district.name}){when} fehlt: "
                        "jeder Sozialraum aus districts.geojson braucht eine Zeile (unbekannte "
                        "Werte leer lassen oder „.“)"))
        return problems
