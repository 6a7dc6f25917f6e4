"""``atlas capacity set ID N``: write an offer's free places into the capacity file (docs/kapazitaet.md).

For offices that keep the file in Git: the id must be an offer of the atlas, the file is
written atomically, ``updated`` is now (``--at`` for a fixed time).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..capacity import FeedError, read_feed, set_entry, write_feed
from ..content import display_path
from ..yamlio import YamlProblem, load_yaml_file
from .common import add_project_arguments, project

BERLIN = ZoneInfo("Europe/Berlin")


def _count(text: str) -> int:
    """A whole number as argparse reads it, refused in German otherwise."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: eine ganze Zahl angeben, z. B. 3") from None


def offer_exists(offers: Path, offer_id: str) -> bool:
    """True when an offer file in ``offers`` has ``offer_id`` as its id (not as an alias: the
    page asks the feed for the offer's id)."""
    for path in sorted(offers.glob("*.yml")) if offers.is_dir() else []:
        try:
            loaded = load_yaml_file(path, display_path(path))
        except YamlProblem:
            continue  # `atlas check` reports the broken file
        data = loaded.data if isinstance(loaded.data, dict) else {}
        if (data.get("id") or path.stem) == offer_id:
            return True
    return False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas capacity``."""
    parser.add_argument("action", choices=["set"], help="set: freie Plätze eines Angebots eintragen")
    parser.add_argument("id", help="id des Angebots, z. B. winternotquartier-alte-feuerwache")
    parser.add_argument("available", type=_count, help="Zahl der freien Plätze (ab 0)")
    parser.add_argument("--maximum", type=_count, default=None, help="Zahl aller Plätze")
    parser.add_argument("--unit", default=None, help="Wort für die Plätze, z. B. Betten")
    parser.add_argument("--file", type=Path, default=Path("plaetze.json"), metavar="PATH",
                        help="die Platz-Datei (Standard: ./plaetze.json)")
    parser.add_argument("--at", default=None, metavar="ZEIT",
                        help="Zeitpunkt der Zählung (ISO, z. B. 2026-12-03T19:40:00+01:00; Standard: jetzt)")
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Update the offer's entry; German errors, exit 1 (content) or 2 (usage)."""
    try:
        at = datetime.fromisoformat(args.at) if args.at else datetime.now(BERLIN)
    except ValueError:
        print(f"atlas: --at {args.at!r}: Zeit als JJJJ-MM-TTTHH:MM:SS+01:00 angeben", file=sys.stderr)
        return 2
    if at.tzinfo is None:
        print("atlas: --at braucht die Zeitzone, z. B. 2026-12-03T19:40:00+01:00", file=sys.stderr)
        return 2
    _, content = project(args)
    if not offer_exists(content / "offers", args.id):
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
