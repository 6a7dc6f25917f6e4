"""``atlas generate``: write a synthetic content folder (for benchmarks and load tests)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from ..clock import build_date
from ..content import display_path
from ..synthetic import generate


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas generate``."""
    parser.add_argument("--offers", type=int, default=1000, metavar="N",
                        help="Anzahl der Angebote (Standard: 1000)")
    parser.add_argument("--districts", type=int, default=25, metavar="D",
                        help="Anzahl der Sozialräume, als Raster (Standard: 25)")
    parser.add_argument("--seed", type=int, default=1, metavar="S",
                        help="Startwert des Zufallsgenerators: gleicher Wert, gleiche Dateien")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="Zielordner (wird angelegt; muss leer sein)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="JJJJ-MM-TT",
                        help="Stichtag für Prüf- und Gültigkeitsdaten "
                        "(Standard: SOURCE_DATE_EPOCH oder heute)")


def run(args: argparse.Namespace) -> int:
    """Write the folder unless it already holds something."""
    if args.offers < 0 or args.districts < 1:
        print("atlas: --offers muss ≥ 0 und --districts ≥ 1 sein", file=sys.stderr)
        return 2
    out: Path = args.out
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(f"atlas: {display_path(out)} ist nicht leer — nichts geschrieben", file=sys.stderr)
        return 1
    started = time.perf_counter()
    generate(out, offers=args.offers, districts=args.districts, seed=args.seed,
             today=args.today or build_date())
    seconds = time.perf_counter() - started
    print(f"{display_path(out)}: {args.offers} Angebote, {args.districts} Sozialräume "
          f"in {seconds:.1f} s geschrieben. Prüfen: atlas check --content {display_path(out)}")
    return 0
