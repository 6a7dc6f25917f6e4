"""``atlas import hsds|osm <source> --out content/offers/``: take offers over from other data.

Both formats merge on re-import (:mod:`build_tools.importers.merge`): what an editor changed
since the last import stays and is reported, new objects are added, objects the source no
longer has are reported, never deleted. ``--dry-run`` prints the report and writes nothing.
Unusable input stops with exit 1 before anything is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from ..clock import build_date
from ..content import display_path
from ..geo import load_districts
from ..importers.attribution import OSM, sources_text
from ..importers.hsds import import_hsds
from ..importers.merge import Incoming, plan_merge, read_state, state_path, state_text, write_merge
from ..importers.osm import ORDER, load_mapping, map_export
from ..importers.osm_input import read_export
from ..importers.tracker import ImportError_
from ..importers.writer import ORG_HEADER, to_yaml
from .common import add_project_arguments, project

_HSDS_ORDER = ["id", "title", "summary", "description", "category", "also_categories", "target_groups", "tags",
               "provider", "location", "service_area", "opening_hours", "hours_note", "season", "valid_from",
               "valid_until", "status", "alert", "contact", "languages", "costs", "access", "last_verified",
               "related", "aliases", "source"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas import``."""
    parser.add_argument("format", choices=["hsds", "osm"],
                        help="hsds = HSDS 3.0 JSON; osm = GeoJSON aus overpass turbo, Overpass-JSON oder .osm")
    parser.add_argument("source", type=Path, help="Datei (osm) oder JSON-Datei bzw. Ordner (hsds)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="Ordner für die Angebote, z. B. content/offers/")
    parser.add_argument("--organizations", type=Path, default=None, metavar="DIR",
                        help="hsds: Ordner für Träger (Standard: organizations/ neben --out)")
    parser.add_argument("--mapping", type=Path, default=None, metavar="FILE",
                        help="Zuordnung zu Kategorien (Standard: content/import/osm-mapping.yml bzw. hsds-mapping.yml)")
    parser.add_argument("--category", default=None,
                        help="hsds: Kategorie für Dienste ohne Kategorie (sonst: kategorie-fehlt, atlas check meldet es)")
    parser.add_argument("--dry-run", action="store_true", help="nur berichten, nichts schreiben")
    parser.add_argument("--report", type=Path, default=None, metavar="FILE",
                        help="den Bericht zusätzlich als JSON schreiben")
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Import and merge; exit 1 on unusable input (then nothing is written)."""
    _, content = project(args)
    try:
        if args.format == "osm":
            return _osm(args, content)
        return _hsds(args, content)
    except ImportError_ as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 1


def _osm(args: argparse.Namespace, content: Path) -> int:
    mapping = args.mapping or content / "import" / "osm-mapping.yml"
    rules = load_mapping(mapping)
    export = read_export(args.source)
    mapped = map_export(export, rules, _labels(content), build_date())
    state_file = state_path(content, "osm")
    plan = plan_merge(mapped.incoming, args.out, read_state(state_file), "osm:", ORDER)
    notes = [f"nicht übernommen: {n}" for n in mapped.notes]
    notes.append(f"{mapped.unmatched} Objekte ohne passende Regel in {display_path(mapping)}, "
                 f"{mapped.skipped} per skip ausgelassen")
    extra = {
        state_file: state_text(plan.state, {"format": "osm", "file": args.source.name, "data_as_of": export.timestamp,
                                            "note": "Werte des letzten Imports je Objekt: nicht von Hand ändern"}),
        content / "import" / "sources.yml": sources_text(OSM, build_date(), export.timestamp),
    }
    return _finish(args, plan, notes, extra)


def _hsds(args: argparse.Namespace, content: Path) -> int:
    districts = None
    geojson = content / "districts.geojson"
    if geojson.exists():
        found, _ = load_districts(geojson, display_path(geojson))
        districts = set(found) or None
    mapping_file = args.mapping or content / "import" / "hsds-mapping.yml"
    mapping = _hsds_mapping(mapping_file) if (args.mapping or mapping_file.exists()) else {}
    known = {p.stem for p in args.out.glob("*.y*ml")} if args.out.is_dir() else set()
    result = import_hsds(args.source, args.category, districts, build_date(), known, mapping)
    incoming = [Incoming(result.sources[oid], oid, data, data["title"]) for oid, data in result.offers.items()]
    state_file = state_path(content, "hsds")
    plan = plan_merge(incoming, args.out, read_state(state_file), "hsds:", _HSDS_ORDER)
    orgs_dir = args.organizations or args.out.parent / "organizations"
    extra = {state_file: state_text(plan.state, {"format": "hsds", "source": str(args.source.name),
                                                 "note": "Werte des letzten Imports je Dienst: nicht von Hand ändern"})}
    for org_id, data in sorted(result.organizations.items()):
        path = orgs_dir / f"{org_id}.yml"
        if not path.exists():
            extra[path] = to_yaml(ORG_HEADER, data)
    notes = [f"doppelt: {d}" for d in result.duplicates]
    notes += [f"übersprungen: {n}" for n in result.skipped]
    notes += [f"nicht übernommen: {e.format()}" for e in result.report.sorted()]
    return _finish(args, plan, notes, extra, {"duplicates": result.duplicates, "skipped": result.skipped,
                                              "unmapped": [e.__dict__ for e in result.report.sorted()]})


def _finish(args: argparse.Namespace, plan, notes: list[str], extra: dict[Path, str],
            details: dict | None = None) -> int:
    lines = plan.report() + notes
    for line in lines:
        print(line, file=sys.stderr)
    if args.report:
        args.report.write_text(json.dumps({"report": lines, **(details or {})}, ensure_ascii=False, indent=1) + "\n",
                               encoding="utf-8")
    if args.dry_run:
        print(f"Probelauf, nichts geschrieben: {plan.summary()}.", file=sys.stderr)
        return 0
    written = write_merge(plan, extra)
    print(f"{plan.summary()} ({len(written)} Dateien geschrieben). Weiter mit: atlas check", file=sys.stderr)
    return 0


def _labels(content: Path) -> dict[str, str]:
    try:
        data = yaml.safe_load((content / "categories.yml").read_text(encoding="utf-8"))
        return {str(c["id"]): str(c.get("label", c["id"])) for c in data if isinstance(c, dict) and "id" in c}
    except (OSError, yaml.YAMLError, TypeError):
        return {}


def _hsds_mapping(path: Path) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise ImportError_(f"{path}: Zuordnungsdatei nicht gefunden") from None
    except yaml.YAMLError:
        raise ImportError_(f"{path}: kein gültiges YAML") from None
    terms = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(terms, dict):
        raise ImportError_(f"{path}: erwartet „categories:“ mit Begriff: kategorie-id, z. B. „Food Bank: essen“")
    return {str(k): str(v) for k, v in terms.items()}
