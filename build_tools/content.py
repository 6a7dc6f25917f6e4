"""Load a content folder into a :class:`~build_tools.catalog.Catalog`, collecting every problem.

This is the one place that knows the folder layout::

    content/offers/*.yml         one offer each
    content/organizations/*.yml  one provider each
    content/categories.yml       list of categories
    content/target_groups.yml    list of target groups
    content/districts.geojson    Sozialräume (polygons with id, name, population)
    content/alerts/*.yml         dated site-wide alerts (optional folder)

Every problem in every file is reported in one run; a broken file never hides the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .alerts import AlertFile, check_alerts, current
from .catalog import Catalog, districts_of
from .config import AtlasConfig
from .credits import SOURCES_FILE, load_credits
from .geo import load_districts
from .memo import FORGETFUL, Memory
from .problems import Problem
from .schema import (
    _ID_RE,
    ID_RULE,
    Alert,
    Category,
    InlineProvider,
    Offer,
    Organization,
    TargetGroup,
)
from .validation.countries import DEFAULT_COUNTRY
from .validation.facts import OfferFacts, offer_facts
from .validation.hints import check_hints
from .validation.hours import check_hours
from .validation.import_marks import check_import_marks
from .validation.messages import pydantic_problems
from .validation.placeholders import check_placeholders
from .validation.places import check_copies, check_places
from .validation.references import check_references
from .validation.review import check_review
from .yamlio import LoadedYaml, YamlProblem, load_yaml_file

M = TypeVar("M", bound=BaseModel)

MAX_OFFER_FILES = 50_000
MAX_PROBLEMS_PER_FILE = 100
"""More findings than this in one file are cut (a generated or pasted file gone wrong)."""


@dataclass
class LoadResult:
    """What :func:`load_catalog` found: the catalog (None when there are errors) and problems."""

    catalog: Catalog | None
    problems: list[Problem]
    partial: Catalog | None = None
    """With errors in some offer files: the catalog of the offers that did validate — for the
    checks that span files (printed URLs, Wegweiser, flyers), never for rendering."""
    unusable_ids: frozenset[str] = frozenset()
    """Ids (and old ids under ``aliases:``) of offer files that exist but did not validate:
    checks on :attr:`partial` must not call them missing."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.severity == "error" for p in self.problems)


