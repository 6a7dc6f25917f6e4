"""``atlas flyers``: print-ready PDFs — a card and a poster per offer, and the Wegweiser."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..build import Tools, make_files, town_map_streets
from ..content import display_path
from ..flyers.cache import PdfCache
from ..flyers.definitions import load_definitions
from ..flyers.page import PrintOptions
from ..flyers.plan import FlyerError, FlyerPlan, job_key, job_maker, plan_flyers
from ..flyers.texts import PRINT_LANGUAGES, SECOND_LANGUAGES
from ..outputs import GeneratedFile
from ..problems import format_problems
from ..templating import templates_for
from ..urls import MissingSiteUrl, absolute_url
from .common import add_project_arguments, load, open_from


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
    parser.add_argument("--language", default=None, choices=SECOND_LANGUAGES, metavar="SPRACHE",
                        help="zusätzlich zweisprachige Handzettel und Aushänge: Deutsch und "
                             "diese Sprache (" + ", ".join(SECOND_LANGUAGES) + "), für jedes "
                             "Angebot mit Titel und Kurzbeschreibung in ihr")
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
    """Plan and make the flyers (PDF cache, every core) and write them into ``--out``."""
    if args.language and args.lang != "de":
        print("atlas: --language druckt Deutsch und eine zweite Sprache; --lang dazu weglassen",
              file=sys.stderr)
        return 2
    site_url = args.site_url or open_from(args).settings.site_url
    try:
        absolute_url(site_url, "")
    except MissingSiteUrl as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 2
    inputs, _ = load(args, site_url=site_url)
    if inputs is None:
        return 1
    catalog, settings = inputs.catalog, inputs.settings
    unknown = [i for i in args.only or [] if not catalog.has_offer(i)]
    if unknown:
        print(f"atlas: unbekanntes Angebot {', '.join(unknown)}", file=sys.stderr)
        return 2
    options = PrintOptions(
        site_url=site_url, lang=args.lang, bleed_mm=args.bleed, crop_marks=args.crop_marks,
        cmyk=args.cmyk, error_correction=settings.flyers.qr_error_correction, atlas_name=settings.name,
    )
    collections = list(inputs.collections)
    if args.definitions is not None:
        collections, trouble = load_definitions(args.definitions, catalog)
        if trouble:
            print(format_problems(trouble, "text"), file=sys.stderr)
            if any(p.severity == "error" for p in trouble):
                return 1
    plan = plan_flyers(catalog, collections, options, set(args.only) if args.only else None,
                       streets=town_map_streets(inputs.network, catalog), bilingual=args.language)
    errors = [p for p in plan.problems if p.severity == "error"]
    if errors:
        print(format_problems(errors, "text"), file=sys.stderr)
        return 1
    untranslated = [p for p in plan.problems if p.field.startswith("translations.")]
    if untranslated:
        print(format_problems(untranslated, "text"), file=sys.stderr)
    started = time.perf_counter()
    project = inputs.project
    cache = None if args.no_cache else PdfCache(project.cache_dir / "flyers")
    tools = Tools(templates=templates_for(None), pdf_cache=cache, processes=args.jobs)
    jobs = sorted(plan.jobs, key=lambda j: j.path)
    deferred = [GeneratedFile(j.path, make=job_maker(j, options), key=job_key(j, options)) for j in jobs]
    try:
        made = make_files(deferred, tools)
    except FlyerError as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for item in made:
        data = item.read()
        target = args.out / Path(item.path).name
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    if args.record:
        _record(plan, project.ledger_file)
    seconds = time.perf_counter() - started
    stats = tools.flyer_stats
    print(f"{len(made)} PDFs in {display_path(args.out)} "
          f"({stats.get('rendered', 0)} neu, {stats.get('cached', 0)} aus dem Cache, {seconds:.1f} s)")
    return 0


def _record(plan: FlyerPlan, ledger: Path) -> None:
    """Append every address these flyers print to the ledger: the readable URL and the short
    link their QR codes carry (once per URL, flyer and code)."""
    from ..clock import build_date
    from ..ledger import LedgerEntry, append_entries

    today = build_date()
    entries = [
        LedgerEntry(today, item.url, Path(path).name, item.category, item.title, qr=item.qr)
        for path, found in plan.printed.items()
        for item in found
    ]
    added = append_entries(ledger, entries)
    print(f"{added} gedruckte Adressen neu in {display_path(ledger)} eingetragen")
