"""``atlas capacity set ID N``: write an offer's free places into the capacity file (docs/kapazitaet.md).

For offices that keep the file in Git: the id must be an offer of the atlas, the file is
written atomically, ``updated`` is now (``--at`` for a fixed time).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ..capacity import FeedError, read_feed, set_entry, write_feed
from ..content import display_path
from .common import add_project_arguments, project
from .new import id_taken


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas capacity``."""
    parser.add_argument("action", choices=["set"], help="set: freie Plätze eines Angebots eintragen")
    parser.add_argument("id", help="id des Angebots, z. B. winternotquartier-alte-feuerwache")
    parser.add_argument("available", type=int, help="Zahl der freien Plätze (ab 0)")
    parser.add_argument("--maximum", type=int, default=None, help="Zahl aller Plätze")
    parser.add_argument("--unit", default=None, help="Wort für die Plätze, z. B. Betten")
    parser.add_argument("--file", type=Path, default=Path("plaetze.json"), metavar="PATH",
                        help="die Platz-Datei (Standard: ./plaetze.json)")
    parser.add_argument("--at", default=None, metavar="ZEIT",
                        help="Zeitpunkt der Zählung (ISO, z. B. 2026-12-03T19:40:00+01:00; Standard: jetzt)")
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Update the offer's entry; German errors, exit 1 (content) or 2 (usage)."""
    try:
        at = datetime.fromisoformat(args.at) if args.at else datetime.now().astimezone()
    except ValueError:
        print(f"atlas: --at {args.at!r}: Zeit als JJJJ-MM-TTTHH:MM:SS+01:00 angeben", file=sys.stderr)
        return 2
    if at.tzinfo is None:
        print("atlas: --at braucht die Zeitzone, z. B. 2026-12-03T19:40:00+01:00", file=sys.stderr)
        return 2
    _, content = project(args)
    if not id_taken(content / "offers", args.id) and not (content / "offers" / f"{args.id}.yml").is_file():
        print(f"atlas: kein Angebot mit der id {args.id!r} in {display_path(content / 'offers')}; "
              "id prüfen (Dateiname ohne .yml)", file=sys.stderr)
        return 1
    try:
        data = set_entry(read_feed(args.file), args.id, args.available, args.maximum, args.unit, at)
        write_feed(args.file, data)
    except FeedError as exc:
        print(f"atlas: {exc}", file=sys.stderr)
        return 1
    print(f"{args.file}: {args.id} – {args.available} frei (Stand {data['updated']})")
    return 0
