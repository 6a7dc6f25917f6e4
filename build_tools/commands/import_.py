"""``atlas import hsds <file-or-dir> --out content/offers/``: HSDS 3.0 JSON → offer YAML.

Every input field without a place in the atlas is listed (file, object id, field); unusable
input stops the import with exit 1 before anything is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..clock import build_date
from ..content import display_path
from ..geo import load_districts
from ..importers.hsds import import_hsds
from ..importers.tracker import ImportError_
from ..importers.writer import write_all
from .common import add_project_arguments, project

HELP = "Angebote aus HSDS-3.0-JSON übernehmen (schreibt YAML-Dateien)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas import``."""
    parser.add_argument("format", choices=["hsds"], help="Eingabeformat (hsds = HSDS 3.0 JSON)")
    parser.add_argument("source", type=Path, help="JSON-Datei oder Ordner mit .json-Dateien")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="Ordner für die Angebote, z. B. content/offers/")
    parser.add_argument("--organizations", type=Path, default=None, metavar="DIR",
                        help="Ordner für Träger (Standard: organizations/ neben --out)")
    parser.add_argument("--category", default=None,
                        help="Kategorie für Dienste ohne Kategorie (Standard: die erste aus categories.yml)")
    parser.add_argument("--report", type=Path, default=None, metavar="FILE",
                        help="Liste der nicht übernommenen Felder zusätzlich als JSON schreiben")
    add_project_arguments(parser)


def _content_facts(args: argparse.Namespace) -> tuple[str, set[str] | None]:
    _, content = project(args)
    category = args.category
    if category is None:
        try:
            import yaml

            data = yaml.safe_load((content / "categories.yml").read_text(encoding="utf-8"))
            category = str(data[0]["id"])
        except Exception:  # noqa: BLE001 - no usable categories file: a placeholder, reported
            category = "sonstiges"
    districts = None
    geojson = content / "districts.geojson"
    if geojson.exists():
        found, _ = load_districts(geojson, display_path(geojson))
        districts = set(found) or None
    return category, districts


def run(args: argparse.Namespace) -> int:
    """Import; exit 1 on unusable input or existing files (then nothing is written)."""
    category, districts = _content_facts(args)
    orgs_dir = args.organizations or args.out.parent / "organizations"
    try:
        known = {p.stem for p in args.out.glob("*.y*ml")} if args.out.is_dir() else set()
        result = import_hsds(args.source, category, districts, build_date(), known)
        written = write_all(result.offers, result.organizations, args.out, orgs_dir)
    except ImportError_ as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 1
    except FileExistsError as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 1
    entries = result.report.sorted()
    for note in result.skipped:
        print(f"übersprungen: {note}", file=sys.stderr)
    for entry in entries:
        print(f"nicht übernommen: {entry.format()}", file=sys.stderr)
    if args.report:
        args.report.write_text(json.dumps(
            {"skipped": result.skipped,
             "unmapped": [e.__dict__ for e in entries]}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
    print(f"{len(result.offers)} Angebote, {len(result.organizations)} Träger geschrieben "
          f"({len(written)} Dateien), {len(entries)} Felder nicht übernommen. "
          "Weiter mit: atlas check", file=sys.stderr)
    return 0
