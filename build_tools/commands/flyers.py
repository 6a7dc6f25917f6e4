"""``atlas flyers``: print-ready PDFs — a card and a poster per offer, and the Wegweiser."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import display_path
from ..flyers.build import FlyerError, build_flyers
from ..flyers.page import PrintOptions
from ..flyers.texts import PRINT_LANGUAGES
from ..problems import format_problems
from ..urls import MissingSiteUrl, absolute_url
from .common import add_project_arguments, load, project

HELP = "Flyer drucken: Karte (A6) und Aushang (A4) je Angebot, Wegweiser aus flyers/*.yml"


def _bleed(value: str) -> float:
    try:
        bleed = float(value.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} ist keine Zahl (mm)") from None
    if not 0 <= bleed <= 10:
        raise argparse.ArgumentTypeError("Beschnitt zwischen 0 und 10 mm angeben")
    return bleed


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas flyers``."""
    parser.add_argument("--out", type=Path, default=Path("build/flyers"), metavar="DIR",
                        help="Zielordner (Standard: build/flyers)")
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help="öffentliche Adresse für die QR-Codes (Standard: site_url aus mkdocs.yml)")
    parser.add_argument("--lang", default="de", choices=PRINT_LANGUAGES,
                        help="Drucksprache; fehlende Übersetzungen je Feld auf Deutsch")
    parser.add_argument("--bleed", type=_bleed, default=0.0, metavar="MM",
                        help="Beschnitt in mm (0 für Bürodrucker, 3 für Druckereien)")
    parser.add_argument("--crop-marks", action="store_true", help="Schnittmarken drucken")
    parser.add_argument("--cmyk", action="store_true", help="Farben in CMYK (Text 100 %% Schwarz)")
    parser.add_argument("--only", action="append", default=None, metavar="ID",
                        help="nur dieses Angebot (mehrfach möglich); ohne Wegweiser")
    parser.add_argument("--definitions", type=Path, default=None, metavar="DIR",
                        help="Ordner der Wegweiser-Definitionen (Standard: flyers/)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="Prozesse (Standard: alle Kerne)")
    parser.add_argument("--no-cache", action="store_true", help="alles neu erzeugen")
    parser.add_argument("--record", action="store_true",
                        help="gedruckte Adressen in flyers/printed-urls.txt eintragen (mit dem "
                             "Druckauftrag committen: diese Adressen müssen erreichbar bleiben)")
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Build the flyers and write them into ``--out``."""
    config, content = project(args)
    site_url = args.site_url or config.site_url
    try:
        absolute_url(site_url, "")
    except MissingSiteUrl as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 2
    result = load(args)
    if result.catalog is None:
        return 1
    catalog = result.catalog
    unknown = [i for i in args.only or [] if not catalog.has_offer(i)]
    if unknown:
        print(f"atlas: unbekanntes Angebot {', '.join(unknown)}", file=sys.stderr)
        return 2
    options = PrintOptions(
        site_url=site_url, lang=args.lang, bleed_mm=args.bleed, crop_marks=args.crop_marks,
        cmyk=args.cmyk, error_correction=config.qr_error_correction, atlas_name=config.name,
    )
    root = Path(args.config).resolve().parent if args.config else Path.cwd()
    definitions = args.definitions or root / "flyers"
    cache = None if args.no_cache else root / ".cache" / "flyers"
    try:
        built = build_flyers(catalog, options, definitions, cache, args.jobs,
                             set(args.only) if args.only else None)
    except FlyerError as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 1
    if built.problems:
        print(format_problems(built.problems, "text"), file=sys.stderr)
        if any(p.severity == "error" for p in built.problems):
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for path, data in built.files.items():
        target = args.out / Path(path).name
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    if args.record:
        _record(built, root)
    print(f"{len(built.files)} PDFs in {display_path(args.out)} "
          f"({built.rendered} neu, {built.cached} aus dem Cache, {built.seconds:.1f} s, "
          f"{built.processes} Prozesse)")
    return 0


def _record(built, root: Path) -> None:
    """Append every URL these flyers print to the ledger (once per URL and flyer)."""
    from ..clock import build_date
    from ..ledger import LedgerEntry, append_entries, ledger_path

    today = build_date()
    entries = [
        LedgerEntry(today, url, Path(path).name, category, title)
        for path, found in built.printed.items()
        for url, category, title in found
    ]
    target = ledger_path(root)
    added = append_entries(target, entries)
    print(f"{added} gedruckte Adressen neu in {display_path(target)} eingetragen")