def display_path(path: Path) -> str:
    """Path as shown in messages: relative to the working directory where possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _validate(model: type[M], data: Any, loaded: LoadedYaml, prefix: tuple = (),
              country: str = DEFAULT_COUNTRY) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(data, context={"country": country}), []
    except ValidationError as exc:
        return None, pydantic_problems(exc, loaded.marks, loaded.source, prefix)


def _load(path: Path, memory: Memory = FORGETFUL) -> tuple[LoadedYaml | None, list[Problem]]:
    try:
        return load_yaml_file(path, display_path(path), memory), []
    except YamlProblem as exc:
        return None, [exc.problem]


def _load_list(path: Path, model: type[M], what: str, memory: Memory = FORGETFUL
               ) -> tuple[dict[str, M], list[Problem]]:
    display = display_path(path)
    if not path.exists():
        return {}, [Problem(display, 1, 1, "", f"Datei fehlt ({what})")]
    loaded, problems = _load(path, memory)
    if loaded is None:
        return {}, problems
    if not isinstance(loaded.data, list):
        return {}, [Problem(display, 1, 1, "", f"erwartet eine Liste von {what}")]
    items: dict[str, M] = {}
    for index, raw in enumerate(loaded.data):
        item, found = _validate(model, raw, loaded, (index,))
        problems += found
        if item is None:
            continue
        if item.id in items:
            line, col = loaded.marks.of_value((index, "id"))
            problems.append(Problem(display, line, col, f"[{index}].id", f"id {item.id!r} steht doppelt"))
        items[item.id] = item
    return items, problems


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and not p.name.startswith(".")]
    return sorted(files)[:MAX_OFFER_FILES]


def _unread_entries(folder: Path) -> list[Problem]:
    """What an editor put into ``folder`` that is not read: said aloud, never silently dropped.

    Hidden files (editor backups, ``.gitkeep``) are left alone.
    """
    if not folder.is_dir():
        return []
    problems: list[Problem] = []
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    yaml_count = 0
    for path in entries:
        shown = display_path(path)
        if path.suffix in (".yml", ".yaml"):
            yaml_count += 1
            if yaml_count == MAX_OFFER_FILES + 1:
                problems.append(Problem(shown, 1, 1, "", f"mehr als {MAX_OFFER_FILES} Dateien im "
                                        "Ordner: diese und alle folgenden werden nicht gelesen"))
        elif path.suffix.lower() in (".yml", ".yaml"):
            problems.append(Problem(shown, 1, 1, "", "wird nicht gelesen: Endung klein schreiben "
                                    f"({path.suffix.lower()})", "warning"))
        elif path.is_dir() and not path.is_symlink():
            problems.append(Problem(shown, 1, 1, "", "Unterordner werden nicht gelesen: Dateien "
                                    "direkt in den Ordner legen", "warning"))
        else:
            problems.append(Problem(shown, 1, 1, "", "wird nicht gelesen: nur Dateien mit der "
                                    "Endung .yml", "warning"))
    return problems


def _id_from(path: Path, data: Any, loaded: LoadedYaml) -> tuple[str | None, Problem | None]:
    given = data.get("id") if isinstance(data, dict) else None
    if isinstance(given, str):
        return given, None  # the schema checks its form
    stem = path.stem
    if _ID_RE.match(stem):
        return stem, None
    return None, Problem(
        loaded.source, 1, 1, "id",
        f"der Dateiname {path.name!r} ergibt keine gültige id ({ID_RULE}): "
        "Datei umbenennen oder id: setzen",
    )


def _mapping_files(folder: Path, memory: Memory = FORGETFUL):
    """Each YAML file in ``folder`` that holds a mapping: (path, loaded, id or None, problems)."""
    for path in _yaml_files(folder):
        loaded, found = _load(path, memory)
        if loaded is None:
            yield path, None, None, found
            continue
        if not isinstance(loaded.data, dict):
            yield path, None, None, [*found, Problem(loaded.source, 1, 1, "", "erwartet eine Zuordnung (schlüssel: wert), keine Liste oder Text")]
            continue
        item_id, problem = _id_from(path, loaded.data, loaded)
        yield path, loaded, item_id, [*found, *([problem] if problem else [])]


def _validated_files(folder: Path, model: type[M], country: str, memory: Memory = FORGETFUL
                     ) -> Iterator[tuple[Path, LoadedYaml | None, str | None, M | None, list[Problem]]]:
    """Each YAML file in ``folder`` validated as ``model``: (path, loaded or None, id or None,
    the model with its id or None, problems). A file without a usable id is still validated, so
    one run names every mistake in it, but yields no model."""
    for path, loaded, item_id, found in _mapping_files(folder, memory):
        if loaded is None:
            yield path, None, None, None, found
            continue
        item, invalid = _validate(model, loaded.data, loaded, country=country)
        if item is not None and item_id is not None:
            item.id = item_id
        yield path, loaded, item_id, item if item_id is not None else None, \
            [*found, *invalid, *check_hints(loaded)]


def _load_organizations(folder: Path, country: str, memory: Memory = FORGETFUL
                        ) -> tuple[dict[str, Organization], set[str], list[Problem]]:
    """Valid organizations, the ids of every organization file (broken ones too), problems.

    An offer naming a provider whose file is broken gets no second error: the file's own
    errors say what to fix.
    """
    orgs: dict[str, Organization] = {}
    files: set[str] = set()
    problems: list[Problem] = []
    for path, _loaded, org_id, org, found in _validated_files(folder, Organization, country, memory):
        problems += found
        files.add(org_id or path.stem)
        if org is not None:
            orgs[org.id] = org
    return dict(sorted(orgs.items())), files, problems


def _load_offers(folder: Path, country: str, memory: Memory = FORGETFUL
                 ) -> tuple[list[OfferFacts], list[Problem]]:
    """Every offer file that parsed as a mapping, validated (model or None), with its problems."""
    result: list[OfferFacts] = []
    problems: list[Problem] = []
    for _path, loaded, offer_id, offer, found in _validated_files(folder, Offer, country, memory):
        problems += found
        if loaded is None:
            continue
        item = offer_facts(loaded, offer_id, offer)
        problems += check_hours(item)
        result.append(item)
    return result, problems


def _load_alerts(folder: Path, country: str, memory: Memory = FORGETFUL
                 ) -> tuple[list[AlertFile], list[Problem]]:
    """Every alert file that parsed as a mapping, validated (model or None), with its problems."""
    result: list[AlertFile] = []
    problems: list[Problem] = []
    for _path, loaded, alert_id, alert, found in _validated_files(folder, Alert, country, memory):
        problems += found
        if loaded is not None:
            result.append(AlertFile(loaded, alert_id, alert))
    return result, problems


def _cap(problems: list[Problem]) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS_PER_FILE` findings per file, then one that says how many more."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    capped: list[Problem] = []
    for file, found in by_file.items():
        if len(found) <= MAX_PROBLEMS_PER_FILE:
            capped += found
            continue
        kept = found[:MAX_PROBLEMS_PER_FILE]
        last = kept[-1]
        capped += kept
        capped.append(Problem(file, last.line, last.col, "",
                              f"… und {len(found) - len(kept)} weitere Probleme in dieser Datei: "
                              "erst diese beheben, dann erneut prüfen"))
    return capped


def load_catalog(
    content_dir: Path,
    config: AtlasConfig,
    today: date,
    memory: Memory = FORGETFUL,
) -> LoadResult:
    """Read and validate a whole content folder.

    Returns every problem found (errors and warnings, sorted); the catalog is None when any
    error was found, so nothing is ever rendered from half-valid content. ``memory``: what an
    adapter that rebuilds in one process (``mkdocs serve``) remembers between builds.
    """
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return LoadResult(None, [Problem(display_path(content_dir), 1, 1, "", "Inhaltsordner fehlt")])
    categories, found = _load_list(content_dir / "categories.yml", Category, "Kategorien", memory)
    problems += found
    groups, found = _load_list(content_dir / "target_groups.yml", TargetGroup, "Zielgruppen", memory)
    problems += found
    geojson = content_dir / "districts.geojson"
    districts, found = load_districts(geojson, display_path(geojson))
    problems += found
    problems += _unread_entries(content_dir / "organizations")
    problems += _unread_entries(content_dir / "offers")
    country = getattr(config, "country", None) or DEFAULT_COUNTRY
    orgs, org_files, found = _load_organizations(content_dir / "organizations", country, memory)
    problems += found
    files, found = _load_offers(content_dir / "offers", country, memory)
    problems += found
    problems += check_references(files, categories, groups, districts, org_files)
    problems += check_import_marks(files, categories)
    problems += check_places(files, districts, config)
    problems += check_copies(files)
    problems += check_placeholders(files)
    problems += check_review(files, config, today)
    credits, found = load_credits(content_dir, display_path(content_dir / SOURCES_FILE))
    problems += found
    problems += _unread_entries(content_dir / "alerts")
    alert_files, found = _load_alerts(content_dir / "alerts", country, memory)
    problems += found
    offer_ids = {f.id for f in files if f.id} | {p.stem for p in _yaml_files(content_dir / "offers")}
    problems += check_alerts(alert_files, categories, districts, offer_ids, today)
    problems = _cap(sorted(set(problems)))
    usable = [f for f in files if f.offer is not None]
    catalog = Catalog(
        config=config,
        offers=[f.offer for f in usable],  # type: ignore[misc]
        categories=categories,
        target_groups=groups,
        districts=districts,
        organizations=orgs,
        sources={f.id: f.loaded.source for f in usable},  # type: ignore[misc]
        build_date=today,
        credits=credits,
        alerts=current((f.alert for f in alert_files if f.alert is not None), today),
    )
    if any(p.severity == "error" for p in problems) or len(usable) < len(files):
        if _reference_files_failed(problems, content_dir):
            return LoadResult(None, problems)
        broken = {f.id for f in files if f.offer is None and f.id}
        broken |= {alias for f in files if f.offer is None for _, alias in f.aliases}
        broken |= {p.stem for p in _yaml_files(content_dir / "offers")} - {f.id for f in files}
        return LoadResult(None, problems, partial=catalog, unusable_ids=frozenset(broken))
    return LoadResult(catalog, problems)


def _reference_files_failed(problems: list[Problem], content_dir: Path) -> bool:
    """True when categories, target groups or districts have errors (then nothing spans files)."""
    names = {display_path(content_dir / n) for n in ("categories.yml", "target_groups.yml", "districts.geojson")}
    return any(p.severity == "error" and p.file in names for p in problems)


__all__ = ["LoadResult", "load_catalog", "display_path", "districts_of", "InlineProvider",
           "pydantic_problems"]
