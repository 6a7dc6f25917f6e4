"""Load a content folder into a :class:`~build_tools.catalog.Catalog`, collecting every problem.

This is the one place that knows the folder layout::

    content/offers/*.yml         one offer each
    content/organizations/*.yml  one provider each
    content/categories.yml       list of categories
    content/target_groups.yml    list of target groups
    content/districts.geojson    Sozialräume (polygons with id, name, population)

Every problem in every file is reported in one run; a broken file never hides the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .catalog import Catalog, districts_of
from .config import AtlasConfig
from .geo import DistrictLocator, load_districts
from .opening_hours import HoursError, parse_hours
from .problems import Problem
from .schema import _ID_RE, Category, InlineProvider, Offer, Organization, TargetGroup
from .urls import RESERVED_IDS
from .yamlio import LoadedYaml, Marks, YamlProblem, dotted_path, load_yaml_file

M = TypeVar("M", bound=BaseModel)

MAX_OFFER_FILES = 50_000

# German wording for pydantic's error types; {ctx} values are filled from the error context.
_MESSAGES = {
    "missing": "Pflichtfeld fehlt",
    "extra_forbidden": "unbekanntes Feld (Tippfehler?)",
    "string_type": "erwartet Text",
    "string_too_short": "darf nicht leer sein",
    "string_too_long": "zu lang (höchstens {max_length} Zeichen)",
    "string_pattern_mismatch": "hat nicht das erwartete Format ({pattern})",
    "float_parsing": "erwartet eine Zahl (mit Punkt, z. B. 50.8034)",
    "float_type": "erwartet eine Zahl",
    "finite_number": "erwartet eine endliche Zahl",
    "int_parsing": "erwartet eine ganze Zahl",
    "int_type": "erwartet eine ganze Zahl",
    "greater_than_equal": "muss mindestens {ge} sein",
    "less_than_equal": "darf höchstens {le} sein",
    "bool_parsing": "erwartet true oder false",
    "bool_type": "erwartet true oder false",
    "date_from_datetime_parsing": "erwartet ein Datum im Format JJJJ-MM-TT",
    "date_parsing": "erwartet ein Datum im Format JJJJ-MM-TT",
    "date_type": "erwartet ein Datum im Format JJJJ-MM-TT",
    "date_from_datetime_inexact": "erwartet ein Datum ohne Uhrzeit im Format JJJJ-MM-TT",
    "list_type": "erwartet eine Liste (- eintrag)",
    "dict_type": "erwartet eine Zuordnung (schlüssel: wert)",
    "model_type": "erwartet eine Zuordnung (schlüssel: wert)",
    "model_attributes_type": "erwartet eine Zuordnung (schlüssel: wert)",
    "enum": "erlaubt sind: {expected}",
    "literal_error": "erlaubt sind: {expected}",
    "too_long": "zu viele Einträge (höchstens {max_length})",
    "too_short": "zu wenige Einträge (mindestens {min_length})",
}

_FIELD_HINTS = {
    "postal_code": "Postleitzahl mit fünf Ziffern in Anführungszeichen, z. B. \"52349\"",
    "color": "Farbe als \"#rrggbb\"",
}


@dataclass
class LoadResult:
    """What :func:`load_catalog` found: the catalog (None when there are errors) and problems."""

    catalog: Catalog | None
    problems: list[Problem]

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


def pydantic_problems(exc: ValidationError, marks: Marks, source: str, prefix: tuple = ()) -> list[Problem]:
    """Turn a pydantic error into problems placed at the offending line and column."""
    problems: dict[tuple, Problem] = {}
    errors = [(_yaml_path(err["loc"]), err) for err in exc.errors(include_url=False)]
    for loc, err in errors:
        full = (*prefix, *loc)
        kind = err["type"]
        if kind in _TYPE_MISMATCH and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other, _ in errors
        ):
            # A union (provider: text or {name: ...}) got a mapping with a bad field: the
            # field's own error tells more than "erwartet Text" from the other alternative.
            continue
        line, col = marks.of_key(full) if kind == "extra_forbidden" else marks.of_value(full)
        message = _german(err, loc)
        key = (line, col, dotted_path(full))
        # Union types (provider) report one error per alternative; keep the first, most telling.
        if key not in problems:
            problems[key] = Problem(source, line, col, dotted_path(full), message)
    return list(problems.values())


_TYPE_MISMATCH = {"string_type", "model_type", "model_attributes_type", "dict_type"}


def _yaml_path(loc: tuple) -> tuple:
    # pydantic adds union branch names ("str", "InlineProvider", "function-after[...]") to loc.
    out = []
    for part in loc:
        if isinstance(part, str) and (
            part in {"str", "InlineProvider", "list[str]"}
            or "[" in part
            or part.startswith("function-")
        ):
            continue
        out.append("from" if part == "from_" else part)
    return tuple(out)


def _german(err: dict[str, Any], loc: tuple) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind in ("too_long", "too_short") and isinstance(err.get("input"), str):
        kind = f"string_{kind}"  # a length limit on Annotated text reports the generic kind
    template = _MESSAGES.get(kind)
    if template is None:
        return err["msg"]
    last = loc[-1] if loc else ""
    if kind == "string_pattern_mismatch" and last in _FIELD_HINTS:
        return _FIELD_HINTS[last]
    ctx = {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in ctx.items()}
    if kind in ("enum", "literal_error") and "expected" in ctx:
        ctx = {**ctx, "expected": str(ctx["expected"]).replace("' or '", "' oder '")}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template


def _validate(model: type[M], data: Any, loaded: LoadedYaml, prefix: tuple = ()) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, pydantic_problems(exc, loaded.marks, loaded.source, prefix)


def _load(path: Path) -> tuple[LoadedYaml | None, list[Problem]]:
    try:
        return load_yaml_file(path, display_path(path)), []
    except YamlProblem as exc:
        return None, [exc.problem]


def _load_list(path: Path, model: type[M], what: str) -> tuple[dict[str, M], list[Problem]]:
    display = display_path(path)
    if not path.exists():
        return {}, [Problem(display, 1, 1, "", f"Datei fehlt ({what})")]
    loaded, problems = _load(path)
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
        f"der Dateiname {path.name!r} ergibt keine gültige id: Datei umbenennen "
        "(nur a–z, 0–9, Bindestrich) oder id: setzen",
    )


def _mapping_files(folder: Path):
    """Each YAML file in ``folder`` that holds a mapping: (path, loaded, id or None, problems)."""
    for path in _yaml_files(folder):
        loaded, found = _load(path)
        if loaded is None:
            yield path, None, None, found
            continue
        if not isinstance(loaded.data, dict):
            yield path, None, None, [*found, Problem(loaded.source, 1, 1, "", "erwartet eine Zuordnung (schlüssel: wert), keine Liste oder Text")]
            continue
        item_id, problem = _id_from(path, loaded.data, loaded)
        yield path, loaded, item_id, [*found, *([problem] if problem else [])]


def _load_organizations(folder: Path) -> tuple[dict[str, Organization], list[Problem]]:
    orgs: dict[str, Organization] = {}
    problems: list[Problem] = []
    for _path, loaded, org_id, found in _mapping_files(folder):
        problems += found
        if loaded is None or org_id is None:
            continue
        org, found = _validate(Organization, loaded.data, loaded)
        problems += found
        if org is not None:
            org.id = org_id
            orgs[org_id] = org
    return dict(sorted(orgs.items())), problems


@dataclass
class _OfferFile:
    offer: Offer
    loaded: LoadedYaml


def _load_offers(folder: Path) -> tuple[list[_OfferFile], list[Problem]]:
    result: list[_OfferFile] = []
    problems: list[Problem] = []
    for _path, loaded, offer_id, found in _mapping_files(folder):
        problems += found
        if loaded is None:
            continue
        offer, found = _validate(Offer, loaded.data, loaded)
        problems += found
        if offer is not None and offer_id is not None:
            offer.id = offer_id
            problems += _check_hours(offer, loaded)
            result.append(_OfferFile(offer, loaded))
    return result, problems


def _scalar_position(loaded: LoadedYaml, path: tuple, offset: int, text: str) -> tuple[int, int]:
    """File position of character ``offset`` inside the single-line scalar at ``path``."""
    line, col = loaded.marks.of_value(path)
    if "\n" in text:
        return line, col
    # A quoted scalar starts with its quote; the text begins one column later.
    return line, col + offset + (1 if _starts_quoted(loaded, line, col) else 0)


def _starts_quoted(loaded: LoadedYaml, line: int, col: int) -> bool:
    return loaded.char_at(line, col) in ('"', "'")


def _check_hours(offer: Offer, loaded: LoadedYaml) -> list[Problem]:
    if not offer.opening_hours:
        return []
    try:
        parse_hours(offer.opening_hours)
    except HoursError as exc:
        raw = loaded.data.get("opening_hours", "")
        lead = len(raw) - len(raw.lstrip()) if isinstance(raw, str) else 0
        line, col = _scalar_position(loaded, ("opening_hours",), exc.offset + lead, offer.opening_hours)
        hint = f" — {exc.hint}" if exc.hint else ""
        return [Problem(loaded.source, line, col, "opening_hours", f"{exc.message}{hint}")]
    return []


def _cross_check(
    files: list[_OfferFile],
    categories: dict[str, Category],
    groups: dict[str, TargetGroup],
    districts: dict,
    orgs: dict[str, Organization],
    config: AtlasConfig,
    today: date,
) -> list[Problem]:
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    alias_owner: dict[str, str] = {}
    ids = {f.offer.id for f in files}
    locator = DistrictLocator(districts)

    for item in files:
        offer, loaded = item.offer, item.loaded
        src, marks = loaded.source, loaded.marks

        def at(path: tuple, message: str, severity: str = "error", _src=src, _marks=marks) -> None:
            line, col = _marks.of_value(path)
            problems.append(Problem(_src, line, col, dotted_path(path), message, severity))  # type: ignore[arg-type]

        if offer.id in RESERVED_IDS:
            at(("id",) if "id" in loaded.data else (), f"die id {offer.id!r} ist reserviert; bitte eine andere wählen")
        if offer.id in first_file:
            at(("id",) if "id" in loaded.data else (), f"die id {offer.id!r} gibt es schon in {first_file[offer.id]}")
        else:
            first_file[offer.id] = src
        if offer.category not in categories:
            at(("category",), f"unbekannte Kategorie {offer.category!r}; bekannt: {', '.join(categories) or '—'}")
        for i, cat in enumerate(offer.also_categories):
            if cat not in categories:
                at(("also_categories", i), f"unbekannte Kategorie {cat!r}")
        for i, group in enumerate(offer.target_groups):
            if group not in groups:
                at(("target_groups", i), f"unbekannte Zielgruppe {group!r}; bekannt: {', '.join(groups) or '—'}")
        if isinstance(offer.provider, str) and _ID_RE.match(offer.provider) and offer.provider not in orgs:
            at(("provider",), f"unbekannter Träger {offer.provider!r}: Datei content/organizations/"
               f"{offer.provider}.yml fehlt (für einen Namen ohne eigene Datei: provider: {{name: ...}})")
        for i, rel in enumerate(offer.related):
            if rel not in ids:
                at(("related", i), f"unbekanntes Angebot {rel!r}")
            elif rel == offer.id:
                at(("related", i), "ein Angebot kann nicht auf sich selbst verweisen")
        for i, alias in enumerate(offer.aliases):
            if alias in ids:
                at(("aliases", i), f"der alte Name {alias!r} ist die id eines bestehenden Angebots")
            elif alias in alias_owner:
                at(("aliases", i), f"der alte Name {alias!r} steht schon bei {alias_owner[alias]}")
            else:
                alias_owner[alias] = src
        if offer.location is None and not offer.service_area:
            at((), "Ort fehlt: location (fester Ort) oder service_area (Liste der Sozialräume) angeben")
        if offer.location is not None:
            loc = offer.location
            found = locator.locate(loc.lat, loc.lon)
            if loc.district is not None:
                if districts and loc.district not in districts:
                    at(("location", "district"), f"unbekannter Sozialraum {loc.district!r}")
                elif found and found != loc.district:
                    at(("location", "district"),
                       f"die Koordinaten liegen in {found!r}, nicht in {loc.district!r}: "
                       "Sozialraum oder Koordinaten prüfen", "warning")
            else:
                loc.district = found
                if districts and found is None and config.region.contains(loc.lat, loc.lon):
                    at(("location", "lat"),
                       "die Koordinaten liegen in keinem Sozialraum aus content/districts.geojson: "
                       "Koordinaten prüfen oder location.district angeben", "warning")
            if not config.region.contains(loc.lat, loc.lon):
                at(("location", "lat"), "Koordinaten liegen außerhalb des Atlas-Gebiets (lat/lon vertauscht?)", "warning")
        for i, d in enumerate(offer.service_area or []):
            if districts and d not in districts:
                at(("service_area", i), f"unbekannter Sozialraum {d!r}")
        age = _months_between(offer.last_verified, today)
        if age >= config.review_months:
            at(("last_verified",), f"seit {age} Monaten nicht geprüft: Angaben prüfen und Datum erneuern", "warning")
        if offer.last_verified > today:
            at(("last_verified",), "Datum liegt in der Zukunft", "warning")
        if offer.valid_until and offer.valid_until < today and offer.status != "ended":
            at(("valid_until",), "abgelaufen: Angebot beenden (status: ended) oder Datum anpassen", "warning")
    return problems


def _months_between(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def load_catalog(
    content_dir: Path,
    config: AtlasConfig,
    today: date,
    progress: Callable[[str], None] | None = None,
) -> LoadResult:
    """Read and validate a whole content folder.

    Returns every problem found (errors and warnings, sorted); the catalog is None when any
    error was found, so nothing is ever rendered from half-valid content.
    """
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return LoadResult(None, [Problem(display_path(content_dir), 1, 1, "", "Inhaltsordner fehlt")])
    categories, found = _load_list(content_dir / "categories.yml", Category, "Kategorien")
    problems += found
    groups, found = _load_list(content_dir / "target_groups.yml", TargetGroup, "Zielgruppen")
    problems += found
    geojson = content_dir / "districts.geojson"
    districts, found = load_districts(geojson, display_path(geojson))
    problems += found
    problems += _unread_entries(content_dir / "organizations")
    problems += _unread_entries(content_dir / "offers")
    orgs, found = _load_organizations(content_dir / "organizations")
    problems += found
    files, found = _load_offers(content_dir / "offers")
    problems += found
    problems += _cross_check(files, categories, groups, districts, orgs, config, today)
    problems = sorted(set(problems))
    if any(p.severity == "error" for p in problems):
        return LoadResult(None, problems)
    catalog = Catalog(
        config=config,
        offers=[f.offer for f in files],
        categories=categories,
        target_groups=groups,
        districts=districts,
        organizations=orgs,
        sources={f.offer.id: f.loaded.source for f in files},
        build_date=today,
    )
    return LoadResult(catalog, problems)


__all__ = ["LoadResult", "load_catalog", "display_path", "districts_of", "InlineProvider"]
