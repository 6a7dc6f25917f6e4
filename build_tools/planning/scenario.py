"""Scenarios: "what if the job centre moves?" — a YAML file of changes to the open offers.

```yaml
title: Jobcenter zieht nach Nachbarstadt
description: Planungsstand Mai 2026.          # optional
changes:
  - offer: jobcenter-musterstadt
    move: {lat: 50.8002, lon: 6.6005, name: Nachbarstadt}  # new place; name: optional
  - offer: tafel-innenstadt
    close: true
  - offer: mittagstisch-st-anna
    opening_hours: "Mo-Fr 12:00-14:00"
  - new: {id: beratung-west, title: Beratung West, category: beratung,
          lat: 50.81, lon: 6.44, opening_hours: "Mo-Fr 09:00-16:00"}
```

:func:`load_scenario` reads and checks the file against the catalog (every problem at its
line and column); :func:`apply_scenario` returns the catalog as it would be. Confidential
offers take part like in every planning figure, but no output shows where they are — and a
committed scenario that moves one gets a warning, since its new place then stands in Git.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from ..catalog import Catalog
from ..content import display_path
from ..geo import DistrictLocator
from ..opening_hours import HoursError, parse_hours
from ..problems import Problem
from ..schema import Identifier, Line, Location, Offer, Status, StrictModel, Text
from ..validation.messages import pydantic_problems
from ..yamlio import YamlProblem, load_yaml_file


class Place(StrictModel):
    """New coordinates (WGS84)."""

    lat: float = Field(ge=-90, le=90, allow_inf_nan=False)
    lon: float = Field(ge=-180, le=180, allow_inf_nan=False)
    name: Line | None = None
    """The place in words (``Nachbarstadt``); without it, the district found there."""


class NewOffer(StrictModel):
    """An offer that opens in the scenario."""

    id: Identifier
    title: Line
    category: Identifier
    also_categories: list[Identifier] = Field(default_factory=list)
    lat: float = Field(ge=-90, le=90, allow_inf_nan=False)
    lon: float = Field(ge=-180, le=180, allow_inf_nan=False)
    opening_hours: Line | None = None


class Change(StrictModel):
    """One change: an existing offer moves, closes or changes hours — or a new one opens."""

    offer: Identifier | None = None
    move: Place | None = None
    close: bool = False
    opening_hours: Line | None = None
    new: NewOffer | None = None

    @model_validator(mode="after")
    def _one_thing(self) -> Change:
        if self.new is not None:
            if self.offer or self.move or self.close or self.opening_hours:
                raise ValueError("new: steht allein (ein neues Angebot, ohne offer:)")
            return self
        if not self.offer:
            raise ValueError("offer: <id> (ein Angebot ändern) oder new: (ein neues) angeben")
        if not (self.move or self.close or self.opening_hours):
            raise ValueError("was ändert sich? move:, close: true oder opening_hours: angeben")
        if self.close and (self.move or self.opening_hours):
            raise ValueError("close: true steht allein (ein geschlossenes Angebot zieht nicht um)")
        return self


class ScenarioFile(StrictModel):
    """The file as written."""

    title: Line
    description: Text | None = None
    changes: list[Change] = Field(min_length=1, max_length=200)


@dataclass(frozen=True)
class Scenario:
    """A checked scenario: its changes and the file it came from."""

    title: str
    description: str | None
    changes: tuple[Change, ...]
    source: str

    @property
    def offer_ids(self) -> list[str]:
        """Every offer the scenario touches (existing and new), in file order."""
        return [c.new.id if c.new else c.offer for c in self.changes]  # type: ignore[misc]


def load_scenario(path: Path, catalog: Catalog, display: str | None = None, *, committed: bool = False
                  ) -> tuple[Scenario | None, list[Problem]]:
    """Read and check a scenario file; ``committed``: it lies in the content folder (Git)."""
    shown = display or display_path(path)
    try:
        loaded = load_yaml_file(path, shown)
    except YamlProblem as exc:
        return None, [exc.problem]
    if not isinstance(loaded.data, dict):
        return None, [Problem(shown, 1, 1, "", "erwartet eine Zuordnung (title:, changes: …)")]
    try:
        spec = ScenarioFile.model_validate(loaded.data)
    except ValidationError as exc:
        return None, pydantic_problems(exc, loaded.marks, shown)
    problems: list[Problem] = []

    def at(path_: tuple, message: str, severity: str = "error") -> None:
        line, col = loaded.marks.of_value(path_)
        problems.append(Problem(shown, line, col, ".".join(str(p) for p in path_), message,
                                severity))  # type: ignore[arg-type]

    seen: set[str] = set()
    for k, change in enumerate(spec.changes):
        where = ("changes", k)
        offer_id = change.new.id if change.new else change.offer
        if offer_id in seen:
            at((*where, "new" if change.new else "offer"), f"{offer_id!r} steht schon weiter oben")
        seen.add(offer_id)  # type: ignore[arg-type]
        if change.new is not None:
            _check_new(change.new, catalog, (*where, "new"), at)
            continue
        if not catalog.has_offer(change.offer):  # type: ignore[arg-type]
            at((*where, "offer"), f"unbekanntes Angebot {change.offer!r}")
            continue
        offer = catalog.offer(change.offer)  # type: ignore[arg-type]
        if offer.status == Status.ended:
            at((*where, "offer"), f"{change.offer!r} ist beendet (status: ended)")
        if change.opening_hours:
            _check_hours(change.opening_hours, (*where, "opening_hours"), at)
        if change.move and committed and offer.location is not None and offer.location.confidential:
            at((*where, "move"), "vertraulicher Ort: der neue Standort steht so in der Datei im "
               "Inhaltsordner (Git); Szenarien mit geschützten Orten mit atlas report --scenario "
               "außerhalb des Inhaltsordners rechnen", "warning")
    if any(p.severity == "error" for p in problems):
        return None, problems
    return Scenario(spec.title, spec.description, tuple(spec.changes), shown), problems


def _check_new(new: NewOffer, catalog: Catalog, where: tuple, at) -> None:
    if catalog.has_offer(new.id):
        at((*where, "id"), f"es gibt schon ein Angebot {new.id!r}")
    for j, category in enumerate([new.category, *new.also_categories]):
        if category not in catalog.categories:
            path = (*where, "category") if j == 0 else (*where, "also_categories", j - 1)
            at(path, f"unbekannte Kategorie {category!r}; bekannt: {', '.join(catalog.categories)}")
    if new.opening_hours:
        _check_hours(new.opening_hours, (*where, "opening_hours"), at)


def _check_hours(text: str, where: tuple, at) -> None:
    try:
        parse_hours(text)
    except HoursError as exc:
        at(where, f"Öffnungszeiten nicht lesbar: {exc}")


def apply_scenario(catalog: Catalog, scenario: Scenario) -> Catalog:
    """The catalog as it would be after the scenario (the catalog itself is left alone)."""
    locator = DistrictLocator(catalog.districts)
    offers = {o.id: o for o in catalog.offers}
    for change in scenario.changes:
        if change.new is not None:
            new = change.new
            offers[new.id] = Offer(
                id=new.id, title=new.title, summary=f"Szenario: {scenario.title}",
                category=new.category, also_categories=new.also_categories,
                location=Location(lat=new.lat, lon=new.lon,
                                  district=locator.locate(new.lat, new.lon)),
                opening_hours=new.opening_hours, last_verified=catalog.build_date,
            )
            continue
        offer = offers[change.offer]
        update: dict = {}
        if change.close:
            update["status"] = Status.ended
        if change.opening_hours:
            update["opening_hours"] = change.opening_hours
        if change.move:
            base = offer.location or Location(lat=change.move.lat, lon=change.move.lon)
            update["location"] = base.model_copy(update={
                "lat": change.move.lat, "lon": change.move.lon,
                "district": locator.locate(change.move.lat, change.move.lon)})
        offers[change.offer] = offer.model_copy(update=update)  # type: ignore[index]
    return replace(catalog, offers=list(offers.values()))
